/**
 * One catalogue made of an element's parts, for its message keys (the Spanish catalogue has each
 * of them) while each part is registered by the module that needs it. Call it with a
 * `@__PURE__` annotation, so that a bundle which does not use the whole (the element itself)
 * leaves the parts it loads later out of its first load.
 */
export function combineCatalogues<A extends object, B extends object>(first: A, second: B): A & B {
  return { ...first, ...second };
}
