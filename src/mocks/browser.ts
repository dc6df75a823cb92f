/**
 * Starts the mock backend in the browser: an MSW service worker that serves
 * the partner-kit HTTP contract from an adapter (the demo uses the in-memory
 * one), so the REST adapter runs with no server at all.
 */
import { setupWorker } from 'msw/browser';
import type { SetupWorker } from 'msw/browser';
import type { PartnerKitAdapter } from '../adapter/types.js';
import { createRestHandlers } from './handlers.js';

export interface MockBackendOptions {
  /** The base URL the REST adapter is given. */
  baseUrl: string;
  /** Silence MSW's console messages. */
  quiet?: boolean;
  /** Where `mockServiceWorker.js` is served (default `/mockServiceWorker.js`). */
  serviceWorkerUrl?: string;
}

/**
 * Registers the worker and resolves once it intercepts requests. Requests
 * outside the contract pass through untouched. Call `worker.stop()` to end it;
 * `worker.use(...)` adds faults (see `./faults.ts`).
 */
export async function startMockBackend(adapter: PartnerKitAdapter, options: MockBackendOptions): Promise<SetupWorker> {
  const worker = setupWorker(...createRestHandlers(adapter, { baseUrl: options.baseUrl }));
  await worker.start({
    serviceWorker: { url: options.serviceWorkerUrl ?? '/mockServiceWorker.js' },
    onUnhandledRequest: 'bypass',
    quiet: options.quiet ?? false,
  });
  return worker;
}
