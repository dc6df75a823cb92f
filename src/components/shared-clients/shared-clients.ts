import { SharedClients } from './shared-clients.component.js';

export { SharedClients };
export type {
  RealtorFilterChangeDetail,
  RecordsWithheldDetail,
  SharedClientsPerspective,
} from './shared-clients.component.js';

SharedClients.define('shared-clients');

declare global {
  interface HTMLElementTagNameMap {
    'shared-clients': SharedClients;
  }
}
