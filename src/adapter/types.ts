/**
 * The contract between partner-kit and the host: one interface with
 * domain-typed methods. Only `getSession` is required; every other method is
 * optional, and elements hide what the adapter does not implement (see
 * `capabilities.ts`). Every method takes an options object with an
 * `AbortSignal`; every create takes an idempotency key so a retry never
 * duplicates.
 */
import type { InviteStatus } from '../domain/status.js';
import type { PartnerProfile } from '../domain/completion.js';
import type {
  AdapterChange,
  Broker,
  Contact,
  CoSharedClient,
  Deal,
  DealDocument,
  DealPage,
  InvitationBatch,
  InvitationLink,
  InvitationPreview,
  Note,
  Organisation,
  Partner,
  PartnerAccount,
  PartnerDetail,
  PartnerPage,
  PartnerSettings,
  PortalSettings,
  RealtorClientCount,
  RecipientLookup,
  Registration,
  Session,
  UploadedImage,
  VerificationResult,
  VerificationSent,
  Workflow,
} from './schemas.js';

export type * from './schemas.js';

/** Passed to every adapter method. */
export interface CallOptions {
  signal?: AbortSignal;
}

/**
 * Passed to every method that creates something: the same key twice creates
 * once and returns the first result. 1–255 printable ASCII characters (it
 * travels as the `Idempotency-Key` header).
 */
export interface CreateOptions extends CallOptions {
  idempotencyKey: string;
}

export type SortDirection = 'asc' | 'desc';
/**
 * Sort fields. `name` orders by first name then last name, case- and
 * accent-insensitively; ties break by id so paging is stable.
 */
export const PARTNER_SORT_FIELDS = ['name', 'email', 'status', 'completion', 'invitedAt', 'updatedAt'] as const;
export type PartnerSortField = (typeof PARTNER_SORT_FIELDS)[number];

export interface PartnerQuery {
  /** Free text over name and email. */
  search?: string;
  /** Only these statuses (empty or absent: all). */
  statuses?: readonly InviteStatus[];
  sort?: { field: PartnerSortField; direction: SortDirection };
  /** Opaque cursor from the previous page's `nextCursor`. */
  cursor?: string | null;
  /** Page size; adapters may cap it. */
  limit?: number;
}

export interface DealQuery {
  organisationId: string;
  workflowId: string;
  includeClosed?: boolean;
  cursor?: string | null;
  limit?: number;
}

export interface InvitationRecipient {
  email: string;
  name?: string | null;
  contactId?: string | null;
}

export interface PrefilledAccountInput {
  email: string;
  /** The contact the profile was pre-filled from; its record is never changed. */
  contactId?: string | null;
  profile: PartnerProfile;
  sendEmail: boolean;
}

export interface LinkUserInput {
  email: string;
  sendEmail: boolean;
}

export type ImageKind = 'photo' | 'logo';

export interface NewDealClient {
  firstName: string;
  lastName: string;
  phone: string;
  email: string;
}

export interface NewDealInput {
  organisationId: string;
  brokerId: string | null;
  labels: readonly string[];
  summary: string;
  /** At least one client; the first names the deal. */
  clients: readonly NewDealClient[];
}

export type PortalSettingsInput = Omit<PortalSettings, 'version' | 'organisationId'>;
export type PartnerSettingsInput = Pick<PartnerSettings, 'name' | 'country' | 'phone' | 'updates'>;

export interface NewPartnerAccount {
  organisationId: string;
  name: string;
  email: string;
  phone: string;
}

export type ChangeListener = (change: AdapterChange) => void;

/**
 * The host adapter. Implement `getSession` and whatever else your backend can
 * do; see README "Write your own adapter" and `partner-kit/testing`.
 */
export interface PartnerKitAdapter {
  /**
   * Explicitly switch methods off (e.g. `{ uploadDocument: false }`) when the
   * object has the method but the backend cannot honour it.
   */
  readonly capabilities?: Partial<Record<AdapterMethod, boolean>>;

  // Session
  getSession(options?: CallOptions): Promise<Session>;

