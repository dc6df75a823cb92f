/**
 * Fault injection for tests and the demo: handlers that make one route of the
 * contract fail the way real networks and servers fail. Put one in front of
 * the normal handlers with `worker.use(...)`:
 *
 * ```ts
 * worker.use(routeFault('getSession', faults.status(429, { retryAfter: '1' }), { baseUrl, once: true }));
 * worker.use(routeFault('listPartners', faults.drop(), { baseUrl }));   // dropped connection
 * worker.use(routeFault('getDeal', faults.delay(500), { baseUrl }));    // slow, then served normally
 * worker.resetHandlers();                                               // back to normal
 * ```
 */
import { HttpResponse, delay, http } from 'msw';
import type { HttpHandler } from 'msw';
import { REST_ROUTES } from '../adapter/rest/routes.js';
import type { RestRouteName } from '../adapter/rest/routes.js';
import { errorResponse, routePattern } from './handlers.js';

export type Fault =
  /** An error response in the contract's format. */
  | {
      type: 'status';
      status: number;
      code: string;
      message: string;
      fieldErrors?: Record<string, string>;
      /** Sent verbatim as `Retry-After`: seconds or an HTTP date. */
      retryAfter?: string;
    }
  /** A response with this exact body (e.g. an HTML error page where JSON was due). */
  | { type: 'body'; status: number; body: string; contentType: string }
  /** The connection drops: `fetch` rejects with a TypeError. */
  | { type: 'drop' }
  /** The server takes `ms` to answer, then answers normally. */
  | { type: 'delay'; ms: number };

const CODE_FOR_STATUS: Record<number, string> = {
  400: 'validation',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  422: 'validation',
  429: 'rate_limited',
};

/** Builders for the faults above. */
export const faults = {
  status(
    status: number,
    options: { code?: string; message?: string; fieldErrors?: Record<string, string>; retryAfter?: string } = {},
  ): Fault {
    const fault: Fault = {
      type: 'status',
      status,
      code: options.code ?? CODE_FOR_STATUS[status] ?? (status >= 500 ? 'server_error' : 'error'),
      message: options.message ?? `Injected HTTP ${status}`,
    };
    if (options.fieldErrors) fault.fieldErrors = options.fieldErrors;
    if (options.retryAfter !== undefined) fault.retryAfter = options.retryAfter;
    return fault;
  },
  body(body: string, options: { status?: number; contentType?: string } = {}): Fault {
    return { type: 'body', status: options.status ?? 200, body, contentType: options.contentType ?? 'text/html' };
  },
  drop(): Fault {
    return { type: 'drop' };
  },
  delay(ms: number): Fault {
    return { type: 'delay', ms };
  },
};

function respond(fault: Fault): Promise<Response | undefined> | Response {
  switch (fault.type) {
    case 'status': {
      const response = errorResponse(fault.status, fault.code, fault.message, {
        ...(fault.fieldErrors ? { fieldErrors: fault.fieldErrors } : {}),
      });
      if (fault.retryAfter !== undefined) response.headers.set('Retry-After', fault.retryAfter);
      return response;
    }
    case 'body':
      return new HttpResponse(fault.body, { status: fault.status, headers: { 'Content-Type': fault.contentType } });
    case 'drop':
      return HttpResponse.error();
    case 'delay':
      // Returning nothing hands the request on to the next matching handler.
      return delay(fault.ms).then(() => undefined);
  }
}

/** A handler that answers `route` with `fault` (every time, or only the next request with `once`). */
export function routeFault(
  route: RestRouteName,
  fault: Fault,
  options: { baseUrl: string; once?: boolean },
): HttpHandler {
  const definition = REST_ROUTES[route];
  const register = http[definition.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'];
  return register(routePattern(options.baseUrl, definition), () => respond(fault), { once: options.once ?? false });
}
