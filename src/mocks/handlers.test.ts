/**
 * The mock backend end to end: the validated REST adapter talks HTTP to the
 * MSW handlers, which serve the in-memory adapter. Over HTTP, every answer
 * must be what the in-memory adapter gives directly, errors included.
 */
import { expect } from '@open-wc/testing';
import type { SetupWorker } from 'msw/browser';
import { PartnerKitError } from '../adapter/errors.js';
import { createMemoryAdapter } from '../adapter/memory/index.js';
import type { MemoryAdapter } from '../adapter/memory/index.js';
import { createRestAdapter } from '../adapter/rest/rest-adapter.js';
import type { AdapterChange, PartnerKitAdapter } from '../adapter/types.js';
import { validateAdapter } from '../adapter/validate.js';
import { startMockBackend } from './browser.js';
import { createRestHandlers } from './handlers.js';

const BASE = '/memory-api';

type Outcome = { value: unknown } | { code: string; message: string; fieldErrors: Record<string, string> };

/** A comparable outcome: the JSON of the value (what HTTP can carry) or the error's code and message. */
async function outcome(run: () => Promise<unknown> | undefined): Promise<Outcome> {
  try {
    const value = await run();
    return { value: value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown) };
  } catch (error) {
    if (!(error instanceof PartnerKitError)) throw error;
    return { code: error.code, message: error.message, fieldErrors: { ...error.fieldErrors } };
  }
}

