/**
 * Email-list parsing for the invite wizard's chip input (seeds 000, 001):
 * pasted lists separated by commas, semicolons, whitespace or new lines, with
 * `Name <a@b.co>` and `"Last, First" <a@b.co>` keeping their display name.
 * Nothing typed is dropped silently: invalid entries come back flagged.
 */

export interface ParsedRecipient {
  /** The entry exactly as typed, display name included. */
  raw: string;
  /** The lower-cased address, or the address text as typed when invalid. */
  email: string;
  name: string | null;
  valid: boolean;
  reason: 'invalid' | 'duplicate' | null;
}

export interface ParsedEmailList {
  /** Every entry in order; a repeated valid address appears once. */
  recipients: ParsedRecipient[];
  /** Unique valid addresses, in order. */
  valid: string[];
  invalid: ParsedRecipient[];
  /** Valid addresses that were given more than once (or were already `existing`). */
  duplicates: string[];
}

export interface ParseEmailListOptions {
  /** Addresses already chosen (chips): typing one again reports a duplicate. */
  existing?: readonly string[];
}

const MAX_EMAIL_LENGTH = 254;
const MAX_LOCAL_LENGTH = 64;
// Whitespace, control and invisible format characters (e.g. bidi overrides) never belong in an address.
const INVISIBLE_OR_SPACE = /[\p{Cc}\p{Cf}\p{Z}\s]/u;
const LOCAL_FORBIDDEN = /["<>(),;:\\[\]]/;
const DOMAIN_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;
const TOP_LEVEL_DOMAIN = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/i;

/**
 * Pragmatic, not RFC 5322: one `@`; a local part without spaces, quotes,
 * angle brackets or leading/trailing/double dots; a dotted domain of
 * letter/digit/hyphen labels ending in a TLD of 2+ letters; ≤ 254 characters.
 */
export function isValidEmail(value: string): boolean {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_EMAIL_LENGTH) return false;
  if (INVISIBLE_OR_SPACE.test(value)) return false;
  const at = value.indexOf('@');
  if (at <= 0 || at !== value.lastIndexOf('@')) return false;
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (local.length > MAX_LOCAL_LENGTH || LOCAL_FORBIDDEN.test(local)) return false;
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) return false;
  const labels = domain.split('.');
  const tld = labels[labels.length - 1];
  if (labels.length < 2 || tld === undefined || !TOP_LEVEL_DOMAIN.test(tld)) return false;
  return labels.every((label) => DOMAIN_LABEL.test(label));
}

type Token =
  | { type: 'word'; text: string; start: number; end: number }
  | { type: 'quoted'; text: string; start: number; end: number }
  | { type: 'angle'; text: string; start: number; end: number }
  | { type: 'break'; comma: boolean };

const isLineBreak = (ch: string): boolean => ch === '\n' || ch === '\r';
const isSpace = (ch: string): boolean => /\s/.test(ch) && !isLineBreak(ch);
const endsWord = (ch: string): boolean => /\s/.test(ch) || ch === ',' || ch === ';' || ch === '<';

/** Where a search for a closing character ended: its index, or -1 with the end of the line. */
interface Closing {
  index: number;
  lineEnd: number;
}

/** The closing quote on the same line (backslash escapes honoured). */
function closingQuote(text: string, from: number): Closing {
  for (let i = from; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === '"') return { index: i, lineEnd: -1 };
    if (isLineBreak(ch)) return { index: -1, lineEnd: i };
    if (ch === '\\') i++;
  }
  return { index: -1, lineEnd: text.length };
}

function closingAngle(text: string, from: number): Closing {
  for (let i = from; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === '>') return { index: i, lineEnd: -1 };
    if (isLineBreak(ch)) return { index: -1, lineEnd: i };
  }
  return { index: -1, lineEnd: text.length };
}

/**
 * A search that found nothing up to the end of its line finds nothing from
 * any later position on that line either: remember it, or a line of
 * thousands of `<` would be scanned quadratically.
 */
function cachedSearch(search: (text: string, from: number) => Closing): (text: string, from: number) => number {
  let missUntil = -1;
  return (text, from) => {
    if (from <= missUntil) return -1;
    const { index, lineEnd } = search(text, from);
    if (index === -1) missUntil = lineEnd;
    return index;
  };
}

