import { PartnerSettingsElement } from './partner-settings.component.js';

export { PartnerSettingsElement };
export type { SettingsSavedDetail } from './partner-settings.component.js';

PartnerSettingsElement.define('partner-settings');

declare global {
  interface HTMLElementTagNameMap {
    'partner-settings': PartnerSettingsElement;
  }
}
