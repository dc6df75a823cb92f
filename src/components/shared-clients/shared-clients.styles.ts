import { css } from 'lit';

/**
 * The element's box and what it shows before its screen loads (and under it):
 * loading, errors and notices. The screen's styles load with it
 * (shared-clients-screen.styles.ts).
 */
export const sharedClientsStyles = css`
  :host {
    display: block;
    line-height: 1.45;
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
  p {
    margin: 0;
  }

  /* Loading: a spinner that stands still for people who asked for less motion. */
  .loading {
    display: flex;
    align-items: center;
    gap: var(--_pk-space-2);
  }
  /* Notices: error, not permitted, unavailable, records withheld. */
  .notice,
  .error {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: var(--_pk-space-2);
    padding: var(--_pk-space-3);
    border: 1px solid currentColor;
    border-radius: var(--_pk-radius);
    font-size: var(--_pk-font-size-small);
  }
  .notice {
    background: var(--_pk-neutral-bg);
    color: var(--_pk-neutral-fg);
  }
  .error {
    background: var(--_pk-danger-bg);
    color: var(--_pk-danger-fg);
  }
  .notice-title,
  .error-title {
    font-size: 1rem;
    font-weight: 600;
  }

  @media (forced-colors: active) {
    .notice,
    .error {
      border-color: CanvasText;
    }
  }
`;
