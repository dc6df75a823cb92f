import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../../../test/support/wait.js';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { describeStatus, INVITE_STATUSES, STATUS_LABELS } from '../../domain/status.js';
import { es } from '../../locales/es.js';
import { statusDetailsEs } from '../../locales/status-details.es.js';
import { setLocale } from '../../locales/index.js';
import './status-badge.js';
import type { StatusBadge } from './status-badge.component.js';

const parts = (badge: StatusBadge) => ({
  base: badge.shadowRoot!.querySelector<HTMLElement>('[part="base"]')!,
  label: badge.shadowRoot!.querySelector<HTMLElement>('[part="label"]')!,
  tooltip: badge.shadowRoot!.querySelector<HTMLElement>('[part="tooltip"]'),
});

const tooltipShown = (badge: StatusBadge) => {
  const tooltip = parts(badge).tooltip;
  return !!tooltip && tooltip.checkVisibility({ visibilityProperty: true });
};

function centreOf(element: Element): [number, number] {
  const rect = element.getBoundingClientRect();
  return [Math.round(rect.left + rect.width / 2), Math.round(rect.top + rect.height / 2)];
}

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
  delete document.documentElement.dataset.theme;
  document.documentElement.style.colorScheme = '';
});

describe('<status-badge>', () => {
  describe('labels', () => {
    for (const code of INVITE_STATUSES) {
      it(`"${code}" shows "${STATUS_LABELS[code]}", and its Spanish label under <html lang="es">`, async () => {
        const badge = await fixture<StatusBadge>(html`<status-badge status=${code}></status-badge>`);
        expect(parts(badge).label.textContent).to.equal(STATUS_LABELS[code]);
        document.documentElement.lang = 'es';
        await waitUntil(() => parts(badge).label.textContent === es[`status.label.${code}`], 'Spanish label');
        expect(parts(badge).label.textContent).not.to.equal(STATUS_LABELS[code]);
        expect(parts(badge).base.lang).to.equal('es');
      });
    }

    it('spells the Spanish labels out', async () => {
      document.documentElement.lang = 'es';
      const wrapper = await fixture<HTMLDivElement>(html`<div>
        <status-badge status="pending-not-delivered"></status-badge>
        <status-badge status="profile-created-link-clicked"></status-badge>
      </div>`);
      const badges = [...wrapper.querySelectorAll('status-badge')];
      const labels = () => badges.map((badge) => parts(badge).label.textContent);
      await waitUntil(() => labels()[0] !== 'Pending - Email Not Delivered', 'the Spanish catalogue loaded');
      expect(labels()).to.deep.equal([
        'Pendiente - Correo no entregado',
        'Activo - Perfil creado - Enlace de invitación pulsado',
      ]);
    });

    it('accepts an exact label as well as a code', async () => {
      const badge = await fixture<StatusBadge>(
        html`<status-badge status="Active - Profile Created - Email Opened"></status-badge>`,
      );
      expect(badge.info.code).to.equal('profile-created-opened');
      expect(parts(badge).label.textContent).to.equal('Active - Profile Created - Email Opened');
    });

    it('updates when the status property changes, and reflects it', async () => {
      const badge = await fixture<StatusBadge>(html`<status-badge status="pending-opened"></status-badge>`);
      badge.status = 'active';
      await badge.updateComplete;
      expect(parts(badge).label.textContent).to.equal('Active');
      expect(badge.getAttribute('status')).to.equal('active');
    });
  });

  describe('tone and print eligibility', () => {
    for (const code of INVITE_STATUSES) {
      const { tone, printEligible } = describeStatus(code);
      it(`"${code}": tone ${tone}, ${printEligible ? '' : 'not '}print-eligible`, async () => {
        const badge = await fixture<StatusBadge>(html`<status-badge status=${code}></status-badge>`);
        expect(badge.tone).to.equal(tone);
        expect(badge.getAttribute('tone')).to.equal(tone);
        expect(parts(badge).base.classList.contains(`tone-${tone}`)).to.equal(true);
        expect(badge.printEligible).to.equal(printEligible);
        expect(badge.hasAttribute('print-eligible')).to.equal(printEligible);
        expect(badge.matches(':state(print-eligible)')).to.equal(printEligible);
      });
    }

    it('only the statuses without a modifier are print-eligible', async () => {
      const eligible = INVITE_STATUSES.filter((code) => describeStatus(code).printEligible);
      expect(eligible).to.deep.equal(['active', 'profile-created']);
    });

    it('updates print eligibility, attribute and state when the status changes', async () => {
      const badge = await fixture<StatusBadge>(html`<status-badge status="active"></status-badge>`);
      expect(badge.matches(':state(print-eligible)')).to.equal(true);
      badge.status = 'profile-created-sent';
      expect(badge.printEligible, 'the property is right before the render').to.equal(false);
      await badge.updateComplete;
      expect(badge.hasAttribute('print-eligible')).to.equal(false);
      expect(badge.matches(':state(print-eligible)')).to.equal(false);
      expect(badge.getAttribute('tone')).to.equal('info');
    });

    it('gives each tone a different indicator shape, so colour is not the only cue', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div>
        <status-badge status="active"></status-badge>
        <status-badge status="pending-opened"></status-badge>
        <status-badge status="profile-created-not-sent"></status-badge>
        <status-badge status="pending-not-delivered"></status-badge>
        <status-badge></status-badge>
      </div>`);
      const shapes = [...wrapper.querySelectorAll('status-badge')].map((badge) => {
        const style = getComputedStyle(badge.shadowRoot!.querySelector('[part="indicator"]')!);
        return [style.borderRadius, style.clipPath, style.transform, style.height, style.borderTopWidth].join(' ');
      });
      expect(new Set(shapes).size).to.equal(5);
    });
  });

  describe('layout', () => {
    it('draws one box, the base part, on the line of the text around it; hidden hides it', async () => {
      const line = await fixture<HTMLParagraphElement>(html`<p style="width: 40rem">Status: <status-badge status="active"></status-badge> today</p>`);
      const badge = line.querySelector('status-badge') as StatusBadge;
      await badge.updateComplete;
      expect(badge.getClientRects().length, 'the element itself has no box').to.equal(0);
      const base = parts(badge).base.getBoundingClientRect();
      const lineBox = line.getBoundingClientRect();
      expect(base.width).to.be.greaterThan(40);
      expect(base.top, 'on the paragraph\'s one line').to.be.at.least(lineBox.top);
      expect(base.bottom).to.be.at.most(lineBox.bottom);
      badge.hidden = true;
      expect(parts(badge).base.getClientRects().length).to.equal(0);
    });

    it('a page that gives the element a display of its own gets a box with its margins', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div>
        <status-badge status="active" style="display: inline-block; margin-left: 30px"></status-badge>
      </div>`);
      const badge = wrapper.querySelector('status-badge') as StatusBadge;
      await badge.updateComplete;
      const host = badge.getBoundingClientRect();
      const base = parts(badge).base.getBoundingClientRect();
      expect(Math.round(host.left - wrapper.getBoundingClientRect().left)).to.equal(30);
      expect(Math.round(base.left)).to.equal(Math.round(host.left));
    });
  });

  describe('tooltip', () => {
    it('is a role="tooltip" described from the focusable badge, explaining status, printing and next action', async () => {
      const badge = await fixture<StatusBadge>(html`<status-badge status="pending-not-delivered"></status-badge>`);
      const { base } = parts(badge);
      expect(base.tabIndex).to.equal(0);
      base.focus();
      await waitUntil(() => tooltipShown(badge), 'tooltip shown on focus');
      const tooltip = parts(badge).tooltip!;
      expect(tooltip.getAttribute('role')).to.equal('tooltip');
      expect(base.getAttribute('aria-describedby')).to.equal(tooltip.id);
      const text = tooltip.textContent!.replace(/\s+/g, ' ');
      expect(text).to.contain('has not been delivered');
      expect(text).to.contain('cannot be sent to a printer');
      expect(text).to.contain('Next: check the email address and re-send the invitation.');
    });

    it('renders no tooltip until the first hover or focus, and its description is there when focus arrives', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div>
        <status-badge status="active"></status-badge>
        <status-badge status="pending-opened"></status-badge>
      </div>`);
      const [first, second] = [...wrapper.querySelectorAll('status-badge')] as [StatusBadge, StatusBadge];
      expect(parts(first).tooltip, 'nothing rendered before any interaction').to.equal(null);
      expect(parts(first).base.hasAttribute('aria-describedby')).to.equal(false);
      parts(first).base.focus();
      await waitUntil(() => tooltipShown(first), 'first tooltip shown (its code has loaded)');
      expect(parts(second).tooltip).to.equal(null);

      // Within the task that moved focus (before the browser renders and tells assistive technology),
      // the badge points at its rendered description.
      let taskEnded = false;
      setTimeout(() => (taskEnded = true));
      parts(second).base.focus();
      // Microtasks only, no task boundary.
      for (let turn = 0; turn < 20 && !second.shadowRoot!.getElementById('tooltip'); turn++) await Promise.resolve();
      await second.updateComplete;
      expect(taskEnded).to.equal(false);
      const description = parts(second).base.getAttribute('aria-describedby');
      expect(description).to.equal('tooltip');
      expect(second.shadowRoot!.getElementById(description!)!.textContent).to.contain('opened the invitation email');
    });

    it('says printing is allowed for an accepted status, and names the next action per status', async () => {
      const cases: [string, string][] = [
        ['active', 'can be sent to a printer'],
        ['profile-created-link-clicked', 'the partner is registering'],
        ['profile-created-not-sent', 'Next: send the invitation email.'],
      ];
      for (const [status, expected] of cases) {
        const badge = await fixture<StatusBadge>(html`<status-badge status=${status}></status-badge>`);
        parts(badge).base.focus();
        await waitUntil(() => tooltipShown(badge), `tooltip of ${status} shown`);
        expect(parts(badge).tooltip!.textContent).to.contain(expected);
      }
    });

    it('shows on hover, stays while the pointer moves onto it, and hides when the pointer leaves', async () => {
      const badge = await fixture<StatusBadge>(
        html`<status-badge status="pending-opened" style="margin: 250px 200px 0; display: inline-block"></status-badge>`,
      );
      await sendMouse({ type: 'move', position: centreOf(parts(badge).base) });
      await waitUntil(() => tooltipShown(badge), 'tooltip shown on hover');
      // Across the gap and onto the tooltip: it stays (WCAG 1.4.13, hoverable).
      const badgeBox = parts(badge).base.getBoundingClientRect();
      const tooltipBox = parts(badge).tooltip!.getBoundingClientRect();
      expect(tooltipBox.bottom, 'the tooltip sits above the badge, with a gap').to.be.lessThan(badgeBox.top);
      // One move from the badge onto the tooltip: a stop in the gap between two runner calls can
      // outlast the 200 ms grace delay on a loaded machine, which made this test flaky.
      await sendMouse({ type: 'move', position: centreOf(parts(badge).tooltip!) });
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(tooltipShown(badge)).to.equal(true);
      await sendMouse({ type: 'move', position: [5, 5] });
      await waitUntil(() => !tooltipShown(badge), 'tooltip hidden once the pointer left');
    });

    it('shows on keyboard focus, Escape dismisses it, and it comes back on the next focus', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div style="padding: 100px">
        <button>before</button>
        <status-badge status="profile-created-sent"></status-badge>
        <button>after</button>
      </div>`);
      const badge = wrapper.querySelector('status-badge')!;
      wrapper.querySelector('button')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(badge.shadowRoot!.activeElement).to.equal(parts(badge).base);
      await waitUntil(() => tooltipShown(badge), 'tooltip shown on focus');

      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !tooltipShown(badge), 'Escape dismissed the tooltip');
      expect(badge.shadowRoot!.activeElement, 'focus stays on the badge').to.equal(parts(badge).base);

      await sendKeys({ press: 'Tab' });
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      await waitUntil(() => tooltipShown(badge), 'shown again on the next focus');
      await sendKeys({ press: 'Tab' });
      await waitUntil(() => !tooltipShown(badge), 'hidden when focus leaves');
    });

    it('Escape dismisses a tooltip opened by hover, without focus', async () => {
      const badge = await fixture<StatusBadge>(
        html`<status-badge status="active" style="margin: 100px; display: inline-block"></status-badge>`,
      );
      await sendMouse({ type: 'move', position: centreOf(parts(badge).base) });
      await waitUntil(() => tooltipShown(badge), 'tooltip shown on hover');
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !tooltipShown(badge), 'dismissed');
      // Still hovered: it stays dismissed (no flicker back).
      await sendMouse({ type: 'move', position: centreOf(parts(badge).label) });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(tooltipShown(badge)).to.equal(false);
    });

    it('shows one tooltip at a time: hovering another badge closes the focused one', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div style="padding: 100px">
        <status-badge status="active"></status-badge>
        <p style="margin-top: 120px"><status-badge status="pending-opened"></status-badge></p>
      </div>`);
      const [first, second] = [...wrapper.querySelectorAll('status-badge')] as [StatusBadge, StatusBadge];
      parts(first).base.focus();
      await waitUntil(() => tooltipShown(first), 'first tooltip shown on focus');
      await sendMouse({ type: 'move', position: centreOf(parts(second).base) });
      await waitUntil(() => tooltipShown(second), 'second tooltip shown on hover');
      expect(tooltipShown(first)).to.equal(false);
    });

    it('is capped to the viewport width, and wraps', async () => {
      const badge = await fixture<StatusBadge>(html`<status-badge status="pending-not-delivered"></status-badge>`);
      parts(badge).base.focus();
      await waitUntil(() => tooltipShown(badge), 'tooltip shown');
      const rect = parts(badge).tooltip!.getBoundingClientRect();
      expect(rect.width).to.be.at.most(22 * 16);
      expect(rect.left).to.be.at.least(0);
      expect(rect.right).to.be.at.most(window.innerWidth);
    });

    it('speaks Spanish under <html lang="es">: its text loads with the tooltip', async () => {
      document.documentElement.lang = 'es';
      const badge = await fixture<StatusBadge>(html`<status-badge status="pending-opened"></status-badge>`);
      await waitUntil(() => parts(badge).label.textContent === 'Pendiente - Correo abierto', 'Spanish label');
      parts(badge).base.focus();
      await waitUntil(() => tooltipShown(badge), 'tooltip shown');
      await waitUntil(
        () => parts(badge).tooltip!.textContent!.includes(statusDetailsEs['status.description.pending-opened']),
        'Spanish description',
      );
      expect(parts(badge).tooltip!.lang).to.equal('es');
    });

    it('no-tooltip: no tooltip and no tab stop', async () => {
      const badge = await fixture<StatusBadge>(html`<status-badge status="active" no-tooltip></status-badge>`);
      expect(parts(badge).tooltip).to.equal(null);
      expect(parts(badge).base.hasAttribute('tabindex')).to.equal(false);
      expect(parts(badge).base.hasAttribute('aria-describedby')).to.equal(false);
    });
  });

  describe('unknown status', () => {
    it('shows "Unknown status", warns once per distinct value, and never throws', async () => {
      const capture = captureWarnings();
      try {
        const wrapper = await fixture<HTMLDivElement>(html`<div>
          <status-badge status="Archived"></status-badge>
          <status-badge status="Archived"></status-badge>
          <status-badge status="Frozen"></status-badge>
        </div>`);
        const badges = [...wrapper.querySelectorAll('status-badge')];
        expect(badges.map((badge) => parts(badge).label.textContent)).to.deep.equal([
          'Unknown status',
          'Unknown status',
          'Unknown status',
        ]);
        expect(capture.warnings.filter((warning) => warning.includes('"Archived"'))).to.have.length(1);
        expect(capture.warnings.filter((warning) => warning.includes('"Frozen"'))).to.have.length(1);
        expect(badges[0]!.printEligible).to.equal(false);
        expect(badges[0]!.tone).to.equal('neutral');
        parts(badges[0]!).base.focus();
        await waitUntil(() => tooltipShown(badges[0]!), 'tooltip shown');
        expect(parts(badges[0]!).tooltip!.textContent).to.contain('does not recognise');
      } finally {
        capture.restore();
      }
    });

    it('renders hostile or odd values as "Unknown status" text', async () => {
      const capture = captureWarnings();
      try {
        for (const value of ['<img src=x onerror=alert(1)>', 'x'.repeat(10_000), '__proto__', 'constructor']) {
          const badge = await fixture<StatusBadge>(html`<status-badge .status=${value}></status-badge>`);
          expect(parts(badge).label.textContent).to.equal('Unknown status');
          expect(badge.shadowRoot!.querySelector('img')).to.equal(null);
        }
      } finally {
        capture.restore();
      }
    });

    it('no status yet shows "Unknown status" without a warning', async () => {
      const capture = captureWarnings();
      try {
        const badge = await fixture<StatusBadge>(html`<status-badge></status-badge>`);
        expect(parts(badge).label.textContent).to.equal('Unknown status');
        expect(capture.warnings).to.have.length(0);
      } finally {
        capture.restore();
      }
    });
  });

  describe('accessibility', () => {
    const allBadges = () => html`<div>
      ${INVITE_STATUSES.map((code) => html`<status-badge status=${code}></status-badge>`)}
      <status-badge status="unknown-value"></status-badge>
    </div>`;

    it('is accessible for every status, in light and dark', async () => {
      const capture = captureWarnings();
      try {
        const wrapper = await fixture<HTMLDivElement>(allBadges());
        await expect(wrapper).to.be.accessible();
        document.documentElement.dataset.theme = 'dark';
        document.documentElement.style.colorScheme = 'dark';
        await expect(wrapper).to.be.accessible();
      } finally {
        capture.restore();
      }
    });

    it('switches to the dark colours with color-scheme', async () => {
      const badge = await fixture<StatusBadge>(html`<status-badge status="active"></status-badge>`);
      const light = getComputedStyle(parts(badge).base).backgroundColor;
      document.documentElement.style.colorScheme = 'dark';
      const dark = getComputedStyle(parts(badge).base).backgroundColor;
      expect(light).to.equal('rgb(230, 244, 234)');
      expect(dark).to.equal('rgb(23, 61, 36)');
    });

    it('is accessible with its tooltip open, in light and dark', async () => {
      const badge = await fixture<StatusBadge>(
        html`<status-badge status="pending-link-clicked" style="margin: 100px; display: inline-block"></status-badge>`,
      );
      parts(badge).base.focus();
      await waitUntil(() => tooltipShown(badge), 'tooltip shown');
      await expect(badge).to.be.accessible();
      document.documentElement.style.colorScheme = 'dark';
      await expect(badge).to.be.accessible();
    });

    it('takes theme tokens from the page', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div style="--pk-tone-success-bg: rgb(1, 2, 3)">
        <status-badge status="active"></status-badge>
      </div>`);
      const badge = wrapper.querySelector('status-badge')!;
      expect(getComputedStyle(parts(badge).base).backgroundColor).to.equal('rgb(1, 2, 3)');
    });
  });
});
