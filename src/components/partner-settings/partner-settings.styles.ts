import { css } from 'lit';

export const partnerSettingsStyles = css`
  .settings-form {
    display: flex;
    flex-direction: column;
    gap: var(--_pk-space-4);
  }
  .channel-group + .org-off {
    margin-top: calc(-1 * var(--_pk-space-2));
  }
  .field .hint {
    margin: 0;
  }
`;
