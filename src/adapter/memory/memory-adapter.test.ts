import { expect } from '@open-wc/testing';
import { PartnerKitError, isAbortError } from '../errors.js';
import type { AdapterChange, Partner, PartnerKitAdapter } from '../types.js';
import { ADAPTER_METHODS, validateAdapter } from '../validate.js';
import { createMemoryAdapter } from './memory-adapter.js';
import { DEFAULT_REFERENCE_DATE } from './seed-data.js';
import { MemoryStore } from './store.js';

const REFERENCE_MS = Date.parse(DEFAULT_REFERENCE_DATE);
const fixedClock = () => new Date(REFERENCE_MS);

/** Every method of the validating wrapper, non-optional (the memory adapter implements them all). */
type Validated = Required<Omit<PartnerKitAdapter, 'capabilities'>>;

function validated(options: Parameters<typeof createMemoryAdapter>[0] = {}) {
  const memory = createMemoryAdapter({ now: fixedClock, ...options });
  return { memory, adapter: validateAdapter(memory) as Validated };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createMemoryAdapter', () => {
  it('implements every method of the contract', () => {
    const memory = createMemoryAdapter();
    for (const method of ADAPTER_METHODS) expect(typeof memory[method], method).to.equal('function');
  });

  it('passes the response schemas on every method (through validateAdapter)', async () => {
    const { memory, adapter } = validated();
    const key = (name: string) => ({ idempotencyKey: `schema-${name}` });
    await adapter.getSession();
    const page = await adapter.listPartners({ limit: 200 });
    for (const partner of page.items) await adapter.getPartner(partner.id);
    const editable = page.items.find((p) => p.allowsProfileUpdates) as Partner;
    await adapter.updatePartnerProfile(editable.id, { jobTitle: 'Team Lead' });
    const pending = page.items.find((p) => p.status === 'pending-opened') as Partner;
    await adapter.getInvitationLink(pending.id);
    await adapter.resendInvitation(pending.id, key('resend'));
    await adapter.searchContacts('a', { limit: 200 });
    await adapter.searchContacts('');
    await adapter.lookupRecipients(['someone@example.com', page.items[0]?.email as string]);
    await adapter.previewInvitation([{ email: 'someone@example.com', name: 'Some One' }]);
    const batch = await adapter.createInvitations(
      [{ email: 'someone@example.com' }, { email: page.items[0]?.email as string }, { email: 'two..dots@example.com' }],
      key('invite'),
    );
    expect(batch.results.map((r) => r.outcome)).to.deep.equal(['sent', 'already-connected', 'failed']);
    await adapter.createPrefilledAccount({ email: 'prefill@example.com', profile: { firstName: 'Pre' }, sendEmail: false }, key('prefill'));
    const user = memory.store.seedData.existingUsers[0];
    await adapter.linkExistingUser({ email: user?.email as string, sendEmail: true }, key('link'));
    await adapter.uploadImage(new Blob([new Uint8Array(8)], { type: 'image/jpeg' }), 'photo', key('image'));

    const token = memory.store.invitationToken(pending.id);
    await adapter.getRegistration(token);
    await adapter.sendVerificationEmail(token, pending.email, key('verify'));
    await adapter.verifyEmail(token, memory.store.peekVerificationCode(token) as string);
    await adapter.completeRegistration(token, { firstName: 'Reg' }, key('complete'));

    const organisations = await adapter.listOrganisations();
    for (const organisation of organisations) {
      const workflows = await adapter.listWorkflows(organisation.id);
      for (const workflow of workflows) {
        const deals = await adapter.listDeals({ organisationId: organisation.id, workflowId: workflow.id, includeClosed: true });
        for (const deal of deals.items) {
          await adapter.getDeal(deal.id);
          await adapter.listNotes(deal.id);
          await adapter.listDocuments(deal.id);
        }
      }
      await adapter.listBrokers(organisation.id);
      const settings = await adapter.getPortalSettings(organisation.id);
      const { organisationId: _id, version, ...input } = settings;
      await adapter.updatePortalSettings(organisation.id, input, version);
      for (const account of await adapter.listPartnerAccounts(organisation.id)) expect(account.organisationId).to.equal(organisation.id);
    }
    const deal = await adapter.createDeal(
      {
        organisationId: 'org-harbor',
        brokerId: null,
        labels: ['Urgent'],
        summary: 'Needs a quick pre-approval.',
        clients: [{ firstName: 'Kai', lastName: 'Moana', phone: '(808) 555-0111', email: 'kai@example.com' }],
      },
      key('deal'),
    );
    await adapter.moveDeal(deal.id, 'stg-leads-2', deal.version);
    await adapter.addNote(deal.id, 'First call done.', key('note'));
    await adapter.uploadDocument(deal.id, new File(['hello'], 'notes.txt', { type: 'text/plain' }), key('document'));
    memory.store.setSession({ role: 'partner' });
    const partnerSettings = await adapter.getPartnerSettings();
    await adapter.updatePartnerSettings(partnerSettings, partnerSettings.version);
    const account = await adapter.createPartnerAccount(
      { organisationId: 'org-harbor', name: 'New Referrer', email: 'referrer@example.com', phone: '(512) 555-0123' },
      key('account'),
    );
    await adapter.allocatePartner(account.id, ['brk-harbor-1']);
    await adapter.listRealtorClientCounts();
    expect((await adapter.listCoSharedClients(null)).length).to.be.at.least(5);
    await adapter.deletePartner(editable.id);
  });

  it('stays valid over 100,000 generated partners', async () => {
    const store = new MemoryStore({ now: fixedClock });
    const { generatePartners } = await import('./seed-data.js');
    store.loadPartners(generatePartners(100_000, 21));
    const adapter = validateAdapter(createMemoryAdapter({ store })) as Validated;
    const page = await adapter.listPartners({ limit: 1000, sort: { field: 'updatedAt', direction: 'desc' } });
    expect(page.total).to.equal(100_000);
    expect(page.items).to.have.length(1000);
    const detail = await adapter.getPartner(page.items[0]?.id as string);
    expect(detail.statusHistory.at(-1)?.status).to.equal(detail.partner.status);
  });

  it('resolves asynchronously even with no latency', async () => {
    const { adapter } = validated();
    let settled = false;
    const promise = adapter.getSession().then(() => {
      settled = true;
    });
    await Promise.resolve();
    expect(settled).to.equal(false);
    await promise;
    expect(settled).to.equal(true);
  });

  describe('abort signals', () => {
    it('rejects at once when the signal is already aborted', async () => {
      const memory = createMemoryAdapter({ latency: 10_000 });
      const controller = new AbortController();
      controller.abort();
      const started = performance.now();
      const error = await rejection(memory.listPartners({}, { signal: controller.signal }));
      expect(isAbortError(error)).to.equal(true);
      expect(performance.now() - started).to.be.below(1000);
    });

    it('rejects during the latency wait and never reaches the store', async () => {
      const memory = createMemoryAdapter({ latency: 10_000, now: fixedClock });
      const before = memory.store.partnerCount;
      const controller = new AbortController();
      const pending = memory.createInvitations([{ email: 'aborted@example.com' }], {
        signal: controller.signal,
        idempotencyKey: 'aborted',
      });
      setTimeout(() => controller.abort(), 20);
      const started = performance.now();
      const error = await rejection(pending);
      expect(isAbortError(error)).to.equal(true);
      expect(performance.now() - started).to.be.below(2000);
      expect(memory.store.partnerCount).to.equal(before);
    });

    it('passes the abort reason through when it is an AbortError', async () => {
      const memory = createMemoryAdapter({ latency: 50 });
      const controller = new AbortController();
      const reason = new DOMException('Navigated away', 'AbortError');
      const pending = memory.getSession({ signal: controller.signal });
      controller.abort(reason);
      expect(await rejection(pending)).to.equal(reason);
    });
  });

  describe('failures', () => {
    async function outcomes(failureRate: number, seed: number, calls = 40): Promise<boolean[]> {
      const memory = createMemoryAdapter({ seed, failureRate });
      const results: boolean[] = [];
      for (let i = 0; i < calls; i++) {
        try {
          await memory.getSession();
          results.push(true);
        } catch (error) {
          expect(error).to.be.instanceOf(PartnerKitError);
          expect((error as PartnerKitError).code).to.equal('network');
          results.push(false);
        }
      }
      return results;
    }

    it('fails the same calls for the same seed', async () => {
      const first = await outcomes(0.5, 3);
      expect(await outcomes(0.5, 3)).to.deep.equal(first);
      expect(first).to.include(true);
      expect(first).to.include(false);
      expect(await outcomes(0.5, 4)).not.to.deep.equal(first);
    });

    it('never fails at 0 and always fails at 1, switchable at run time', async () => {
      expect(await outcomes(0, 1, 20)).not.to.include(false);
      expect(await outcomes(1, 1, 20)).not.to.include(true);
      const memory = createMemoryAdapter({ failureRate: 1 });
      expect(await rejection(memory.getSession())).to.have.property('code', 'network');
      memory.setFailureRate(0);
      expect((await memory.getSession()).role).to.equal('lender');
      expect(() => memory.setFailureRate(2)).to.throw(RangeError);
    });

    it('keeps a retried create from duplicating after a failure', async () => {
      const memory = createMemoryAdapter({ failureRate: 1, now: fixedClock });
      const before = memory.store.partnerCount;
      const options = { idempotencyKey: 'retry-me' };
      await rejection(memory.createInvitations([{ email: 'retry@example.com' }], options));
      memory.setFailureRate(0);
      const first = await memory.createInvitations([{ email: 'retry@example.com' }], options);
      const again = await memory.createInvitations([{ email: 'retry@example.com' }], options);
      expect(again).to.deep.equal(first);
      expect(memory.store.partnerCount).to.equal(before + 1);
    });

    it('rejects with the store errors (not_found, conflict) as PartnerKitErrors', async () => {
      const { adapter } = validated();
      expect(await rejection(adapter.getPartner('missing'))).to.have.property('code', 'not_found');
      const deal = await adapter.getDeal('deal-001');
      const stage = deal.stageId === 'stg-leads-2' ? 'stg-leads-3' : 'stg-leads-2';
      await adapter.moveDeal(deal.id, stage, deal.version);
      expect(await rejection(adapter.moveDeal(deal.id, 'stg-leads-1', deal.version))).to.have.property('code', 'conflict');
    });
  });

  it('applies a latency range', async () => {
    const memory = createMemoryAdapter({ latency: [30, 60] });
    const started = performance.now();
    await memory.getSession();
    expect(performance.now() - started).to.be.at.least(25);
    memory.setLatency(0);
    expect(() => memory.setLatency([50, 10])).to.throw(RangeError);
  });

  describe('live changes', () => {
    it('pushes changes to subscribers until they unsubscribe', async () => {
      const { memory, adapter } = validated();
      const received: AdapterChange[] = [];
      const unsubscribe = adapter.subscribe((change) => received.push(change));
      const partner = (await adapter.listPartners({ statuses: ['pending-not-delivered'], limit: 1 })).items[0] as Partner;
      expect(memory.simulateInvitationProgress(partner.id)?.status).to.equal('pending-delivered');
      await nextTask();
      expect(received).to.have.length(1);
      expect(received[0]).to.deep.include({ type: 'partner-updated' });
      expect(received[0]).to.have.nested.property('partner.status', 'pending-delivered');

      await adapter.deletePartner(partner.id);
      await nextTask();
      expect(received.map((c) => c.type)).to.deep.equal(['partner-updated', 'partner-removed']);

      unsubscribe();
      await adapter.addNote('deal-002', 'Nobody is listening.', { idempotencyKey: 'quiet' });
      await nextTask();
      expect(received).to.have.length(2);
    });

    it('never delivers a change that was queued before unsubscribing', async () => {
      const memory = createMemoryAdapter();
      const received: AdapterChange[] = [];
      const unsubscribe = memory.subscribe((change) => received.push(change));
      memory.store.addNote('deal-003', 'Queued', 'queued');
      unsubscribe();
      await nextTask();
      expect(received).to.deep.equal([]);
    });

    it('advances invitations and deals on an interval until stopped', async () => {
      const memory = createMemoryAdapter({ seed: 5 });
      const received: AdapterChange[] = [];
      memory.subscribe((change) => received.push(change));
      const stop = memory.startLiveUpdates({ intervalMs: 10 });
      await new Promise((resolve) => setTimeout(resolve, 120));
      stop();
      await nextTask();
      const count = received.length;
      expect(count).to.be.at.least(3);
      for (const change of received) expect(['partner-updated', 'deal-updated']).to.include(change.type);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(received).to.have.length(count);
    });

    it('stops simulating at "link clicked"', () => {
      const memory = createMemoryAdapter();
      const partner = memory.store.listPartners({ statuses: ['pending-link-clicked'], limit: 1 }).items[0] as Partner;
      expect(memory.simulateInvitationProgress(partner.id)).to.equal(null);
    });
  });

  it('shares a store and takes the session option', async () => {
    const store = new MemoryStore();
    const one = createMemoryAdapter({ store, session: { role: 'admin' } });
    const two = createMemoryAdapter({ store });
    expect((await two.getSession()).role).to.equal('admin');
    expect(one.store).to.equal(two.store);
    await one.addNote('deal-004', 'Shared', { idempotencyKey: 'shared' });
    expect((await two.listNotes('deal-004')).at(-1)?.body).to.equal('Shared');
  });
});
