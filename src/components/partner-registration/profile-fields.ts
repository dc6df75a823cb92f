/**
 * The profile form of `<partner-registration>`: the conversion between the
 * adapter's profile and what the form holds (always strings, so nothing typed
 * is lost). The fields themselves are the kit's one profile form
 * (`domain/profile-fields.ts`).
 */
import type { PartnerProfile } from '../../domain/completion.js';
import { PROFILE_FORM_KEYS, type ProfileFormKey } from '../../domain/profile-fields.js';

export type ProfileDraft = Record<ProfileFormKey, string>;

/** The form's starting values: the inviter's pre-fill, blanks as empty strings. */
export function draftFromProfile(profile: PartnerProfile | null | undefined): ProfileDraft {
  const draft = {} as ProfileDraft;
  for (const key of PROFILE_FORM_KEYS) {
    const value = profile?.[key];
    draft[key] = typeof value === 'string' ? value : '';
  }
  return draft;
}

/** What `completeRegistration` receives: every form key, trimmed; a blank clears the field (null). */
export function profileFromDraft(draft: ProfileDraft): PartnerProfile {
  const profile: PartnerProfile = {};
  for (const key of PROFILE_FORM_KEYS) {
    const value = draft[key].trim();
    profile[key] = value === '' ? null : value;
  }
  return profile;
}
