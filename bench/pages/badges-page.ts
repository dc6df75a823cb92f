/**
 * 1,000 status badges (kit) against 1,000 plain spans with the same text and
 * tone classes (vanilla). Time from the first element created to the frame
 * that paints them all.
 */
import { INVITE_STATUSES } from '../../src/domain/status.js';
import { exposeBench, flushObservers, observedBetween, waitUntil } from './harness.js';

export interface BadgeVariant {
  /** Appends `statuses.length` badges to `container`; returns the last one (rendered last). */
  mountBadges(container: HTMLElement, statuses: readonly string[]): Element;
  /** The last badge shows its text. */
  rendered(last: Element): boolean;
}

export function exposeBadgesPage(variant: BadgeVariant): void {
  exposeBench({
    async mount(options: { count?: number } = {}) {
      const count = options.count ?? 1000;
      const statuses = Array.from({ length: count }, (_, index) => INVITE_STATUSES[index % INVITE_STATUSES.length] as string);
      const container = document.getElementById('app') as HTMLElement;
      container.style.cssText = 'display: block; overflow: auto;';
      const start = performance.now();
      const last = variant.mountBadges(container, statuses);
      const timed = await waitUntil(() => variant.rendered(last));
      await flushObservers();
      return {
        ready: timed.ready - start,
        painted: timed.painted - start,
        observed: observedBetween(start, timed.painted),
        window: { startTime: start, duration: timed.painted - start },
      };
    },
  });
}
