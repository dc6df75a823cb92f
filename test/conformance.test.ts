/**
 * `npm test` runs the adapter conformance suite (partner-kit/testing) against
 * the memory adapter and against the REST adapter talking over fetch to the
 * MSW handlers, which serve the HTTP contract from a memory store.
 */
import { expect } from '@open-wc/testing';
import type { SetupWorker } from 'msw/browser';
import { PartnerKitError } from '../src/adapter/errors.js';
import type { PartnerKitAdapter } from '../src/adapter/types.js';
import { CheckSkipped } from '../src/adapter/conformance/assert.js';
import { CheckContext, resolveOptions } from '../src/adapter/conformance/context.js';
import { CONFORMANCE_GROUPS, runCheck } from '../src/adapter/conformance/index.js';
import { createMemoryAdapter } from '../src/adapter/memory/index.js';
import type { MemoryAdapter } from '../src/adapter/memory/index.js';
import { createRestAdapter } from '../src/adapter/rest/rest-adapter.js';
import { startMockBackend } from '../src/mocks/browser.js';
import { createRestHandlers } from '../src/mocks/handlers.js';
import { runAdapterConformance } from '../src/testing.js';
import type { ConformanceGroupId, ConformanceOptions } from '../src/testing.js';


/** Latency of the slow runs: long enough that an ignored abort is plainly late. */
const SLOW_MS = 150;

runAdapterConformance('memory adapter', {
  createAdapter: () => createMemoryAdapter({ seed: 1 }),
});

runAdapterConformance(`memory adapter with ${SLOW_MS} ms latency`, {
  createAdapter: () => createMemoryAdapter({ seed: 1, latency: SLOW_MS }),
  latencyMs: SLOW_MS,
  groups: ['cancellation'],
});

const BASE_URL = '/conformance-api';
let worker: SetupWorker | undefined;

before(async () => {
  worker = await startMockBackend(createMemoryAdapter({ seed: 1 }), { baseUrl: BASE_URL, quiet: true });
});

after(() => {
  worker?.stop();
});

/** A REST adapter whose backend is a fresh memory store (one per group of checks). */
function restAdapterOver(backend: MemoryAdapter) {
  if (!worker) throw new Error('the MSW worker did not start');
  worker.resetHandlers(...createRestHandlers(backend, { baseUrl: BASE_URL }));
  return createRestAdapter({ baseUrl: BASE_URL, pollIntervalMs: 50 });
}

runAdapterConformance('REST adapter over MSW', {
  createAdapter: () => restAdapterOver(createMemoryAdapter({ seed: 1 })),
});

runAdapterConformance(`REST adapter over MSW with ${SLOW_MS} ms backend latency`, {
  createAdapter: () => restAdapterOver(createMemoryAdapter({ seed: 1, latency: SLOW_MS })),
  latencyMs: SLOW_MS,
  groups: ['cancellation'],
});

// ——— The suite itself: each check passes on a correct adapter and catches the defect it is about. ———

type Defect = (adapter: MemoryAdapter) => PartnerKitAdapter;

/** Runs one check by name against `adapter`: 'passed', 'skipped: …', or the failure message. */
async function outcomeOf(checkName: string, adapter: PartnerKitAdapter, options: Partial<ConformanceOptions> = {}) {
  const matches = CONFORMANCE_GROUPS.flatMap((group) => group.checks).filter((check) => check.name === checkName);
  if (matches.length !== 1) throw new Error(`expected one check named ${JSON.stringify(checkName)}, found ${matches.length}`);
  const context = new CheckContext(adapter, resolveOptions({ createAdapter: () => adapter, ...options }), {});
  try {
    await runCheck(matches[0]!, context);
    return 'passed';
  } catch (error) {
    if (error instanceof CheckSkipped) return `skipped: ${error.message}`;
    return error instanceof Error ? error.message : String(error);
  }
}

function withoutSignal<A extends unknown[]>(args: A): A {
  return args.map((arg) => (arg && typeof arg === 'object' && 'signal' in arg ? { ...arg, signal: undefined } : arg)) as A;
}

interface DefectCase {
  check: string;
  defect: string;
  breaks: Defect;
  /** The failure message the check must give. */
  reports: RegExp;
  options?: Partial<ConformanceOptions>;
  /** Latency of both the correct and the broken memory adapter. */
  latency?: number;
}

