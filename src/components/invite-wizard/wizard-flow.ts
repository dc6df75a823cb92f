/**
 * The invite wizard's rules without the DOM: which steps a flow has, where
 * "Next" and "Create Invitation" lead, how a profile is pre-filled from a
 * contact, how an idempotency key is kept for one intent, and the draft that
 * survives closing and reopening the wizard (sessionStorage; it is read back,
 * checked, in wizard-input.ts).
 */
import type { Contact, InvitationResult, RecipientLookup } from '../../adapter/schemas.js';
import type { InvitationRecipient } from '../../adapter/types.js';
import type { PartnerProfile } from '../../domain/completion.js';
import { PROFILE_FORM_KEYS } from '../../domain/profile-keys.js';

/** One entry of the recipient chip input. */
export interface RecipientChip {
  /** Stable within one wizard (keyed rendering). */
  id: string;
  /** What was typed or pasted for this entry, display name included. */
  raw: string;
  /** The lower-cased address when valid; the typed address text when not. */
  email: string;
  name: string | null;
  valid: boolean;
  /** Set when the entry came from (or was matched to) a contact. */
  contactId: string | null;
}

/** The steps shown in the stepper. */
export type StepId = 'contacts' | 'general' | 'mls' | 'images' | 'review' | 'preview' | 'connected';
/** Where a flow ends (the stepper shows every step done). */
export type EndId = 'results' | 'done';
export type WizardStep = StepId | EndId;

/**
 * - `prefill`: one new recipient, org pre-fill on → create the account.
 * - `link`: one user of the platform elsewhere → link accounts.
 * - `invite`: several recipients, or pre-fill off, or "Create Invitation".
 * - `connected`: every recipient is already a partner → offer to re-send.
 */
export type WizardFlow = 'prefill' | 'link' | 'invite' | 'connected';

export const FLOW_STEPS: Readonly<Record<WizardFlow, readonly StepId[]>> = Object.freeze({
  prefill: Object.freeze(['contacts', 'general', 'mls', 'images', 'review'] as const),
  link: Object.freeze(['contacts', 'review'] as const),
  invite: Object.freeze(['contacts', 'preview'] as const),
  connected: Object.freeze(['contacts', 'connected'] as const),
});

export type RouteIntent = 'next' | 'create-invitation';

export interface RouteInput {
  intent: RouteIntent;
  /** One entry per unique recipient address. */
  lookups: readonly RecipientLookup[];
  /** Pre-filling an account is allowed (permission, org switch, adapter). */
  canPrefill: boolean;
  /** Linking an existing user is allowed. */
  canLink: boolean;
}

/** Where the wizard goes from Contact Selection (seeds 000 and 001). */
export function routeAfterContacts({ intent, lookups, canPrefill, canLink }: RouteInput): { flow: WizardFlow; step: StepId } {
  const toInvite = lookups.filter((lookup) => lookup.kind !== 'connected');
  if (lookups.length > 0 && toInvite.length === 0) return { flow: 'connected', step: 'connected' };
  const only = lookups.length === 1 ? lookups[0] : undefined;
  if (intent === 'next' && only !== undefined) {
    if (only.kind === 'new' && canPrefill) return { flow: 'prefill', step: 'general' };
    if (only.kind === 'existing-user' && canLink) return { flow: 'link', step: 'review' };
  }
  return { flow: 'invite', step: 'preview' };
}

/** The steps to show while still on Contact Selection, before the recipients are known. */
export function predictedFlow(validRecipients: number, canPrefill: boolean): WizardFlow {
  return canPrefill && validRecipients <= 1 ? 'prefill' : 'invite';
}

/** "Mary Ann Smith" → Mary Ann / Smith; one word is a first name. */
export function splitName(name: string | null | undefined): { firstName: string; lastName: string } {
  const clean = (name ?? '').replace(/\s+/g, ' ').trim();
  const space = clean.lastIndexOf(' ');
  if (space === -1) return { firstName: clean, lastName: '' };
  return { firstName: clean.slice(0, space), lastName: clean.slice(space + 1) };
}

export function contactName(contact: Pick<Contact, 'firstName' | 'lastName'>): string {
  return `${contact.firstName} ${contact.lastName}`.replace(/\s+/g, ' ').trim();
}


/**
 * The profile form's starting values: the contact's profile (a copy: the
 * contact itself is never changed), its name when the profile has none, or
 * the name typed with the address.
 */
export function initialProfile(contact: Contact | undefined, typedName: string | null): PartnerProfile {
  const profile: PartnerProfile = {};
  const source = contact?.profile ?? {};
  for (const key of PROFILE_FORM_KEYS) {
    const value = source[key];
    if (typeof value === 'string' && value.trim() !== '') profile[key] = value;
  }
  const fallback = contact ? { firstName: contact.firstName, lastName: contact.lastName } : splitName(typedName);
  if (!profile.firstName && fallback.firstName) profile.firstName = fallback.firstName;
  if (!profile.lastName && fallback.lastName) profile.lastName = fallback.lastName;
  return profile;
}

/** The profile as sent: trimmed, blanks left out (every field is optional). */
export function profileToSend(profile: PartnerProfile): PartnerProfile {
  const result: PartnerProfile = {};
  for (const key of PROFILE_FORM_KEYS) {
    const value = profile[key];
    if (typeof value === 'string' && value.trim() !== '') result[key] = value.trim();
  }
  return result;
}

