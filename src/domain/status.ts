/**
 * Invite / connection statuses (seeds 000 and 001).
 *
 * Five legacy statuses predate mid-2024 (`Pending - …` and `Active`); new
 * connections start at `Active - Profile Created`, optionally followed by an
 * email modifier. Only a status with no modifier allows printing with cost
 * sharing.
 */

export const INVITE_STATUSES = [
  'pending-not-delivered',
  'pending-delivered',
  'pending-opened',
  'pending-link-clicked',
  'active',
  'profile-created',
  'profile-created-not-sent',
  'profile-created-sent',
  'profile-created-not-delivered',
  'profile-created-delivered',
  'profile-created-opened',
  'profile-created-link-clicked',
] as const;

export type InviteStatus = (typeof INVITE_STATUSES)[number];

export const LEGACY_INVITE_STATUSES = [
  'pending-not-delivered',
  'pending-delivered',
  'pending-opened',
  'pending-link-clicked',
  'active',
] as const satisfies readonly InviteStatus[];

export type StatusTone = 'success' | 'info' | 'warning' | 'danger' | 'neutral';

export type StatusNextAction =
  | 'check-address-and-resend'
  | 'wait-for-open'
  | 'follow-up'
  | 'partner-registering'
  | 'send-email'
  | 'none';

export type EmailModifier = 'not-sent' | 'sent' | 'not-delivered' | 'delivered' | 'opened' | 'link-clicked';

export interface StatusInfo {
  code: InviteStatus | 'unknown';
  /** The exact English label from the seeds; the UI localises by `code`. */
  label: string;
  tone: StatusTone;
  /** Co-branded material may go to a printer (cost sharing). */
  printEligible: boolean;
  /** The partner accepted the invitation. */
  accepted: boolean;
  /** One of the five pre-mid-2024 statuses. */
  legacy: boolean;
  /** State of the invitation email, when the status carries one. */
  emailModifier: EmailModifier | null;
  nextAction: StatusNextAction;
}

export const STATUS_LABELS: Readonly<Record<InviteStatus, string>> = Object.freeze({
  'pending-not-delivered': 'Pending - Email Not Delivered',
  'pending-delivered': 'Pending - Email Delivered',
  'pending-opened': 'Pending - Email Opened',
  'pending-link-clicked': 'Pending - Invitation Link Clicked',
  active: 'Active',
  'profile-created': 'Active - Profile Created',
  'profile-created-not-sent': 'Active - Profile Created - Email Not Sent',
  'profile-created-sent': 'Active - Profile Created - Email Sent',
  'profile-created-not-delivered': 'Active - Profile Created - Email Not Delivered',
  'profile-created-delivered': 'Active - Profile Created - Email Delivered',
  'profile-created-opened': 'Active - Profile Created - Email Opened',
  'profile-created-link-clicked': 'Active - Profile Created - Invitation Link Clicked',
});

export const UNKNOWN_STATUS_LABEL = 'Unknown status';

const EMAIL_MODIFIERS: Readonly<Record<InviteStatus, EmailModifier | null>> = {
  'pending-not-delivered': 'not-delivered',
  'pending-delivered': 'delivered',
  'pending-opened': 'opened',
  'pending-link-clicked': 'link-clicked',
  active: null,
  'profile-created': null,
  'profile-created-not-sent': 'not-sent',
  'profile-created-sent': 'sent',
  'profile-created-not-delivered': 'not-delivered',
  'profile-created-delivered': 'delivered',
  'profile-created-opened': 'opened',
  'profile-created-link-clicked': 'link-clicked',
};

const NEXT_ACTION_BY_EMAIL: Readonly<Record<EmailModifier, StatusNextAction>> = {
  'not-delivered': 'check-address-and-resend',
  delivered: 'wait-for-open',
  // A sent email's delivery is not confirmed yet: the next thing is still the open.
  sent: 'wait-for-open',
  opened: 'follow-up',
  'link-clicked': 'partner-registering',
  'not-sent': 'send-email',
};

const TONE_BY_EMAIL: Readonly<Record<EmailModifier, StatusTone>> = {
  'not-delivered': 'danger',
  'not-sent': 'warning',
  sent: 'info',
  delivered: 'info',
  opened: 'info',
  'link-clicked': 'info',
};

const STATUS_SET: ReadonlySet<string> = new Set(INVITE_STATUSES);
const LEGACY_SET: ReadonlySet<string> = new Set(LEGACY_INVITE_STATUSES);

export function isInviteStatus(value: unknown): value is InviteStatus {
  return typeof value === 'string' && STATUS_SET.has(value);
}

/**
 * One spelling for codes and labels alike: lower case, every run of dashes,
 * underscores and whitespace becomes one hyphen, and the seed's typo
 * "Delievered" is fixed. `Active - Profile Created` → `active-profile-created`.
 */
function canonicalSpelling(value: string): string {
  return value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\-_\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .replace(/delievered/g, 'delivered');
}

const STATUS_BY_SPELLING: ReadonlyMap<string, InviteStatus> = new Map(
  INVITE_STATUSES.flatMap((code) => [
    [canonicalSpelling(code), code] as const,
    [canonicalSpelling(STATUS_LABELS[code]), code] as const,
  ]),
);

// Longest label is under 60 characters; anything far longer is not a status.
const MAX_STATUS_INPUT_LENGTH = 200;

/** A code or an exact label (case-, whitespace- and dash-insensitive) → code. */
export function parseInviteStatus(value: unknown): InviteStatus | undefined {
  if (typeof value !== 'string' || value.length > MAX_STATUS_INPUT_LENGTH) return undefined;
  if (STATUS_SET.has(value)) return value as InviteStatus;
  return STATUS_BY_SPELLING.get(canonicalSpelling(value));
}

function isAcceptedCode(code: InviteStatus): boolean {
  return code === 'active' || code === 'profile-created';
}

const UNKNOWN_STATUS: StatusInfo = Object.freeze({
  code: 'unknown',
  label: UNKNOWN_STATUS_LABEL,
  tone: 'neutral',
  printEligible: false,
  accepted: false,
  legacy: false,
  emailModifier: null,
  nextAction: 'none',
});

/** Everything the UI needs about a status. Accepts a code or a label; never throws. */
export function describeStatus(value: string | null | undefined): StatusInfo {
  const code = parseInviteStatus(value);
  if (code === undefined) return { ...UNKNOWN_STATUS };
  const emailModifier = EMAIL_MODIFIERS[code];
  const accepted = isAcceptedCode(code);
  return {
    code,
    label: STATUS_LABELS[code],
    tone: emailModifier === null ? 'success' : TONE_BY_EMAIL[emailModifier],
    // The seeds: only a status with no modifier may go to the printer.
    printEligible: accepted,
    accepted,
    legacy: LEGACY_SET.has(code),
    emailModifier,
    nextAction: emailModifier === null ? 'none' : NEXT_ACTION_BY_EMAIL[emailModifier],
  };
}

/**
 * A known status that is not print-eligible: the invitation is still open, so
 * copying the link or sending a private email still makes sense. Unknown → false.
 */
export function isPendingInvitation(value: string | null | undefined): boolean {
  const code = parseInviteStatus(value);
  return code !== undefined && !isAcceptedCode(code);
}

/**
 * The partner has an account: `Active` or any `Active - Profile Created…`
 * (the lender created it). Legacy `Pending - …` and unknown → false.
 */
export function hasPartnerAccount(value: string | null | undefined): boolean {
  const code = parseInviteStatus(value);
  return code !== undefined && !(LEGACY_SET.has(code) && code !== 'active');
}
