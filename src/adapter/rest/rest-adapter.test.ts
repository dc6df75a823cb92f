/**
 * The REST adapter against the MSW handlers, in a real browser: every method
 * crosses HTTP (fetch → service worker → handlers → a fake adapter) and back.
 */
import { expect } from '@open-wc/testing';
import { HttpResponse, http } from 'msw';
import type { SetupWorker } from 'msw/browser';
import { startMockBackend } from '../../mocks/browser.js';
import { faults, routeFault } from '../../mocks/faults.js';
import { createRestHandlers } from '../../mocks/handlers.js';
import { PartnerKitError } from '../errors.js';
import type {
  AdapterChange,
  ChangeListener,
  InvitationBatch,
  InvitationRecipient,
  PartnerKitAdapter,
} from '../types.js';
import { createRestAdapter } from './rest-adapter.js';
import type { RestAdapterOptions } from './rest-adapter.js';
import type { RestRouteName } from './routes.js';

const BASE = '/test-api/v1';

// ---------------------------------------------------------------------------
// Fakes

interface RecordedCall {
  method: string;
  args: unknown[];
}

/**
 * An adapter that implements every method by recording its arguments and
 * answering `{ served: <method> }`: it proves what crossed the wire.
 */
function createRecordingBackend(): { adapter: PartnerKitAdapter; calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  const adapter = new Proxy({} as PartnerKitAdapter, {
    get(_target, property) {
      if (typeof property !== 'string' || property === 'capabilities' || property === 'subscribe' || property === 'then') {
        return undefined;
      }
      return async (...args: unknown[]) => {
        calls.push({ method: property, args });
        return property === 'deletePartner' ? undefined : { served: property };
      };
    },
  });
  return { adapter, calls };
}