async function waitFor(predicate: () => boolean, timeoutMs = 3000): Promise<void> {
  const started = performance.now();
  while (!predicate()) {
    if (performance.now() - started > timeoutMs) throw new Error('waitFor: condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

let worker: SetupWorker;
let memory: MemoryAdapter;
let direct: PartnerKitAdapter;
let rest: PartnerKitAdapter;

before(async () => {
  worker = await startMockBackend(createMemoryAdapter({ seed: 11 }), { baseUrl: BASE, quiet: true });
});

after(() => {
  worker.stop();
});

beforeEach(() => {
  memory = createMemoryAdapter({ seed: 11 });
  worker.resetHandlers(...createRestHandlers(memory, { baseUrl: BASE }));
  direct = validateAdapter(memory);
  rest = validateAdapter(createRestAdapter({ baseUrl: BASE, retries: 0, pollIntervalMs: 20 }));
});

describe('mock backend: HTTP is transparent over the in-memory adapter', () => {
  it('reads give what the in-memory adapter gives, and pass their schemas', async () => {
    const session = await direct.getSession();
    const [organisation] = await direct.listOrganisations!();
    expect(organisation, 'the seed has an organisation').to.not.equal(undefined);
    const orgId = organisation!.id;
    const [workflow] = await direct.listWorkflows!(orgId);
    const firstPage = await direct.listPartners!({ limit: 5 });
    const partnerId = firstPage.items[0]!.id;
    const deals = workflow ? await direct.listDeals!({ organisationId: orgId, workflowId: workflow.id, includeClosed: true }) : null;
    const dealId = deals?.items[0]?.id ?? 'no-deal';

    const reads: [string, (adapter: PartnerKitAdapter) => Promise<unknown> | undefined][] = [
      ['getSession', (a) => a.getSession()],
      ['listPartners', (a) => a.listPartners!({ limit: 5 })],
      ['listPartners filtered', (a) => a.listPartners!({ search: 'a', statuses: ['active', 'pending-opened'], sort: { field: 'name', direction: 'desc' }, limit: 7 })],
      ['listPartners page 2', (a) => a.listPartners!({ limit: 5, cursor: firstPage.nextCursor ?? null })],
      ['getPartner', (a) => a.getPartner!(partnerId)],
      ['getPartner unknown', (a) => a.getPartner!('no/such partner')],
      ['getInvitationLink', (a) => a.getInvitationLink!(partnerId)],
      ['searchContacts', (a) => a.searchContacts!('a', { limit: 3 })],
      ['lookupRecipients', (a) => a.lookupRecipients!([session.viewer.email, 'new.person@example.test'])],
      ['previewInvitation', (a) => a.previewInvitation!([{ email: 'new.person@example.test', name: 'New Person' }])],
      ['listOrganisations', (a) => a.listOrganisations!()],
      ['listWorkflows', (a) => a.listWorkflows!(orgId)],
      ['listDeals', (a) => (workflow ? a.listDeals!({ organisationId: orgId, workflowId: workflow.id, includeClosed: false, limit: 3 }) : undefined)],
      ['getDeal', (a) => a.getDeal!(dealId)],
      ['listNotes', (a) => a.listNotes!(dealId)],
      ['listDocuments', (a) => a.listDocuments!(dealId)],
      ['listBrokers', (a) => a.listBrokers!(orgId)],
      ['getPortalSettings', (a) => a.getPortalSettings!(orgId)],
      ['getPartnerSettings', (a) => a.getPartnerSettings!()],
      ['listPartnerAccounts', (a) => a.listPartnerAccounts!(orgId)],
      ['listRealtorClientCounts', (a) => a.listRealtorClientCounts!()],
      ['listCoSharedClients', (a) => a.listCoSharedClients!(null)],
    ];
    for (const [name, read] of reads) {
      const overHttp = await outcome(() => read(rest));
      const inMemory = await outcome(() => read(direct));
      expect(overHttp, name).to.deep.equal(inMemory);
    }
  });

  it('a field error from the in-memory adapter arrives with its field', async () => {
    const result = await outcome(() => rest.addNote!('no-such-deal', 'hi', { idempotencyKey: 'k1' }));
    expect(result).to.deep.equal(await outcome(() => direct.addNote!('no-such-deal', 'hi', { idempotencyKey: 'k1' })));
    const invalid = await outcome(() => rest.lookupRecipients!(Array.from({ length: 501 }, (_, i) => `p${i}@example.test`)));
    expect(invalid).to.include({ code: 'validation' });
    expect((invalid as { fieldErrors: Record<string, string> }).fieldErrors).to.have.property('emails');
  });

  it('a repeated idempotency key creates once', async () => {
    const before = (await direct.listPartners!({})).total;
    const recipients = [{ email: 'fresh.partner@example.test', name: 'Fresh Partner' }];
    const first = await rest.createInvitations!(recipients, { idempotencyKey: 'invite-fresh' });
    const again = await rest.createInvitations!(recipients, { idempotencyKey: 'invite-fresh' });
    expect(again).to.deep.equal(first);
    expect(first.results[0]?.outcome).to.equal('sent');
    expect((await direct.listPartners!({})).total).to.equal((before ?? 0) + 1);
  });

  it('moving a deal with a stale version is a conflict; a fresh one moves and is pushed to subscribers', async () => {
    const [organisation] = await direct.listOrganisations!();
    const workflows = await direct.listWorkflows!(organisation!.id);
    const workflow = workflows.find((w) => w.stages.length > 1)!;
    const page = await direct.listDeals!({ organisationId: organisation!.id, workflowId: workflow.id });
    const deal = page.items.find((d) => !d.closed)!;
    const target = workflow.stages.find((stage) => stage.id !== deal.stageId)!;

    const changes: AdapterChange[] = [];
    const unsubscribe = rest.subscribe!((change) => changes.push(change));
    try {
      const stale = await outcome(() => rest.moveDeal!(deal.id, target.id, deal.version + 5));
      expect(stale).to.include({ code: 'conflict' });

      // Let the first poll fix the feed's cursor before the change happens.
      await new Promise((resolve) => setTimeout(resolve, 100));
      const moved = await rest.moveDeal!(deal.id, target.id, deal.version);
      expect(moved.stageId).to.equal(target.id);
      expect(moved.version).to.be.above(deal.version);
      await waitFor(() => changes.some((c) => c.type === 'deal-updated' && c.deal.id === deal.id));
      const pushed = changes.find((c) => c.type === 'deal-updated' && c.deal.id === deal.id);
      expect(pushed).to.deep.equal({ type: 'deal-updated', deal: moved });
    } finally {
      unsubscribe();
    }
  });

  it('uploads cross as multipart and come back as the stored document', async () => {
    const [organisation] = await direct.listOrganisations!();
    const [workflow] = await direct.listWorkflows!(organisation!.id);
    const page = await direct.listDeals!({ organisationId: organisation!.id, workflowId: workflow!.id, includeClosed: true });
    const dealId = page.items[0]!.id;
    const file = new File(['hello'], 'notes.txt', { type: 'text/plain' });
    const document = await rest.uploadDocument!(dealId, file, { idempotencyKey: 'doc-1' });
    expect(document.name).to.equal('notes.txt');
    expect(document.size).to.equal(5);
    const listed = await direct.listDocuments!(dealId);
    expect(listed.map((d) => d.id)).to.include(document.id);
  });
});
