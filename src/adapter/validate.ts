/**
 * The boundary: wraps a host adapter so that every response is parsed with its
 * schema before any element sees it, every thrown value becomes a
 * `PartnerKitError` (aborts pass through), and every pushed change is
 * validated too. Elements only ever hold the wrapped adapter. The schemas
 * themselves (`parse.ts`) load with the first call, in parallel with it.
 */
import { PartnerKitError, abortError, toPartnerKitError } from './errors.js';
import type { AdapterMethod, ChangeListener, PartnerKitAdapter } from './types.js';
import type * as ParseModule from './parse.js';

type ResponseMethod = Exclude<AdapterMethod, 'subscribe'>;

/** Every method of the contract, in a stable order (`parse.ts` holds a schema for each). */
export const ADAPTER_METHODS = [
  'getSession', 'listPartners', 'getPartner', 'updatePartnerProfile', 'deletePartner', 'getInvitationLink',
  'resendInvitation', 'searchContacts', 'lookupRecipients', 'previewInvitation', 'createInvitations',
  'createPrefilledAccount', 'linkExistingUser', 'uploadImage', 'getRegistration', 'sendVerificationEmail',
  'verifyEmail', 'completeRegistration', 'listOrganisations', 'listWorkflows', 'listDeals', 'getDeal', 'createDeal',
  'moveDeal', 'listNotes', 'addNote', 'listDocuments', 'uploadDocument', 'listBrokers', 'getPortalSettings',
  'updatePortalSettings', 'getPartnerSettings', 'updatePartnerSettings', 'listPartnerAccounts',
  'createPartnerAccount', 'allocatePartner', 'listRealtorClientCounts', 'listCoSharedClients', 'subscribe',
] as const satisfies readonly AdapterMethod[];

// A compile error here means a method of the contract is missing from ADAPTER_METHODS.
const everyMethodListed: [Exclude<AdapterMethod, (typeof ADAPTER_METHODS)[number]>] extends [never] ? true : never = true;
void everyMethodListed;

type Parser = typeof ParseModule;
let parser: Promise<Parser> | undefined;
const loadParser = (): Promise<Parser> => (parser ??= import('./parse.js'));

/**
 * Every element with data validates its first response: fetch the schemas once the page is idle
 * after the kit loaded, and parse a few samples, so an element mounted later neither waits for the
 * chunk nor pays the page's first parse in its first render. A failed prefetch is forgotten (the
 * first call loads it again and reports a failure itself).
 */
function prefetchParser(): void {
  loadParser().then(
    ({ warmUp }) => warmUp(),
    () => {
      parser = undefined;
    },
  );
}
if (typeof requestIdleCallback === 'function') requestIdleCallback(prefetchParser, { timeout: 2000 });

function findSignal(args: readonly unknown[]): AbortSignal | undefined {
  for (const arg of args) {
    if (arg && typeof arg === 'object' && 'signal' in arg) {
      const signal = (arg as { signal?: unknown }).signal;
      if (signal instanceof AbortSignal) return signal;
    }
  }
  return undefined;
}

const VALIDATED = Symbol.for('partner-kit/validated-adapter');
const cache = new WeakMap<object, PartnerKitAdapter>();

/** True when `adapter` is already the validating wrapper. */
export function isValidatedAdapter(adapter: unknown): boolean {
  return typeof adapter === 'object' && adapter !== null && VALIDATED in adapter;
}

/**
 * Returns the validating wrapper of a host adapter (cached: the same host
 * adapter always gives the same wrapper). Throws a `contract` error when the
 * value is not an adapter at all.
 */
export function validateAdapter(raw: PartnerKitAdapter): PartnerKitAdapter {
  if (isValidatedAdapter(raw)) return raw;
  if (typeof raw !== 'object' || raw === null || typeof (raw as { getSession?: unknown }).getSession !== 'function') {
    throw new PartnerKitError('contract', 'The adapter must be an object with at least a getSession() method.');
  }
  const cached = cache.get(raw);
  if (cached) return cached;

  const wrapped: Record<string | symbol, unknown> = { [VALIDATED]: true };
  if (raw.capabilities) wrapped['capabilities'] = { ...raw.capabilities };

  for (const method of ADAPTER_METHODS) {
    if (method === 'subscribe') continue;
    const original = (raw as unknown as Record<string, unknown>)[method];
    if (typeof original !== 'function') continue;
    wrapped[method] = async (...args: unknown[]) => {
      const signal = findSignal(args);
      if (signal?.aborted) throw abortError(signal);
      const parsing = loadParser();
      let value: unknown;
      try {
        value = await (original as (...a: unknown[]) => unknown).apply(raw, args);
      } catch (error) {
        throw toPartnerKitError(error, method);
      }
      // A response that arrives after its caller gave up must never be used.
      const { parseResponse } = await parsing;
      if (signal?.aborted) throw abortError(signal);
      return parseResponse(method as ResponseMethod, value);
    };
  }

  if (typeof raw.subscribe === 'function') {
    const subscribe = raw.subscribe.bind(raw);
    wrapped['subscribe'] = (listener: ChangeListener) =>
      subscribe((change: unknown) => {
        // Changes keep their order: every one waits on the same (already settled) load.
        void loadParser().then(({ parseChange }) => {
          const parsed = parseChange(change);
          if (parsed instanceof PartnerKitError) {
            console.warn(`[partner-kit] ${parsed.message}`);
            return;
          }
          listener(parsed);
        });
      });
  }

  const adapter = Object.freeze(wrapped) as unknown as PartnerKitAdapter;
  cache.set(raw, adapter);
  return adapter;
}

/**
 * Whether the adapter can do `method`: it implements it and has not switched
 * it off in `capabilities`. Elements hide what this says no to.
 */
export function hasCapability(adapter: PartnerKitAdapter | null | undefined, method: AdapterMethod): boolean {
  if (!adapter) return false;
  if (typeof (adapter as unknown as Record<string, unknown>)[method] !== 'function') return false;
  return adapter.capabilities?.[method] !== false;
}

/** The full capability table of an adapter (for the demo and diagnostics). */
export function describeCapabilities(adapter: PartnerKitAdapter): Record<AdapterMethod, boolean> {
  const table = {} as Record<AdapterMethod, boolean>;
  for (const method of ADAPTER_METHODS) table[method] = hasCapability(adapter, method);
  return table;
}
