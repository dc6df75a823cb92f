/**
 * Counts intervals that were started and never cleared (a timer an element
 * left behind after removal). Imported first by the memory pages, before any
 * kit module, so every setInterval goes through it.
 */
const active = new Set<number>();
const setIntervalNative = window.setInterval.bind(window);
const clearIntervalNative = window.clearInterval.bind(window);

window.setInterval = ((handler: TimerHandler, timeout?: number, ...args: unknown[]) => {
  const id = setIntervalNative(handler, timeout, ...args);
  active.add(id);
  return id;
}) as typeof window.setInterval;

window.clearInterval = ((id?: number) => {
  if (id !== undefined) active.delete(id);
  clearIntervalNative(id);
}) as typeof window.clearInterval;

export function activeIntervals(): number {
  return active.size;
}
