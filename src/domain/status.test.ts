import { expect } from '@open-wc/testing';
import {
  INVITE_STATUSES,
  STATUS_LABELS,
  describeStatus,
  hasPartnerAccount,
  isInviteStatus,
  isPendingInvitation,
  parseInviteStatus,
  type InviteStatus,
  type StatusInfo,
} from './status.js';

describe('describeStatus: every status (code → info)', () => {
  const cases: StatusInfo[] = [
    { code: 'pending-not-delivered', label: 'Pending - Email Not Delivered', tone: 'danger', printEligible: false, accepted: false, legacy: true, emailModifier: 'not-delivered', nextAction: 'check-address-and-resend' },
    { code: 'pending-delivered', label: 'Pending - Email Delivered', tone: 'info', printEligible: false, accepted: false, legacy: true, emailModifier: 'delivered', nextAction: 'wait-for-open' },
    { code: 'pending-opened', label: 'Pending - Email Opened', tone: 'info', printEligible: false, accepted: false, legacy: true, emailModifier: 'opened', nextAction: 'follow-up' },
    { code: 'pending-link-clicked', label: 'Pending - Invitation Link Clicked', tone: 'info', printEligible: false, accepted: false, legacy: true, emailModifier: 'link-clicked', nextAction: 'partner-registering' },
    { code: 'active', label: 'Active', tone: 'success', printEligible: true, accepted: true, legacy: true, emailModifier: null, nextAction: 'none' },
    { code: 'profile-created', label: 'Active - Profile Created', tone: 'success', printEligible: true, accepted: true, legacy: false, emailModifier: null, nextAction: 'none' },
    { code: 'profile-created-not-sent', label: 'Active - Profile Created - Email Not Sent', tone: 'warning', printEligible: false, accepted: false, legacy: false, emailModifier: 'not-sent', nextAction: 'send-email' },
    { code: 'profile-created-sent', label: 'Active - Profile Created - Email Sent', tone: 'info', printEligible: false, accepted: false, legacy: false, emailModifier: 'sent', nextAction: 'wait-for-open' },
    { code: 'profile-created-not-delivered', label: 'Active - Profile Created - Email Not Delivered', tone: 'danger', printEligible: false, accepted: false, legacy: false, emailModifier: 'not-delivered', nextAction: 'check-address-and-resend' },
    { code: 'profile-created-delivered', label: 'Active - Profile Created - Email Delivered', tone: 'info', printEligible: false, accepted: false, legacy: false, emailModifier: 'delivered', nextAction: 'wait-for-open' },
    { code: 'profile-created-opened', label: 'Active - Profile Created - Email Opened', tone: 'info', printEligible: false, accepted: false, legacy: false, emailModifier: 'opened', nextAction: 'follow-up' },
    { code: 'profile-created-link-clicked', label: 'Active - Profile Created - Invitation Link Clicked', tone: 'info', printEligible: false, accepted: false, legacy: false, emailModifier: 'link-clicked', nextAction: 'partner-registering' },
  ];

  it('the table covers every status exactly once', () =>
    expect(cases.map((c) => c.code)).to.deep.equal([...INVITE_STATUSES]));
  for (const c of cases) {
    it(`${c.code} by code`, () => expect(describeStatus(c.code)).to.deep.equal(c));
    it(`${c.code} by its exact label "${c.label}"`, () => expect(describeStatus(c.label)).to.deep.equal(c));
  }
});

describe('describeStatus: tolerated spellings', () => {
  const cases: Array<{ name: string; input: string; code: InviteStatus }> = [
    { name: 'upper case', input: 'PENDING - EMAIL DELIVERED', code: 'pending-delivered' },
    { name: 'lower case', input: 'active - profile created', code: 'profile-created' },
    { name: 'extra and surrounding whitespace', input: '  Pending   -  Email   Opened \n', code: 'pending-opened' },
    { name: 'no spaces around the dash', input: 'Pending-Email Not Delivered', code: 'pending-not-delivered' },
    { name: 'en dash', input: 'Pending \u2013 Email Delivered', code: 'pending-delivered' },
    { name: 'em dash', input: 'Active \u2014 Profile Created \u2014 Email Not Sent', code: 'profile-created-not-sent' },
    { name: 'minus sign', input: 'Active \u2212 Profile Created', code: 'profile-created' },
    { name: 'non-breaking spaces', input: 'Active\u00a0-\u00a0Profile\u00a0Created\u00a0-\u00a0Email\u00a0Sent', code: 'profile-created-sent' },
    { name: 'seed typo "Delievered"', input: 'Pending - Email Delievered', code: 'pending-delivered' },
    { name: 'seed typo in a new-style label', input: 'Active - Profile Created - Email Delievered', code: 'profile-created-delivered' },
    { name: 'code in upper case', input: 'PROFILE-CREATED-OPENED', code: 'profile-created-opened' },
    { name: 'code with underscores', input: 'profile_created_link_clicked', code: 'profile-created-link-clicked' },
    { name: 'code with surrounding spaces', input: ' active ', code: 'active' },
  ];
  for (const c of cases) it(c.name, () => expect(describeStatus(c.input).code).to.equal(c.code));
});

