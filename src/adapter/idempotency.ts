/** A fresh idempotency key for one user intent (one click → one key). */
export function newIdempotencyKey(): string {
  const cryptoApi = globalThis.crypto;
  if (cryptoApi && typeof cryptoApi.randomUUID === 'function') return cryptoApi.randomUUID();
  return `pk-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}
