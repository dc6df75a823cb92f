import { expect } from '@open-wc/testing';
import {
  COMPLETION_PRESETS,
  PROGRESS_FIELDS,
  REMINDER_FIELDS,
  computeCompletion,
  isCompletionPreset,
  type Completion,
  type CompletionField,
  type PartnerProfile,
  type ProfileKey,
} from './completion.js';

const FULL: Required<PartnerProfile> = {
  firstName: 'Johnny',
  lastName: 'Smith',
  email: 'smith.john@example.com',
  company: 'Smith Realty',
  street: '1 Main St',
  unit: 'Apt 4',
  city: 'Springfield',
  state: 'IL',
  zip: '62704',
  jobTitle: 'Realtor',
  officePhone: '555-0100',
  mobilePhone: '555-0101',
  timeZone: 'America/Chicago',
  licenseNumber: 'IL-123',
  mlsAgentId: 'A-42',
  mlsAssociation: 'MRED',
  photoUrl: 'https://example.com/p.jpg',
  logoUrl: 'https://example.com/l.png',
};

const PROGRESS_KEYS = ['name', 'email', 'address', 'jobTitle', 'timeZone', 'profilePhoto', 'companyPhoto', 'mls'];
const REMINDER_KEYS = [
  'accountName',
  'cellPhone',
  'officePhone',
  'address',
  'profilePhoto',
  'mlsMarket',
  'mlsAgentId',
  'employer',
  'companyLogo',
  'jobTitle',
  'licenseNumber',
];

/** `count` one-key fields requiring `key`, named `${prefix}0…`. */
function many(prefix: string, count: number, key: ProfileKey): CompletionField[] {
  return Array.from({ length: count }, (_, index) => ({ key: `${prefix}${index}`, requires: [key] }));
}

describe('presets', () => {
  const cases: Array<{ name: string; actual: () => unknown; expected: unknown }> = [
    { name: 'progress preset: the 8 seed fields in order', actual: () => PROGRESS_FIELDS.map((f) => f.key), expected: PROGRESS_KEYS },
    { name: 'reminders preset: the 11 seed fields in order', actual: () => REMINDER_FIELDS.map((f) => f.key), expected: REMINDER_KEYS },
    { name: 'name needs first and last name', actual: () => PROGRESS_FIELDS[0]?.requires, expected: ['firstName', 'lastName'] },
    { name: 'address needs street, city, state, zip (unit optional)', actual: () => PROGRESS_FIELDS[2]?.requires, expected: ['street', 'city', 'state', 'zip'] },
    { name: 'MLS information needs agent ID and association', actual: () => PROGRESS_FIELDS[7]?.requires, expected: ['mlsAgentId', 'mlsAssociation'] },
    { name: 'MLS market is the association', actual: () => REMINDER_FIELDS[5]?.requires, expected: ['mlsAssociation'] },
    { name: 'employer is the company', actual: () => REMINDER_FIELDS[7]?.requires, expected: ['company'] },
    { name: 'COMPLETION_PRESETS.progress', actual: () => COMPLETION_PRESETS.progress, expected: PROGRESS_FIELDS },
    { name: 'COMPLETION_PRESETS.reminders', actual: () => COMPLETION_PRESETS.reminders, expected: REMINDER_FIELDS },
    { name: 'presets are frozen', actual: () => [Object.isFrozen(PROGRESS_FIELDS), Object.isFrozen(REMINDER_FIELDS), Object.isFrozen(PROGRESS_FIELDS[0]?.requires)], expected: [true, true, true] },
  ];
  for (const c of cases) it(c.name, () => expect(c.actual()).to.deep.equal(c.expected));
});

describe('isCompletionPreset', () => {
  const cases: Array<{ input: unknown; expected: boolean }> = [
    { input: 'progress', expected: true },
    { input: 'reminders', expected: true },
    { input: 'Progress', expected: false },
    { input: 'toString', expected: false },
    { input: null, expected: false },
  ];
  for (const c of cases) it(`${String(c.input)} → ${c.expected}`, () => expect(isCompletionPreset(c.input)).to.equal(c.expected));
});

