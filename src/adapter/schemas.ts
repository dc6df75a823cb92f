/**
 * Response schemas (zod/mini): the shape every adapter response must have
 * before any element sees it. Unknown keys are dropped (`z.object` strips),
 * strings are length-bounded, URLs must be http(s), dates ISO 8601.
 * Types of the contract are inferred from here, so the schema and the type
 * can never drift apart.
 */
import * as z from 'zod/mini';
import { INVITE_STATUSES } from '../domain/status.js';
import { ROLES } from '../domain/permissions.js';
import { PROFILE_MAX_LENGTH } from '../domain/profile-fields.js';
import { safeUrl } from '../domain/safe-url.js';

export const LIMITS = {
  id: 128,
  name: 200,
  email: 254,
  short: 500,
  text: 20_000,
  url: 2048,
  label: 60,
  list: 10_000,
} as const;

const id = () => z.string().check(z.minLength(1), z.maxLength(LIMITS.id));
const text = (max: number = LIMITS.name) => z.string().check(z.maxLength(max));
const optionalText = (max: number = LIMITS.name) => z.optional(z.nullable(text(max)));
const email = () => z.string().check(z.maxLength(LIMITS.email), z.regex(/^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/, 'Invalid email'));
const isoDate = () => z.iso.datetime({ offset: true });
/** http(s) only, checked with the same rule the elements use for every href and src. */
const httpUrl = () =>
  z.string().check(
    z.maxLength(LIMITS.url),
    z.refine((value) => safeUrl(value, { base: null }) !== null, 'Must be an absolute http(s) URL'),
  );
const list = <T extends z.ZodMiniType>(item: T, max: number = LIMITS.list) =>
  z.array(item).check(z.maxLength(max));
const count = () => z.int().check(z.gte(0));

export const inviteStatusSchema = z.enum(INVITE_STATUSES);
export const roleSchema = z.enum(ROLES);

export const orgSwitchesSchema = z.object({
  profilePrefill: z.boolean(),
  profileEditing: z.boolean(),
  partnersAddDeals: z.boolean(),
});

export const personRefSchema = z.object({ id: id(), name: text() });

export const sessionSchema = z.object({
  viewer: z.object({ id: id(), name: text(), email: email() }),
  role: roleSchema,
  organisation: z.object({ id: id(), name: text() }),
  switches: orgSwitchesSchema,
  locale: z.optional(text(35)),
});

/** The profile's limits are the profile form's (`domain/profile-fields.ts`): a form never takes what the contract rejects. */
const profileText = (key: keyof typeof PROFILE_MAX_LENGTH) => optionalText(PROFILE_MAX_LENGTH[key]);

export const partnerProfileSchema = z.object({
  firstName: profileText('firstName'),
  lastName: profileText('lastName'),
  email: z.optional(z.nullable(email())),
  company: profileText('company'),
  street: profileText('street'),
  unit: profileText('unit'),
  city: profileText('city'),
  state: profileText('state'),
  zip: profileText('zip'),
  jobTitle: profileText('jobTitle'),
  officePhone: profileText('officePhone'),
  mobilePhone: profileText('mobilePhone'),
  timeZone: profileText('timeZone'),
  licenseNumber: profileText('licenseNumber'),
  mlsAgentId: profileText('mlsAgentId'),
  mlsAssociation: profileText('mlsAssociation'),
  photoUrl: z.optional(z.nullable(httpUrl())),
  logoUrl: z.optional(z.nullable(httpUrl())),
});

export const partnerSchema = z.object({
  id: id(),
  email: email(),
  firstName: text(),
  lastName: text(),
  status: inviteStatusSchema,
  allowsProfileUpdates: z.boolean(),
  profile: partnerProfileSchema,
  invitedAt: isoDate(),
  acceptedAt: z.nullable(isoDate()),
  updatedAt: isoDate(),
});

export const statusCountsSchema = z.partialRecord(inviteStatusSchema, count());

export const partnerPageSchema = z.object({
  items: list(partnerSchema),
  total: z.optional(count()),
  nextCursor: z.optional(z.nullable(text(LIMITS.short))),
  counts: z.optional(statusCountsSchema),
});

export const mediaItemSchema = z.object({
  id: id(),
  title: text(),
  kind: z.enum(['flyer', 'postcard', 'property-site', 'lead-app', 'social', 'other']),
  createdAt: isoDate(),
  url: z.nullable(httpUrl()),
  thumbnailUrl: z.nullable(httpUrl()),
});

export const leadSchema = z.object({
  id: id(),
  name: text(),
  email: z.nullable(email()),
  direction: z.enum(['received', 'sent']),
  sharedAt: isoDate(),
  note: optionalText(LIMITS.short),
});

export const statusChangeSchema = z.object({ status: inviteStatusSchema, at: isoDate() });

export const partnerDetailSchema = z.object({
  partner: partnerSchema,
  media: list(mediaItemSchema),
  leads: list(leadSchema),
  statusHistory: list(statusChangeSchema),
});

