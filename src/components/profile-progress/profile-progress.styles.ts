import { css } from '@lit/reactive-element';
import { focusRing } from '../../styles/focus-ring.js';
import { popupStyles, tooltipStyles } from '../../styles/popup.js';
import { ACCENT_COLOURS, hostTokens, SIZE_TOKENS, TONE_COLOURS, TOOLTIP_COLOURS } from '../../styles/tokens.js';

/**
 * One style sheet (a table shows a progress bar on every row): the tokens the
 * element and its tooltip use, the focus ring, the tooltip and its own rules.
 */
export const profileProgressStyles = css`
  ${hostTokens(SIZE_TOKENS, ACCENT_COLOURS, TOOLTIP_COLOURS, TONE_COLOURS)}
  ${focusRing}
  ${popupStyles}
  ${tooltipStyles}

  :host {
    display: block;
    font-size: inherit;
  }
  :host([hidden]) {
    display: none;
  }

  .base {
    display: flex;
    flex-direction: column;
    gap: var(--_pk-space-1);
    min-width: 0;
  }
  .summary {
    display: flex;
    align-items: center;
    gap: var(--_pk-space-2);
    min-width: 0;
  }

  .bar {
    flex: 1 1 6rem;
    min-width: 3rem;
    height: 0.5rem;
    border-radius: var(--_pk-radius-pill);
    background: var(--_pk-track);
    overflow: hidden;
  }
  /* A border, not a background: forced-colors mode keeps borders visible. */
  .indicator {
    box-sizing: border-box;
    height: 100%;
    border-radius: inherit;
    border-block-start: 0.5rem solid var(--_pk-accent);
  }
  .complete .indicator {
    border-color: var(--pk-progress-complete-color, var(--_pk-success-fg));
  }

  .percent {
    flex: none;
    min-width: 3ch;
    font-variant-numeric: tabular-nums;
    font-weight: 600;
  }

  .toggle {
    align-self: flex-start;
    min-height: 24px;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_pk-accent);
    font: inherit;
    font-size: var(--_pk-font-size-small);
    text-decoration: underline;
    cursor: pointer;
  }
  .missing {
    margin: 0;
    padding-inline-start: 1.25rem;
    font-size: var(--_pk-font-size-small);
  }
  .missing[hidden] {
    display: none;
  }
  .done {
    font-size: var(--_pk-font-size-small);
  }

  /* Compact: one line for a table cell; the missing fields are in a tooltip. */
  :host([compact]) .base {
    flex-direction: row;
    align-items: center;
  }
  :host([compact]) .summary {
    flex: 1;
    gap: var(--_pk-space-1);
  }
  :host([compact]) .bar {
    height: 0.375rem;
    min-width: 2.5rem;
  }
  :host([compact]) .percent {
    font-size: var(--_pk-font-size-small);
  }
  .bar.focus-ring:focus-visible {
    outline-offset: 3px;
  }

  @media (forced-colors: active) {
    .bar {
      border: 1px solid CanvasText;
    }
  }
`;
