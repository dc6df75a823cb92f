import { css } from 'lit';
import { raisedSurface } from './surface.js';

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

// In modules of their own, so that an element needing only these (a badge) does not bundle the
// rest of this one: a css`` result is kept by bundlers whether it is used or not.
export { focusRing } from './focus-ring.js';
export { popupStyles, tooltipStyles } from './popup.js';

/**
 * The surface of every native <dialog> the kit opens (edit, confirm, drawer):
 * elements add only their sizes and layout on top.
 */
export const dialogStyles = css`
  .dialog {
    ${raisedSurface};
    box-sizing: border-box;
    padding: 0;
  }
  .dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
`;
