/**
 * HTTP building blocks of the REST adapter: status → error code, the error
 * body, Retry-After, backoff and abortable waits. No fetch here, so each rule
 * is testable on its own.
 */
import { PartnerKitError, abortError } from '../errors.js';
import type { ErrorCode } from '../errors.js';

/** The error code of a non-2xx HTTP status (see docs/rest-api.md, "Errors"). */
export function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 400:
    case 422:
      return 'validation';
    case 401:
      return 'unauthorized';
    case 403:
      return 'forbidden';
    case 404:
    case 410:
      return 'not_found';
    case 408:
      return 'timeout';
    case 409:
    case 412:
      return 'conflict';
    case 429:
      return 'rate_limited';
    // Not Implemented is permanent: retrying it can never succeed.
    case 501:
      return 'unknown';
    default:
      return status >= 500 && status <= 599 ? 'network' : 'unknown';
  }
}

const MAX_MESSAGE_LENGTH = 500;
const MAX_FIELD_ERRORS = 200;

/**
 * Seconds to wait from a `Retry-After` value: delay-seconds (decimals
 * tolerated) or an HTTP date. `undefined` when absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  if (/^\d+(?:\.\d+)?$/.test(trimmed)) return Number(trimmed);
  // Only real HTTP dates: Date.parse also accepts bare numbers like "-1".
  if (!/[a-z]/i.test(trimmed)) return undefined;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

interface ErrorBody {
  message?: string;
  fieldErrors?: Record<string, string>;
}

/** Reads `{ error: { message, fieldErrors } }`, ignoring anything malformed. */
export function readErrorBody(text: string): ErrorBody {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return {};
  }
  const error = isRecord(parsed) ? parsed['error'] : undefined;
  if (!isRecord(error)) return {};
  const body: ErrorBody = {};
  const message = error['message'];
  if (typeof message === 'string' && message.trim() !== '') body.message = message.slice(0, MAX_MESSAGE_LENGTH);
  const fieldErrors = error['fieldErrors'];
  if (isRecord(fieldErrors)) {
    const fields: Record<string, string> = {};
    let kept = 0;
    for (const [field, fieldMessage] of Object.entries(fieldErrors)) {
      if (kept >= MAX_FIELD_ERRORS) break;
      if (typeof fieldMessage !== 'string') continue;
      fields[field] = fieldMessage.slice(0, MAX_MESSAGE_LENGTH);
      kept += 1;
    }
    if (kept > 0) body.fieldErrors = fields;
  }
  return body;
}

/** The PartnerKitError for a non-2xx response of adapter method `method`. */
export function errorFromResponse(method: string, response: Response, bodyText: string): PartnerKitError {
  const code = codeForStatus(response.status);
  const body = readErrorBody(bodyText);
  const statusText = response.statusText ? ` ${response.statusText}` : '';
  const message = body.message ?? `${method} failed with HTTP ${response.status}${statusText}.`;
  const retryAfter =
    response.status === 429 || response.status === 503
      ? parseRetryAfter(response.headers.get('Retry-After'))
      : undefined;
  return new PartnerKitError(code, message, {
    status: response.status,
    method,
    ...(retryAfter === undefined ? {} : { retryAfter }),
    ...(body.fieldErrors === undefined ? {} : { fieldErrors: body.fieldErrors }),
  });
}

/** Failures for which the same request may succeed later. */
export function isTransient(error: PartnerKitError): boolean {
  return error.code === 'network' || error.code === 'timeout' || error.code === 'rate_limited';
}

/**
 * Capped exponential backoff with full jitter: a uniform delay in
 * [0, min(maxMs, baseMs · 2^attempt)), attempt counting from 0.
 */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** attempt);
  return Math.floor(random() * ceiling);
}

/** Resolves after `ms`; rejects with the AbortError as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError(signal));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Settles like `promise`, or rejects with the signal's reason once it aborts. */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as unknown);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as unknown);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error as Error);
      },
    );
  });
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
