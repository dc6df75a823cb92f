import { waitUntil as openWcWaitUntil } from '@open-wc/testing';

/** How long a wait gives its condition when the test does not say (open-wc's own default is 1 s). */
const DEFAULT_TIMEOUT_MS = 3000;

/**
 * open-wc's `waitUntil` with a 3 s default limit. On the 2-core CI machine a
 * REST round trip through MSW can stall past 1 s while the other test file
 * runs, and a condition that would have held a moment later failed the run.
 * A wait returns as soon as its condition holds, so the longer limit slows
 * down only a test that is failing anyway.
 */
export function waitUntil(
  predicate: () => unknown | Promise<unknown>,
  message?: string,
  options: { interval?: number; timeout?: number } = {},
): Promise<void> {
  return openWcWaitUntil(predicate, message, { timeout: DEFAULT_TIMEOUT_MS, ...options });
}
