/**
 * The HTTP contract of partner-kit as data: one route per adapter method.
 * The REST adapter builds its requests from this table and the MSW handlers
 * (src/mocks/) register theirs from it, so the client and the mock server can
 * never disagree about a method or a path. docs/rest-api.md documents it.
 *
 * Path templates use `:name` placeholders (the syntax MSW matches on).
 */
import { PartnerKitError } from '../errors.js';
import type { AdapterMethod } from '../types.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RestRoute {
  readonly method: HttpMethod;
  readonly path: string;
  /** The request body: none, JSON, or multipart/form-data. */
  readonly body: 'none' | 'json' | 'multipart';
  /** Sends an `Idempotency-Key` header: the same key twice creates once. */
  readonly idempotent: boolean;
  /** A POST that only reads, so repeating it is as harmless as a GET. */
  readonly readOnly: boolean;
  /** The success response: a JSON document, or nothing (204). */
  readonly response: 'json' | 'none';
}

interface RouteOptions {
  body?: RestRoute['body'];
  idempotent?: boolean;
  readOnly?: boolean;
  response?: RestRoute['response'];
}

function route(method: HttpMethod, path: string, options: RouteOptions = {}): RestRoute {
  return Object.freeze({
    method,
    path,
    body: options.body ?? (method === 'GET' || method === 'DELETE' ? 'none' : 'json'),
    idempotent: options.idempotent ?? false,
    readOnly: options.readOnly ?? method === 'GET',
    response: options.response ?? 'json',
  });
}

const create = (path: string, options: RouteOptions = {}) => route('POST', path, { ...options, idempotent: true });

/** Every adapter method and its route; `subscribe` polls the change feed. */
export const REST_ROUTES = Object.freeze({
  getSession: route('GET', '/session'),

  listPartners: route('GET', '/partners'),
  getPartner: route('GET', '/partners/:partnerId'),
  updatePartnerProfile: route('PATCH', '/partners/:partnerId/profile'),
  deletePartner: route('DELETE', '/partners/:partnerId', { response: 'none' }),
  getInvitationLink: route('GET', '/partners/:partnerId/invitation-link'),
  resendInvitation: create('/partners/:partnerId/resend', { body: 'none' }),

  searchContacts: route('GET', '/contacts'),
  lookupRecipients: route('POST', '/recipients/lookup', { readOnly: true }),

  previewInvitation: route('POST', '/invitations/preview', { readOnly: true }),
  createInvitations: create('/invitations'),
  createPrefilledAccount: create('/accounts'),
  linkExistingUser: create('/links'),
  uploadImage: create('/uploads/images', { body: 'multipart' }),

  getRegistration: route('GET', '/registrations/:token'),
  sendVerificationEmail: create('/registrations/:token/verification-email'),
  verifyEmail: route('POST', '/registrations/:token/verify'),
  completeRegistration: create('/registrations/:token/complete'),

  listOrganisations: route('GET', '/organisations'),
  listWorkflows: route('GET', '/organisations/:organisationId/workflows'),
  listDeals: route('GET', '/organisations/:organisationId/deals'),
  getDeal: route('GET', '/deals/:dealId'),
  createDeal: create('/organisations/:organisationId/deals'),
  moveDeal: route('POST', '/deals/:dealId/move'),
  listNotes: route('GET', '/deals/:dealId/notes'),
  addNote: create('/deals/:dealId/notes'),
  listDocuments: route('GET', '/deals/:dealId/documents'),
  uploadDocument: create('/deals/:dealId/documents', { body: 'multipart' }),
  listBrokers: route('GET', '/organisations/:organisationId/brokers'),

  getPortalSettings: route('GET', '/organisations/:organisationId/portal-settings'),
  updatePortalSettings: route('PUT', '/organisations/:organisationId/portal-settings'),
  getPartnerSettings: route('GET', '/me/settings'),
  updatePartnerSettings: route('PUT', '/me/settings'),
  listPartnerAccounts: route('GET', '/organisations/:organisationId/partner-accounts'),
  createPartnerAccount: create('/organisations/:organisationId/partner-accounts'),
  allocatePartner: route('PUT', '/partner-accounts/:partnerAccountId/brokers'),

  listRealtorClientCounts: route('GET', '/shared-clients/realtors'),
  listCoSharedClients: route('GET', '/shared-clients'),

  subscribe: route('GET', '/changes'),
} satisfies Record<AdapterMethod, RestRoute>);

export type RestRouteName = keyof typeof REST_ROUTES;

const PLACEHOLDER = /:([A-Za-z][A-Za-z0-9]*)/g;

/** The placeholder names of a path template, in order (`/deals/:dealId/notes` → `['dealId']`). */
export function pathParams(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '');
}

/**
 * Encodes one path segment. `encodeURIComponent` leaves `.` alone, and URL
 * parsers resolve a `.` or `..` segment as a directory step, so such an id
 * would silently address another resource: it is refused, as is an empty id
 * (which would address the collection).
 */
export function encodePathSegment(value: string, name: string): string {
  if (value === '' || value === '.' || value === '..') {
    throw new PartnerKitError('validation', `${name} must be a non-empty id other than "." or "..".`, {
      fieldErrors: { [name]: 'Invalid id' },
    });
  }
  return encodeURIComponent(value);
}

/**
 * Fills a path template with encoded values. Throws a `validation`
 * PartnerKitError for a missing or unusable value, never builds a path that
 * leaves its template.
 */
export function buildPath(template: string, params: Readonly<Record<string, string>> = {}): string {
  return template.replace(PLACEHOLDER, (_match, name: string) => {
    const value = params[name];
    if (typeof value !== 'string') {
      throw new PartnerKitError('validation', `${name} is required to build ${template}.`, {
        fieldErrors: { [name]: 'Required' },
      });
    }
    return encodePathSegment(value, name);
  });
}

/**
 * Joins a base URL (absolute, or relative to the page) and a built path,
 * keeping the base's own path prefix: `https://x.test/api/v1` + `/session`
 * → `https://x.test/api/v1/session`.
 */
export function joinUrl(baseUrl: string, path: string): URL {
  const pageUrl = (globalThis as { location?: { href?: string } }).location?.href;
  const base = pageUrl === undefined ? new URL(baseUrl) : new URL(baseUrl, pageUrl);
  const url = new URL(base.href);
  url.pathname = `${base.pathname.replace(/\/+$/, '')}${path}`;
  url.search = '';
  url.hash = '';
  return url;
}
