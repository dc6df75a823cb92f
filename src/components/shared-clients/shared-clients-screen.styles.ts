import { css } from 'lit';

/** The styles of the screen, added after the element's own when it loads (adoptLaterStyles). */
export const sharedClientsScreenStyles = css`
  .section {
    display: flex;
    flex-direction: column;
    gap: var(--_pk-space-3);
    min-width: 0;
  }

  .heading {
    margin: 0;
    font-size: 1.125rem;
    font-weight: 600;
    line-height: 1.3;
  }
  .heading:focus {
    outline: none;
  }
  .heading:focus-visible {
    outline: 2px solid var(--_pk-focus-ring);
    outline-offset: 2px;
  }
  [part='client-name'] {
    font-size: 1rem;
    overflow-wrap: anywhere;
  }

  .empty {
    display: flex;
    flex-direction: column;
    gap: var(--_pk-space-1);
    padding: var(--_pk-space-3);
    border: 1px dashed var(--_pk-border);
    border-radius: var(--_pk-radius);
  }
  .empty-message {
    font-weight: 600;
  }

  /* Realtors and their client counts. */
  .table {
    width: 100%;
    max-width: 40rem;
    border-collapse: collapse;
  }
  .table th,
  .table td {
    padding: var(--_pk-space-2) var(--_pk-space-3);
    border-block-end: 1px solid var(--_pk-border);
    text-align: start;
    vertical-align: top;
  }
  .table thead th {
    font-size: var(--_pk-font-size-small);
    font-weight: 600;
  }
  .table tbody th {
    font-weight: normal;
    overflow-wrap: anywhere;
  }
  .table .number {
    text-align: end;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .table tfoot th,
  .table tfoot td {
    border-block-start: 2px solid var(--_pk-border);
    border-block-end: 0;
    font-weight: 600;
  }

  .filter {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_pk-space-2);
  }
  .filter label {
    font-weight: 600;
  }
  .select {
    min-height: 2rem;
    max-width: 100%;
    padding: 0 var(--_pk-space-2);
    border: 1px solid var(--_pk-text-muted);
    border-radius: var(--_pk-radius);
    background: var(--_pk-surface);
    color: var(--_pk-text);
    font: inherit;
  }

  .summary {
    font-weight: 600;
  }

  /* Co-shared clients. */
  .client-list {
    display: grid;
    gap: var(--_pk-space-3);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .client {
    display: flex;
    flex-direction: column;
    align-items: stretch;
    gap: var(--_pk-space-2);
    min-width: 0;
    padding: var(--_pk-space-3) var(--_pk-space-4);
    border: 1px solid var(--_pk-border);
    border-radius: var(--_pk-radius);
    background: var(--_pk-surface);
    color: var(--_pk-text);
  }
  .client:focus {
    outline: none;
  }
  .client:focus-visible {
    outline: 2px solid var(--_pk-focus-ring);
    outline-offset: 2px;
  }

  .details {
    display: flex;
    flex-direction: column;
    gap: var(--_pk-space-1);
    margin: 0;
  }
  .detail {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    column-gap: var(--_pk-space-3);
  }
  .detail dt {
    flex: 0 0 9rem;
    color: var(--_pk-text-muted);
    font-size: var(--_pk-font-size-small);
  }
  .detail dd {
    flex: 1 1 14rem;
    min-width: 0;
    margin: 0;
    overflow-wrap: anywhere;
  }

  .subscription {
    display: flex;
    flex-direction: column;
    gap: 0.125rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .line {
    display: flex;
    align-items: baseline;
    gap: var(--_pk-space-2);
  }
  /* A shape per line, besides the text: "sending" is a play triangle, "paused" two bars. */
  .line .icon {
    flex: none;
    box-sizing: border-box;
    width: 0.625rem;
    height: 0.625rem;
  }
  .sent {
    color: var(--_pk-success-fg);
  }
  .sent .icon,
  .not-paused .icon {
    border-block: 0.3125rem solid transparent;
    border-inline-start: 0.625rem solid currentColor;
  }
  .paused .icon {
    border-inline: 0.1875rem solid currentColor;
  }
  .not-paused {
    color: var(--_pk-warning-fg);
    font-weight: 600;
  }

  .toggle {
    display: inline-flex;
    align-self: flex-start;
    align-items: center;
    gap: var(--_pk-space-2);
    min-height: 1.5rem;
    padding: 0.125rem var(--_pk-space-1);
    border: 0;
    border-radius: var(--_pk-radius);
    background: none;
    color: var(--_pk-accent);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  .chevron {
    flex: none;
    box-sizing: border-box;
    width: 0.5rem;
    height: 0.5rem;
    border-block-end: 2px solid currentColor;
    border-inline-end: 2px solid currentColor;
    transform: rotate(-45deg);
  }
  .toggle[aria-expanded='true'] .chevron {
    transform: rotate(45deg);
  }
  @media (prefers-reduced-motion: no-preference) {
    .chevron {
      transition: transform 120ms ease-out;
    }
  }

  .activity[hidden] {
    display: none;
  }
  .activity-list {
    display: flex;
    flex-direction: column;
    gap: var(--_pk-space-1);
    margin: 0;
    padding-inline-start: 1.25rem;
    font-size: var(--_pk-font-size-small);
  }
  .activity-item time {
    color: var(--_pk-text-muted);
    font-variant-numeric: tabular-nums;
  }
  .activity-item time::after {
    content: ' · ';
  }
  .activity-kind {
    font-weight: 600;
  }
  .activity-kind::after {
    content: ': ';
    font-weight: normal;
  }
  .activity-empty {
    color: var(--_pk-text-muted);
    font-size: var(--_pk-font-size-small);
  }

  .more {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_pk-space-3);
  }

  @media (forced-colors: active) {
    .client,
    .empty {
      border-color: CanvasText;
    }
  }
`;
