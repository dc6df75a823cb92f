import { expect } from '@open-wc/testing';
import { DAY_MS, REMINDER_DAYS, parseIsoInstant, reminderState, type ReminderInput, type ReminderState } from './reminders.js';

const INVITED = '2024-03-01T12:00:00.000Z';
const ACCEPTED = '2024-03-10T08:30:00.000Z';
const NONE: ReminderState = { kind: 'none', sent: 0, lastSentAt: null, nextDueAt: null };

/** `days` (may be fractional) after `iso`, as ISO. */
const plus = (iso: string, days: number): string => new Date(Date.parse(iso) + days * DAY_MS).toISOString();

const pending = (now: Date | string, status = 'pending-delivered'): ReminderInput => ({
  status,
  invitedAt: INVITED,
  profileComplete: false,
  now,
});
const accepted = (now: Date | string, extra: Partial<ReminderInput> = {}): ReminderInput => ({
  status: 'profile-created',
  invitedAt: INVITED,
  acceptedAt: ACCEPTED,
  profileComplete: false,
  now,
  ...extra,
});

describe('REMINDER_DAYS', () => {
  it('reminders go out 3 and 7 days after the anchor', () => expect([...REMINDER_DAYS]).to.deep.equal([3, 7]));
  it('a day is 86,400,000 ms', () => expect(DAY_MS).to.equal(86_400_000));
});

describe('reminderState: pending invitations (anchor: invitedAt)', () => {
  const cases: Array<{ name: string; input: ReminderInput; expected: ReminderState }> = [
    {
      name: 'just invited',
      input: pending(INVITED),
      expected: { kind: 'pending-invitation', sent: 0, lastSentAt: null, nextDueAt: plus(INVITED, 3) },
    },
    {
      name: 'one millisecond before day 3',
      input: pending(new Date(Date.parse(INVITED) + 3 * DAY_MS - 1)),
      expected: { kind: 'pending-invitation', sent: 0, lastSentAt: null, nextDueAt: plus(INVITED, 3) },
    },
    {
      name: 'exactly day 3 counts as sent',
      input: pending(plus(INVITED, 3)),
      expected: { kind: 'pending-invitation', sent: 1, lastSentAt: plus(INVITED, 3), nextDueAt: plus(INVITED, 7) },
    },
    {
      name: 'day 5',
      input: pending(plus(INVITED, 5)),
      expected: { kind: 'pending-invitation', sent: 1, lastSentAt: plus(INVITED, 3), nextDueAt: plus(INVITED, 7) },
    },
    {
      name: 'exactly day 7: both sent, nothing left',
      input: pending(plus(INVITED, 7)),
      expected: { kind: 'pending-invitation', sent: 2, lastSentAt: plus(INVITED, 7), nextDueAt: null },
    },
    {
      name: 'a month later: still two, nothing left',
      input: pending(plus(INVITED, 30)),
      expected: { kind: 'pending-invitation', sent: 2, lastSentAt: plus(INVITED, 7), nextDueAt: null },
    },
    {
      name: 'clock skew: now before the invite',
      input: pending(plus(INVITED, -1)),
      expected: { kind: 'pending-invitation', sent: 0, lastSentAt: null, nextDueAt: plus(INVITED, 3) },
    },
    {
      name: 'status given as a label',
      input: pending(plus(INVITED, 4), 'Pending - Email Opened'),
      expected: { kind: 'pending-invitation', sent: 1, lastSentAt: plus(INVITED, 3), nextDueAt: plus(INVITED, 7) },
    },
    {
      name: 'profile created, email sent but not accepted: still a pending invitation',
      input: pending(plus(INVITED, 4), 'profile-created-sent'),
      expected: { kind: 'pending-invitation', sent: 1, lastSentAt: plus(INVITED, 3), nextDueAt: plus(INVITED, 7) },
    },
    {
      name: 'pending with a complete (pre-filled) profile still reminds to register',
      input: { ...pending(plus(INVITED, 1), 'profile-created-opened'), profileComplete: true },
      expected: { kind: 'pending-invitation', sent: 0, lastSentAt: null, nextDueAt: plus(INVITED, 3) },
    },
    {
      name: 'pending ignores acceptedAt',
      input: { ...pending(plus(INVITED, 4)), acceptedAt: ACCEPTED },
      expected: { kind: 'pending-invitation', sent: 1, lastSentAt: plus(INVITED, 3), nextDueAt: plus(INVITED, 7) },
    },
    {
      name: 'email not sent: no invitation went out, so no reminder',
      input: pending(plus(INVITED, 4), 'profile-created-not-sent'),
      expected: NONE,
    },
  ];
  for (const c of cases) it(c.name, () => expect(reminderState(c.input)).to.deep.equal(c.expected));
});