function tokenize(text: string): Token[] {
  const findQuote = cachedSearch(closingQuote);
  const findAngle = cachedSearch(closingAngle);
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text.charAt(i);
    if (isLineBreak(ch) || ch === ';' || ch === ',') {
      tokens.push({ type: 'break', comma: ch === ',' });
      i++;
      continue;
    }
    if (isSpace(ch)) {
      i++;
      continue;
    }
    if (ch === '"') {
      const close = findQuote(text, i + 1);
      if (close !== -1) {
        tokens.push({ type: 'quoted', text: text.slice(i + 1, close).replace(/\\(.)/g, '$1'), start: i, end: close + 1 });
        i = close + 1;
        continue;
      }
      // An unclosed quote is an ordinary character of a word.
    }
    if (ch === '<') {
      const close = findAngle(text, i + 1);
      let end = close + 1;
      if (close === -1) {
        // Unclosed: the address runs to the next separator.
        end = i + 1;
        while (end < text.length && !endsWord(text.charAt(end))) end++;
      }
      tokens.push({ type: 'angle', text: text.slice(i + 1, close === -1 ? end : close), start: i, end });
      i = end;
      continue;
    }
    let end = i + 1;
    while (end < text.length && !endsWord(text.charAt(end))) end++;
    tokens.push({ type: 'word', text: text.slice(i, end), start: i, end });
    i = end;
  }
  return tokens;
}

interface Entry {
  raw: string;
  address: string;
  name: string | null;
}

type NamePart = { token: Extract<Token, { type: 'word' | 'quoted' }>; commaBefore: boolean };

// A stray (unclosed) quote in a name word is noise, not part of the name.
const nameText = (token: NamePart['token']): string => (token.type === 'word' ? token.text.replace(/"/g, '') : token.text);

/**
 * Groups tokens into entries. Words and quoted strings are held back as a
 * possible display name until an `<address>` claims them; otherwise each one
 * is an entry of its own. A comma between name words is kept (Outlook pastes
 * `Smith, John <j@x.co>; …`), as long as no address came in between.
 */
function group(text: string, tokens: readonly Token[]): Entry[] {
  const entries: Entry[] = [];
  let pending: NamePart[] = [];
  let pendingLooksLikeAddress = false;
  let commaBefore = false;

  const reset = (): void => {
    pending = [];
    pendingLooksLikeAddress = false;
    commaBefore = false;
  };
  const flush = (): void => {
    for (const { token } of pending) {
      entries.push({ raw: text.slice(token.start, token.end), address: token.text, name: null });
    }
    reset();
  };

  for (const token of tokens) {
    switch (token.type) {
      case 'break':
        // A comma may sit inside an unquoted name, never after something that looks like an address.
        if (token.comma && pending.length > 0 && !pendingLooksLikeAddress) {
          commaBefore = true;
        } else {
          flush();
        }
        break;
      case 'word':
        if (token.text.includes('@')) {
          flush();
          entries.push({ raw: token.text, address: token.text, name: null });
        } else {
          pending.push({ token, commaBefore });
          commaBefore = false;
        }
        break;
      case 'quoted':
        pending.push({ token, commaBefore });
        pendingLooksLikeAddress ||= token.text.includes('@');
        commaBefore = false;
        break;
      case 'angle': {
        const first = pending[0];
        const name = pending
          .map((part, index) => (index === 0 ? '' : part.commaBefore ? ', ' : ' ') + nameText(part.token))
          .join('')
          .replace(/\s+/g, ' ')
          .trim();
        entries.push({
          raw: text.slice(first === undefined ? token.start : first.token.start, token.end),
          address: token.text,
          name: name === '' ? null : name,
        });
        reset();
        break;
      }
    }
  }
  flush();
  return entries;
}

function toRecipient(entry: Entry): ParsedRecipient {
  const address = entry.address.trim().replace(/^mailto:/i, '');
  const candidate = address.toLowerCase();
  const valid = isValidEmail(candidate);
  return {
    raw: entry.raw,
    email: valid ? candidate : address,
    name: entry.name,
    valid,
    reason: valid ? null : 'invalid',
  };
}

export function parseEmailList(text: string, options?: ParseEmailListOptions): ParsedEmailList {
  const source = typeof text === 'string' ? text : '';
  const existing = Array.isArray(options?.existing) ? options.existing : [];
  const seen = new Set(existing.map((email) => String(email).trim().toLowerCase()));
  const recipients: ParsedRecipient[] = [];
  const valid: string[] = [];
  const duplicates = new Set<string>();
  for (const entry of group(source, tokenize(source))) {
    const recipient = toRecipient(entry);
    if (recipient.valid) {
      if (seen.has(recipient.email)) {
        duplicates.add(recipient.email);
        continue;
      }
      seen.add(recipient.email);
      valid.push(recipient.email);
    }
    recipients.push(recipient);
  }
  return { recipients, valid, invalid: recipients.filter((r) => !r.valid), duplicates: [...duplicates] };
}
