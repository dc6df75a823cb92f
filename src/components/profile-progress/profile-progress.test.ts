import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../../../test/support/wait.js';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import type { PartnerProfile } from '../../domain/completion.js';
import { setLocale } from '../../locales/index.js';
import './profile-progress.js';
import type { ProfileProgress, ProgressField } from './profile-progress.component.js';

/** Five of the eight progress fields: photos and MLS are missing. */
const PARTIAL: PartnerProfile = {
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'ada@example.com',
  street: '1 Main St',
  city: 'Springfield',
  state: 'IL',
  zip: '62701',
  jobTitle: 'Agent',
  timeZone: 'America/Chicago',
};

const COMPLETE: PartnerProfile = {
  ...PARTIAL,
  photoUrl: 'https://example.com/me.jpg',
  logoUrl: 'https://example.com/logo.png',
  mlsAgentId: 'A-1',
  mlsAssociation: 'Springfield MLS',
  company: 'Acme Realty',
  mobilePhone: '555-0100',
  officePhone: '555-0101',
  licenseNumber: 'IL-42',
};

const part = <T extends Element = HTMLElement>(element: ProfileProgress, name: string) =>
  element.shadowRoot!.querySelector<T & Element>(`[part~="${name}"]`);
const bar = (element: ProfileProgress) => part(element, 'bar')!;
const missingItems = (element: ProfileProgress) =>
  [...element.shadowRoot!.querySelectorAll('[part="missing-item"]')].map((item) => item.textContent);
const tooltipShown = (element: ProfileProgress) => !!part(element, 'tooltip')?.checkVisibility({ visibilityProperty: true });

function captureWarnings() {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (message: unknown) => warnings.push(String(message));
  return { warnings, restore: () => (console.warn = original) };
}

afterEach(async () => {
  await resetMouse();
  setLocale(undefined);
  document.documentElement.lang = 'en';
  document.documentElement.style.colorScheme = '';
});

