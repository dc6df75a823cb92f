/**
 * Co-shared clients (seed 002): a client is co-shared between a mortgage
 * agent and a realtor when the email AND the home address are the same in
 * both accounts. "The same" means equal after normalisation, so that
 * `123 North Main Street, Apt. 4` and `123 N Main St #4` match. Pure, so a
 * backend can run the very same rule.
 */
import { isValidEmail } from './emails.js';

export interface AddressParts {
  street?: string | null;
  unit?: string | null;
  city?: string | null;
  state?: string | null;
  zip?: string | null;
}

export interface ClientIdentity {
  email: string | null | undefined;
  /** Parts, or one line in US order: street, unit, city, state, zip. */
  address: AddressParts | string | null | undefined;
}

export function normaliseEmail(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const email = value.trim().toLowerCase();
  return isValidEmail(email) ? email : null;
}

const STREET_SUFFIXES: Readonly<Record<string, string>> = {
  street: 'st', str: 'st',
  avenue: 'ave', av: 'ave', aven: 'ave',
  road: 'rd',
  drive: 'dr', drv: 'dr',
  boulevard: 'blvd', blv: 'blvd',
  lane: 'ln',
  court: 'ct',
  place: 'pl',
  terrace: 'ter', terr: 'ter',
  parkway: 'pkwy', pky: 'pkwy',
  highway: 'hwy',
  circle: 'cir', circ: 'cir',
};

const DIRECTIONS: Readonly<Record<string, string>> = {
  north: 'n', south: 's', east: 'e', west: 'w',
  northeast: 'ne', northwest: 'nw', southeast: 'se', southwest: 'sw',
};

// Every unit designator becomes this one token: `Apt 4`, `Suite 4`, `#4` and `Unit 4` are the same door.
const UNIT = 'unit';
const UNIT_DESIGNATORS: ReadonlySet<string> = new Set([
  'apartment', 'apt', 'suite', 'ste', 'unit', 'floor', 'building', 'bldg',
]);

const STATES: Readonly<Record<string, string>> = {
  alabama: 'al', alaska: 'ak', arizona: 'az', arkansas: 'ar', california: 'ca', colorado: 'co',
  connecticut: 'ct', delaware: 'de', florida: 'fl', georgia: 'ga', hawaii: 'hi', idaho: 'id',
  illinois: 'il', indiana: 'in', iowa: 'ia', kansas: 'ks', kentucky: 'ky', louisiana: 'la',
  maine: 'me', maryland: 'md', massachusetts: 'ma', michigan: 'mi', minnesota: 'mn',
  mississippi: 'ms', missouri: 'mo', montana: 'mt', nebraska: 'ne', nevada: 'nv',
  'new hampshire': 'nh', 'new jersey': 'nj', 'new mexico': 'nm', 'new york': 'ny',
  'north carolina': 'nc', 'north dakota': 'nd', ohio: 'oh', oklahoma: 'ok', oregon: 'or',
  pennsylvania: 'pa', 'rhode island': 'ri', 'south carolina': 'sc', 'south dakota': 'sd',
  tennessee: 'tn', texas: 'tx', utah: 'ut', vermont: 'vt', virginia: 'va', washington: 'wa',
  'west virginia': 'wv', wisconsin: 'wi', wyoming: 'wy', 'district of columbia': 'dc',
  'puerto rico': 'pr',
};
const LONGEST_STATE_NAME_WORDS = 3;

// A trailing country adds nothing to a US home address.
const COUNTRY_SUFFIXES: readonly (readonly string[])[] = [
  ['united', 'states', 'of', 'america'],
  ['united', 'states'],
  ['usa'],
  ['us'],
];

const ZIP_LIKE = /^\d{5}(?:-?\d{4})?$/;
const MAX_ADDRESS_LENGTH = 1000;

const hasOwn = (record: Readonly<Record<string, string>>, key: string): boolean => Object.hasOwn(record, key);

function toLine(value: AddressParts | string): string | null {
  if (typeof value === 'string') return value;
  // A home address needs its street line; city or zip alone is a neighbourhood.
  if (typeof value.street !== 'string' || value.street.trim() === '') return null;
  return [value.street, value.unit, value.city, value.state, value.zip]
    .filter((part): part is string => typeof part === 'string')
    .join(', ');
}

