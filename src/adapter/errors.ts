/**
 * The one error class of the kit. Every adapter failure reaches an element as a
 * `PartnerKitError` with a `code`, so elements branch on codes, never on
 * messages or HTTP statuses.
 */
export const ERROR_CODES = [
  'network',
  'timeout',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'rate_limited',
  'validation',
  'contract',
  'unknown',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface PartnerKitErrorOptions {
  /** HTTP status, when the error came from HTTP. */
  status?: number;
  /** Seconds to wait before retrying (`rate_limited`, or a 503 `network` error, from `Retry-After`). */
  retryAfter?: number;
  /**
   * Per-field messages (`validation`), keyed by the input field's path:
   * `email`, `profile.zip`, `clients.0.email`, `labels.2`.
   */
  fieldErrors?: Record<string, string>;
  /** The adapter method that failed (`contract`, and set by the validating wrapper). */
  method?: string;
  /** The field path in the response that failed its schema (`contract`). */
  path?: string;
  cause?: unknown;
}

export class PartnerKitError extends Error {
  override readonly name = 'PartnerKitError';
  readonly code: ErrorCode;
  readonly status: number | undefined;
  readonly retryAfter: number | undefined;
  readonly fieldErrors: Readonly<Record<string, string>>;
  readonly method: string | undefined;
  readonly path: string | undefined;

  constructor(code: ErrorCode, message: string, options: PartnerKitErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = options.status;
    this.retryAfter = options.retryAfter;
    this.fieldErrors = Object.freeze({ ...(options.fieldErrors ?? {}) });
    this.method = options.method;
    this.path = options.path;
  }

  /** Whether trying the same request again may succeed. */
  get retryable(): boolean {
    return this.code === 'network' || this.code === 'timeout' || this.code === 'rate_limited';
  }

  toJSON() {
    return {
      code: this.code,
      message: this.message,
      status: this.status,
      retryAfter: this.retryAfter,
      fieldErrors: this.fieldErrors,
      method: this.method,
      path: this.path,
    };
  }
}

export function isPartnerKitError(value: unknown): value is PartnerKitError {
  return value instanceof PartnerKitError ||
    (typeof value === 'object' && value !== null && (value as { name?: unknown }).name === 'PartnerKitError' &&
      typeof (value as { code?: unknown }).code === 'string');
}

/** True for the rejection of an aborted signal: callers ignore these. */
export function isAbortError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    ((error as { name?: unknown }).name === 'AbortError')
  );
}

/** Turns anything an adapter threw into a PartnerKitError (abort errors pass through untouched). */
export function toPartnerKitError(error: unknown, method?: string): PartnerKitError | DOMException {
  if (isAbortError(error)) return error as DOMException;
  if (isPartnerKitError(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  const options: PartnerKitErrorOptions = { cause: error };
  if (method !== undefined) options.method = method;
  return new PartnerKitError(
    'unknown',
    method ? `${method} failed: ${message}` : message,
    options,
  );
}

/** The rejection every adapter uses for an aborted signal. */
export function abortError(signal?: AbortSignal): DOMException {
  const reason: unknown = signal?.reason;
  if (reason instanceof DOMException && reason.name === 'AbortError') return reason;
  return new DOMException('The operation was aborted.', 'AbortError');
}
