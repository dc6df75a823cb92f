/**
 * The boundary (issue 3, "Bad input, faults"): whatever a host adapter
 * returns, elements only ever see schema-checked data or a PartnerKitError
 * that names the method and the field.
 */
import { expect } from '@open-wc/testing';
import { waitUntil } from './support/wait.js';
import { PartnerKitError } from '../src/adapter/errors.js';
import type { AdapterChange, Partner } from '../src/adapter/schemas.js';
import type { ChangeListener, PartnerKitAdapter } from '../src/adapter/types.js';
import { hasCapability, validateAdapter } from '../src/adapter/validate.js';


const NOW = '2025-03-01T10:00:00.000Z';

function validPartner(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'p-1',
    email: 'ada@example.com',
    firstName: 'Ada',
    lastName: 'Lovelace',
    status: 'pending-delivered',
    allowsProfileUpdates: true,
    profile: { city: 'London', photoUrl: 'https://cdn.example.com/ada.png' },
    invitedAt: NOW,
    acceptedAt: null,
    updatedAt: NOW,
    ...overrides,
  };
}

function validSession(): Record<string, unknown> {
  return {
    viewer: { id: 'u-1', name: 'Lena Lender', email: 'lena@example.com' },
    role: 'lender',
    organisation: { id: 'org-1', name: 'Harbour Mortgages' },
    switches: { profilePrefill: true, profileEditing: true, partnersAddDeals: false },
  };
}

/** A host adapter whose listPartners answers one page holding `partner`. */
function adapterListing(partner: Record<string, unknown>): PartnerKitAdapter {
  return {
    getSession: async () => validSession() as never,
    listPartners: async () => ({ items: [partner], total: 1, nextCursor: null }) as never,
  };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to reject, but it resolved');
}

async function expectContractError(promise: Promise<unknown>, method: string, path: string): Promise<PartnerKitError> {
  const error = await rejection(promise);
  expect(error).to.be.instanceOf(PartnerKitError);
  const failure = error as PartnerKitError;
  expect(failure.code).to.equal('contract');
  expect(failure.method).to.equal(method);
  expect(failure.path).to.equal(path);
  expect(failure.message.startsWith(`${method} returned an invalid response: ${path}: `), failure.message).to.equal(true);
  return failure;
}

