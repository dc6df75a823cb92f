import { unsafeCSS } from '@lit/reactive-element';

/**
 * The declarations of the kit's raised surface (dialogs, menus, the wizard's
 * suggestions), to put first in a rule: `.menu { ${raisedSurface}; … }`.
 * A constant string (no outside text reaches it): a css`` template of bare
 * declarations is not a style sheet, and the CSS checks reject it.
 */
export const raisedSurface = unsafeCSS(
  'border: 1px solid var(--_pk-border); border-radius: var(--_pk-radius); background: var(--_pk-surface); ' +
    'color: var(--_pk-text); box-shadow: var(--_pk-shadow-popup); font-family: var(--pk-font-family, inherit)',
);