/** A small stateful backend: idempotent invitations, versioned deals, pushed changes. */
function createStatefulBackend() {
  const listeners = new Set<ChangeListener>();
  const batchesByKey = new Map<string, InvitationBatch>();
  const keysSeen: string[] = [];
  let dealVersion = 0;
  const adapter: PartnerKitAdapter = {
    async getSession() {
      return {
        viewer: { id: 'u1', name: 'Lena Lender', email: 'lena@example.test' },
        role: 'lender',
        organisation: { id: 'o1', name: 'Acme Lending' },
        switches: { profilePrefill: true, profileEditing: true, partnersAddDeals: false },
      };
    },
    async createInvitations(recipients: readonly InvitationRecipient[], options) {
      keysSeen.push(options.idempotencyKey);
      const existing = batchesByKey.get(options.idempotencyKey);
      if (existing) return existing;
      const batch: InvitationBatch = {
        results: recipients.map((recipient, index) => ({
          email: recipient.email,
          outcome: 'sent',
          partnerId: `p-${batchesByKey.size + 1}-${index}`,
          error: null,
        })),
      };
      batchesByKey.set(options.idempotencyKey, batch);
      return batch;
    },
    async moveDeal(dealId, stageId, expectedVersion) {
      if (expectedVersion !== dealVersion) {
        throw new PartnerKitError('conflict', 'The deal changed since you loaded it.');
      }
      dealVersion += 1;
      return {
        id: dealId,
        organisationId: 'o1',
        workflowId: 'w1',
        stageId,
        version: dealVersion,
        name: 'Ana Diaz',
        clients: [],
        broker: null,
        partner: null,
        labels: [],
        summary: '',
        createdAt: '2025-01-01T00:00:00Z',
        updatedAt: '2025-01-01T00:00:00Z',
        closed: false,
      };
    },
    async verifyEmail() {
      throw new PartnerKitError('rate_limited', 'Too many codes.', { retryAfter: 30 });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    adapter,
    batchesByKey,
    keysSeen,
    emit(change: AdapterChange) {
      for (const listener of listeners) listener(change);
    },
  };
}

interface FetchLog {
  fetch: typeof fetch;
  requests: { method: string; url: URL }[];
  count(path: string): number;
}

/** Wraps the real fetch and notes every attempt the adapter makes. */
function recordingFetch(): FetchLog {
  const requests: { method: string; url: URL }[] = [];
  return {
    requests,
    fetch: (input, init) => {
      requests.push({ method: init?.method ?? 'GET', url: new URL(String(input), location.href) });
      return fetch(input, init);
    },
    count: (path) => requests.filter((request) => request.url.pathname === `${BASE}${path}`).length,
  };
}

function settle<T>(promise: Promise<T>): Promise<{ value?: T; error?: unknown }> {
  return promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
}

async function expectCode(promise: Promise<unknown>, code: string): Promise<PartnerKitError> {
  const { error } = await settle(promise);
  expect(error, `expected a PartnerKitError ${code}`).to.be.instanceOf(PartnerKitError);
  expect((error as PartnerKitError).code).to.equal(code);
  return error as PartnerKitError;
}

async function waitFor(predicate: () => boolean, timeoutMs = 2000): Promise<void> {
  const started = performance.now();
  while (!predicate()) {
    if (performance.now() - started > timeoutMs) throw new Error('waitFor: condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------

let worker: SetupWorker;

function serve(adapter: PartnerKitAdapter) {
  worker.resetHandlers(...createRestHandlers(adapter, { baseUrl: BASE }));
}

function fault(route: RestRouteName, injected: ReturnType<typeof faults.status>, once = false) {
  worker.use(routeFault(route, injected, { baseUrl: BASE, once }));
}

function adapterFor(log: FetchLog, options: Partial<RestAdapterOptions> = {}) {
  return createRestAdapter({ baseUrl: BASE, fetch: log.fetch, retryBaseMs: 5, retryMaxMs: 2000, timeoutMs: 2000, ...options });
}

before(async () => {
  worker = await startMockBackend(createRecordingBackend().adapter, { baseUrl: BASE, quiet: true });
});

after(() => {
  worker.stop();
});

describe('rest adapter: every method round-trips through the handlers', () => {
  const png = new File([new Uint8Array([137, 80, 78, 71])], 'me.png', { type: 'image/png' });
  const pdf = new File(['%PDF-1.7'], 'offer.pdf', { type: 'application/pdf' });
  const key = { idempotencyKey: 'key-123' };
  const profile = { firstName: 'Ana', company: null };
  const portal = {
    defaultWorkflowId: 'w1',
    partnerAddedEmail: true,
    dealShared: { email: true, sms: false },
    notifications: {
      stageChanged: { email: true, sms: true },
      fileShared: { email: false, sms: false },
      noteAdded: { email: true, sms: false },
    },
  };
  const partnerSettings = {
    name: 'Pat',
    country: 'US',
    phone: '555',
    updates: {
      dealProgress: { email: true, sms: false },
      newNotes: { email: true, sms: false },
      newFiles: { email: false, sms: false },
    },
  };

  /** [method, arguments given to the REST adapter, arguments the backend adapter must receive]. */
  const cases: [string, unknown[], unknown[]][] = [
    ['getSession', [], [{}]],
    [
      'listPartners',
      [{ search: 'ana & co', statuses: ['active', 'pending-opened'], sort: { field: 'name', direction: 'desc' }, cursor: 'c/2', limit: 25 }],
      [{ search: 'ana & co', statuses: ['active', 'pending-opened'], sort: { field: 'name', direction: 'desc' }, cursor: 'c/2', limit: 25 }, {}],
    ],
    ['listPartners', [{}], [{}, {}]],
    ['getPartner', ['p/1?x#y'], ['p/1?x#y', {}]],
    ['updatePartnerProfile', ['p1', profile], ['p1', profile, {}]],
    ['deletePartner', ['p1'], ['p1', {}]],
    ['getInvitationLink', ['p1'], ['p1', {}]],
    ['resendInvitation', ['p1', key], ['p1', key]],
    ['searchContacts', ['jo smith', { limit: 5 }], ['jo smith', { limit: 5 }]],
    ['lookupRecipients', [['a@x.test', 'b@x.test']], [['a@x.test', 'b@x.test'], {}]],
    ['previewInvitation', [[{ email: 'a@x.test', name: 'A', contactId: null }]], [[{ email: 'a@x.test', name: 'A', contactId: null }], {}]],
    ['createInvitations', [[{ email: 'a@x.test' }], key], [[{ email: 'a@x.test' }], key]],
    [
      'createPrefilledAccount',
      [{ email: 'a@x.test', contactId: 'c1', profile, sendEmail: false }, key],
      [{ email: 'a@x.test', contactId: 'c1', profile, sendEmail: false }, key],
    ],
    ['linkExistingUser', [{ email: 'a@x.test', sendEmail: true }, key], [{ email: 'a@x.test', sendEmail: true }, key]],
    ['getRegistration', ['tok'], ['tok', {}]],
    ['sendVerificationEmail', ['tok', 'a@x.test', key], ['tok', 'a@x.test', key]],
    ['verifyEmail', ['tok', '123456'], ['tok', '123456', {}]],
    ['completeRegistration', ['tok', profile, key], ['tok', profile, key]],
    ['listOrganisations', [], [{}]],
    ['listWorkflows', ['o1'], ['o1', {}]],
    [
      'listDeals',
      [{ organisationId: 'o1', workflowId: 'w1', includeClosed: false, cursor: 'n', limit: 10 }],
      [{ organisationId: 'o1', workflowId: 'w1', includeClosed: false, cursor: 'n', limit: 10 }, {}],
    ],
    ['getDeal', ['d1'], ['d1', {}]],
    [
      'createDeal',
      [{ organisationId: 'o1', brokerId: null, labels: ['hot'], summary: 'S', clients: [{ firstName: 'A', lastName: 'B', phone: '1', email: 'a@x.test' }] }, key],
      [{ organisationId: 'o1', brokerId: null, labels: ['hot'], summary: 'S', clients: [{ firstName: 'A', lastName: 'B', phone: '1', email: 'a@x.test' }] }, key],
    ],
    ['moveDeal', ['d1', 's2', 4], ['d1', 's2', 4, {}]],
    ['listNotes', ['d1'], ['d1', {}]],
    ['addNote', ['d1', 'Called the client', key], ['d1', 'Called the client', key]],
    ['listDocuments', ['d1'], ['d1', {}]],
    ['listBrokers', ['o1'], ['o1', {}]],
    ['getPortalSettings', ['o1'], ['o1', {}]],
    ['updatePortalSettings', ['o1', portal, 3], ['o1', portal, 3, {}]],
    ['getPartnerSettings', [], [{}]],
    ['updatePartnerSettings', [partnerSettings, 9], [partnerSettings, 9, {}]],
    ['listPartnerAccounts', ['o1'], ['o1', {}]],
    ['createPartnerAccount', [{ organisationId: 'o1', name: 'N', email: 'n@x.test', phone: '2' }, key], [{ organisationId: 'o1', name: 'N', email: 'n@x.test', phone: '2' }, key]],
    ['allocatePartner', ['pa1', ['b1', 'b2']], ['pa1', ['b1', 'b2'], {}]],
    ['listRealtorClientCounts', [], [{}]],
    ['listCoSharedClients', ['r1'], ['r1', {}]],
    ['listCoSharedClients', [null], [null, {}]],
  ];

  /** Drops the AbortSignal the handlers add to every options object. */
  function withoutSignals(args: unknown[]): unknown[] {
    return args.map((arg) => {
      if (arg && typeof arg === 'object' && 'signal' in arg) {
        const { signal: _signal, ...rest } = arg as Record<string, unknown>;
        return rest;
      }
      return arg;
    });
  }

  let backend: ReturnType<typeof createRecordingBackend>;
  let rest: PartnerKitAdapter;
  beforeEach(() => {
    backend = createRecordingBackend();
    serve(backend.adapter);
    rest = createRestAdapter({ baseUrl: BASE, retries: 0 });
  });

  for (const [method, args, expected] of cases) {
    it(`${method}(${JSON.stringify(args).slice(1, 60)})`, async () => {
      const fn = (rest as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[method];
      const value = await fn!(...args);
      expect(value).to.deep.equal(method === 'deletePartner' ? undefined : { served: method });
      expect(backend.calls).to.have.length(1);
      expect(backend.calls[0]?.method).to.equal(method);
      expect(withoutSignals(backend.calls[0]?.args ?? [])).to.deep.equal(expected);
    });
  }

  it('uploadImage sends the file and its kind as multipart', async () => {
    expect(await rest.uploadImage!(png, 'logo', key)).to.deep.equal({ served: 'uploadImage' });
    const [file, kind, options] = backend.calls[0]?.args ?? [];
    expect(file).to.be.instanceOf(File);
    expect(new Uint8Array(await (file as File).arrayBuffer())).to.deep.equal(new Uint8Array([137, 80, 78, 71]));
    expect((file as File).name).to.equal('me.png');
    expect(kind).to.equal('logo');
    expect((options as { idempotencyKey: string }).idempotencyKey).to.equal('key-123');
  });

  it('uploadDocument sends the file as multipart', async () => {
    expect(await rest.uploadDocument!('d/1', pdf, key)).to.deep.equal({ served: 'uploadDocument' });
    const [dealId, file] = backend.calls[0]?.args ?? [];
    expect(dealId).to.equal('d/1');
    expect(await (file as File).text()).to.equal('%PDF-1.7');
    expect((file as File).type).to.equal('application/pdf');
  });

  it('the handlers reject a malformed body with 422 and per-field messages', async () => {
    const error = await expectCode(rest.moveDeal!('d1', 's1', -1), 'validation');
    expect(error.status).to.equal(422);
    expect(error.fieldErrors).to.deep.equal({ expectedVersion: 'Must be a whole number' });
    expect(backend.calls).to.have.length(0);
  });

  it('the handlers reject an unknown status filter', async () => {
    const error = await expectCode(rest.listPartners!({ statuses: ['bogus' as never] }), 'validation');
    expect(error.fieldErrors).to.have.property('status');
  });

  it('the handlers require an Idempotency-Key on creates', async () => {
    const response = await fetch(`${BASE}/invitations`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ recipients: [] }),
    });
    expect(response.status).to.equal(422);
    const body = (await response.json()) as { error: { code: string; fieldErrors: Record<string, string> } };
    expect(body.error.code).to.equal('validation');
    expect(body.error.fieldErrors).to.have.property('Idempotency-Key');
  });

  it('a create without an idempotency key fails before any request', async () => {
    const log = recordingFetch();
    const error = await expectCode(
      adapterFor(log).createInvitations!([{ email: 'a@x.test' }], {} as never),
      'validation',
    );
    expect(error.fieldErrors).to.have.property('idempotencyKey');
    expect(log.requests).to.have.length(0);
  });

  it('an id of ".." fails before any request', async () => {
    const log = recordingFetch();
    await expectCode(adapterFor(log).getDeal!('..'), 'validation');
    expect(log.requests).to.have.length(0);
  });

  it('bad arguments reject with a PartnerKitError, never a TypeError', async () => {
    const error = await expectCode(
      (rest.listDeals as unknown as (q: unknown) => Promise<unknown>)(undefined),
      'unknown',
    );
    expect(error.message).to.contain('listDeals');
  });
});

describe('rest adapter: HTTP failures map to error codes', () => {
  let log: FetchLog;
  let rest: PartnerKitAdapter;
  beforeEach(() => {
    serve(createStatefulBackend().adapter);
    log = recordingFetch();
    rest = adapterFor(log, { retries: 0 });
  });

  const table: [number, string][] = [
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'not_found'],
    [409, 'conflict'],
    [500, 'network'],
    [503, 'network'],
  ];
  for (const [status, code] of table) {
    it(`${status} → ${code}, with the server's message and the status`, async () => {
      fault('getSession', faults.status(status, { message: `server says ${status}` }));
      const error = await expectCode(rest.getSession(), code);
      expect(error.status).to.equal(status);
      expect(error.message).to.equal(`server says ${status}`);
      expect(error.method).to.equal('getSession');
    });
  }

  it('422 → validation with the field errors', async () => {
    fault(
      'createInvitations',
      faults.status(422, { message: 'Check the addresses', fieldErrors: { 'recipients[0].email': 'Invalid email' } }),
    );
    const error = await expectCode(rest.createInvitations!([{ email: 'nope' }], { idempotencyKey: 'k' }), 'validation');
    expect(error.fieldErrors).to.deep.equal({ 'recipients[0].email': 'Invalid email' });
  });

  it('429 → rate_limited with Retry-After in seconds', async () => {
    fault('getSession', faults.status(429, { retryAfter: '30' }));
    const error = await expectCode(rest.getSession(), 'rate_limited');
    expect(error.retryAfter).to.equal(30);
    expect(error.retryable).to.equal(true);
  });

  it('a PartnerKitError thrown by the backend adapter crosses HTTP with its code', async () => {
    const conflict = await expectCode(rest.moveDeal!('d1', 's2', 7), 'conflict');
    expect(conflict.status).to.equal(409);
    expect(conflict.message).to.equal('The deal changed since you loaded it.');
    const limited = await expectCode(rest.verifyEmail!('tok', '000000'), 'rate_limited');
    expect(limited.retryAfter).to.equal(30);
  });

  it('a method the backend adapter lacks answers 501 → unknown, not retried', async () => {
    const retrying = adapterFor(log, { retries: 2 });
    const error = await expectCode(retrying.listBrokers!('o1'), 'unknown');
    expect(error.status).to.equal(501);
    expect(log.count('/organisations/o1/brokers')).to.equal(1);
  });

  it('an error page without the JSON error body still names the method and status', async () => {
    fault('getSession', faults.body('<h1>Bad gateway</h1>', { status: 502 }));
    const error = await expectCode(rest.getSession(), 'network');
    expect(error.message).to.equal('getSession failed with HTTP 502 Bad Gateway.');
  });

  it('a dropped connection → network', async () => {
    fault('getSession', faults.drop());
    const error = await expectCode(rest.getSession(), 'network');
    expect(error.message).to.contain('getSession');
  });

  it('a success body that is not JSON → contract, naming the method', async () => {
    fault('getSession', faults.body('<!doctype html><title>App</title>'));
    const error = await expectCode(rest.getSession(), 'contract');
    expect(error.method).to.equal('getSession');
    expect(error.message).to.contain('getSession returned a response that is not JSON');
    expect(error.message).to.contain('text/html');
  });

  it('an empty 200 where JSON is due → contract', async () => {
    fault('getSession', faults.body('', { contentType: 'application/json' }));
    const error = await expectCode(rest.getSession(), 'contract');
    expect(error.message).to.contain('empty');
  });

  it('204 → undefined', async () => {
    worker.use(http.get(`${BASE}/session`, () => new HttpResponse(null, { status: 204 })));
    expect(await rest.getSession()).to.equal(undefined);
  });
});

describe('rest adapter: retries', () => {
  let backend: ReturnType<typeof createStatefulBackend>;
  let log: FetchLog;
  beforeEach(() => {
    backend = createStatefulBackend();
    serve(backend.adapter);
    log = recordingFetch();
  });

  it('a GET is retried after transient failures and then succeeds', async () => {
    fault('getSession', faults.status(503), true);
    fault('getSession', faults.drop(), true);
    const session = await adapterFor(log, { retries: 2 }).getSession();
    expect(session.organisation.id).to.equal('o1');
    expect(log.count('/session')).to.equal(3);
  });

  it('a GET gives up after `retries` retries with the last error', async () => {
    fault('getSession', faults.status(500));
    await expectCode(adapterFor(log, { retries: 2 }).getSession(), 'network');
    expect(log.count('/session')).to.equal(3);
  });

  it('a client error is not retried', async () => {
    fault('getSession', faults.status(404));
    await expectCode(adapterFor(log, { retries: 2 }).getSession(), 'not_found');
    expect(log.count('/session')).to.equal(1);
  });

  it('a POST without an idempotency key is not retried', async () => {
    fault('moveDeal', faults.status(503));
    await expectCode(adapterFor(log, { retries: 2 }).moveDeal!('d1', 's1', 0), 'network');
    expect(log.count('/deals/d1/move')).to.equal(1);
  });

  it('a read-only POST (recipient lookup) is retried like a GET', async () => {
    fault('lookupRecipients', faults.drop());
    await expectCode(adapterFor(log, { retries: 2 }).lookupRecipients!(['a@x.test']), 'network');
    expect(log.count('/recipients/lookup')).to.equal(3);
  });

  it('a create with an Idempotency-Key is retried and creates once', async () => {
    // The first attempt creates on the server but its answer is lost.
    let lostOne = false;
    const flaky: PartnerKitAdapter = {
      ...backend.adapter,
      async createInvitations(recipients, options) {
        const batch = await backend.adapter.createInvitations!(recipients, options);
        if (!lostOne) {
          lostOne = true;
          throw new PartnerKitError('network', 'Upstream went away');
        }
        return batch;
      },
    };
    serve(flaky);
    const result = await adapterFor(log, { retries: 2 }).createInvitations!([{ email: 'a@x.test' }], {
      idempotencyKey: 'intent-1',
    });
    expect(log.count('/invitations')).to.equal(2);
    expect(backend.keysSeen).to.deep.equal(['intent-1', 'intent-1']);
    expect(backend.batchesByKey.size).to.equal(1);
    expect(result).to.deep.equal(backend.batchesByKey.get('intent-1'));
  });

  it('429 waits out Retry-After before retrying', async () => {
    fault('getSession', faults.status(429, { retryAfter: '1' }), true);
    const started = performance.now();
    const session = await adapterFor(log, { retries: 1, retryMaxMs: 3000 }).getSession();
    const elapsed = performance.now() - started;
    expect(session.viewer.id).to.equal('u1');
    expect(log.count('/session')).to.equal(2);
    expect(elapsed).to.be.at.least(990);
  });

  it('503 with Retry-After as an HTTP date waits until then', async () => {
    const at = new Date(Date.now() + 1500).toUTCString();
    fault('getSession', faults.status(503, { retryAfter: at }), true);
    const started = performance.now();
    await adapterFor(log, { retries: 1, retryMaxMs: 3000 }).getSession();
    expect(log.count('/session')).to.equal(2);
    // HTTP dates have whole seconds: at least the rest of this second.
    expect(performance.now() - started).to.be.at.least(400);
  });

  it('a Retry-After longer than retryMaxMs is handed to the caller instead of waited out', async () => {
    fault('getSession', faults.status(429, { retryAfter: '60' }));
    const started = performance.now();
    const error = await expectCode(adapterFor(log, { retries: 2, retryMaxMs: 1000 }).getSession(), 'rate_limited');
    expect(error.retryAfter).to.equal(60);
    expect(log.count('/session')).to.equal(1);
    expect(performance.now() - started).to.be.below(900);
  });
});

describe('rest adapter: timeouts and aborts', () => {
  let log: FetchLog;
  beforeEach(() => {
    serve(createStatefulBackend().adapter);
    log = recordingFetch();
  });

  it('an attempt slower than timeoutMs → timeout', async () => {
    fault('getSession', faults.delay(400));
    const error = await expectCode(adapterFor(log, { timeoutMs: 50, retries: 0 }).getSession(), 'timeout');
    expect(error.message).to.contain('getSession timed out after 50 ms');
  });

  it('each attempt has its own timeout, and a timed-out GET is retried', async () => {
    fault('getSession', faults.delay(400), true);
    const session = await adapterFor(log, { timeoutMs: 100, retries: 1 }).getSession();
    expect(session.viewer.id).to.equal('u1');
    expect(log.count('/session')).to.equal(2);
  });

  it('the caller aborting rejects with its AbortError untouched and never retries', async () => {
    fault('getSession', faults.delay(400));
    const controller = new AbortController();
    const pending = settle(adapterFor(log, { retries: 2 }).getSession({ signal: controller.signal }));
    setTimeout(() => controller.abort(), 30);
    const { error } = await pending;
    expect(error).to.equal(controller.signal.reason);
    expect((error as Error).name).to.equal('AbortError');
    await pause(150);
    expect(log.count('/session')).to.equal(1);
  });

  it('the caller aborting during a backoff wait rejects at once', async () => {
    fault('getSession', faults.status(503, { retryAfter: '2' }));
    const controller = new AbortController();
    const started = performance.now();
    const pending = settle(adapterFor(log, { retries: 2, retryMaxMs: 5000 }).getSession({ signal: controller.signal }));
    setTimeout(() => controller.abort(), 100);
    const { error } = await pending;
    expect((error as Error).name).to.equal('AbortError');
    expect(performance.now() - started).to.be.below(1000);
    expect(log.count('/session')).to.equal(1);
  });

  it('an already aborted signal sends nothing', async () => {
    const controller = new AbortController();
    controller.abort();
    const { error } = await settle(adapterFor(log).getSession({ signal: controller.signal }));
    expect((error as Error).name).to.equal('AbortError');
    expect(log.requests).to.have.length(0);
  });
});

describe('rest adapter: headers', () => {
  let seen: Headers[];
  /** Notes the headers of every request, in front of any fault already in place. */
  function recordHeaders() {
    worker.use(
      http.all(`${BASE}/*`, ({ request }) => {
        seen.push(request.headers);
        return undefined;
      }),
    );
  }
  beforeEach(() => {
    serve(createStatefulBackend().adapter);
    seen = [];
  });

  it('sends static headers and the bearer token', async () => {
    recordHeaders();
    const rest = createRestAdapter({ baseUrl: BASE, headers: { 'X-Tenant': 'acme' }, getToken: () => 'tok-1' });
    await rest.getSession();
    expect(seen[0]?.get('X-Tenant')).to.equal('acme');
    expect(seen[0]?.get('Authorization')).to.equal('Bearer tok-1');
    expect(seen[0]?.get('Accept')).to.equal('application/json');
  });

  it('calls async header and token functions before every attempt', async () => {
    let tokens = 0;
    fault('getSession', faults.status(503), true);
    recordHeaders();
    const rest = createRestAdapter({
      baseUrl: BASE,
      retryBaseMs: 1,
      headers: async () => ({ 'X-Attempt': String(tokens) }),
      getToken: async () => `tok-${++tokens}`,
    });
    await rest.getSession();
    expect(seen.map((headers) => headers.get('Authorization'))).to.deep.equal(['Bearer tok-1', 'Bearer tok-2']);
    expect(seen.map((headers) => headers.get('X-Attempt'))).to.deep.equal(['0', '1']);
  });

  it('sends no Authorization when getToken gives null', async () => {
    recordHeaders();
    await createRestAdapter({ baseUrl: BASE, getToken: () => null }).getSession();
    expect(seen[0]?.has('Authorization')).to.equal(false);
  });

  it('sends the Idempotency-Key and a JSON content type on creates', async () => {
    recordHeaders();
    await createRestAdapter({ baseUrl: BASE }).createInvitations!([{ email: 'a@x.test' }], { idempotencyKey: 'k-42' });
    expect(seen[0]?.get('Idempotency-Key')).to.equal('k-42');
    expect(seen[0]?.get('Content-Type')).to.equal('application/json');
  });

  it('a failing getToken rejects with a PartnerKitError and sends nothing', async () => {
    const log = recordingFetch();
    const rest = adapterFor(log, {
      getToken: () => {
        throw new Error('session expired');
      },
    });
    const error = await expectCode(rest.getSession(), 'unknown');
    expect(error.message).to.contain('session expired');
    expect(log.requests).to.have.length(0);
  });
});

describe('rest adapter: subscribe polls the change feed', () => {
  const change = (partnerId: string): AdapterChange => ({ type: 'partner-removed', partnerId });
  let backend: ReturnType<typeof createStatefulBackend>;
  let log: FetchLog;
  beforeEach(() => {
    backend = createStatefulBackend();
    serve(backend.adapter);
    log = recordingFetch();
  });

  it('delivers each change once, in order, to every listener', async () => {
    const rest = adapterFor(log, { pollIntervalMs: 20 });
    const first: AdapterChange[] = [];
    const second: AdapterChange[] = [];
    const stopFirst = rest.subscribe!((c) => first.push(c));
    const stopSecond = rest.subscribe!((c) => second.push(c));
    // The first poll fixes the cursor; later changes come after it.
    await waitFor(() => log.count('/changes') >= 2);
    backend.emit(change('p1'));
    backend.emit(change('p2'));
    await waitFor(() => first.length >= 2);
    backend.emit(change('p3'));
    await waitFor(() => first.length >= 3 && second.length >= 3);
    await pause(80);
    expect(first).to.deep.equal([change('p1'), change('p2'), change('p3')]);
    expect(second).to.deep.equal(first);
    stopFirst();
    stopSecond();
  });

  it('one poller for all listeners, stopped when the last one leaves', async () => {
    const rest = adapterFor(log, { pollIntervalMs: 20 });
    const stopFirst = rest.subscribe!(() => undefined);
    const stopSecond = rest.subscribe!(() => undefined);
    await pause(100);
    const polls = log.count('/changes');
    // One poller: about one request per interval, not two.
    expect(polls).to.be.within(2, 7);
    stopFirst();
    stopFirst();
    await pause(60);
    expect(log.count('/changes')).to.be.above(polls);
    stopSecond();
    const afterStop = log.count('/changes');
    await pause(120);
    expect(log.count('/changes')).to.equal(afterStop);
  });

  it('stops delivering after unsubscribe', async () => {
    const rest = adapterFor(log, { pollIntervalMs: 20 });
    const received: AdapterChange[] = [];
    const stop = rest.subscribe!((c) => received.push(c));
    await waitFor(() => log.count('/changes') >= 2);
    stop();
    backend.emit(change('late'));
    await pause(100);
    expect(received).to.deep.equal([]);
  });

  it('backs off quietly while the feed fails, then catches up', async () => {
    fault('subscribe', faults.status(500));
    const rest = adapterFor(log, { pollIntervalMs: 20 });
    const received: AdapterChange[] = [];
    const stop = rest.subscribe!((c) => received.push(c));
    await pause(400);
    // 20 ms polling would make ~20 requests; doubling waits (40, 80, 160…) make ~4.
    const failedPolls = log.count('/changes');
    expect(failedPolls).to.be.within(2, 6);
    serve(backend.adapter);
    await waitFor(() => log.count('/changes') > failedPolls + 1, 3000);
    backend.emit(change('p9'));
    await waitFor(() => received.length === 1, 3000);
    expect(received).to.deep.equal([change('p9')]);
    stop();
  });

  it('a throwing listener neither stops the feed nor other listeners', async () => {
    const reported: unknown[] = [];
    const originalReportError = globalThis.reportError;
    globalThis.reportError = (error: unknown) => reported.push(error);
    try {
      const rest = adapterFor(log, { pollIntervalMs: 20 });
      const received: AdapterChange[] = [];
      const stopBad = rest.subscribe!(() => {
        throw new Error('listener bug');
      });
      const stopGood = rest.subscribe!((c) => received.push(c));
      await waitFor(() => log.count('/changes') >= 2);
      backend.emit(change('a'));
      await waitFor(() => received.length === 1);
      backend.emit(change('b'));
      await waitFor(() => received.length === 2);
      expect(reported.map((error) => (error as Error).message)).to.deep.equal(['listener bug', 'listener bug']);
      stopBad();
      stopGood();
    } finally {
      globalThis.reportError = originalReportError;
    }
  });
});
