import { LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ContextConsumer } from '@lit/context';
import { adapterContext } from '../adapter/context.js';
import { PartnerKitError } from '../adapter/errors.js';
import type { AdapterMethod, PartnerKitAdapter } from '../adapter/types.js';
import { hasCapability, validateAdapter } from '../adapter/validate.js';
import { defineElement } from './define.js';
import type { PartnerKitEventMap, PartnerKitEventName } from './events.js';

type EmitOptions = { cancelable?: boolean };

/**
 * The base class of every partner-kit element: the adapter (own property or
 * context), a typed `emit()`, and a guarded `define()`.
 */
export class PartnerKitElement extends LitElement {
  /**
   * The host adapter for this element. Overrides the one provided by an
   * enclosing `<partner-kit-provider>` (or any `adapterContext` provider).
   */
  @property({ attribute: false }) adapter: PartnerKitAdapter | undefined;

  @state() private contextAdapter: PartnerKitAdapter | undefined;

  constructor() {
    super();
    new ContextConsumer(this, {
      context: adapterContext,
      subscribe: true,
      callback: (value) => {
        this.contextAdapter = value;
      },
    });
  }

  /**
   * The adapter the element uses, already wrapped by the validating boundary.
   * Throws a `contract` PartnerKitError when the given value is not an adapter.
   */
  protected get resolvedAdapter(): PartnerKitAdapter | undefined {
    const raw = this.adapter ?? this.contextAdapter;
    return raw ? validateAdapter(raw) : undefined;
  }

  /** The adapter, or the error saying why there is none usable (for the error state). */
  protected adapterOrError(): PartnerKitAdapter | PartnerKitError {
    try {
      return (
        this.resolvedAdapter ??
        new PartnerKitError(
          'contract',
          `<${this.localName}> has no adapter: set its "adapter" property or wrap it in <partner-kit-provider>.`,
        )
      );
    } catch (error) {
      return error instanceof PartnerKitError ? error : new PartnerKitError('contract', String(error));
    }
  }

  /** Whether the current adapter can do `method` (elements hide what it cannot). */
  protected can(method: AdapterMethod): boolean {
    try {
      return hasCapability(this.resolvedAdapter, method);
    } catch {
      return false;
    }
  }

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