// ---------------------------------------------------------------------------
// Invitations

/** A result row of the send step: what came back, and who it was for. */
export interface ResultRow extends InvitationResult {
  name: string | null;
  contactId: string | null;
}

/** Failures that the same request cannot fix (the address or contact must change first). */
const FINAL_ERROR_CODES: ReadonlySet<string> = new Set(['validation', 'not_found', 'forbidden', 'conflict']);

export function isRetryableFailure(row: Pick<InvitationResult, 'outcome' | 'error'>): boolean {
  return row.outcome === 'failed' && !FINAL_ERROR_CODES.has(row.error?.code ?? 'unknown');
}

/** The results of a retry replace the rows of the same address; the others stay as they were. */
export function mergeResults(rows: readonly ResultRow[], retried: readonly InvitationResult[]): ResultRow[] {
  const byEmail = new Map(retried.map((result) => [result.email.trim().toLowerCase(), result]));
  return rows.map((row) => {
    const next = byEmail.get(row.email.trim().toLowerCase());
    return next ? { ...row, ...next, name: row.name, contactId: row.contactId } : row;
  });
}

export function recipientOf(row: Pick<ResultRow, 'email' | 'name' | 'contactId'>): InvitationRecipient {
  const recipient: InvitationRecipient = { email: row.email };
  if (row.name) recipient.name = row.name;
  if (row.contactId) recipient.contactId = row.contactId;
  return recipient;
}

// ---------------------------------------------------------------------------
// Idempotency: one intent, one key

export interface Intent {
  /** The request the key was made for. */
  fingerprint: string;
  key: string;
}

/**
 * The key for `action` with this `input`: the same one as last time while
 * the input is unchanged (a retry), a new one when it changed. Cleared once
 * the request succeeded.
 */
export function keyForIntent(
  intents: Readonly<Record<string, Intent>>,
  action: string,
  input: unknown,
  newKey: () => string,
): { key: string; intents: Record<string, Intent> } {
  const fingerprint = JSON.stringify(input);
  const existing = intents[action];
  if (existing !== undefined && existing.fingerprint === fingerprint) return { key: existing.key, intents: { ...intents } };
  const key = newKey();
  return { key, intents: { ...intents, [action]: { fingerprint, key } } };
}

export function withoutIntent(intents: Readonly<Record<string, Intent>>, action: string): Record<string, Intent> {
  const next = { ...intents };
  delete next[action];
  return next;
}

// ---------------------------------------------------------------------------
// The draft

export interface WizardDraft {
  version: 1;
  chips: RecipientChip[];
  /** Text typed in the recipient input and not yet turned into a chip. */
  text: string;
  /** Contacts picked (or started from), by id: the source of the pre-fill. */
  contacts: Record<string, Contact>;
  /** The contact the wizard was opened for ("Invite to co-market"). */
  startContactId: string | null;
  /** What the backend said about the recipients, for the chips of `lookupFor`. */
  lookups: RecipientLookup[] | null;
  lookupFor: string | null;
  flow: WizardFlow | null;
  step: WizardStep;
  profile: PartnerProfile;
  /** The address the profile was pre-filled for (another recipient starts over). */
  prefilledFor: string | null;
  sendEmail: boolean | null;
  intents: Record<string, Intent>;
  results: ResultRow[] | null;
}

export function emptyDraft(): WizardDraft {
  return {
    version: 1,
    chips: [],
    text: '',
    contacts: {},
    startContactId: null,
    lookups: null,
    lookupFor: null,
    flow: null,
    step: 'contacts',
    profile: {},
    prefilledFor: null,
    sendEmail: null,
    intents: {},
    results: null,
  };
}

/** The fingerprint of the chips a lookup was made for. */
export function chipsFingerprint(chips: readonly RecipientChip[]): string {
  return chips
    .filter((chip) => chip.valid)
    .map((chip) => chip.email)
    .join('\n');
}

const STORAGE_PREFIX = 'partner-kit:invite-wizard:';

export function draftStorageKey(organisationId: string, viewerId: string): string {
  return `${STORAGE_PREFIX}${organisationId}:${viewerId}`;
}

/** The session storage drafts live in, when the page allows it. */
export function draftStorage(): Storage | undefined {
  try {
    return globalThis.sessionStorage ?? undefined;
  } catch {
    // Storage can be blocked (sandboxed frames, privacy settings): the wizard works without a draft.
    return undefined;
  }
}

let chipSequence = 0;
export function newChipId(): string {
  return `chip-${(++chipSequence).toString(36)}`;
}

export function writeDraft(key: string, draft: WizardDraft): void {
  try {
    draftStorage()?.setItem(key, JSON.stringify(draft));
  } catch {
    // Full or blocked storage: the draft only lives in memory then.
  }
}

export function removeDraft(key: string): void {
  try {
    draftStorage()?.removeItem(key);
  } catch {
    // Blocked storage: nothing was stored either.
  }
}

/** Whether the draft holds anything the user typed or chose. */
export function isDraftWorthKeeping(draft: WizardDraft): boolean {
  return draft.chips.length > 0 || draft.text.trim() !== '' || draft.results !== null;
}
