/**
 * English strings of `<shared-clients>` (seed 002), merged into the `en` catalogue. The strings of
 * its loading and error states are registered with the element; the rest
 * (shared-clients.screen.en.ts) load with its screen.
 */
import { combineCatalogues } from './combine.js';
import { sharedClientsScreenEn } from './shared-clients.screen.en.js';

export const sharedClientsStatesEn = {
  'shared-clients.loading': 'Loading shared clients…',
  'shared-clients.error.title': 'Shared clients could not be loaded',
  'shared-clients.error.list-title': 'Co-shared clients could not be loaded',
  'shared-clients.error.network': 'The server could not be reached. Check your connection and try again.',
  'shared-clients.error.timeout': 'The server took too long to answer. Try again.',
  'shared-clients.error.unauthorized': 'Your session has ended. Sign in again, then try again.',
  'shared-clients.error.forbidden': 'You do not have access to shared clients.',
  'shared-clients.error.not_found': 'What you asked for was not found. It may have been removed.',
  'shared-clients.error.rate_limited': 'Too many requests. Wait a moment, then try again.',
  'shared-clients.error.contract': 'The server sent data that could not be read.',
  'shared-clients.error.other': 'Something went wrong. Try again.',
  'shared-clients.retry': 'Try again',
} as const;

/**
 * Every string of the element (its message keys; the Spanish catalogue has each of them). Marked
 * pure so that a bundle which does not use it leaves the screen's strings out.
 */
export const sharedClientsEn = /* @__PURE__ */ combineCatalogues(sharedClientsStatesEn, sharedClientsScreenEn);
