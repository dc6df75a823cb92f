/**
 * The kit's one way to load a module on first need: a dynamic `import()`, so
 * the module stays out of an element's first load. Used for tooltips, the
 * table's editor, drawer and row-menu popup, the wizard's later steps, and the
 * screens of the settings elements and `<shared-clients>` (see `withModule`).
 */
import { PartnerKitError } from '../adapter/errors.js';

/** A module loaded on first need, once (see `lazyModule`). */
export interface LazyModule<T> {
  /** The module, once loaded (for rendering, which cannot wait). */
  readonly value: T | undefined;
  /** The module; once loaded, the promise is settled and `then` runs in the same task. */
  load(): Promise<T>;
  /** Loads it once the page is idle, so that it is usually there before the first need. */
  prefetch(): void;
}

/**
 * A module loaded on first need with `loader`. Create one per module, at
 * module level, and share it between instances. A failed load (offline, a
 * missing chunk) is forgotten, so the next need tries again.
 */
export function lazyModule<T>(loader: () => Promise<T>): LazyModule<T> {
  let value: T | undefined;
  let pending: Promise<T> | undefined;
  let prefetching = false;
  const load = () =>
    (pending ??= loader().then(
      (loaded) => (value = loaded),
      (error: unknown) => {
        pending = undefined;
        throw error;
      },
    ));
  return {
    get value() {
      return value;
    },
    load,
    prefetch() {
      if (prefetching) return;
      prefetching = true;
      const quietly = () => void load().catch(() => undefined);
      if (typeof requestIdleCallback === 'function') requestIdleCallback(quietly, { timeout: 3000 });
      else setTimeout(quietly, 200);
    },
  };
}

/**
 * Waits for `data` and for `module` together: a screen whose code loads on
 * first use arrives with its data, so a cold cache adds no wait of its own
 * (both requests are on their way at once). A module that cannot load rejects
 * as a `network` error, which the element shows with its "Try again"; trying
 * again loads the module again.
 */
export async function withModule<T, R>(module: LazyModule<T>, data: Promise<R>, what: string): Promise<[T, R]> {
  return Promise.all([loadOrNetworkError(module, what), data]);
}

/** `module.load()`, a failure turned into a `network` error the element shows with its "Try again". */
export function loadOrNetworkError<T>(module: LazyModule<T>, what: string): Promise<T> {
  return module.load().catch((error: unknown) => {
    throw new PartnerKitError('network', `${what} could not load.`, { cause: error });
  });
}
