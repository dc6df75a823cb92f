import { css } from 'lit';
import { formGridStyles } from '../../styles/form-grid.js';

/** The edit dialog's form: loaded with the editor, adopted by the table when it first opens. */
export const profileEditorStyles = css`
  ${formGridStyles}
  .form-section {
    margin: var(--_pk-space-3) 0 0;
    padding: var(--_pk-space-3);
    border: 1px solid var(--_pk-border);
    border-radius: var(--_pk-radius);
  }
  .form-section legend {
    padding: 0 var(--_pk-space-1);
    font-weight: 700;
  }
  .form-error {
    margin: var(--_pk-space-1) 0 0;
    color: var(--_pk-danger-fg);
    font-size: var(--_pk-font-size-small);
    font-weight: 600;
    padding: var(--_pk-space-2) var(--_pk-space-3);
    border-radius: var(--_pk-radius);
    background: var(--_pk-danger-bg);
  }
  .preview {
    display: block;
    max-width: 8rem;
    max-height: 5rem;
    margin-top: var(--_pk-space-2);
    object-fit: contain;
  }
  .upload-label {
    margin-top: var(--_pk-space-2);
  }
  input[type='file'] {
    font: inherit;
  }
`;
