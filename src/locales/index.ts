/**
 * The kit's locales with the core English catalogue: what elements and hosts
 * import. The catalogues, the current locale and the `Intl` formatting live
 * in `./registry.ts` (see there for how a locale is chosen); this module adds
 * the core catalogue (`./en.ts`: statuses, profile fields, progress) to it.
 */
import { en } from './en.js';
import { isMessageKey as isRegisteredMessageKey, msg as registeredMsg, registerMessages } from './registry.js';
import type { MessageKey, MessageParams } from './types.js';

export type { CoreMessageKey, CoreMessages, MessageKey, MessageParams, Messages } from './types.js';
export {
  formatDate,
  formatList,
  formatNumber,
  formatPercent,
  getLocale,
  loadLocale,
  onLocaleChange,
  pluralCategory,
  registerLocale,
  registerMessages,
  resolveLocale,
  setLocale,
  type LocaleChangeListener,
} from './registry.js';
export { en };

registerMessages(en);

// `msg` and `isMessageKey` are declared here rather than re-exported: package.json marks this
// module side-effect free, and a bundler drops a module whose imports are all re-exports of
// another one, registration included. Whoever reads messages through this module uses its own
// exports, which keeps the core catalogue in.

/**
 * The message `key` in `lang` (default: the page locale) with its `{name}`
 * placeholders filled. Numbers are formatted for the locale; a placeholder
 * without a value stays as written.
 */
export function msg(key: MessageKey, params?: MessageParams, lang?: string): string {
  return registeredMsg(key, params, lang);
}

/** Whether `key` is a message key (for keys built at run time, e.g. `field.${name}`). */
export function isMessageKey(key: string): key is MessageKey {
  return isRegisteredMessageKey(key);
}
