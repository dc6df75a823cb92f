import { html } from 'lit';
import { createMemoryAdapter, generateSeedData, MemoryStore, type SeedData } from '../../src/adapter/memory/index.js';
import type { MemoryAdapter } from '../../src/adapter/memory/index.js';
import type { PartnerKitAdapter } from '../../src/adapter/types.js';
import '../../src/components/partner-settings/partner-settings.js';
import '../../src/components/portal-settings/portal-settings.js';
import type { Role } from '../../src/domain/permissions.js';
import type { DemoSection } from './index.js';

const LATENCY = 300;
/** Long enough to look at the loading state (setTimeout's maximum is about 24.8 days). */
const FOREVER = 2_000_000_000;
const ORG = 'org-harbor';
/** Settings forms need more room than the default demo grid's columns. */

function memoryFor(role: Role, options: { change?: (data: SeedData) => void; latency?: number; failureRate?: number } = {}) {
  const data = generateSeedData({ seed: 7, referenceDate: new Date() });
  options.change?.(data);
  return createMemoryAdapter({
    seed: 7,
    store: new MemoryStore({ data }),
    latency: options.latency ?? LATENCY,
    failureRate: options.failureRate ?? 0,
    session: { role },
  });
}

/** An organisation with no workflows, no brokers and no partner accounts yet. */
const emptyPortal = (data: SeedData) => {
  data.workflows = data.workflows.filter((workflow) => workflow.organisationId !== ORG);
  data.brokers = data.brokers.filter((broker) => broker.organisationId !== ORG);
  data.partnerAccounts = data.partnerAccounts.filter((account) => account.organisationId !== ORG);
  data.deals = data.deals.filter((deal) => deal.organisationId !== ORG);
  for (const organisation of data.organisations) if (organisation.id === ORG) organisation.defaultWorkflowId = null;
  for (const settings of data.portalSettings) if (settings.organisationId === ORG) settings.defaultWorkflowId = null;
};

/** The organisation sends partners no updates at all. */
const everythingOff = (data: SeedData) => {
  const off = { email: false, sms: false };
  for (const settings of data.portalSettings) {
    if (settings.organisationId === ORG) settings.notifications = { stageChanged: off, fileShared: off, noteAdded: off };
  }
};

interface Example {
  title: string;
  note: string;
  element: 'portal' | 'partner';
  adapter: PartnerKitAdapter;
}

let examples: Example[] | undefined;

// Built once: the demo re-renders its sections on every control change.
function getExamples(): Example[] {
  examples ??= [
    { title: 'Empty organisation', note: 'No workflows, no brokers, no partner accounts yet.', element: 'portal', adapter: memoryFor('admin', { change: emptyPortal }) },
    { title: 'Organisation sends no updates', note: 'Every option is off and disabled, with the reason.', element: 'partner', adapter: memoryFor('partner', { change: everythingOff }) },
    { title: 'Portal settings: loading', note: 'An adapter that does not answer.', element: 'portal', adapter: memoryFor('admin', { latency: FOREVER }) },
    { title: 'Partner settings: error', note: 'Every call fails; "Try again" fails too.', element: 'partner', adapter: memoryFor('partner', { failureRate: 1 }) },
    { title: 'Portal settings seen by a broker', note: 'Only admins manage the portal.', element: 'portal', adapter: memoryFor('broker') },
    { title: 'Partner settings seen by an admin', note: 'Only partners have these settings.', element: 'partner', adapter: memoryFor('admin') },
  ];
  return examples;
}

/** Saves a change to the live store as another admin would, so the next save in the element meets a conflict. */
function anotherAdminSaves(memory: MemoryAdapter): string {
  const { organisationId, version, ...input } = memory.store.getPortalSettings(ORG);
  const saved = memory.store.updatePortalSettings(organisationId, { ...input, partnerAddedEmail: !input.partnerAddedEmail }, version);
  return `Another admin turned the "Partner added" email ${saved.partnerAddedEmail ? 'on' : 'off'} (version ${saved.version}). Save in the element to see the conflict.`;
}

function partnerSavesElsewhere(memory: MemoryAdapter): string {
  if (memory.store.getSession().role !== 'partner') return 'Switch the role to partner first.';
  const { version, email: _email, organisationAllows: _allows, ...input } = memory.store.getPartnerSettings();
  const saved = memory.store.updatePartnerSettings({ ...input, phone: '(512) 555-0199' }, version);
  return `The partner changed their phone in another tab (version ${saved.version}). Save in the element to see the conflict.`;
}

function logEvent(event: Event): void {
  const log = document.getElementById('settings-events');
  if (!log) return;
  const detail = (event as CustomEvent<unknown>).detail;
  log.textContent = `${new Date().toLocaleTimeString()} ${event.type} ${JSON.stringify(detail)}\n${log.textContent ?? ''}`.slice(0, 4000);
}

/** <portal-settings> (admin) and <partner-settings> (partner) in every state. */
export const settingsSection: DemoSection = {
  id: 'settings',
  title: 'Portal settings and partner settings',
  render({ state, memory }) {
    const say = (message: string) => {
      const output = document.getElementById('settings-simulated');
      if (output) output.textContent = message;
    };
    return html`
      <div @pk-settings-saved=${logEvent} @pk-partner-account-created=${logEvent} @pk-partner-allocated=${logEvent}>
        <p>
          These two use the page's adapter and follow the <strong>Role</strong> control (now
          <strong>${state.role}</strong>): <code>admin</code> edits the portal settings, <code>partner</code> their own
          settings; every other role sees why they cannot.
        </p>
        <p>
          <button type="button" @click=${() => say(anotherAdminSaves(memory))}>Another admin saves now</button>
          <button type="button" @click=${() => say(partnerSavesElsewhere(memory))}>Partner saves in another tab</button>
          <span id="settings-simulated" role="status"></span>
        </p>
        <div class="demo-grid demo-grid-wide">
          <div>
            <h3>&lt;portal-settings&gt;</h3>
            <portal-settings></portal-settings>
          </div>
          <div>
            <h3>&lt;partner-settings&gt; with the host's password control</h3>
            <partner-settings>
              <div slot="password">
                <p>Your password is managed by the host page.</p>
                <button type="button" @click=${() => say('The host opens its own password dialog here.')}>Change password</button>
              </div>
            </partner-settings>
          </div>
        </div>
        <h3>Events</h3>
        <pre class="demo-log" id="settings-events" aria-label="Settings events"></pre>

        <h3>Other states</h3>
        <div class="demo-grid demo-grid-wide">
          ${getExamples().map(
            (example) => html`<div>
              <h4>${example.title}</h4>
              <p><small>${example.note}</small></p>
              ${example.element === 'portal'
                ? html`<portal-settings .adapter=${example.adapter}></portal-settings>`
                : html`<partner-settings .adapter=${example.adapter}></partner-settings>`}
            </div>`,
          )}
        </div>
      </div>
    `;
  },
};
