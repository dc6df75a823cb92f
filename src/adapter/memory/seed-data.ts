/**
 * Deterministic demo and test data for the in-memory adapter: the same seed
 * and reference date always give the same data. Dates are spread over the
 * ~60 days before the reference date, so tests never depend on the real clock.
 * The data is clean on purpose; tests inject hostile values themselves.
 */
import { INVITE_STATUSES, LEGACY_INVITE_STATUSES, type InviteStatus } from '../../domain/status.js';
import type { Role } from '../../domain/permissions.js';
import type {
  ClientActivity,
  ClientRecord,
  Contact,
  Deal,
  DealDocument,
  Lead,
  MediaItem,
  Note,
  Organisation,
  Partner,
  PartnerAccount,
  PartnerProfileData,
  PartnerSettings,
  PersonRef,
  PortalSettings,
  Session,
  StatusChange,
  Workflow,
} from '../schemas.js';

export const DEFAULT_SEED = 20261101;
export const DEFAULT_REFERENCE_DATE = '2026-11-01T12:00:00Z';
/** Hosts of every generated URL (reserved `.example` names: nothing real is ever loaded or mailed). */
export const APP_BASE_URL = 'https://app.partner-kit.example';
export const MEDIA_BASE_URL = 'https://media.partner-kit.example';
export const FILES_BASE_URL = 'https://files.partner-kit.example';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
/** How far back the generated history reaches. */
const SPAN_DAYS = 60;

// ---------------------------------------------------------------------------
// Seeded randomness

export type Random = () => number;

/** mulberry32: a tiny, fast 32-bit PRNG; the same seed gives the same sequence. */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new RangeError('pick() from an empty list');
  return item;
}

/** An integer in [min, max]. */
function int(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

function chance(random: Random, probability: number): boolean {
  return random() < probability;
}

function shuffle<T>(random: Random, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const a = items[i] as T;
    items[i] = items[j] as T;
    items[j] = a;
  }
  return items;
}

/** `count` distinct items, in random order. */
function sample<T>(random: Random, items: readonly T[], count: number): T[] {
  return shuffle(random, [...items]).slice(0, count);
}

const dayPrefixes = new Map<number, string>();
// Zero-padded numbers, made once instead of per formatted date.
const TWO_DIGITS: readonly string[] = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));
const THREE_DIGITS: readonly string[] = Array.from({ length: 1000 }, (_, n) => String(n).padStart(3, '0'));

/** `toISOString()` output, built from a cached date part: large sets format 300,000 dates. */
function iso(time: number): string {
  const ms = Math.floor(time);
  const day = Math.floor(ms / DAY_MS);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * DAY_MS).toISOString().slice(0, 11);
    if (dayPrefixes.size > 10_000) dayPrefixes.clear();
    dayPrefixes.set(day, prefix);
  }
  let rest = ms - day * DAY_MS;
  const hours = Math.floor(rest / HOUR_MS);
  rest -= hours * HOUR_MS;
  const minutes = Math.floor(rest / MINUTE_MS);
  rest -= minutes * MINUTE_MS;
  const seconds = Math.floor(rest / 1000);
  const millis = rest - seconds * 1000;
  return `${prefix}${TWO_DIGITS[hours]}:${TWO_DIGITS[minutes]}:${TWO_DIGITS[seconds]}.${THREE_DIGITS[millis]}Z`;
}

function pad(value: number, width = 3): string {
  return String(value).padStart(width, '0');
}

const slugs = new Map<string, string>();

/** Lower-case ASCII letters and digits only; memoised, since the inputs come from small pools. */
function slug(value: string): string {
  let result = slugs.get(value);
  if (result === undefined) {
    result = value
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '');
    if (slugs.size > 10_000) slugs.clear();
    slugs.set(value, result);
  }
  return result;
}

// ---------------------------------------------------------------------------
// Pools (US real-estate and mortgage flavour)

const FIRST_NAMES = [
  'Aaliyah', 'Adrian', 'Aisha', 'Alejandro', 'Amara', 'Andre', 'Anh', 'Ava', 'Benjamin', 'Brianna',
  'Camila', 'Carlos', 'Chloe', 'Connor', 'Daniel', 'Deshawn', 'Diego', 'Dmitri', 'Elena', 'Emily',
  'Ethan', 'Fatima', 'Gabriel', 'Grace', 'Hannah', 'Hiroshi', 'Imani', 'Isabella', 'Jamal', 'Jasmine',
  'Javier', 'Jessica', 'Kai', 'Kayla', 'Keisha', 'Kwame', 'Leilani', 'Liam', 'Lucia', 'Malik',
  'Maria', 'Marcus', 'Maya', 'Mei', 'Michael', 'Mohammed', 'Nadia', 'Ngozi', 'Noah', 'Olivia',
  'Omar', 'Priya', 'Rachel', 'Rafael', 'Ravi', 'Rosa', 'Samuel', 'Siobhan', 'Sofia', 'Tamika',
  'Thomas', 'Tyrone', 'Valentina', 'Vivek', 'Wei', 'Xavier', 'Yasmin', 'Zoe',
] as const;

const LAST_NAMES = [
  'Adams', 'Alvarez', 'Anderson', 'Baker', 'Bennett', 'Brooks', 'Campbell', 'Chen', 'Cohen', 'Cruz',
  'Davis', 'Delgado', 'Diaz', 'Edwards', 'Flores', 'Garcia', 'Gonzalez', 'Green', 'Gupta', 'Harris',
  'Hernandez', 'Hill', 'Ibrahim', 'Jackson', 'Johnson', 'Kim', 'Kowalski', 'Lee', 'Lopez', 'Martin',
  'Martinez', 'Mitchell', 'Murphy', 'Nakamura', 'Nguyen', "O'Brien", 'Okafor', 'Patel', 'Perez', 'Phillips',
  'Ramirez', 'Reyes', 'Rivera', 'Robinson', 'Rodriguez', 'Sanchez', 'Scott', 'Shah', 'Singh', 'Smith',
  'Sullivan', 'Taylor', 'Thompson', 'Tran', 'Turner', 'Walker', 'Washington', 'Williams', 'Wilson', 'Wright',
  'Yamamoto', 'Young', 'Zhang',
] as const;

const BROKERAGES = [
  'Blue Door Realty', 'Coastal Key Realty', 'Summit Ridge Properties', 'Oak & Stone Realty', 'Harborview Homes',
  'Lakeside Realty Group', 'Cornerstone Realty', 'Magnolia Lane Real Estate', 'Prairie Sky Realty',
  'Golden Gate Homes', 'Desert Bloom Realty', 'Evergreen Realty Partners', 'Riverbend Realty', 'Bayou City Homes',
  'Peachtree Realty Co.', 'Mile High Realty', 'Lone Star Living Realty', 'Sunset Coast Properties',
  'North Shore Realty', 'Keystone Home Group',
] as const;

interface City {
  city: string;
  state: string;
  zip: string;
  areaCode: string;
  timeZone: string;
  mls: string;
}

