import { css } from '@lit/reactive-element';

/** The kit's visible focus indicator (keyboard focus only), on `.focus-ring`. */
export const focusRing = css`
  .focus-ring:focus {
    outline: none;
  }
  .focus-ring:focus-visible {
    outline: 2px solid var(--_pk-focus-ring);
    outline-offset: 2px;
  }
`;