export const invitationLinkSchema = z.object({ url: httpUrl(), expiresAt: z.nullable(isoDate()) });

export const contactSchema = z.object({
  id: id(),
  firstName: text(),
  lastName: text(),
  email: z.nullable(email()),
  profile: partnerProfileSchema,
});
export const contactListSchema = list(contactSchema, 200);

export const recipientLookupSchema = z.object({
  email: email(),
  kind: z.enum(['new', 'existing-user', 'connected']),
  name: z.nullable(text()),
  partnerId: z.nullable(id()),
});
export const recipientLookupListSchema = list(recipientLookupSchema, 500);

export const invitationPreviewSchema = z.object({
  subject: text(LIMITS.short),
  text: text(LIMITS.text),
  /** Optional HTML body: only ever rendered inside a sandboxed iframe with no scripts. */
  html: z.optional(z.nullable(text(LIMITS.text * 5))),
});

export const errorInfoSchema = z.object({ code: text(40), message: text(LIMITS.short) });

export const invitationResultSchema = z.object({
  /** Echoes what was typed, so a failed result can name a malformed address. */
  email: text(LIMITS.email),
  outcome: z.enum(['sent', 'already-connected', 'failed']),
  partnerId: z.nullable(id()),
  error: z.nullable(errorInfoSchema),
});
export const invitationBatchSchema = z.object({ results: list(invitationResultSchema, 500) });

export const uploadedImageSchema = z.object({ url: httpUrl() });

export const registrationSchema = z.object({
  token: id(),
  email: email(),
  invitedBy: personRefSchema,
  profile: partnerProfileSchema,
  emailVerified: z.boolean(),
});
export const verificationSentSchema = z.object({ sentAt: isoDate(), expiresAt: isoDate() });
export const verificationResultSchema = z.object({
  status: z.enum(['verified', 'expired', 'invalid']),
  expiresAt: z.nullable(isoDate()),
});

export const organisationSchema = z.object({
  id: id(),
  name: text(),
  switches: orgSwitchesSchema,
  defaultWorkflowId: z.nullable(id()),
  /** For a partner viewer: allocated to at least one broker here (else they cannot create deals). */
  viewerAllocated: z.optional(z.boolean()),
});
export const organisationListSchema = list(organisationSchema, 200);

export const stageSchema = z.object({ id: id(), name: text(), closed: z.boolean() });
export const workflowSchema = z.object({
  id: id(),
  organisationId: id(),
  name: text(),
  stages: list(stageSchema, 50),
});
export const workflowListSchema = list(workflowSchema, 200);

export const clientSchema = z.object({
  id: id(),
  firstName: text(),
  lastName: text(),
  phone: text(40),
  email: email(),
});

export const dealSchema = z.object({
  id: id(),
  organisationId: id(),
  workflowId: id(),
  stageId: id(),
  version: z.int().check(z.gte(0)),
  name: text(),
  clients: list(clientSchema, 50),
  broker: z.nullable(personRefSchema),
  partner: z.nullable(personRefSchema),
  labels: list(text(LIMITS.label), 50),
  summary: text(LIMITS.text),
  createdAt: isoDate(),
  updatedAt: isoDate(),
  closed: z.boolean(),
});
export const dealPageSchema = z.object({
  items: list(dealSchema),
  total: z.optional(count()),
  nextCursor: z.optional(z.nullable(text(LIMITS.short))),
});

export const noteSchema = z.object({
  id: id(),
  dealId: id(),
  author: z.object({ id: id(), name: text(), role: roleSchema }),
  body: text(LIMITS.text),
  createdAt: isoDate(),
});
export const noteListSchema = list(noteSchema);

export const documentSchema = z.object({
  id: id(),
  dealId: id(),
  name: text(),
  contentType: text(120),
  size: count(),
  url: httpUrl(),
  uploadedAt: isoDate(),
  uploadedBy: personRefSchema,
});
export const documentListSchema = list(documentSchema);

export const brokerSchema = z.object({ id: id(), name: text(), email: email() });
export const brokerListSchema = list(brokerSchema, 1000);

export const channelSwitchSchema = z.object({ email: z.boolean(), sms: z.boolean() });

export const portalSettingsSchema = z.object({
  organisationId: id(),
  version: z.int().check(z.gte(0)),
  defaultWorkflowId: z.nullable(id()),
  partnerAddedEmail: z.boolean(),
  dealShared: channelSwitchSchema,
  notifications: z.object({
    stageChanged: channelSwitchSchema,
    fileShared: channelSwitchSchema,
    noteAdded: channelSwitchSchema,
  }),
});

export const partnerSettingsSchema = z.object({
  version: z.int().check(z.gte(0)),
  name: text(),
  country: text(80),
  phone: text(40),
  email: email(),
  updates: z.object({
    dealProgress: channelSwitchSchema,
    newNotes: channelSwitchSchema,
    newFiles: channelSwitchSchema,
  }),
  /** What the organisation allows; an option switched off here is off whatever the partner chose. */
  organisationAllows: z.object({
    dealProgress: channelSwitchSchema,
    newNotes: channelSwitchSchema,
    newFiles: channelSwitchSchema,
  }),
});

