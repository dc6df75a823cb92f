import { css } from 'lit';

/**
 * The styles of what shows first (the card, headings, the verify form, buttons, errors, waiting
 * states). The steps after the first bring theirs (later-steps.styles.ts), added after these.
 */
export const partnerRegistrationStyles = css`
  :host {
    display: block;
  }
  :host([hidden]) {
    display: none;
  }

  .base {
    box-sizing: border-box;
    padding: var(--_pk-space-4);
    border: 1px solid var(--_pk-border);
    border-radius: var(--_pk-radius);
    background: var(--_pk-surface);
    color: var(--_pk-text);
    line-height: 1.5;
  }

  .step {
    display: flex;
    flex-direction: column;
    gap: var(--_pk-space-3);
  }

  .heading {
    margin: 0;
    font-size: 1.375rem;
    line-height: 1.3;
  }
  /* Focus lands here on each step change to orient screen readers; it is not a control. */
  .heading:focus {
    outline: none;
  }

  .intro,
  .status,
  .login {
    margin: 0;
  }

  .status {
    display: flex;
    align-items: center;
    gap: var(--_pk-space-2);
  }
  .form {
    display: flex;
    flex-direction: column;
    gap: var(--_pk-space-4);
  }

  .error {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_pk-space-2);
    padding: var(--_pk-space-2) var(--_pk-space-3);
    border-radius: var(--_pk-radius);
    background: var(--_pk-danger-bg);
    color: var(--_pk-danger-fg);
  }
  .error p {
    margin: 0;
    flex: 1 1 14rem;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_pk-space-2);
  }

  .error .button {
    border-color: currentColor;
    color: var(--_pk-danger-fg);
    background: transparent;
  }

  .link {
    color: var(--_pk-accent);
  }

  .footer {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_pk-space-3);
    font-size: var(--_pk-font-size-small);
  }
  .footer.filled {
    margin-block-start: var(--_pk-space-4);
    padding-block-start: var(--_pk-space-3);
    border-block-start: 1px solid var(--_pk-border);
  }

  @media (forced-colors: active) {
    .error {
      border: 1px solid CanvasText;
    }
  }
`;