  // Co-marketing partners
  listPartners?(query: PartnerQuery, options?: CallOptions): Promise<PartnerPage>;
  getPartner?(partnerId: string, options?: CallOptions): Promise<PartnerDetail>;
  /** Merges: keys left out are kept, `null` clears a field. Field errors are keyed by profile key. */
  updatePartnerProfile?(partnerId: string, profile: PartnerProfile, options?: CallOptions): Promise<Partner>;
  deletePartner?(partnerId: string, options?: CallOptions): Promise<void>;
  getInvitationLink?(partnerId: string, options?: CallOptions): Promise<InvitationLink>;
  resendInvitation?(partnerId: string, options: CreateOptions): Promise<Partner>;

  // Contacts and recipients
  searchContacts?(query: string, options?: CallOptions & { limit?: number }): Promise<Contact[]>;
  /** One entry per unique address (case-insensitive). */
  lookupRecipients?(emails: readonly string[], options?: CallOptions): Promise<RecipientLookup[]>;

  // Invitations
  previewInvitation?(recipients: readonly InvitationRecipient[], options?: CallOptions): Promise<InvitationPreview>;
  createInvitations?(recipients: readonly InvitationRecipient[], options: CreateOptions): Promise<InvitationBatch>;
  createPrefilledAccount?(input: PrefilledAccountInput, options: CreateOptions): Promise<Partner>;
  linkExistingUser?(input: LinkUserInput, options: CreateOptions): Promise<Partner>;
  uploadImage?(file: Blob, kind: ImageKind, options: CreateOptions): Promise<UploadedImage>;

  // Registration (the invited partner's side)
  /** Opening the registration counts as clicking the invitation link (the status moves on). */
  getRegistration?(token: string, options?: CallOptions): Promise<Registration>;
  sendVerificationEmail?(token: string, email: string, options: CreateOptions): Promise<VerificationSent>;
  verifyEmail?(token: string, code: string, options?: CallOptions): Promise<VerificationResult>;
  completeRegistration?(token: string, profile: PartnerProfile, options: CreateOptions): Promise<Partner>;

  // Partner portal
  listOrganisations?(options?: CallOptions): Promise<Organisation[]>;
  listWorkflows?(organisationId: string, options?: CallOptions): Promise<Workflow[]>;
  listDeals?(query: DealQuery, options?: CallOptions): Promise<DealPage>;
  getDeal?(dealId: string, options?: CallOptions): Promise<Deal>;
  createDeal?(input: NewDealInput, options: CreateOptions): Promise<Deal>;
  /** Fails with `conflict` when the deal's version is no longer `expectedVersion`. */
  moveDeal?(dealId: string, stageId: string, expectedVersion: number, options?: CallOptions): Promise<Deal>;
  listNotes?(dealId: string, options?: CallOptions): Promise<Note[]>;
  addNote?(dealId: string, body: string, options: CreateOptions): Promise<Note>;
  listDocuments?(dealId: string, options?: CallOptions): Promise<DealDocument[]>;
  uploadDocument?(dealId: string, file: File, options: CreateOptions): Promise<DealDocument>;
  listBrokers?(organisationId: string, options?: CallOptions): Promise<Broker[]>;

  // Settings
  getPortalSettings?(organisationId: string, options?: CallOptions): Promise<PortalSettings>;
  /** Fails with `conflict` when another admin saved first. */
  updatePortalSettings?(
    organisationId: string,
    settings: PortalSettingsInput,
    expectedVersion: number,
    options?: CallOptions,
  ): Promise<PortalSettings>;
  getPartnerSettings?(options?: CallOptions): Promise<PartnerSettings>;
  updatePartnerSettings?(
    settings: PartnerSettingsInput,
    expectedVersion: number,
    options?: CallOptions,
  ): Promise<PartnerSettings>;
  listPartnerAccounts?(organisationId: string, options?: CallOptions): Promise<PartnerAccount[]>;
  createPartnerAccount?(input: NewPartnerAccount, options: CreateOptions): Promise<PartnerAccount>;
  allocatePartner?(partnerAccountId: string, brokerIds: readonly string[], options?: CallOptions): Promise<PartnerAccount>;

  // Shared clients
  listRealtorClientCounts?(options?: CallOptions): Promise<RealtorClientCount[]>;
  listCoSharedClients?(realtorId: string | null, options?: CallOptions): Promise<CoSharedClient[]>;

  // Live changes
  subscribe?(listener: ChangeListener): () => void;
}

/** Every method name of the contract (capabilities are keyed by these). */
export type AdapterMethod = Exclude<keyof PartnerKitAdapter, 'capabilities'>;
