/**
 * The partner profile form of PRODUCT.md (General Info, MLS Info, Images, in
 * the order of seed 001): the one definition behind every form that shows it
 * (the table's "Edit" dialog, the wizard's pre-fill steps, the registration's
 * profile step) and behind the contract's length limits (`adapter/schemas.ts`),
 * so a form can never accept what the contract rejects.
 */
import type { PartnerProfile } from './completion.js';
import { PROFILE_FORM_KEYS, type ProfileFormKey, type ProfileImageKey, type ProfileImageKind, type ProfileSectionId, type ProfileTextKey } from './profile-keys.js';

// The key list lives in its own module so a first screen that only copies a profile does not load the specs.
export * from './profile-keys.js';

/**
 * An input's purpose (WCAG 1.3.5), for a form where people enter their own
 * profile. Single tokens only: "work tel" would be more precise for the office
 * phone, but lit-analyzer's HTML data rejects compound tokens.
 */
export type ProfileAutocomplete =
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

export interface ProfileFieldSpec {
  key: ProfileTextKey;
  /** How it is entered: a text box, a phone box, or the time-zone list. */
  input: 'text' | 'tel' | 'time-zone';
  /** The contract's limit for the value. */
  maxLength: number;
  /**
   * Its purpose, where the person fills in their own profile. A form about
   * someone else (a lender pre-filling a partner) uses `off`: the browser
   * would offer the lender's own name and phone.
   */
  autocomplete: ProfileAutocomplete;
  /** Takes a whole row of a two-column form (long values). */
  wide: boolean;
}

/** The contract's longest value per profile key (URLs: the contract's URL limit). */
export const PROFILE_MAX_LENGTH: Readonly<Record<ProfileTextKey | ProfileImageKey, number>> = /* @__PURE__ */ Object.freeze({
  firstName: 200,
  lastName: 200,
  company: 200,
  street: 200,
  unit: 200,
  city: 200,
  state: 200,
  zip: 20,
  jobTitle: 200,
  officePhone: 40,
  mobilePhone: 40,
  timeZone: 64,
  licenseNumber: 64,
  mlsAgentId: 64,
  mlsAssociation: 200,
  photoUrl: 2048,
  logoUrl: 2048,
});

/** Tree-shakeable (no side effects): an app that uses only the key list does not carry the specs. */
/* @__NO_SIDE_EFFECTS__ */
function field(key: ProfileTextKey, autocomplete: ProfileAutocomplete, input: ProfileFieldSpec['input'] = 'text', wide = false): ProfileFieldSpec {
  return Object.freeze({ key, input, maxLength: PROFILE_MAX_LENGTH[key], autocomplete, wide });
}

/** General Info: name, company, address, job title, phones, time zone. */
export const GENERAL_FIELDS: readonly ProfileFieldSpec[] = /* @__PURE__ */ Object.freeze([
  field('firstName', 'given-name'),
  field('lastName', 'family-name'),
  field('company', 'organization', 'text', true),
  field('street', 'address-line1', 'text', true),
  field('unit', 'address-line2', 'text', true),
  field('city', 'address-level2'),
  field('state', 'address-level1'),
  field('zip', 'postal-code'),
  field('jobTitle', 'organization-title'),
  field('officePhone', 'tel', 'tel'),
  field('mobilePhone', 'tel', 'tel'),
  field('timeZone', 'off', 'time-zone'),
]);

/** MLS Info: licence number, MLS agent ID, MLS association. */
export const MLS_FIELDS: readonly ProfileFieldSpec[] = /* @__PURE__ */ Object.freeze([
  field('licenseNumber', 'off'),
  field('mlsAgentId', 'off'),
  field('mlsAssociation', 'off', 'text', true),
]);

/** Images: the profile photo and the company logo, each stored as a URL. */
export const IMAGE_KINDS: readonly ProfileImageKind[] = /* @__PURE__ */ Object.freeze(['photo', 'logo']);
export const IMAGE_FIELD: Readonly<Record<ProfileImageKind, ProfileImageKey>> = /* @__PURE__ */ Object.freeze({ photo: 'photoUrl', logo: 'logoUrl' });

/** The section that shows a key (to take someone to a field the server rejected); undefined for other keys. */
export function sectionOfProfileField(key: string): ProfileSectionId | undefined {
  if (GENERAL_FIELDS.some((spec) => spec.key === key)) return 'general';
  if (MLS_FIELDS.some((spec) => spec.key === key)) return 'mls';
  if (key === 'photoUrl' || key === 'logoUrl') return 'images';
  return undefined;
}

const PHONE_CHARACTERS = /^\+?[\d\s().-]+(?:\s*(?:x|ext\.?)\s*\d{1,6})?$/i;

