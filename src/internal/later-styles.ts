import { adoptStyles, supportsAdoptingStyleSheets, type CSSResult } from '@lit/reactive-element';

/** Where sheets cannot be adopted, which `<style>` copies a shadow root already has. */
const copied = new WeakMap<ShadowRoot, Set<CSSResult>>();

/**
 * Adds the styles of a view that loads on first use (later steps, a dialog, a
 * drawer) after the element's own: its first load stays small. Once per
 * shadow root, so calling it on every open is fine; one shared sheet where
 * the browser adopts sheets, a `<style>` copy where it does not.
 */
export function adoptLaterStyles(host: { readonly renderRoot: HTMLElement | DocumentFragment }, styles: CSSResult): void {
  const root = host.renderRoot;
  if (!(root instanceof ShadowRoot)) return;
  const sheet = supportsAdoptingStyleSheets ? styles.styleSheet : undefined;
  if (sheet) {
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return;
  }
  const done = copied.get(root) ?? new Set<CSSResult>();
  if (done.has(styles)) return;
  done.add(styles);
  copied.set(root, done);
  // Without adoptable sheets, Lit's adoptStyles appends <style> elements (it replaces the list otherwise).
  adoptStyles(root, [styles]);
}
