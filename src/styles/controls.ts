import { css } from 'lit';

// The spinner is in spinner.ts: a css`` result is kept by bundlers whether it is used or not, and the
// settings elements show no spinner.

/**
 * The kit's buttons, one look for every element: `.button` (secondary: the
 * surface with a strong edge), `.button.primary`, `.button.danger`,
 * `.button.quiet` (no edge until hovered), `.button.small`, `.button.link`
 * (text that acts), and `.icon-button` (a square for one symbol). A button
 * that cannot act right now (nothing to save, saving) has
 * `aria-disabled="true"`: it keeps its focus and says why.
 */
export const buttonStyles = css`
  .button {
    box-sizing: border-box;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--_pk-space-1);
    min-height: 2.5rem;
    padding: 0 var(--_pk-space-3);
    border: 1px solid var(--_pk-border-strong);
    border-radius: var(--_pk-radius);
    background: var(--_pk-surface);
    color: var(--_pk-text);
    font: inherit;
    font-weight: 600;
    text-decoration: none;
    white-space: nowrap;
    cursor: pointer;
  }
  .button:hover {
    border-color: var(--_pk-accent);
  }
  .button.primary {
    border-color: var(--_pk-accent);
    background: var(--_pk-accent);
    color: var(--_pk-surface);
  }
  .button.danger {
    border-color: var(--_pk-danger-fg);
    background: var(--_pk-danger-fg);
    color: var(--_pk-surface);
  }
  .button.quiet {
    border-color: transparent;
    background: transparent;
    color: inherit;
  }
  .button.quiet:hover {
    background: var(--_pk-neutral-bg);
  }
  .button.small {
    min-height: 2rem;
    padding: 0 var(--_pk-space-2);
    font-size: var(--_pk-font-size-small);
  }
  .button.link {
    min-height: auto;
    padding: 0;
    border: 0;
    background: none;
    color: inherit;
    text-decoration: underline;
  }
  .button:disabled,
  .button[aria-disabled='true'] {
    opacity: 0.7;
    cursor: not-allowed;
  }
  .icon-button {
    box-sizing: border-box;
    display: inline-grid;
    place-items: center;
    flex: none;
    width: 2.25rem;
    height: 2.25rem;
    padding: 0;
    border: 0;
    border-radius: var(--_pk-radius);
    background: transparent;
    color: inherit;
    font: inherit;
    font-size: 1.4rem;
    line-height: 1;
    cursor: pointer;
  }
  .icon-button:hover {
    background: var(--_pk-neutral-bg);
  }
  :is(.button, .icon-button):focus-visible {
    outline: 2px solid var(--_pk-focus-ring);
    outline-offset: 2px;
  }
  /* Forced colours draw every button alike: the main one keeps a heavier edge. */
  @media (forced-colors: active) {
    .button.primary {
      border: 2px solid ButtonText;
    }
  }
`;

