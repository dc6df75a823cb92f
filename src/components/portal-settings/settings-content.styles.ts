import { css } from 'lit';

/**
 * The look of both settings elements before their screen loads (and under
 * it): the element's box, sections, the loading and load-error states and
 * notices. Every text sits on a kit surface or a tone background, so its
 * contrast never depends on the host page's background.
 */
export const settingsContentStyles = css`
  :host {
    display: block;
    max-width: var(--pk-settings-max-width, 52rem);
  }
  :host([hidden]) {
    display: none;
  }

  .base {
    display: flex;
    flex-direction: column;
    gap: var(--_pk-space-4);
    min-width: 0;
  }

  .section,
  .state,
  .actions {
    box-sizing: border-box;
    padding: var(--_pk-space-4);
    border: 1px solid var(--_pk-border);
    border-radius: var(--_pk-radius);
    background: var(--_pk-surface);
    color: var(--_pk-text);
  }
  p {
    margin: 0 0 var(--_pk-space-2);
  }

  .notice .button {
    border-color: currentColor;
    color: inherit;
  }

  /* Notices: errors, conflicts, confirmations */
  .notice {
    box-sizing: border-box;
    padding: var(--_pk-space-3);
    border: 1px solid currentColor;
    border-radius: var(--_pk-radius);
    line-height: 1.45;
  }
  .notice p:last-child,
  .notice ul:last-child {
    margin-bottom: 0;
  }
  .notice.danger {
    background: var(--_pk-danger-bg);
    color: var(--_pk-danger-fg);
  }

  .state {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: var(--_pk-space-2);
  }
`;
