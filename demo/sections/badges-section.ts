import { html } from 'lit';
import '../../src/components/profile-progress/profile-progress.js';
import type { ProgressField } from '../../src/components/profile-progress/profile-progress.component.js';
import '../../src/components/status-badge/status-badge.js';
import type { PartnerProfile } from '../../src/domain/completion.js';
import { describeStatus, INVITE_STATUSES } from '../../src/domain/status.js';
import type { DemoSection } from './index.js';

/**
 * The demo's third theme, "brand": nothing but `--pk-*` token overrides (solid
 * badges, square corners, a serif font, purple accent), to show what a host
 * can do without touching the kit. Every pair still meets WCAG AA.
 */
const BRAND_THEME_CSS = `
:root[data-theme='brand'] {
  color-scheme: light;
  --pk-font-family: Georgia, 'Iowan Old Style', 'Times New Roman', serif;
  --pk-color-accent: #6d28d9;
  --pk-color-focus-ring: #c2410c;
  --pk-color-track: #e9d5ff;
  --pk-color-tooltip-bg: #3b0764;
  --pk-color-tooltip-fg: #faf5ff;
  --pk-progress-complete-color: #065f46;
  --pk-radius: 0;
  --pk-radius-pill: 0.25rem;
  --pk-tone-success-bg: #065f46;
  --pk-tone-success-fg: #ecfdf5;
  --pk-tone-info-bg: #5b21b6;
  --pk-tone-info-fg: #f5f3ff;
  --pk-tone-warning-bg: #92400e;
  --pk-tone-warning-fg: #fffbeb;
  --pk-tone-danger-bg: #9f1239;
  --pk-tone-danger-fg: #fff1f2;
  --pk-tone-neutral-bg: #374151;
  --pk-tone-neutral-fg: #f9fafb;
}
`;

function ensureBrandTheme(): void {
  if (document.getElementById('pk-demo-brand-theme')) return;
  const style = document.createElement('style');
  style.id = 'pk-demo-brand-theme';
  style.textContent = BRAND_THEME_CSS;
  document.head.append(style);
}

const EMPTY: PartnerProfile = {};

const PARTIAL: PartnerProfile = {
  firstName: 'Dana',
  lastName: 'Whitfield',
  email: 'dana@example.com',
  street: '12 Harbor Rd',
  city: 'Portland',
  state: 'ME',
  zip: '04101',
  jobTitle: 'Realtor',
  timeZone: 'America/New_York',
};

const COMPLETE: PartnerProfile = {
  ...PARTIAL,
  photoUrl: 'https://example.com/dana.jpg',
  logoUrl: 'https://example.com/harbor.png',
  mlsAgentId: 'ME-2231',
  mlsAssociation: 'Maine MLS',
  company: 'Harbor Realty',
  mobilePhone: '207-555-0142',
  officePhone: '207-555-0100',
  licenseNumber: 'ME-RE-88812',
};

const CUSTOM_FIELDS: ProgressField[] = [
  'email',
  'mobilePhone',
  { key: 'brokerage', requires: ['company'], label: 'Brokerage (host-provided label)' },
  { key: 'licence', requires: ['licenseNumber'], label: '<b>Hostile</b> label, shown as text' },
];

const TABLE_ROWS: { name: string; status: string; profile: PartnerProfile }[] = [
  { name: 'Dana Whitfield', status: 'profile-created', profile: COMPLETE },
  { name: 'Sam Ortiz', status: 'pending-opened', profile: PARTIAL },
  { name: 'Lee Chen', status: 'profile-created-not-delivered', profile: EMPTY },
  { name: 'Ari Novak', status: 'profile-created-not-sent', profile: { firstName: 'Ari', lastName: 'Novak', email: 'ari@example.com' } },
];

/** status-badge and profile-progress in every status and state. */
export const badgesSection: DemoSection = {
  id: 'badges',
  title: 'Status badge and profile progress',
  render({ state }) {
    ensureBrandTheme();
    return html`
      <p>
        Theme <strong>${state.theme}</strong>, locale <strong>${state.locale}</strong>. Hover or Tab to a badge for
        its explanation; Escape closes it.
      </p>

      <h3>Every status</h3>
      <div class="demo-grid">
        ${INVITE_STATUSES.map((code) => html`<div><status-badge status=${code}></status-badge></div>`)}
        <div><status-badge status="Archived"></status-badge> <small>(unknown value: one console warning)</small></div>
      </div>

      <h3>Print eligibility and tone (read from the element)</h3>
      <table class="demo-table">
        <thead>
          <tr><th scope="col">Badge</th><th scope="col">Tone</th><th scope="col">Print eligible</th></tr>
        </thead>
        <tbody>
          ${INVITE_STATUSES.map((code) => {
            const info = describeStatus(code);
            return html`<tr>
              <td><status-badge status=${code} no-tooltip></status-badge></td>
              <td>${info.tone}</td>
              <td>${info.printEligible ? 'yes' : 'no'}</td>
            </tr>`;
          })}
        </tbody>
      </table>

      <h3>Profile progress</h3>
      <div class="demo-grid">
        <div><h4>Empty profile</h4><profile-progress .profile=${EMPTY}></profile-progress></div>
        <div><h4>Partial profile</h4><profile-progress .profile=${PARTIAL}></profile-progress></div>
        <div><h4>Complete profile</h4><profile-progress .profile=${COMPLETE}></profile-progress></div>
        <div>
          <h4>Reminders preset (account completion)</h4>
          <profile-progress preset="reminders" .profile=${PARTIAL}></profile-progress>
        </div>
        <div>
          <h4>Custom fields</h4>
          <profile-progress .profile=${PARTIAL} .fields=${CUSTOM_FIELDS} label="Brokerage checklist"></profile-progress>
        </div>
        <div><h4>Plain percent (0, 45, 100)</h4>
          <profile-progress percent="0"></profile-progress>
          <profile-progress percent="45"></profile-progress>
          <profile-progress percent="100"></profile-progress>
        </div>
        <div>
          <h4>Always Spanish (<code>lang="es"</code> on its container)</h4>
          <div lang="es">
            <status-badge status="pending-link-clicked"></status-badge>
            <profile-progress .profile=${PARTIAL}></profile-progress>
          </div>
        </div>
      </div>

      <h3>Compact, in a table</h3>
      <table class="demo-table">
        <thead>
          <tr><th scope="col">Partner</th><th scope="col">Status</th><th scope="col">Profile</th></tr>
        </thead>
        <tbody>
          ${TABLE_ROWS.map(
            (row) => html`<tr>
              <td>${row.name}</td>
              <td><status-badge status=${row.status}></status-badge></td>
              <td style="min-width: 9rem"><profile-progress compact .profile=${row.profile}></profile-progress></td>
            </tr>`,
          )}
          <tr>
            <td>Plain percent</td>
            <td><status-badge status="active"></status-badge></td>
            <td><profile-progress compact percent="80"></profile-progress></td>
          </tr>
        </tbody>
      </table>
    `;
  },
};