describe('validateAdapter: responses that break the contract', () => {
  it('a wrong type is a contract error naming the method and the field path', async () => {
    const adapter = validateAdapter(adapterListing(validPartner({ email: 42 })));
    await expectContractError(adapter.listPartners!({}), 'listPartners', 'items[0].email');
  });

  it('a missing field is a contract error naming the method and the field path', async () => {
    const session = validSession();
    delete (session['viewer'] as Record<string, unknown>)['email'];
    const adapter = validateAdapter({ getSession: async () => session as never });
    await expectContractError(adapter.getSession(), 'getSession', 'viewer.email');
  });

  it('a response that is not an object at all names the root', async () => {
    const adapter = validateAdapter({ getSession: async () => null as never });
    await expectContractError(adapter.getSession(), 'getSession', '(root)');
  });

  it('a javascript: URL is a contract error naming the field', async () => {
    const adapter = validateAdapter({
      getSession: async () => validSession() as never,
      getInvitationLink: async () => ({ url: 'javascript:alert(document.cookie)', expiresAt: null }),
    });
    await expectContractError(adapter.getInvitationLink!('p-1'), 'getInvitationLink', 'url');
  });

  it('a javascript: URL nested in a profile is a contract error naming its path', async () => {
    const adapter = validateAdapter(adapterListing(validPartner({ profile: { photoUrl: 'JavaScript:alert(1)' } })));
    await expectContractError(adapter.listPartners!({}), 'listPartners', 'items[0].profile.photoUrl');
  });

  it('a string over its length bound is a contract error; one at the bound passes', async () => {
    const atBound = validateAdapter(adapterListing(validPartner({ firstName: 'a'.repeat(200) })));
    const page = await atBound.listPartners!({});
    expect(page.items[0]?.firstName).to.have.length(200);

    const overBound = validateAdapter(adapterListing(validPartner({ firstName: 'a'.repeat(201) })));
    await expectContractError(overBound.listPartners!({}), 'listPartners', 'items[0].firstName');
  });

  for (const date of ['March 1, 2025', '2025-13-01T10:00:00Z', '2025-03-01T10:00:00', '1740823200000']) {
    it(`a non-ISO date ${JSON.stringify(date)} is a contract error naming the field`, async () => {
      const adapter = validateAdapter(adapterListing(validPartner({ invitedAt: date })));
      await expectContractError(adapter.listPartners!({}), 'listPartners', 'items[0].invitedAt');
    });
  }

  it('an ISO date with an offset passes', async () => {
    const adapter = validateAdapter(adapterListing(validPartner({ invitedAt: '2025-03-01T11:00:00+01:00' })));
    const page = await adapter.listPartners!({});
    expect(page.items[0]?.invitedAt).to.equal('2025-03-01T11:00:00+01:00');
  });

  it('an unknown status is a contract error naming the field', async () => {
    const adapter = validateAdapter(adapterListing(validPartner({ status: 'Pending - Email Delievered' })));
    await expectContractError(adapter.listPartners!({}), 'listPartners', 'items[0].status');
  });

  it('counts several problems but names the first', async () => {
    const adapter = validateAdapter(adapterListing(validPartner({ email: 42, invitedAt: 'yesterday' })));
    const error = await expectContractError(adapter.listPartners!({}), 'listPartners', 'items[0].email');
    expect(error.message).to.contain('(and 1 more)');
  });
});

describe('validateAdapter: data that passes', () => {
  it('drops unknown keys at every level', async () => {
    const partner = validPartner({ passwordHash: 'x', profile: { city: 'London', internalNote: 'vip' } });
    const adapter = validateAdapter({
      getSession: async () => validSession() as never,
      listPartners: async () => ({ items: [partner], nextCursor: null, debug: { sql: 'select *' } }) as never,
    });
    const page = await adapter.listPartners!({});
    expect(page).not.to.have.property('debug');
    expect(page.items[0]).not.to.have.property('passwordHash');
    expect(page.items[0]?.profile).not.to.have.property('internalNote');
    expect(page.items[0]?.profile.city).to.equal('London');
  });

  it('returns an HTML string in a name unchanged, as a string (elements render it as text)', async () => {
    const html = '<img src=x onerror="alert(1)"><b>Ada</b>';
    const adapter = validateAdapter(adapterListing(validPartner({ firstName: html, lastName: '</td><script>x()</script>' })));
    const page = await adapter.listPartners!({});
    const partner = page.items[0] as Partner;
    expect(partner.firstName).to.be.a('string').and.to.equal(html);
    expect(partner.lastName).to.equal('</td><script>x()</script>');
  });

  it('does not hand the host object itself to the caller', async () => {
    const partner = validPartner();
    const adapter = validateAdapter(adapterListing(partner));
    const page = await adapter.listPartners!({});
    expect(page.items[0]).to.deep.equal(partner);
    expect(page.items[0]).not.to.equal(partner);
  });
});

