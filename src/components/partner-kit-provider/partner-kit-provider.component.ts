import { html, css } from 'lit';
import { property } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import { adapterContext } from '../../adapter/context.js';
import type { PartnerKitAdapter } from '../../adapter/types.js';
import { PartnerKitElement } from '../../internal/partner-kit-element.js';

/**
 * @summary Provides the host's API adapter to every partner-kit element inside it.
 *
 * @slot - The partner-kit elements (and any other markup) that use this adapter.
 *
 * @example
 * ```html
 * <partner-kit-provider id="kit"><partner-table></partner-table></partner-kit-provider>
 * <script type="module">
 *   document.getElementById('kit').adapter = createRestAdapter({ baseUrl: '/api/partner-kit' });
 * </script>
 * ```
 */
export class PartnerKitProvider extends PartnerKitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  private readonly provider = new ContextProvider(this, { context: adapterContext });

  /** The adapter given to every element inside; elements' own `adapter` property wins. */
  @property({ attribute: false }) override adapter: PartnerKitAdapter | undefined;

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('adapter')) this.provider.setValue(this.adapter);
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