function tokens(line: string): string[] {
  return line
    .normalize('NFKD')
    .replace(/\p{M}/gu, '') // é → e
    .toLowerCase()
    .replace(/#/g, ` ${UNIT} `)
    .replace(/['\u2018\u2019`.]/g, '') // O'Neil → oneil, N.E. → ne
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
    .split(/\s+/)
    .map((token) => token.replace(/^-+|-+$/g, ''))
    .filter((token) => token !== '');
}

function dropCountry(words: string[]): string[] {
  for (const suffix of COUNTRY_SUFFIXES) {
    const start = words.length - suffix.length;
    if (start > 0 && suffix.every((word, index) => words[start + index] === word)) return words.slice(0, start);
  }
  return words;
}

/** Replaces state names (up to three words, longest first) with their codes. */
function abbreviateStates(words: readonly string[]): string[] {
  const result: string[] = [];
  let i = 0;
  outer: while (i < words.length) {
    for (let length = Math.min(LONGEST_STATE_NAME_WORDS, words.length - i); length > 0; length--) {
      const phrase = words.slice(i, i + length).join(' ');
      const code = hasOwn(STATES, phrase) ? STATES[phrase] : undefined;
      if (code !== undefined) {
        result.push(code);
        i += length;
        continue outer;
      }
    }
    result.push(words[i] ?? '');
    i++;
  }
  return result;
}

function canonicalWord(word: string, next: string | undefined): string {
  if (/^\d{5}-?\d{4}$/.test(word)) return word.slice(0, 5); // zip+4 → zip
  if (UNIT_DESIGNATORS.has(word)) return UNIT;
  // `fl` is Florida before a zip or at the end, a floor before anything else.
  if (word === 'fl') return next === undefined || ZIP_LIKE.test(next) ? 'fl' : UNIT;
  if (hasOwn(STREET_SUFFIXES, word)) return STREET_SUFFIXES[word] ?? word;
  if (hasOwn(DIRECTIONS, word)) return DIRECTIONS[word] ?? word;
  return word;
}

/** One canonical line for an address (parts or a single line), or null when empty. */
export function normaliseAddress(value: ClientIdentity['address']): string | null {
  // Host data: anything but a string or an object is no address.
  if (typeof value !== 'string' && (typeof value !== 'object' || value === null)) return null;
  const line = toLine(value);
  if (line === null || line.length > MAX_ADDRESS_LENGTH) return null;
  const words = abbreviateStates(dropCountry(tokens(line)));
  const canonical: string[] = [];
  words.forEach((word, index) => {
    const mapped = canonicalWord(word, words[index + 1]);
    // `Apt #4` → `unit unit 4` → `unit 4`.
    if (mapped === UNIT && canonical[canonical.length - 1] === UNIT) return;
    canonical.push(mapped);
  });
  // Designators alone (`#`, `Apt`) name no place.
  return canonical.every((word) => word === UNIT) ? null : canonical.join(' ');
}

/** The matching key of a client: normalised email and address, or null when either is missing. */
export function coShareKey(identity: ClientIdentity): string | null {
  if (typeof identity !== 'object' || identity === null) return null;
  const email = normaliseEmail(identity.email);
  if (email === null) return null;
  const address = normaliseAddress(identity.address);
  return address === null ? null : `${email}\n${address}`;
}

export function isCoShared(a: ClientIdentity, b: ClientIdentity): boolean {
  const key = coShareKey(a);
  return key !== null && key === coShareKey(b);
}

/** Every (mine, theirs) pair that is co-shared, in the order of `mine`. O(n + m) plus the matches. */
export function findCoSharedClients<A extends ClientIdentity, B extends ClientIdentity>(
  mine: readonly A[],
  theirs: readonly B[],
): Array<{ mine: A; theirs: B }> {
  const theirsByKey = new Map<string, B[]>();
  for (const client of theirs) {
    const key = coShareKey(client);
    if (key === null) continue;
    const bucket = theirsByKey.get(key);
    if (bucket === undefined) theirsByKey.set(key, [client]);
    else bucket.push(client);
  }
  const pairs: Array<{ mine: A; theirs: B }> = [];
  for (const client of mine) {
    const key = coShareKey(client);
    if (key === null) continue;
    for (const match of theirsByKey.get(key) ?? []) pairs.push({ mine: client, theirs: match });
  }
  return pairs;
}