const DEFECTS: readonly DefectCase[] = [
  {
    check: 'pages to the end: no page over its limit, no partner twice, total consistent',
    defect: 'pages overlap',
    breaks: (m) => ({
      ...m,
      listPartners: async (query, options) => {
        const page = await m.listPartners(query, options);
        if (!query.cursor) return page;
        const first = await m.listPartners({ ...query, cursor: null }, options);
        return { ...page, items: [first.items[0]!, ...page.items.slice(1)] };
      },
    }),
    reports: /^listPartners\(\{"limit":7\}\): page 2 repeated \S+ \(already on page 1\)$/,
  },
  {
    check: 'pages to the end: no page over its limit, no partner twice, total consistent',
    defect: 'a total one too high',
    breaks: (m) => ({ ...m, listPartners: async (q, o) => ({ ...(await m.listPartners(q, o)), total: m.store.partnerCount + 1 }) }),
    reports: /total says \d+ but paging to the end returned \d+ \(a gap or a wrong total\)/,
  },
  {
    check: 'pages to the end: no page over its limit, no partner twice, total consistent',
    defect: 'pages larger than the limit',
    breaks: (m) => ({ ...m, listPartners: (q, o) => m.listPartners({ ...q, limit: (q.limit ?? 50) + 1 }, o) }),
    reports: /page 1 has 8 items, more than the limit 7/,
  },
  {
    check: 'another page size returns the same partners (no gaps)',
    defect: 'the last item of every small page lost',
    breaks: (m) => ({
      ...m,
      listPartners: async (q, o) => {
        const page = await m.listPartners(q, o);
        return q.limit === 7 ? { ...page, items: page.items.slice(0, -1), total: undefined } : page;
      },
    }),
    reports: /pages of 7 and pages of 15 disagree/,
  },
  {
    check: 'search narrows to partners whose name or email contains the text',
    defect: 'search ignored',
    breaks: (m) => ({ ...m, listPartners: (q, o) => m.listPartners({ ...q, search: undefined }, o) }),
    reports: /^listPartners\(search: ".+"\) returned \S+ \(.+\), which does not contain it$/,
  },
  {
    check: 'a status filter returns exactly the partners with that status',
    defect: 'status filter ignored',
    breaks: (m) => ({ ...m, listPartners: (q, o) => m.listPartners({ ...q, statuses: undefined }, o) }),
    reports: /^listPartners\(statuses: [a-z-]+\) returned \S+ with status [a-z-]+$/,
  },
  {
    check: 'sorts by name descending across pages',
    defect: 'sort direction ignored',
    breaks: (m) => ({ ...m, listPartners: (q, o) => m.listPartners({ ...q, sort: q.sort && { ...q.sort, direction: 'asc' } }, o) }),
    reports: /^listPartners\(sort: name desc\): position \d+ .+ comes before .+, which is out of order/,
  },
  {
    check: 'sorts by invitedAt ascending across pages',
    defect: 'sorted by name instead',
    breaks: (m) => ({ ...m, listPartners: (q, o) => m.listPartners({ ...q, sort: q.sort && { ...q.sort, field: 'name' } }, o) }),
    reports: /^listPartners\(sort: invitedAt asc\): position \d+ invited \S+ comes before \S+$/,
  },
  {
    check: 'createInvitations twice with the same idempotency key creates one partner',
    defect: 'idempotency key ignored',
    breaks: (m) => ({
      ...m,
      createInvitations: (recipients, o) => m.createInvitations(recipients, { ...o, idempotencyKey: crypto.randomUUID() }),
    }),
    reports: /expected outcome 'sent' with a partnerId, got .*already-connected/,
  },
  {
    check: "a deleted partner is 'new' again and can be invited again",
    defect: 'delete that keeps the connection',
    breaks: (m) => ({ ...m, deletePartner: async () => undefined }),
    reports: /kind after deletePartner: expected "new", got "connected"/,
  },
  {
    check: "moveDeal with a stale expectedVersion is a 'conflict' and leaves the deal where it is",
    defect: 'expectedVersion ignored',
    breaks: (m) => ({
      ...m,
      moveDeal: async (dealId, stageId, _expected, o) => m.moveDeal(dealId, stageId, (await m.getDeal(dealId)).version, o),
    }),
    reports: /with stale expectedVersion \d+ \(current \d+\): expected a PartnerKitError 'conflict', but it resolved/,
  },
  {
    check: "an invalid email is a 'validation' error with a fieldErrors entry for email",
    defect: 'validation errors without field messages',
    breaks: (m) => ({
      ...m,
      updatePartnerProfile: (id, profile, o) =>
        m.updatePartnerProfile(id, profile, o).catch((error: PartnerKitError) => {
          throw new PartnerKitError(error.code, error.message);
        }),
    }),
    reports: /fieldErrors has no entry for email: \{\}/,
  },
  {
    check: "createDeal with a blank client phone is a 'validation' error naming phone",
    defect: 'blank phone accepted',
    breaks: (m) => ({
      ...m,
      createDeal: (input, o) => m.createDeal({ ...input, clients: input.clients.map((c) => ({ ...c, phone: c.phone || '+1 555 0100' })) }, o),
    }),
    reports: /^createDeal with clients\[0\]\.phone = "": expected a PartnerKitError 'validation', but it resolved/,
  },
  {
    check: "updatePortalSettings with a stale version is a 'conflict' and saves nothing",
    defect: 'last write wins',
    breaks: (m) => ({
      ...m,
      updatePortalSettings: async (org, settings, _v, o) => m.updatePortalSettings(org, settings, (await m.getPortalSettings(org)).version, o),
    }),
    reports: /stale version \d+ \(current \d+\): expected a PartnerKitError 'conflict', but it resolved/,
  },
  {
    check: "getDeal of an unknown id is 'not_found'",
    defect: 'a plain Error for a missing record',
    breaks: (m) => ({
      ...m,
      getDeal: async () => {
        throw new Error('no row');
      },
    }),
    reports: /expected a PartnerKitError 'not_found', but it rejected with PartnerKitError 'unknown': getDeal failed: no row/,
  },
  {
    check: 'getSession returns a valid session',
    defect: 'a role outside the contract',
    breaks: (m) => ({ ...m, getSession: async (o) => ({ ...(await m.getSession(o)), role: 'superuser' as never }) }),
    reports: /^getSession returned an invalid response: role: /,
  },
  {
    check: 'read calls with an already-aborted signal reject with AbortError',
    defect: 'signals ignored',
    breaks: (m) => ({
      ...m,
      getSession: (...args) => m.getSession(...withoutSignal(args)),
      listOrganisations: (...args) => m.listOrganisations(...withoutSignal(args)),
    }),
    reports: /^called with an already-aborted signal: getSession resolved with .*; listOrganisations resolved with /,
  },
  {
    check: 'createInvitations with an already-aborted signal rejects with AbortError and invites nobody',
    defect: 'an aborted create still applied',
    breaks: (m) => ({ ...m, createInvitations: (...args) => m.createInvitations(...withoutSignal(args)) }),
    reports: /with an already-aborted signal: expected an AbortError, but it resolved/,
  },
  {
    check: 'a call aborted mid-flight rejects with AbortError before its response would arrive',
    defect: 'the response awaited despite the abort',
    breaks: (m) => ({ ...m, getSession: (...args) => m.getSession(...withoutSignal(args)) }),
    latency: SLOW_MS,
    options: { latencyMs: SLOW_MS },
    reports: /^getSession aborted 30 ms into a 150 ms call only rejected after \d+ ms/,
  },
  {
    check: 'delivers a change after a mutation',
    defect: 'subscribe that never pushes',
    breaks: (m) => ({ ...m, subscribe: () => () => undefined }),
    options: { changeTimeoutMs: 300 },
    reports: /^subscribe: no change reporting updatePartnerProfile\(.+\) arrived within 300 ms \(changes received: none;/,
  },
  {
    check: 'after unsubscribe a listener receives nothing more',
    defect: 'unsubscribe that does nothing',
    breaks: (m) => ({ ...m, subscribe: (listener) => (m.subscribe(listener), () => undefined) }),
    reports: /^subscribe: 1 change\(s\) \(partner-updated\) reached a listener after it unsubscribed$/,
  },
];

describe('the conformance suite catches broken adapters', () => {
  for (const { check, defect, breaks, reports, options, latency = 0 } of DEFECTS) {
    it(`"${check}" passes on the memory adapter and fails on ${defect}`, async () => {
      expect(await outcomeOf(check, createMemoryAdapter({ seed: 1, latency }), options)).to.equal('passed');
      expect(await outcomeOf(check, breaks(createMemoryAdapter({ seed: 1, latency })), options)).to.match(reports);
    });
  }

  it('skips a check whose method the adapter lacks or switches off', async () => {
    const memory = createMemoryAdapter({ seed: 1 });
    const { moveDeal: _moveDeal, ...withoutMove } = memory;
    expect(await outcomeOf('moveDeal with the current version moves the deal and increases its version', withoutMove)).to.equal(
      'skipped: the adapter has no moveDeal',
    );
    const switchedOff = { ...memory, capabilities: { resendInvitation: false } };
    expect(await outcomeOf('resendInvitation returns the partner it re-sent to', switchedOff)).to.equal(
      'skipped: the adapter has no resendInvitation',
    );
  });

  it('refuses options without createAdapter and unknown groups', () => {
    expect(() => runAdapterConformance('x', {} as ConformanceOptions)).to.throw(TypeError, /createAdapter/);
    expect(() =>
      runAdapterConformance('x', { createAdapter: () => createMemoryAdapter(), groups: ['nope' as ConformanceGroupId] }),
    ).to.throw(TypeError, /unknown group "nope"/);
  });
});