describe('<profile-progress>', () => {
  describe('from a profile', () => {
    it('is a progressbar with the value, "5 of 8 fields" and the percentage', async () => {
      const element = await fixture<ProfileProgress>(html`<profile-progress .profile=${PARTIAL}></profile-progress>`);
      const progressbar = bar(element);
      expect(progressbar.getAttribute('role')).to.equal('progressbar');
      expect(progressbar.getAttribute('aria-label')).to.equal('Profile completion');
      expect(progressbar.getAttribute('aria-valuemin')).to.equal('0');
      expect(progressbar.getAttribute('aria-valuemax')).to.equal('100');
      expect(progressbar.getAttribute('aria-valuenow')).to.equal('62');
      expect(progressbar.getAttribute('aria-valuetext')).to.equal('5 of 8 fields');
      expect(part(element, 'percent')!.textContent).to.equal('62%');
      expect(part(element, 'indicator')!.style.width).to.equal('62%');
      expect(element.missing).to.deep.equal(['profilePhoto', 'companyPhoto', 'mls']);
    });

    it('an empty profile is 0 of 8 with every field missing', async () => {
      const element = await fixture<ProfileProgress>(html`<profile-progress .profile=${{}}></profile-progress>`);
      expect(bar(element).getAttribute('aria-valuetext')).to.equal('0 of 8 fields');
      expect(bar(element).getAttribute('aria-valuenow')).to.equal('0');
      expect(part(element, 'toggle')!.textContent!.trim()).to.equal('Show missing (8)');
    });

    it('a complete profile is 100% and says so, with nothing to disclose', async () => {
      const element = await fixture<ProfileProgress>(html`<profile-progress .profile=${COMPLETE}></profile-progress>`);
      expect(bar(element).getAttribute('aria-valuetext')).to.equal('8 of 8 fields');
      expect(part(element, 'percent')!.textContent).to.equal('100%');
      expect(part(element, 'toggle')).to.equal(null);
      expect(part(element, 'done')!.textContent).to.equal('All fields complete');
    });

    it('the reminders preset counts the eleven account-completion fields', async () => {
      const element = await fixture<ProfileProgress>(
        html`<profile-progress preset="reminders" .profile=${PARTIAL}></profile-progress>`,
      );
      expect(bar(element).getAttribute('aria-label')).to.equal('Account completion');
      // accountName, address and jobTitle are filled.
      expect(bar(element).getAttribute('aria-valuetext')).to.equal('3 of 11 fields');
      part(element, 'toggle')!.click();
      await element.updateComplete;
      expect(missingItems(element)).to.deep.equal([
        'Cell phone',
        'Office phone',
        'Profile photo',
        'MLS market',
        'MLS agent ID',
        'Employer',
        'Company logo',
        'Real-estate state licence number',
      ]);
    });

    it('follows a changed profile', async () => {
      const element = await fixture<ProfileProgress>(html`<profile-progress .profile=${PARTIAL}></profile-progress>`);
      element.profile = COMPLETE;
      await element.updateComplete;
      expect(bar(element).getAttribute('aria-valuenow')).to.equal('100');
    });

    it('an unknown preset warns and uses the progress fields', async () => {
      const capture = captureWarnings();
      try {
        const element = await fixture<ProfileProgress>(html`<profile-progress .profile=${PARTIAL}></profile-progress>`);
        // An attribute a static page could hold (a typed binding would not compile).
        element.setAttribute('preset', 'everything');
        await element.updateComplete;
        expect(bar(element).getAttribute('aria-valuetext')).to.equal('5 of 8 fields');
        expect(capture.warnings.some((warning) => warning.includes('"everything"'))).to.equal(true);
      } finally {
        capture.restore();
      }
    });
  });

  describe('custom fields', () => {
    it('counts the given fields, named by their label, the catalogue, or their key', async () => {
      const fields: ProgressField[] = [
        'email',
        'mobilePhone',
        { key: 'brokerage', requires: ['company'], label: 'Brokerage' },
        { key: 'custom-thing', requires: ['unit'] },
      ];
      const element = await fixture<ProfileProgress>(
        html`<profile-progress .profile=${PARTIAL} .fields=${fields}></profile-progress>`,
      );
      expect(bar(element).getAttribute('aria-valuetext')).to.equal('1 of 4 fields');
      part(element, 'toggle')!.click();
      await element.updateComplete;
      expect(missingItems(element)).to.deep.equal(['Mobile phone', 'Brokerage', 'custom-thing']);
    });

    it('renders hostile labels as text', async () => {
      const hostile = '<img src=x onerror="window.__pwned = true">';
      const fields: ProgressField[] = [{ key: 'x', requires: ['company'], label: hostile }];
      const element = await fixture<ProfileProgress>(
        html`<profile-progress .profile=${PARTIAL} .fields=${fields}></profile-progress>`,
      );
      part(element, 'toggle')!.click();
      await element.updateComplete;
      expect(missingItems(element)).to.deep.equal([hostile]);
      expect(element.shadowRoot!.querySelector('img')).to.equal(null);
      expect((window as { __pwned?: boolean }).__pwned).to.equal(undefined);
    });

    it('skips malformed entries without throwing', async () => {
      const fields = [null, 42, { key: 'email', requires: ['email'] }, { nope: true }] as unknown as ProgressField[];
      const element = await fixture<ProfileProgress>(
        html`<profile-progress .profile=${PARTIAL} .fields=${fields}></profile-progress>`,
      );
      expect(bar(element).getAttribute('aria-valuetext')).to.equal('1 of 1 field');
    });
  });

  it('a fields value that is not a list warns and uses the preset', async () => {
    const capture = captureWarnings();
    try {
      const element = await fixture<ProfileProgress>(
        html`<profile-progress .profile=${PARTIAL} .fields=${{ key: 'email' } as unknown as ProgressField[]}></profile-progress>`,
      );
      expect(bar(element).getAttribute('aria-valuetext')).to.equal('5 of 8 fields');
      expect(capture.warnings.some((warning) => warning.includes('fields must be an array'))).to.equal(true);
    } finally {
      capture.restore();
    }
  });

  describe('plain percent', () => {
    it('shows a percent without a profile, with no missing-fields control', async () => {
      const element = await fixture<ProfileProgress>(html`<profile-progress percent="40"></profile-progress>`);
      expect(bar(element).getAttribute('aria-valuenow')).to.equal('40');
      expect(bar(element).getAttribute('aria-valuetext')).to.equal('40%');
      expect(part(element, 'percent')!.textContent).to.equal('40%');
      expect(part(element, 'toggle')).to.equal(null);
    });

    it('clamps an invalid percent and warns', async () => {
      const capture = captureWarnings();
      try {
        const cases: [string, string][] = [
          ['150', '100'],
          ['-5', '0'],
          ['abc', '0'],
        ];
        for (const [given, shown] of cases) {
          const element = await fixture<ProfileProgress>(html`<profile-progress></profile-progress>`);
          element.setAttribute('percent', given);
          await element.updateComplete;
          expect(bar(element).getAttribute('aria-valuenow'), given).to.equal(shown);
        }
        expect(capture.warnings.filter((warning) => warning.includes('percent'))).to.have.length(3);
      } finally {
        capture.restore();
      }
    });

    it('a profile wins over a percent', async () => {
      const element = await fixture<ProfileProgress>(
        html`<profile-progress percent="10" .profile=${PARTIAL}></profile-progress>`,
      );
      expect(bar(element).getAttribute('aria-valuenow')).to.equal('62');
    });
  });

  describe('missing fields disclosure', () => {
    it('opens and closes by keyboard, with aria-expanded', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div>
        <button>before</button>
        <profile-progress .profile=${PARTIAL}></profile-progress>
      </div>`);
      const element = wrapper.querySelector('profile-progress')!;
      const toggle = part<HTMLButtonElement>(element, 'toggle')!;
      const list = part(element, 'missing-list')!;
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      expect(toggle.getAttribute('aria-controls')).to.equal(list.id);
      expect(list.hidden).to.equal(true);

      wrapper.querySelector('button')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(element.shadowRoot!.activeElement).to.equal(toggle);
      await sendKeys({ press: 'Enter' });
      await element.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      expect(list.hidden).to.equal(false);
      expect(toggle.textContent!.trim()).to.equal('Hide missing (3)');
      expect(missingItems(element)).to.deep.equal(['Profile photo', 'Company photo', 'MLS information']);

      await sendKeys({ press: 'Space' });
      await element.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      expect(list.hidden).to.equal(true);
    });
  });

  describe('compact', () => {
    it('is one line; the missing fields are in a tooltip on focus, and Escape dismisses it', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div style="padding: 100px; width: 200px">
        <button>before</button>
        <profile-progress compact .profile=${PARTIAL}></profile-progress>
      </div>`);
      const element = wrapper.querySelector('profile-progress')!;
      expect(part(element, 'toggle')).to.equal(null);
      const progressbar = bar(element);
      expect(part(element, 'tooltip'), 'rendered on the first hover or focus').to.equal(null);

      wrapper.querySelector('button')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(element.shadowRoot!.activeElement).to.equal(progressbar);
      await waitUntil(() => tooltipShown(element), 'tooltip shown on focus');
      const tooltip = part(element, 'tooltip')!;
      expect(progressbar.getAttribute('aria-describedby')).to.equal(tooltip.id);
      expect(tooltip.getAttribute('role')).to.equal('tooltip');
      expect(tooltip.textContent!.trim()).to.equal('Missing: Profile photo, Company photo, and MLS information');
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !tooltipShown(element), 'Escape dismissed it');
    });

    it('shows the tooltip on hover', async () => {
      const element = await fixture<ProfileProgress>(
        html`<profile-progress compact .profile=${PARTIAL} style="margin: 100px; width: 160px"></profile-progress>`,
      );
      const rect = bar(element).getBoundingClientRect();
      await sendMouse({ type: 'move', position: [Math.round(rect.left + rect.width / 2), Math.round(rect.top + rect.height / 2)] });
      await waitUntil(() => tooltipShown(element), 'tooltip shown on hover');
    });

    it('closes its tooltip when it stops being compact', async () => {
      const element = await fixture<ProfileProgress>(
        html`<profile-progress compact .profile=${PARTIAL} style="margin: 100px"></profile-progress>`,
      );
      bar(element).focus();
      await waitUntil(() => tooltipShown(element), 'tooltip shown');
      element.compact = false;
      await element.updateComplete;
      expect(part(element, 'tooltip')).to.equal(null);
      expect(part(element, 'toggle')).not.to.equal(null);
      await waitUntil(() => !document.querySelector(':popover-open') && !element.shadowRoot!.querySelector(':popover-open'));
    });

    it('a complete profile has no tooltip and no tab stop', async () => {
      const element = await fixture<ProfileProgress>(html`<profile-progress compact .profile=${COMPLETE}></profile-progress>`);
      expect(part(element, 'tooltip')).to.equal(null);
      expect(bar(element).hasAttribute('tabindex')).to.equal(false);
    });
  });

  describe('locale', () => {
    it('speaks Spanish under <html lang="es">, and switches live', async () => {
      const element = await fixture<ProfileProgress>(html`<profile-progress .profile=${PARTIAL}></profile-progress>`);
      document.documentElement.lang = 'es';
      await waitUntil(() => bar(element).getAttribute('aria-valuetext') === '5 de 8 campos', 'Spanish value text');
      expect(bar(element).getAttribute('aria-label')).to.equal('Perfil completado');
      expect(part(element, 'toggle')!.textContent!.trim()).to.equal('Mostrar pendientes (3)');
      expect(part(element, 'percent')!.textContent).to.equal('62\u00a0%');
      part(element, 'toggle')!.click();
      await element.updateComplete;
      expect(missingItems(element)).to.deep.equal(['Foto de perfil', 'Foto de la empresa', 'Información MLS']);
    });
  });

  describe('accessibility', () => {
    const states = () => html`<div>
      <profile-progress .profile=${{}}></profile-progress>
      <profile-progress .profile=${PARTIAL}></profile-progress>
      <profile-progress .profile=${COMPLETE}></profile-progress>
      <profile-progress preset="reminders" .profile=${PARTIAL}></profile-progress>
      <profile-progress percent="35"></profile-progress>
      <profile-progress compact .profile=${PARTIAL}></profile-progress>
      <profile-progress compact .profile=${COMPLETE}></profile-progress>
    </div>`;

    it('is accessible in every state, in light and dark', async () => {
      const wrapper = await fixture<HTMLDivElement>(states());
      for (const toggle of wrapper.querySelectorAll('profile-progress')) {
        toggle.shadowRoot!.querySelector<HTMLButtonElement>('[part="toggle"]')?.click();
      }
      await expect(wrapper).to.be.accessible();
      document.documentElement.style.colorScheme = 'dark';
      const darkWrapper = await fixture<HTMLDivElement>(
        html`<div style="background: #1a1e26; color: #e8ebf1; padding: 8px">${states()}</div>`,
      );
      await expect(darkWrapper).to.be.accessible();
    });

    it('is accessible with the compact tooltip open', async () => {
      const element = await fixture<ProfileProgress>(
        html`<profile-progress compact .profile=${PARTIAL} style="margin: 100px"></profile-progress>`,
      );
      bar(element).focus();
      await waitUntil(() => tooltipShown(element), 'tooltip shown');
      await expect(element).to.be.accessible();
      document.documentElement.style.colorScheme = 'dark';
      await expect(element).to.be.accessible();
    });
  });
});
