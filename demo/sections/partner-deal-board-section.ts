import { html } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import {
  createMemoryAdapter,
  generateSeedData,
  MemoryStore,
  type MemoryAdapter,
  type SeedData,
} from '../../src/adapter/memory/index.js';
import type { Deal, Stage } from '../../src/adapter/types.js';
import '../../src/components/partner-deal-board/partner-deal-board.js';
import type { OrgSwitches, Role } from '../../src/domain/permissions.js';
import type { DemoSection } from './index.js';

const LATENCY = 300;
/** Long enough to look at the loading state (setTimeout's maximum is about 24.8 days). */
const FOREVER = 2_000_000_000;
const LEADS = 'wf-harbor-leads';

function store(change?: (data: SeedData) => void): MemoryStore {
  const data = generateSeedData({ seed: 7, referenceDate: new Date() });
  change?.(data);
  return new MemoryStore({ data });
}

interface MemoryOptions {
  change?: (data: SeedData) => void;
  latency?: number;
  failureRate?: number;
  switches?: Partial<OrgSwitches>;
}

function memoryFor(role: Role, options: MemoryOptions = {}): MemoryAdapter {
  const memory = createMemoryAdapter({
    seed: 7,
    store: store(options.change),
    latency: options.latency ?? LATENCY,
    failureRate: options.failureRate ?? 0,
  });
  memory.store.setSession({ role, ...(options.switches ? { switches: options.switches as OrgSwitches } : {}) });
  return memory;
}

/** "Someone else" moves an open deal of the Leads workflow one stage on: the board follows live. */
function moveOneElsewhere(memory: MemoryAdapter): void {
  const open = memory.store
    .listDeals({ organisationId: 'org-harbor', workflowId: LEADS, limit: 500 })
    .items.filter((deal) => !deal.closed);
  const deal = open[Math.floor(Math.random() * open.length)];
  if (deal) memory.store.advanceDeal(deal.id);
}

const emptyBoard = (data: SeedData) => {
  data.deals = [];
};

const HOSTILE_NAME = '<img src=x onerror="alert(1)"> Robert\'); DROP TABLE deals;--';

/** Markup in names, a deal in a stage that no longer exists, a very long note, a `javascript:` document link. */
const hostileData = (data: SeedData) => {
  const leads = data.deals.filter((deal) => deal.workflowId === LEADS && !deal.closed);
  const [first, second] = leads;
  if (!first || !second) return;
  first.name = HOSTILE_NAME;
  first.clients = first.clients.map((client) => ({ ...client, firstName: '<b>bold</b>', phone: 'javascript:alert(1)' }));
  second.stageId = 'stage-deleted-by-an-admin';
  data.notes.push({
    id: `${first.id}-note-long`,
    dealId: first.id,
    author: { id: 'brk-harbor-1', name: 'Priya Raman', role: 'broker' },
    body: `A very long note without spaces: ${'x'.repeat(600)}\n\nAnd ${'a long paragraph, '.repeat(80)}the end.`,
    createdAt: new Date().toISOString(),
  });
  data.documents.push({
    id: `${first.id}-doc-hostile`,
    dealId: first.id,
    name: 'Invoice.pdf',
    contentType: 'application/pdf',
    size: 1200,
    url: 'javascript:alert(document.cookie)',
    uploadedAt: new Date().toISOString(),
    uploadedBy: { id: 'x', name: 'Mallory' },
  });
};

const BULK_STAGES: Stage[] = ['New lead', 'Contacted', 'Application', 'Valuation', 'Approved', 'Docs out', 'Ready to settle'].map(
  (name, index) => ({ id: `stg-bulk-${index + 1}`, name, closed: false }),
);

