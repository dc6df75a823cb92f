/**
 * Reminder emails (seed 000): a pending invitation gets a reminder 3 and 7
 * days after the invite; an accepted partner with an incomplete profile gets
 * one 3 and 7 days after acceptance. This tells which are behind us and when
 * the next one is due; it sends nothing.
 */
import { describeStatus } from './status.js';

export const REMINDER_DAYS = [3, 7] as const;
export const DAY_MS = 86_400_000;

export interface ReminderInput {
  status: string;
  /** ISO 8601 instant of the invitation. */
  invitedAt: string;
  /** ISO 8601 instant the partner accepted; absent falls back to `invitedAt`. */
  acceptedAt?: string | null;
  profileComplete: boolean;
  now: Date | string;
}

export type ReminderKind = 'pending-invitation' | 'incomplete-profile' | 'none';

export interface ReminderState {
  kind: ReminderKind;
  /** Reminders already due (0 … REMINDER_DAYS.length). */
  sent: number;
  /** ISO instant the last due reminder was scheduled for. */
  lastSentAt: string | null;
  /** ISO instant of the next reminder, or null when none is left. */
  nextDueAt: string | null;
}

const NO_REMINDERS: ReminderState = Object.freeze({ kind: 'none', sent: 0, lastSentAt: null, nextDueAt: null });

// Dates only as ISO 8601 (a calendar date, or a date-time with optional offset):
// Date.parse accepts other formats differently per engine.
const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** UTC milliseconds of an ISO 8601 string, or undefined. A time without an offset is taken as UTC. */
export function parseIsoInstant(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = ISO_INSTANT.exec(value.trim());
  if (match === null) return undefined;
  const [, year, month, day, hour = '00', minute = '00', second = '00', fraction = '', zone] = match;
  const offset = zone === undefined || zone.toUpperCase() === 'Z' ? 'Z' : zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  const millis = fraction.padEnd(3, '0').slice(0, 3);
  const normalised = `${year}-${month}-${day}T${hour}:${minute}:${second}.${millis}${offset}`;
  // Date.parse rolls 2024-02-30 over to March: insist the calendar date exists.
  if (Number(day) < 1 || Number(day) > daysInMonth(Number(year), Number(month))) return undefined;
  const ms = Date.parse(normalised);
  return Number.isNaN(ms) ? undefined : ms;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function toMs(value: Date | string): number | undefined {
  if (value instanceof Date) {
    const ms = value.getTime();
    return Number.isNaN(ms) ? undefined : ms;
  }
  return parseIsoInstant(value);
}

function isBlank(value: string | null | undefined): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** Which reminder series applies and where it stands at `now`. Never throws. */
export function reminderState(input: ReminderInput): ReminderState {
  if (typeof input !== 'object' || input === null) return { ...NO_REMINDERS };
  const status = describeStatus(input.status);
  if (status.code === 'unknown') return { ...NO_REMINDERS };
  // No invitation email was ever sent, so there is nothing to remind about yet.
  if (status.emailModifier === 'not-sent') return { ...NO_REMINDERS };

  let kind: ReminderKind;
  let anchor: number | undefined;
  if (!status.accepted) {
    kind = 'pending-invitation';
    anchor = parseIsoInstant(input.invitedAt);
  } else if (input.profileComplete !== true) {
    kind = 'incomplete-profile';
    anchor = isBlank(input.acceptedAt) ? parseIsoInstant(input.invitedAt) : parseIsoInstant(input.acceptedAt);
  } else {
    return { ...NO_REMINDERS };
  }

  const now = toMs(input.now);
  if (anchor === undefined || now === undefined) return { ...NO_REMINDERS };

  const due = REMINDER_DAYS.map((days) => anchor + days * DAY_MS);
  // A reminder counts as sent from the exact moment it falls due.
  const sent = due.filter((at) => at <= now).length;
  const last = sent > 0 ? due[sent - 1] : undefined;
  const next = due[sent];
  return {
    kind,
    sent,
    lastSentAt: last === undefined ? null : new Date(last).toISOString(),
    nextDueAt: next === undefined ? null : new Date(next).toISOString(),
  };
}
