/**
 * The memory adapter as the bench pages use it: zero latency, a fixed seed,
 * optionally N generated partners, and a log of every call (what the kit
 * asked for, so the vanilla baseline can fetch exactly the same data).
 */
import { createMemoryAdapter, defaultSession, generatePartners, type MemoryAdapter, type MemoryStore } from '../../src/adapter/memory/index.js';
import type { PartnerQuery } from '../../src/adapter/types.js';
import type { Role } from '../../src/domain/permissions.js';

export const BENCH_SEED = 20261101;

export interface AdapterCall {
  method: string;
  /** The first argument (a query, an id, a list of emails…), as JSON data. */
  argument: unknown;
  at: number;
}

export interface BenchAdapter {
  adapter: MemoryAdapter;
  calls: AdapterCall[];
  /** Subscriptions taken through `adapter.subscribe` and not yet ended. */
  activeSubscriptions: () => number;
}

export interface AdapterSetup {
  /** Replace the seeded partners with this many generated ones. */
  rows?: number;
  role?: Role;
  /** Partner queries to run once on the store first: the backend's own sort/filter cache is warm, as a server's would be. */
  warmQueries?: PartnerQuery[];
  /** Keep a log of calls (default true); the memory scenario turns it off so the log is not counted as the kit's heap. */
  record?: boolean;
  /** A prepared store (e.g. a deal board's 1,000 deals) instead of the seeded one. */
  store?: MemoryStore;
}

const toData = (value: unknown): unknown => {
  try {
    return value === undefined ? null : JSON.parse(JSON.stringify(value));
  } catch {
    return String(value);
  }
};

export function createBenchAdapter(setup: AdapterSetup = {}): BenchAdapter {
  const adapter = createMemoryAdapter({
    seed: BENCH_SEED,
    latency: 0,
    ...(setup.store ? { store: setup.store } : {}),
    ...(setup.role ? { session: defaultSession(setup.role) } : {}),
  });
  if (setup.rows !== undefined) adapter.store.loadPartners(generatePartners(setup.rows, BENCH_SEED));
  for (const query of setup.warmQueries ?? []) adapter.store.listPartners(query);

  const calls: AdapterCall[] = [];
  const methods = adapter as unknown as Record<string, unknown>;
  for (const [name, value] of Object.entries(methods)) {
    if (typeof value !== 'function' || ['subscribe', 'setLatency', 'setFailureRate', 'simulateInvitationProgress', 'startLiveUpdates'].includes(name)) {
      continue;
    }
    const method = value as (...args: unknown[]) => unknown;
    if (setup.record === false) continue;
    methods[name] = (...args: unknown[]) => {
      calls.push({ method: name, argument: toData(args[0]), at: performance.now() });
      return method.apply(adapter, args);
    };
  }
  let subscriptions = 0;
  const subscribe = adapter.subscribe.bind(adapter);
  adapter.subscribe = (listener) => {
    const unsubscribe = subscribe(listener);
    subscriptions++;
    let ended = false;
    return () => {
      if (!ended) subscriptions--;
      ended = true;
      unsubscribe();
    };
  };
  return { adapter, calls, activeSubscriptions: () => subscriptions };
}
