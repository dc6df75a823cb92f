import { css } from '@lit/reactive-element';
import { focusRing } from '../../styles/focus-ring.js';
import { popupStyles, tooltipStyles } from '../../styles/popup.js';
import { ACCENT_COLOURS, hostTokens, SIZE_TOKENS, TONE_COLOURS, TOOLTIP_COLOURS } from '../../styles/tokens.js';

/**
 * One style sheet (a badge may be on every row of a table): the tokens the
 * badge and its tooltip use, the focus ring, the tooltip and its own rules.
 */
export const statusBadgeStyles = css`
  ${hostTokens(SIZE_TOKENS, ACCENT_COLOURS, TOOLTIP_COLOURS, TONE_COLOURS)}
  ${focusRing}
  ${popupStyles}
  ${tooltipStyles}

  /*
   * The host draws no box: the badge (part base) is the box. One box per badge instead of two
   * measured 1.82x -> 1.62x vanilla for 1,000 badges (bench/RESULTS.md). A page that wants margins
   * on the element gives it a display of its own (e.g. inline-block), which wins over this rule.
   */
  :host {
    display: contents;
  }
  :host([hidden]) {
    display: none;
  }

  .badge {
    display: inline-flex;
    vertical-align: middle;
    align-items: center;
    gap: var(--_pk-space-1);
    max-width: 100%;
    box-sizing: border-box;
    padding: 0.125rem var(--_pk-space-2);
    /* Transparent, except in forced-colors mode where it keeps the badge's shape. */
    border: 1px solid transparent;
    border-radius: var(--_pk-radius-pill);
    background: var(--_pk-neutral-bg);
    color: var(--_pk-neutral-fg);
    font-size: var(--_pk-font-size-small);
    font-weight: 600;
    line-height: 1.4;
  }
  .tone-success {
    background: var(--_pk-success-bg);
    color: var(--_pk-success-fg);
  }
  .tone-info {
    background: var(--_pk-info-bg);
    color: var(--_pk-info-fg);
  }
  .tone-warning {
    background: var(--_pk-warning-bg);
    color: var(--_pk-warning-fg);
  }
  .tone-danger {
    background: var(--_pk-danger-bg);
    color: var(--_pk-danger-fg);
  }

  .label {
    min-width: 0;
    overflow-wrap: anywhere;
  }

  /*
   * Each tone has its own shape, so colour is never the only cue besides the
   * text. Drawn with borders, which forced-colors mode keeps visible.
   */
  .indicator {
    flex: none;
    box-sizing: border-box;
    width: 0.5rem;
    height: 0.5rem;
    border: 0.25rem solid currentColor;
  }
  .tone-success .indicator {
    border-radius: 50%;
  }
  .tone-info .indicator {
    border-width: 2px;
    border-radius: 50%;
  }
  .tone-warning .indicator {
    clip-path: polygon(50% 0, 100% 100%, 0 100%);
  }
  .tone-danger .indicator {
    transform: rotate(45deg) scale(0.85);
  }
  .tone-neutral .indicator {
    height: 2px;
    border-width: 1px;
  }
`;
