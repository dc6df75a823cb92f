/**
 * Response parsing for the validating boundary (`validate.ts`): the schema of
 * every adapter method and the `contract` errors that name the method and the
 * field. Loaded on an adapter's first call, so an element's first paint does
 * not wait for zod and the schemas.
 */
import type * as z from 'zod/mini';
import { PartnerKitError } from './errors.js';
import * as schemas from './schemas.js';
import type { AdapterMethod } from './types.js';

export type ResponseMethod = Exclude<AdapterMethod, 'subscribe'>;

export const RESPONSE_SCHEMAS: Record<ResponseMethod, z.ZodMiniType> = {
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
