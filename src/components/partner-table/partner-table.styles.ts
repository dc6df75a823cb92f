import { css } from 'lit';

export const partnerTableStyles = css`
  :host {
    --_row-height: var(--pk-partner-table-row-height, 3.5rem);
    display: block;
    color: inherit;
    line-height: 1.4;
  }
  :host([hidden]) {
    display: none;
  }

  .muted {
    color: var(--_pk-text-muted);
  }
  .line {
    display: block;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .truncate {
    display: block;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  /* Controls (buttons: styles/controls.ts; fields: styles/fields.ts) */
  .caret {
    font-size: 0.75em;
  }

  /* Toolbar */
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--_pk-space-2) var(--_pk-space-3);
    margin-bottom: var(--_pk-space-3);
  }
  .search-field input {
    width: min(18rem, 80vw);
  }
  #status-filter {
    max-width: min(18rem, 80vw);
  }
  .summary {
    flex: 1 1 auto;
    margin: 0;
    padding-bottom: 0.5rem;
    /* On the page's own background: the page's colour, not a kit surface's. */
    color: inherit;
    font-size: var(--_pk-font-size-small);
  }

  .notice {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_pk-space-2);
    margin-bottom: var(--_pk-space-3);
    padding: var(--_pk-space-1) var(--_pk-space-1) var(--_pk-space-1) var(--_pk-space-3);
    border-radius: var(--_pk-radius);
  }
  .notice.success {
    background: var(--_pk-success-bg);
    color: var(--_pk-success-fg);
  }
  .notice.error {
    background: var(--_pk-danger-bg);
    color: var(--_pk-danger-fg);
  }

  /* States */
  .state {
    padding: var(--_pk-space-4);
    border: 1px solid var(--_pk-border);
    border-radius: var(--_pk-radius);
    background: var(--_pk-surface);
    color: var(--_pk-text);
  }
  .state p {
    margin: 0 0 var(--_pk-space-2);
  }
  .state-title {
    display: flex;
    align-items: center;
    gap: var(--_pk-space-2);
    font-size: 1.05rem;
    font-weight: 700;
  }
  .state.error .state-title,
  .error-text {
    color: var(--_pk-danger-fg);
  }
  .details {
    font-size: var(--_pk-font-size-small);
    overflow-wrap: anywhere;
  }
  .skeleton-row {
    display: grid;
    grid-template-columns: 3fr 4fr 3fr 2fr;
    gap: var(--_pk-space-3);
    padding: var(--_pk-space-3) 0;
    border-top: 1px solid var(--_pk-border);
  }
  .skeleton-row span {
    height: 0.8rem;
    border-radius: var(--_pk-radius);
    background: var(--_pk-neutral-bg);
    animation: pulse 1.4s ease-in-out infinite;
  }
  .spinner {
    margin-inline-end: var(--_pk-space-2);
  }
  @keyframes pulse {
    50% {
      opacity: 0.45;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner,
    .skeleton-row span {
      animation: none;
    }
  }
  .updating {
    margin: var(--_pk-space-1) 0 0;
    color: inherit;
    font-size: var(--_pk-font-size-small);
  }

  /* Table */
  .scroller {
    position: relative;
    max-height: var(--pk-partner-table-max-height, 36rem);
    overflow: auto;
    /* Rows come and go as it scrolls: the browser must not "anchor" and jump. */
    overflow-anchor: none;
    border: 1px solid var(--_pk-border);
    border-radius: var(--_pk-radius);
    background: var(--_pk-surface);
    color: var(--_pk-text);
    contain: content;
  }
  .scroller:focus-visible {
    outline: 2px solid var(--_pk-focus-ring);
    outline-offset: 2px;
  }
  table {
    width: 100%;
    min-width: 64rem;
    table-layout: fixed;
    border-collapse: separate;
    border-spacing: 0;
  }
  .col-name {
    width: 12%;
  }
  .col-email {
    width: 11.5%;
  }
  .col-status {
    width: 19.5%;
  }
  .col-completion {
    width: 8.5%;
  }
  .col-allowsUpdates {
    width: 7.5%;
  }
  .col-invitedAt,
  .col-updatedAt {
    width: 8%;
  }
  .col-reminders {
    width: 14.5%;
  }
  .col-actions {
    width: 10.5%;
  }
  thead th {
    position: sticky;
    top: 0;
    z-index: 1;
    padding: var(--_pk-space-2);
    border-bottom: 1px solid var(--_pk-border);
    background: var(--_pk-surface);
    font-size: var(--_pk-font-size-small);
    font-weight: 700;
    text-align: start;
    vertical-align: bottom;
    /* Long words of other languages ("actualizado") break rather than overlap the next column. */
    overflow-wrap: break-word;
    hyphens: auto;
  }
  .sort-button {
    display: inline;
    margin: 0 calc(-1 * var(--_pk-space-1));
    padding: var(--_pk-space-1);
    border: 0;
    border-radius: var(--_pk-radius);
    background: none;
    color: inherit;
    font: inherit;
    text-align: start;
    cursor: pointer;
  }
  .sort-button:hover {
    background: var(--_pk-neutral-bg);
  }
  .sort-icon {
    color: var(--_pk-text-muted);
    white-space: nowrap;
  }
  .sort-button.active .sort-icon {
    color: var(--_pk-accent);
  }
  tr.row {
    height: var(--_row-height);
  }
  tr.row:hover {
    background: color-mix(in srgb, var(--_pk-neutral-bg) 60%, transparent);
  }
  tr.row > th,
  tr.row > td {
    box-sizing: border-box;
    height: var(--_row-height);
    max-height: var(--_row-height);
    padding: 0 var(--_pk-space-2);
    font-size: 0.875rem;
    overflow: hidden;
    border-bottom: 1px solid var(--_pk-border);
    font-weight: normal;
    text-align: start;
    vertical-align: middle;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  tr.spacer td {
    padding: 0;
    border: 0;
  }
  tr.row > td.status-cell {
    white-space: normal;
  }
  /* Up to three lines of a long status fit in a row. */
  .status-cell status-badge::part(base) {
    border-radius: 0.75rem;
    font-size: 0.75rem;
    line-height: 1.25;
  }
  /* Anything longer (some translations) is clipped rather than making its row taller. */
  .clip {
    max-height: calc(var(--_row-height) - 0.25rem);
    overflow: hidden;
  }
  tr.row > td.reminder-cell {
    font-size: var(--_pk-font-size-small);
  }
  .name-button {
    display: block;
    max-width: 100%;
    padding: 0;
    overflow: hidden;
    border: 0;
    background: none;
    color: var(--_pk-accent);
    font: inherit;
    font-weight: 600;
    text-align: start;
    text-decoration: underline;
    text-underline-offset: 0.15em;
    text-overflow: ellipsis;
    white-space: nowrap;
    cursor: pointer;
  }
  .name-cell .line {
    font-size: var(--_pk-font-size-small);
  }
  .more {
    display: flex;
    align-items: center;
    gap: var(--_pk-space-2);
    padding: var(--_pk-space-2) var(--_pk-space-3);
    font-size: var(--_pk-font-size-small);
  }

  /* Row actions menu (the look: menuStyles, src/styles/popup.ts) */
  .menu {
    min-width: 13rem;
  }

  /* Dialogs */
  /* The dialog surface comes from dialogStyles (src/styles/shared.ts). */
  .dialog {
    width: min(38rem, calc(100vw - 2rem));
    max-height: calc(100dvh - 2rem);
    overflow: auto;
  }
  .dialog.drawer {
    width: min(34rem, 100vw);
    height: 100dvh;
    max-height: 100dvh;
    margin: 0 0 0 auto;
    border-width: 0 0 0 1px;
    border-radius: 0;
  }
  .dialog.invite {
    width: min(52rem, 100vw);
  }
  .dialog-header {
    position: sticky;
    top: 0;
    z-index: 1;
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_pk-space-2);
    padding: var(--_pk-space-3) var(--_pk-space-2) var(--_pk-space-2) var(--_pk-space-4);
    background: var(--_pk-surface);
  }
  .dialog-body .dialog-header {
    margin: calc(-1 * var(--_pk-space-4)) calc(-1 * var(--_pk-space-4)) 0;
  }
  .dialog h2 {
    margin: 0;
    font-size: 1.2rem;
    overflow-wrap: anywhere;
  }
  .dialog h2:focus {
    outline: none;
  }
  .dialog h2:focus-visible {
    outline: 2px solid var(--_pk-focus-ring);
  }
  .dialog-body {
    padding: var(--_pk-space-4);
  }
  .dialog-body > p {
    overflow-wrap: anywhere;
  }
  .dialog-actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: var(--_pk-space-2);
    margin-top: var(--_pk-space-4);
  }
  .copy-field {
    width: 100%;
    font-family: ui-monospace, monospace;
  }
`;
