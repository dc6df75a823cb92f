/**
 * The in-memory backend: the whole contract, synchronously, over seeded data.
 * `createMemoryAdapter` wraps it with latency, failures and abort signals;
 * tests and the demo may also drive it directly (clock, session, live moves).
 *
 * Every value handed out is a copy, so no caller can change the store by
 * mutating a result, and every mutation is announced to subscribers.
 */
import { computeCompletion, PROGRESS_FIELDS } from '../../domain/completion.js';
import { findCoSharedClients } from '../../domain/co-shared.js';
import { isValidEmail } from '../../domain/emails.js';
import { isRole } from '../../domain/permissions.js';
import { IMAGE_TYPES, isImageType, MAX_IMAGE_BYTES } from '../../domain/images.js';
import { isPlausiblePhone, isPlausibleZip, PROFILE_MAX_LENGTH } from '../../domain/profile-fields.js';
import { safeUrl } from '../../domain/safe-url.js';
import { INVITE_STATUSES, isInviteStatus, isPendingInvitation, type InviteStatus } from '../../domain/status.js';
import { PartnerKitError } from '../errors.js';
import { LIMITS } from '../schemas.js';
import type {
  AdapterChange,
  Broker,
  ChannelSwitch,
  ClientActivity,
  CoSharedClient,
  Contact,
  Deal,
  DealDocument,
  DealPage,
  DealQuery,
  ImageKind,
  InvitationBatch,
  InvitationLink,
  InvitationPreview,
  InvitationRecipient,
  InvitationResult,
  LinkUserInput,
  NewDealInput,
  NewPartnerAccount,
  Note,
  Organisation,
  Partner,
  PartnerAccount,
  PartnerDetail,
  PartnerPage,
  PartnerProfileData,
  PartnerQuery,
  PartnerSettings,
  PartnerSettingsInput,
  PartnerSortField,
  PersonRef,
  PortalSettings,
  PortalSettingsInput,
  PrefilledAccountInput,
  RealtorClientCount,
  RecipientLookup,
  Registration,
  Session,
  StatusChange,
  UploadedImage,
  VerificationResult,
  VerificationSent,
  Workflow,
} from '../types.js';
import { PARTNER_SORT_FIELDS } from '../types.js';
import {
  APP_BASE_URL,
  FILES_BASE_URL,
  MEDIA_BASE_URL,
  PERSONAS,
  buildStatusHistory,
  generateSeedData,
  isAcceptedStatus,
  isLegacyStatus,
  makeInvitationToken,
  mulberry32,
  nextInvitationStatus,
  statusPath,
  type BrokerRecord,
  type ExistingUser,
  type PartnerOwnSettings,
  type PartnerRecord,
  type Random,
  type SeedData,
  type SharedClientsData,
} from './seed-data.js';

/** The verification link in the second registration email lives this long (seed 001). */
export const VERIFICATION_TTL_MS = 30 * 60_000;
// The upload and contact rules are the domain's (what the kit's forms check too); exported here as before.
export { IMAGE_TYPES, isPlausiblePhone, isPlausibleZip, MAX_IMAGE_BYTES };
export const MAX_DOCUMENT_BYTES = 25 * 1024 * 1024;
export const DEFAULT_PARTNER_PAGE_SIZE = 50;
export const MAX_PARTNER_PAGE_SIZE = 1000;
export const DEFAULT_DEAL_PAGE_SIZE = 100;
export const MAX_DEAL_PAGE_SIZE = 500;
/** The change log keeps the most recent changes only. */
export const CHANGE_LOG_SIZE = 1000;

export type StoreListener = (change: AdapterChange) => void;

/** What the store needs of an uploaded file (a `Blob` or `File` qualifies). */
export interface FileLike {
  readonly type: string;
  readonly size: number;
  readonly name?: string;
}

export interface MemoryStoreOptions {
  seed?: number;
  /** "Now" of the generated data (default 2026-11-01T12:00:00Z). */
  referenceDate?: Date;
  /** Use this data instead of generating it (it is copied). */
  data?: SeedData;
  /** The clock of every mutation and expiry (default: the real clock). */
  now?: () => Date;
  session?: Partial<Session>;
}

// ---------------------------------------------------------------------------
// Errors

function notFound(what: string, id: string): PartnerKitError {
  return new PartnerKitError('not_found', `${what} "${id}" was not found.`);
}

function invalid(fieldErrors: Record<string, string>): PartnerKitError {
  const fields = Object.keys(fieldErrors);
  const first = fields[0];
  const message =
    fields.length === 1 && first !== undefined ? `${first}: ${fieldErrors[first]}` : `Invalid fields: ${fields.join(', ')}`;
  return new PartnerKitError('validation', message, { fieldErrors });
}

function conflict(message: string): PartnerKitError {
  return new PartnerKitError('conflict', message);
}

// ---------------------------------------------------------------------------
// Input checks (the same rules a real backend would apply)

type ProfileKey = keyof PartnerProfileData;

/** The profile form's limits (the contract's), and the account email's. */
const PROFILE_LIMITS: Readonly<Record<ProfileKey, number>> = { ...PROFILE_MAX_LENGTH, email: LIMITS.email };
const PROFILE_KEYS = Object.keys(PROFILE_LIMITS) as ProfileKey[];

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/**
 * Checks and normalises a profile: strings trimmed, blanks become null, only
 * known keys kept (absent keys stay absent). Field errors are keyed
 * `${prefix}${key}`.
 */
function cleanProfile(input: unknown, prefix = ''): Partial<PartnerProfileData> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw invalid({ [prefix.replace(/\.$/, '') || 'profile']: 'A profile must be an object.' });
  }
  const source = input as Record<string, unknown>;
  const errors: Record<string, string> = {};
  const result: Partial<PartnerProfileData> = {};
  for (const key of PROFILE_KEYS) {
    if (!Object.hasOwn(source, key)) continue;
    const raw = source[key];
    if (raw === undefined) continue;
    if (raw === null) {
      result[key] = null;
      continue;
    }
    const field = `${prefix}${key}`;
    if (typeof raw !== 'string') {
      errors[field] = 'Must be text.';
      continue;
    }
    const value = raw.trim();
    if (value === '') {
      result[key] = null;
      continue;
    }
    if (value.length > PROFILE_LIMITS[key]) {
      errors[field] = `Must be at most ${PROFILE_LIMITS[key]} characters.`;
      continue;
    }
    if (key === 'email' && !isValidEmail(value)) errors[field] = 'Enter a valid email address.';
    else if ((key === 'officePhone' || key === 'mobilePhone') && !isPlausiblePhone(value)) errors[field] = 'Enter a valid phone number.';
    else if (key === 'zip' && !isPlausibleZip(value)) errors[field] = 'Enter a valid ZIP code.';
    else if (key === 'timeZone' && !isTimeZone(value)) errors[field] = 'Choose a time zone from the list.';
    else if (key === 'photoUrl' || key === 'logoUrl') {
      const url = safeUrl(value, { base: null });
      if (url === null) errors[field] = 'Must be an http(s) URL.';
      else result[key] = url;
      continue;
    }
    if (errors[field] === undefined) result[key] = value;
  }
  if (Object.keys(errors).length > 0) throw invalid(errors);
  return result;
}

function requiredText(value: unknown, max: number): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' || trimmed.length > max ? null : trimmed;
}

function textError(value: unknown, max: number, what: string): string {
  return typeof value === 'string' && value.trim().length > max ? `Must be at most ${max} characters.` : `${what} is required.`;
}

/** Lower-cased, trimmed address, or null when it is not a valid email. */
function normaliseEmailInput(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const email = value.trim().toLowerCase();
  return isValidEmail(email) ? email : null;
}

const PLAIN_ASCII = /^[\x20-\x7e]*$/;

/** Lower case, accents dropped ("José" finds "Jose"), whitespace collapsed. */
function searchKey(value: string): string {
  // Most names are plain ASCII: skip the (slow) Unicode decomposition for them.
  const folded = PLAIN_ASCII.test(value) ? value : value.normalize('NFKD').replace(/\p{M}/gu, '');
  return folded.toLowerCase().replace(/\s+/g, ' ').trim();
}

