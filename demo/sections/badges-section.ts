import { html } from 'lit';
import '../../src/components/profile-progress/profile-progress.js';
import type { ProgressField } from '../../src/components/profile-progress/profile-progress.component.js';
import '../../src/components/status-badge/status-badge.js';
import type { PartnerProfile } from '../../src/domain/completion.js';
import { describeStatus, INVITE_STATUSES } from '../../src/domain/status.js';
import type { DemoSection } from './index.js';

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
              <td class="demo-progress-cell"><profile-progress compact .profile=${row.profile}></profile-progress></td>
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
