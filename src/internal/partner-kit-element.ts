import { property, state } from 'lit/decorators.js';
import { ContextConsumer } from '@lit/context';
import { adapterContext } from '../adapter/context.js';
import { PartnerKitError } from '../adapter/errors.js';
import type { AdapterMethod, PartnerKitAdapter } from '../adapter/types.js';
import { hasCapability, validateAdapter } from '../adapter/validate.js';
import { KitElement } from './kit-element.js';

/**
 * The base class of every partner-kit element that uses data: the adapter
 * (own property or context, always behind the validating boundary), plus
 * `emit()` and `define()` from `KitElement`.
 */
export class PartnerKitElement extends KitElement {
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

}