describe('describeStatus: unknown values never throw', () => {
  const unknown: StatusInfo = {
    code: 'unknown',
    label: 'Unknown status',
    tone: 'neutral',
    printEligible: false,
    accepted: false,
    legacy: false,
    emailModifier: null,
    nextAction: 'none',
  };
  const cases: Array<{ name: string; input: unknown }> = [
    { name: 'null', input: null },
    { name: 'undefined', input: undefined },
    { name: 'empty string', input: '' },
    { name: 'only whitespace and dashes', input: ' - - ' },
    { name: 'an unlisted status', input: 'Declined' },
    { name: 'a prefix of a label', input: 'Pending - Email' },
    { name: 'a bare "Pending"', input: 'Pending' },
    { name: 'an unlisted modifier', input: 'Active - Profile Created - Email Bounced' },
    { name: 'the word unknown', input: 'unknown' },
    { name: 'a number at run time', input: 42 },
    { name: 'an object at run time', input: { code: 'active' } },
    { name: 'a huge string', input: `Active${' '.repeat(10_000)}` },
    { name: 'markup', input: '<img src=x onerror=alert(1)>' },
  ];
  for (const c of cases)
    it(c.name, () => expect(describeStatus(c.input as string | null | undefined)).to.deep.equal(unknown));

  it('returns a fresh object each time (callers may not corrupt it)', () => {
    const first = describeStatus('nope');
    first.label = 'changed';
    expect(describeStatus('nope').label).to.equal('Unknown status');
  });
});

describe('parseInviteStatus', () => {
  const cases: Array<{ name: string; input: unknown; expected: InviteStatus | undefined }> = [
    { name: 'a code', input: 'pending-opened', expected: 'pending-opened' },
    { name: 'a label', input: 'Active - Profile Created - Email Not Delivered', expected: 'profile-created-not-delivered' },
    { name: 'a mangled label', input: 'ACTIVE – profile created – email opened', expected: 'profile-created-opened' },
    { name: 'unknown text', input: 'Archived', expected: undefined },
    { name: 'null', input: null, expected: undefined },
    { name: 'a number', input: 7, expected: undefined },
    { name: 'an array holding a code', input: ['active'], expected: undefined },
  ];
  for (const c of cases) it(c.name, () => expect(parseInviteStatus(c.input)).to.equal(c.expected));

  for (const code of INVITE_STATUSES)
    it(`label of ${code} round-trips`, () => expect(parseInviteStatus(STATUS_LABELS[code])).to.equal(code));
});

describe('isInviteStatus (exact codes only)', () => {
  const cases: Array<{ input: unknown; expected: boolean }> = [
    { input: 'active', expected: true },
    { input: 'profile-created-link-clicked', expected: true },
    { input: 'Active', expected: false },
    { input: 'Active - Profile Created', expected: false },
    { input: ' active', expected: false },
    { input: 'unknown', expected: false },
    { input: '', expected: false },
    { input: null, expected: false },
    { input: undefined, expected: false },
    { input: 1, expected: false },
  ];
  for (const c of cases) it(`${JSON.stringify(c.input) ?? 'undefined'} → ${c.expected}`, () => expect(isInviteStatus(c.input)).to.equal(c.expected));
});

describe('isPendingInvitation and hasPartnerAccount', () => {
  const cases: Array<{ input: string | null | undefined; pending: boolean; account: boolean }> = [
    { input: 'pending-not-delivered', pending: true, account: false },
    { input: 'pending-delivered', pending: true, account: false },
    { input: 'pending-opened', pending: true, account: false },
    { input: 'pending-link-clicked', pending: true, account: false },
    { input: 'active', pending: false, account: true },
    { input: 'profile-created', pending: false, account: true },
    { input: 'profile-created-not-sent', pending: true, account: true },
    { input: 'profile-created-sent', pending: true, account: true },
    { input: 'profile-created-not-delivered', pending: true, account: true },
    { input: 'profile-created-delivered', pending: true, account: true },
    { input: 'profile-created-opened', pending: true, account: true },
    { input: 'profile-created-link-clicked', pending: true, account: true },
    { input: 'Pending - Email Opened', pending: true, account: false },
    { input: 'Active - Profile Created', pending: false, account: true },
    { input: 'Declined', pending: false, account: false },
    { input: '', pending: false, account: false },
    { input: null, pending: false, account: false },
    { input: undefined, pending: false, account: false },
  ];
  for (const c of cases) {
    it(`${String(c.input)}: pending invitation ${c.pending}`, () => expect(isPendingInvitation(c.input)).to.equal(c.pending));
    it(`${String(c.input)}: has an account ${c.account}`, () => expect(hasPartnerAccount(c.input)).to.equal(c.account));
  }
});
