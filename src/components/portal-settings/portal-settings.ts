import { PortalSettingsElement } from './portal-settings.component.js';

export { PortalSettingsElement };
export type { PartnerAccountDetail, SettingsSavedDetail } from './portal-settings.component.js';

PortalSettingsElement.define('portal-settings');

declare global {
  interface HTMLElementTagNameMap {
    'portal-settings': PortalSettingsElement;
  }
}
