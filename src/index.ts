// Classes, types and functions only: importing this module registers no tag.
// Register tags with `partner-kit/define` or one element's own entry.
export * from './adapter/index.js';
export * from './domain/index.js';
export { KitElement } from './internal/kit-element.js';
export { PartnerKitElement } from './internal/partner-kit-element.js';
export type { PartnerKitEventMap } from './internal/events.js';
export { announce } from './internal/live-region.js';
export { DataController } from './internal/data-controller.js';
export { LocaleController } from './internal/locale-controller.js';
export { PopupController, TooltipController, type PopupOptions, type TooltipOptions } from './internal/popup-controller.js';
export {
  registerLocale,
  registerMessages,
  setLocale,
  getLocale,
  loadLocale,
  resolveLocale,
  msg,
  onLocaleChange,
  formatDate,
  formatNumber,
  formatPercent,
  formatList,
  pluralCategory,
  type MessageKey,
  type Messages,
  type MessageParams,
  type LocaleChangeListener,
} from './locales/index.js';
export { PartnerKitProvider } from './components/partner-kit-provider/partner-kit-provider.component.js';
export { StatusBadge } from './components/status-badge/status-badge.component.js';
export { ProfileProgress, type ProgressField } from './components/profile-progress/profile-progress.component.js';
export {
  PartnerTable,
  type PartnerEventDetail,
  type PartnerUpdatedDetail,
  type PartnerDeletedDetail,
  type InviteRequestDetail,
} from './components/partner-table/partner-table.component.js';
export {
  InviteWizard,
  type InviteWizardInvitedDetail,
  type InviteWizardConnectionDetail,
  type InviteWizardResentDetail,
  type InviteWizardCloseDetail,
} from './components/invite-wizard/invite-wizard.component.js';
export {
  PartnerRegistration,
  type RegisteredDetail,
  type RegistrationStep,
} from './components/partner-registration/partner-registration.component.js';
export {
  PartnerDealBoard,
  type DealEventDetail,
  type DealMovedDetail,
  type DealMoveFailedDetail,
  type DealNoteDetail,
  type DealDocumentDetail,
  type DealBoardChangeDetail,
} from './components/partner-deal-board/partner-deal-board.component.js';
export {
  PortalSettingsElement,
  type PartnerAccountDetail,
  type SettingsSavedDetail,
} from './components/portal-settings/portal-settings.component.js';
export { PartnerSettingsElement } from './components/partner-settings/partner-settings.component.js';
export { SharedClients, type RealtorFilterChangeDetail } from './components/shared-clients/shared-clients.component.js';
