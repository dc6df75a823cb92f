import '../profile-progress/profile-progress.js';
import '../status-badge/status-badge.js';
import { PartnerTable } from './partner-table.component.js';

export { PartnerTable };
export type {
  InviteRequestDetail,
  PartnerDeletedDetail,
  PartnerEventDetail,
  PartnerSort,
  PartnerUpdatedDetail,
} from './partner-table.component.js';

PartnerTable.define('partner-table');

declare global {
  interface HTMLElementTagNameMap {
    'partner-table': PartnerTable;
  }
}
