/**
 * MSW handlers that serve the partner-kit HTTP contract (docs/rest-api.md)
 * from any PartnerKitAdapter — the demo and the tests pass the in-memory one.
 * Each request is checked the way a real backend would check it, turned into
 * one adapter call, and the result or PartnerKitError turned back into HTTP.
 * Routes come from the same table the REST adapter uses.
 */
import { HttpResponse, http } from 'msw';
import type { JsonBodyType, RequestHandler } from 'msw';
import { PartnerKitError, isAbortError } from '../adapter/errors.js';
import type { ErrorCode } from '../adapter/errors.js';
import { REST_ROUTES } from '../adapter/rest/routes.js';
import type { RestRoute, RestRouteName } from '../adapter/rest/routes.js';
import { PARTNER_SORT_FIELDS } from '../adapter/types.js';
import type {
  AdapterChange,
  ImageKind,
  InvitationRecipient,
  NewDealClient,
  PartnerKitAdapter,
  PartnerQuery,
  PartnerSortField,
  PartnerSettingsInput,
  PortalSettingsInput,
} from '../adapter/types.js';
import { INVITE_STATUSES } from '../domain/status.js';
import type { InviteStatus } from '../domain/status.js';
import type { PartnerProfile } from '../domain/completion.js';

export interface RestHandlerOptions {
  /** The same base URL the REST adapter is given (absolute, or relative to the page). */
  baseUrl: string;
  /** How many changes `GET /changes` remembers (default 1000). */
  changeLogSize?: number;
}

/** HTTP status for each PartnerKitError code (the inverse of the adapter's mapping). */
export const STATUS_FOR_CODE: Readonly<Record<ErrorCode, number>> = Object.freeze({
  validation: 422,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  network: 503,
  timeout: 504,
  contract: 500,
  unknown: 500,
});

/** The MSW path pattern of a route under `baseUrl`. */
export function routePattern(baseUrl: string, route: RestRoute): string {
  return `${baseUrl.replace(/\/+$/, '')}${route.path}`;
}

/** The error body of the contract: `{ error: { code, message, fieldErrors? } }`. */
export function errorResponse(
  status: number,
  code: string,
  message: string,
  options: { fieldErrors?: Readonly<Record<string, string>>; retryAfter?: number } = {},
): Response {
  const fieldErrors = options.fieldErrors && Object.keys(options.fieldErrors).length > 0 ? options.fieldErrors : undefined;
  const headers: Record<string, string> = {};
  if (options.retryAfter !== undefined) headers['Retry-After'] = String(Math.max(0, Math.ceil(options.retryAfter)));
  return HttpResponse.json(
    { error: { code, message, ...(fieldErrors ? { fieldErrors } : {}) } },
    { status, headers },
  );
}

