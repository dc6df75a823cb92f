import { css } from 'lit';
import { formGridStyles } from '../../styles/form-grid.js';

/**
 * The styles of the steps after Contact Selection (profile fields, images,
 * review, preview, results): they load with those steps (later-steps.ts) and
 * are added to the wizard's shadow root after its own styles.
 */
export const laterStepsStyles = css`
  ${formGridStyles}
  .section-title {
    margin: var(--_pk-space-3) 0 var(--_pk-space-1);
    font-size: var(--_pk-font-size-small);
    font-weight: 700;
    letter-spacing: 0.04em;
    text-transform: uppercase;
    color: var(--_pk-text-muted);
  }
  .intro {
    margin-bottom: var(--_pk-space-3);
  }
  .drop-zone.has-error,
  .choice.has-error {
    border-color: var(--_pk-danger-fg);
  }

  /* Images */
  .image-fields {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 16rem), 1fr));
    gap: var(--_pk-space-3);
  }
  .image-field {
    display: flex;
    flex-direction: column;
    gap: var(--_pk-space-1);
  }
  .drop-zone {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: var(--_pk-space-2);
    padding: var(--_pk-space-3);
    border: 2px dashed var(--_pk-border-strong);
    border-radius: var(--_pk-radius);
  }
  .drop-zone.dragging {
    border-style: solid;
    border-color: var(--_pk-accent);
    background: var(--_pk-info-bg);
  }
  .drop-zone p {
    margin: 0;
  }
  .image-preview {
    max-width: 100%;
    width: 8rem;
    height: 8rem;
    object-fit: contain;
    border: 1px solid var(--_pk-border);
    border-radius: var(--_pk-radius);
    background: var(--_pk-neutral-bg);
  }
  .image-placeholder {
    display: grid;
    place-items: center;
    box-sizing: border-box;
    width: 8rem;
    height: 8rem;
    padding: var(--_pk-space-2);
    color: var(--_pk-neutral-fg);
    font-size: var(--_pk-font-size-small);
    text-align: center;
    border-radius: var(--_pk-radius);
    background: var(--_pk-neutral-bg);
  }
  .image-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_pk-space-2);
  }
  .file-input {
    display: none;
  }

  /* Review */
  .summary {
    display: grid;
    gap: var(--_pk-space-1);
    margin: 0 0 var(--_pk-space-3);
  }
  .summary-row {
    display: grid;
    grid-template-columns: minmax(8rem, 14rem) 1fr;
    gap: var(--_pk-space-2);
  }
  .summary dt {
    color: var(--_pk-text-muted);
  }
  .summary dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .choice {
    display: flex;
    flex-direction: column;
    gap: var(--_pk-space-2);
    padding: var(--_pk-space-3);
    border: 1px solid var(--_pk-border);
    border-radius: var(--_pk-radius);
  }
  .choice .label {
    margin: 0;
  }
  .required {
    color: var(--_pk-danger-fg);
  }
  .radio {
    display: flex;
    gap: var(--_pk-space-2);
    align-items: center;
    cursor: pointer;
  }
  .radio input {
    width: 1.125rem;
    height: 1.125rem;
    margin: 0;
  }

  /* Preview, connected, results */
  .recipient-list,
  .connected-list {
    margin: 0 0 var(--_pk-space-3);
    padding: 0;
    list-style: none;
  }
  .recipient-list li,
  .connected-item {
    padding: var(--_pk-space-1) 0;
  }
  .connected-item {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_pk-space-2);
    border-bottom: 1px solid var(--_pk-border);
  }
  .person-name {
    font-weight: 600;
  }
  .person-email {
    color: var(--_pk-text-muted);
    overflow-wrap: anywhere;
  }
  .connected-notice {
    margin-bottom: var(--_pk-space-3);
  }
  .email-preview {
    margin-top: var(--_pk-space-3);
  }
  .email-subject {
    overflow-wrap: anywhere;
  }
  .subject-label {
    font-weight: 600;
  }
  .email-frame {
    display: block;
    box-sizing: border-box;
    width: 100%;
    height: 22rem;
    border: 1px solid var(--_pk-border);
    border-radius: var(--_pk-radius);
    /* The email is a light document: it keeps a light background in dark mode. */
    background: #ffffff;
  }
  .email-text {
    padding: var(--_pk-space-3);
    border: 1px solid var(--_pk-border);
    border-radius: var(--_pk-radius);
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .status {
    display: flex;
    align-items: center;
    margin: 0;
  }
  .results {
    width: 100%;
    border-collapse: collapse;
  }
  .results th,
  .results td {
    padding: var(--_pk-space-2);
    border-bottom: 1px solid var(--_pk-border);
    text-align: start;
    vertical-align: top;
  }
  .results th {
    font-size: var(--_pk-font-size-small);
  }
  .outcome {
    display: inline-flex;
    align-items: center;
    gap: var(--_pk-space-1);
    padding: 0 var(--_pk-space-2);
    border-radius: var(--_pk-radius-pill);
    font-size: var(--_pk-font-size-small);
    font-weight: 600;
  }
  .outcome-icon {
    box-sizing: border-box;
    width: 0.5rem;
    height: 0.5rem;
    border: 0.25rem solid currentColor;
  }
  .outcome-sent {
    background: var(--_pk-success-bg);
    color: var(--_pk-success-fg);
  }
  .outcome-sent .outcome-icon {
    border-radius: 50%;
  }
  .outcome-already-connected {
    background: var(--_pk-info-bg);
    color: var(--_pk-info-fg);
  }
  .outcome-already-connected .outcome-icon {
    border-width: 2px;
    border-radius: 50%;
  }
  .outcome-failed {
    background: var(--_pk-danger-bg);
    color: var(--_pk-danger-fg);
  }
  .outcome-failed .outcome-icon {
    transform: rotate(45deg) scale(0.85);
  }
  .reason {
    display: block;
    margin-top: var(--_pk-space-1);
    color: var(--_pk-danger-fg);
    font-size: var(--_pk-font-size-small);
  }
  .resent {
    color: var(--_pk-success-fg);
    font-weight: 600;
  }
  .done-status {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_pk-space-2);
  }
`;
