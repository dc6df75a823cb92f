import { css } from '@lit/reactive-element';
import { raisedSurface } from './surface.js';

// A module of its own: a css`` result is kept by bundlers whether it is used or not, and the badge
// and the progress bar import popup.ts.
/**
 * A menu (`.popup.menu`, driven by `MenuController`) and its items
 * (`.menu-item`, buttons or links; `.danger`, `aria-disabled`): the kit's
 * surface, one item per line, the focused item highlighted.
 */
export const menuStyles = css`
  .menu {
    ${raisedSurface};
    min-width: 12rem;
    padding: var(--_pk-space-1);
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
