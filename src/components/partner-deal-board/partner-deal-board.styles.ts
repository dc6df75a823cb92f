import { css, unsafeCSS } from 'lit';

/**
 * Offscreen tiles skip layout and paint, so a board of a thousand deals stays
 * cheap. A static string (no data in it): lit-analyzer's list of CSS
 * properties predates these two.
 */
const tileRendering = unsafeCSS('.tile-item { content-visibility: auto; contain-intrinsic-size: auto 8rem; }');

const boardStyles = css`
  :host {
    --_column-width: var(--pk-deal-board-column-width, 17rem);
    --_column-max-height: var(--pk-deal-board-column-max-height, 70vh);
    display: block;
    min-width: 0;
  }
  :host([hidden]) {
    display: none;
  }

  .base {
    display: flex;
    flex-direction: column;
    gap: var(--_pk-space-3);
    min-width: 0;
  }

  /* Keyboard focus, everywhere in the element. */
  :is(button, select, input, textarea, a, [tabindex]):focus {
    outline: none;
  }
  :is(button, select, input, textarea, a, [tabindex]):focus-visible {
    outline: 2px solid var(--_pk-focus-ring);
    outline-offset: 2px;
  }

  .muted,
  .hint {
    color: var(--_pk-text-muted);
  }
  .hint {
    margin: 0;
    font-size: var(--_pk-font-size-small);
  }

  /* Toolbar */
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_pk-space-3);
  }
  .title {
    margin: 0;
    font-size: 1.25rem;
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_pk-space-3);
  }
  .control {
    display: inline-flex;
    align-items: center;
    gap: var(--_pk-space-2);
  }
  .control-label {
    font-weight: 600;
  }
  /* The kit's field look (styles/fields.ts), sized to its options. */
  .select {
    width: auto;
    max-width: 16rem;
  }
  .checkbox input {
    width: 1.125rem;
    height: 1.125rem;
    margin: 0;
  }
  .segmented {
    display: inline-flex;
    border: 1px solid var(--_pk-border);
    border-radius: var(--_pk-radius);
    overflow: hidden;
  }
  .segment {
    min-height: 2.25rem;
    padding: 0 var(--_pk-space-3);
    border: 0;
    background: var(--_pk-surface);
    color: var(--_pk-text);
    font: inherit;
    cursor: pointer;
  }
  .segment + .segment {
    border-inline-start: 1px solid var(--_pk-border);
  }
  .segment[aria-pressed='true'] {
    background: var(--_pk-accent);
    color: var(--_pk-surface);
    font-weight: 600;
  }
  .segment:focus-visible {
    outline-offset: -4px;
  }
  .updating {
    margin: 0;
    color: var(--_pk-text-muted);
    font-size: var(--_pk-font-size-small);
  }
  .content[aria-busy='true'] {
    opacity: 0.75;
  }

  .message,
  .error,
  .inline-error,
  .notice {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_pk-space-2) var(--_pk-space-3);
    margin: 0;
    padding: var(--_pk-space-2) var(--_pk-space-3);
    border: 1px solid currentColor;
    border-radius: var(--_pk-radius);
    background: var(--_pk-danger-bg);
    color: var(--_pk-danger-fg);
  }
  .message p,
  .error p,
  .inline-error p {
    margin: 0;
  }
  .error {
    flex-direction: column;
    align-items: flex-start;
    padding: var(--_pk-space-4);
  }
  .error-title {
    font-weight: 700;
  }

  /* States */
  .loading p {
    display: flex;
    align-items: center;
    gap: var(--_pk-space-2);
    margin: 0 0 var(--_pk-space-3);
  }
  .skeleton {
    display: flex;
    gap: var(--_pk-space-3);
    overflow: hidden;
  }
  .skeleton-column {
    flex: 0 0 var(--_column-width);
    display: flex;
    flex-direction: column;
    gap: var(--_pk-space-2);
    padding: var(--_pk-space-2);
    border-radius: var(--_pk-radius);
    background: var(--_pk-neutral-bg);
  }
  .skeleton-tile {
    height: 5rem;
    border-radius: var(--_pk-radius);
    background: var(--_pk-surface);
    opacity: 0.6;
  }
  .empty {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: var(--_pk-space-2);
    margin: 0;
    padding: var(--_pk-space-4);
    border: 1px dashed var(--_pk-border);
    border-radius: var(--_pk-radius);
  }
  .empty p {
    margin: 0;
  }
  .empty-title {
    font-size: 1.125rem;
    font-weight: 700;
  }

  /* Board */
  .columns {
    display: flex;
    align-items: flex-start;
    gap: var(--_pk-space-3);
    padding-bottom: var(--_pk-space-2);
    overflow-x: auto;
  }
  .column {
    flex: 0 0 var(--_column-width);
    display: flex;
    flex-direction: column;
    gap: var(--_pk-space-2);
    box-sizing: border-box;
    min-height: 8rem;
    padding: var(--_pk-space-2);
    border: 2px solid transparent;
    border-radius: var(--_pk-radius);
    background: var(--_pk-neutral-bg);
    color: var(--_pk-text);
  }
  .column.unassigned {
    border-style: dashed;
    border-color: var(--_pk-border);
  }
  .board[data-pointer-dragging] .column[data-drop-target],
  .board.keyboard-dragging .column[data-drop-target] {
    border-color: var(--_pk-border);
    border-style: dashed;
  }
  .board[data-pointer-dragging] .column[data-drop-over] {
    border-color: var(--_pk-accent);
    border-style: solid;
  }
  .column-header {
    display: flex;
    align-items: baseline;
    justify-content: space-between;
    gap: var(--_pk-space-2);
    margin: 0;
    padding: var(--_pk-space-1) var(--_pk-space-1) 0;
    font-size: 1rem;
  }
  .column-name {
    overflow-wrap: anywhere;
  }
  .column-count {
    flex: none;
    min-width: 1.5rem;
    padding: 0 var(--_pk-space-1);
    border-radius: var(--_pk-radius-pill);
    background: var(--_pk-surface);
    font-size: var(--_pk-font-size-small);
    text-align: center;
  }
  .column-list {
    display: flex;
    flex-direction: column;
    gap: var(--_pk-space-2);
    max-height: var(--_column-max-height);
    margin: 0;
    padding: 2px;
    overflow-y: auto;
    list-style: none;
  }
  .column-empty {
    margin: 0;
    padding: var(--_pk-space-3) var(--_pk-space-1);
    color: var(--_pk-text-muted);
    font-size: var(--_pk-font-size-small);
  }

  /* Tiles (see tileRendering for what keeps a thousand of them cheap). */
  .tile {
    display: flex;
    flex-direction: column;
    gap: var(--_pk-space-1);
    padding: var(--_pk-space-2) var(--_pk-space-3);
    border: 1px solid var(--_pk-border);
    border-radius: var(--_pk-radius);
    background: var(--_pk-surface);
    color: var(--_pk-text);
  }
  .tile.movable {
    cursor: grab;
    user-select: none;
  }
  .tile[data-dragging] {
    opacity: 0.45;
  }
  .tile.lifted {
    border-color: var(--_pk-accent);
    box-shadow: var(--_pk-shadow-popup);
    outline: 2px solid var(--_pk-accent);
    outline-offset: 1px;
  }
  .tile[aria-busy='true'] {
    border-style: dashed;
  }
  .tile-head {
    display: flex;
    align-items: flex-start;
    gap: var(--_pk-space-1);
  }
  .tile-name {
    flex: 1;
    min-width: 0;
    padding-top: 0.375rem;
    font-weight: 700;
    overflow-wrap: anywhere;
  }
  .drag-handle {
    flex: none;
    align-self: stretch;
    width: 0.75rem;
    margin-inline-start: calc(-1 * var(--_pk-space-2));
    background-image: radial-gradient(currentColor 1px, transparent 1.5px);
    background-size: 5px 5px;
    opacity: 0.5;
    touch-action: none;
  }
  .tile-line {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .tile-line.muted,
  .tile-foot {
    font-size: var(--_pk-font-size-small);
  }
  .tile-foot {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_pk-space-1);
  }
  /* On every tile: lighter than the kit's button, so the deals stay what the eye reads first. */
  .button.move-button {
    min-height: 1.75rem;
    border-color: var(--_pk-border);
    font-weight: normal;
  }
  .button.move-button:hover {
    border-color: var(--_pk-accent);
  }

  .labels {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_pk-space-1);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .deal-label {
    max-width: 100%;
    padding: 0 var(--_pk-space-2);
    border-radius: var(--_pk-radius-pill);
    background: var(--_pk-info-bg);
    color: var(--_pk-info-fg);
    font-size: var(--_pk-font-size-small);
    overflow-wrap: anywhere;
  }

  .drag-ghost {
    position: fixed;
    top: 0;
    left: 0;
    z-index: var(--_pk-z-popup);
    box-sizing: border-box;
    padding: var(--_pk-space-2) var(--_pk-space-3);
    border: 2px solid var(--_pk-accent);
    border-radius: var(--_pk-radius);
    background: var(--_pk-surface);
    color: var(--_pk-text);
    box-shadow: var(--_pk-shadow-popup);
    font-weight: 700;
    pointer-events: none;
    will-change: transform;
  }
  .drag-ghost[hidden] {
    display: none;
  }

  /* Move menu (the look: menuStyles, src/styles/popup.ts) */
  .move-menu {
    max-width: min(20rem, var(--_pk-popup-available-width, 90vw));
  }
  .move-menu-check {
    flex: none;
    width: 1rem;
  }

  /* List view */
  .table-scroller {
    overflow-x: auto;
  }
  .table {
    width: 100%;
    border-collapse: collapse;
  }
  .table th,
  .table td {
    padding: var(--_pk-space-2);
    border-bottom: 1px solid var(--_pk-border);
    text-align: start;
    vertical-align: top;
  }
  .table thead th {
    white-space: nowrap;
  }
  .table tbody th {
    font-weight: 700;
    overflow-wrap: anywhere;
  }
  .sort-button {
    display: inline-flex;
    align-items: center;
    gap: var(--_pk-space-1);
    min-height: 1.75rem;
    padding: 0;
    border: 0;
    background: none;
    color: inherit;
    font: inherit;
    font-weight: 700;
    cursor: pointer;
  }
  .sort-indicator {
    font-size: 0.75em;
  }
  .row-actions {
    display: flex;
    gap: var(--_pk-space-1);
    white-space: nowrap;
  }

  /* Forced colours drop backgrounds: the pressed view and the column a deal is dragged over keep a border. */
  @media (forced-colors: active) {
    .segment[aria-pressed='true'] {
      border-block-end: 3px solid Highlight;
    }
    .board[data-pointer-dragging] .column[data-drop-over] {
      border-color: Highlight;
    }
  }
`;

export const partnerDealBoardStyles = [tileRendering, boardStyles];
