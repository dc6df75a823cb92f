/**
 * The in-memory adapter: the whole contract over a `MemoryStore`, behaving
 * like a remote backend — always asynchronous, optional latency, a seeded
 * share of `network` failures, abort signals honoured at every step. For the
 * demo page and for tests of the elements.
 */
import { PartnerKitError, abortError } from '../errors.js';
import type {
  AdapterMethod,
  CallOptions,
  ChangeListener,
  CreateOptions,
  Partner,
  PartnerKitAdapter,
  Session,
} from '../types.js';
import { DEFAULT_SEED, mulberry32, type Random } from './seed-data.js';
import { MemoryStore } from './store.js';

/** Fixed latency in ms, or a [min, max] range drawn per call. */
export type Latency = number | readonly [number, number];

export interface MemoryAdapterOptions {
  /** Seed of the generated data and of the latency/failure draws. */
  seed?: number;
  /** "Now" of the generated data (default 2026-11-01T12:00:00Z). */
  referenceDate?: Date;
  /** Default 0; even 0 resolves asynchronously. */
  latency?: Latency;
  /** 0..1: this share of calls fails with a `network` error, decided by a seeded PRNG. */
  failureRate?: number;
  /** Share a store between adapters (or prepare one); default: a new store from `seed`. */
  store?: MemoryStore;
  /** The store's clock. */
  now?: () => Date;
  session?: Partial<Session>;
}

export interface LiveUpdateOptions {
  /** Time between two changes (default 5000 ms). */
  intervalMs?: number;
}

type ContractMethods = Required<Omit<PartnerKitAdapter, 'capabilities'>>;

export interface MemoryAdapter extends ContractMethods {
  readonly capabilities?: PartnerKitAdapter['capabilities'];
  readonly store: MemoryStore;
  setLatency(latency: Latency): void;
  setFailureRate(failureRate: number): void;
  /** Moves one pending invitation a step (Not Delivered → Delivered → Opened → Link Clicked); null when it cannot move. */
  simulateInvitationProgress(partnerId: string): Partner | null;
  /** Periodically advances an invitation or moves a deal, as if someone else did; returns the stop function. */
  startLiveUpdates(options?: LiveUpdateOptions): () => void;
}

function checkLatency(latency: Latency): Latency {
  const valid = (value: unknown) => typeof value === 'number' && Number.isFinite(value) && value >= 0;
  if (typeof latency === 'number' ? valid(latency) : Array.isArray(latency) && latency.length === 2 && latency.every(valid) && latency[0] <= latency[1]) {
    return typeof latency === 'number' ? latency : [latency[0], latency[1]];
  }
  throw new RangeError('latency must be a number of ms ≥ 0 or a [min, max] range');
}

function checkFailureRate(rate: number): number {
  if (typeof rate !== 'number' || Number.isNaN(rate) || rate < 0 || rate > 1) throw new RangeError('failureRate must be between 0 and 1');
  return rate;
}