export const partnerAccountSchema = z.object({
  id: id(),
  organisationId: id(),
  name: text(),
  email: email(),
  phone: text(40),
  brokerIds: list(id(), 1000),
  createdAt: isoDate(),
});
export const partnerAccountListSchema = list(partnerAccountSchema);

export const realtorClientCountSchema = z.object({
  realtor: personRefSchema,
  clientCount: count(),
});
export const realtorClientCountListSchema = list(realtorClientCountSchema, 1000);

export const addressSchema = z.object({
  street: optionalText(),
  unit: optionalText(),
  city: optionalText(),
  state: optionalText(),
  zip: optionalText(20),
});

export const clientRecordSchema = z.object({
  id: id(),
  name: text(),
  email: email(),
  address: addressSchema,
});

export const clientActivitySchema = z.object({
  at: isoDate(),
  kind: z.enum(['mortgage-question', 'pre-approval', 'home-value', 'property-search', 'report-opened', 'other']),
  description: text(LIMITS.short),
});

export const coSharedClientSchema = z.object({
  /** The mortgage agent's record and the realtor's record of the same person. */
  agentRecord: clientRecordSchema,
  realtorRecord: clientRecordSchema,
  realtor: personRefSchema,
  mortgageAgent: personRefSchema,
  activity: list(clientActivitySchema, 500),
  subscription: z.object({
    sentFrom: z.literal('realtor'),
    mortgageAgentPaused: z.boolean(),
  }),
});
export const coSharedClientListSchema = list(coSharedClientSchema);

export const adapterChangeSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('partner-updated'), partner: partnerSchema }),
  z.object({ type: z.literal('partner-removed'), partnerId: id() }),
  z.object({ type: z.literal('deal-updated'), deal: dealSchema }),
  z.object({ type: z.literal('deal-removed'), dealId: id() }),
  z.object({ type: z.literal('note-added'), note: noteSchema }),
  z.object({ type: z.literal('document-added'), document: documentSchema }),
]);

export const voidSchema = z.optional(z.unknown());

export type Session = z.infer<typeof sessionSchema>;
export type OrgSwitchesData = z.infer<typeof orgSwitchesSchema>;
export type PersonRef = z.infer<typeof personRefSchema>;
export type PartnerProfileData = z.infer<typeof partnerProfileSchema>;
export type Partner = z.infer<typeof partnerSchema>;
export type PartnerPage = z.infer<typeof partnerPageSchema>;
export type StatusCounts = z.infer<typeof statusCountsSchema>;
export type MediaItem = z.infer<typeof mediaItemSchema>;
export type Lead = z.infer<typeof leadSchema>;
export type StatusChange = z.infer<typeof statusChangeSchema>;
export type PartnerDetail = z.infer<typeof partnerDetailSchema>;
export type InvitationLink = z.infer<typeof invitationLinkSchema>;
export type Contact = z.infer<typeof contactSchema>;
export type RecipientLookup = z.infer<typeof recipientLookupSchema>;
export type InvitationPreview = z.infer<typeof invitationPreviewSchema>;
export type InvitationResult = z.infer<typeof invitationResultSchema>;
export type InvitationBatch = z.infer<typeof invitationBatchSchema>;
export type UploadedImage = z.infer<typeof uploadedImageSchema>;
export type Registration = z.infer<typeof registrationSchema>;
export type VerificationSent = z.infer<typeof verificationSentSchema>;
export type VerificationResult = z.infer<typeof verificationResultSchema>;
export type Organisation = z.infer<typeof organisationSchema>;
export type Stage = z.infer<typeof stageSchema>;
export type Workflow = z.infer<typeof workflowSchema>;
export type Client = z.infer<typeof clientSchema>;
export type Deal = z.infer<typeof dealSchema>;
export type DealPage = z.infer<typeof dealPageSchema>;
export type Note = z.infer<typeof noteSchema>;
export type DealDocument = z.infer<typeof documentSchema>;
export type Broker = z.infer<typeof brokerSchema>;
export type ChannelSwitch = z.infer<typeof channelSwitchSchema>;
export type PortalSettings = z.infer<typeof portalSettingsSchema>;
export type PartnerSettings = z.infer<typeof partnerSettingsSchema>;
export type PartnerAccount = z.infer<typeof partnerAccountSchema>;
export type RealtorClientCount = z.infer<typeof realtorClientCountSchema>;
export type Address = z.infer<typeof addressSchema>;
export type ClientRecord = z.infer<typeof clientRecordSchema>;
export type ClientActivity = z.infer<typeof clientActivitySchema>;
export type CoSharedClient = z.infer<typeof coSharedClientSchema>;
export type AdapterChange = z.infer<typeof adapterChangeSchema>;
