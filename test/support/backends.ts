/**
 * Element tests run against both adapters the kit ships: the in-memory
 * adapter directly, and the REST adapter over fetch to MSW handlers that serve
 * the same in-memory store. Use `forEachBackend` to run a suite on both.
 */
import type { SetupWorker } from 'msw/browser';
import { createMemoryAdapter, type MemoryAdapter, type MemoryAdapterOptions } from '../../src/adapter/memory/index.js';
import { createRestAdapter } from '../../src/adapter/rest/rest-adapter.js';
import type { PartnerKitAdapter } from '../../src/adapter/types.js';
import { startMockBackend } from '../../src/mocks/browser.js';
import { createRestHandlers } from '../../src/mocks/handlers.js';

export const BACKENDS = ['memory', 'rest'] as const;
export type BackendKind = (typeof BACKENDS)[number];

export interface Backend {
  kind: BackendKind;
  /** What the element is given. */
  adapter: PartnerKitAdapter;
  /** The store behind it, to arrange data and to assert what the backend received. */
  memory: MemoryAdapter;
}

const BASE_URL = '/test-api';
let worker: Promise<SetupWorker> | undefined;

/** The MSW worker, started once per test file and shared. */
export function mockWorker(): Promise<SetupWorker> {
  worker ??= startMockBackend(createMemoryAdapter({ seed: 1 }), { baseUrl: BASE_URL, quiet: true });
  return worker;
}

/** A fresh, seeded backend of the given kind. */
export async function createBackend(kind: BackendKind, options: MemoryAdapterOptions = {}): Promise<Backend> {
  const memory = createMemoryAdapter({ seed: 1, ...options });
  if (kind === 'memory') return { kind, adapter: memory, memory };
  const started = await mockWorker();
  started.resetHandlers(...createRestHandlers(memory, { baseUrl: BASE_URL }));
  const adapter = createRestAdapter({ baseUrl: BASE_URL, retries: 0, pollIntervalMs: 50, timeoutMs: 5000 });
  return { kind, adapter, memory };
}

/** Runs `suite` once per backend, inside `describe('… (memory)')` and `describe('… (rest)')`. */
export function forEachBackend(title: string, suite: (kind: BackendKind) => void): void {
  for (const kind of BACKENDS) describe(`${title} (${kind})`, () => suite(kind));
}
