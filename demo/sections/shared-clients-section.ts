import { html } from 'lit';
import { createMemoryAdapter, generateSeedData, MemoryStore, type SeedData } from '../../src/adapter/memory/index.js';
import type { CoSharedClient, PartnerKitAdapter } from '../../src/adapter/types.js';
import '../../src/components/shared-clients/shared-clients.js';
import type { Role } from '../../src/domain/permissions.js';
import type { DemoSection } from './index.js';

const LATENCY = 300;
/** Long enough to look at the loading state (setTimeout's maximum is about 24.8 days). */
const FOREVER = 2_000_000_000;

function store(change?: (data: SeedData) => void): MemoryStore {
  const data = generateSeedData({ seed: 7, referenceDate: new Date() });
  change?.(data);
  return new MemoryStore({ data });
}

function memoryFor(role: Role, options: { change?: (data: SeedData) => void; latency?: number; failureRate?: number } = {}) {
  return createMemoryAdapter({
    seed: 7,
    store: store(options.change),
    latency: options.latency ?? LATENCY,
    failureRate: options.failureRate ?? 0,
    session: { role },
  });
}

/**
 * An adapter that wrongly returns a client who is not co-shared (same email,
 * another home): the element drops it and only says a record was withheld.
 */
function leakingAdapter(): PartnerKitAdapter {
  const memory = memoryFor('lender');
  return {
    getSession: (options) => memory.getSession(options),
    listRealtorClientCounts: (options) => memory.listRealtorClientCounts(options),
    async listCoSharedClients(realtorId, options) {
      const clients = await memory.listCoSharedClients(realtorId, options);
      const first = clients[0];
      if (first === undefined) return clients;
      const leaked: CoSharedClient = {
        ...first,
        agentRecord: { id: 'demo-leak', name: 'Not Shared', email: 'not.shared@example.com', address: { street: '1 Private Way', city: 'Austin', state: 'TX', zip: '78701' } },
        realtorRecord: { id: 'demo-leak-r', name: 'Not Shared', email: 'not.shared@example.com', address: { street: '9 Other Road', city: 'Dallas', state: 'TX', zip: '75201' } },
      };
      return [leaked, ...clients];
    },
  };
}

const withoutRealtors = (data: SeedData) => {
  data.sharedClients.realtors = [];
};

const withoutCoShared = (data: SeedData) => {
  const coShared = new Set(data.sharedClients.coSharedPairs.map(([, realtorClientId]) => realtorClientId));
  for (const realtor of data.sharedClients.realtors) realtor.clients = realtor.clients.filter(({ id }) => !coShared.has(id));
};

interface Example {
  title: string;
  note: string;
  adapter: PartnerKitAdapter;
}

let examples: Example[] | undefined;

// Built once: the demo re-renders its sections on every control change.
function getExamples(): Example[] {
  examples ??= [
    { title: 'Realtor (role agent)', note: 'The clients co-shared with the mortgage agent; no counts, no filter.', adapter: memoryFor('agent') },
    { title: 'No partnered realtors', note: 'A mortgage agent with nobody to share with.', adapter: memoryFor('lender', { change: withoutRealtors }) },
    { title: 'No co-shared clients', note: 'Realtors with clients, none of them in both accounts.', adapter: memoryFor('lender', { change: withoutCoShared }) },
    { title: 'Adapter sends a client that is not co-shared', note: 'Dropped by the element; one console warning.', adapter: leakingAdapter() },
    { title: 'Loading', note: 'An adapter that does not answer.', adapter: memoryFor('lender', { latency: FOREVER }) },
    { title: 'Error', note: 'Every call fails; "Try again" fails too.', adapter: memoryFor('lender', { failureRate: 1 }) },
    { title: 'Not permitted (role partner)', note: 'Only mortgage agents and realtors see shared clients.', adapter: memoryFor('partner') },
  ];
  return examples;
}

/** `<shared-clients>` for the demo's role, then every state with its own in-memory adapter. */
export const sharedClientsSection: DemoSection = {
  id: 'shared-clients',
  title: 'Shared clients',
  render({ adapter, state }) {
    return html`
      <p>
        Role <strong>${state.role}</strong>: a <code>lender</code> is the sponsoring mortgage agent (realtor counts,
        filter, co-shared clients), an <code>agent</code> is a realtor (co-shared clients only); other roles are not
        permitted. Change the role, latency and failure rate above.
      </p>
      <shared-clients heading-level="3" .adapter=${adapter}></shared-clients>

      <h3>Every state</h3>
      ${getExamples().map(
        (example) => html`<div class="demo-example">
          <h4>${example.title}</h4>
          <p><small>${example.note}</small></p>
          <shared-clients heading-level="5" .adapter=${example.adapter}></shared-clients>
        </div>`,
      )}
    `;
  },
};
