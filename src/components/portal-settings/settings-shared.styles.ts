import { css } from 'lit';
import { fieldStyles } from '../../styles/fields.js';
import { visuallyHidden } from '../../styles/shared.js';

/**
 * What both settings screens add when they load (settings-shared.ts): the
 * form, headings, descriptions, fields (the look is fieldStyles,
 * src/styles/fields.ts), the save bar, the other notices and the on/off switch.
 */
export const settingsScreenStyles = css`
  ${fieldStyles}
  ${visuallyHidden}
  .settings-form {
    display: flex;
    flex-direction: column;
    gap: var(--_pk-space-4);
  }
  .section > :first-child {
    margin-top: 0;
  }
  h2 {
    margin: 0 0 var(--_pk-space-1);
    font-size: 1.125rem;
    line-height: 1.3;
  }
  h3 {
    margin: var(--_pk-space-4) 0 var(--_pk-space-1);
    font-size: 1rem;
    line-height: 1.3;
  }
  .description,
  .hint {
    margin: 0 0 var(--_pk-space-3);
    color: var(--_pk-text-muted);
    font-size: var(--_pk-font-size-small);
    line-height: 1.45;
  }
  .hint {
    margin: 0;
  }

  /* Fields (the look: fieldStyles, src/styles/fields.ts) */
  .field {
    margin-block-end: var(--_pk-space-3);
  }
  .input {
    max-width: 28rem;
  }
  .input[readonly] {
    border-style: dashed;
    background: var(--_pk-neutral-bg);
    color: var(--_pk-neutral-fg);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_pk-space-2) var(--_pk-space-3);
  }
  .save-status {
    font-size: var(--_pk-font-size-small);
  }
  .save-status.dirty {
    font-weight: 600;
  }
  .save-status.dirty::before {
    content: '●';
    margin-inline-end: var(--_pk-space-1);
    color: var(--_pk-warning-fg);
  }
  .notice ul {
    margin: 0 0 var(--_pk-space-2);
    padding-inline-start: 1.25rem;
  }
  .notice.warning {
    background: var(--_pk-warning-bg);
    color: var(--_pk-warning-fg);
  }
  .notice.success {
    background: var(--_pk-success-bg);
    color: var(--_pk-success-fg);
  }
  .notice.info {
    background: var(--_pk-info-bg);
    color: var(--_pk-info-fg);
  }
  .notice-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_pk-space-2) var(--_pk-space-4);
    margin-top: var(--_pk-space-2);
  }
  .notice-choice {
    display: flex;
    flex-direction: column;
    gap: var(--_pk-space-1);
    max-width: 20rem;
    font-size: var(--_pk-font-size-small);
  }

  /* Switches: a native checkbox over a drawn track */
  .channel-group {
    min-width: 0;
    margin: 0 0 var(--_pk-space-3);
    padding: 0;
    border: 0;
  }
  .channel-legend {
    padding: 0;
    font-weight: 600;
  }
  .channel-group .description {
    margin: var(--_pk-space-1) 0 0;
  }
  .channel-switches {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_pk-space-1) var(--_pk-space-4);
    margin-top: var(--_pk-space-1);
  }
  .switch-row {
    display: inline-flex;
    align-items: center;
    gap: var(--_pk-space-2);
    min-height: 2.25rem;
    cursor: pointer;
  }
  .switch-row.is-disabled {
    cursor: not-allowed;
  }
  .switch {
    position: relative;
    display: inline-flex;
    flex: none;
    width: 2.75rem;
    height: 1.5rem;
  }
  .switch input {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    margin: 0;
    opacity: 0;
    cursor: inherit;
  }
  .track {
    box-sizing: border-box;
    display: flex;
    align-items: center;
    justify-content: flex-start;
    width: 100%;
    height: 100%;
    padding: 2px;
    border: 2px solid var(--_pk-text-muted);
    border-radius: var(--_pk-radius-pill);
    background: var(--_pk-surface);
    transition: background-color 0.15s ease;
  }
  .thumb {
    width: 1rem;
    height: 1rem;
    border-radius: 50%;
    background: var(--_pk-text-muted);
  }
  /* The thumb moves with justify-content, so it also moves the right way in right-to-left pages. */
  .switch input:checked + .track {
    justify-content: flex-end;
    border-color: var(--_pk-accent);
    background: var(--_pk-accent);
  }
  .switch input:checked + .track .thumb {
    background: var(--_pk-surface);
  }
  .switch input:focus-visible + .track {
    outline: 2px solid var(--_pk-focus-ring);
    outline-offset: 2px;
  }
  .switch input:disabled + .track {
    border-style: dashed;
    opacity: 0.55;
  }
  .is-disabled .switch-label {
    color: var(--_pk-text-muted);
  }

  @media (prefers-reduced-motion: reduce) {
    .track {
      transition: none;
    }
  }

  @media (forced-colors: active) {
    .track {
      border-color: CanvasText;
    }
    .thumb {
      background: CanvasText;
    }
    .switch input:checked + .track {
      border-color: Highlight;
      background: Highlight;
    }
    .switch input:checked + .track .thumb {
      background: Canvas;
    }
    .switch input:disabled + .track {
      border-color: GrayText;
    }
  }
`;
