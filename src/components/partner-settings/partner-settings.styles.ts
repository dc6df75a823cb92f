/**
 * `<partner-settings>` loads with the shared settings look of its states
 * (settingsContentStyles); the screen's own styles load with it
 * (partner-settings-screen.styles.ts).
 */
export { settingsContentStyles as partnerSettingsStyles } from '../portal-settings/settings-content.styles.js';
