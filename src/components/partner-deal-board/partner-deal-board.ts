import { PartnerDealBoard } from './partner-deal-board.component.js';

export { PartnerDealBoard };
export type {
  DealBoardChangeDetail,
  DealBoardView,
  DealDocumentDetail,
  DealEventDetail,
  DealMovedDetail,
  DealMoveFailedDetail,
  DealNoteDetail,
} from './partner-deal-board.component.js';

PartnerDealBoard.define('partner-deal-board');

declare global {
  interface HTMLElementTagNameMap {
    'partner-deal-board': PartnerDealBoard;
  }
}
