/**
 * The script-tag entry that loads each element on first use
 * (`dist/autoload/partner-kit.autoload.js`): a page loads this small module,
 * and a tag's code — the element, Lit and what the element needs — loads when
 * the tag first appears in the document. A page that shows one badge loads the
 * badge, not the kit. Each element registers the elements it renders itself
 * (the table its badges), so only the tags a page writes are looked for.
 *
 * Found: tags in the document when this module runs, and tags added later
 * anywhere in the document (parsed, `append`ed, set by a framework). Not
 * found: tags inside the page's own shadow roots, which the document does not
 * show — call `discover(shadowRoot)` after rendering them, or
 * `await loadElement('partner-table')`. Properties set on an element before
 * its code arrives are kept (Lit applies them on upgrade); wait for
 * `loadElement(tag)` or `customElements.whenDefined(tag)` before calling an
 * element's methods.
 *
 * Same model as Shoelace's autoloader.
 */
export { createRestAdapter, type RestAdapterOptions } from './adapter/rest/rest-adapter.js';
export { PartnerKitError, isPartnerKitError, type ErrorCode } from './adapter/errors.js';
export { registerLocale, setLocale, getLocale, loadLocale } from './locales/registry.js';
export type { PartnerKitAdapter } from './adapter/types.js';

/** Every tag of the kit and the module that registers it (with the elements it renders). */
const ELEMENT_LOADERS = {
  'partner-kit-provider': () => import('./components/partner-kit-provider/partner-kit-provider.js'),
  'status-badge': () => import('./components/status-badge/status-badge.js'),
  'profile-progress': () => import('./components/profile-progress/profile-progress.js'),
  'partner-table': () => import('./components/partner-table/partner-table.js'),
  'invite-wizard': () => import('./components/invite-wizard/invite-wizard.js'),
  'partner-registration': () => import('./components/partner-registration/partner-registration.js'),
  'partner-deal-board': () => import('./components/partner-deal-board/partner-deal-board.js'),
  'portal-settings': () => import('./components/portal-settings/portal-settings.js'),
  'partner-settings': () => import('./components/partner-settings/partner-settings.js'),
  'shared-clients': () => import('./components/shared-clients/shared-clients.js'),
} as const satisfies Readonly<Record<string, () => Promise<unknown>>>;

/** A partner-kit tag. */
export type PartnerKitTag = keyof typeof ELEMENT_LOADERS;

/** Every partner-kit tag. */
export const PARTNER_KIT_TAGS = Object.freeze(Object.keys(ELEMENT_LOADERS)) as readonly PartnerKitTag[];

const TAG_SELECTOR = PARTNER_KIT_TAGS.join(',');

function isKitTag(name: string): name is PartnerKitTag {
  return Object.hasOwn(ELEMENT_LOADERS, name);
}

const loads = new Map<PartnerKitTag, Promise<CustomElementConstructor>>();

/**
 * Loads and registers `tag` (once; a failed load is tried again on the next
 * call) and resolves with its class. Rejects, naming the tag, when the tag is
 * not a partner-kit element or its code cannot be loaded.
 */
export function loadElement(tag: PartnerKitTag): Promise<CustomElementConstructor> {
  if (typeof tag !== 'string' || !isKitTag(tag)) {
    return Promise.reject(
      new TypeError(`[partner-kit] ${JSON.stringify(String(tag).slice(0, 60))} is not a partner-kit element; the elements are ${PARTNER_KIT_TAGS.join(', ')}.`),
    );
  }
  let load = loads.get(tag);
  if (load === undefined) {
    load = ELEMENT_LOADERS[tag]().then(
      () => customElements.whenDefined(tag),
      (cause: unknown) => {
        // Forgotten, so that the next appearance of the tag (or call) tries again.
        loads.delete(tag);
        throw new Error(`[partner-kit] could not load <${tag}> (${cause instanceof Error ? cause.message : String(cause)}); it is tried again when another one is added.`, {
          cause,
        });
      },
    );
    loads.set(tag, load);
  }
  return load;
}

/**
 * Loads every partner-kit tag in `root` (and `root` itself) that is not
 * registered yet. The document is watched already; call this for your own
 * shadow roots. Resolves once each has loaded or failed (failures are logged).
 */
export async function discover(root: ParentNode): Promise<void> {
  const tags = new Set<PartnerKitTag>();
  if (root instanceof Element && isKitTag(root.localName)) tags.add(root.localName);
  for (const element of root.querySelectorAll(TAG_SELECTOR)) tags.add(element.localName as PartnerKitTag);
  const missing = [...tags].filter((tag) => customElements.get(tag) === undefined);
  const load = (tag: PartnerKitTag) => loadElement(tag).catch((error: unknown) => console.error(error));
  // The provider first: an element inside it whose code came first would render "no adapter" until it came.
  if (missing.includes('partner-kit-provider')) await load('partner-kit-provider');
  await Promise.all(missing.filter((tag) => tag !== 'partner-kit-provider').map(load));
  if (PARTNER_KIT_TAGS.every((tag) => customElements.get(tag) !== undefined)) observer?.disconnect();
}

// Watches the whole document until every tag is registered.
const observer =
  typeof MutationObserver === 'undefined' || typeof document === 'undefined'
    ? undefined
    : new MutationObserver((records) => {
        for (const record of records) {
          for (const node of record.addedNodes) if (node instanceof Element) void discover(node);
        }
      });

if (observer !== undefined) {
  observer.observe(document.documentElement, { childList: true, subtree: true });
  void discover(document);
}
