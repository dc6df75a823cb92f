import { LitElement } from 'lit';
import { defineElement } from './define.js';
import type { PartnerKitEventMap, PartnerKitEventName } from './events.js';

type EmitOptions = { cancelable?: boolean };

/**
 * The light base of every partner-kit element: a typed `emit()` and a guarded
 * `define()`. Elements that never talk to the adapter (status-badge,
 * profile-progress) extend this directly, so they do not carry the adapter
 * boundary and its schemas; elements with data extend `PartnerKitElement`.
 */
export class KitElement extends LitElement {
  /**
   * Dispatches a typed event (bubbles, composed). Returns false when a
   * listener called `preventDefault()` on a cancelable event.
   */
  emit<K extends PartnerKitEventName>(
    name: K,
    ...[detail, options]: PartnerKitEventMap[K] extends CustomEvent<infer D>
      ? undefined extends D
        ? [detail?: D, options?: EmitOptions]
        : [detail: D, options?: EmitOptions]
      : [detail?: undefined, options?: EmitOptions]
  ): boolean {
    const event = new CustomEvent(name, {
      bubbles: true,
      composed: true,
      cancelable: options?.cancelable ?? false,
      detail,
    });
    return this.dispatchEvent(event);
  }

  /** Registers this class under `tagName`, safely (see `defineElement`). */
  static define(tagName: string): void {
    defineElement(tagName, this);
  }
}