function responseForError(method: string, error: unknown): Response {
  // The client went away; nobody reads this answer.
  if (isAbortError(error)) return HttpResponse.error();
  if (error instanceof PartnerKitError) {
    const status = STATUS_FOR_CODE[error.code];
    const retryAfter = error.code === 'rate_limited' ? (error.retryAfter ?? 1) : error.retryAfter;
    return errorResponse(status, error.code, error.message, {
      fieldErrors: error.fieldErrors,
      ...(retryAfter === undefined ? {} : { retryAfter }),
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  return errorResponse(500, 'unknown', `${method} failed: ${message}`);
}

// ---------------------------------------------------------------------------
// Request checks: a bad request is a 422 with per-field messages.

type Json = Record<string, unknown>;

function invalid(field: string, message: string): PartnerKitError {
  return new PartnerKitError('validation', `${field}: ${message}`, { fieldErrors: { [field]: message } });
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function readJsonObject(request: Request): Promise<Json> {
  const text = await request.text();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new PartnerKitError('validation', 'The request body must be JSON.');
  }
  if (!isObject(value)) throw new PartnerKitError('validation', 'The request body must be a JSON object.');
  return value;
}

function requireString(body: Json, field: string): string {
  const value = body[field];
  if (typeof value !== 'string') throw invalid(field, 'Must be a string');
  return value;
}

function optionalString(body: Json, field: string): string | null | undefined {
  const value = body[field];
  if (value === undefined || value === null || typeof value === 'string') return value;
  throw invalid(field, 'Must be a string or null');
}

function requireBoolean(body: Json, field: string): boolean {
  const value = body[field];
  if (typeof value !== 'boolean') throw invalid(field, 'Must be true or false');
  return value;
}

function requireVersion(body: Json, field: string): number {
  const value = body[field];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw invalid(field, 'Must be a whole number');
  return value;
}

function requireStringArray(body: Json, field: string): string[] {
  const value = body[field];
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    throw invalid(field, 'Must be a list of strings');
  }
  return value as string[];
}

function requireObject(body: Json, field: string): Json {
  const value = body[field];
  if (!isObject(value)) throw invalid(field, 'Must be an object');
  return value;
}

function requireObjectList(body: Json, field: string): Json[] {
  const value = body[field];
  if (!Array.isArray(value)) throw invalid(field, 'Must be a list');
  value.forEach((item, index) => {
    if (!isObject(item)) throw invalid(`${field}[${index}]`, 'Must be an object');
  });
  return value as Json[];
}

/** A profile is an object of optional text fields. */
function readProfile(value: unknown, field: string): PartnerProfile {
  if (!isObject(value)) throw invalid(field, 'Must be an object');
  for (const [key, fieldValue] of Object.entries(value)) {
    if (fieldValue !== null && typeof fieldValue !== 'string') throw invalid(`${field}.${key}`, 'Must be a string or null');
  }
  return value as PartnerProfile;
}

function readRecipients(body: Json): InvitationRecipient[] {
  return requireObjectList(body, 'recipients').map((item, index) => {
    const prefix = `recipients[${index}]`;
    try {
      const recipient: InvitationRecipient = { email: requireString(item, 'email') };
      const name = optionalString(item, 'name');
      const contactId = optionalString(item, 'contactId');
      if (name !== undefined) recipient.name = name;
      if (contactId !== undefined) recipient.contactId = contactId;
      return recipient;
    } catch (error) {
      throw prefixed(error, prefix);
    }
  });
}

function prefixed(error: unknown, prefix: string): unknown {
  if (!(error instanceof PartnerKitError)) return error;
  const [field, message] = Object.entries(error.fieldErrors)[0] ?? ['', error.message];
  return invalid(`${prefix}.${field}`, message);
}

function readChannel(body: Json, field: string): { email: boolean; sms: boolean } {
  const channel = requireObject(body, field);
  try {
    return { email: requireBoolean(channel, 'email'), sms: requireBoolean(channel, 'sms') };
  } catch (error) {
    throw prefixed(error, field);
  }
}

function readChannels<K extends string>(body: Json, field: string, keys: readonly K[]): Record<K, { email: boolean; sms: boolean }> {
  const group = requireObject(body, field);
  const out = {} as Record<K, { email: boolean; sms: boolean }>;
  for (const key of keys) {
    try {
      out[key] = readChannel(group, key);
    } catch (error) {
      throw prefixed(error, field);
    }
  }
  return out;
}

function readPartnerQuery(url: URL): PartnerQuery {
  const params = url.searchParams;
  const query: PartnerQuery = {};
  const search = params.get('search');
  if (search) query.search = search;
  const status = params.get('status');
  if (status) {
    const statuses = status.split(',').filter((item) => item !== '');
    const unknown = statuses.find((item) => !(INVITE_STATUSES as readonly string[]).includes(item));
    if (unknown !== undefined) throw invalid('status', `Unknown status "${unknown}"`);
    query.statuses = statuses as InviteStatus[];
  }
  const sort = params.get('sort');
  if (sort) {
    if (!(PARTNER_SORT_FIELDS as readonly string[]).includes(sort)) throw invalid('sort', `Unknown sort field "${sort}"`);
    const direction = params.get('direction') ?? 'asc';
    if (direction !== 'asc' && direction !== 'desc') throw invalid('direction', 'Must be asc or desc');
    query.sort = { field: sort as PartnerSortField, direction };
  }
  const cursor = params.get('cursor');
  if (cursor) query.cursor = cursor;
  const limit = readLimit(params);
  if (limit !== undefined) query.limit = limit;
  return query;
}

function readLimit(params: URLSearchParams): number | undefined {
  const limit = params.get('limit');
  if (limit === null || limit === '') return undefined;
  if (!/^\d+$/.test(limit) || Number(limit) < 1) throw invalid('limit', 'Must be a positive whole number');
  return Number(limit);
}

function readBooleanParam(params: URLSearchParams, name: string): boolean | undefined {
  const value = params.get(name);
  if (value === null || value === '') return undefined;
  if (value !== 'true' && value !== 'false') throw invalid(name, 'Must be true or false');
  return value === 'true';
}

async function readForm(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    throw new PartnerKitError('validation', 'The request body must be multipart/form-data.');
  }
}

function requireFile(form: FormData): File {
  const file = form.get('file');
  if (!(file instanceof File)) throw invalid('file', 'A file is required');
  return file;
}

// ---------------------------------------------------------------------------
// One resolver per route: HTTP request in, adapter call out.

interface RouteContext {
  request: Request;
  url: URL;
  params: Record<string, string>;
  signal: AbortSignal;
  idempotencyKey: string;
}

type ServedAdapter = Required<Omit<PartnerKitAdapter, 'capabilities' | 'subscribe'>>;
type Resolver = (adapter: ServedAdapter, context: RouteContext) => Promise<unknown>;

const param = (context: RouteContext, name: string) => context.params[name] ?? '';

const RESOLVERS: Record<Exclude<RestRouteName, 'subscribe'>, Resolver> = {
  getSession: (adapter, { signal }) => adapter.getSession({ signal }),

  listPartners: (adapter, { url, signal }) => adapter.listPartners(readPartnerQuery(url), { signal }),
  getPartner: (adapter, context) => adapter.getPartner(param(context, 'partnerId'), { signal: context.signal }),
  updatePartnerProfile: async (adapter, context) =>
    adapter.updatePartnerProfile(
      param(context, 'partnerId'),
      readProfile(await readJsonObject(context.request), 'profile'),
      { signal: context.signal },
    ),
  deletePartner: (adapter, context) => adapter.deletePartner(param(context, 'partnerId'), { signal: context.signal }),
  getInvitationLink: (adapter, context) =>
    adapter.getInvitationLink(param(context, 'partnerId'), { signal: context.signal }),
  resendInvitation: (adapter, context) =>
    adapter.resendInvitation(param(context, 'partnerId'), {
      signal: context.signal,
      idempotencyKey: context.idempotencyKey,
    }),

  searchContacts: (adapter, { url, signal }) => {
    const limit = readLimit(url.searchParams);
    return adapter.searchContacts(url.searchParams.get('q') ?? '', limit === undefined ? { signal } : { signal, limit });
  },
  lookupRecipients: async (adapter, { request, signal }) =>
    adapter.lookupRecipients(requireStringArray(await readJsonObject(request), 'emails'), { signal }),

  previewInvitation: async (adapter, { request, signal }) =>
    adapter.previewInvitation(readRecipients(await readJsonObject(request)), { signal }),
  createInvitations: async (adapter, { request, signal, idempotencyKey }) =>
    adapter.createInvitations(readRecipients(await readJsonObject(request)), { signal, idempotencyKey }),
  createPrefilledAccount: async (adapter, { request, signal, idempotencyKey }) => {
    const body = await readJsonObject(request);
    const contactId = optionalString(body, 'contactId');
    return adapter.createPrefilledAccount(
      {
        email: requireString(body, 'email'),
        ...(contactId === undefined ? {} : { contactId }),
        profile: readProfile(body['profile'], 'profile'),
        sendEmail: requireBoolean(body, 'sendEmail'),
      },
      { signal, idempotencyKey },
    );
  },
  linkExistingUser: async (adapter, { request, signal, idempotencyKey }) => {
    const body = await readJsonObject(request);
    return adapter.linkExistingUser(
      { email: requireString(body, 'email'), sendEmail: requireBoolean(body, 'sendEmail') },
      { signal, idempotencyKey },
    );
  },
  uploadImage: async (adapter, { request, signal, idempotencyKey }) => {
    const form = await readForm(request);
    const file = requireFile(form);
    const kind = form.get('kind');
    if (kind !== 'photo' && kind !== 'logo') throw invalid('kind', 'Must be photo or logo');
    return adapter.uploadImage(file, kind satisfies ImageKind, { signal, idempotencyKey });
  },

  getRegistration: (adapter, context) => adapter.getRegistration(param(context, 'token'), { signal: context.signal }),
  sendVerificationEmail: async (adapter, context) => {
    const body = await readJsonObject(context.request);
    return adapter.sendVerificationEmail(param(context, 'token'), requireString(body, 'email'), {
      signal: context.signal,
      idempotencyKey: context.idempotencyKey,
    });
  },
  verifyEmail: async (adapter, context) => {
    const body = await readJsonObject(context.request);
    return adapter.verifyEmail(param(context, 'token'), requireString(body, 'code'), { signal: context.signal });
  },
  completeRegistration: async (adapter, context) => {
    const body = await readJsonObject(context.request);
    return adapter.completeRegistration(param(context, 'token'), readProfile(body['profile'], 'profile'), {
      signal: context.signal,
      idempotencyKey: context.idempotencyKey,
    });
  },

  listOrganisations: (adapter, { signal }) => adapter.listOrganisations({ signal }),
  listWorkflows: (adapter, context) => adapter.listWorkflows(param(context, 'organisationId'), { signal: context.signal }),
  listDeals: (adapter, context) => {
    const params = context.url.searchParams;
    const workflowId = params.get('workflowId');
    if (!workflowId) throw invalid('workflowId', 'Required');
    const includeClosed = readBooleanParam(params, 'includeClosed');
    const cursor = params.get('cursor');
    const limit = readLimit(params);
    return adapter.listDeals(
      {
        organisationId: param(context, 'organisationId'),
        workflowId,
        ...(includeClosed === undefined ? {} : { includeClosed }),
        ...(cursor ? { cursor } : {}),
        ...(limit === undefined ? {} : { limit }),
      },
      { signal: context.signal },
    );
  },
  getDeal: (adapter, context) => adapter.getDeal(param(context, 'dealId'), { signal: context.signal }),
  createDeal: async (adapter, context) => {
    const body = await readJsonObject(context.request);
    const brokerId = optionalString(body, 'brokerId');
    const clients = requireObjectList(body, 'clients').map((client, index): NewDealClient => {
      try {
        return {
          firstName: requireString(client, 'firstName'),
          lastName: requireString(client, 'lastName'),
          phone: requireString(client, 'phone'),
          email: requireString(client, 'email'),
        };
      } catch (error) {
        throw prefixed(error, `clients[${index}]`);
      }
    });
    return adapter.createDeal(
      {
        organisationId: param(context, 'organisationId'),
        brokerId: brokerId ?? null,
        labels: requireStringArray(body, 'labels'),
        summary: requireString(body, 'summary'),
        clients,
      },
      { signal: context.signal, idempotencyKey: context.idempotencyKey },
    );
  },
  moveDeal: async (adapter, context) => {
    const body = await readJsonObject(context.request);
    return adapter.moveDeal(
      param(context, 'dealId'),
      requireString(body, 'stageId'),
      requireVersion(body, 'expectedVersion'),
      { signal: context.signal },
    );
  },
  listNotes: (adapter, context) => adapter.listNotes(param(context, 'dealId'), { signal: context.signal }),
  addNote: async (adapter, context) => {
    const body = await readJsonObject(context.request);
    return adapter.addNote(param(context, 'dealId'), requireString(body, 'body'), {
      signal: context.signal,
      idempotencyKey: context.idempotencyKey,
    });
  },
  listDocuments: (adapter, context) => adapter.listDocuments(param(context, 'dealId'), { signal: context.signal }),
  uploadDocument: async (adapter, context) => {
    const file = requireFile(await readForm(context.request));
    return adapter.uploadDocument(param(context, 'dealId'), file, {
      signal: context.signal,
      idempotencyKey: context.idempotencyKey,
    });
  },
  listBrokers: (adapter, context) => adapter.listBrokers(param(context, 'organisationId'), { signal: context.signal }),

  getPortalSettings: (adapter, context) =>
    adapter.getPortalSettings(param(context, 'organisationId'), { signal: context.signal }),
  updatePortalSettings: async (adapter, context) => {
    const body = await readJsonObject(context.request);
    const defaultWorkflowId = optionalString(body, 'defaultWorkflowId');
    const settings: PortalSettingsInput = {
      defaultWorkflowId: defaultWorkflowId ?? null,
      partnerAddedEmail: requireBoolean(body, 'partnerAddedEmail'),
      dealShared: readChannel(body, 'dealShared'),
      notifications: readChannels(body, 'notifications', ['stageChanged', 'fileShared', 'noteAdded'] as const),
    };
    return adapter.updatePortalSettings(
      param(context, 'organisationId'),
      settings,
      requireVersion(body, 'expectedVersion'),
      { signal: context.signal },
    );
  },
  getPartnerSettings: (adapter, { signal }) => adapter.getPartnerSettings({ signal }),
  updatePartnerSettings: async (adapter, { request, signal }) => {
    const body = await readJsonObject(request);
    const settings: PartnerSettingsInput = {
      name: requireString(body, 'name'),
      country: requireString(body, 'country'),
      phone: requireString(body, 'phone'),
      updates: readChannels(body, 'updates', ['dealProgress', 'newNotes', 'newFiles'] as const),
    };
    return adapter.updatePartnerSettings(settings, requireVersion(body, 'expectedVersion'), { signal });
  },
  listPartnerAccounts: (adapter, context) =>
    adapter.listPartnerAccounts(param(context, 'organisationId'), { signal: context.signal }),
  createPartnerAccount: async (adapter, context) => {
    const body = await readJsonObject(context.request);
    return adapter.createPartnerAccount(
      {
        organisationId: param(context, 'organisationId'),
        name: requireString(body, 'name'),
        email: requireString(body, 'email'),
        phone: requireString(body, 'phone'),
      },
      { signal: context.signal, idempotencyKey: context.idempotencyKey },
    );
  },
  allocatePartner: async (adapter, context) => {
    const body = await readJsonObject(context.request);
    return adapter.allocatePartner(param(context, 'partnerAccountId'), requireStringArray(body, 'brokerIds'), {
      signal: context.signal,
    });
  },

  listRealtorClientCounts: (adapter, { signal }) => adapter.listRealtorClientCounts({ signal }),
  listCoSharedClients: (adapter, { url, signal }) =>
    adapter.listCoSharedClients(url.searchParams.get('realtorId') || null, { signal }),
};

function servesMethod(adapter: PartnerKitAdapter, method: RestRouteName): boolean {
  const fn = (adapter as unknown as Record<string, unknown>)[method];
  return typeof fn === 'function' && adapter.capabilities?.[method] !== false;
}

function stringParams(params: Record<string, string | readonly string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) {
    if (typeof value === 'string') out[name] = value;
  }
  return out;
}

