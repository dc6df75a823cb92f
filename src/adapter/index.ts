export * from './errors.js';
export * from './types.js';
export * from './schemas.js';
export { adapterContext } from './context.js';
export { validateAdapter, hasCapability, describeCapabilities, ADAPTER_METHODS } from './validate.js';
export { parseResponse, parseChange } from './parse.js';
export { newIdempotencyKey } from './idempotency.js';
export { createRestAdapter } from './rest/rest-adapter.js';
