import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { keyed } from 'lit/directives/keyed.js';
import { createMemoryAdapter, generatePartners, type MemoryAdapter } from '../../src/adapter/memory/index.js';
import type { Partner } from '../../src/adapter/types.js';
import '../../src/components/partner-table/partner-table.js';
import type { Role } from '../../src/domain/permissions.js';
import type { DemoSection } from './index.js';

const LATENCY = 300;
/** Long enough to look at the loading state (setTimeout's maximum is about 24.8 days). */
const FOREVER = 2_000_000_000;

interface Options {
  role?: Role;
  latency?: number;
  failureRate?: number;
  partners?: Partner[];
  profileEditing?: boolean;
}

function memoryFor(options: Options = {}): MemoryAdapter {
  const memory = createMemoryAdapter({
    seed: 7,
    referenceDate: new Date(),
    latency: options.latency ?? LATENCY,
    failureRate: options.failureRate ?? 0,
    session: { role: options.role ?? 'lender' },
  });
  if (options.partners) memory.store.loadPartners(options.partners);
  if (options.profileEditing === false) {
    memory.store.setSession({ switches: { ...memory.store.getSession().switches, profileEditing: false } });
  }
  return memory;
}

/** Names and addresses a hostile or careless backend might send: shown as text, truncated with the full text kept. */
function hostilePartners(): Partner[] {
  const [a, b, c, d] = generatePartners(4, 7, new Date());
  return [
    { ...a!, id: 'demo-html', firstName: '<img src=x onerror=alert(1)>', lastName: '<b>Bold</b>' },
    { ...b!, id: 'demo-long', firstName: `Maximiliana-${'Alexandrina-'.repeat(14)}`, lastName: 'Smith', email: `very.${'long.'.repeat(30)}address@example.com` },
    { ...c!, id: 'demo-anonymous', firstName: '', lastName: '', status: 'pending-not-delivered', email: 'only.an.address@example.com' },
    { ...d!, id: 'demo-rtl', firstName: 'سارة', lastName: 'الحسن', profile: {} },
  ];
}

interface Example {
  title: string;
  note: string;
  memory: MemoryAdapter;
  lang?: string;
  pageSize?: number;
}

let examples: Example[] | undefined;

// Built once: the demo re-renders its sections on every control change.
function getExamples(): Example[] {
  examples ??= [
    {
      title: '10,000 partners',
      note: 'Pages of 500 load as you scroll near the end; only the rows in view are in the DOM.',
      memory: memoryFor({ latency: 50, partners: generatePartners(10_000, 7, new Date()) }),
      pageSize: 500,
    },
    { title: 'Agent', note: 'Agents may delete a connection, nothing else; no "Invite New Connections".', memory: memoryFor({ role: 'agent' }) },
    {
      title: 'Organisation has not opted in to profile editing',
      note: 'No "Edit" in any menu.',
      memory: memoryFor({ profileEditing: false }),
    },
    { title: 'Empty (lender)', note: 'No partners yet: the invite call to action.', memory: memoryFor({ partners: [] }) },
    { title: 'Empty (agent)', note: 'No partners, and nothing to invite with.', memory: memoryFor({ role: 'agent', partners: [] }) },
    { title: 'Loading', note: 'An adapter that does not answer.', memory: memoryFor({ latency: FOREVER }) },
    { title: 'Error', note: 'Every call fails; "Retry" fails too.', memory: memoryFor({ failureRate: 1 }) },
    { title: 'Hostile and odd data', note: 'Markup in names is text; long values are truncated with the full text kept.', memory: memoryFor({ partners: hostilePartners() }) },
    { title: 'Always Spanish', note: 'lang="es" on a container.', memory: memoryFor(), lang: 'es' },
  ];
  return examples;
}

/** `<partner-table>`: the live page, and every state. */
export const partnerTableSection: DemoSection = {
  id: 'partner-table',
  title: 'Partner table',
  render({ state, adapter, memory, transport }) {
    const advance = () => {
      const id = memory.store.advanceablePartnerIds()[0];
      if (id !== undefined) memory.simulateInvitationProgress(id);
    };
    // A new role or switch is a new session: a fresh element reads it.
    const sessionKey = JSON.stringify([state.role, state.profileEditing, state.profilePrefill, transport]);
    return html`
      <p>
        The co-marketing partners page as <strong>${state.role}</strong>, through the
        <strong>${transport === 'rest' ? 'REST adapter over MSW' : 'in-memory adapter'}</strong>. Invitations move on by
        themselves every few seconds (live updates), or
        <button type="button" @click=${advance}>advance an invitation now</button>.
      </p>
      ${keyed(sessionKey, html`<partner-table .adapter=${adapter}></partner-table>`)}

      ${getExamples().map(
        (example) => html`<h3>${example.title}</h3>
          <p>${example.note}</p>
          <div lang=${ifDefined(example.lang)}>
            <partner-table class="demo-small-table" page-size=${example.pageSize ?? 100} .adapter=${example.memory}></partner-table>
          </div>`,
      )}
    `;
  },
};