// ---------------------------------------------------------------------------
// The change feed: a numbered log of what the adapter pushed.

interface ChangeLog {
  read(since: number | null): { changes: AdapterChange[]; cursor: string };
}

function createChangeLog(adapter: PartnerKitAdapter, size: number): ChangeLog {
  const entries: { seq: number; change: AdapterChange }[] = [];
  let lastSeq = 0;
  let subscribed = false;
  // Subscribes on the first poll: a feed nobody reads costs nothing.
  const ensureSubscribed = () => {
    if (subscribed || typeof adapter.subscribe !== 'function') return;
    subscribed = true;
    adapter.subscribe((change) => {
      lastSeq += 1;
      entries.push({ seq: lastSeq, change });
      if (entries.length > size) entries.splice(0, entries.length - size);
    });
  };
  return {
    read(since) {
      ensureSubscribed();
      // No cursor, or one from before a restart: start from now.
      if (since === null || since > lastSeq) return { changes: [], cursor: String(lastSeq) };
      return {
        changes: entries.filter((entry) => entry.seq > since).map((entry) => entry.change),
        cursor: String(lastSeq),
      };
    },
  };
}

/**
 * The handlers for every route of the contract, served by `adapter`.
 * Methods the adapter lacks (or switches off in `capabilities`) answer 501.
 */
