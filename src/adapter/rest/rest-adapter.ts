/**
 * The REST adapter: every method of `PartnerKitAdapter` over `fetch`, for a
 * backend that speaks the contract in docs/rest-api.md (the route table is in
 * `routes.ts`).
 *
 * It maps HTTP failures to PartnerKitError codes, retries what is safe to
 * retry, times out each attempt, and honours the caller's AbortSignal. It does
 * not parse responses against the schemas: the validating wrapper
 * (`validateAdapter`) that every element puts around an adapter does that.
 * It only ever rejects with a PartnerKitError or the caller's AbortError.
 */
import { PartnerKitError, abortError, isAbortError } from '../errors.js';
import type {
  AdapterMethod,
  CallOptions,
  ChangeListener,
  CreateOptions,
  PartnerKitAdapter,
} from '../types.js';
import { backoffDelay, errorFromResponse, isRecord, isTransient, sleep, untilAborted } from './http.js';
import { REST_ROUTES, buildPath, joinUrl } from './routes.js';
import type { RestRouteName } from './routes.js';

type HeaderRecord = Record<string, string>;

export interface RestAdapterOptions {
  /** Where the contract is served, absolute or relative to the page: `https://crm.example/api/partner-kit`. */
  baseUrl: string;
  /** The fetch to use (default: the global `fetch` at call time). */
  fetch?: typeof fetch;
  /** Extra headers for every request, or a function giving them (called before every attempt). */
  headers?: HeaderRecord | (() => HeaderRecord | Promise<HeaderRecord>);
  /** A bearer token, fetched before every attempt (so a refreshed token is used on retry). `null`: no Authorization. */
  getToken?: () => string | null | Promise<string | null>;
  /** `fetch` credentials mode, e.g. `'include'` for cookie sessions on another origin. */
  credentials?: RequestCredentials;
  /** Per-attempt timeout in ms (default 15000; 0 turns it off). */
  timeoutMs?: number;
  /** Retries after the first attempt for retry-safe requests (default 2). */
  retries?: number;
  /** First backoff ceiling in ms; doubles every retry (default 300). */
  retryBaseMs?: number;
  /** Cap of a backoff wait, and the longest Retry-After the adapter waits out itself (default 5000). */
  retryMaxMs?: number;
  /** How often `subscribe` polls `GET /changes` in ms (default 5000). */
  pollIntervalMs?: number;
  /** Methods the backend does not serve although the contract has them, e.g. `{ uploadDocument: false }`. */
  capabilities?: Partial<Record<AdapterMethod, boolean>>;
}

type QueryValue = string | number | boolean | null | undefined;

interface RequestSpec {
  params?: Record<string, string>;
  query?: Record<string, QueryValue>;
  json?: unknown;
  form?: FormData;
  signal?: AbortSignal | undefined;
  idempotencyKey?: string | undefined;
  /** Overrides `retries` (the change feed never retries: the next poll is its retry). */
  retries?: number;
}

const DEFAULTS = {
  timeoutMs: 15_000,
  retries: 2,
  retryBaseMs: 300,
  retryMaxMs: 5_000,
  pollIntervalMs: 5_000,
} as const;

/** The longest a failing change feed is left alone between polls. */
const MAX_POLL_BACKOFF_MS = 60_000;

