/**
 * URLs from host data (photos, logos, documents, links) are only used when
 * they are plain http(s) — or blob: for local image previews. Everything else
 * (`javascript:`, `data:`, `vbscript:`, `file:`, obfuscated variants) is null.
 */

export interface SafeUrlOptions {
  /** Also accept `blob:` URLs of an http(s) origin (local image previews). */
  allowBlob?: boolean;
  /**
   * Base for relative URLs. Default: `globalThis.location.href` when there is
   * one. `null` rejects relative URLs (e.g. to validate absolute ones only).
   */
  base?: string | null;
}

export const MAX_URL_LENGTH = 2048;

const WEB_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:']);
// Legitimate URLs never contain raw control characters; the URL parser would
// silently drop tabs and newlines, which is how `java\tscript:` gets through.
const CONTROL_CHARACTERS = /\p{Cc}/u;
// HTML character references would be decoded if the value ever passes through
// markup (`javascript&colon;…`, `&#106;avascript:`); a real URL percent-encodes.
// Named ones need their ';' so that a query like `?a=1&tab=2` stays valid.
const CHARACTER_REFERENCE = /&#(?:\d+|x[0-9a-f]+)|&(?:colon|tab|newline);/i;

function defaultBase(): string | undefined {
  const location = (globalThis as { location?: { href?: unknown } }).location;
  return typeof location?.href === 'string' ? location.href : undefined;
}

function parse(value: string, base: string | undefined): URL | null {
  try {
    return base === undefined ? new URL(value) : new URL(value, base);
  } catch {
    return null;
  }
}

// Parsers differ on odd hosts (Chromium accepts `http://a b.com`, Node throws): insist on a plain one.
const PLAIN_HOSTNAME = /^(?:\[[0-9a-f:.]+\]|[a-z0-9_-]+(?:\.[a-z0-9_-]+)*\.?)$/i;

function isWebUrl(url: URL): boolean {
  return WEB_PROTOCOLS.has(url.protocol) && PLAIN_HOSTNAME.test(url.hostname);
}

/** The normalised absolute URL when it is safe to load or link, else null. */
export function safeUrl(value: unknown, options: SafeUrlOptions = {}): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  if (trimmed === '' || trimmed.length > MAX_URL_LENGTH) return null;
  if (CONTROL_CHARACTERS.test(trimmed) || CHARACTER_REFERENCE.test(trimmed)) return null;

  const base = options?.base === null ? undefined : (options?.base ?? defaultBase());
  const url = parse(trimmed, base);
  if (url === null) return null;
  // `https://bank.example@evil.example` — credentials in a URL are only ever a disguise here.
  if (url.username !== '' || url.password !== '') return null;

  if (url.protocol === 'blob:') {
    if (options?.allowBlob !== true) return null;
    // A blob URL embeds its origin: only a web origin may create a preview.
    const inner = parse(url.pathname, undefined);
    if (inner === null || !isWebUrl(inner)) return null;
  } else if (!isWebUrl(url)) {
    return null;
  }
  return url.href.length > MAX_URL_LENGTH ? null : url.href;
}

export function isSafeUrl(value: unknown, options?: SafeUrlOptions): boolean {
  return safeUrl(value, options) !== null;
}

/** An extension after the number ("ext. 12", "x12", "#12"). */
const PHONE_EXTENSION = /\s*(?:ext\.?|extension|x|#)\s*\d+\s*$/i;

/**
 * A `tel:` link for a phone number as typed: only `+` and digits reach the
 * URL, so nothing else in the text can. An extension is left out of the link
 * (dialled with the number, its digits would call another number); the text
 * beside the link still shows it. Null when the digits cannot be a number
 * (fewer than 3, more than 20).
 */
export function telHref(phone: unknown): string | null {
  if (typeof phone !== 'string') return null;
  const number = phone.trim().replace(PHONE_EXTENSION, '');
  const digits = number.replace(/\D/g, '');
  if (digits.length < 3 || digits.length > 20) return null;
  return `tel:${number.startsWith('+') ? '+' : ''}${digits}`;
}
