import { css } from 'lit';

/** `.visually-hidden`: read by screen readers, not shown. */
export const visuallyHidden = css`
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
`;

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

/**
 * The surface of every native <dialog> the kit opens (edit, confirm, drawer):
 * elements add only their sizes and layout on top.
 */
export const dialogStyles = css`
  .dialog {
    box-sizing: border-box;
    padding: 0;
    border: 1px solid var(--_pk-border);
    border-radius: var(--_pk-radius);
    background: var(--_pk-surface);
    color: var(--_pk-text);
    box-shadow: var(--_pk-shadow-popup);
    font-family: var(--pk-font-family, inherit);
  }
  .dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
`;
