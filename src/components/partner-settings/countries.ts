/**
 * Countries for the partner's "Country" picker: ISO 3166-1 alpha-2 region
 * codes, named in the viewer's language by `Intl.DisplayNames` (so the kit
 * ships no country names of its own) and sorted the viewer's way.
 */
export const REGION_CODES = [
  'AD', 'AE', 'AF', 'AG', 'AI', 'AL', 'AM', 'AO', 'AQ', 'AR', 'AS', 'AT', 'AU', 'AW', 'AX', 'AZ', 'BA', 'BB', 'BD', 'BE',
  'BF', 'BG', 'BH', 'BI', 'BJ', 'BL', 'BM', 'BN', 'BO', 'BQ', 'BR', 'BS', 'BT', 'BV', 'BW', 'BY', 'BZ', 'CA', 'CC', 'CD',
  'CF', 'CG', 'CH', 'CI', 'CK', 'CL', 'CM', 'CN', 'CO', 'CR', 'CU', 'CV', 'CW', 'CX', 'CY', 'CZ', 'DE', 'DJ', 'DK', 'DM',
  'DO', 'DZ', 'EC', 'EE', 'EG', 'EH', 'ER', 'ES', 'ET', 'FI', 'FJ', 'FK', 'FM', 'FO', 'FR', 'GA', 'GB', 'GD', 'GE', 'GF',
  'GG', 'GH', 'GI', 'GL', 'GM', 'GN', 'GP', 'GQ', 'GR', 'GS', 'GT', 'GU', 'GW', 'GY', 'HK', 'HM', 'HN', 'HR', 'HT', 'HU',
  'ID', 'IE', 'IL', 'IM', 'IN', 'IO', 'IQ', 'IR', 'IS', 'IT', 'JE', 'JM', 'JO', 'JP', 'KE', 'KG', 'KH', 'KI', 'KM', 'KN',
  'KP', 'KR', 'KW', 'KY', 'KZ', 'LA', 'LB', 'LC', 'LI', 'LK', 'LR', 'LS', 'LT', 'LU', 'LV', 'LY', 'MA', 'MC', 'MD', 'ME',
  'MF', 'MG', 'MH', 'MK', 'ML', 'MM', 'MN', 'MO', 'MP', 'MQ', 'MR', 'MS', 'MT', 'MU', 'MV', 'MW', 'MX', 'MY', 'MZ', 'NA',
  'NC', 'NE', 'NF', 'NG', 'NI', 'NL', 'NO', 'NP', 'NR', 'NU', 'NZ', 'OM', 'PA', 'PE', 'PF', 'PG', 'PH', 'PK', 'PL', 'PM',
  'PN', 'PR', 'PS', 'PT', 'PW', 'PY', 'QA', 'RE', 'RO', 'RS', 'RU', 'RW', 'SA', 'SB', 'SC', 'SD', 'SE', 'SG', 'SH', 'SI',
  'SJ', 'SK', 'SL', 'SM', 'SN', 'SO', 'SR', 'SS', 'ST', 'SV', 'SX', 'SY', 'SZ', 'TC', 'TD', 'TF', 'TG', 'TH', 'TJ', 'TK',
  'TL', 'TM', 'TN', 'TO', 'TR', 'TT', 'TV', 'TW', 'TZ', 'UA', 'UG', 'UM', 'US', 'UY', 'UZ', 'VA', 'VC', 'VE', 'VG', 'VI',
  'VN', 'VU', 'WF', 'WS', 'YE', 'YT', 'ZA', 'ZM', 'ZW',
] as const;

export interface CountryOption {
  /** The region code (`US`). */
  value: string;
  /** Its name in the viewer's language (`United States`, `Estados Unidos`). */
  label: string;
}

const REGION_SET: ReadonlySet<string> = new Set(REGION_CODES);

function displayNames(lang: string): Intl.DisplayNames | undefined {
  try {
    return new Intl.DisplayNames([lang, 'en'], { type: 'region', fallback: 'code' });
  } catch {
    return undefined;
  }
}

/** Case-, accent- and space-insensitive form of a name, for matching stored values. */
function nameKey(value: string): string {
  return value.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

const optionsCache = new Map<string, readonly CountryOption[]>();
const namesCache = new Map<string, ReadonlyMap<string, string>>();

/** Every country, named in `lang` and sorted by that name the way `lang` sorts. */
export function countryOptions(lang: string): readonly CountryOption[] {
  const cached = optionsCache.get(lang);
  if (cached) return cached;
  const names = displayNames(lang);
  let collator: Intl.Collator;
  try {
    collator = new Intl.Collator(lang);
  } catch {
    collator = new Intl.Collator('en');
  }
  const options = REGION_CODES.map((code) => ({ value: code, label: names?.of(code) ?? code })).sort((a, b) =>
    collator.compare(a.label, b.label),
  );
  optionsCache.set(lang, options);
  return options;
}

function codesByName(lang: string): ReadonlyMap<string, string> {
  const cached = namesCache.get(lang);
  if (cached) return cached;
  const map = new Map<string, string>();
  for (const { value, label } of countryOptions(lang)) map.set(nameKey(label), value);
  namesCache.set(lang, map);
  return map;
}

/**
 * The region code a stored country stands for: the code itself (any case), or
 * its name in English or in `lang` ("United States", "estados unidos").
 * `undefined` when the value is none of these.
 */
export function toRegionCode(value: string, lang: string): string | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  const upper = trimmed.toUpperCase();
  if (REGION_SET.has(upper)) return upper;
  const key = nameKey(trimmed);
  return codesByName(lang).get(key) ?? codesByName('en').get(key);
}
