/**
 * Registers a custom element without ever throwing on a second registration:
 * the same class again is a no-op; a different class already holding the tag
 * gets a clear warning (two versions of the kit on one page), and the first
 * one stays.
 */
export function defineElement(tagName: string, elementClass: CustomElementConstructor): void {
  const registry = globalThis.customElements;
  if (!registry) return;
  const existing = registry.get(tagName);
  if (existing === undefined) {
    registry.define(tagName, elementClass);
    return;
  }
  if (existing === elementClass) return;
  console.warn(
    `[partner-kit] <${tagName}> is already defined by another class (another copy or version of partner-kit?). ` +
      'The first definition stays; load the kit once per page.',
  );
}
