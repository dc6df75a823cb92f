import { PartnerRegistration } from './partner-registration.component.js';

export { PartnerRegistration };
export type { RegisteredDetail, RegistrationStep } from './partner-registration.component.js';

PartnerRegistration.define('partner-registration');

declare global {
  interface HTMLElementTagNameMap {
    'partner-registration': PartnerRegistration;
  }
}
