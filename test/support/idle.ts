/**
 * Keeps idle-time work (the prefetch of lazily loaded views) from running
 * while the tests of the calling `describe` block run, so that a test decides
 * when a lazy module loads: a held-back callback never runs.
 */
export function holdBackIdleWork(): void {
  const original = window.requestIdleCallback;
  before(() => {
    window.requestIdleCallback = () => 0;
  });
  after(() => {
    window.requestIdleCallback = original;
  });
}
