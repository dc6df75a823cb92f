import { css } from 'lit';

/**
 * The grid of a form's fields, the same in every form of the kit: one column
 * in a narrow box, more as it widens; a `.wide` field takes a whole row. The
 * forms are views that load on first use (the table's edit form, the
 * wizard's and the registration's later steps, the board's dialogs): each
 * view's styles take this in (`${formGridStyles}`), so it loads with them.
 */
export const formGridStyles = css`
  .form-grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 14rem), 1fr));
    gap: var(--_pk-space-3);
  }
  .form-grid > .wide {
    grid-column: 1 / -1;
  }
`;
