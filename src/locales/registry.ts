/**
 * The kit's locales: message catalogues, the current locale, and `Intl`
 * formatting.
 *
 * Which locale an element uses, first match wins:
 * 1. the `lang` attribute of the element or its closest ancestor below
 *    `<html>` (crossing shadow roots);
 * 2. the locale the host set with `setLocale()`;
 * 3. `<html lang>`;
 * 4. English.
 * A message missing from the locale's catalogue comes from its base language
 * (`es-MX` → `es`), then from English.
 *
 * This module holds the catalogues and brings none: `./index.ts` adds the
 * core English catalogue (`./en.ts`) for everything that imports it, and
 * `<status-badge>` and `<profile-progress>` add only their own areas of it
 * (they import this module directly, so a page showing only them ships no
 * other strings). The other catalogues the kit ships (Spanish) load on
 * first use, so a page pays only for the languages it shows: until one has
 * loaded, elements render English, then re-render. A host that wants the
 * first paint in Spanish awaits `loadLocale('es')` (or registers the
 * catalogue itself) before rendering.
 *
 * One shared `MutationObserver` watches `lang` attributes in the document, so
 * changing `<html lang>` re-renders every element at once.
 */
import type { MessageKey, MessageParams, Messages } from './types.js';

export type { CoreMessageKey, CoreMessages, MessageKey, MessageParams, Messages } from './types.js';

const FALLBACK_LANG = 'en';

type MessageLoader = () => Promise<Partial<Messages>>;

/** English: the catalogues registered so far (the core one or its areas, and each element's own). */
const english: Partial<Messages> = {};
const catalogues = new Map<string, Partial<Messages>>([['en', english]]);

/** The core catalogues the kit ships besides English, by base language, loaded on demand. */
const BUILT_IN_LOADERS: Readonly<Record<string, MessageLoader>> = {
  es: () => import('./es.js').then((module) => module.es),
};

/** Each element's own catalogues in other languages, by base language (see `registerMessages`). */
const elementLoaders = new Map<string, Set<MessageLoader>>();
/** Languages whose built-in catalogues the kit loaded (not a host's own registration). */
const builtInLoaded = new Set<string>();

/**
 * Adds an element's own messages: its English ones at once, and how to load
 * its other languages (they load with the kit's catalogue of that language,
 * or at once when that language is already in use). Each element module
 * calls this for its own strings, so a page ships only the strings of the
 * elements it uses.
 */
export function registerMessages(messages: Partial<Messages>, loaders: Readonly<Record<string, MessageLoader>> = {}): void {
  Object.assign(english, messages);
  for (const [lang, loader] of Object.entries(loaders)) {
    const base = baseLanguage(lang);
    let set = elementLoaders.get(base);
    if (set === undefined) elementLoaders.set(base, (set = new Set()));
    if (set.has(loader)) continue;
    set.add(loader);
    if (builtInLoaded.has(base)) {
      void loader().then(
        (loaded) => {
          Object.assign(catalogues.get(base) ?? {}, loaded);
          notify(true);
        },
        (error: unknown) => console.warn(`[partner-kit] could not load "${base}" messages; showing English.`, error),
      );
    }
  }
}

const loading = new Map<string, Promise<void>>();

let hostLocale: string | undefined;
/** `messagesChanged`: a catalogue changed, so even an unchanged locale renders differently. */
export type LocaleChangeListener = (messagesChanged: boolean) => void;

const listeners = new Set<LocaleChangeListener>();
let observer: MutationObserver | undefined;

// Every element resolves its locale on connect, reading each ancestor's `lang` and `<html lang>`:
// canonicalising the same few tags once each, not per element, keeps Intl off that path.
const canonicalTags = new Map<string, string | undefined>();
const MAX_CANONICAL_TAGS = 200;

/** A well-formed BCP 47 tag in canonical case, or undefined (Intl throws on malformed tags). */
function canonicalTag(tag: string | null | undefined): string | undefined {
  if (typeof tag !== 'string') return undefined;
  if (canonicalTags.has(tag)) return canonicalTags.get(tag);
  let canonical: string | undefined;
  if (tag.trim() !== '') {
    try {
      canonical = Intl.getCanonicalLocales(tag.trim())[0];
    } catch {
      canonical = undefined;
    }
  }
  if (canonicalTags.size >= MAX_CANONICAL_TAGS) canonicalTags.clear();
  canonicalTags.set(tag, canonical);
  return canonical;
}

function notify(messagesChanged = false): void {
  for (const listener of [...listeners]) listener(messagesChanged);
}

/**
 * Adds (or replaces) the catalogue of a locale, e.g. `registerLocale('fr', fr)`.
 * Keys it lacks fall back to English. Elements using that locale re-render.
 */