/** Resolves after `ms` (a macrotask even for 0); rejects at once when the signal aborts, clearing the timer. */
function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError(signal));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function createMemoryAdapter(options: MemoryAdapterOptions = {}): MemoryAdapter {
  const seed = options.seed ?? DEFAULT_SEED;
  const store =
    options.store ??
    new MemoryStore({
      seed,
      ...(options.referenceDate === undefined ? {} : { referenceDate: options.referenceDate }),
    });
  if (options.now) store.setClock(options.now);
  if (options.session) store.setSession(options.session);

  let latency = checkLatency(options.latency ?? 0);
  let failureRate = checkFailureRate(options.failureRate ?? 0);
  // Separate streams: changing the latency never changes which calls fail.
  const failureRandom: Random = mulberry32((seed ^ 0xfa11ed) >>> 0);
  const latencyRandom: Random = mulberry32((seed ^ 0x1a7e5c) >>> 0);
  const liveRandom: Random = mulberry32((seed ^ 0x11fe) >>> 0);

  const delay = (): number => {
    if (typeof latency === 'number') return latency;
    const [min, max] = latency;
    return Math.round(min + latencyRandom() * (max - min));
  };

  /** One simulated round trip: abort check, latency, maybe a failure, then the store. */
  async function call<T>(options: CallOptions | undefined, run: () => T): Promise<T> {
    const signal = options?.signal;
    if (signal?.aborted) throw abortError(signal);
    // Drawn for every call, so the n-th call fails or not whatever the rate was for earlier calls.
    const fails = failureRandom() < failureRate;
    await wait(delay(), signal);
    // An abort in the same turn as the timer still wins: the store is never reached.
    if (signal?.aborted) throw abortError(signal);
    if (fails) throw new PartnerKitError('network', 'Simulated network failure (memory adapter).');
    return run();
  }

  const key = (options: CreateOptions | undefined) => options?.idempotencyKey as string;

  const adapter: MemoryAdapter = {
    store,

    setLatency(next) {
      latency = checkLatency(next);
    },
    setFailureRate(next) {
      failureRate = checkFailureRate(next);
    },

    getSession: (o) => call(o, () => store.getSession()),

    listPartners: (query, o) => call(o, () => store.listPartners(query)),
    getPartner: (id, o) => call(o, () => store.getPartner(id)),
    updatePartnerProfile: (id, profile, o) => call(o, () => store.updatePartnerProfile(id, profile)),
    deletePartner: (id, o) => call(o, () => store.deletePartner(id)),
    getInvitationLink: (id, o) => call(o, () => store.getInvitationLink(id)),
    resendInvitation: (id, o) => call(o, () => store.resendInvitation(id, key(o))),

    searchContacts: (query, o) => call(o, () => store.searchContacts(query, o?.limit)),
    lookupRecipients: (emails, o) => call(o, () => store.lookupRecipients(emails)),

    previewInvitation: (recipients, o) => call(o, () => store.previewInvitation(recipients)),
    createInvitations: (recipients, o) => call(o, () => store.createInvitations(recipients, key(o))),
    createPrefilledAccount: (input, o) => call(o, () => store.createPrefilledAccount(input, key(o))),
    linkExistingUser: (input, o) => call(o, () => store.linkExistingUser(input, key(o))),
    uploadImage: (file, kind, o) => call(o, () => store.uploadImage(file, kind, key(o))),

    getRegistration: (token, o) => call(o, () => store.getRegistration(token)),
    sendVerificationEmail: (token, email, o) => call(o, () => store.sendVerificationEmail(token, email, key(o))),
    verifyEmail: (token, code, o) => call(o, () => store.verifyEmail(token, code)),
    completeRegistration: (token, profile, o) => call(o, () => store.completeRegistration(token, profile, key(o))),

    listOrganisations: (o) => call(o, () => store.listOrganisations()),
    listWorkflows: (organisationId, o) => call(o, () => store.listWorkflows(organisationId)),
    listDeals: (query, o) => call(o, () => store.listDeals(query)),
    getDeal: (id, o) => call(o, () => store.getDeal(id)),
    createDeal: (input, o) => call(o, () => store.createDeal(input, key(o))),
    moveDeal: (id, stageId, expectedVersion, o) => call(o, () => store.moveDeal(id, stageId, expectedVersion)),
    listNotes: (dealId, o) => call(o, () => store.listNotes(dealId)),
    addNote: (dealId, body, o) => call(o, () => store.addNote(dealId, body, key(o))),
    listDocuments: (dealId, o) => call(o, () => store.listDocuments(dealId)),
    uploadDocument: (dealId, file, o) => call(o, () => store.uploadDocument(dealId, file, key(o))),
    listBrokers: (organisationId, o) => call(o, () => store.listBrokers(organisationId)),

    getPortalSettings: (organisationId, o) => call(o, () => store.getPortalSettings(organisationId)),
    updatePortalSettings: (organisationId, settings, expectedVersion, o) =>
      call(o, () => store.updatePortalSettings(organisationId, settings, expectedVersion)),
    getPartnerSettings: (o) => call(o, () => store.getPartnerSettings()),
    updatePartnerSettings: (settings, expectedVersion, o) => call(o, () => store.updatePartnerSettings(settings, expectedVersion)),
    listPartnerAccounts: (organisationId, o) => call(o, () => store.listPartnerAccounts(organisationId)),
    createPartnerAccount: (input, o) => call(o, () => store.createPartnerAccount(input, key(o))),
    allocatePartner: (accountId, brokerIds, o) => call(o, () => store.allocatePartner(accountId, brokerIds)),

    listRealtorClientCounts: (o) => call(o, () => store.listRealtorClientCounts()),
    listCoSharedClients: (realtorId, o) => call(o, () => store.listCoSharedClients(realtorId)),

    subscribe(listener: ChangeListener) {
      let active = true;
      // Pushed changes arrive asynchronously, like from a socket; never after unsubscribe.
      const unsubscribe = store.subscribe((change) => {
        queueMicrotask(() => {
          if (active) listener(change);
        });
      });
      return () => {
        active = false;
        unsubscribe();
      };
    },

    simulateInvitationProgress: (partnerId) => store.advanceInvitation(partnerId),

    startLiveUpdates({ intervalMs = 5000 }: LiveUpdateOptions = {}) {
      if (!Number.isFinite(intervalMs) || intervalMs <= 0) throw new RangeError('intervalMs must be a positive number');
      const tick = () => {
        const partners = store.advanceablePartnerIds();
        const deals = store.openDealIds();
        const movePartner = partners.length > 0 && (deals.length === 0 || liveRandom() < 0.6);
        const pool = movePartner ? partners : deals;
        const id = pool[Math.floor(liveRandom() * pool.length)];
        if (id === undefined) return;
        if (movePartner) store.advanceInvitation(id);
        else store.advanceDeal(id);
      };
      const timer = setInterval(tick, intervalMs);
      return () => clearInterval(timer);
    },
  };

  return adapter satisfies PartnerKitAdapter & Record<AdapterMethod, unknown>;
}