describe('the idle-time warm-up of the schemas', () => {
  it('parses samples the schemas accept (so it warms the path real responses take, not the error path)', async () => {
    const { WARM_UP_SAMPLES, RESPONSE_SCHEMAS } = await import('../src/adapter/parse.js');
    expect(WARM_UP_SAMPLES.length).to.be.greaterThan(0);
    for (const [method, value] of WARM_UP_SAMPLES) {
      const result = RESPONSE_SCHEMAS[method].safeParse(value);
      expect(result.success, `${method}: ${result.success ? '' : JSON.stringify(result.error.issues[0])}`).to.equal(true);
    }
  });

  it('parses them several rounds, and never past its time budget after the first round', async () => {
    const { WARM_UP_SAMPLES, RESPONSE_SCHEMAS, warmUp } = await import('../src/adapter/parse.js');
    const parsed = new Map<string, number>();
    const restore: (() => void)[] = [];
    for (const [method] of WARM_UP_SAMPLES) {
      const schema = RESPONSE_SCHEMAS[method] as unknown as { safeParse: (value: unknown) => unknown };
      const original = schema.safeParse;
      schema.safeParse = (value: unknown) => {
        parsed.set(method, (parsed.get(method) ?? 0) + 1);
        return original(value);
      };
      restore.push(() => (schema.safeParse = original));
    }
    try {
      warmUp(3, 10_000);
      for (const [method] of WARM_UP_SAMPLES) expect(parsed.get(method), method).to.equal(3);
      parsed.clear();
      warmUp(1000, 0);
      for (const [method] of WARM_UP_SAMPLES) expect(parsed.get(method), `${method}, no time left`).to.equal(1);
    } finally {
      for (const undo of restore) undo();
    }
  });
});

describe('validateAdapter: faults', () => {
  it('a plain Error thrown by the adapter becomes PartnerKitError "unknown" naming the method', async () => {
    const original = new Error('socket hang up');
    const adapter = validateAdapter({
      getSession: async () => validSession() as never,
      getDeal: async () => {
        throw original;
      },
    });
    const error = await rejection(adapter.getDeal!('d-1'));
    expect(error).to.be.instanceOf(PartnerKitError);
    const failure = error as PartnerKitError;
    expect(failure.code).to.equal('unknown');
    expect(failure.method).to.equal('getDeal');
    expect(failure.message).to.equal('getDeal failed: socket hang up');
    expect(failure.cause).to.equal(original);
  });

  it('a thrown non-Error value becomes PartnerKitError "unknown" too', async () => {
    const adapter = validateAdapter({
      getSession: async () => {
        throw 'offline';
      },
    });
    const error = (await rejection(adapter.getSession())) as PartnerKitError;
    expect(error.code).to.equal('unknown');
    expect(error.message).to.equal('getSession failed: offline');
  });

  it("an adapter's own PartnerKitError passes through with its code and field errors", async () => {
    const own = new PartnerKitError('validation', 'Email is invalid', { fieldErrors: { email: 'Invalid email' } });
    const adapter = validateAdapter({
      getSession: async () => validSession() as never,
      updatePartnerProfile: async () => {
        throw own;
      },
    });
    const error = await rejection(adapter.updatePartnerProfile!('p-1', { email: 'nope' }));
    expect(error).to.equal(own);
    expect((error as PartnerKitError).fieldErrors).to.deep.equal({ email: 'Invalid email' });
  });

  it('a response arriving after the caller aborted rejects with AbortError, never the value', async () => {
    let answer: (value: unknown) => void = () => undefined;
    const adapter = validateAdapter({
      // Ignores its signal on purpose: the wrapper must still drop the late answer.
      getSession: () => new Promise((resolve) => (answer = resolve)) as never,
    });
    const controller = new AbortController();
    const pending = adapter.getSession({ signal: controller.signal });
    controller.abort();
    answer(validSession());
    const error = await rejection(pending);
    expect(error).to.be.instanceOf(DOMException);
    expect((error as DOMException).name).to.equal('AbortError');
  });

  it('an already-aborted call never reaches the adapter', async () => {
    let calls = 0;
    const adapter = validateAdapter({
      getSession: async () => {
        calls += 1;
        return validSession() as never;
      },
    });
    const controller = new AbortController();
    controller.abort();
    const error = await rejection(adapter.getSession({ signal: controller.signal }));
    expect((error as DOMException).name).to.equal('AbortError');
    expect(calls).to.equal(0);
  });

  it("an adapter's own AbortError passes through as an AbortError", async () => {
    const adapter = validateAdapter({
      getSession: async () => {
        throw new DOMException('stopped', 'AbortError');
      },
    });
    const error = await rejection(adapter.getSession());
    expect((error as DOMException).name).to.equal('AbortError');
    expect(error).not.to.be.instanceOf(PartnerKitError);
  });
});

