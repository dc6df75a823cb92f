/**
 * The profile form of `<partner-registration>`: the fields of PRODUCT.md's
 * General Info, MLS Info and Images, and the conversion between the adapter's
 * profile and what the form holds (always strings, so nothing typed is lost).
 */
import type { ImageKind } from '../../adapter/types.js';
import type { PartnerProfile, ProfileKey } from '../../domain/completion.js';

/** Profile keys typed as text. The account email is the verified address, not a form field. */
export type TextFieldKey = Exclude<ProfileKey, 'email' | 'photoUrl' | 'logoUrl'>;
export type ImageFieldKey = 'photoUrl' | 'logoUrl';
export type FormKey = TextFieldKey | ImageFieldKey;
export type ProfileDraft = Record<FormKey, string>;

/**
 * The autofill tokens the form uses. Single tokens only: the phones would
 * rather say "work tel" / "mobile tel", but lit-analyzer's HTML data rejects
 * compound tokens.
 */
export type AutocompleteToken =
  | 'given-name'
  | 'family-name'
  | 'organization'
  | 'organization-title'
  | 'address-line1'
  | 'address-line2'
  | 'address-level1'
  | 'address-level2'
  | 'postal-code'
  | 'tel'
  | 'off';

export interface TextFieldSpec {
  key: TextFieldKey;
  /** WCAG 1.3.5: the purpose of the input, for autofill and assistive technology. */
  autocomplete: AutocompleteToken;
  /** The contract's length limit for this key (schemas.ts). */
  maxLength: number;
  type: 'text' | 'tel';
}

const text = (key: TextFieldKey, autocomplete: AutocompleteToken, maxLength = 200): TextFieldSpec => ({
  key,
  autocomplete,
  maxLength,
  type: 'text',
});
const tel = (key: TextFieldKey): TextFieldSpec => ({ key, autocomplete: 'tel', maxLength: 40, type: 'tel' });

/** General Info, in the seed's order; the time zone follows as a list. */
export const GENERAL_FIELDS: readonly TextFieldSpec[] = [
  text('firstName', 'given-name'),
  text('lastName', 'family-name'),
  text('company', 'organization'),
  text('street', 'address-line1'),
  text('unit', 'address-line2'),
  text('city', 'address-level2'),
  text('state', 'address-level1'),
  text('zip', 'postal-code', 20),
  text('jobTitle', 'organization-title'),
  tel('officePhone'),
  tel('mobilePhone'),
];

/** MLS Info: licence number, MLS agent ID, MLS association. */
export const MLS_FIELDS: readonly TextFieldSpec[] = [
  text('licenseNumber', 'off', 64),
  text('mlsAgentId', 'off', 64),
  text('mlsAssociation', 'off'),
];

export const IMAGE_FIELD: Readonly<Record<ImageKind, ImageFieldKey>> = { photo: 'photoUrl', logo: 'logoUrl' };
export const IMAGE_KINDS: readonly ImageKind[] = ['photo', 'logo'];

/** What the upload accepts (the contract's image rule). */
export const IMAGE_TYPES: readonly string[] = ['image/png', 'image/jpeg', 'image/webp'];
export const MAX_IMAGE_MEGABYTES = 5;
export const MAX_IMAGE_BYTES = MAX_IMAGE_MEGABYTES * 1024 * 1024;

/** Every form key, in form order: the order of the payload and of its fingerprint. */
export const FORM_KEYS: readonly FormKey[] = [
  ...GENERAL_FIELDS.map((field) => field.key),
  'timeZone',
  ...MLS_FIELDS.map((field) => field.key),
  'photoUrl',
  'logoUrl',
];

const FORM_KEY_SET: ReadonlySet<string> = new Set(FORM_KEYS);

export function isFormKey(key: string): key is FormKey {
  return FORM_KEY_SET.has(key);
}

/** The form's starting values: the inviter's pre-fill, blanks as empty strings. */
export function draftFromProfile(profile: PartnerProfile | null | undefined): ProfileDraft {
  const draft = {} as ProfileDraft;
  for (const key of FORM_KEYS) {
    const value = profile?.[key];
    draft[key] = typeof value === 'string' ? value : '';
  }
  return draft;
}

/** What `completeRegistration` receives: every form key, trimmed; a blank clears the field (null). */
export function profileFromDraft(draft: ProfileDraft): PartnerProfile {
  const profile: PartnerProfile = {};
  for (const key of FORM_KEYS) {
    const value = draft[key].trim();
    profile[key] = value === '' ? null : value;
  }
  return profile;
}

export type ImageProblem = 'type' | 'size' | 'empty';

/** Why a chosen file cannot be uploaded, checked before any request; null when it can. */
export function imageProblem(file: { type: string; size: number }): ImageProblem | null {
  if (!IMAGE_TYPES.includes(file.type)) return 'type';
  if (file.size === 0) return 'empty';
  if (file.size > MAX_IMAGE_BYTES) return 'size';
  return null;
}

let timeZones: readonly string[] | undefined;

/** The IANA time zones this browser knows (the list the server's check accepts). */
export function supportedTimeZones(): readonly string[] {
  if (timeZones === undefined) {
    try {
      timeZones = Intl.supportedValuesOf('timeZone');
    } catch {
      timeZones = [];
    }
  }
  return timeZones;
}
