import { css } from 'lit';
import { raisedSurface } from '../../styles/surface.js';

export const inviteWizardStyles = css`
  :host {
    display: block;
    max-width: 100%;
    color: var(--_pk-text);
    line-height: 1.45;
  }
  :host([hidden]) {
    display: none;
  }

  .wizard {
    box-sizing: border-box;
    padding: var(--_pk-space-4);
    border: 1px solid var(--_pk-border);
    border-radius: var(--_pk-radius);
    background: var(--_pk-surface);
    color: var(--_pk-text);
  }

  .title {
    margin: 0 0 var(--_pk-space-3);
    font-size: 1.25rem;
    line-height: 1.3;
  }

  .step-heading {
    margin: 0 0 var(--_pk-space-2);
    font-size: 1.125rem;
    line-height: 1.3;
  }
  .step-heading:focus {
    outline: none;
  }
  .step-heading:focus-visible {
    outline: 2px solid var(--_pk-focus-ring);
    outline-offset: 2px;
  }

  p {
    margin: 0 0 var(--_pk-space-2);
  }
  .hint,
  .search-status,
  .detail {
    color: var(--_pk-text-muted);
    font-size: var(--_pk-font-size-small);
  }

  /* Stepper */
  .stepper {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_pk-space-2) var(--_pk-space-4);
    margin: 0 0 var(--_pk-space-4);
    padding: 0;
    list-style: none;
  }
  .stepper-item {
    display: flex;
    align-items: center;
    gap: var(--_pk-space-2);
    color: var(--_pk-text-muted);
    font-size: var(--_pk-font-size-small);
  }
  .stepper-number {
    display: inline-grid;
    place-items: center;
    box-sizing: border-box;
    width: 1.75rem;
    height: 1.75rem;
    border: 2px solid currentColor;
    border-radius: var(--_pk-radius-pill);
    font-weight: 700;
  }
  .stepper-item.current {
    color: var(--_pk-text);
    font-weight: 700;
  }
  .stepper-item.current .stepper-number {
    border-color: var(--_pk-accent);
    background: var(--_pk-accent);
    color: var(--_pk-surface);
  }
  .stepper-item.done {
    color: var(--_pk-text);
  }
  .stepper-item.done .stepper-number {
    border-color: var(--_pk-accent);
    color: var(--_pk-accent);
  }

  /* Fields (the look: fieldStyles, src/styles/fields.ts) */
  .field .hint {
    margin: 0;
  }
  .recipient-box:focus-within {
    outline: 2px solid var(--_pk-focus-ring);
    outline-offset: 1px;
  }
  .recipient-box.has-error {
    border-color: var(--_pk-danger-fg);
  }
  .field-error::before {
    content: '⚠ ';
  }

  /* Recipients: chips and the combobox */
  .recipient-box {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_pk-space-1);
    box-sizing: border-box;
    min-height: 2.75rem;
    padding: var(--_pk-space-1);
    border: 1px solid var(--_pk-border-strong);
    border-radius: var(--_pk-radius);
    background: var(--_pk-surface);
    cursor: text;
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_pk-space-1);
    min-width: 0;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .chip {
    display: inline-flex;
    align-items: center;
    max-width: 100%;
    border: 1px solid var(--_pk-border-strong);
    border-radius: var(--_pk-radius-pill);
    background: var(--_pk-neutral-bg);
    color: var(--_pk-neutral-fg);
    font-size: var(--_pk-font-size-small);
  }
  .chip.invalid {
    border: 2px dashed var(--_pk-danger-fg);
    background: var(--_pk-danger-bg);
    color: var(--_pk-danger-fg);
  }
  .chip-main,
  .chip-remove {
    border: 0;
    background: none;
    color: inherit;
    font: inherit;
    cursor: pointer;
  }
  .chip-main {
    display: inline-flex;
    gap: var(--_pk-space-1);
    align-items: center;
    min-width: 0;
    min-height: 1.75rem;
    padding: 0 var(--_pk-space-1) 0 var(--_pk-space-2);
    border-radius: var(--_pk-radius-pill);
    text-align: start;
  }
  .chip-text,
  .chip-name {
    overflow-wrap: anywhere;
  }
  .chip-name {
    font-weight: 600;
  }
  .chip-icon {
    font-weight: 700;
  }
  .chip-remove {
    display: inline-grid;
    place-items: center;
    width: 1.75rem;
    height: 1.75rem;
    border-radius: var(--_pk-radius-pill);
    font-size: 1rem;
  }
  .chip-remove:hover {
    background: color-mix(in srgb, currentColor 15%, transparent);
  }
  .recipient-input {
    flex: 1 1 12rem;
    min-width: 8rem;
    min-height: 2rem;
    padding: 0 var(--_pk-space-1);
    border: 0;
    background: transparent;
    color: var(--_pk-text);
    font: inherit;
  }
  .recipient-input:focus {
    outline: none;
  }

  .listbox-popup {
    ${raisedSurface};
    padding: var(--_pk-space-1) 0;
  }
  .listbox-popup ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .option {
    display: flex;
    flex-direction: column;
    padding: var(--_pk-space-2) var(--_pk-space-3);
    cursor: pointer;
  }
  .option[aria-disabled='true'] {
    cursor: not-allowed;
  }
  .option-name {
    font-weight: 600;
  }
  .option-detail {
    color: var(--_pk-text-muted);
    font-size: var(--_pk-font-size-small);
  }
  .option:hover {
    background: var(--_pk-neutral-bg);
  }
  .option.active {
    background: var(--_pk-accent);
    color: var(--_pk-surface);
    /* Marked by an outline too, not by colour alone (and visible in forced colours). */
    outline: 2px solid var(--_pk-text);
    outline-offset: -2px;
  }
  .option.active .option-detail {
    color: inherit;
  }

  /* Buttons */
  .footer {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_pk-space-2);
    margin-top: var(--_pk-space-4);
  }
  .spacer {
    flex: 1 1 auto;
  }
  .spinner {
    margin-inline-end: var(--_pk-space-1);
  }

  /* Messages */
  .alert {
    margin-top: var(--_pk-space-3);
    padding: var(--_pk-space-2) var(--_pk-space-3);
    border-inline-start: 4px solid var(--_pk-danger-fg);
    border-radius: var(--_pk-radius);
    background: var(--_pk-danger-bg);
    color: var(--_pk-danger-fg);
  }
  .alert p {
    margin: 0;
  }
  .alert .detail {
    margin-top: var(--_pk-space-1);
    color: inherit;
  }
  .alert .button {
    margin-top: var(--_pk-space-2);
  }
  .notice-bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_pk-space-2);
    margin: 0 0 var(--_pk-space-3);
    padding: var(--_pk-space-2) var(--_pk-space-3);
    border-inline-start: 4px solid var(--_pk-info-fg);
    border-radius: var(--_pk-radius);
    background: var(--_pk-info-bg);
    color: var(--_pk-info-fg);
  }
  .notice-bar p {
    margin: 0;
  }
  .notice {
    margin: 0;
    color: var(--_pk-text-muted);
    font-size: var(--_pk-font-size-small);
  }

  .state {
    padding: var(--_pk-space-3) 0;
  }
`;
