/**
 * The keys of the partner profile form, and nothing else: what a first screen
 * needs to copy a profile (the wizard's pre-fill) without the form's field
 * specs, which load with the forms (`profile-fields.ts`, which re-exports this).
 */
import type { ProfileKey } from './completion.js';

export type ProfileImageKind = 'photo' | 'logo';
export type ProfileImageKey = 'photoUrl' | 'logoUrl';
/** Every profile key a form edits as text (the account email is not one: it is verified, not typed). */
export type ProfileTextKey = Exclude<ProfileKey, 'email' | ProfileImageKey>;
export type ProfileFormKey = ProfileTextKey | ProfileImageKey;
export type ProfileSectionId = 'general' | 'mls' | 'images';

/**
 * Every key a profile form holds, in form order (the sections' keys, then the
 * images): the order of a payload and of its fingerprint. (A test checks it matches
 * the sections of `profile-fields.ts`.)
 */
export const PROFILE_FORM_KEYS: readonly ProfileFormKey[] = [
  'firstName',
  'lastName',
  'company',
  'street',
  'unit',
  'city',
  'state',
  'zip',
  'jobTitle',
  'officePhone',
  'mobilePhone',
  'timeZone',
  'licenseNumber',
  'mlsAgentId',
  'mlsAssociation',
  'photoUrl',
  'logoUrl',
];

const FORM_KEY_SET: ReadonlySet<string> = /* @__PURE__ */ new Set(PROFILE_FORM_KEYS);

export function isProfileFormKey(key: string): key is ProfileFormKey {
  return FORM_KEY_SET.has(key);
}