/** A phone number: digits and separators, 7–15 digits before any extension (E.164 allows 15). */
export function isPlausiblePhone(value: string): boolean {
  if (!PHONE_CHARACTERS.test(value)) return false;
  const digits = value.replace(/(?:x|ext\.?)\s*\d{1,6}$/i, '').replace(/\D/g, '').length;
  return digits >= 7 && digits <= 15;
}

/** A US ZIP or ZIP+4, or another country's postal code (letters, digits, a space or hyphen). */
export function isPlausibleZip(value: string): boolean {
  return /^\d{5}(?:-\d{4})?$/.test(value) || /^(?=.*\d)[A-Za-z\d][A-Za-z\d -]{1,8}[A-Za-z\d]$/.test(value);
}

/** What a profile form holds: every key as text ('' for none), so nothing typed is lost. */
export type ProfileDraft = Record<ProfileFormKey, string>;

/** A form's starting values from a profile: every key, blanks and missing ones as ''. */
export function profileDraft(profile: PartnerProfile | null | undefined): ProfileDraft {
  const draft = {} as ProfileDraft;
  for (const key of PROFILE_FORM_KEYS) {
    const value = profile?.[key];
    draft[key] = typeof value === 'string' ? value : '';
  }
  return draft;
}

/** What a form's values send: every key, trimmed; a blank one clears the field (null). */
export function profileFromDraft(draft: ProfileDraft): PartnerProfile {
  const profile: PartnerProfile = {};
  for (const key of PROFILE_FORM_KEYS) {
    const value = draft[key].trim();
    profile[key] = value === '' ? null : value;
  }
  return profile;
}

/** What a profile form checks before sending: the phone and ZIP rules above (the backend checks them too). */
export type ProfileProblem = 'phone' | 'zip';

/**
 * The problems of the given values, by key: a phone number or a ZIP code that
 * is not blank and does not follow its rule. Blank values are fine (every
 * field is optional); keys that are not given are not checked.
 */
export function profileProblems(values: Partial<Record<ProfileTextKey, string | null | undefined>>): Partial<Record<ProfileTextKey, ProfileProblem>> {
  const problems: Partial<Record<ProfileTextKey, ProfileProblem>> = {};
  for (const key of ['officePhone', 'mobilePhone'] as const) {
    const value = values[key]?.trim();
    if (value && !isPlausiblePhone(value)) problems[key] = 'phone';
  }
  const zip = values.zip?.trim();
  if (zip && !isPlausibleZip(zip)) problems.zip = 'zip';
  return problems;
}

/**
 * The time zones offered first, by name: every zone of the United States (the
 * product's market) and Puerto Rico, from east to west, each time zone's main
 * city first; spelled as browsers list them (`Intl.supportedValuesOf`, which
 * says America/Indianapolis and America/Louisville). Every other zone the browser knows
 * follows them.
 */
export const US_TIME_ZONES: readonly string[] = /* @__PURE__ */ Object.freeze([
  // Eastern
  'America/New_York',
  'America/Detroit',
  'America/Louisville',
  'America/Kentucky/Monticello',
  'America/Indianapolis',
  'America/Indiana/Vincennes',
  'America/Indiana/Winamac',
  'America/Indiana/Marengo',
  'America/Indiana/Petersburg',
  'America/Indiana/Vevay',
  // Central
  'America/Chicago',
  'America/Indiana/Tell_City',
  'America/Indiana/Knox',
  'America/Menominee',
  'America/North_Dakota/Center',
  'America/North_Dakota/New_Salem',
  'America/North_Dakota/Beulah',
  // Mountain
  'America/Denver',
  'America/Boise',
  'America/Phoenix',
  // Pacific
  'America/Los_Angeles',
  // Alaska, Hawaii–Aleutian
  'America/Anchorage',
  'America/Juneau',
  'America/Sitka',
  'America/Metlakatla',
  'America/Yakutat',
  'America/Nome',
  'America/Adak',
  'Pacific/Honolulu',
  // Atlantic
  'America/Puerto_Rico',
]);

export interface TimeZoneChoices {
  /** The US zones, in `US_TIME_ZONES` order. */
  featured: readonly string[];
  /** Every other zone `known` lists, alphabetically; a `current` value nobody lists comes first, so it is never lost. */
  others: readonly string[];
}

/**
 * What a time-zone list offers: the US zones, then the others. `known` is the
 * runtime's list (`Intl.supportedValuesOf('timeZone')`, which a caller
 * passes: this module reads no environment).
 */
export function timeZoneChoices(current: string, known: readonly string[]): TimeZoneChoices {
  const featured = new Set(US_TIME_ZONES);
  const others = known.filter((zone) => !featured.has(zone)).sort();
  const kept = current !== '' && !featured.has(current) && !others.includes(current) ? [current] : [];
  return { featured: US_TIME_ZONES, others: [...kept, ...others] };
}
