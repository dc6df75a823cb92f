import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../../test/support/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import { createBackend, forEachBackend, type Backend, type BackendKind } from '../../../test/support/backends.js';
import type { PartnerKitAdapter, PartnerSettingsInput, PortalSettingsInput } from '../../adapter/types.js';
import type { Role } from '../../domain/permissions.js';
import { currentAnnouncement } from '../../internal/live-region.js';
import { loadLocale } from '../../locales/index.js';
import { countryOptions, toRegionCode } from './countries.js';
import './partner-settings.js';
import type { PartnerSettingsElement } from './partner-settings.component.js';

const PARTNER = { session: { role: 'partner' as Role } };

function withOverrides(adapter: PartnerKitAdapter, overrides: Record<string, unknown>): PartnerKitAdapter {
  return new Proxy(adapter, {
    get(target, property, receiver) {
      if (typeof property === 'string' && Object.hasOwn(overrides, property)) return overrides[property];
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}

const shadow = (element: PartnerSettingsElement) => element.shadowRoot!;
const part = <T extends HTMLElement = HTMLElement>(element: PartnerSettingsElement, name: string) =>
  shadow(element).querySelector<T>(`[part~="${name}"]`);
const parts = <T extends HTMLElement = HTMLElement>(element: PartnerSettingsElement, name: string) => [
  ...shadow(element).querySelectorAll<T>(`[part~="${name}"]`),
];
const byId = <T extends HTMLElement = HTMLInputElement>(element: PartnerSettingsElement, id: string) =>
  shadow(element).getElementById(id) as T | null;
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const isLoaded = (element: PartnerSettingsElement) => !!shadow(element).querySelector('form.settings-form');
const switchOf = (element: PartnerSettingsElement, event: string, channel: 'email' | 'sms') =>
  byId<HTMLInputElement>(element, `updates-${event}-${channel}`)!;
/** The texts an element's aria-describedby points at. */
const descriptions = (element: PartnerSettingsElement, control: Element) =>
  (control.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => text(byId(element, id)));

async function renderSettings(adapter: PartnerKitAdapter, wait: 'loaded' | 'settled' = 'loaded', slotted = html``) {
  const element = await fixture<PartnerSettingsElement>(
    html`<partner-settings .adapter=${adapter}>${slotted}</partner-settings>`,
  );
  if (wait === 'loaded') await waitUntil(() => isLoaded(element), 'the settings load', { timeout: 5000 });
  else await waitUntil(() => !!part(element, 'state') && !part(element, 'state')!.classList.contains('loading'), 'settled');
  return element;
}

async function type(element: PartnerSettingsElement, id: string, value: string) {
  const input = byId<HTMLInputElement>(element, id)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await element.updateComplete;
}

async function choose(element: PartnerSettingsElement, id: string, value: string) {
  const select = byId<HTMLSelectElement>(element, id)!;
  select.value = value;
  select.dispatchEvent(new Event('change'));
  await element.updateComplete;
}

async function save(element: PartnerSettingsElement) {
  part<HTMLButtonElement>(element, 'save-button')!.click();
  await element.updateComplete;
}

async function expectAccessibleInBothThemes(element: Element) {
  await expect(element).to.be.accessible();
  document.documentElement.dataset.theme = 'dark';
  document.documentElement.style.colorScheme = 'dark';
  try {
    await expect(element).to.be.accessible();
  } finally {
    delete document.documentElement.dataset.theme;
    document.documentElement.style.colorScheme = '';
  }
}

afterEach(() => {
  document.documentElement.lang = 'en';
  delete document.documentElement.dataset.theme;
  document.documentElement.style.colorScheme = '';
});

describe('countries', () => {
  it('lists every region named in the language and sorted its way', () => {
    const english = countryOptions('en');
    expect(english).to.have.length(249);
    expect(english.find((option) => option.value === 'US')?.label).to.equal('United States');
    const spanish = countryOptions('es');
    expect(spanish.find((option) => option.value === 'US')?.label).to.equal('Estados Unidos');
    const labels = spanish.map((option) => option.label);
    expect(labels).to.deep.equal([...labels].sort(new Intl.Collator('es').compare));
  });

  it('recognises a stored code or name in English or the viewer’s language', () => {
    expect(toRegionCode('us', 'en')).to.equal('US');
    expect(toRegionCode('United States', 'es')).to.equal('US');
    expect(toRegionCode('  estados   UNIDOS ', 'es')).to.equal('US');
    expect(toRegionCode('Mexico', 'en')).to.equal('MX');
    expect(toRegionCode('México', 'es')).to.equal('MX');
    expect(toRegionCode('Atlantis', 'en')).to.equal(undefined);
    expect(toRegionCode('', 'en')).to.equal(undefined);
  });
});

forEachBackend('<partner-settings>', (kind: BackendKind) => {
  let backend: Backend;
  const stored = () => backend.memory.store.getPartnerSettings();

  beforeEach(async () => {
    backend = await createBackend(kind, PARTNER);
  });

  async function setOrganisationNotifications(notifications: PortalSettingsInput['notifications']) {
    const current = backend.memory.store.getPortalSettings('org-harbor');
    const { organisationId, version, ...input } = current;
    backend.memory.store.updatePortalSettings(organisationId, { ...input, notifications }, version);
  }

  describe('my account', () => {
    it('shows name, country, phone and the read-only email with the reason', async () => {
      const element = await renderSettings(backend.adapter);
      expect(byId(element, 'name')!.value).to.equal('Riley Chen');
      // The store holds the name "United States"; the picker shows it selected, by its code.
      expect(byId<HTMLSelectElement>(element, 'country')!.value).to.equal('US');
      expect(byId<HTMLSelectElement>(element, 'country')!.selectedOptions[0]!.textContent).to.equal('United States');
      expect(byId(element, 'phone')!.value).to.equal('(512) 555-0142');
      const email = byId(element, 'email')!;
      expect(email.value).to.equal('riley.chen@chenreferrals.example');
      expect(email.readOnly).to.equal(true);
      expect(descriptions(element, email)).to.deep.equal([
        'Your email address cannot be changed. To use a different address, ask your broker to create a new account with it.',
      ]);
      expect(element.hasUnsavedChanges).to.equal(false);
      await expectAccessibleInBothThemes(element);
    });

    it('the email cannot be typed into', async () => {
      const element = await renderSettings(backend.adapter);
      byId(element, 'email')!.focus();
      await sendKeys({ type: 'x' });
      expect(byId(element, 'email')!.value).to.equal('riley.chen@chenreferrals.example');
      expect(element.hasUnsavedChanges).to.equal(false);
    });

    it('saves name, country and phone with the version; the store has them', async () => {
      const element = await renderSettings(backend.adapter);
      const before = stored();
      await type(element, 'name', 'Riley Chen-Park');
      await choose(element, 'country', 'CA');
      await type(element, 'phone', '+1 604 555 0199');
      expect(text(part(element, 'save-status'))).to.equal('You have unsaved changes.');
      const saved = oneEvent(element, 'pk-settings-saved');
      await save(element);
      const event = await saved;
      const after = stored();
      expect(after).to.include({ name: 'Riley Chen-Park', country: 'CA', phone: '+1 604 555 0199', version: before.version + 1 });
      expect(after.email).to.equal(before.email);
      expect(event.detail).to.deep.equal({ kind: 'partner', settings: after });
      await element.updateComplete;
      expect(text(part(element, 'save-status'))).to.equal('All changes saved.');
      await waitUntil(() => currentAnnouncement() === 'Settings saved.', 'announced');
    });

    it('saves a country the partner did not touch as it was stored', async () => {
      const element = await renderSettings(backend.adapter);
      await type(element, 'phone', '512 555 0111');
      await save(element);
      await waitUntil(() => stored().phone === '512 555 0111', 'saved');
      expect(stored().country).to.equal('United States');
    });

    it('requires a name before saving, and shows the backend’s error under its field', async () => {
      const element = await renderSettings(backend.adapter);
      const before = stored();
      await type(element, 'name', '   ');
      await save(element);
      const name = byId(element, 'name')!;
      expect(text(byId(element, 'name-error'))).to.equal('Enter your name.');
      expect(name.getAttribute('aria-invalid')).to.equal('true');
      await waitUntil(() => shadow(element).activeElement === name, 'focus on the name');
      expect(stored()).to.deep.equal(before);
      await expectAccessibleInBothThemes(element);

      await type(element, 'name', 'Riley');
      expect(byId(element, 'name-error')).to.equal(null);
      await type(element, 'phone', 'call me maybe');
      await save(element);
      await waitUntil(() => !!byId(element, 'phone-error'), 'server error shown');
      expect(text(byId(element, 'phone-error'))).to.equal('Enter a valid phone number.');
      expect(descriptions(element, byId(element, 'phone')!)).to.deep.equal(['Optional.', 'Enter a valid phone number.']);
      expect(text(part(element, 'save-error'))).to.contain('Your changes were not saved. Some values were not accepted.');
      expect(byId(element, 'phone')!.value).to.equal('call me maybe');
      expect(stored()).to.deep.equal(before);
    });
  });

  describe('updates and reminders', () => {
    it('shows each choice; what the organisation switched off is off, disabled and explained', async () => {
      const element = await renderSettings(backend.adapter);
      // Riley chose SMS for new notes, but the organisation does not send note SMS.
      expect(stored().updates.newNotes.sms).to.equal(true);
      expect(stored().organisationAllows.newNotes.sms).to.equal(false);

      expect(switchOf(element, 'dealProgress', 'email').checked).to.equal(true);
      expect(switchOf(element, 'dealProgress', 'sms').checked).to.equal(true);
      expect(switchOf(element, 'newNotes', 'email').checked).to.equal(true);
      const notesSms = switchOf(element, 'newNotes', 'sms');
      expect(notesSms.checked).to.equal(false);
      expect(notesSms.disabled).to.equal(true);
      expect(notesSms.getAttribute('aria-checked')).to.equal('false');
      expect(descriptions(element, notesSms)).to.deep.equal([
        'SMS: Switched off by your organisation: it stays off whatever you choose.',
        'SMS messages use your organisation’s SMS credits.',
      ]);
      expect(switchOf(element, 'newFiles', 'email').disabled).to.equal(false);
      expect(switchOf(element, 'dealProgress', 'sms').disabled).to.equal(false);
      expect(descriptions(element, switchOf(element, 'dealProgress', 'sms'))).to.deep.equal([
        'SMS messages use your organisation’s SMS credits.',
      ]);
      expect(text(part(element, 'sms-credits'))).to.equal('SMS messages use your organisation’s SMS credits.');
      await expectAccessibleInBothThemes(element);
    });

    it('saves a toggled choice, and keeps the partner’s own choice for what the organisation switched off', async () => {
      const element = await renderSettings(backend.adapter);
      switchOf(element, 'newFiles', 'email').focus();
      await sendKeys({ press: 'Space' });
      await element.updateComplete;
      expect(switchOf(element, 'newFiles', 'email').checked).to.equal(true);
      await save(element);
      await waitUntil(() => stored().updates.newFiles.email, 'saved');
      expect(stored().updates.newNotes.sms, 'their own choice is kept for when the organisation switches it on').to.equal(true);
      expect(switchOf(element, 'newNotes', 'sms').checked).to.equal(false);
    });

    it('when the organisation switched everything off, says there is nothing to choose', async () => {
      const off = { email: false, sms: false };
      await setOrganisationNotifications({ stageChanged: off, fileShared: off, noteAdded: off });
      const element = await renderSettings(backend.adapter);
      expect(text(part(element, 'all-off'))).to.equal(
        'Your organisation has not switched on any updates yet, so there is nothing to choose here.',
      );
      const switches = parts<HTMLInputElement>(element, 'switch-input');
      expect(switches).to.have.length(6);
      for (const control of switches) {
        expect(control.checked, control.id).to.equal(false);
        expect(control.disabled, control.id).to.equal(true);
        expect(descriptions(element, control)[0]).to.equal(text(part(element, 'all-off')));
      }
      expect(parts(element, 'org-off')).to.have.length(0);
      await expectAccessibleInBothThemes(element);
    });
  });

  describe('saving problems', () => {
    it('a failed save keeps the edits and says what failed', async () => {
      const element = await renderSettings(backend.adapter);
      const before = stored();
      await type(element, 'phone', '512 555 0177');
      backend.memory.setFailureRate(1);
      await save(element);
      await waitUntil(() => !!part(element, 'save-error'), 'error shown');
      expect(text(part(element, 'save-error'))).to.equal(
        'Your changes were not saved. The connection failed. Your changes are still here: correct them or try again.',
      );
      expect(byId(element, 'phone')!.value).to.equal('512 555 0177');
      expect(element.hasUnsavedChanges).to.equal(true);
      expect(stored()).to.deep.equal(before);
      await expectAccessibleInBothThemes(element);
      backend.memory.setFailureRate(0);
      await save(element);
      await waitUntil(() => stored().phone === '512 555 0177', 'saved on retry');
    });

    it('reports settings changed elsewhere, and loads that version on request', async () => {
      const element = await renderSettings(backend.adapter);
      const current = stored();
      const elsewhere: PartnerSettingsInput = { name: 'Riley C.', country: 'NZ', phone: current.phone, updates: current.updates };
      const theirs = backend.memory.store.updatePartnerSettings(elsewhere, current.version);
      await type(element, 'phone', '512 555 0188');
      await save(element);
      await waitUntil(() => part(element, 'conflict-reload-button')?.getAttribute('aria-disabled') === 'false', 'conflict');
      expect(text(part(element, 'conflict'))).to.contain(
        'Your settings were changed somewhere else (another tab or device) while you were editing.',
      );
      expect(stored()).to.deep.equal(theirs, 'nothing overwritten');
      await expectAccessibleInBothThemes(element);
      part<HTMLButtonElement>(element, 'conflict-reload-button')!.click();
      await waitUntil(() => !part(element, 'conflict'), 'resolved');
      expect(byId(element, 'name')!.value).to.equal('Riley C.');
      expect(byId<HTMLSelectElement>(element, 'country')!.value).to.equal('NZ');
      expect(byId(element, 'phone')!.value).to.equal(current.phone);
      expect(element.hasUnsavedChanges).to.equal(false);
    });

    it('keeps my edits when I choose so; the next save replaces the other version', async () => {
      const element = await renderSettings(backend.adapter);
      const current = stored();
      const theirs = backend.memory.store.updatePartnerSettings(
        { name: 'Riley C.', country: current.country, phone: current.phone, updates: current.updates },
        current.version,
      );
      await type(element, 'phone', '512 555 0188');
      await save(element);
      await waitUntil(() => part(element, 'conflict-keep-button')?.getAttribute('aria-disabled') === 'false', 'conflict');
      part<HTMLButtonElement>(element, 'conflict-keep-button')!.click();
      await element.updateComplete;
      expect(byId(element, 'phone')!.value).to.equal('512 555 0188');
      await save(element);
      await waitUntil(() => stored().version === theirs.version + 1, 'saved');
      expect(stored()).to.include({ phone: '512 555 0188', name: 'Riley Chen' });
    });
  });

  describe('states', () => {
    it('shows loading, accessibly', async () => {
      backend.memory.setLatency(10_000);
      const element = await fixture<PartnerSettingsElement>(html`<partner-settings .adapter=${backend.adapter}></partner-settings>`);
      expect(text(part(element, 'state'))).to.equal('Loading settings…');
      await expectAccessibleInBothThemes(element);
      element.remove();
    });

    it('shows a load failure with a working retry', async () => {
      backend.memory.setFailureRate(1);
      const element = await renderSettings(backend.adapter, 'settled');
      expect(text(part(element, 'state'))).to.equal('The settings could not be loaded. The connection failed. Try again');
      await expectAccessibleInBothThemes(element);
      backend.memory.setFailureRate(0);
      part<HTMLButtonElement>(element, 'retry-button')!.click();
      await waitUntil(() => isLoaded(element), 'loaded after retry');
      await waitUntil(() => shadow(element).activeElement === byId(element, 'account-heading'), 'focus on the settings');
    });

    for (const role of ['lender', 'agent', 'broker', 'admin'] as const) {
      it(`tells a ${role} these are a partner's settings`, async () => {
        backend.memory.store.setSession({ role });
        const element = await renderSettings(backend.adapter, 'settled');
        expect(text(part(element, 'state'))).to.equal('Only partners can change these settings.');
        expect(shadow(element).querySelector('form')).to.equal(null);
        await expectAccessibleInBothThemes(element);
      });
    }

    it('is read-only without updatePartnerSettings: no Save, nothing editable', async () => {
      const adapter = withOverrides(backend.adapter, { capabilities: { updatePartnerSettings: false } });
      const element = await renderSettings(adapter);
      expect(part(element, 'save-button')).to.equal(null);
      expect(text(part(element, 'save-status'))).to.equal('These settings cannot be changed here.');
      expect(byId(element, 'name')!.readOnly).to.equal(true);
      expect(byId<HTMLSelectElement>(element, 'country')!.disabled).to.equal(true);
      expect(switchOf(element, 'dealProgress', 'email').disabled).to.equal(true);
      expect(switchOf(element, 'dealProgress', 'email').checked, 'still shows the choice').to.equal(true);
      await expect(element).to.be.accessible();
    });

    it('speaks Spanish, country names included', async () => {
      await loadLocale('es');
      document.documentElement.lang = 'es';
      const element = await renderSettings(backend.adapter);
      expect(text(byId(element, 'account-heading'))).to.equal('Mi cuenta');
      expect(byId<HTMLSelectElement>(element, 'country')!.selectedOptions[0]!.textContent).to.equal('Estados Unidos');
      await expect(element).to.be.accessible();
    });
  });

  describe('password slot', () => {
    it('shows the host’s control under "Password and security"', async () => {
      const element = await renderSettings(
        backend.adapter,
        'loaded',
        html`<button slot="password" type="button">Change password</button>`,
      );
      const slot = shadow(element).querySelector<HTMLSlotElement>('slot[name="password"]')!;
      const section = slot.closest('section')!;
      expect(section.hidden).to.equal(false);
      expect(text(section.querySelector('h2'))).to.equal('Password and security');
      expect(slot.assignedElements().map((node) => node.textContent)).to.deep.equal(['Change password']);
      expect(element.querySelector('button')!.checkVisibility()).to.equal(true);
      await expectAccessibleInBothThemes(element);
    });

    it('hides the section while nothing is slotted, and shows it when the host adds a control', async () => {
      const element = await renderSettings(backend.adapter);
      const section = () => shadow(element).querySelector<HTMLSlotElement>('slot[name="password"]')!.closest('section')!;
      expect(section().hidden).to.equal(true);
      const link = document.createElement('a');
      link.slot = 'password';
      link.href = '#password';
      link.textContent = 'Change your password';
      element.append(link);
      await waitUntil(() => !section().hidden, 'section shown');
      expect(link.checkVisibility()).to.equal(true);
    });
  });
});
