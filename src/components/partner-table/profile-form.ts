/**
 * The profile a lender may edit (PRODUCT.md: General Info, MLS Info and
 * Images — the pre-fill fields of seed 001), as plain data and pure helpers:
 * what the form shows first, what changed, and which field an adapter's
 * validation error belongs to.
 */
import type { PartnerKitError } from '../../adapter/errors.js';
import type { Partner } from '../../adapter/types.js';
import type { PartnerProfile } from '../../domain/completion.js';

export type EditableField =
  | 'firstName'
  | 'lastName'
  | 'company'
  | 'street'
  | 'unit'
  | 'city'
  | 'state'
  | 'zip'
  | 'jobTitle'
  | 'officePhone'
  | 'mobilePhone'
  | 'timeZone'
  | 'licenseNumber'
  | 'mlsAgentId'
  | 'mlsAssociation'
  | 'photoUrl'
  | 'logoUrl';

export type FieldKind = 'text' | 'tel' | 'time-zone' | 'image';

export interface FieldSpec {
  key: EditableField;
  kind: FieldKind;
  /** The contract's limit for the value (schemas.ts). */
  maxLength: number;
}

export interface FormSection {
  id: 'general' | 'mls' | 'images';
  fields: readonly FieldSpec[];
}

const text = (key: EditableField, maxLength = 200): FieldSpec => ({ key, kind: 'text', maxLength });

export const PROFILE_SECTIONS: readonly FormSection[] = [
  {
    id: 'general',
    fields: [
      text('firstName'),
      text('lastName'),
      text('company'),
      text('street'),
      text('unit'),
      text('city'),
      text('state'),
      text('zip', 20),
      text('jobTitle'),
      { key: 'officePhone', kind: 'tel', maxLength: 40 },
      { key: 'mobilePhone', kind: 'tel', maxLength: 40 },
      { key: 'timeZone', kind: 'time-zone', maxLength: 64 },
    ],
  },
  { id: 'mls', fields: [text('licenseNumber', 64), text('mlsAgentId', 64), text('mlsAssociation')] },
  {
    id: 'images',
    fields: [
      { key: 'photoUrl', kind: 'image', maxLength: 2048 },
      { key: 'logoUrl', kind: 'image', maxLength: 2048 },
    ],
  },
];

export const EDITABLE_FIELDS: readonly EditableField[] = PROFILE_SECTIONS.flatMap((section) => section.fields.map((field) => field.key));

const EDITABLE_SET: ReadonlySet<string> = new Set(EDITABLE_FIELDS);

export type ProfileValues = Record<EditableField, string>;

/** What the form starts with: the profile, with the partner's own name where the profile has none. */
export function initialValues(partner: Partner): ProfileValues {
  const profile = partner.profile;
  const values = {} as ProfileValues;
  for (const key of EDITABLE_FIELDS) values[key] = profile[key] ?? '';
  if (values.firstName === '') values.firstName = partner.firstName;
  if (values.lastName === '') values.lastName = partner.lastName;
  return values;
}

/** The values in the form right now, read from its controls (the DOM is the draft: nothing typed is lost). */
export function readForm(form: HTMLFormElement): ProfileValues {
  const data = new FormData(form);
  const values = {} as ProfileValues;
  for (const key of EDITABLE_FIELDS) {
    const value = data.get(key);
    values[key] = typeof value === 'string' ? value : '';
  }
  return values;
}

/** Only the fields that changed (trimmed); a field emptied becomes `null`, which clears it. */
export function profileChanges(before: ProfileValues, after: ProfileValues): PartnerProfile {
  const changes: PartnerProfile = {};
  for (const key of EDITABLE_FIELDS) {
    const next = after[key].trim();
    if (next === before[key].trim()) continue;
    changes[key] = next === '' ? null : next;
  }
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
    if (EDITABLE_SET.has(key)) fields[key as EditableField] = message;
    else other.push(message);
  }
  return { fields, other };
}

/** The IANA time zones the browser knows, with `current` kept even when it does not know it. */
export function timeZoneOptions(current: string): string[] {
  let zones: string[] = [];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    zones = [];
  }
  return current !== '' && !zones.includes(current) ? [current, ...zones] : zones;
}

/** Images the adapter's upload accepts (the memory store's rule, also the REST contract's). */
export const IMAGE_TYPES: readonly string[] = ['image/png', 'image/jpeg', 'image/webp'];
export const MAX_IMAGE_MB = 5;

/** Why a chosen file cannot be uploaded, or null when it can. */
export function imageProblem(file: File): 'type' | 'size' | null {
  if (!IMAGE_TYPES.includes(file.type)) return 'type';
  if (file.size > MAX_IMAGE_MB * 1024 * 1024) return 'size';
  return null;
}
