import { property, state } from 'lit/decorators.js';
import { ContextConsumer } from '@lit/context';
import { adapterContext } from '../adapter/context.js';
import { PartnerKitError } from '../adapter/errors.js';
import type { AdapterMethod, PartnerKitAdapter } from '../adapter/types.js';
import { hasCapability, validateAdapter } from '../adapter/validate.js';
import { KitElement } from './kit-element.js';

/**
 * Connected elements that no provider has answered yet. An element whose
 * `<partner-kit-provider>` is registered after it (the provider's code loaded
 * later, as with the script-tag autoloader, or the tags defined in another
 * order) asked for the adapter before anyone could answer; it asks again when
 * a provider connects. Only connected elements wait, so nothing is kept for
 * elements that left the page (unlike Lit's ContextRoot, which keeps every
 * unanswered request until a provider comes).
 */
const waitingForProvider = new Map<Element, () => void>();

function onProviderConnected(event: Event): void {
  // Lit's `context-provider` event (ContextProviderEvent), sent when a provider connects.
  if ((event as Event & { context?: unknown }).context !== adapterContext) return;
  for (const askAgain of [...waitingForProvider.values()]) askAgain();
}

/** Starts (with the function that asks again) or stops waiting for a provider. */
function waitForProvider(element: Element, askAgain: (() => void) | null): void {
  const before = waitingForProvider.size;
  if (askAgain) waitingForProvider.set(element, askAgain);
  else waitingForProvider.delete(element);
  if (before === 0 && waitingForProvider.size === 1) document.addEventListener('context-provider', onProviderConnected);
  else if (before > 0 && waitingForProvider.size === 0) document.removeEventListener('context-provider', onProviderConnected);
}

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

  private readonly adapterConsumer = new ContextConsumer(this, {
    context: adapterContext,
    subscribe: true,
    callback: (value) => {
      this.contextAdapter = value;
      this.providerAnswered = true;
      waitForProvider(this, null);
    },
  });

  /** A provider answered since the element connected (with an adapter or, for now, without). */
  private providerAnswered = false;

  override connectedCallback(): void {
    super.connectedCallback();
    // The consumer has asked (as a controller, in super.connectedCallback): no answer means no provider yet.
    if (!this.providerAnswered) waitForProvider(this, this.askForAdapter);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.providerAnswered = false;
    waitForProvider(this, null);
  }

  /** Asks the providers above again (a provider connected since this element last asked). */
  private readonly askForAdapter = (): void => {
    if (this.isConnected && !this.providerAnswered) this.adapterConsumer.hostConnected();
  };

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
