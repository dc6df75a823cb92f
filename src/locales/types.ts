import type { en } from './en.js';
import type { inviteWizardEn } from './invite-wizard.en.js';
import type { dealBoardEn } from './partner-deal-board.en.js';
import type { partnerRegistrationEn } from './partner-registration.en.js';
import type { partnerTableEn } from './partner-table.en.js';
import type { settingsEn } from './settings.en.js';
import type { sharedClientsEn } from './shared-clients.en.js';
import type { statusDetailsEn } from './status-details.en.js';
import type { profileFormEn } from './profile-form.en.js';

/** The core keys (status labels, fields, progress): every element may use them. */
export type CoreMessageKey = keyof typeof en;
export type CoreMessages = Record<CoreMessageKey, string>;

/**
 * Every message key of the kit: the core ones and each element's own
 * (type-only imports: no element's strings are bundled into another).
 */
export type MessageKey =
  | CoreMessageKey
  | keyof typeof partnerTableEn
  | keyof typeof inviteWizardEn
  | keyof typeof partnerRegistrationEn
  | keyof typeof settingsEn
  | keyof typeof sharedClientsEn
  | keyof typeof dealBoardEn
  | keyof typeof statusDetailsEn
  | keyof typeof profileFormEn;

/** A complete catalogue: one string per key. */
export type Messages = Record<MessageKey, string>;

/** Values for the `{name}` placeholders of a message. Numbers are formatted for the locale. */
export type MessageParams = Readonly<Record<string, string | number>>;
