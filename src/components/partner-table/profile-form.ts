/**
 * The profile a lender may edit (PRODUCT.md: General Info, MLS Info and
 * Images — the pre-fill fields of seed 001; `domain/profile-fields.ts` defines
 * them) as pure helpers: what the form shows first, what changed, and which
 * field an adapter's validation error belongs to.
 */
import type { PartnerKitError } from '../../adapter/errors.js';
import type { Partner } from '../../adapter/types.js';
import type { PartnerProfile } from '../../domain/completion.js';
import { isProfileFormKey, PROFILE_FORM_KEYS, profileDraft, profileFromDraft, type ProfileDraft, type ProfileFormKey } from '../../domain/profile-fields.js';

/** Every field of the edit form: the kit's one profile form (`domain/profile-fields.ts`). */
export type EditableField = ProfileFormKey;


/** What the form starts with: the profile, with the partner's own name where the profile has none. */
export function initialValues(partner: Partner): ProfileDraft {
  const values = profileDraft(partner.profile);
  if (values.firstName === '') values.firstName = partner.firstName;
  if (values.lastName === '') values.lastName = partner.lastName;
  return values;
}

/** The values in the form right now, read from its controls (the DOM is the draft: nothing typed is lost). */
export function readForm(form: HTMLFormElement): ProfileDraft {
  const data = new FormData(form);
  const values = {} as ProfileDraft;
  for (const key of PROFILE_FORM_KEYS) {
    const value = data.get(key);
    values[key] = typeof value === 'string' ? value : '';
  }
  return values;
}

/** Only the fields that changed (trimmed); a field emptied becomes `null`, which clears it. */
export function profileChanges(before: ProfileDraft, after: ProfileDraft): PartnerProfile {
  const next = profileFromDraft(after);
  const changes: PartnerProfile = {};
  for (const key of PROFILE_FORM_KEYS) if (after[key].trim() !== before[key].trim()) changes[key] = next[key];
  return changes;
}

/**
 * Splits an adapter's validation error into messages per form field and the
 * rest. Keys may be a profile key (`zip`) or a path (`profile.zip`).
 */
export function fieldErrorsOf(error: PartnerKitError): { fields: Partial<Record<EditableField, string>>; other: string[] } {
  const fields: Partial<Record<EditableField, string>> = {};
  const other: string[] = [];
  for (const [path, message] of Object.entries(error.fieldErrors)) {
    const key = path.replace(/^profile\./, '');
    if (isProfileFormKey(key)) fields[key] = message;
    else other.push(message);
  }
  return { fields, other };
}