describe('computeCompletion', () => {
  const cases: Array<{
    name: string;
    profile: PartnerProfile | null | undefined;
    fields?: readonly (CompletionField | ProfileKey)[];
    expected: Completion;
  }> = [
    {
      name: 'full profile, default (progress) preset',
      profile: FULL,
      expected: { filled: 8, total: 8, percent: 100, missing: [], complete: true },
    },
    {
      name: 'full profile, reminders preset',
      profile: FULL,
      fields: REMINDER_FIELDS,
      expected: { filled: 11, total: 11, percent: 100, missing: [], complete: true },
    },
    {
      name: 'empty profile lists every field as missing',
      profile: {},
      expected: { filled: 0, total: 8, percent: 0, missing: PROGRESS_KEYS, complete: false },
    },
    {
      name: 'null profile',
      profile: null,
      expected: { filled: 0, total: 8, percent: 0, missing: PROGRESS_KEYS, complete: false },
    },
    {
      name: 'undefined profile, reminders preset',
      profile: undefined,
      fields: REMINDER_FIELDS,
      expected: { filled: 0, total: 11, percent: 0, missing: REMINDER_KEYS, complete: false },
    },
    {
      name: 'a name needs both parts',
      profile: { ...FULL, lastName: null },
      expected: { filled: 7, total: 8, percent: 87, missing: ['name'], complete: false },
    },
    {
      name: 'blank and whitespace-only values are not filled',
      profile: { ...FULL, jobTitle: '   ', timeZone: '\n\t' },
      expected: { filled: 6, total: 8, percent: 75, missing: ['jobTitle', 'timeZone'], complete: false },
    },
    {
      name: 'the unit line is optional in an address',
      profile: { ...FULL, unit: null },
      expected: { filled: 8, total: 8, percent: 100, missing: [], complete: true },
    },
    {
      name: 'an address without a zip is incomplete',
      profile: { ...FULL, zip: '' },
      expected: { filled: 7, total: 8, percent: 87, missing: ['address'], complete: false },
    },
    {
      name: 'MLS information needs both values',
      profile: { ...FULL, mlsAssociation: undefined },
      expected: { filled: 7, total: 8, percent: 87, missing: ['mls'], complete: false },
    },
    {
      name: 'progress complete is not reminders complete (phones, employer, licence)',
      profile: { ...FULL, officePhone: null, mobilePhone: null, company: null, licenseNumber: null },
      fields: REMINDER_FIELDS,
      expected: { filled: 7, total: 11, percent: 63, missing: ['cellPhone', 'officePhone', 'employer', 'licenseNumber'], complete: false },
    },
    {
      name: 'percent is floored, never rounded up (2 of 3 → 66)',
      profile: { email: 'a@b.co', jobTitle: 'x' },
      fields: ['email', 'jobTitle', 'timeZone'],
      expected: { filled: 2, total: 3, percent: 66, missing: ['timeZone'], complete: false },
    },
    {
      name: 'percent 99 when one of many is missing (never 100 before complete)',
      profile: { firstName: 'A' },
      fields: [...many('f', 199, 'firstName'), { key: 'last', requires: ['lastName'] }],
      expected: { filled: 199, total: 200, percent: 99, missing: ['last'], complete: false },
    },
    {
      name: 'integer arithmetic: 29 of 50 is 58, not 57',
      profile: { firstName: 'A' },
      fields: [...many('yes', 29, 'firstName'), ...many('no', 21, 'lastName')],
      expected: { filled: 29, total: 50, percent: 58, missing: many('no', 21, 'lastName').map((f) => f.key), complete: false },
    },
    {
      name: 'bare profile keys are one-key fields',
      profile: { email: 'a@b.co' },
      fields: ['email', 'jobTitle'],
      expected: { filled: 1, total: 2, percent: 50, missing: ['jobTitle'], complete: false },
    },
    {
      name: 'bare keys and field objects mixed',
      profile: { firstName: 'A', lastName: 'B' },
      fields: [{ key: 'fullName', requires: ['firstName', 'lastName'] }, 'photoUrl'],
      expected: { filled: 1, total: 2, percent: 50, missing: ['photoUrl'], complete: false },
    },
    {
      name: 'an empty field list is complete',
      profile: {},
      fields: [],
      expected: { filled: 0, total: 0, percent: 100, missing: [], complete: true },
    },
    {
      name: 'duplicate bare keys count once',
      profile: {},
      fields: ['email', 'email', 'jobTitle'],
      expected: { filled: 0, total: 2, percent: 0, missing: ['email', 'jobTitle'], complete: false },
    },
    {
      name: 'duplicate field keys count once (the first definition wins)',
      profile: { email: 'a@b.co' },
      fields: [{ key: 'contact', requires: ['email'] }, { key: 'contact', requires: ['officePhone'] }],
      expected: { filled: 1, total: 1, percent: 100, missing: [], complete: true },
    },
    {
      name: 'a field requiring nothing is filled',
      profile: {},
      fields: [{ key: 'nothing', requires: [] }, 'email'],
      expected: { filled: 1, total: 2, percent: 50, missing: ['email'], complete: false },
    },
    {
      name: 'non-string values at run time are not filled',
      profile: { zip: 62704, email: true, jobTitle: ['x'] } as unknown as PartnerProfile,
      fields: ['zip', 'email', 'jobTitle'],
      expected: { filled: 0, total: 3, percent: 0, missing: ['zip', 'email', 'jobTitle'], complete: false },
    },
    {
      name: 'malformed field entries at run time are skipped',
      profile: { email: 'a@b.co' },
      fields: [null, 42, { key: 'x' }, 'email'] as unknown as ProfileKey[],
      expected: { filled: 1, total: 1, percent: 100, missing: [], complete: true },
    },
  ];
  for (const c of cases) it(c.name, () => expect(computeCompletion(c.profile, c.fields)).to.deep.equal(c.expected));
});
