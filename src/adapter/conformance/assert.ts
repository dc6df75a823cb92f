/**
 * The suite's own assertions. It ships inside the package, so it cannot lean
 * on chai or any other test library: these throw plain Errors whose messages
 * say which method broke which promise, with the offending values.
 */
import { isAbortError, isPartnerKitError } from '../errors.js';
import type { ErrorCode, PartnerKitError } from '../errors.js';

/** A broken promise of the adapter contract. */
export class ConformanceError extends Error {
  override readonly name = 'ConformanceError';
}

/** Thrown inside a check to report it as skipped (the adapter cannot do what the check needs). */
export class CheckSkipped extends Error {
  override readonly name = 'CheckSkipped';
}

export function skipCheck(reason: string): never {
  throw new CheckSkipped(reason);
}

/** A short, bounded rendering of a value for a failure message. */
export function show(value: unknown, max = 200): string {
  let text: string;
  if (value === undefined) text = 'undefined';
  else if (typeof value === 'string') text = JSON.stringify(value);
  else if (value instanceof Error) text = `${value.name}: ${value.message}`;
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new ConformanceError(message);
}

export function assertEqual<T>(actual: T, expected: T, message: string): void {
  if (!Object.is(actual, expected)) {
    throw new ConformanceError(`${message}: expected ${show(expected)}, got ${show(actual)}`);
  }
}

/** Describes how a promise settled, for a message. */
function settledDescription(outcome: { ok: true; value: unknown } | { ok: false; error: unknown }): string {
  if (outcome.ok) return `it resolved with ${show(outcome.value)}`;
  const error = outcome.error;
  if (isPartnerKitError(error)) return `it rejected with PartnerKitError '${error.code}': ${error.message}`;
  return `it rejected with ${show(error)}`;
}

async function settle(promise: Promise<unknown>): Promise<{ ok: true; value: unknown } | { ok: false; error: unknown }> {
  try {
    return { ok: true, value: await promise };
  } catch (error) {
    return { ok: false, error };
  }
}

/**
 * Expects `promise` to reject with a PartnerKitError of `code` and returns
 * it. `what` names the call in the message: "moveDeal with a stale expectedVersion".
 */
export async function expectErrorCode(
  promise: Promise<unknown>,
  code: ErrorCode,
  what: string,
): Promise<PartnerKitError> {
  const outcome = await settle(promise);
  if (!outcome.ok && isPartnerKitError(outcome.error) && outcome.error.code === code) return outcome.error;
  throw new ConformanceError(`${what}: expected a PartnerKitError '${code}', but ${settledDescription(outcome)}`);
}

/** Expects `promise` to reject with an AbortError (a DOMException named AbortError or alike). */
export async function expectAbortError(promise: Promise<unknown>, what: string): Promise<void> {
  const outcome = await settle(promise);
  if (!outcome.ok && isAbortError(outcome.error)) return;
  throw new ConformanceError(`${what}: expected an AbortError, but ${settledDescription(outcome)}`);
}

/** Expects `value` to be an absolute http(s) URL. */
export function assertHttpUrl(value: unknown, what: string): void {
  let url: URL | null = null;
  try {
    url = typeof value === 'string' ? new URL(value) : null;
  } catch {
    url = null;
  }
  assert(
    url !== null && (url.protocol === 'http:' || url.protocol === 'https:'),
    `${what}: expected an absolute http(s) URL, got ${show(value)}`,
  );
}

/** Calls `fn` every `intervalMs` until it returns true or `timeoutMs` passes. */
export async function waitFor(fn: () => boolean, timeoutMs: number, intervalMs = 20): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (fn()) return true;
    if (Date.now() >= deadline) return false;
    await delay(intervalMs);
  }
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
