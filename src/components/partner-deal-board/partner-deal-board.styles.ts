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
  .long-text {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }

  /* Buttons */
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--_pk-space-1);
    min-height: 2.25rem;
    padding: 0 var(--_pk-space-3);
    border: 1px solid transparent;
    border-radius: var(--_pk-radius);
    font: inherit;
    cursor: pointer;
    white-space: nowrap;
  }
  .button-primary {
    background: var(--_pk-accent);
    color: var(--_pk-surface);
    font-weight: 600;
  }
  .button-secondary {
    border-color: var(--_pk-border);
    background: var(--_pk-surface);
    color: var(--_pk-text);
  }
  .button-quiet {
    background: transparent;
    color: inherit;
  }
  .button:hover:not(:disabled, [aria-disabled='true']) {
    filter: brightness(1.08);
    text-decoration: underline;
  }
  .button:disabled,
  .button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.7;
  }
  .icon-button {
    min-width: 2.25rem;
    padding: 0;
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
  .select {
    min-height: 2.25rem;
    max-width: 16rem;
    padding: 0 var(--_pk-space-2);
    border: 1px solid var(--_pk-border);
    border-radius: var(--_pk-radius);
    background: var(--_pk-surface);
    color: var(--_pk-text);
    font: inherit;
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
  .spinner {
    width: 1rem;
    height: 1rem;
    border: 2px solid var(--_pk-border);
    border-top-color: var(--_pk-accent);
    border-radius: 50%;
    animation: spin 0.8s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
    }
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
  .move-button {
    min-height: 1.75rem;
    padding: 0 var(--_pk-space-2);
    border-color: var(--_pk-border);
    font-size: var(--_pk-font-size-small);
  }

  .labels {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_pk-space-1);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .label {
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

  /* Move menu */
  .move-menu {
    min-width: 12rem;
    max-width: min(20rem, var(--_pk-popup-available-width, 90vw));
    padding: var(--_pk-space-1);
    border: 1px solid var(--_pk-border);
    border-radius: var(--_pk-radius);
    background: var(--_pk-surface);
    color: var(--_pk-text);
    box-shadow: var(--_pk-shadow-popup);
  }
  .move-menu-item {
    display: flex;
    align-items: center;
    gap: var(--_pk-space-2);
    min-height: 2rem;
    padding: 0 var(--_pk-space-2);
    border-radius: var(--_pk-radius);
    cursor: pointer;
  }
  .move-menu-item:hover,
  .move-menu-item:focus {
    background: var(--_pk-neutral-bg);
  }
  .move-menu-item:focus-visible {
    outline-offset: -2px;
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

  /* Dialogs (the form, and the deal view as a drawer) */
  /* The dialog surface comes from dialogStyles (src/styles/shared.ts). */
  .dialog {
    width: min(40rem, calc(100vw - 2rem));
    max-height: calc(100vh - 2rem);
  }
  .dialog.drawer {
    width: min(72rem, 100vw);
    height: 100vh;
    max-height: 100vh;
    margin: 0 0 0 auto;
    border-radius: 0;
  }
  .dialog-header {
    position: sticky;
    top: 0;
    z-index: 1;
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_pk-space-3);
    padding: var(--_pk-space-3) var(--_pk-space-4);
    border-bottom: 1px solid var(--_pk-border);
    background: var(--_pk-surface);
  }
  .dialog-header h2 {
    margin: 0;
    font-size: 1.25rem;
    overflow-wrap: anywhere;
  }
  .dialog-body {
    display: flex;
    flex-direction: column;
    gap: var(--_pk-space-3);
    padding: var(--_pk-space-4);
  }
  .dialog-footer {
    position: sticky;
    bottom: 0;
    display: flex;
    justify-content: flex-end;
    gap: var(--_pk-space-2);
    padding: var(--_pk-space-3) var(--_pk-space-4);
    border-top: 1px solid var(--_pk-border);
    background: var(--_pk-surface);
  }

  /* Form */
  .contact {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: var(--_pk-space-2);
    margin: 0;
    padding: var(--_pk-space-3);
    border: 1px solid var(--_pk-border);
    border-radius: var(--_pk-radius);
  }
  .contact legend {
    padding: 0 var(--_pk-space-1);
    font-weight: 700;
  }
  .contact-grid {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
    gap: var(--_pk-space-3);
    align-self: stretch;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: var(--_pk-space-1);
    min-width: 0;
  }
  .field label {
    font-weight: 600;
  }
  .required {
    color: var(--_pk-danger-fg);
  }
  .field input,
  .field select,
  .field textarea,
  .note-form textarea {
    box-sizing: border-box;
    width: 100%;
    min-height: 2.25rem;
    padding: var(--_pk-space-1) var(--_pk-space-2);
    border: 1px solid var(--_pk-border);
    border-radius: var(--_pk-radius);
    background: var(--_pk-surface);
    color: var(--_pk-text);
    font: inherit;
  }
  .field-invalid :is(input, select, textarea),
  [aria-invalid='true'] {
    border-color: var(--_pk-danger-fg);
    border-width: 2px;
  }
  .field-error {
    margin: 0;
    color: var(--_pk-danger-fg);
    font-size: var(--_pk-font-size-small);
    font-weight: 600;
  }
  .deal-form-error {
    margin: 0;
    padding: var(--_pk-space-2) var(--_pk-space-3);
    border: 1px solid currentColor;
    border-radius: var(--_pk-radius);
    background: var(--_pk-danger-bg);
    color: var(--_pk-danger-fg);
  }
  .deal-form > .dialog-body > .button-secondary {
    align-self: flex-start;
  }

  /* Deal view */
  .progress {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_pk-space-1);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .progress-step {
    display: inline-flex;
    align-items: center;
    gap: var(--_pk-space-2);
    padding: var(--_pk-space-1) var(--_pk-space-3);
    border: 1px solid var(--_pk-border);
    border-radius: var(--_pk-radius-pill);
    color: var(--_pk-text-muted);
  }
  .progress-step.done {
    color: var(--_pk-success-fg);
    border-color: currentColor;
  }
  .progress-step.current {
    border-color: var(--_pk-accent);
    border-width: 2px;
    background: var(--_pk-accent);
    color: var(--_pk-surface);
    font-weight: 700;
  }
  .progress-marker {
    display: inline-grid;
    place-items: center;
    min-width: 1.25rem;
    font-size: var(--_pk-font-size-small);
  }
  .deal-layout {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr));
    gap: var(--_pk-space-4);
    align-items: start;
  }
  .deal-section {
    display: flex;
    flex-direction: column;
    gap: var(--_pk-space-2);
    min-width: 0;
  }
  .deal-section h3 {
    margin: var(--_pk-space-2) 0 0;
    font-size: 1rem;
  }
  .deal-section p {
    margin: 0;
  }
  .details {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: var(--_pk-space-1) var(--_pk-space-3);
    margin: 0;
  }
  .details dt {
    font-weight: 600;
  }
  .details dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .clients,
  .documents {
    display: flex;
    flex-direction: column;
    gap: var(--_pk-space-2);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .client,
  .document {
    display: flex;
    flex-direction: column;
    gap: 0.125rem;
    overflow-wrap: anywhere;
  }
  .client-name {
    font-weight: 600;
  }
  a {
    color: var(--_pk-accent);
  }
  .notes-list {
    display: flex;
    flex-direction: column;
    gap: var(--_pk-space-2);
    max-height: 50vh;
    margin: 0;
    padding: 2px;
    overflow-y: auto;
    list-style: none;
  }
  .note {
    padding: var(--_pk-space-2) var(--_pk-space-3);
    border-radius: var(--_pk-radius);
    background: var(--_pk-neutral-bg);
  }
  .note p {
    margin: 0;
  }
  .note-meta {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_pk-space-1);
    font-size: var(--_pk-font-size-small);
  }
  .note .muted {
    color: var(--_pk-neutral-fg);
  }
  .note-author {
    font-weight: 700;
  }
  .note-form,
  .upload {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: var(--_pk-space-1);
  }
  .note-form label,
  .upload label {
    font-weight: 600;
  }

  /* Forced colours drop backgrounds: the pressed view and the current stage keep a border. */
  @media (forced-colors: active) {
    .segment[aria-pressed='true'] {
      border-block-end: 3px solid Highlight;
    }
    .progress-step.current {
      border: 3px solid Highlight;
    }
    .board[data-pointer-dragging] .column[data-drop-over] {
      border-color: Highlight;
    }
  }
`;

export const partnerDealBoardStyles = [tileRendering, boardStyles];
