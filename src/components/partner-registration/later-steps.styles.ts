import { css } from 'lit';
import { formGridStyles } from '../../styles/form-grid.js';

/**
 * The styles of the steps after the first (the expiry notice and countdown, the profile's
 * fieldsets, images and completion, the done confirmation): they load with those steps
 * (later-steps.ts) and are added to the element's shadow root after its own styles.
 */
export const laterStepsStyles = css`
  ${formGridStyles}
  .notice,
  .hint {
    margin: 0;
  }
  .muted,
  .hint {
    color: var(--_pk-text-muted);
  }
  .hint {
    font-size: var(--_pk-font-size-small);
  }

  .notice {
    padding: var(--_pk-space-2) var(--_pk-space-3);
    border-radius: var(--_pk-radius);
    background: var(--_pk-info-bg);
    color: var(--_pk-info-fg);
  }
  .notice.expired {
    background: var(--_pk-warning-bg);
    color: var(--_pk-warning-fg);
  }
  .countdown {
    font-variant-numeric: tabular-nums;
  }

  .success {
    padding: var(--_pk-space-2) var(--_pk-space-3);
    border-radius: var(--_pk-radius);
    background: var(--_pk-success-bg);
    color: var(--_pk-success-fg);
  }

  .fieldset {
    margin: 0;
    padding: var(--_pk-space-3) 0 0;
    border: 0;
    border-block-start: 1px solid var(--_pk-border);
    min-width: 0;
  }
  .legend {
    padding: 0;
    margin-block-end: var(--_pk-space-3);
    font-weight: 600;
    font-size: 1.0625rem;
  }


  .file {
    font: inherit;
    color: var(--_pk-text);
    max-width: 100%;
  }
  .file[aria-invalid='true'] {
    border-color: var(--_pk-danger-fg);
    border-width: 2px;
    border-style: solid;
    border-radius: var(--_pk-radius);
    padding: var(--_pk-space-1);
  }

  .image-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_pk-space-2);
  }

  .image {
    gap: var(--_pk-space-2);
  }
  .preview-box {
    display: flex;
    align-items: center;
    min-height: 4rem;
  }
  .preview-box p {
    margin: 0;
  }
  .preview {
    max-width: 8rem;
    max-height: 8rem;
    border: 1px solid var(--_pk-border);
    border-radius: var(--_pk-radius);
    object-fit: contain;
    background: var(--_pk-surface);
  }

  .progress {
    max-width: 28rem;
  }

  @media (forced-colors: active) {
    .notice,
    .success {
      border: 1px solid CanvasText;
    }
  }
`;