export function registerLocale(lang: string, messages: Partial<Messages>): void {
  const tag = canonicalTag(lang);
  if (tag === undefined) {
    console.warn(`[partner-kit] registerLocale: "${String(lang).slice(0, 40)}" is not a valid language tag.`);
    return;
  }
  catalogues.set(tag.toLowerCase(), { ...messages });
  notify(true);
}

/**
 * Sets the locale of every element that has no `lang` of its own, over
 * `<html lang>`. `setLocale(undefined)` goes back to following `<html lang>`.
 */
export function setLocale(lang: string | null | undefined): void {
  const tag = lang == null ? undefined : canonicalTag(lang);
  if (lang != null && tag === undefined) {
    console.warn(`[partner-kit] setLocale: "${String(lang).slice(0, 40)}" is not a valid language tag.`);
    return;
  }
  if (tag === hostLocale) return;
  hostLocale = tag;
  notify();
}

/** The page-wide locale: the one set with `setLocale()`, else `<html lang>`, else English. */
export function getLocale(): string {
  if (hostLocale !== undefined) return hostLocale;
  const documentLang = typeof document === 'undefined' ? undefined : canonicalTag(document.documentElement.lang);
  return documentLang ?? FALLBACK_LANG;
}

/** The `lang` of the closest ancestor below `<html>`, crossing shadow roots. */
function closestLang(element: Element): string | undefined {
  const root = element.ownerDocument.documentElement;
  let node: Node | null = element;
  while (node !== null && node !== root) {
    if (node instanceof Element) {
      const tag = canonicalTag(node.getAttribute('lang'));
      if (tag !== undefined) return tag;
    }
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return undefined;
}

/** The locale `element` should render in (see the module comment for the order). */
export function resolveLocale(element?: Element | null): string {
  return (element ? closestLang(element) : undefined) ?? getLocale();
}

function baseLanguage(tag: string): string {
  return tag.toLowerCase().split('-')[0] ?? tag;
}

/**
 * Loads the kit's own catalogue for `lang` (its base language), if it ships
 * one and nobody registered that language yet. Elements re-render once it is
 * in. Resolves at once for English and for languages the kit does not ship.
 */
export function loadLocale(lang: string): Promise<void> {
  const base = baseLanguage(canonicalTag(lang) ?? FALLBACK_LANG);
  const loader = Object.hasOwn(BUILT_IN_LOADERS, base) ? BUILT_IN_LOADERS[base] : undefined;
  if (loader === undefined || catalogues.has(base)) return Promise.resolve();
  let pending = loading.get(base);
  if (pending === undefined) {
    const parts = [loader, ...(elementLoaders.get(base) ?? [])].map((load) => load());
    pending = Promise.all(parts).then(
      (catalogueParts) => {
        // A host's own registration of this language wins over the built-in one.
        if (catalogues.has(base)) return;
        builtInLoaded.add(base);
        registerLocale(base, Object.assign({}, ...catalogueParts) as Partial<Messages>);
      },
      (error: unknown) => {
        loading.delete(base);
        console.warn(`[partner-kit] could not load the "${base}" messages; showing English.`, error);
      },
    );
    loading.set(base, pending);
  }
  return pending;
}

/** The message in `lang` itself, else in its base language (starting the load of a shipped one), else undefined. */
// A language tag's lower-case form and base language, by tag: `msg` runs for every cell of a table.
const tagParts = new Map<string, readonly [lower: string, base: string]>();

function partsOf(lang: string): readonly [lower: string, base: string] {
  let parts = tagParts.get(lang);
  if (parts === undefined) {
    const lower = lang.toLowerCase();
    parts = [lower, baseLanguage(lower)];
    if (tagParts.size >= MAX_CANONICAL_TAGS) tagParts.clear();
    tagParts.set(lang, parts);
  }
  return parts;
}

function lookup(key: MessageKey, lang: string): string | undefined {
  const [lower, base] = partsOf(lang);
  const own = catalogues.get(lower)?.[key];
  if (own !== undefined) return own;
  const baseCatalogue = catalogues.get(base);
  if (baseCatalogue === undefined && Object.hasOwn(BUILT_IN_LOADERS, base) && !loading.has(base)) void loadLocale(base);
  return baseCatalogue?.[key];
}

/**
 * The message `key` in `lang` (default: the page locale) with its `{name}`
 * placeholders filled. Numbers are formatted for the locale; a placeholder
 * without a value stays as written.
 */
export function msg(key: MessageKey, params?: MessageParams, lang: string = getLocale()): string {
  const template = lookup(key, lang) ?? english[key] ?? key;
  if (params === undefined) return template;
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = Object.hasOwn(params, name) ? params[name] : undefined;
    if (value === undefined) return placeholder;
    return typeof value === 'number' ? formatNumber(value, undefined, lang) : value;
  });
}

