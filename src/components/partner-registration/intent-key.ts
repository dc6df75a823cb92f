import { newIdempotencyKey } from '../../adapter/idempotency.js';

/**
 * One idempotency key per user intent. Asking again for the same intent (a
 * retry after a failure, a second click) gives the same key, so the backend
 * acts once whatever the network did; a different intent (another address,
 * an edited profile) or an intent that already succeeded gets a new key.
 */
export class IntentKey {
  #intent: string | null = null;
  #key: string | null = null;

  /** The key for `intent`, a fingerprint of what is being sent. */
  for(intent: string): string {
    if (this.#key === null || this.#intent !== intent) {
      this.#key = newIdempotencyKey();
      this.#intent = intent;
    }
    return this.#key;
  }

  /** The intent succeeded: whatever is asked next is a new intent. */
  settle(): void {
    this.#intent = null;
    this.#key = null;
  }
}