function nonNegative(value: number | undefined, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function isUsableIdempotencyKey(key: unknown): key is string {
  return typeof key === 'string' && key !== '' && key.length <= 255 && /^[\x21-\x7e]+$/.test(key);
}

export function createRestAdapter(options: RestAdapterOptions): PartnerKitAdapter {
  if (typeof options?.baseUrl !== 'string' || options.baseUrl.trim() === '') {
    throw new PartnerKitError('contract', 'createRestAdapter needs a baseUrl.');
  }
  const baseUrl = options.baseUrl;
  const fetchImpl: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const timeoutMs = nonNegative(options.timeoutMs, DEFAULTS.timeoutMs);
  const retries = Math.floor(nonNegative(options.retries, DEFAULTS.retries));
  const retryBaseMs = nonNegative(options.retryBaseMs, DEFAULTS.retryBaseMs);
  const retryMaxMs = nonNegative(options.retryMaxMs, DEFAULTS.retryMaxMs);
  const pollIntervalMs = nonNegative(options.pollIntervalMs, DEFAULTS.pollIntervalMs);

  async function resolveHeaders(method: RestRouteName): Promise<Headers> {
    try {
      const headers = new Headers({ Accept: 'application/json' });
      const extra = typeof options.headers === 'function' ? await options.headers() : options.headers;
      for (const [name, value] of Object.entries(extra ?? {})) headers.set(name, value);
      if (options.getToken) {
        const token = await options.getToken();
        if (token) headers.set('Authorization', `Bearer ${token}`);
      }
      return headers;
    } catch (error) {
      throw new PartnerKitError('unknown', `${method} could not prepare its request headers: ${describe(error)}`, {
        method,
        cause: error,
      });
    }
  }

  function buildUrl(method: RestRouteName, spec: RequestSpec): URL {
    const route = REST_ROUTES[method];
    let url: URL;
    try {
      url = joinUrl(baseUrl, buildPath(route.path, spec.params));
    } catch (error) {
      if (error instanceof PartnerKitError) {
        throw new PartnerKitError(error.code, `${method}: ${error.message}`, {
          method,
          fieldErrors: { ...error.fieldErrors },
        });
      }
      throw new PartnerKitError('contract', `${method}: invalid baseUrl "${baseUrl}" (${describe(error)}).`, {
        method,
        cause: error,
      });
    }
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(spec.query ?? {})) {
      if (value === undefined || value === null || value === '') continue;
      search.set(name, String(value));
    }
    url.search = search.toString();
    return url;
  }

  /** Reads a successful response: nothing, or JSON (anything else breaks the contract). */
  async function readSuccess(method: RestRouteName, response: Response): Promise<unknown> {
    if (REST_ROUTES[method].response === 'none' || response.status === 204 || response.status === 205) {
      await response.body?.cancel().catch(() => undefined);
      return undefined;
    }
    const text = await response.text();
    if (text.trim() === '') {
      throw new PartnerKitError('contract', `${method} expected a JSON body but HTTP ${response.status} was empty.`, {
        method,
        status: response.status,
      });
    }
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      const type = response.headers.get('Content-Type') ?? 'no content type';
      throw new PartnerKitError(
        'contract',
        `${method} returned a response that is not JSON (HTTP ${response.status}, ${type}).`,
        { method, status: response.status, cause: error },
      );
    }
  }

  interface Payload {
    body: BodyInit | undefined;
    contentType: string | undefined;
  }

  /** Serialises the body once, before any attempt: a body that cannot be sent is not worth retrying. */
  function preparePayload(method: RestRouteName, spec: RequestSpec): Payload {
    if (spec.form !== undefined) return { body: spec.form, contentType: undefined };
    if (spec.json === undefined) return { body: undefined, contentType: undefined };
    try {
      return { body: JSON.stringify(spec.json), contentType: 'application/json' };
    } catch (error) {
      throw new PartnerKitError('validation', `${method} could not serialise its request body: ${describe(error)}`, {
        method,
        cause: error,
      });
    }
  }

  /** One attempt with its own timeout; the caller's signal aborts it. */
  async function attempt(method: RestRouteName, url: URL, spec: RequestSpec, payload: Payload): Promise<unknown> {
    const route = REST_ROUTES[method];
    const callerSignal = spec.signal;
    if (callerSignal?.aborted) throw abortError(callerSignal);
    const controller = new AbortController();
    const forwardAbort = () => controller.abort(callerSignal?.reason);
    callerSignal?.addEventListener('abort', forwardAbort, { once: true });
    let timedOut = false;
    const timer =
      timeoutMs > 0
        ? setTimeout(() => {
            timedOut = true;
            controller.abort(new DOMException(`${method} timed out`, 'TimeoutError'));
          }, timeoutMs)
        : undefined;
    try {
      const headers = await untilAborted(resolveHeaders(method), controller.signal);
      if (payload.contentType !== undefined) headers.set('Content-Type', payload.contentType);
      if (spec.idempotencyKey !== undefined) headers.set('Idempotency-Key', spec.idempotencyKey);
      const init: RequestInit = { method: route.method, headers, signal: controller.signal };
      if (payload.body !== undefined) init.body = payload.body;
      if (options.credentials !== undefined) init.credentials = options.credentials;
      const response = await fetchImpl(url, init);
      if (!response.ok) throw errorFromResponse(method, response, await response.text());
      return await readSuccess(method, response);
    } catch (error) {
      if (callerSignal?.aborted) throw abortError(callerSignal);
      if (timedOut) {
        throw new PartnerKitError('timeout', `${method} timed out after ${timeoutMs} ms.`, { method, cause: error });
      }
      if (error instanceof PartnerKitError) throw error;
      throw new PartnerKitError('network', `${method} failed: the request did not complete (${describe(error)}).`, {
        method,
        cause: error,
      });
    } finally {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', forwardAbort);
    }
  }

  /**
   * Sends one adapter call. Retries only what is safe to repeat (a read, or a
   * create carrying its idempotency key) and only transient failures, waiting
   * for Retry-After when the server gives one, else a jittered backoff.
   */
  async function request(method: RestRouteName, spec: RequestSpec = {}): Promise<unknown> {
    if (spec.signal?.aborted) throw abortError(spec.signal);
    const route = REST_ROUTES[method];
    if (route.idempotent && !isUsableIdempotencyKey(spec.idempotencyKey)) {
      throw new PartnerKitError(
        'validation',
        `${method} needs options.idempotencyKey (a non-empty header-safe string) so that a retry never duplicates.`,
        { method, fieldErrors: { idempotencyKey: 'Required' } },
      );
    }
    const url = buildUrl(method, spec);
    const payload = preparePayload(method, spec);
    const retrySafe = route.readOnly || route.idempotent;
    const maxRetries = spec.retries ?? retries;
    for (let retry = 0; ; retry += 1) {
      try {
        return await attempt(method, url, spec, payload);
      } catch (error) {
        if (isAbortError(error) || !(error instanceof PartnerKitError)) throw error;
        if (!retrySafe || retry >= maxRetries || !isTransient(error)) throw error;
        let wait: number;
        if (error.retryAfter !== undefined) {
          wait = error.retryAfter * 1000;
          // Longer than we are willing to hold the call: the caller decides, with retryAfter in hand.
          if (wait > retryMaxMs) throw error;
        } else {
          wait = backoffDelay(retry, retryBaseMs, retryMaxMs);
        }
        await sleep(wait, spec.signal);
      }
    }
  }

  const call = <T>(method: RestRouteName, spec?: RequestSpec) => request(method, spec) as Promise<T>;
  const signalOf = (callOptions?: CallOptions) => callOptions?.signal;
  const create = (callOptions: CreateOptions | undefined) => ({
    signal: callOptions?.signal,
    idempotencyKey: callOptions?.idempotencyKey,
  });

  // Live changes: poll GET /changes while anyone listens.
  interface Poller {
    controller: AbortController;
    timer: ReturnType<typeof setTimeout> | undefined;
    cursor: string | null;
    failures: number;
  }
  const listeners = new Set<{ listener: ChangeListener }>();
  let poller: Poller | null = null;

  function deliver(change: unknown) {
    for (const entry of [...listeners]) {
      // A listener may unsubscribe another one while we deliver.
      if (!listeners.has(entry)) continue;
      try {
        entry.listener(change as Parameters<ChangeListener>[0]);
      } catch (error) {
        // One failing listener must neither stop the feed nor hide from the host.
        if (typeof globalThis.reportError === 'function') globalThis.reportError(error);
        else console.error(error);
      }
    }
  }

  function startPolling() {
    const state: Poller = { controller: new AbortController(), timer: undefined, cursor: null, failures: 0 };
    poller = state;
    const schedule = (ms: number) => {
      if (poller === state) state.timer = setTimeout(() => void poll(), ms);
    };
    const poll = async () => {
      state.timer = undefined;
      try {
        const feed = await request('subscribe', {
          query: { since: state.cursor },
          signal: state.controller.signal,
          retries: 0,
        });
        if (poller !== state) return;
        if (!isRecord(feed) || !Array.isArray(feed['changes']) || typeof feed['cursor'] !== 'string') {
          throw new PartnerKitError('contract', 'subscribe: GET /changes must return { changes: [], cursor: string }.');
        }
        state.cursor = feed['cursor'];
        state.failures = 0;
        for (const change of feed['changes'] as unknown[]) deliver(change);
        schedule(pollIntervalMs);
      } catch {
        // Stopped (the abort is ours) or failing: back off quietly; the next successful poll catches up.
        if (poller !== state) return;
        state.failures += 1;
        const ceiling = Math.max(pollIntervalMs, MAX_POLL_BACKOFF_MS);
        schedule(Math.min(ceiling, pollIntervalMs * 2 ** state.failures));
      }
    };
    void poll();
  }

  function stopPolling() {
    const state = poller;
    if (!state) return;
    poller = null;
    if (state.timer !== undefined) clearTimeout(state.timer);
    state.controller.abort();
  }

  const adapter: PartnerKitAdapter = {
    getSession: (callOptions) => call('getSession', { signal: signalOf(callOptions) }),

    listPartners: (query, callOptions) =>
      call('listPartners', {
        signal: signalOf(callOptions),
        query: {
          search: query.search,
          status: query.statuses && query.statuses.length > 0 ? query.statuses.join(',') : undefined,
          sort: query.sort?.field,
          direction: query.sort?.direction,
          cursor: query.cursor,
          limit: query.limit,
        },
      }),
    getPartner: (partnerId, callOptions) =>
      call('getPartner', { signal: signalOf(callOptions), params: { partnerId } }),
    updatePartnerProfile: (partnerId, profile, callOptions) =>
      call('updatePartnerProfile', { signal: signalOf(callOptions), params: { partnerId }, json: profile }),
    deletePartner: (partnerId, callOptions) =>
      call('deletePartner', { signal: signalOf(callOptions), params: { partnerId } }),
    getInvitationLink: (partnerId, callOptions) =>
      call('getInvitationLink', { signal: signalOf(callOptions), params: { partnerId } }),
    resendInvitation: (partnerId, callOptions) =>
      call('resendInvitation', { ...create(callOptions), params: { partnerId } }),

    searchContacts: (query, callOptions) =>
      call('searchContacts', { signal: signalOf(callOptions), query: { q: query, limit: callOptions?.limit } }),
    lookupRecipients: (emails, callOptions) =>
      call('lookupRecipients', { signal: signalOf(callOptions), json: { emails } }),

    previewInvitation: (recipients, callOptions) =>
      call('previewInvitation', { signal: signalOf(callOptions), json: { recipients } }),
    createInvitations: (recipients, callOptions) =>
      call('createInvitations', { ...create(callOptions), json: { recipients } }),
    createPrefilledAccount: (input, callOptions) =>
      call('createPrefilledAccount', { ...create(callOptions), json: input }),
    linkExistingUser: (input, callOptions) => call('linkExistingUser', { ...create(callOptions), json: input }),
    uploadImage: (file, kind, callOptions) => {
      const form = new FormData();
      form.append('file', file);
      form.append('kind', kind);
      return call('uploadImage', { ...create(callOptions), form });
    },

    getRegistration: (token, callOptions) =>
      call('getRegistration', { signal: signalOf(callOptions), params: { token } }),
    sendVerificationEmail: (token, email, callOptions) =>
      call('sendVerificationEmail', { ...create(callOptions), params: { token }, json: { email } }),
    verifyEmail: (token, code, callOptions) =>
      call('verifyEmail', { signal: signalOf(callOptions), params: { token }, json: { code } }),
    completeRegistration: (token, profile, callOptions) =>
      call('completeRegistration', { ...create(callOptions), params: { token }, json: { profile } }),

    listOrganisations: (callOptions) => call('listOrganisations', { signal: signalOf(callOptions) }),
    listWorkflows: (organisationId, callOptions) =>
      call('listWorkflows', { signal: signalOf(callOptions), params: { organisationId } }),
    listDeals: (query, callOptions) =>
      call('listDeals', {
        signal: signalOf(callOptions),
        params: { organisationId: query.organisationId },
        query: {
          workflowId: query.workflowId,
          includeClosed: query.includeClosed,
          cursor: query.cursor,
          limit: query.limit,
        },
      }),
    getDeal: (dealId, callOptions) => call('getDeal', { signal: signalOf(callOptions), params: { dealId } }),
    createDeal: (input, callOptions) => {
      const { organisationId, ...deal } = input;
      return call('createDeal', { ...create(callOptions), params: { organisationId }, json: deal });
    },
    moveDeal: (dealId, stageId, expectedVersion, callOptions) =>
      call('moveDeal', { signal: signalOf(callOptions), params: { dealId }, json: { stageId, expectedVersion } }),
    listNotes: (dealId, callOptions) => call('listNotes', { signal: signalOf(callOptions), params: { dealId } }),
    addNote: (dealId, body, callOptions) =>
      call('addNote', { ...create(callOptions), params: { dealId }, json: { body } }),
    listDocuments: (dealId, callOptions) =>
      call('listDocuments', { signal: signalOf(callOptions), params: { dealId } }),
    uploadDocument: (dealId, file, callOptions) => {
      const form = new FormData();
      form.append('file', file);
      return call('uploadDocument', { ...create(callOptions), params: { dealId }, form });
    },
    listBrokers: (organisationId, callOptions) =>
      call('listBrokers', { signal: signalOf(callOptions), params: { organisationId } }),

    getPortalSettings: (organisationId, callOptions) =>
      call('getPortalSettings', { signal: signalOf(callOptions), params: { organisationId } }),
    updatePortalSettings: (organisationId, settings, expectedVersion, callOptions) =>
      call('updatePortalSettings', {
        signal: signalOf(callOptions),
        params: { organisationId },
        json: { ...settings, expectedVersion },
      }),
    getPartnerSettings: (callOptions) => call('getPartnerSettings', { signal: signalOf(callOptions) }),
    updatePartnerSettings: (settings, expectedVersion, callOptions) =>
      call('updatePartnerSettings', { signal: signalOf(callOptions), json: { ...settings, expectedVersion } }),
    listPartnerAccounts: (organisationId, callOptions) =>
      call('listPartnerAccounts', { signal: signalOf(callOptions), params: { organisationId } }),
    createPartnerAccount: (input, callOptions) => {
      const { organisationId, ...account } = input;
      return call('createPartnerAccount', { ...create(callOptions), params: { organisationId }, json: account });
    },
    allocatePartner: (partnerAccountId, brokerIds, callOptions) =>
      call('allocatePartner', { signal: signalOf(callOptions), params: { partnerAccountId }, json: { brokerIds } }),

    listRealtorClientCounts: (callOptions) => call('listRealtorClientCounts', { signal: signalOf(callOptions) }),
    listCoSharedClients: (realtorId, callOptions) =>
      call('listCoSharedClients', { signal: signalOf(callOptions), query: { realtorId } }),

    subscribe: (listener) => {
      const entry = { listener };
      listeners.add(entry);
      if (!poller) startPolling();
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        listeners.delete(entry);
        if (listeners.size === 0) stopPolling();
      };
    },
  };

  return guard(adapter, options.capabilities);
}

/**
 * Makes every request method reject (never throw synchronously) and reject
 * only with a PartnerKitError or an AbortError, whatever a caller passed in.
 */
function guard(
  methods: PartnerKitAdapter,
  capabilities: Partial<Record<AdapterMethod, boolean>> | undefined,
): PartnerKitAdapter {
  const guarded: Record<string, unknown> = {};
  for (const [name, method] of Object.entries(methods) as [string, unknown][]) {
    if (typeof method !== 'function') continue;
    if (name === 'subscribe') {
      guarded[name] = method;
      continue;
    }
    guarded[name] = async (...args: unknown[]) => {
      try {
        return await (method as (...a: unknown[]) => Promise<unknown>)(...args);
      } catch (error) {
        if (error instanceof PartnerKitError || isAbortError(error)) throw error;
        throw new PartnerKitError('unknown', `${name} failed: ${describe(error)}`, { method: name, cause: error });
      }
    };
  }
  if (capabilities) guarded['capabilities'] = { ...capabilities };
  return guarded as unknown as PartnerKitAdapter;
}
