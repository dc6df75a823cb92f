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

/**
 * A menu (`.popup.menu`, driven by `MenuController`) and its items
 * (`.menu-item`, buttons or links; `.danger`, `aria-disabled`): the kit's
 * surface, one item per line, the focused item highlighted.
 */
export const menuStyles = css`
  .menu {
    min-width: 12rem;
    padding: var(--_pk-space-1);
    border: 1px solid var(--_pk-border);
    border-radius: var(--_pk-radius);
    background: var(--_pk-surface);
    color: var(--_pk-text);
    box-shadow: var(--_pk-shadow-popup);
    font-family: var(--pk-font-family, inherit);
  }
  .menu-item {
    box-sizing: border-box;
    display: flex;
    align-items: center;
    gap: var(--_pk-space-2);
    width: 100%;
    min-height: 2.25rem;
    padding: 0 var(--_pk-space-3);
    border: 0;
    border-radius: var(--_pk-radius);
    background: none;
    color: inherit;
    font: inherit;
    text-align: start;
    text-decoration: none;
    cursor: pointer;
  }
  .menu-item:hover,
  .menu-item:focus {
    outline: none;
    background: var(--_pk-info-bg);
    color: var(--_pk-info-fg);
  }
  .menu-item:focus-visible {
    outline: 2px solid var(--_pk-focus-ring);
    outline-offset: -2px;
  }
  .menu-item.danger {
    color: var(--_pk-danger-fg);
  }
  .menu-item.danger:hover,
  .menu-item.danger:focus {
    background: var(--_pk-danger-bg);
  }
  .menu-item[aria-disabled='true'] {
    color: var(--_pk-text-muted);
    cursor: default;
  }
`;
