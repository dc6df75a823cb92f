/**
 * `<portal-settings>` loads with the shared settings look of its states
 * (settingsContentStyles); the screen's own styles load with it
 * (portal-settings-screen.styles.ts).
 */
export { settingsContentStyles as portalSettingsStyles } from './settings-content.styles.js';