/** The performance case of the issue: 1,000 deals over 7 stages in one workflow. */
const thousandDeals = (data: SeedData) => {
  const template = data.deals.find((deal) => deal.workflowId === LEADS);
  if (!template) return;
  data.workflows = data.workflows.map((workflow) => (workflow.id === LEADS ? { ...workflow, stages: BULK_STAGES } : workflow));
  const start = Date.now() - 90 * 86_400_000;
  const bulk: Deal[] = Array.from({ length: 1000 }, (_, index) => {
    const stage = BULK_STAGES[index % BULK_STAGES.length] as Stage;
    const createdAt = new Date(start + index * 7_776_000).toISOString();
    return {
      ...template,
      id: `deal-bulk-${index + 1}`,
      stageId: stage.id,
      version: 0,
      name: `${template.clients[0]?.firstName ?? 'Client'} ${index + 1}`,
      labels: index % 3 === 0 ? ['Refinance'] : index % 5 === 0 ? ['Investor', 'Urgent'] : [],
      createdAt,
      updatedAt: createdAt,
      closed: false,
    };
  });
  data.deals = [...data.deals.filter((deal) => deal.workflowId !== LEADS), ...bulk];
};

interface Example {
  title: string;
  note: string;
  memory: MemoryAdapter;
  live?: boolean;
}

let examples: Example[] | undefined;

// Built once: the demo re-renders its sections on every control change.
function getExamples(): Example[] {
  examples ??= [
    {
      title: 'Broker: move deals',
      note: 'Drag a tile to another column; or Tab to it, Space, arrow keys, Space; or "Move to…". A failed move goes back.',
      memory: memoryFor('broker'),
      live: true,
    },
    {
      title: 'Partner in two organisations',
      note: 'Adds deals where the organisation allows it (Harbor); switch to Summit: no "Add new deal". Partners do not move deals.',
      memory: memoryFor('partner'),
      live: true,
    },
    {
      title: 'Organisation does not let partners add deals',
      note: 'The switch is off: the board has no "Add new deal".',
      memory: memoryFor('partner', { switches: { partnersAddDeals: false } }),
    },
    { title: 'Empty board', note: 'No deals yet: the call to action adds the first one.', memory: memoryFor('partner', { change: emptyBoard }) },
    {
      title: 'Hostile data',
      note: 'Markup in names shows as text; a deal in a deleted stage goes to "Unassigned"; open the first tile: a javascript: document link is refused, a long note wraps.',
      memory: memoryFor('broker', { change: hostileData }),
    },
    { title: 'Loading', note: 'An adapter that does not answer.', memory: memoryFor('partner', { latency: FOREVER }) },
    { title: 'Error', note: 'Every call fails; "Try again" fails too.', memory: memoryFor('partner', { failureRate: 1 }) },
    {
      title: '1,000 deals over 7 stages',
      note: 'The performance case: drag a tile, switch to the list view and sort.',
      memory: memoryFor('broker', { change: thousandDeals, latency: 0 }),
    },
  ];
  return examples;
}

/** partner-deal-board in every role and state. */
export const partnerDealBoardSection: DemoSection = {
  id: 'partner-deal-board',
  title: 'Partner deal board',
  render({ adapter, memory, state }) {
    return html`
      <p>
        With the page's adapter and role (<strong>${state.role}</strong>): switch the role above to <em>partner</em>
        or <em>broker</em> to see what each may do.
        <button type="button" @click=${() => moveOneElsewhere(memory)}>Someone else moves a deal</button>
      </p>
      ${
        // The board keeps the session it loaded (a host calls reload() when it changes): a new role is a new board.
        keyed(
          `${state.role}|${state.partnersAddDeals}|${state.transport}`,
          html`<partner-deal-board .adapter=${adapter}></partner-deal-board>`,
        )
      }
      ${getExamples().map(
        (example) => html`
          <h3>${example.title}</h3>
          <p>
            ${example.note}
            ${example.live
              ? html`<button type="button" @click=${() => moveOneElsewhere(example.memory)}>Someone else moves a deal</button>`
              : ''}
          </p>
          <partner-deal-board .adapter=${example.memory}></partner-deal-board>
        `,
      )}
    `;
  },
};