/** Whether `key` is a message key (for keys built at run time, e.g. `field.${name}`). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(english, key);
}

type Formatter = Intl.NumberFormat | Intl.DateTimeFormat | Intl.ListFormat | Intl.PluralRules;

// Intl formatters are costly to build: one per locale and option set.
const formatterCache = new Map<string, Formatter>();
// The same, by frozen option object (the defaults below): no key to serialise for every date of a table.
const frozenOptionsCache = new WeakMap<object, Map<string, Formatter>>();

function cached<T extends Formatter>(
  kind: string,
  lang: string,
  options: object | undefined,
  create: (locale: string) => T,
): T {
  // A frozen object cannot change after it was cached; any other is keyed by its content.
  const byIdentity = options !== undefined && Object.isFrozen(options) ? frozenOptionsCache.get(options) : undefined;
  const identityKey = `${kind}|${lang}`;
  const hit = byIdentity?.get(identityKey) as T | undefined;
  if (hit !== undefined) return hit;
  const cacheKey = `${identityKey}|${options === undefined ? '' : JSON.stringify(options)}`;
  let formatter = formatterCache.get(cacheKey) as T | undefined;
  if (formatter === undefined) {
    try {
      formatter = create(lang);
    } catch {
      // Options the engine rejects: the default format of the locale rather than a crash.
      formatter = create(FALLBACK_LANG);
    }
    formatterCache.set(cacheKey, formatter);
  }
  if (options !== undefined && Object.isFrozen(options)) {
    let map = frozenOptionsCache.get(options);
    if (map === undefined) frozenOptionsCache.set(options, (map = new Map()));
    map.set(identityKey, formatter);
  }
  return formatter;
}

/** A number in the locale's format. */
export function formatNumber(value: number, options?: Intl.NumberFormatOptions, lang: string = getLocale()): string {
  return cached('number', lang, options, (locale) => new Intl.NumberFormat(locale, options)).format(value);
}

const WHOLE_PERCENT: Intl.NumberFormatOptions = /* @__PURE__ */ Object.freeze({ maximumFractionDigits: 0, style: 'percent' });

/** A percentage given as 0–100 (not 0–1), whole by default: `formatPercent(62.5)` → "63%" / "63 %". */
export function formatPercent(percent: number, options?: Intl.NumberFormatOptions, lang: string = getLocale()): string {
  return formatNumber(percent / 100, options === undefined ? WHOLE_PERCENT : { ...options, style: 'percent' }, lang);
}

const MEDIUM_DATE: Intl.DateTimeFormatOptions = /* @__PURE__ */ Object.freeze({ dateStyle: 'medium' });
const CONJUNCTION: Intl.ListFormatOptions = /* @__PURE__ */ Object.freeze({ type: 'conjunction' });

/** A date (Date, ISO string or epoch ms) in the locale's format; '' for an invalid date. */
export function formatDate(
  date: Date | string | number,
  options: Intl.DateTimeFormatOptions = MEDIUM_DATE,
  lang: string = getLocale(),
): string {
  const value = date instanceof Date ? date : new Date(date);
  if (Number.isNaN(value.getTime())) return '';
  return cached('date', lang, options, (locale) => new Intl.DateTimeFormat(locale, options)).format(value);
}

/** A list joined the locale's way: "Name, Email and Time zone" / "Nombre, Correo y Zona horaria". */
export function formatList(
  items: readonly string[],
  options: Intl.ListFormatOptions = CONJUNCTION,
  lang: string = getLocale(),
): string {
  return cached('list', lang, options, (locale) => new Intl.ListFormat(locale, options)).format(items);
}

/**
 * The plural category of `count` in the locale (`one`, `few`, `other`…): pick
 * a message variant with it, e.g. `progress.valuetext.one` for "1 of 1 field".
 */
export function pluralCategory(count: number, lang: string = getLocale()): Intl.LDMLPluralRule {
  return cached('plural', lang, undefined, (locale) => new Intl.PluralRules(locale)).select(count);
}

/**
 * Calls `listener` whenever the locale may have changed: `<html lang>` or any
 * `lang` attribute in the document, `setLocale()`, `registerLocale()`.
 * Returns the unsubscribe function. The document is observed only while
 * someone listens.
 */
export function onLocaleChange(listener: LocaleChangeListener): () => void {
  listeners.add(listener);
  if (observer === undefined && typeof MutationObserver !== 'undefined' && typeof document !== 'undefined') {
    observer = new MutationObserver(() => notify(false));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      observer?.disconnect();
      observer = undefined;
    }
  };
}
