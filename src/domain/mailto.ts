/**
 * `mailto:` links for "Send Private Email" (seed 000). Every value is
 * percent-encoded, so nothing typed can add a recipient or a header.
 */
import { isValidEmail } from './emails.js';

export interface MailtoInput {
  to: string;
  subject?: string;
  body?: string;
  cc?: string[];
}

// encodeURIComponent throws on a lone surrogate; such text becomes U+FFFD instead.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Control characters other than tab and line breaks have no place in a message.
const CONTROL_EXCEPT_TAB_AND_BREAKS = /[^\P{Cc}\t\n\r]/gu;

function wellFormed(value: string): string {
  return value.replace(LONE_SURROGATE, '\uFFFD');
}

function encodeAddress(address: string): string {
  // '@' is safe in the path of a mailto URL and keeps the link readable.
  return encodeURIComponent(address).replace(/%40/g, '@');
}

/** A subject is one header line: every line break becomes a space. */
function cleanSubject(subject: string): string {
  return wellFormed(subject)
    .replace(/[\r\n\u0085\u2028\u2029]+/g, ' ')
    .replace(CONTROL_EXCEPT_TAB_AND_BREAKS, '');
}

/** RFC 6068 wants CRLF line breaks in a body. */
function cleanBody(body: string): string {
  return wellFormed(body)
    .replace(CONTROL_EXCEPT_TAB_AND_BREAKS, '')
    .replace(/\r\n|\r|\n/g, '\r\n');
}

function address(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return isValidEmail(trimmed) ? trimmed : null;
}

/** A safe `mailto:` URL, or null when `to` or any `cc` is not a valid address. */
export function buildMailto(input: MailtoInput): string | null {
  if (typeof input !== 'object' || input === null) return null;
  const to = address(input.to);
  if (to === null) return null;

  const params: string[] = [];
  if (input.cc !== undefined && input.cc !== null) {
    if (!Array.isArray(input.cc)) return null;
    const cc: string[] = [];
    for (const entry of input.cc as unknown[]) {
      const valid = address(entry);
      if (valid === null) return null;
      cc.push(encodeAddress(valid));
    }
    if (cc.length > 0) params.push(`cc=${cc.join(',')}`);
  }
  if (typeof input.subject === 'string') {
    const subject = cleanSubject(input.subject);
    if (subject.trim() !== '') params.push(`subject=${encodeURIComponent(subject)}`);
  }
  if (typeof input.body === 'string') {
    const body = cleanBody(input.body);
    if (body !== '') params.push(`body=${encodeURIComponent(body)}`);
  }
  return `mailto:${encodeAddress(to)}${params.length > 0 ? `?${params.join('&')}` : ''}`;
}