function displayName(person: { firstName: string; lastName: string }): string {
  return `${person.firstName} ${person.lastName}`.trim();
}

/** "Maria Lopez" and "Lopez, Maria" → first and last name. */
function splitName(name: string | null | undefined): { firstName: string; lastName: string } {
  const clean = (name ?? '').replace(/\s+/g, ' ').trim().slice(0, LIMITS.name);
  if (clean === '') return { firstName: '', lastName: '' };
  const comma = clean.indexOf(',');
  if (comma > 0) return { firstName: clean.slice(comma + 1).trim(), lastName: clean.slice(0, comma).trim() };
  const space = clean.lastIndexOf(' ');
  return space < 0 ? { firstName: clean, lastName: '' } : { firstName: clean.slice(0, space), lastName: clean.slice(space + 1) };
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function encodeCursor(offset: number): string {
  return btoa(`offset:${offset}`);
}

function decodeCursor(cursor: string | null | undefined): number {
  if (cursor === undefined || cursor === null || cursor === '') return 0;
  let decoded = '';
  try {
    decoded = atob(cursor);
  } catch {
    decoded = '';
  }
  const match = /^offset:(\d{1,9})$/.exec(decoded);
  if (match === null) throw invalid({ cursor: 'This page cursor is not valid; start from the first page.' });
  return Number(match[1]);
}

function pageSize(limit: number | undefined, fallback: number, max: number): number {
  if (limit === undefined || limit === null) return fallback;
  if (typeof limit !== 'number' || !Number.isFinite(limit) || limit < 1) throw invalid({ limit: 'Must be a positive number.' });
  return Math.min(max, Math.floor(limit));
}

const clone = <T>(value: T): T => structuredClone(value);

// ---------------------------------------------------------------------------
// Internal records

interface PartnerEntry {
  partner: Partner;
  media: PartnerRecord['media'];
  leads: PartnerRecord['leads'];
  /** null: derived from the partner's status and dates when asked for. */
  statusHistory: StatusChange[] | null;
  token: string | null;
  invitedBy: PersonRef;
  nameKey: string;
  emailKey: string;
  searchText: string;
  invitedMs: number;
  updatedMs: number;
  /** Completion percent with PROGRESS_FIELDS; computed when first needed. */
  completion: number | null;
}

/** A partner with whatever detail is known; missing detail is derived or made on demand. */
interface PartnerSource {
  partner: Partner;
  media?: PartnerRecord['media'];
  leads?: PartnerRecord['leads'];
  statusHistory?: StatusChange[] | null;
  invitationToken?: string | null;
}

interface RegistrationState {
  partnerId: string;
  email: string | null;
  code: string | null;
  sentMs: number | null;
  expiresMs: number | null;
  verified: boolean;
}

interface PartnerView {
  ids: string[];
  counts: Record<InviteStatus, number>;
}

const STATUS_ORDER: ReadonlyMap<InviteStatus, number> = new Map(INVITE_STATUSES.map((status, index) => [status, index]));

function zeroCounts(): Record<InviteStatus, number> {
  return Object.fromEntries(INVITE_STATUSES.map((status) => [status, 0])) as Record<InviteStatus, number>;
}

// ---------------------------------------------------------------------------

export class MemoryStore {
  #now: () => Date;
  #random: Random;
  #sequence = 0;
  #session: Session;

  readonly #listeners = new Set<StoreListener>();
  readonly #changes: AdapterChange[] = [];
  readonly #idempotency = new Map<string, unknown>();

  readonly #partners = new Map<string, PartnerEntry>();
  readonly #partnerByEmail = new Map<string, string>();
  readonly #partnerByToken = new Map<string, string>();
  readonly #registrations = new Map<string, RegistrationState>();
  #partnerRevision = 0;
  #viewCache: { key: string; revision: number; view: PartnerView } | null = null;

  readonly #existingUsers = new Map<string, ExistingUser>();
  readonly #contacts: Contact[];
  readonly #contactsById = new Map<string, Contact>();

  readonly #organisations = new Map<string, Organisation>();
  readonly #workflows = new Map<string, Workflow>();
  readonly #brokers: BrokerRecord[];
  readonly #deals = new Map<string, Deal>();
  readonly #notes = new Map<string, Note[]>();
  readonly #documents = new Map<string, DealDocument[]>();
  readonly #portalSettings = new Map<string, PortalSettings>();
  readonly #partnerSettings = new Map<string, PartnerOwnSettings>();
  readonly #partnerAccounts = new Map<string, PartnerAccount>();
  readonly #shared: SharedClientsData;

  /** The data the store started from (a copy). */
  readonly seedData: SeedData;

  constructor(options: MemoryStoreOptions = {}) {
    const data = options.data
      ? clone(options.data)
      : generateSeedData({
          ...(options.seed === undefined ? {} : { seed: options.seed }),
          ...(options.referenceDate === undefined ? {} : { referenceDate: options.referenceDate }),
        });
    this.seedData = clone(data);
    this.#now = options.now ?? (() => new Date());
    this.#random = mulberry32((data.seed ^ 0x51ed5eed) >>> 0);
    this.#session = clone(data.session);

    for (const record of data.partners) this.#indexPartner(this.#entryFromRecord(record, PERSONAS.lender));
    for (const user of data.existingUsers) this.#existingUsers.set(user.email.toLowerCase(), user);
    this.#contacts = data.contacts;
    for (const contact of data.contacts) this.#contactsById.set(contact.id, contact);
    for (const organisation of data.organisations) this.#organisations.set(organisation.id, organisation);
    for (const workflow of data.workflows) this.#workflows.set(workflow.id, workflow);
    this.#brokers = data.brokers;
    for (const deal of data.deals) this.#deals.set(deal.id, deal);
    for (const note of data.notes) this.#listFor(this.#notes, note.dealId).push(note);
    for (const document of data.documents) this.#listFor(this.#documents, document.dealId).push(document);
    for (const settings of data.portalSettings) this.#portalSettings.set(settings.organisationId, settings);
    for (const settings of data.partnerSettings) this.#partnerSettings.set(settings.viewerId, settings);
    for (const account of data.partnerAccounts) this.#partnerAccounts.set(account.id, account);
    this.#shared = data.sharedClients;

    if (options.session) this.setSession(options.session);
  }

  // -------------------------------------------------------------------------
  // Clock, session, change feed

  /** The store's "now". */
  now(): Date {
    return this.#now();
  }

  /** Replaces the clock (tests move time forward to expire a verification link). */
  setClock(now: () => Date): void {
    this.#now = now;
  }

  #nowIso(): string {
    return this.#now().toISOString();
  }

  getSession(): Session {
    return clone(this.#session);
  }

  /**
   * Changes who is looking. A new role without a viewer switches to that
   * role's persona; a new organisation without switches takes the
   * organisation's; switches given are the organisation's switches from now on.
   */
  setSession(partial: Partial<Session>): Session {
    const next: Session = { ...this.#session, ...clone(partial) };
    if (partial.role !== undefined) {
      if (!isRole(partial.role)) throw invalid({ role: `Unknown role "${String(partial.role)}".` });
      if (partial.viewer === undefined) next.viewer = { ...PERSONAS[partial.role] };
    }
    const organisation = this.#organisations.get(next.organisation.id);
    if (partial.organisation !== undefined && partial.switches === undefined && organisation) {
      next.switches = { ...organisation.switches };
    }
    if (partial.switches !== undefined) {
      next.switches = { ...this.#session.switches, ...partial.switches };
      if (organisation) organisation.switches = { ...next.switches };
    }
    this.#session = next;
    return clone(next);
  }

  /** Calls `listener` with every change from now on; returns the unsubscribe function. */
  subscribe(listener: StoreListener): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /** The most recent changes, oldest first. */
  get changeLog(): AdapterChange[] {
    return clone(this.#changes);
  }

  #emit(change: AdapterChange): void {
    this.#changes.push(clone(change));
    if (this.#changes.length > CHANGE_LOG_SIZE) this.#changes.splice(0, this.#changes.length - CHANGE_LOG_SIZE);
    for (const listener of [...this.#listeners]) {
      try {
        listener(clone(change));
      } catch (error) {
        // One faulty listener must not keep the change from the others.
        reportListenerError(error);
      }
    }
  }

  /** The same key twice (for the same operation) creates once and returns the first result. */
  #idempotent<T>(operation: string, key: string, create: () => T): T {
    if (typeof key !== 'string' || key.trim() === '' || key.length > 255) {
      throw invalid({ idempotencyKey: 'An idempotency key (1–255 characters) is required.' });
    }
    const slot = `${operation}\u0000${key}`;
    if (this.#idempotency.has(slot)) return clone(this.#idempotency.get(slot) as T);
    const result = create();
    this.#idempotency.set(slot, clone(result));
    return clone(result);
  }

  #newId(prefix: string, taken: (id: string) => boolean): string {
    let id: string;
    do {
      id = `${prefix}-n${(++this.#sequence).toString(36)}`;
    } while (taken(id));
    return id;
  }

  #viewerRef(): PersonRef {
    return { id: this.#session.viewer.id, name: this.#session.viewer.name };
  }

  #listFor<T>(map: Map<string, T[]>, key: string): T[] {
    let list = map.get(key);
    if (list === undefined) {
      list = [];
      map.set(key, list);
    }
    return list;
  }

  // -------------------------------------------------------------------------
  // Partners: indexing

  #entryFromRecord(record: PartnerSource, invitedBy: PersonRef): PartnerEntry {
    const entry: PartnerEntry = {
      partner: record.partner,
      media: record.media ?? [],
      leads: record.leads ?? [],
      statusHistory: record.statusHistory ?? null,
      token: record.invitationToken ?? null,
      invitedBy: { ...invitedBy },
      nameKey: '',
      emailKey: '',
      searchText: '',
      invitedMs: 0,
      updatedMs: 0,
      completion: null,
    };
    this.#refreshKeys(entry);
    return entry;
  }

  #refreshKeys(entry: PartnerEntry): void {
    const { partner } = entry;
    const name = searchKey(displayName(partner));
    entry.emailKey = partner.email.toLowerCase();
    // A partner known only by address sorts by that address.
    entry.nameKey = name === '' ? entry.emailKey : name;
    entry.searchText = `${name}\n${searchKey(`${partner.lastName} ${partner.firstName}`)}\n${entry.emailKey}`;
    entry.invitedMs = Date.parse(partner.invitedAt);
    entry.updatedMs = Date.parse(partner.updatedAt);
    entry.completion = null;
  }

  #indexPartner(entry: PartnerEntry): void {
    this.#partners.set(entry.partner.id, entry);
    this.#partnerByEmail.set(entry.emailKey, entry.partner.id);
    if (entry.token !== null) this.#partnerByToken.set(entry.token, entry.partner.id);
    this.#partnerRevision++;
  }

  #partnerEntry(partnerId: string): PartnerEntry {
    const entry = typeof partnerId === 'string' ? this.#partners.get(partnerId) : undefined;
    if (entry === undefined) throw notFound('Partner', String(partnerId));
    return entry;
  }

  #touchPartner(entry: PartnerEntry): Partner {
    this.#refreshKeys(entry);
    this.#partnerRevision++;
    this.#emit({ type: 'partner-updated', partner: entry.partner });
    return clone(entry.partner);
  }

  #setStatus(entry: PartnerEntry, status: InviteStatus, atIso: string): void {
    if (entry.partner.status === status) return;
    const history = this.#history(entry);
    history.push({ status, at: atIso });
    entry.statusHistory = history;
    entry.partner.status = status;
    if (isAcceptedStatus(status) && entry.partner.acceptedAt === null) entry.partner.acceptedAt = atIso;
  }

  #history(entry: PartnerEntry): StatusChange[] {
    if (entry.statusHistory !== null) return entry.statusHistory;
    const { partner } = entry;
    const end = Date.parse(partner.acceptedAt ?? partner.updatedAt);
    return buildStatusHistory(statusPath(partner.status), entry.invitedMs, Math.max(entry.invitedMs, end));
  }

  #token(entry: PartnerEntry): string {
    if (entry.token === null) {
      entry.token = makeInvitationToken(this.#random, entry.partner.id);
      this.#partnerByToken.set(entry.token, entry.partner.id);
    }
    return entry.token;
  }

  #completion(entry: PartnerEntry): number {
    entry.completion ??= computeCompletion(entry.partner.profile, PROGRESS_FIELDS).percent;
    return entry.completion;
  }

  /**
   * Replaces every partner with `partners` (e.g. `generatePartners(100_000)`),
   * for performance work. Their status history is derived from their dates.
   */
  loadPartners(partners: readonly Partner[]): void {
    this.#partners.clear();
    this.#partnerByEmail.clear();
    this.#partnerByToken.clear();
    this.#registrations.clear();
    for (const partner of partners) {
      // A partner is flat but for its profile: two spreads copy it, far faster than structuredClone.
      const copy: Partner = { ...partner, profile: { ...partner.profile } };
      this.#indexPartner(this.#entryFromRecord({ partner: copy }, PERSONAS.lender));
    }
    this.#partnerRevision++;
  }

  get partnerCount(): number {
    return this.#partners.size;
  }

  /** The registration token of a partner's invitation (what the emailed link carries). */
  invitationToken(partnerId: string): string {
    return this.#token(this.#partnerEntry(partnerId));
  }

  // -------------------------------------------------------------------------
  // Partners: the contract

  listPartners(query: PartnerQuery = {}): PartnerPage {
    const search = typeof query.search === 'string' ? searchKey(query.search).slice(0, LIMITS.name) : '';
    const statuses = query.statuses ?? [];
    for (const status of statuses) {
      if (!isInviteStatus(status)) throw invalid({ statuses: `Unknown status "${String(status)}".` });
    }
    const sort = query.sort ?? { field: 'name' as const, direction: 'asc' as const };
    if (!(PARTNER_SORT_FIELDS as readonly string[]).includes(sort.field)) {
      throw invalid({ sort: `Cannot sort by "${String(sort.field)}".` });
    }
    if (sort.direction !== 'asc' && sort.direction !== 'desc') throw invalid({ sort: 'Direction must be asc or desc.' });
    const limit = pageSize(query.limit, DEFAULT_PARTNER_PAGE_SIZE, MAX_PARTNER_PAGE_SIZE);
    const offset = decodeCursor(query.cursor);

    const view = this.#partnerView(search, new Set(statuses), sort.field, sort.direction);
    const end = offset + limit;
    const items = view.ids.slice(offset, end).map((id) => clone((this.#partners.get(id) as PartnerEntry).partner));
    return {
      items,
      total: view.ids.length,
      nextCursor: end < view.ids.length ? encodeCursor(end) : null,
      counts: { ...view.counts },
    };
  }

  #partnerView(search: string, statuses: ReadonlySet<InviteStatus>, field: PartnerSortField, direction: 'asc' | 'desc'): PartnerView {
    const key = JSON.stringify([search, [...statuses].sort(), field, direction]);
    const cached = this.#viewCache;
    if (cached && cached.key === key && cached.revision === this.#partnerRevision) return cached.view;

    const counts = zeroCounts();
    const matching: PartnerEntry[] = [];
    for (const entry of this.#partners.values()) {
      if (search !== '' && !entry.searchText.includes(search)) continue;
      counts[entry.partner.status]++;
      if (statuses.size === 0 || statuses.has(entry.partner.status)) matching.push(entry);
    }
    const sign = direction === 'asc' ? 1 : -1;
    const primary = this.#comparator(field);
    matching.sort((a, b) => {
      const order = primary(a, b);
      if (order !== 0) return order * sign;
      // Ties always by id ascending, so pages are stable in both directions.
      return a.partner.id < b.partner.id ? -1 : a.partner.id > b.partner.id ? 1 : 0;
    });
    const view = { ids: matching.map((entry) => entry.partner.id), counts };
    this.#viewCache = { key, revision: this.#partnerRevision, view };
    return view;
  }

  #comparator(field: PartnerSortField): (a: PartnerEntry, b: PartnerEntry) => number {
    const compareStrings = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
    switch (field) {
      case 'name':
        return (a, b) => compareStrings(a.nameKey, b.nameKey);
      case 'email':
        return (a, b) => compareStrings(a.emailKey, b.emailKey);
      case 'status':
        return (a, b) => (STATUS_ORDER.get(a.partner.status) ?? 0) - (STATUS_ORDER.get(b.partner.status) ?? 0);
      case 'completion':
        return (a, b) => this.#completion(a) - this.#completion(b);
      case 'invitedAt':
        return (a, b) => a.invitedMs - b.invitedMs;
      case 'updatedAt':
        return (a, b) => a.updatedMs - b.updatedMs;
    }
  }

  getPartner(partnerId: string): PartnerDetail {
    const entry = this.#partnerEntry(partnerId);
    return clone({
      partner: entry.partner,
      media: entry.media,
      leads: entry.leads,
      statusHistory: this.#history(entry),
    });
  }

  /**
   * Merges the given profile keys into the partner's profile. Field errors
   * are keyed by profile key. Forbidden when the partner does not allow updates.
   */
  updatePartnerProfile(partnerId: string, profile: PartnerProfileData): Partner {
    const entry = this.#partnerEntry(partnerId);
    if (!entry.partner.allowsProfileUpdates) {
      throw new PartnerKitError('forbidden', 'This partner does not allow profile updates.');
    }
    const changes = cleanProfile(profile);
    this.#applyProfile(entry.partner, changes);
    entry.partner.updatedAt = this.#nowIso();
    return this.#touchPartner(entry);
  }

  #applyProfile(partner: Partner, changes: Partial<PartnerProfileData>): void {
    partner.profile = { ...partner.profile, ...changes };
    if (changes.firstName) partner.firstName = changes.firstName;
    if (changes.lastName) partner.lastName = changes.lastName;
  }

  /** Removes the connection; the address may be invited again afterwards. */
  deletePartner(partnerId: string): void {
    const entry = this.#partnerEntry(partnerId);
    this.#partners.delete(partnerId);
    if (this.#partnerByEmail.get(entry.emailKey) === partnerId) this.#partnerByEmail.delete(entry.emailKey);
    if (entry.token !== null) {
      this.#partnerByToken.delete(entry.token);
      this.#registrations.delete(entry.token);
    }
    this.#partnerRevision++;
    this.#emit({ type: 'partner-removed', partnerId });
  }

  /** Only while the invitation is pending; otherwise `conflict`. */
  getInvitationLink(partnerId: string): InvitationLink {
    const entry = this.#partnerEntry(partnerId);
    if (!isPendingInvitation(entry.partner.status)) {
      throw conflict('This partner already accepted the invitation; there is no pending link.');
    }
    return { url: `${APP_BASE_URL}/register/${encodeURIComponent(this.#token(entry))}`, expiresAt: null };
  }

  /**
   * Sends the invitation email again: a pending invitation goes back to its
   * first email status ("not delivered" until the mail system reports
   * delivery; "email sent" for a created profile). An accepted one keeps its status.
   */
  resendInvitation(partnerId: string, idempotencyKey: string): Partner {
    return this.#idempotent('resendInvitation', idempotencyKey, () => {
      const entry = this.#partnerEntry(partnerId);
      const now = this.#nowIso();
      const { status } = entry.partner;
      if (!isAcceptedStatus(status)) {
        this.#setStatus(entry, isLegacyStatus(status) ? 'pending-not-delivered' : 'profile-created-sent', now);
      }
      entry.partner.updatedAt = now;
      return this.#touchPartner(entry);
    });
  }

  // -------------------------------------------------------------------------
  // Contacts and recipients

  /** Contacts whose name or email contains every word of `query`; blank → the first ones. */
  searchContacts(query: string, limit = 20): Contact[] {
    const max = pageSize(limit, 20, 200);
    const words = searchKey(typeof query === 'string' ? query : '').split(' ').filter(Boolean);
    const found: Contact[] = [];
    for (const contact of this.#contacts) {
      const text = `${searchKey(displayName(contact))} ${(contact.email ?? '').toLowerCase()}`;
      if (words.every((word) => text.includes(word))) found.push(contact);
      if (found.length >= max) break;
    }
    return clone(found);
  }

  /** new / existing-user (a user elsewhere: link accounts) / connected (already my partner). */
  lookupRecipients(emails: readonly string[]): RecipientLookup[] {
    if (!Array.isArray(emails)) throw invalid({ emails: 'A list of email addresses is required.' });
    if (emails.length > 500) throw invalid({ emails: 'At most 500 addresses at once.' });
    const errors: Record<string, string> = {};
    const normalised = emails.map((email, index) => {
      const clean = normaliseEmailInput(email);
      if (clean === null) errors[`emails.${index}`] = 'Enter a valid email address.';
      return clean ?? '';
    });
    if (Object.keys(errors).length > 0) throw invalid(errors);

    const seen = new Set<string>();
    const results: RecipientLookup[] = [];
    for (const email of normalised) {
      if (seen.has(email)) continue;
      seen.add(email);
      const partnerId = this.#partnerByEmail.get(email);
      const partner = partnerId === undefined ? undefined : this.#partners.get(partnerId)?.partner;
      if (partner) {
        results.push({ email, kind: 'connected', name: displayName(partner) || null, partnerId: partner.id });
        continue;
      }
      const user = this.#existingUsers.get(email);
      if (user) {
        results.push({ email, kind: 'existing-user', name: displayName(user), partnerId: null });
        continue;
      }
      const contact = this.#contactByEmail(email);
      results.push({ email, kind: 'new', name: contact ? displayName(contact) || null : null, partnerId: null });
    }
    return results;
  }

  #contactByEmail(email: string): Contact | undefined {
    return this.#contacts.find((contact) => contact.email?.toLowerCase() === email);
  }

  // -------------------------------------------------------------------------
  // Invitations

  /** The invitation email as the recipients will get it; the HTML is built from escaped text only. */
  previewInvitation(recipients: readonly InvitationRecipient[]): InvitationPreview {
    if (!Array.isArray(recipients) || recipients.length === 0) throw invalid({ recipients: 'Add at least one recipient.' });
    const viewer = this.#session.viewer;
    const organisation = this.#session.organisation.name;
    const only = recipients.length === 1 ? recipients[0] : undefined;
    const firstName = only ? this.#recipientName(only).firstName : '';
    const subject = `${viewer.name} invited you to co-market together`;
    const paragraphs = [
      firstName ? `Hi ${firstName},` : 'Hi there,',
      `${viewer.name} at ${organisation} would like to partner with you on co-branded marketing: listing flyers, ` +
        'single property sites, lead capture apps and shared leads.',
      'Creating your free account only takes a few minutes, and there is no obligation to use the tools. ' +
        'Use the link below to accept the invitation and set up your profile.',
      'Click here to accept my invitation: [your personal invitation link]',
      `${viewer.name}\n${organisation}\n${viewer.email}`,
    ];
    const text = paragraphs.join('\n\n');
    const body = paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`).join('\n');
    const html = `<!doctype html>\n<html><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>\n<body>\n${body}\n</body></html>`;
    return { subject, text, html };
  }

  #recipientName(recipient: InvitationRecipient): { firstName: string; lastName: string } {
    const given = splitName(recipient.name);
    if (given.firstName !== '') return given;
    const contact = recipient.contactId ? this.#contactsById.get(recipient.contactId) : undefined;
    if (contact) return { firstName: contact.firstName, lastName: contact.lastName };
    const email = normaliseEmailInput(recipient.email);
    const user = email === null ? undefined : this.#existingUsers.get(email);
    if (user) return { firstName: user.firstName, lastName: user.lastName };
    const known = email === null ? undefined : this.#contactByEmail(email);
    return known ? { firstName: known.firstName, lastName: known.lastName } : given;
  }

  /** One result per recipient: sent, already connected, or failed (invalid address, unknown contact, yourself). */
  createInvitations(recipients: readonly InvitationRecipient[], idempotencyKey: string): InvitationBatch {
    return this.#idempotent('createInvitations', idempotencyKey, () => {
      if (!Array.isArray(recipients) || recipients.length === 0) throw invalid({ recipients: 'Add at least one recipient.' });
      if (recipients.length > 500) throw invalid({ recipients: 'At most 500 recipients at once.' });
      const results = recipients.map((recipient) => this.#invite(recipient));
      return { results };
    });
  }

  #invite(recipient: InvitationRecipient): InvitationResult {
    const typed = typeof recipient?.email === 'string' ? recipient.email.trim() : '';
    const email = normaliseEmailInput(typed);
    const failed = (code: string, message: string): InvitationResult => ({
      email: email ?? typed,
      outcome: 'failed',
      partnerId: null,
      error: { code, message },
    });
    if (email === null) return failed('validation', 'This is not a valid email address.');
    if (email === this.#session.viewer.email.toLowerCase()) return failed('validation', 'You cannot invite yourself.');
    if (recipient.contactId && !this.#contactsById.has(recipient.contactId)) {
      return failed('not_found', `Contact "${recipient.contactId}" was not found.`);
    }
    const existing = this.#partnerByEmail.get(email);
    if (existing !== undefined) return { email, outcome: 'already-connected', partnerId: existing, error: null };

    const name = this.#recipientName(recipient);
    const partner = this.#createPartner({
      email,
      ...name,
      status: 'pending-not-delivered',
      allowsProfileUpdates: false,
      profile: { email },
    });
    return { email, outcome: 'sent', partnerId: partner.id, error: null };
  }

  #createPartner(input: {
    email: string;
    firstName: string;
    lastName: string;
    status: InviteStatus;
    allowsProfileUpdates: boolean;
    profile: Partial<PartnerProfileData>;
  }): Partner {
    const now = this.#nowIso();
    const id = this.#newId('ptn', (candidate) => this.#partners.has(candidate));
    const profile: PartnerProfileData = { ...emptyProfileData(), ...input.profile };
    profile.email ??= input.email;
    const partner: Partner = {
      id,
      email: input.email,
      firstName: input.firstName,
      lastName: input.lastName,
      status: input.status,
      allowsProfileUpdates: input.allowsProfileUpdates,
      profile,
      invitedAt: now,
      acceptedAt: null,
      updatedAt: now,
    };
    const entry = this.#entryFromRecord({ partner, statusHistory: [{ status: input.status, at: now }] }, this.#viewerRef());
    this.#indexPartner(entry);
    this.#token(entry);
    this.#emit({ type: 'partner-updated', partner });
    return clone(partner);
  }

  /**
   * The pre-fill path: creates the partner's account from the profile the
   * lender typed ("Active - Profile Created", email sent or not). The contact
   * it came from is never changed. Field errors: `email`, `profile.<key>`.
   */
  createPrefilledAccount(input: PrefilledAccountInput, idempotencyKey: string): Partner {
    return this.#idempotent('createPrefilledAccount', idempotencyKey, () => {
      const email = normaliseEmailInput(input?.email);
      let profile: Partial<PartnerProfileData> = {};
      const errors: Record<string, string> = {};
      if (email === null) errors['email'] = 'Enter a valid email address.';
      try {
        profile = cleanProfile(input?.profile ?? {}, 'profile.');
      } catch (error) {
        if (!(error instanceof PartnerKitError)) throw error;
        Object.assign(errors, error.fieldErrors);
      }
      if (Object.keys(errors).length > 0 || email === null) throw invalid(errors);
      if (input.contactId && !this.#contactsById.has(input.contactId)) throw notFound('Contact', input.contactId);
      if (this.#partnerByEmail.has(email)) throw conflict('You are already connected with this partner.');
      const contact = input.contactId ? this.#contactsById.get(input.contactId) : undefined;
      return this.#createPartner({
        email,
        firstName: profile.firstName ?? contact?.firstName ?? '',
        lastName: profile.lastName ?? contact?.lastName ?? '',
        status: input.sendEmail ? 'profile-created-sent' : 'profile-created-not-sent',
        allowsProfileUpdates: true,
        profile,
      });
    });
  }

  /** Links a user who already has an account elsewhere; no profile fields. */
  linkExistingUser(input: LinkUserInput, idempotencyKey: string): Partner {
    return this.#idempotent('linkExistingUser', idempotencyKey, () => {
      const email = normaliseEmailInput(input?.email);
      if (email === null) throw invalid({ email: 'Enter a valid email address.' });
      if (this.#partnerByEmail.has(email)) throw conflict('You are already connected with this partner.');
      const user = this.#existingUsers.get(email);
      if (user === undefined) throw notFound('User with email', email);
      return this.#createPartner({
        email,
        firstName: user.firstName,
        lastName: user.lastName,
        status: input.sendEmail ? 'profile-created-sent' : 'profile-created-not-sent',
        allowsProfileUpdates: user.allowsProfileUpdates,
        profile: clone(user.profile),
      });
    });
  }

  /** PNG, JPEG or WebP up to 5 MB; anything else is a `validation` error on `file`. */
  uploadImage(file: FileLike, kind: ImageKind, idempotencyKey: string): UploadedImage {
    return this.#idempotent('uploadImage', idempotencyKey, () => {
      if (kind !== 'photo' && kind !== 'logo') throw invalid({ kind: 'Must be "photo" or "logo".' });
      if (typeof file !== 'object' || file === null || typeof file.size !== 'number') throw invalid({ file: 'Choose an image.' });
      if (!isImageType(file.type)) throw invalid({ file: 'Choose a PNG, JPEG or WebP image.' });
      if (file.size === 0) throw invalid({ file: 'The image is empty.' });
      if (file.size > MAX_IMAGE_BYTES) throw invalid({ file: 'The image must be 5 MB or smaller.' });
      const extension = file.type === 'image/jpeg' ? 'jpg' : file.type.slice('image/'.length);
      const id = this.#newId('img', () => false);
      return { url: `${MEDIA_BASE_URL}/uploads/${kind}s/${id}.${extension}` };
    });
  }

  // -------------------------------------------------------------------------
  // Registration (the invited partner's side)

  #registration(token: string): { state: RegistrationState; entry: PartnerEntry } {
    const partnerId = typeof token === 'string' ? this.#partnerByToken.get(token) : undefined;
    const entry = partnerId === undefined ? undefined : this.#partners.get(partnerId);
    if (partnerId === undefined || entry === undefined) throw notFound('Invitation', String(token));
    let state = this.#registrations.get(token);
    if (state === undefined) {
      state = { partnerId, email: null, code: null, sentMs: null, expiresMs: null, verified: false };
      this.#registrations.set(token, state);
    }
    return { state, entry };
  }

  #openRegistration(token: string): { state: RegistrationState; entry: PartnerEntry } {
    const found = this.#registration(token);
    if (isAcceptedStatus(found.entry.partner.status)) throw conflict('This invitation has already been accepted.');
    return found;
  }

  /** Opening the registration page is clicking the invitation link: the status says so. */
  getRegistration(token: string): Registration {
    const { state, entry } = this.#openRegistration(token);
    const linkClicked: InviteStatus = isLegacyStatus(entry.partner.status) ? 'pending-link-clicked' : 'profile-created-link-clicked';
    if (entry.partner.status !== linkClicked) {
      const now = this.#nowIso();
      this.#setStatus(entry, linkClicked, now);
      entry.partner.updatedAt = now;
      this.#touchPartner(entry);
    }
    return clone({
      token,
      email: state.email ?? entry.partner.email,
      invitedBy: entry.invitedBy,
      profile: entry.partner.profile,
      emailVerified: state.verified,
    });
  }

  /** Sends the "Create your account" email; its link expires after 30 minutes. */
  sendVerificationEmail(token: string, email: string, idempotencyKey: string): VerificationSent {
    return this.#idempotent('sendVerificationEmail', idempotencyKey, () => {
      const { state } = this.#openRegistration(token);
      const address = normaliseEmailInput(email);
      if (address === null) throw invalid({ email: 'Enter a valid email address.' });
      const sentMs = this.#now().getTime();
      state.email = address;
      state.code = String(Math.floor(this.#random() * 1_000_000)).padStart(6, '0');
      state.sentMs = sentMs;
      state.expiresMs = sentMs + VERIFICATION_TTL_MS;
      state.verified = false;
      return { sentAt: new Date(sentMs).toISOString(), expiresAt: new Date(state.expiresMs).toISOString() };
    });
  }

  /** The code the verification email carries (the demo and tests read the "inbox" here). */
  peekVerificationCode(token: string): string | null {
    return this.#registrations.get(token)?.code ?? null;
  }

  verifyEmail(token: string, code: string): VerificationResult {
    const { state } = this.#openRegistration(token);
    const expiresAt = state.expiresMs === null ? null : new Date(state.expiresMs).toISOString();
    if (state.verified) return { status: 'verified', expiresAt };
    if (state.code === null || state.expiresMs === null) return { status: 'invalid', expiresAt: null };
    if (this.#now().getTime() >= state.expiresMs) return { status: 'expired', expiresAt };
    if (typeof code !== 'string' || code.trim() !== state.code) return { status: 'invalid', expiresAt };
    state.verified = true;
    return { status: 'verified', expiresAt };
  }

  /** The partner's corrected profile; the connection becomes active. Needs a verified email. */
  completeRegistration(token: string, profile: PartnerProfileData, idempotencyKey: string): Partner {
    return this.#idempotent('completeRegistration', idempotencyKey, () => {
      const { state, entry } = this.#openRegistration(token);
      if (!state.verified) throw new PartnerKitError('forbidden', 'Verify your email address first.');
      const changes = cleanProfile(profile);
      this.#applyProfile(entry.partner, changes);
      const now = this.#nowIso();
      this.#setStatus(entry, isLegacyStatus(entry.partner.status) ? 'active' : 'profile-created', now);
      entry.partner.updatedAt = now;
      return this.#touchPartner(entry);
    });
  }

  // -------------------------------------------------------------------------
  // Live progress (the demo's "elsewhere")

  /** Partners whose invitation email can still move on (delivered, opened, clicked). */
  advanceablePartnerIds(): string[] {
    const ids: string[] = [];
    for (const [id, entry] of this.#partners) if (nextInvitationStatus(entry.partner.status) !== null) ids.push(id);
    return ids;
  }

  /** Moves a pending invitation one step (Not Delivered → Delivered → Opened → Link Clicked); null at the end. */
  advanceInvitation(partnerId: string): Partner | null {
    const entry = this.#partnerEntry(partnerId);
    const next = nextInvitationStatus(entry.partner.status);
    if (next === null) return null;
    const now = this.#nowIso();
    this.#setStatus(entry, next, now);
    entry.partner.updatedAt = now;
    return this.#touchPartner(entry);
  }

  /** Open deals, i.e. ones a live update may move. */
  openDealIds(): string[] {
    return [...this.#deals.values()].filter((deal) => !deal.closed).map((deal) => deal.id);
  }

  /** Moves a deal to the next stage of its workflow (as someone else would); null at the last stage. */
  advanceDeal(dealId: string): Deal | null {
    const deal = this.#dealRecord(dealId);
    const stages = this.#workflowRecord(deal.workflowId).stages;
    const next = stages[stages.findIndex((stage) => stage.id === deal.stageId) + 1];
    return next === undefined ? null : this.moveDeal(dealId, next.id, deal.version);
  }

  // -------------------------------------------------------------------------
  // Partner portal

  listOrganisations(): Organisation[] {
    const organisations = clone([...this.#organisations.values()]);
    if (this.#session.role !== 'partner') return organisations;
    // A partner learns whether they can create deals there (seed 003: an unallocated partner cannot).
    return organisations.map((organisation) => ({
      ...organisation,
      viewerAllocated: (this.#viewerAccount(organisation.id)?.brokerIds.length ?? 1) > 0,
    }));
  }

  #organisationRecord(organisationId: string): Organisation {
    const organisation = this.#organisations.get(organisationId);
    if (organisation === undefined) throw notFound('Organisation', String(organisationId));
    return organisation;
  }

  #workflowRecord(workflowId: string): Workflow {
    const workflow = this.#workflows.get(workflowId);
    if (workflow === undefined) throw notFound('Workflow', String(workflowId));
    return workflow;
  }

  #dealRecord(dealId: string): Deal {
    const deal = this.#deals.get(dealId);
    if (deal === undefined) throw notFound('Deal', String(dealId));
    return deal;
  }

  listWorkflows(organisationId: string): Workflow[] {
    this.#organisationRecord(organisationId);
    return clone([...this.#workflows.values()].filter((workflow) => workflow.organisationId === organisationId));
  }

  /** Newest first; closed deals only with `includeClosed`. */
  listDeals(query: DealQuery): DealPage {
    this.#organisationRecord(query?.organisationId);
    const workflow = this.#workflowRecord(query.workflowId);
    if (workflow.organisationId !== query.organisationId) throw notFound('Workflow', query.workflowId);
    const limit = pageSize(query.limit, DEFAULT_DEAL_PAGE_SIZE, MAX_DEAL_PAGE_SIZE);
    const offset = decodeCursor(query.cursor);
    const deals = [...this.#deals.values()]
      .filter((deal) => deal.workflowId === workflow.id && (query.includeClosed === true || !deal.closed))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const end = offset + limit;
    return {
      items: clone(deals.slice(offset, end)),
      total: deals.length,
      nextCursor: end < deals.length ? encodeCursor(end) : null,
    };
  }

  getDeal(dealId: string): Deal {
    return clone(this.#dealRecord(dealId));
  }

  /**
   * Lands in the first stage of the organisation's default workflow. Field
   * errors: `summary`, `clients`, `clients.<i>.<field>`, `brokerId`, `labels.<i>`.
   * A partner may add deals only where the organisation allows it and they
   * are allocated to a broker (seeds 003, 004).
   */
  createDeal(input: NewDealInput, idempotencyKey: string): Deal {
    return this.#idempotent('createDeal', idempotencyKey, () => {
      const organisation = this.#organisationRecord(input?.organisationId);
      if (this.#session.role === 'partner') {
        if (!organisation.switches.partnersAddDeals) {
          throw new PartnerKitError('forbidden', `${organisation.name} does not let partners add deals.`);
        }
        if (this.#viewerAccount(organisation.id)?.brokerIds.length === 0) {
          throw new PartnerKitError('forbidden', 'You are not allocated to a broker yet, so you cannot add deals.');
        }
      }
      const errors: Record<string, string> = {};
      const summary = requiredText(input.summary, LIMITS.text);
      if (summary === null) errors['summary'] = textError(input.summary, LIMITS.text, 'A summary');
      const clients = Array.isArray(input.clients) ? input.clients : [];
      if (clients.length === 0) errors['clients'] = 'Add at least one client.';
      if (clients.length > 50) errors['clients'] = 'At most 50 clients.';
      const cleanClients = clients.map((client, index) => {
        const at = (field: string) => `clients.${index}.${field}`;
        const firstName = requiredText(client?.firstName, LIMITS.name);
        const lastName = requiredText(client?.lastName, LIMITS.name);
        const phone = requiredText(client?.phone, 40);
        const email = normaliseEmailInput(client?.email);
        if (firstName === null) errors[at('firstName')] = textError(client?.firstName, LIMITS.name, 'First name');
        if (lastName === null) errors[at('lastName')] = textError(client?.lastName, LIMITS.name, 'Last name');
        if (phone === null) errors[at('phone')] = textError(client?.phone, 40, 'Phone');
        else if (!isPlausiblePhone(phone)) errors[at('phone')] = 'Enter a valid phone number.';
        if (email === null) {
          errors[at('email')] = typeof client?.email === 'string' && client.email.trim() !== '' ? 'Enter a valid email address.' : 'Email is required.';
        }
        return { firstName: firstName ?? '', lastName: lastName ?? '', phone: phone ?? '', email: email ?? '' };
      });
      let broker: PersonRef | null = null;
      if (input.brokerId !== null && input.brokerId !== undefined) {
        const record = this.#brokers.find((b) => b.id === input.brokerId && b.organisationId === organisation.id);
        if (record === undefined) errors['brokerId'] = 'Choose a broker of this organisation.';
        else broker = { id: record.id, name: record.name };
      }
      const labels: string[] = [];
      (Array.isArray(input.labels) ? input.labels : []).forEach((label, index) => {
        const clean = typeof label === 'string' ? label.trim() : '';
        if (clean === '' || clean.length > LIMITS.label) errors[`labels.${index}`] = `Labels are 1–${LIMITS.label} characters.`;
        else if (!labels.includes(clean)) labels.push(clean);
      });
      if (labels.length > 50) errors['labels'] = 'At most 50 labels.';
      if (Object.keys(errors).length > 0) throw invalid(errors);

      const workflowId = this.#portalSettings.get(organisation.id)?.defaultWorkflowId ?? organisation.defaultWorkflowId;
      if (workflowId === null) throw conflict('This organisation has no default workflow for new deals.');
      const stage = this.#workflowRecord(workflowId).stages[0];
      if (stage === undefined) throw conflict('The default workflow has no stages.');
      const now = this.#nowIso();
      const id = this.#newId('deal', (candidate) => this.#deals.has(candidate));
      const first = cleanClients[0] as (typeof cleanClients)[number];
      const deal: Deal = {
        id,
        organisationId: organisation.id,
        workflowId,
        stageId: stage.id,
        version: 0,
        name: `${first.firstName} ${first.lastName}`,
        clients: cleanClients.map((client, index) => ({ id: `${id}-client-${index + 1}`, ...client })),
        broker,
        partner: this.#dealPartner(organisation.id),
        labels,
        summary: summary ?? '',
        createdAt: now,
        updatedAt: now,
        closed: stage.closed,
      };
      this.#deals.set(id, deal);
      this.#emit({ type: 'deal-updated', deal });
      return clone(deal);
    });
  }

  /** The viewer's partner account in an organisation (matched by email). */
  #viewerAccount(organisationId: string): PartnerAccount | undefined {
    const email = this.#session.viewer.email.toLowerCase();
    return [...this.#partnerAccounts.values()].find(
      (candidate) => candidate.organisationId === organisationId && candidate.email.toLowerCase() === email,
    );
  }

  /** A partner adding a deal is its referral partner; staff adding one leave it empty. */
  #dealPartner(organisationId: string): PersonRef | null {
    if (this.#session.role !== 'partner') return null;
    const account = this.#viewerAccount(organisationId);
    return account ? { id: account.id, name: account.name } : this.#viewerRef();
  }

  /** Fails with `conflict` unless `expectedVersion` is the deal's current version; bumps the version. */
  moveDeal(dealId: string, stageId: string, expectedVersion: number): Deal {
    const deal = this.#dealRecord(dealId);
    const stage = this.#workflowRecord(deal.workflowId).stages.find((candidate) => candidate.id === stageId);
    if (stage === undefined) throw invalid({ stageId: `Stage "${String(stageId)}" is not part of this deal's workflow.` });
    if (expectedVersion !== deal.version) {
      throw conflict(`The deal changed elsewhere (version ${deal.version}, expected ${String(expectedVersion)}).`);
    }
    if (deal.stageId === stage.id) return clone(deal);
    deal.stageId = stage.id;
    deal.closed = stage.closed;
    deal.version++;
    deal.updatedAt = this.#nowIso();
    this.#emit({ type: 'deal-updated', deal });
    return clone(deal);
  }

  /** Oldest first, like a conversation. */
  listNotes(dealId: string): Note[] {
    this.#dealRecord(dealId);
    return clone([...(this.#notes.get(dealId) ?? [])].sort((a, b) => a.createdAt.localeCompare(b.createdAt)));
  }

  addNote(dealId: string, body: string, idempotencyKey: string): Note {
    return this.#idempotent('addNote', idempotencyKey, () => {
      this.#dealRecord(dealId);
      const text = requiredText(body, LIMITS.text);
      if (text === null) throw invalid({ body: textError(body, LIMITS.text, 'A note') });
      const note: Note = {
        id: this.#newId(`${dealId}-note`, () => false),
        dealId,
        author: { ...this.#viewerRef(), role: this.#session.role },
        body: text,
        createdAt: this.#nowIso(),
      };
      this.#listFor(this.#notes, dealId).push(note);
      this.#emit({ type: 'note-added', note });
      return clone(note);
    });
  }

  /** Newest first. */
  listDocuments(dealId: string): DealDocument[] {
    this.#dealRecord(dealId);
    return clone([...(this.#documents.get(dealId) ?? [])].sort((a, b) => b.uploadedAt.localeCompare(a.uploadedAt)));
  }

  uploadDocument(dealId: string, file: FileLike, idempotencyKey: string): DealDocument {
    return this.#idempotent('uploadDocument', idempotencyKey, () => {
      this.#dealRecord(dealId);
      if (typeof file !== 'object' || file === null || typeof file.size !== 'number') throw invalid({ file: 'Choose a file.' });
      if (file.size === 0) throw invalid({ file: 'The file is empty.' });
      if (file.size > MAX_DOCUMENT_BYTES) throw invalid({ file: 'The file must be 25 MB or smaller.' });
      const name = (typeof file.name === 'string' ? file.name.trim() : '').slice(0, LIMITS.name) || 'Untitled';
      const contentType = (typeof file.type === 'string' && file.type.length <= 120 && file.type) || 'application/octet-stream';
      const id = this.#newId(`${dealId}-doc`, () => false);
      const document: DealDocument = {
        id,
        dealId,
        name,
        contentType,
        size: file.size,
        url: `${FILES_BASE_URL}/deals/${encodeURIComponent(dealId)}/${encodeURIComponent(id)}/${encodeURIComponent(name)}`,
        uploadedAt: this.#nowIso(),
        uploadedBy: this.#viewerRef(),
      };
      this.#listFor(this.#documents, dealId).push(document);
      this.#emit({ type: 'document-added', document });
      return clone(document);
    });
  }

  listBrokers(organisationId: string): Broker[] {
    this.#organisationRecord(organisationId);
    return this.#brokers
      .filter((broker) => broker.organisationId === organisationId)
      .map((broker) => ({ id: broker.id, name: broker.name, email: broker.email }));
  }

  // -------------------------------------------------------------------------
  // Settings

  getPortalSettings(organisationId: string): PortalSettings {
    this.#organisationRecord(organisationId);
    return clone(this.#portalSettingsRecord(organisationId));
  }

  #portalSettingsRecord(organisationId: string): PortalSettings {
    let settings = this.#portalSettings.get(organisationId);
    if (settings === undefined) {
      const off = { email: false, sms: false };
      settings = {
        organisationId,
        version: 0,
        defaultWorkflowId: this.#organisations.get(organisationId)?.defaultWorkflowId ?? null,
        partnerAddedEmail: false,
        dealShared: { ...off },
        notifications: { stageChanged: { ...off }, fileShared: { ...off }, noteAdded: { ...off } },
      };
      this.#portalSettings.set(organisationId, settings);
    }
    return settings;
  }

  /** Fails with `conflict` when another admin saved first. */
  updatePortalSettings(organisationId: string, input: PortalSettingsInput, expectedVersion: number): PortalSettings {
    const organisation = this.#organisationRecord(organisationId);
    const current = this.#portalSettingsRecord(organisationId);
    if (expectedVersion !== current.version) throw conflict('These settings were changed by someone else; reload them.');
    const errors: Record<string, string> = {};
    const workflowId = input?.defaultWorkflowId ?? null;
    if (workflowId !== null && this.#workflows.get(workflowId)?.organisationId !== organisationId) {
      errors['defaultWorkflowId'] = 'Choose a workflow of this organisation.';
    }
    const flag = (value: unknown, field: string): boolean => {
      if (typeof value !== 'boolean') errors[field] = 'Must be on or off.';
      return value === true;
    };
    const channel = (value: ChannelSwitch | undefined, field: string): ChannelSwitch => ({
      email: flag(value?.email, `${field}.email`),
      sms: flag(value?.sms, `${field}.sms`),
    });
    const next: PortalSettings = {
      organisationId,
      version: current.version + 1,
      defaultWorkflowId: workflowId,
      partnerAddedEmail: flag(input?.partnerAddedEmail, 'partnerAddedEmail'),
      dealShared: channel(input?.dealShared, 'dealShared'),
      notifications: {
        stageChanged: channel(input?.notifications?.stageChanged, 'notifications.stageChanged'),
        fileShared: channel(input?.notifications?.fileShared, 'notifications.fileShared'),
        noteAdded: channel(input?.notifications?.noteAdded, 'notifications.noteAdded'),
      },
    };
    if (Object.keys(errors).length > 0) throw invalid(errors);
    this.#portalSettings.set(organisationId, next);
    organisation.defaultWorkflowId = next.defaultWorkflowId;
    return clone(next);
  }

  #ownSettings(): PartnerOwnSettings {
    const viewer = this.#session.viewer;
    let settings = this.#partnerSettings.get(viewer.id);
    if (settings === undefined) {
      const off = { email: false, sms: false };
      settings = {
        viewerId: viewer.id,
        version: 0,
        name: viewer.name,
        country: 'United States',
        phone: '',
        email: viewer.email,
        updates: { dealProgress: { ...off }, newNotes: { ...off }, newFiles: { ...off } },
      };
      this.#partnerSettings.set(viewer.id, settings);
    }
    return settings;
  }

  #withAllowances(own: PartnerOwnSettings): PartnerSettings {
    const { viewerId: _viewerId, ...settings } = own;
    const notifications = this.#portalSettingsRecord(this.#session.organisation.id).notifications;
    return clone({
      ...settings,
      organisationAllows: {
        dealProgress: notifications.stageChanged,
        newNotes: notifications.noteAdded,
        newFiles: notifications.fileShared,
      },
    });
  }

  /** The viewer's own settings, with what the session's organisation allows. */
  getPartnerSettings(): PartnerSettings {
    return this.#withAllowances(this.#ownSettings());
  }

  /** Name, country, phone and update choices; the email never changes here. */
  updatePartnerSettings(input: PartnerSettingsInput, expectedVersion: number): PartnerSettings {
    const current = this.#ownSettings();
    if (expectedVersion !== current.version) throw conflict('Your settings were changed elsewhere; reload them.');
    const errors: Record<string, string> = {};
    const name = requiredText(input?.name, LIMITS.name);
    if (name === null) errors['name'] = textError(input?.name, LIMITS.name, 'Name');
    const country = requiredText(input?.country, 80);
    if (country === null) errors['country'] = textError(input?.country, 80, 'Country');
    const phone = typeof input?.phone === 'string' ? input.phone.trim() : '';
    if (phone !== '' && (phone.length > 40 || !isPlausiblePhone(phone))) errors['phone'] = 'Enter a valid phone number.';
    const channel = (value: ChannelSwitch | undefined, field: string): ChannelSwitch => {
      if (typeof value?.email !== 'boolean') errors[`${field}.email`] = 'Must be on or off.';
      if (typeof value?.sms !== 'boolean') errors[`${field}.sms`] = 'Must be on or off.';
      return { email: value?.email === true, sms: value?.sms === true };
    };
    const updates = {
      dealProgress: channel(input?.updates?.dealProgress, 'updates.dealProgress'),
      newNotes: channel(input?.updates?.newNotes, 'updates.newNotes'),
      newFiles: channel(input?.updates?.newFiles, 'updates.newFiles'),
    };
    if (Object.keys(errors).length > 0) throw invalid(errors);
    const next: PartnerOwnSettings = {
      ...current,
      version: current.version + 1,
      name: name ?? current.name,
      country: country ?? current.country,
      phone,
      updates,
    };
    this.#partnerSettings.set(current.viewerId, next);
    return this.#withAllowances(next);
  }

  listPartnerAccounts(organisationId: string): PartnerAccount[] {
    this.#organisationRecord(organisationId);
    return clone(
      [...this.#partnerAccounts.values()]
        .filter((account) => account.organisationId === organisationId)
        .sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1)),
    );
  }

  /** A new account starts allocated to no broker (so it cannot create deals yet). */
  createPartnerAccount(input: NewPartnerAccount, idempotencyKey: string): PartnerAccount {
    return this.#idempotent('createPartnerAccount', idempotencyKey, () => {
      const organisation = this.#organisationRecord(input?.organisationId);
      const errors: Record<string, string> = {};
      const name = requiredText(input.name, LIMITS.name);
      if (name === null) errors['name'] = textError(input.name, LIMITS.name, 'Name');
      const email = normaliseEmailInput(input.email);
      if (email === null) errors['email'] = 'Enter a valid email address.';
      const phone = requiredText(input.phone, 40);
      if (phone === null) errors['phone'] = textError(input.phone, 40, 'Phone');
      else if (!isPlausiblePhone(phone)) errors['phone'] = 'Enter a valid phone number.';
      const taken = [...this.#partnerAccounts.values()].some(
        (account) => account.organisationId === organisation.id && account.email.toLowerCase() === email,
      );
      if (email !== null && taken) errors['email'] = 'A partner with this email already has an account.';
      if (Object.keys(errors).length > 0) throw invalid(errors);
      const account: PartnerAccount = {
        id: this.#newId('pa', (candidate) => this.#partnerAccounts.has(candidate)),
        organisationId: organisation.id,
        name: name ?? '',
        email: email ?? '',
        phone: phone ?? '',
        brokerIds: [],
        createdAt: this.#nowIso(),
      };
      this.#partnerAccounts.set(account.id, account);
      return clone(account);
    });
  }

  /** Replaces the account's brokers; each must belong to the account's organisation. */
  allocatePartner(partnerAccountId: string, brokerIds: readonly string[]): PartnerAccount {
    const account = this.#partnerAccounts.get(partnerAccountId);
    if (account === undefined) throw notFound('Partner account', String(partnerAccountId));
    if (!Array.isArray(brokerIds)) throw invalid({ brokerIds: 'A list of broker ids is required.' });
    const errors: Record<string, string> = {};
    const ids: string[] = [];
    brokerIds.forEach((brokerId, index) => {
      const known = this.#brokers.some((broker) => broker.id === brokerId && broker.organisationId === account.organisationId);
      if (!known) errors[`brokerIds.${index}`] = 'Choose a broker of this organisation.';
      else if (!ids.includes(brokerId)) ids.push(brokerId);
    });
    if (Object.keys(errors).length > 0) throw invalid(errors);
    account.brokerIds = ids;
    return clone(account);
  }

  // -------------------------------------------------------------------------
  // Shared clients (seed 002)

  /** Counts only: the mortgage agent never sees a realtor's client details. */
  listRealtorClientCounts(): RealtorClientCount[] {
    return this.#shared.realtors.map(({ realtor, clients }) => ({ realtor: { ...realtor }, clientCount: clients.length }));
  }

  /** Clients whose email AND home address match in both accounts; null → every realtor. */
  listCoSharedClients(realtorId: string | null): CoSharedClient[] {
    // A realtor (agent session) only ever sees their own co-shared clients.
    const scope = this.#session.role === 'agent' ? this.#session.viewer.id : realtorId;
    const all = scope === null || scope === undefined;
    const realtors = all ? this.#shared.realtors : this.#shared.realtors.filter((record) => record.realtor.id === scope);
    if (!all && realtors.length === 0 && this.#session.role !== 'agent') throw notFound('Realtor', String(realtorId));
    const activity = (id: string): ClientActivity[] => this.#shared.activity[id] ?? [];
    const result: CoSharedClient[] = [];
    for (const { realtor, clients } of realtors) {
      for (const { mine, theirs } of findCoSharedClients(this.#shared.agentClients, clients)) {
        result.push({
          agentRecord: mine,
          realtorRecord: theirs,
          realtor,
          mortgageAgent: this.#shared.mortgageAgent,
          activity: [...activity(mine.id), ...activity(theirs.id)].sort((a, b) => b.at.localeCompare(a.at)),
          // The subscription goes out from the realtor; the mortgage agent's is paused.
          subscription: { sentFrom: 'realtor', mortgageAgentPaused: true },
        });
      }
    }
    return clone(result);
  }
}

function emptyProfileData(): PartnerProfileData {
  return Object.fromEntries(PROFILE_KEYS.map((key) => [key, null])) as PartnerProfileData;
}

function reportListenerError(error: unknown): void {
  const report = (globalThis as { reportError?: (error: unknown) => void }).reportError;
  if (typeof report === 'function') report(error);
  else console.error(error);
}