export function createRestHandlers(adapter: PartnerKitAdapter, options: RestHandlerOptions): RequestHandler[] {
  const { baseUrl } = options;
  const changeLog = createChangeLog(adapter, Math.max(1, options.changeLogSize ?? 1000));
  const handlers: RequestHandler[] = [];

  for (const name of Object.keys(RESOLVERS) as Exclude<RestRouteName, 'subscribe'>[]) {
    const route = REST_ROUTES[name];
    const resolve = RESOLVERS[name];
    const register = http[route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'];
    handlers.push(
      register(routePattern(baseUrl, route), async ({ request, params }) => {
        try {
          if (!servesMethod(adapter, name)) {
            return errorResponse(501, 'not_implemented', `${name} is not available on this backend.`);
          }
          const idempotencyKey = request.headers.get('Idempotency-Key') ?? '';
          if (route.idempotent && idempotencyKey === '') {
            throw invalid('Idempotency-Key', 'This request needs an Idempotency-Key header');
          }
          const value = await resolve(adapter as unknown as ServedAdapter, {
            request,
            url: new URL(request.url),
            params: stringParams(params),
            signal: request.signal,
            idempotencyKey,
          });
          if (route.response === 'none') return new HttpResponse(null, { status: 204 });
          return HttpResponse.json(value as JsonBodyType);
        } catch (error) {
          return responseForError(name, error);
        }
      }),
    );
  }

  handlers.push(
    http.get(routePattern(baseUrl, REST_ROUTES.subscribe), ({ request }) => {
      const since = new URL(request.url).searchParams.get('since');
      if (since !== null && since !== '' && !/^\d+$/.test(since)) {
        return errorResponse(422, 'validation', 'since: Must be a cursor from a previous response', {
          fieldErrors: { since: 'Invalid cursor' },
        });
      }
      return HttpResponse.json(changeLog.read(since === null || since === '' ? null : Number(since)));
    }),
  );

  return handlers;
}