describe('validateAdapter: pushed changes', () => {
  const originalWarn = console.warn;
  afterEach(() => {
    console.warn = originalWarn;
  });

  it('drops a change with a bad shape with a console warning and delivers good ones', async () => {
    const warnings: string[] = [];
    console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
    let push: ChangeListener = () => undefined;
    const adapter = validateAdapter({
      getSession: async () => validSession() as never,
      subscribe: (listener) => {
        push = listener;
        return () => undefined;
      },
    });
    const received: AdapterChange[] = [];
    adapter.subscribe!((change) => received.push(change));

    push({ type: 'partner-updated', partner: validPartner({ email: 'not an email' }) } as never);
    push({ type: 'no-such-change' } as never);
    // Changes are parsed once the schemas have loaded (asynchronously, in order).
    await waitUntil(() => warnings.length === 2, 'two warnings');
    expect(received).to.have.length(0);
    expect(warnings[0]).to.contain('subscribe pushed an invalid change: partner.email');

    push({ type: 'partner-removed', partnerId: 'p-9', extra: true } as never);
    await waitUntil(() => received.length === 1, 'the good change');
    expect(received).to.deep.equal([{ type: 'partner-removed', partnerId: 'p-9' }]);
  });

  it('unsubscribing through the wrapper unsubscribes from the host', () => {
    let unsubscribed = 0;
    const adapter = validateAdapter({
      getSession: async () => validSession() as never,
      subscribe: () => () => {
        unsubscribed += 1;
      },
    });
    const stop = adapter.subscribe!(() => undefined);
    expect(unsubscribed).to.equal(0);
    stop();
    expect(unsubscribed).to.equal(1);
  });
});

describe('validateAdapter: what is an adapter', () => {
  for (const [label, value] of [
    ['null', null],
    ['a number', 42],
    ['an empty object', {}],
    ['an object whose getSession is not a function', { getSession: 'yes' }],
  ] as const) {
    it(`refuses ${label} with a clear contract error`, () => {
      let thrown: unknown;
      try {
        validateAdapter(value as unknown as PartnerKitAdapter);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).to.be.instanceOf(PartnerKitError);
      expect((thrown as PartnerKitError).code).to.equal('contract');
      expect((thrown as PartnerKitError).message).to.contain('getSession');
    });
  }

  it('wraps only the methods the host has', () => {
    const adapter = validateAdapter({ getSession: async () => validSession() as never });
    expect(hasCapability(adapter, 'getSession')).to.equal(true);
    expect(hasCapability(adapter, 'listPartners')).to.equal(false);
    expect(adapter.listPartners).to.equal(undefined);
  });

  it('a method switched off in capabilities has no capability, before and after wrapping', () => {
    const raw: PartnerKitAdapter = {
      capabilities: { uploadDocument: false, listNotes: true },
      getSession: async () => validSession() as never,
      uploadDocument: async () => {
        throw new Error('not served');
      },
      listNotes: async () => [],
    };
    for (const adapter of [raw, validateAdapter(raw)]) {
      expect(hasCapability(adapter, 'uploadDocument')).to.equal(false);
      expect(hasCapability(adapter, 'listNotes')).to.equal(true);
    }
  });

  it('returns the same wrapper for the same host adapter, and wraps a wrapper as itself', () => {
    const raw: PartnerKitAdapter = { getSession: async () => validSession() as never };
    const wrapped = validateAdapter(raw);
    expect(validateAdapter(raw)).to.equal(wrapped);
    expect(validateAdapter(wrapped)).to.equal(wrapped);
  });
});
