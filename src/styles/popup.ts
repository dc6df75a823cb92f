import { css } from '@lit/reactive-element';

/**
 * A popup placed by `PopupController` (`.popup`): resets the user-agent
 * popover box; the controller sets `position`, `left` and `top`.
 */
export const popupStyles = css`
  .popup {
    position: fixed;
    inset: auto;
    margin: 0;
    z-index: var(--_pk-z-popup);
    box-sizing: border-box;
    max-width: var(--_pk-popup-available-width, none);
    max-height: var(--_pk-popup-available-height, none);
    overflow: auto;
  }
  .popup[hidden] {
    display: none;
  }
`;

/** A tooltip (`.popup.tooltip`): short text on the inverse surface. */
export const tooltipStyles = css`
  .tooltip {
    width: max-content;
    max-width: min(22rem, var(--_pk-popup-available-width, calc(100vw - 16px)));
    padding: var(--_pk-space-2) var(--_pk-space-3);
    border: 0;
    border-radius: var(--_pk-radius);
    background: var(--_pk-tooltip-bg);
    color: var(--_pk-tooltip-fg);
    box-shadow: var(--_pk-shadow-popup);
    font-family: var(--pk-font-family, inherit);
    font-size: var(--_pk-font-size-small);
    font-weight: normal;
    line-height: 1.4;
    text-align: start;
    white-space: normal;
  }
  .tooltip p {
    margin: 0;
  }
  .tooltip p + p {
    margin-top: var(--_pk-space-1);
  }
`;

