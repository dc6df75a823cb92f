import { css } from 'lit';
import { settingsScreenStyles } from '../portal-settings/settings-shared.styles.js';

/** The styles of the screen, added after the element's own when it loads (adoptLaterStyles). */
export const partnerSettingsScreenStyles = css`
  ${settingsScreenStyles}
  .channel-group + .org-off {
    margin-top: calc(-1 * var(--_pk-space-2));
  }
  .field .hint {
    margin: 0;
  }
`;
