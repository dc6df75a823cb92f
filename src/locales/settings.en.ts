/**
 * English strings of `<portal-settings>` and `<partner-settings>` (seeds 003,
 * 004), merged into the `en` catalogue. `{name}` marks a parameter.
 *
 * The strings of their loading and load-error states are registered with the
 * elements; the rest (settings.screen.en.ts) load with their screens.
 */
import { combineCatalogues } from './combine.js';
import { settingsScreenEn } from './settings.screen.en.js';

export const settingsStatesEn = {
  'settings.loading': 'Loading settings…',
  'settings.load-failed': 'The settings could not be loaded.',
  'settings.retry': 'Try again',
  'settings.error.network': 'The connection failed.',
  'settings.error.timeout': 'The server took too long to answer.',
  'settings.error.unauthorized': 'Your session has ended: sign in again.',
  'settings.error.forbidden': 'You are not allowed to do this.',
  'settings.error.not_found': 'It no longer exists.',
  'settings.error.conflict': 'Someone else changed it first.',
  'settings.error.rate_limited': 'Too many requests: wait a moment.',
  'settings.error.rate_limited-after': 'Too many requests: try again in {seconds} seconds.',
  'settings.error.validation': 'Some values were not accepted.',
  'settings.error.contract': 'The server sent an answer that cannot be read.',
  'settings.error.unknown': 'Something went wrong.',
} as const;

/**
 * Every string of both settings elements (their message keys; the Spanish catalogue has each of
 * them). Marked pure so that a bundle which does not use it leaves the screens' strings out.
 */
export const settingsEn = /* @__PURE__ */ combineCatalogues(settingsStatesEn, settingsScreenEn);
