/**
 * The boundary: wraps a host adapter so that every response is parsed with its
 * schema before any element sees it, every thrown value becomes a
 * `PartnerKitError` (aborts pass through), and every pushed change is
 * validated too. Elements only ever hold the wrapped adapter.
 */
import type * as z from 'zod/mini';
import { PartnerKitError, abortError, toPartnerKitError } from './errors.js';
import * as schemas from './schemas.js';
import type { AdapterMethod, ChangeListener, PartnerKitAdapter } from './types.js';

type ResponseMethod = Exclude<AdapterMethod, 'subscribe'>;

const RESPONSE_SCHEMAS: Record<ResponseMethod, z.ZodMiniType> = {
  getSession: schemas.sessionSchema,
  listPartners: schemas.partnerPageSchema,
  getPartner: schemas.partnerDetailSchema,
  updatePartnerProfile: schemas.partnerSchema,
  deletePartner: schemas.voidSchema,
  getInvitationLink: schemas.invitationLinkSchema,
  resendInvitation: schemas.partnerSchema,
  searchContacts: schemas.contactListSchema,
  lookupRecipients: schemas.recipientLookupListSchema,
  previewInvitation: schemas.invitationPreviewSchema,
  createInvitations: schemas.invitationBatchSchema,
  createPrefilledAccount: schemas.partnerSchema,
  linkExistingUser: schemas.partnerSchema,
  uploadImage: schemas.uploadedImageSchema,
  getRegistration: schemas.registrationSchema,
  sendVerificationEmail: schemas.verificationSentSchema,
  verifyEmail: schemas.verificationResultSchema,
  completeRegistration: schemas.partnerSchema,
  listOrganisations: schemas.organisationListSchema,
  listWorkflows: schemas.workflowListSchema,
  listDeals: schemas.dealPageSchema,
  getDeal: schemas.dealSchema,
  createDeal: schemas.dealSchema,
  moveDeal: schemas.dealSchema,
  listNotes: schemas.noteListSchema,
  addNote: schemas.noteSchema,
  listDocuments: schemas.documentListSchema,
  uploadDocument: schemas.documentSchema,
  listBrokers: schemas.brokerListSchema,
  getPortalSettings: schemas.portalSettingsSchema,
  updatePortalSettings: schemas.portalSettingsSchema,
  getPartnerSettings: schemas.partnerSettingsSchema,
  updatePartnerSettings: schemas.partnerSettingsSchema,
  listPartnerAccounts: schemas.partnerAccountListSchema,
  createPartnerAccount: schemas.partnerAccountSchema,
  allocatePartner: schemas.partnerAccountSchema,
  listRealtorClientCounts: schemas.realtorClientCountListSchema,
  listCoSharedClients: schemas.coSharedClientListSchema,
};

/** Every method of the contract, in a stable order. */
export const ADAPTER_METHODS = [...(Object.keys(RESPONSE_SCHEMAS) as ResponseMethod[]), 'subscribe'] as const satisfies readonly AdapterMethod[];

/** Formats a zod path as `items[3].email`. */
function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out || '(root)';
}

/**
 * Parses `value` with the schema of `method`. Throws a `contract` error that
 * names the method and the field path of the first problem.
 */
export function parseResponse<M extends ResponseMethod>(method: M, value: unknown): unknown {
  const result = RESPONSE_SCHEMAS[method].safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = formatPath(issue?.path ?? []);
  const more = result.error.issues.length > 1 ? ` (and ${result.error.issues.length - 1} more)` : '';
  throw new PartnerKitError(
    'contract',
    `${method} returned an invalid response: ${path}: ${issue?.message ?? 'invalid'}${more}`,
    { method, path },
  );
}

/** Parses a pushed change; returns a contract error instead of throwing. */
export function parseChange(value: unknown): schemas.AdapterChange | PartnerKitError {
  const result = schemas.adapterChangeSchema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = formatPath(issue?.path ?? []);
  return new PartnerKitError('contract', `subscribe pushed an invalid change: ${path}: ${issue?.message ?? 'invalid'}`, {
    method: 'subscribe',
    path,
  });
}

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

  for (const method of Object.keys(RESPONSE_SCHEMAS) as ResponseMethod[]) {
    const original = (raw as unknown as Record<string, unknown>)[method];
    if (typeof original !== 'function') continue;
    wrapped[method] = async (...args: unknown[]) => {
      const signal = findSignal(args);
      if (signal?.aborted) throw abortError(signal);
      let value: unknown;
      try {
        value = await (original as (...a: unknown[]) => unknown).apply(raw, args);
      } catch (error) {
        throw toPartnerKitError(error, method);
      }
      // A response that arrives after its caller gave up must never be used.
      if (signal?.aborted) throw abortError(signal);
      return parseResponse(method, value);
    };
  }

  if (typeof raw.subscribe === 'function') {
    const subscribe = raw.subscribe.bind(raw);
    wrapped['subscribe'] = (listener: ChangeListener) =>
      subscribe((change: unknown) => {
        const parsed = parseChange(change);
        if (parsed instanceof PartnerKitError) {
          console.warn(`[partner-kit] ${parsed.message}`);
          return;
        }
        listener(parsed);
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