describe('reminderState: incomplete profiles (anchor: acceptedAt)', () => {
  const cases: Array<{ name: string; input: ReminderInput; expected: ReminderState }> = [
    {
      name: 'accepted today',
      input: accepted(ACCEPTED),
      expected: { kind: 'incomplete-profile', sent: 0, lastSentAt: null, nextDueAt: plus(ACCEPTED, 3) },
    },
    {
      name: 'day 3 after acceptance (not after the invite)',
      input: accepted(plus(ACCEPTED, 3)),
      expected: { kind: 'incomplete-profile', sent: 1, lastSentAt: plus(ACCEPTED, 3), nextDueAt: plus(ACCEPTED, 7) },
    },
    {
      name: 'day 8 after acceptance',
      input: accepted(plus(ACCEPTED, 8)),
      expected: { kind: 'incomplete-profile', sent: 2, lastSentAt: plus(ACCEPTED, 7), nextDueAt: null },
    },
    {
      name: 'legacy Active is accepted too',
      input: accepted(plus(ACCEPTED, 1), { status: 'Active' }),
      expected: { kind: 'incomplete-profile', sent: 0, lastSentAt: null, nextDueAt: plus(ACCEPTED, 3) },
    },
    {
      name: 'no acceptedAt: falls back to invitedAt',
      input: accepted(plus(INVITED, 4), { acceptedAt: null }),
      expected: { kind: 'incomplete-profile', sent: 1, lastSentAt: plus(INVITED, 3), nextDueAt: plus(INVITED, 7) },
    },
    {
      name: 'blank acceptedAt: falls back to invitedAt',
      input: accepted(plus(INVITED, 2), { acceptedAt: '  ' }),
      expected: { kind: 'incomplete-profile', sent: 0, lastSentAt: null, nextDueAt: plus(INVITED, 3) },
    },
    {
      name: 'complete profile: no reminders',
      input: accepted(plus(ACCEPTED, 4), { profileComplete: true }),
      expected: NONE,
    },
  ];
  for (const c of cases) it(c.name, () => expect(reminderState(c.input)).to.deep.equal(c.expected));
});

describe('reminderState: dates and odd input (never throws)', () => {
  const cases: Array<{ name: string; input: unknown; expected: ReminderState }> = [
    { name: 'unknown status', input: pending(plus(INVITED, 4), 'declined'), expected: NONE },
    { name: 'empty status', input: pending(plus(INVITED, 4), ''), expected: NONE },
    { name: 'invalid invitedAt', input: { ...pending(plus(INVITED, 4)), invitedAt: 'yesterday' }, expected: NONE },
    { name: 'impossible calendar date', input: { ...pending('2024-03-05T00:00:00Z'), invitedAt: '2024-02-30T00:00:00Z' }, expected: NONE },
    { name: 'invalid acceptedAt does not silently fall back', input: accepted(plus(ACCEPTED, 4), { acceptedAt: 'soon' }), expected: NONE },
    { name: 'invalid Date as now', input: pending(new Date(Number.NaN)), expected: NONE },
    { name: 'invalid string as now', input: pending('now'), expected: NONE },
    { name: 'non-ISO date string as now', input: pending('March 5, 2024'), expected: NONE },
    { name: 'number as now at run time', input: pending(Date.parse(INVITED) as unknown as string), expected: NONE },
    { name: 'null input at run time', input: null, expected: NONE },
    {
      name: 'date-only strings are UTC midnight',
      input: { status: 'pending-opened', invitedAt: '2024-03-01', profileComplete: false, now: '2024-03-04' },
      expected: { kind: 'pending-invitation', sent: 1, lastSentAt: '2024-03-04T00:00:00.000Z', nextDueAt: '2024-03-08T00:00:00.000Z' },
    },
    {
      name: 'offsets are honoured (3 days in UTC, not local)',
      input: { status: 'pending-opened', invitedAt: '2024-03-01T00:00:00-05:00', profileComplete: false, now: '2024-03-04T04:59:59Z' },
      expected: { kind: 'pending-invitation', sent: 0, lastSentAt: null, nextDueAt: '2024-03-04T05:00:00.000Z' },
    },
    {
      name: 'crossing a daylight-saving change is still 3 × 24 h',
      input: { status: 'pending-opened', invitedAt: '2024-03-09T12:00:00Z', profileComplete: false, now: new Date('2024-03-12T12:00:00Z') },
      expected: { kind: 'pending-invitation', sent: 1, lastSentAt: '2024-03-12T12:00:00.000Z', nextDueAt: '2024-03-16T12:00:00.000Z' },
    },
  ];
  for (const c of cases) it(c.name, () => expect(reminderState(c.input as ReminderInput)).to.deep.equal(c.expected));
});

describe('parseIsoInstant', () => {
  const cases: Array<{ input: unknown; expected: number | undefined }> = [
    { input: '2024-03-01T12:00:00.000Z', expected: Date.UTC(2024, 2, 1, 12) },
    { input: '2024-03-01T12:00:00Z', expected: Date.UTC(2024, 2, 1, 12) },
    { input: '2024-03-01T12:00Z', expected: Date.UTC(2024, 2, 1, 12) },
    { input: '2024-03-01T12:00:00', expected: Date.UTC(2024, 2, 1, 12) },
    { input: '2024-03-01 12:00:00', expected: Date.UTC(2024, 2, 1, 12) },
    { input: '2024-03-01', expected: Date.UTC(2024, 2, 1) },
    { input: '2024-03-01T12:00:00+02:00', expected: Date.UTC(2024, 2, 1, 10) },
    { input: '2024-03-01T12:00:00+0530', expected: Date.UTC(2024, 2, 1, 6, 30) },
    { input: '2024-03-01T12:00:00.123456Z', expected: Date.UTC(2024, 2, 1, 12, 0, 0, 123) },
    { input: '  2024-03-01T12:00:00Z  ', expected: Date.UTC(2024, 2, 1, 12) },
    { input: '2024-02-29T00:00:00Z', expected: Date.UTC(2024, 1, 29) },
    { input: '2023-02-29T00:00:00Z', expected: undefined },
    { input: '2024-04-31', expected: undefined },
    { input: '2024-13-01', expected: undefined },
    { input: '2024-03-01T25:00:00Z', expected: undefined },
    { input: '2024-03-01T12:00:00+25:00', expected: undefined },
    { input: '1 March 2024', expected: undefined },
    { input: '1709294400000', expected: undefined },
    { input: '', expected: undefined },
    { input: null, expected: undefined },
    { input: 1709294400000, expected: undefined },
  ];
  for (const c of cases) it(`${JSON.stringify(c.input)} → ${String(c.expected)}`, () => expect(parseIsoInstant(c.input)).to.equal(c.expected));
});