const CITIES: readonly City[] = [
  { city: 'Austin', state: 'TX', zip: '787', areaCode: '512', timeZone: 'America/Chicago', mls: 'Austin Board of REALTORS' },
  { city: 'Denver', state: 'CO', zip: '802', areaCode: '303', timeZone: 'America/Denver', mls: 'REcolorado' },
  { city: 'Phoenix', state: 'AZ', zip: '850', areaCode: '602', timeZone: 'America/Phoenix', mls: 'ARMLS' },
  { city: 'Atlanta', state: 'GA', zip: '303', areaCode: '404', timeZone: 'America/New_York', mls: 'FMLS' },
  { city: 'Charlotte', state: 'NC', zip: '282', areaCode: '704', timeZone: 'America/New_York', mls: 'Canopy MLS' },
  { city: 'Seattle', state: 'WA', zip: '981', areaCode: '206', timeZone: 'America/Los_Angeles', mls: 'NWMLS' },
  { city: 'Portland', state: 'OR', zip: '972', areaCode: '503', timeZone: 'America/Los_Angeles', mls: 'RMLS' },
  { city: 'Nashville', state: 'TN', zip: '372', areaCode: '615', timeZone: 'America/Chicago', mls: 'Realtracs' },
  { city: 'Tampa', state: 'FL', zip: '336', areaCode: '813', timeZone: 'America/New_York', mls: 'Stellar MLS' },
  { city: 'San Diego', state: 'CA', zip: '921', areaCode: '619', timeZone: 'America/Los_Angeles', mls: 'SDMLS' },
  { city: 'Columbus', state: 'OH', zip: '432', areaCode: '614', timeZone: 'America/New_York', mls: 'Columbus REALTORS' },
  { city: 'Minneapolis', state: 'MN', zip: '554', areaCode: '612', timeZone: 'America/Chicago', mls: 'NorthstarMLS' },
  { city: 'Raleigh', state: 'NC', zip: '276', areaCode: '919', timeZone: 'America/New_York', mls: 'Triangle MLS' },
  { city: 'Boise', state: 'ID', zip: '837', areaCode: '208', timeZone: 'America/Boise', mls: 'Intermountain MLS' },
  { city: 'Salt Lake City', state: 'UT', zip: '841', areaCode: '801', timeZone: 'America/Denver', mls: 'UtahRealEstate.com' },
  { city: 'Sacramento', state: 'CA', zip: '958', areaCode: '916', timeZone: 'America/Los_Angeles', mls: 'MetroList' },
  { city: 'Kansas City', state: 'MO', zip: '641', areaCode: '816', timeZone: 'America/Chicago', mls: 'Heartland MLS' },
  { city: 'Richmond', state: 'VA', zip: '232', areaCode: '804', timeZone: 'America/New_York', mls: 'CVR MLS' },
  { city: 'Albuquerque', state: 'NM', zip: '871', areaCode: '505', timeZone: 'America/Denver', mls: 'SWMLS' },
  { city: 'Honolulu', state: 'HI', zip: '968', areaCode: '808', timeZone: 'Pacific/Honolulu', mls: 'HiCentral MLS' },
  { city: 'Anchorage', state: 'AK', zip: '995', areaCode: '907', timeZone: 'America/Anchorage', mls: 'Alaska MLS' },
  { city: 'Boston', state: 'MA', zip: '021', areaCode: '617', timeZone: 'America/New_York', mls: 'MLS PIN' },
];

const STREET_NAMES = [
  'Maple', 'Oak', 'Cedar', 'Pine', 'Elm', 'Willow', 'Lakeview', 'Sunset', 'Highland', 'Park',
  'Washington', 'Lincoln', 'Jefferson', 'Magnolia', 'Peachtree', 'Riverside', 'Hillcrest', 'Meadow',
  'Spring', 'Chestnut', 'Juniper', 'Aspen', 'Canyon', 'Harbor',
] as const;

/** Street suffixes with their USPS abbreviations (the co-shared rule must see through these). */
const STREET_SUFFIXES = [
  ['Street', 'St.'],
  ['Avenue', 'Ave.'],
  ['Boulevard', 'Blvd.'],
  ['Drive', 'Dr.'],
  ['Road', 'Rd.'],
  ['Lane', 'Ln.'],
  ['Court', 'Ct.'],
] as const;

const JOB_TITLES = [
  'Realtor', 'Real Estate Agent', 'Broker Associate', 'Managing Broker', "Buyer's Agent",
  'Listing Specialist', 'Team Lead', 'Associate Broker',
] as const;

const PERSONAL_DOMAINS = ['example.com', 'example.net', 'example.org'] as const;

// ---------------------------------------------------------------------------
// Shared builders

interface Address {
  street: string;
  unit: string | null;
  city: string;
  state: string;
  zip: string;
}

function makeAddress(random: Random, city: City): Address {
  const [suffix] = pick(random, STREET_SUFFIXES);
  return {
    street: `${int(random, 100, 9899)} ${pick(random, STREET_NAMES)} ${suffix}`,
    unit: chance(random, 0.25) ? `Suite ${int(random, 100, 450)}` : null,
    city: city.city,
    state: city.state,
    zip: `${city.zip}${pad(int(random, 1, 99), 2)}`,
  };
}

const offices = new Map<string, Address>();

