/**
 * How complete a partner's marketing profile is (seed 000).
 *
 * A field is filled when every profile key it requires is a non-blank string.
 * Two presets come from the seed: the progress bar and the account-completion
 * list that drives reminders; hosts may pass their own list.
 */

export interface PartnerProfile {
  firstName?: string | null;
  lastName?: string | null;
  email?: string | null;
  company?: string | null;
  street?: string | null;
  unit?: string | null;
  city?: string | null;
  state?: string | null;
  zip?: string | null;
  jobTitle?: string | null;
  officePhone?: string | null;
  mobilePhone?: string | null;
  timeZone?: string | null;
  licenseNumber?: string | null;
  mlsAgentId?: string | null;
  mlsAssociation?: string | null;
  photoUrl?: string | null;
  logoUrl?: string | null;
}

export type ProfileKey = keyof PartnerProfile;

export interface CompletionField {
  /** Stable code reported in `missing`; the UI localises it. */
  key: string;
  requires: readonly ProfileKey[];
}

export interface Completion {
  filled: number;
  total: number;
  /** Integer 0–100, rounded down so 100 means complete. */
  percent: number;
  /** Keys of the fields still to fill, in field order. */
  missing: string[];
  complete: boolean;
}

function field(key: string, requires: readonly ProfileKey[]): CompletionField {
  return Object.freeze({ key, requires: Object.freeze([...requires]) });
}

// The unit line is optional in a physical address.
const ADDRESS: readonly ProfileKey[] = ['street', 'city', 'state', 'zip'];

/** Seed 000, progress bar: name, email, address, job title, time zone, photos, MLS. */
export const PROGRESS_FIELDS: readonly CompletionField[] = Object.freeze([
  field('name', ['firstName', 'lastName']),
  field('email', ['email']),
  field('address', ADDRESS),
  field('jobTitle', ['jobTitle']),
  field('timeZone', ['timeZone']),
  field('profilePhoto', ['photoUrl']),
  field('companyPhoto', ['logoUrl']),
  field('mls', ['mlsAgentId', 'mlsAssociation']),
]);

/** Seed 000, account completion (drives the incomplete-profile reminders). */
export const REMINDER_FIELDS: readonly CompletionField[] = Object.freeze([
  field('accountName', ['firstName', 'lastName']),
  field('cellPhone', ['mobilePhone']),
  field('officePhone', ['officePhone']),
  field('address', ADDRESS),
  field('profilePhoto', ['photoUrl']),
  field('mlsMarket', ['mlsAssociation']),
  field('mlsAgentId', ['mlsAgentId']),
  field('employer', ['company']),
  field('companyLogo', ['logoUrl']),
  field('jobTitle', ['jobTitle']),
  field('licenseNumber', ['licenseNumber']),
]);

export const COMPLETION_PRESETS = Object.freeze({
  progress: PROGRESS_FIELDS,
  reminders: REMINDER_FIELDS,
});

export type CompletionPreset = keyof typeof COMPLETION_PRESETS;

export function isCompletionPreset(value: unknown): value is CompletionPreset {
  return value === 'progress' || value === 'reminders';
}

function isFilled(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '';
}

/** Bare keys become one-key fields; malformed entries and repeated keys are skipped. */
function toFields(fields: readonly (CompletionField | ProfileKey)[]): CompletionField[] {
  const seen = new Set<string>();
  const result: CompletionField[] = [];
  for (const entry of fields as readonly unknown[]) {
    let normalised: CompletionField | undefined;
    if (typeof entry === 'string') {
      normalised = { key: entry, requires: [entry as ProfileKey] };
    } else if (
      typeof entry === 'object' &&
      entry !== null &&
      typeof (entry as CompletionField).key === 'string' &&
      Array.isArray((entry as CompletionField).requires)
    ) {
      normalised = entry as CompletionField;
    }
    if (normalised === undefined || seen.has(normalised.key)) continue;
    seen.add(normalised.key);
    result.push(normalised);
  }
  return result;
}

export function computeCompletion(
  profile: PartnerProfile | null | undefined,
  fields: readonly (CompletionField | ProfileKey)[] = PROGRESS_FIELDS,
): Completion {
  const list = toFields(Array.isArray(fields) ? fields : PROGRESS_FIELDS);
  const values: PartnerProfile = typeof profile === 'object' && profile !== null ? profile : {};
  const missing: string[] = [];
  for (const { key, requires } of list) {
    const filled = requires.every((name) => isFilled(values[name]));
    if (!filled) missing.push(key);
  }
  const total = list.length;
  const filled = total - missing.length;
  // Integer arithmetic: 29 / 50 * 100 is 57.99… in floating point.
  const percent = total === 0 ? 100 : Math.floor((filled * 100) / total);
  return { filled, total, percent, missing, complete: missing.length === 0 };
}
