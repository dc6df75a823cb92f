/**
 * Small DOM helpers for the elements that build their DOM by hand
 * (`<status-badge>`, `<profile-progress>`: rendered by the thousand, with a
 * DOM that hardly changes shape). Text and attribute values are set as text,
 * never parsed as HTML.
 */

/** A new element with `attributes` and `children`. */
export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Readonly<Record<string, string>> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** Sets an attribute (`null` removes it), touching the DOM only when the value changes. */
export function setAttribute(target: Element, name: string, value: string | null): void {
  if (target.getAttribute(name) === value) return;
  if (value === null) target.removeAttribute(name);
  else target.setAttribute(name, value);
}

/** Sets an element's text, touching the DOM only when it changes. */
export function setText(target: Node, text: string): void {
  if (target.textContent !== text) target.textContent = text;
}
