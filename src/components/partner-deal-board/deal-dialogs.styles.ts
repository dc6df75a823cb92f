import { css } from 'lit';
import { formGridStyles } from '../../styles/form-grid.js';

/**
 * The styles of the board's dialogs: the "Add new deal" form and the deal
 * view. They load with those views (add-deal-form.ts, deal-view.ts), not with
 * the board, and are added to the board's shadow root after its own styles
 * (the board's buttons, labels, hints and messages, and the dialog surface,
 * dialogStyles, are shared with them, and so are the kit's fields, fieldStyles).
 */
export const dealDialogStyles = css`
  ${formGridStyles}
  /* Dialogs (the form, and the deal view as a drawer) */
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
    align-self: stretch;
  }
  .required {
    color: var(--_pk-danger-fg);
  }
  .deal-form-error {
    margin: 0;
    padding: var(--_pk-space-2) var(--_pk-space-3);
    border: 1px solid currentColor;
    border-radius: var(--_pk-radius);
    background: var(--_pk-danger-bg);
    color: var(--_pk-danger-fg);
  }
  .deal-form > .dialog-body > [data-action='add-contact'] {
    align-self: flex-start;
  }

  /* Deal view */
  .long-text {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
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

  /* Forced colours drop backgrounds: the current stage keeps a border. */
  @media (forced-colors: active) {
    .progress-step.current {
      border: 3px solid Highlight;
    }
  }
`;
