import { PartnerKitProvider } from './partner-kit-provider.component.js';

export { PartnerKitProvider };

PartnerKitProvider.define('partner-kit-provider');

declare global {
  interface HTMLElementTagNameMap {
    'partner-kit-provider': PartnerKitProvider;
  }
}
