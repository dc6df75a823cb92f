/**
 * What the wizard takes from outside its own code, checked against the
 * contract's schemas: the host's `contact` property and the draft kept in
 * `sessionStorage` (storage is shared with the page: never trust its shape).
 *
 * `zod/mini` and the schemas load with this module, which the wizard loads
 * with its session: the adapter boundary loads the same schemas with that
 * first call anyway, so they stay out of the wizard's first download.
 */
import {
  contactSchema,
  invitationResultSchema,
  partnerProfileSchema,
  recipientLookupListSchema,
  type Contact,
} from '../../adapter/schemas.js';
import { isValidEmail } from '../../domain/emails.js';
import {
  draftStorage,
  emptyDraft,
  FLOW_STEPS,
  newChipId,
  type RecipientChip,
  type ResultRow,
  type StepId,
  type WizardDraft,
  type WizardFlow,
  type WizardStep,
} from './wizard-flow.js';

/** The `contact` property as a Contact, or undefined (with a warning) when it is not one. */
export function checkContact(value: unknown): Contact | undefined {
  const result = contactSchema.safeParse(value);
  if (!result.success) console.warn('[partner-kit] <invite-wizard>: the contact property is not a valid Contact; it is ignored.');
  return result.success ? result.data : undefined;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isNullableString = (value: unknown): value is string | null => value === null || typeof value === 'string';

const STEPS: ReadonlySet<string> = new Set(['contacts', 'general', 'mls', 'images', 'review', 'preview', 'connected', 'results']);
const FLOWS: ReadonlySet<string> = new Set(Object.keys(FLOW_STEPS));

function readChip(value: unknown): RecipientChip | null {
  if (!isObject(value)) return null;
  const { raw, email, name, valid, contactId } = value;
  if (!isString(raw) || !isString(email) || !isNullableString(name) || typeof valid !== 'boolean' || !isNullableString(contactId)) return null;
  // A stored "valid" flag is not trusted: the address is checked again.
  const checked = valid && isValidEmail(email);
  return { id: newChipId(), raw, email, name, valid: checked, contactId };
}

function readResultRow(value: unknown): ResultRow | null {
  if (!isObject(value) || !isNullableString(value['name']) || !isNullableString(value['contactId'])) return null;
  const result = invitationResultSchema.safeParse(value);
  return result.success ? { ...result.data, name: value['name'], contactId: value['contactId'] } : null;
}

/**
 * The stored draft, or null when there is none or it is not one this version
 * wrote (storage is shared with the page: never trust its shape).
 */
export function readDraft(key: string): WizardDraft | null {
  let parsed: unknown;
  try {
    const text = draftStorage()?.getItem(key);
    if (!text) return null;
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isObject(parsed) || parsed['version'] !== 1) return null;
  const draft = emptyDraft();
  const chips = Array.isArray(parsed['chips']) ? parsed['chips'].map(readChip) : null;
  if (chips === null || chips.some((chip) => chip === null)) return null;
  draft.chips = chips as RecipientChip[];
  if (isString(parsed['text'])) draft.text = parsed['text'];
  if (isObject(parsed['contacts'])) {
    for (const [id, value] of Object.entries(parsed['contacts'])) {
      const contact = contactSchema.safeParse(value);
      if (contact.success && contact.data.id === id) draft.contacts[id] = contact.data;
    }
  }
  if (isNullableString(parsed['startContactId'])) draft.startContactId = parsed['startContactId'];
  const lookups = recipientLookupListSchema.safeParse(parsed['lookups']);
  if (lookups.success && isString(parsed['lookupFor'])) {
    draft.lookups = lookups.data;
    draft.lookupFor = parsed['lookupFor'];
  }
  const flow = parsed['flow'];
  if (isString(flow) && FLOWS.has(flow)) draft.flow = flow as WizardFlow;
  const step = parsed['step'];
  if (isString(step) && STEPS.has(step)) draft.step = step as WizardStep;
  const profile = partnerProfileSchema.safeParse(parsed['profile']);
  if (profile.success) draft.profile = profile.data;
  if (isNullableString(parsed['prefilledFor'])) draft.prefilledFor = parsed['prefilledFor'];
  const sendEmail = parsed['sendEmail'];
  if (sendEmail === null || typeof sendEmail === 'boolean') draft.sendEmail = sendEmail;
  if (isObject(parsed['intents'])) {
    for (const [action, intent] of Object.entries(parsed['intents'])) {
      if (isObject(intent) && isString(intent['fingerprint']) && isString(intent['key'])) {
        draft.intents[action] = { fingerprint: intent['fingerprint'], key: intent['key'] };
      }
    }
  }
  if (Array.isArray(parsed['results'])) {
    const rows = parsed['results'].map(readResultRow);
    if (rows.every((row) => row !== null)) draft.results = rows as ResultRow[];
  }
  // A step that needs a flow it does not have starts again from the first step.
  if (draft.step !== 'contacts' && (draft.flow === null || (draft.step !== 'results' && !FLOW_STEPS[draft.flow].includes(draft.step as StepId)))) {
    draft.step = 'contacts';
  }
  if (draft.step === 'results' && draft.results === null) draft.step = 'contacts';
  return draft;
}