/** A 32-bit FNV-1a hash, to derive fixed values from a name. */
function hash(value: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) h = Math.imul(h ^ value.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Agents of one brokerage in one city share its office. The office is
 * derived from its name alone, so the memo never changes what a seed gives;
 * large sets share the strings.
 */
function officeAddress(company: string, city: City): Address {
  const key = `${company}\n${city.city}`;
  let office = offices.get(key);
  if (office === undefined) {
    const random = mulberry32(hash(key));
    office = { ...makeAddress(random, city), unit: `Suite ${int(random, 100, 450)}` };
    offices.set(key, office);
  }
  return office;
}

const phones = new Map<string, string>();

/** 555-0100…0199: the numbers reserved for fiction (memoised: large sets reuse the strings). */
function makePhone(random: Random, city: City): string {
  const key = `${city.areaCode}${int(random, 0, 99)}`;
  let phone = phones.get(key);
  if (phone === undefined) {
    phone = `(${city.areaCode}) 555-01${pad(Number(key.slice(3)), 2)}`;
    phones.set(key, phone);
  }
  return phone;
}

/** A pool of stock avatars and one logo per brokerage, like a demo image server would have. */
const AVATAR_URLS: readonly string[] = Array.from({ length: 48 }, (_, index) => `${MEDIA_BASE_URL}/avatars/${pad(index + 1, 2)}.jpg`);
const logoUrls = new Map<string, string>();

function logoUrl(company: string): string {
  let url = logoUrls.get(company);
  if (url === undefined) {
    url = `${MEDIA_BASE_URL}/logos/${slug(company)}.png`;
    logoUrls.set(company, url);
  }
  return url;
}

const BROKERAGE_DOMAINS: ReadonlyMap<string, string> = new Map(
  BROKERAGES.map((company) => [company, `${slug(company.replace(/\b(co|group|partners)\b\.?/gi, ' '))}.example`]),
);

function brokerageDomain(company: string): string {
  return BROKERAGE_DOMAINS.get(company) ?? `${slug(company)}.example`;
}

function emptyProfile(): PartnerProfileData {
  return {
    firstName: null,
    lastName: null,
    email: null,
    company: null,
    street: null,
    unit: null,
    city: null,
    state: null,
    zip: null,
    jobTitle: null,
    officePhone: null,
    mobilePhone: null,
    timeZone: null,
    licenseNumber: null,
    mlsAgentId: null,
    mlsAssociation: null,
    photoUrl: null,
    logoUrl: null,
  };
}

type Completeness = 'complete' | 'partial' | 'empty';

function makeProfile(
  random: Random,
  completeness: Completeness,
  person: { id: string; firstName: string; lastName: string; email: string; company: string },
): PartnerProfileData {
  const profile = emptyProfile();
  if (completeness === 'empty') return profile;
  const city = pick(random, CITIES);
  // A partial profile has each optional part with even odds (cheap: no per-row arrays).
  const has = () => completeness === 'complete' || random() < 0.5;
  profile.firstName = person.firstName || null;
  profile.lastName = person.lastName || null;
  profile.email = person.email;
  if (has()) profile.company = person.company;
  if (has()) {
    const address = officeAddress(person.company, city);
    profile.street = address.street;
    profile.unit = address.unit;
    profile.city = address.city;
    profile.state = address.state;
    profile.zip = address.zip;
  }
  if (has()) profile.jobTitle = pick(random, JOB_TITLES);
  if (has()) profile.officePhone = makePhone(random, city);
  if (has()) profile.mobilePhone = makePhone(random, city);
  if (has()) profile.timeZone = city.timeZone;
  if (has()) profile.licenseNumber = `${city.state}-${int(random, 100000, 999999)}`;
  if (has()) {
    profile.mlsAgentId = `${city.state}${int(random, 100000, 999999)}`;
    profile.mlsAssociation = city.mls;
  }
  if (has()) profile.photoUrl = pick(random, AVATAR_URLS);
  if (has()) profile.logoUrl = logoUrl(person.company);
  return profile;
}

// ---------------------------------------------------------------------------
// Invitation statuses and their history

const LEGACY_PATH: readonly InviteStatus[] = LEGACY_INVITE_STATUSES;
const NEW_STYLE_PATH: readonly InviteStatus[] = [
  'profile-created-sent',
  'profile-created-delivered',
  'profile-created-opened',
  'profile-created-link-clicked',
  'profile-created',
];
const LEGACY_SET: ReadonlySet<InviteStatus> = new Set(LEGACY_INVITE_STATUSES);

export function isLegacyStatus(status: InviteStatus): boolean {
  return LEGACY_SET.has(status);
}

/** The partner accepted (no email modifier): the statuses that carry an `acceptedAt`. */
export function isAcceptedStatus(status: InviteStatus): boolean {
  return status === 'active' || status === 'profile-created';
}

/**
 * The statuses a connection passed through to reach `status`. Legacy ones
 * follow the email (not delivered → delivered → opened → link clicked →
 * active); new-style ones start with the lender creating the profile, with or
 * without an email, and a bounce ends at "not delivered".
 */
export function statusPath(status: InviteStatus, createdWithoutEmail = false): InviteStatus[] {
  if (isLegacyStatus(status)) return LEGACY_PATH.slice(0, LEGACY_PATH.indexOf(status) + 1);
  if (status === 'profile-created-not-sent') return ['profile-created-not-sent'];
  const start: InviteStatus[] = createdWithoutEmail ? ['profile-created-not-sent'] : [];
  if (status === 'profile-created-not-delivered') return [...start, 'profile-created-sent', 'profile-created-not-delivered'];
  return [...start, ...NEW_STYLE_PATH.slice(0, NEW_STYLE_PATH.indexOf(status) + 1)];
}

/** The status one step further along the invitation email's path, or null at the end of it. */
export function nextInvitationStatus(status: InviteStatus): InviteStatus | null {
  switch (status) {
    case 'pending-not-delivered':
      return 'pending-delivered';
    case 'pending-delivered':
      return 'pending-opened';
    case 'pending-opened':
      return 'pending-link-clicked';
    case 'profile-created-sent':
    case 'profile-created-not-delivered':
      return 'profile-created-delivered';
    case 'profile-created-delivered':
      return 'profile-created-opened';
    case 'profile-created-opened':
      return 'profile-created-link-clicked';
    default:
      return null;
  }
}

/** Spreads the path's steps over [startMs, endMs]; the first step is at startMs. */
export function buildStatusHistory(path: readonly InviteStatus[], startMs: number, endMs: number): StatusChange[] {
  const steps = path.length;
  return path.map((status, index) => ({
    status,
    at: iso(steps === 1 ? startMs : Math.round(startMs + ((endMs - startMs) * index) / (steps - 1))),
  }));
}

// ---------------------------------------------------------------------------
// Partners

export interface PartnerRecord {
  partner: Partner;
  media: MediaItem[];
  leads: Lead[];
  statusHistory: StatusChange[];
  /** The registration token of the invitation link. */
  invitationToken: string;
}

interface PartnerRowOptions {
  random: Random;
  referenceMs: number;
  id: string;
  status: InviteStatus;
  completeness: Completeness;
  /** Added to the email's local part to keep emails unique in large sets. */
  emailSuffix: string;
  /** The invitation went to an address only (no name known). */
  anonymous?: boolean;
}

interface PartnerRow {
  partner: Partner;
  createdWithoutEmail: boolean;
  historyEndMs: number;
}

const pathLengths = new Map<string, number>();

/** `statusPath(...).length`, memoised: large sets need only the number of steps. */
function pathLength(status: InviteStatus, createdWithoutEmail: boolean): number {
  const key = createdWithoutEmail ? `${status}+` : status;
  let length = pathLengths.get(key);
  if (length === undefined) {
    length = statusPath(status, createdWithoutEmail).length;
    pathLengths.set(key, length);
  }
  return length;
}

function makePartnerRow(options: PartnerRowOptions): PartnerRow {
  const { random, referenceMs, id, status, completeness } = options;
  const firstName = pick(random, FIRST_NAMES);
  const lastName = pick(random, LAST_NAMES);
  const company = pick(random, BROKERAGES);
  const email = `${slug(firstName)}.${slug(lastName)}${options.emailSuffix}@${brokerageDomain(company)}`;
  const createdWithoutEmail = !isLegacyStatus(status) && chance(random, 0.3);
  const steps = pathLength(status, createdWithoutEmail);

  const invitedMs = referenceMs - int(random, 1, SPAN_DAYS) * DAY_MS - int(random, 0, 23) * HOUR_MS - int(random, 0, 59) * MINUTE_MS;
  // The last step happened somewhere between the invitation and now.
  const historyEndMs = steps === 1 ? invitedMs : invitedMs + Math.floor(random() * (referenceMs - invitedMs));
  const acceptedMs = isAcceptedStatus(status) ? historyEndMs : null;
  const editedLater = chance(random, 0.3);
  const updatedMs = editedLater ? historyEndMs + Math.floor(random() * (referenceMs - historyEndMs)) : historyEndMs;

  const anonymous = options.anonymous === true;
  const profile = makeProfile(random, anonymous ? 'empty' : completeness, {
    id,
    firstName,
    lastName,
    email,
    company,
  });
  return {
    partner: {
      id,
      email,
      firstName: anonymous ? '' : firstName,
      lastName: anonymous ? '' : lastName,
      status,
      // Only a partner with an account can allow a lender to edit it; most do.
      allowsProfileUpdates: status.startsWith('pending-') ? false : chance(random, 0.75),
      profile,
      invitedAt: iso(invitedMs),
      acceptedAt: acceptedMs === null ? null : iso(acceptedMs),
      updatedAt: iso(updatedMs),
    },
    createdWithoutEmail,
    historyEndMs,
  };
}

/**
 * Many partners for performance work (10,000 / 100,000 rows): every status,
 * varied completion, unique ids and emails; no detail records. Cheap per row.
 */
export function generatePartners(
  count: number,
  seed: number = DEFAULT_SEED,
  referenceDate: Date = new Date(DEFAULT_REFERENCE_DATE),
): Partner[] {
  const random = mulberry32(seed);
  const referenceMs = referenceDate.getTime();
  const partners = new Array<Partner>(count);
  for (let index = 0; index < count; index++) {
    const roll = random();
    partners[index] = makePartnerRow({
      random,
      referenceMs,
      id: `ptn-${pad(index + 1, 6)}`,
      status: INVITE_STATUSES[index % INVITE_STATUSES.length] as InviteStatus,
      completeness: roll < 0.3 ? 'complete' : roll < 0.8 ? 'partial' : 'empty',
      emailSuffix: String(index + 1),
    }).partner;
  }
  return partners;
}

const MEDIA_TEMPLATES: readonly { kind: MediaItem['kind']; title: (street: string) => string }[] = [
  { kind: 'flyer', title: (street) => `Just Listed flyer – ${street}` },
  { kind: 'flyer', title: (street) => `Open House flyer – ${street}` },
  { kind: 'postcard', title: (street) => `Just Sold postcard – ${street}` },
  { kind: 'property-site', title: (street) => `Single property site – ${street}` },
  { kind: 'lead-app', title: () => 'First-time buyer lead capture app' },
  { kind: 'social', title: (street) => `Coming soon social post – ${street}` },
  { kind: 'other', title: () => 'Co-branded rate sheet' },
];

function makeMedia(random: Random, partner: Partner, fromMs: number, toMs: number): MediaItem[] {
  const count = int(random, 0, 5);
  return Array.from({ length: count }, (_, index) => {
    const template = pick(random, MEDIA_TEMPLATES);
    const street = `${int(random, 100, 9899)} ${pick(random, STREET_NAMES)} ${pick(random, STREET_SUFFIXES)[1]}`;
    const id = `${partner.id}-media-${index + 1}`;
    const hasPage = template.kind === 'property-site' || template.kind === 'lead-app' || chance(random, 0.5);
    return {
      id,
      title: template.title(street),
      kind: template.kind,
      createdAt: iso(fromMs + Math.floor(random() * Math.max(1, toMs - fromMs))),
      url: hasPage ? `${MEDIA_BASE_URL}/projects/${id}` : null,
      thumbnailUrl: `${MEDIA_BASE_URL}/projects/${id}/thumbnail.png`,
    };
  }).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

const LEAD_NOTES = [
  'Pre-approved up to $450k, looking for a 3-bed.',
  'Relocating in the spring; wants a rate quote first.',
  'Met at the open house on Saturday.',
  'Needs to sell their condo before buying.',
  'First-time buyers, asked about down payment assistance.',
  null,
] as const;

function makeLeads(random: Random, partner: Partner, fromMs: number, toMs: number): Lead[] {
  const count = int(random, 0, 4);
  return Array.from({ length: count }, (_, index) => {
    const firstName = pick(random, FIRST_NAMES);
    const lastName = pick(random, LAST_NAMES);
    return {
      id: `${partner.id}-lead-${index + 1}`,
      name: `${firstName} ${lastName}`,
      email: chance(random, 0.85) ? `${slug(firstName)}.${slug(lastName)}@${pick(random, PERSONAL_DOMAINS)}` : null,
      direction: chance(random, 0.6) ? ('received' as const) : ('sent' as const),
      sharedAt: iso(fromMs + Math.floor(random() * Math.max(1, toMs - fromMs))),
      note: pick(random, LEAD_NOTES),
    };
  }).sort((a, b) => b.sharedAt.localeCompare(a.sharedAt));
}

export function makeInvitationToken(random: Random, partnerId: string): string {
  return `inv_${partnerId}_${Math.floor(random() * 2 ** 32).toString(36)}${Math.floor(random() * 2 ** 32).toString(36)}`;
}

const SEED_PARTNER_COUNT = 64;

function makeSeedPartners(random: Random, referenceMs: number): PartnerRecord[] {
  // Five of every status, plus a few more of the common ones, in random order.
  const statuses: InviteStatus[] = [];
  for (let round = 0; round < 5; round++) statuses.push(...INVITE_STATUSES);
  statuses.push('active', 'active', 'profile-created', 'pending-delivered');
  shuffle(random, statuses);

  const usedEmails = new Set<string>();
  const records: PartnerRecord[] = [];
  statuses.slice(0, SEED_PARTNER_COUNT).forEach((status, index) => {
    const id = `ptn-${pad(index + 1)}`;
    const completeness: Completeness = index % 4 === 0 ? 'complete' : index % 4 === 3 ? 'empty' : 'partial';
    // A few legacy invitations went to a bare address: no name is known yet.
    const anonymous = status.startsWith('pending-') && index % 7 === 2;
    let row = makePartnerRow({ random, referenceMs, id, status, completeness, emailSuffix: '', anonymous });
    for (let attempt = 2; usedEmails.has(row.partner.email); attempt++) {
      row = makePartnerRow({ random, referenceMs, id, status, completeness, emailSuffix: String(attempt), anonymous });
    }
    usedEmails.add(row.partner.email);
    const { partner, createdWithoutEmail, historyEndMs } = row;
    const invitedMs = Date.parse(partner.invitedAt);
    // Co-marketing starts once the lender created the profile or the partner accepted.
    const canCoMarket = !status.startsWith('pending-');
    records.push({
      partner,
      media: canCoMarket ? makeMedia(random, partner, historyEndMs, referenceMs) : [],
      leads: isAcceptedStatus(status) ? makeLeads(random, partner, historyEndMs, referenceMs) : [],
      statusHistory: buildStatusHistory(statusPath(status, createdWithoutEmail), invitedMs, historyEndMs),
      invitationToken: makeInvitationToken(random, id),
    });
  });
  return records;
}

// ---------------------------------------------------------------------------
// Users elsewhere and contacts

/** A user of the platform who is not (yet) connected to the viewer: linking is offered. */
export interface ExistingUser {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  profile: PartnerProfileData;
  allowsProfileUpdates: boolean;
}

function personName(random: Random, used: Set<string>): { firstName: string; lastName: string } {
  for (;;) {
    const firstName = pick(random, FIRST_NAMES);
    const lastName = pick(random, LAST_NAMES);
    const key = `${firstName} ${lastName}`;
    if (!used.has(key)) {
      used.add(key);
      return { firstName, lastName };
    }
  }
}

function makeExistingUsers(random: Random, usedNames: Set<string>): ExistingUser[] {
  return Array.from({ length: 10 }, (_, index) => {
    const { firstName, lastName } = personName(random, usedNames);
    const company = pick(random, BROKERAGES);
    const id = `usr-ext-${pad(index + 1)}`;
    const email = `${slug(firstName)}.${slug(lastName)}@${brokerageDomain(company)}`;
    return {
      id,
      firstName,
      lastName,
      email,
      profile: makeProfile(random, index % 3 === 0 ? 'complete' : 'partial', { id, firstName, lastName, email, company }),
      allowsProfileUpdates: chance(random, 0.6),
    };
  });
}

function contactFrom(
  id: string,
  person: { firstName: string; lastName: string; email: string | null; profile: PartnerProfileData },
): Contact {
  return { id, firstName: person.firstName, lastName: person.lastName, email: person.email, profile: person.profile };
}

/**
 * ~40 contacts: some are already partners (the wizard says "connected"),
 * some are users elsewhere ("link accounts"), most are new, two have no email.
 */
function makeContacts(
  random: Random,
  partners: readonly PartnerRecord[],
  existingUsers: readonly ExistingUser[],
  usedNames: Set<string>,
): Contact[] {
  const contacts: Contact[] = [];
  const nextId = () => `con-${pad(contacts.length + 1)}`;
  const namedPartners = partners.filter((record) => record.partner.firstName !== '');
  for (const { partner } of sample(random, namedPartners, 8)) {
    const id = nextId();
    // The contact record is the lender's own: it knows less than the partner profile.
    const profile = { ...emptyProfile(), firstName: partner.firstName, lastName: partner.lastName, email: partner.email };
    profile.company = partner.profile.company ?? null;
    profile.mobilePhone = partner.profile.mobilePhone ?? null;
    contacts.push(contactFrom(id, { ...partner, profile }));
  }
  for (const user of existingUsers.slice(0, 8)) {
    const id = nextId();
    const profile = { ...emptyProfile(), firstName: user.firstName, lastName: user.lastName, email: user.email };
    profile.company = user.profile.company ?? null;
    contacts.push(contactFrom(id, { ...user, profile }));
  }
  for (let index = 0; index < 24; index++) {
    const id = nextId();
    const { firstName, lastName } = personName(random, usedNames);
    const company = pick(random, BROKERAGES);
    const hasEmail = index !== 5 && index !== 17;
    const email = hasEmail
      ? `${slug(firstName)}.${slug(lastName)}@${chance(random, 0.6) ? brokerageDomain(company) : pick(random, PERSONAL_DOMAINS)}`
      : null;
    const completeness: Completeness = index % 3 === 0 ? 'complete' : index % 3 === 1 ? 'partial' : 'empty';
    const profile = makeProfile(random, completeness, { id, firstName, lastName, email: email ?? '', company });
    profile.email = email;
    contacts.push(contactFrom(id, { firstName, lastName, email, profile }));
  }
  return contacts.sort((a, b) => `${a.lastName} ${a.firstName}`.localeCompare(`${b.lastName} ${b.firstName}`) || a.id.localeCompare(b.id));
}

// ---------------------------------------------------------------------------
// Partner portal: organisations, workflows, brokers, deals

export interface BrokerRecord {
  id: string;
  organisationId: string;
  name: string;
  email: string;
}

/** The viewer for each role, so switching the demo's role also switches who is looking. */
const persona = (id: string, name: string, email: string): Readonly<Session['viewer']> => Object.freeze({ id, name, email });

export const PERSONAS: Readonly<Record<Role, Readonly<Session['viewer']>>> = Object.freeze({
  lender: persona('usr-lender-jordan', 'Jordan Ellis', 'jordan.ellis@harborlending.example'),
  agent: persona('usr-agent-taylor', 'Taylor Brooks', 'taylor.brooks@bluedoorrealty.example'),
  broker: persona('brk-harbor-1', 'Priya Raman', 'priya.raman@harborlending.example'),
  admin: persona('usr-admin-morgan', 'Morgan Blake', 'morgan.blake@harborlending.example'),
  partner: persona('usr-partner-riley', 'Riley Chen', 'riley.chen@chenreferrals.example'),
});

const ORGANISATIONS: readonly Organisation[] = [
  {
    id: 'org-harbor',
    name: 'Harbor Lending Group',
    switches: { profilePrefill: true, profileEditing: true, partnersAddDeals: true },
    defaultWorkflowId: 'wf-harbor-leads',
  },
  {
    id: 'org-summit',
    name: 'Summit Home Loans',
    switches: { profilePrefill: false, profileEditing: false, partnersAddDeals: false },
    defaultWorkflowId: 'wf-summit-referrals',
  },
];

function stages(prefix: string, names: readonly string[], closed: readonly string[]) {
  return [...names, ...closed].map((name, index) => ({
    id: `${prefix}-${index + 1}`,
    name,
    closed: index >= names.length,
  }));
}

const WORKFLOWS: readonly Workflow[] = [
  {
    id: 'wf-harbor-leads',
    organisationId: 'org-harbor',
    name: 'Leads',
    stages: stages('stg-leads', ['New lead', 'Contacted', 'Application', 'Approved'], ['Settled', 'Lost']),
  },
  {
    id: 'wf-harbor-loans',
    organisationId: 'org-harbor',
    name: 'Home loans',
    stages: stages(
      'stg-loans',
      ['Discovery', 'Pre-approval', 'Submitted', 'Conditional approval', 'Clear to close'],
      ['Settled', 'Lost'],
    ),
  },
  {
    id: 'wf-summit-referrals',
    organisationId: 'org-summit',
    name: 'Referrals',
    stages: stages('stg-referrals', ['Referral received', 'In progress', 'Under contract'], ['Closed won', 'Not proceeding']),
  },
];

const BROKERS: readonly BrokerRecord[] = [
  { id: 'brk-harbor-1', organisationId: 'org-harbor', name: 'Priya Raman', email: 'priya.raman@harborlending.example' },
  { id: 'brk-harbor-2', organisationId: 'org-harbor', name: 'Marcus Johnson', email: 'marcus.johnson@harborlending.example' },
  { id: 'brk-harbor-3', organisationId: 'org-harbor', name: 'Elena Vasquez', email: 'elena.vasquez@harborlending.example' },
  { id: 'brk-harbor-4', organisationId: 'org-harbor', name: 'David Okafor', email: 'david.okafor@harborlending.example' },
  { id: 'brk-summit-1', organisationId: 'org-summit', name: 'Hannah Kim', email: 'hannah.kim@summithomeloans.example' },
  { id: 'brk-summit-2', organisationId: 'org-summit', name: 'Andre Washington', email: 'andre.washington@summithomeloans.example' },
  { id: 'brk-summit-3', organisationId: 'org-summit', name: 'Sofia Rossi', email: 'sofia.rossi@summithomeloans.example' },
];

interface AccountSeed {
  id: string;
  organisationId: string;
  name: string;
  email: string;
  phone: string;
  brokerIds: string[];
}

const PARTNER_ACCOUNTS: readonly AccountSeed[] = [
  { id: 'pa-harbor-01', organisationId: 'org-harbor', name: 'Riley Chen', email: 'riley.chen@chenreferrals.example', phone: '(512) 555-0142', brokerIds: ['brk-harbor-1', 'brk-harbor-2'] },
  { id: 'pa-harbor-02', organisationId: 'org-harbor', name: 'Sam Patel', email: 'sam.patel@patelfinancial.example', phone: '(512) 555-0117', brokerIds: ['brk-harbor-1'] },
  { id: 'pa-harbor-03', organisationId: 'org-harbor', name: 'Dana Whitfield', email: 'dana.whitfield@whitfieldlaw.example', phone: '(737) 555-0163', brokerIds: ['brk-harbor-3'] },
  { id: 'pa-harbor-04', organisationId: 'org-harbor', name: 'Luis Ortega', email: 'luis.ortega@ortegainsurance.example', phone: '(512) 555-0188', brokerIds: [] },
  { id: 'pa-harbor-05', organisationId: 'org-harbor', name: "Grace O'Neill", email: 'grace.oneill@oneillrealty.example', phone: '(512) 555-0131', brokerIds: ['brk-harbor-2', 'brk-harbor-4'] },
  { id: 'pa-harbor-06', organisationId: 'org-harbor', name: 'Kenji Watanabe', email: 'kenji.watanabe@watanabecpa.example', phone: '(737) 555-0105', brokerIds: [] },
  { id: 'pa-harbor-07', organisationId: 'org-harbor', name: 'Aisha Bello', email: 'aisha.bello@bellohomes.example', phone: '(512) 555-0179', brokerIds: ['brk-harbor-4'] },
  { id: 'pa-harbor-08', organisationId: 'org-harbor', name: 'Tom Becker', email: 'tom.becker@beckerbuilders.example', phone: '(512) 555-0126', brokerIds: ['brk-harbor-1'] },
  { id: 'pa-summit-01', organisationId: 'org-summit', name: 'Riley Chen', email: 'riley.chen@chenreferrals.example', phone: '(512) 555-0142', brokerIds: ['brk-summit-1'] },
  { id: 'pa-summit-02', organisationId: 'org-summit', name: 'Nora Lindqvist', email: 'nora.lindqvist@northstarplanning.example', phone: '(612) 555-0150', brokerIds: ['brk-summit-2'] },
  { id: 'pa-summit-03', organisationId: 'org-summit', name: 'Omar Haddad', email: 'omar.haddad@haddadrealty.example', phone: '(612) 555-0172', brokerIds: [] },
  { id: 'pa-summit-04', organisationId: 'org-summit', name: 'Beth Carver', email: 'beth.carver@carvercpa.example', phone: '(651) 555-0114', brokerIds: ['brk-summit-1', 'brk-summit-3'] },
  { id: 'pa-summit-05', organisationId: 'org-summit', name: 'Victor Huang', email: 'victor.huang@huangadvisors.example', phone: '(612) 555-0191', brokerIds: ['brk-summit-3'] },
];

const DEAL_LABELS = [
  'First home buyer', 'Refinance', 'Investor', 'Urgent', 'Self-employed', 'Pre-approval', 'Construction', 'VA loan', 'FHA',
  'Jumbo',
] as const;

const SUMMARIES: readonly ((city: string) => string)[] = [
  (city) => `First-time buyers looking in ${city}; they need a pre-approval before making offers.`,
  () => 'Refinance from a 7.1% fixed rate; would also like to consolidate a car loan.',
  () => 'Relocating for work and needs bridge financing while the current home sells.',
  (city) => `Investor buying a duplex in ${city}; already owns two rentals.`,
  () => 'Self-employed for three years; two years of tax returns are ready to share.',
  () => 'VA loan eligible, under contract and hoping to close within 30 days.',
  (city) => `Building a new home outside ${city}; asking about a construction-to-permanent loan.`,
  () => 'Downsizing after retirement with a large down payment from the sale of the family home.',
];

const BROKER_NOTES = [
  'Called the clients and requested the last two pay stubs.',
  'Pre-approval submitted; expecting an answer in 48 hours.',
  'Appraisal booked for Thursday morning.',
  'Conditional approval received. Waiting on the bank statements.',
  'Rate locked for 45 days.',
  'Closing disclosure sent for review.',
] as const;

const PARTNER_NOTES = [
  'They found a place they love and want to move quickly.',
  'I emailed over the signed purchase contract.',
  'Could you give them a call this week? They prefer afternoons.',
  'They need to sell their current home first.',
  'Thanks for the update, I let the clients know.',
  'The sellers accepted the offer!',
] as const;

const DOCUMENTS = [
  { name: 'Pay stubs.pdf', contentType: 'application/pdf' },
  { name: 'Purchase contract.pdf', contentType: 'application/pdf' },
  { name: 'Pre-approval letter.pdf', contentType: 'application/pdf' },
  { name: 'Bank statements.pdf', contentType: 'application/pdf' },
  { name: 'Driver license.jpg', contentType: 'image/jpeg' },
  { name: 'W-2 2025.pdf', contentType: 'application/pdf' },
  { name: 'Appraisal report.pdf', contentType: 'application/pdf' },
  { name: 'Gift letter.docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
] as const;

interface PortalData {
  deals: Deal[];
  notes: Note[];
  documents: DealDocument[];
}

const DEALS_PER_WORKFLOW: Readonly<Record<string, number>> = {
  'wf-harbor-leads': 18,
  'wf-harbor-loans': 14,
  'wf-summit-referrals': 12,
};

function makePortalData(random: Random, referenceMs: number): PortalData {
  const deals: Deal[] = [];
  const notes: Note[] = [];
  const documents: DealDocument[] = [];
  for (const workflow of WORKFLOWS) {
    const brokers = BROKERS.filter((broker) => broker.organisationId === workflow.organisationId);
    const accounts = PARTNER_ACCOUNTS.filter((account) => account.organisationId === workflow.organisationId);
    const riley = accounts.find((account) => account.name === PERSONAS.partner.name);
    const open = workflow.stages.filter((stage) => !stage.closed);
    const closed = workflow.stages.filter((stage) => stage.closed);
    const dealCount = DEALS_PER_WORKFLOW[workflow.id] ?? 10;
    for (let index = 0; index < dealCount; index++) {
      const id = `deal-${pad(deals.length + 1)}`;
      const city = pick(random, CITIES);
      const clientCount = pick(random, [1, 1, 2, 2, 2, 3]);
      const lastName = pick(random, LAST_NAMES);
      const clients = Array.from({ length: clientCount }, (_, clientIndex) => {
        // Co-borrowers are usually a couple sharing the surname.
        const clientLast = clientIndex > 0 && chance(random, 0.3) ? pick(random, LAST_NAMES) : lastName;
        const firstName = pick(random, FIRST_NAMES);
        return {
          id: `${id}-client-${clientIndex + 1}`,
          firstName,
          lastName: clientLast,
          phone: makePhone(random, city),
          email: `${slug(firstName)}.${slug(clientLast)}${int(random, 1, 99)}@${pick(random, PERSONAL_DOMAINS)}`,
        };
      });
      const stage = chance(random, 0.2) ? pick(random, closed) : open[Math.min(open.length - 1, Math.floor(random() ** 1.4 * open.length))];
      if (stage === undefined) throw new Error(`Workflow ${workflow.id} has no stages`);
      const createdMs = referenceMs - int(random, 0, SPAN_DAYS) * DAY_MS - int(random, 1, 23) * HOUR_MS;
      const updatedMs = createdMs + Math.floor(random() * (referenceMs - createdMs));
      const broker = chance(random, 0.9) ? pick(random, brokers) : null;
      const partnerAccount = riley !== undefined && chance(random, 0.7) ? riley : pick(random, accounts);
      const first = clients[0];
      const deal: Deal = {
        id,
        organisationId: workflow.organisationId,
        workflowId: workflow.id,
        stageId: stage.id,
        version: workflow.stages.indexOf(stage) + int(random, 0, 2),
        name: first ? `${first.firstName} ${first.lastName}` : id,
        clients,
        broker: broker === null ? null : { id: broker.id, name: broker.name },
        partner: { id: partnerAccount.id, name: partnerAccount.name },
        labels: sample(random, DEAL_LABELS, pick(random, [0, 1, 1, 2, 3])),
        summary: pick(random, SUMMARIES)(city.city),
        createdAt: iso(createdMs),
        updatedAt: iso(updatedMs),
        closed: stage.closed,
      };
      deals.push(deal);

      const noteCount = int(random, 0, 4);
      for (let n = 0; n < noteCount; n++) {
        const byBroker = broker !== null && n % 2 === 0;
        notes.push({
          id: `${id}-note-${n + 1}`,
          dealId: id,
          author: byBroker
            ? { id: broker.id, name: broker.name, role: 'broker' }
            : { id: partnerAccount.id, name: partnerAccount.name, role: 'partner' },
          body: byBroker ? pick(random, BROKER_NOTES) : pick(random, PARTNER_NOTES),
          createdAt: iso(createdMs + Math.floor(((updatedMs - createdMs) * (n + 1)) / (noteCount + 1))),
        });
      }
      const documentCount = int(random, 0, 3);
      for (const [d, template] of sample(random, DOCUMENTS, documentCount).entries()) {
        const documentId = `${id}-doc-${d + 1}`;
        const uploader = broker !== null && chance(random, 0.5) ? broker : partnerAccount;
        documents.push({
          id: documentId,
          dealId: id,
          name: template.name,
          contentType: template.contentType,
          size: int(random, 40_000, 4_000_000),
          url: `${FILES_BASE_URL}/deals/${id}/${documentId}/${encodeURIComponent(template.name)}`,
          uploadedAt: iso(createdMs + Math.floor(random() * (updatedMs - createdMs + 1))),
          uploadedBy: { id: uploader.id, name: uploader.name },
        });
      }
    }
  }
  return { deals, notes, documents };
}

function makePortalSettings(): PortalSettings[] {
  return [
    {
      organisationId: 'org-harbor',
      version: 1,
      defaultWorkflowId: 'wf-harbor-leads',
      partnerAddedEmail: true,
      dealShared: { email: true, sms: false },
      notifications: {
        stageChanged: { email: true, sms: true },
        fileShared: { email: true, sms: false },
        noteAdded: { email: true, sms: false },
      },
    },
    {
      organisationId: 'org-summit',
      version: 1,
      defaultWorkflowId: 'wf-summit-referrals',
      partnerAddedEmail: false,
      dealShared: { email: true, sms: true },
      notifications: {
        stageChanged: { email: true, sms: false },
        fileShared: { email: false, sms: false },
        noteAdded: { email: true, sms: true },
      },
    },
  ];
}

/** A partner's own choices; what the organisation allows is added when they are read. */
export type PartnerOwnSettings = Omit<PartnerSettings, 'organisationAllows'> & { viewerId: string };

function makePartnerSettings(): PartnerOwnSettings[] {
  return [
    {
      viewerId: PERSONAS.partner.id,
      version: 1,
      name: PERSONAS.partner.name,
      country: 'United States',
      phone: '(512) 555-0142',
      email: PERSONAS.partner.email,
      updates: {
        dealProgress: { email: true, sms: true },
        newNotes: { email: true, sms: true },
        newFiles: { email: false, sms: false },
      },
    },
  ];
}

function makePartnerAccounts(random: Random, referenceMs: number): PartnerAccount[] {
  return PARTNER_ACCOUNTS.map((account) => ({
    ...account,
    brokerIds: [...account.brokerIds],
    createdAt: iso(referenceMs - int(random, SPAN_DAYS, SPAN_DAYS * 4) * DAY_MS - int(random, 0, 23) * HOUR_MS),
  }));
}

// ---------------------------------------------------------------------------
// Shared clients: the mortgage agent's clients and each realtor's

export interface RealtorRecord {
  realtor: PersonRef;
  clients: ClientRecord[];
}

export interface SharedClientsData {
  mortgageAgent: PersonRef;
  agentClients: ClientRecord[];
  realtors: RealtorRecord[];
  /** Activity per client record id (either side). */
  activity: Record<string, ClientActivity[]>;
  /** The pairs that are co-shared by construction: [agent client id, realtor client id, realtor id]. */
  coSharedPairs: [string, string, string][];
  /** Same email, different home: must NOT be co-shared. */
  nearMisses: [string, string][];
}

const REALTOR_NAMES = [
  'Vanessa Ortiz', 'Derek Lindgren', 'Shanice Howard', 'Paolo Bianchi', 'Hyun-woo Park', 'Caroline Dubois',
] as const;

const STATE_NAMES: Readonly<Record<string, string>> = {
  AK: 'Alaska', AZ: 'Arizona', CA: 'California', CO: 'Colorado', FL: 'Florida', GA: 'Georgia', HI: 'Hawaii',
  ID: 'Idaho', MA: 'Massachusetts', MN: 'Minnesota', MO: 'Missouri', NC: 'North Carolina', NM: 'New Mexico',
  OH: 'Ohio', OR: 'Oregon', TN: 'Tennessee', TX: 'Texas', UT: 'Utah', VA: 'Virginia', WA: 'Washington',
};

/**
 * The same home as the realtor typed it: abbreviated suffix ("Street" → "St."),
 * other case, stray spaces, "Suite 210" → "#210", the state spelled out.
 */
function realtorSpelling(address: Address, variant: number): Address {
  let street = address.street;
  for (const [full, abbreviation] of STREET_SUFFIXES) {
    if (street.endsWith(` ${full}`)) street = `${street.slice(0, -full.length)}${abbreviation}`;
  }
  switch (variant % 4) {
    case 0:
      return { ...address, street };
    case 1:
      return { ...address, street: street.toUpperCase(), city: address.city.toUpperCase() };
    case 2:
      return { ...address, street: `  ${street.replace(' ', '  ')} `, city: address.city.toLowerCase(), state: address.state.toLowerCase() };
    default:
      return {
        ...address,
        street: street.toLowerCase(),
        unit: address.unit === null ? null : address.unit.replace(/^Suite\s+/, '#'),
        state: STATE_NAMES[address.state] ?? address.state,
      };
  }
}

/** The email as another account may store it: capitalised, domain in upper case. */
function emailSpelling(email: string, variant: number): string {
  if (variant % 3 === 1) {
    const [local = '', domain = ''] = email.split('@');
    return `${local.charAt(0).toUpperCase()}${local.slice(1)}@${domain.toUpperCase()}`;
  }
  return email;
}

const ACTIVITY_TEMPLATES: readonly { kind: ClientActivity['kind']; description: string }[] = [
  { kind: 'mortgage-question', description: 'Asked about refinancing to a shorter term.' },
  { kind: 'pre-approval', description: 'Started a pre-approval request.' },
  { kind: 'home-value', description: 'Checked the estimated value of their home.' },
  { kind: 'property-search', description: 'Searched for 3-bedroom homes nearby.' },
  { kind: 'report-opened', description: 'Opened the Net Worth Summary report.' },
  { kind: 'other', description: 'Updated their contact preferences.' },
];

function makeActivity(random: Random, referenceMs: number): ClientActivity[] {
  return Array.from({ length: int(random, 0, 4) }, () => {
    const template = pick(random, ACTIVITY_TEMPLATES);
    return { ...template, at: iso(referenceMs - Math.floor(random() * SPAN_DAYS * DAY_MS)) };
  }).sort((a, b) => b.at.localeCompare(a.at));
}

function makeSharedClients(random: Random, referenceMs: number, usedNames: Set<string>): SharedClientsData {
  const mortgageAgent: PersonRef = { id: PERSONAS.lender.id, name: PERSONAS.lender.name };
  // The agent persona is the first realtor, so an agent session sees its own co-shared clients.
  const realtors: RealtorRecord[] = [
    { realtor: { id: PERSONAS.agent.id, name: PERSONAS.agent.name }, clients: [] },
    ...REALTOR_NAMES.slice(1).map((name, index) => ({ realtor: { id: `rlt-${pad(index + 2)}`, name }, clients: [] })),
  ];
  const agentClients: ClientRecord[] = [];
  const coSharedPairs: [string, string, string][] = [];
  const nearMisses: [string, string][] = [];
  const activity: Record<string, ClientActivity[]> = {};

  const newPerson = (): Omit<ClientRecord, 'id'> => {
    const { firstName, lastName } = personName(random, usedNames);
    return {
      name: `${firstName} ${lastName}`,
      email: `${slug(firstName)}.${slug(lastName)}@${pick(random, PERSONAL_DOMAINS)}`,
      address: makeAddress(random, pick(random, CITIES)),
    };
  };
  const addRealtorClient = (realtor: RealtorRecord, client: Omit<ClientRecord, 'id'>): ClientRecord => {
    const record = { id: `${realtor.realtor.id}-client-${pad(realtor.clients.length + 1)}`, ...client };
    realtor.clients.push(record);
    return record;
  };

  // 30 clients of the mortgage agent's own.
  for (let index = 1; index <= 30; index++) agentClients.push({ id: `agc-${pad(index)}`, ...newPerson() });

  // Co-shared: the first 10 agent clients are also clients of one of the first four realtors.
  agentClients.slice(0, 10).forEach((client, index) => {
    const realtor = realtors[index % 4] as RealtorRecord;
    const address = realtorSpelling(client.address as Address, index);
    const record = addRealtorClient(realtor, { name: client.name, email: emailSpelling(client.email, index), address });
    coSharedPairs.push([client.id, record.id, realtor.realtor.id]);
  });
  // Near misses: the same email at a different home (moved, or a different property).
  agentClients.slice(10, 14).forEach((client, index) => {
    const realtor = realtors[(index + 1) % 5] as RealtorRecord;
    const record = addRealtorClient(realtor, {
      name: client.name,
      email: client.email,
      address: makeAddress(random, pick(random, CITIES)),
    });
    nearMisses.push([client.id, record.id]);
  });
  // Every realtor has clients of their own, in different numbers.
  realtors.forEach((realtor, index) => {
    const own = 4 + ((index * 5) % 11);
    for (let n = 0; n < own; n++) addRealtorClient(realtor, newPerson());
  });

  for (const client of agentClients) activity[client.id] = makeActivity(random, referenceMs);
  for (const realtor of realtors) for (const client of realtor.clients) activity[client.id] = makeActivity(random, referenceMs);
  return { mortgageAgent, agentClients, realtors, activity, coSharedPairs, nearMisses };
}

// ---------------------------------------------------------------------------
// Everything

export interface SeedData {
  seed: number;
  referenceDate: string;
  session: Session;
  partners: PartnerRecord[];
  existingUsers: ExistingUser[];
  contacts: Contact[];
  organisations: Organisation[];
  workflows: Workflow[];
  brokers: BrokerRecord[];
  deals: Deal[];
  notes: Note[];
  documents: DealDocument[];
  portalSettings: PortalSettings[];
  partnerSettings: PartnerOwnSettings[];
  partnerAccounts: PartnerAccount[];
  sharedClients: SharedClientsData;
}

export interface SeedOptions {
  seed?: number;
  /** "Now" of the data: every generated date lies in the ~60 days before it. */
  referenceDate?: Date;
}

export function defaultSession(role: Role = 'lender'): Session {
  const organisation = ORGANISATIONS[0] as Organisation;
  return {
    viewer: { ...PERSONAS[role] },
    role,
    organisation: { id: organisation.id, name: organisation.name },
    switches: { ...organisation.switches },
    locale: 'en-US',
  };
}

/** The whole data set. Pure: the same options always give equal data. */
export function generateSeedData(options: SeedOptions = {}): SeedData {
  const seed = options.seed ?? DEFAULT_SEED;
  const referenceDate = options.referenceDate ?? new Date(DEFAULT_REFERENCE_DATE);
  const referenceMs = referenceDate.getTime();
  if (Number.isNaN(referenceMs)) throw new RangeError('generateSeedData: referenceDate is not a valid date');
  // One stream per area, so adding data to one area never reshuffles another.
  const stream = (salt: number) => mulberry32((seed ^ Math.imul(salt, 0x9e3779b1)) >>> 0);

  const partners = makeSeedPartners(stream(1), referenceMs);
  const usedNames = new Set(partners.map(({ partner }) => `${partner.firstName} ${partner.lastName}`));
  const existingUsers = makeExistingUsers(stream(2), usedNames);
  const contacts = makeContacts(stream(3), partners, existingUsers, usedNames);
  const portal = makePortalData(stream(4), referenceMs);
  const sharedClients = makeSharedClients(stream(5), referenceMs, usedNames);

  return {
    seed,
    referenceDate: referenceDate.toISOString(),
    session: defaultSession('lender'),
    partners,
    existingUsers,
    contacts,
    organisations: structuredClone([...ORGANISATIONS]),
    workflows: structuredClone([...WORKFLOWS]),
    brokers: structuredClone([...BROKERS]),
    deals: portal.deals,
    notes: portal.notes,
    documents: portal.documents,
    portalSettings: makePortalSettings(),
    partnerSettings: makePartnerSettings(),
    partnerAccounts: makePartnerAccounts(stream(6), referenceMs),
    sharedClients,
  };
}
