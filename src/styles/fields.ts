import { css } from 'lit';

/**
 * The kit's form fields, one look for every form (the wizard, the
 * registration, both settings elements): `.field` stacks a `.label`, the
 * control (`.input` on an input, select or textarea), a hint and a
 * `.field-error`. An invalid control (`aria-invalid="true"`) gets a danger
 * edge twice as heavy, drawn inside so that nothing moves.
 */
export const fieldStyles = css`
  .field {
    display: flex;
    flex-direction: column;
    gap: var(--_pk-space-1);
    min-width: 0;
  }
  .label {
    font-weight: 600;
  }
  .input {
    box-sizing: border-box;
    width: 100%;
    min-height: 2.5rem;
    padding: var(--_pk-space-1) var(--_pk-space-2);
    border: 1px solid var(--_pk-border-strong);
    border-radius: var(--_pk-radius);
    background: var(--_pk-surface);
    color: var(--_pk-text);
    font: inherit;
  }
  .input:focus-visible {
    outline: 2px solid var(--_pk-focus-ring);
    outline-offset: 1px;
  }
  .input[aria-invalid='true'] {
    border-color: var(--_pk-danger-fg);
    box-shadow: inset 0 0 0 1px var(--_pk-danger-fg);
  }
  .field-error {
    margin: 0;
    color: var(--_pk-danger-fg);
    font-size: var(--_pk-font-size-small);
    font-weight: 600;
  }
`;
