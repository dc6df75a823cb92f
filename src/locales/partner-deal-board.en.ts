import { combineCatalogues } from './combine.js';
import { dealBoardViewsEn } from './partner-deal-board.views.en.js';

/**
 * The strings of `<partner-deal-board>` (seeds 003, 004) that its first load shows: the board,
 * the list, moving deals, and what is said when a view could not load. The form's and the deal
 * view's own strings load with them (`./partner-deal-board.views.en.ts`). `{name}` marks a parameter.
 */
export const dealBoardBaseEn = {
  'dealBoard.label': 'Deals',
  'dealBoard.organisation': 'Organisation',
  'dealBoard.workflow': 'Workflow',
  'dealBoard.show-closed': 'Show closed deals',
  'dealBoard.view': 'View',
  'dealBoard.view.board': 'Board',
  'dealBoard.view.list': 'List',
  'dealBoard.add-deal': 'Add new deal',
  'dealBoard.loading': 'Loading deals…',
  'dealBoard.updating': 'Updating…',
  'dealBoard.retry': 'Try again',
  'dealBoard.dismiss': 'Dismiss',

  'dealBoard.error.title': 'The deals could not be loaded.',
  'dealBoard.error.network': 'The server could not be reached. Check the connection and try again.',
  'dealBoard.error.timeout': 'The server took too long to answer. Try again.',
  'dealBoard.error.unauthorized': 'Your session has ended. Sign in again.',
  'dealBoard.error.forbidden': 'You do not have access to this.',
  'dealBoard.error.not_found': 'This no longer exists.',
  'dealBoard.error.conflict': 'Someone else changed this at the same time.',
  'dealBoard.error.rate_limited': 'Too many requests. Wait a moment and try again.',
  'dealBoard.error.validation': 'Some information is not valid.',
  'dealBoard.error.contract': 'The server sent data that cannot be shown.',
  'dealBoard.error.unknown': 'Something went wrong. Try again.',
  'dealBoard.error.unsupported': 'This connection cannot list workflows and deals.',

  'dealBoard.no-workflows': 'There are no workflows in this organisation yet.',
  'dealBoard.empty.title': 'No deals yet',
  'dealBoard.empty.can-add': 'Add a deal to share it with your broker.',
  'dealBoard.empty.cannot-add': 'Deals shared with you will show here.',
  'dealBoard.column.empty': 'No deals in this stage',
  'dealBoard.column.count': '{count} deals',
  'dealBoard.column.count.one': '{count} deal',
  'dealBoard.column.unassigned': 'Unassigned',
  'dealBoard.column.unassigned-hint': 'These deals are in a stage that is not part of this workflow.',

  'dealBoard.tile.clients': 'Clients',
  'dealBoard.tile.broker': 'Broker: {name}',
  'dealBoard.tile.no-broker': 'No broker yet',
  'dealBoard.tile.labels': 'Labels',
  'dealBoard.tile.created': 'Created {date}',
  'dealBoard.tile.open': 'Open {name}',
  'dealBoard.tile.move': 'Move to…',

  'dealBoard.move.instructions':
    'Press Space or Enter to pick up the deal, the left and right arrow keys to move it to another stage, Space or Enter to drop it, and Escape to cancel.',
  'dealBoard.move.picked-up':
    'Picked up {name} in {stage}. The left and right arrow keys move it, Space or Enter drops it, Escape cancels.',
  'dealBoard.move.over': '{name} over {stage}, stage {position} of {total}.',
  'dealBoard.move.dropped': '{name} moved to {stage}.',
  'dealBoard.move.dropped-same': '{name} dropped back in {stage}. Nothing changed.',
  'dealBoard.move.cancelled': 'Move cancelled. {name} is back in {stage}.',
  'dealBoard.move.failed.conflict': '{name} was changed by someone else at the same time, so it was not moved. It is back in {stage}.',
  'dealBoard.move.failed.forbidden': 'You may not move {name}. It is back in {stage}.',
  'dealBoard.move.failed.network': 'Could not move {name}: the server could not be reached. It is back in {stage}.',
  'dealBoard.move.failed.other': 'Could not move {name}. It is back in {stage}.',
  'dealBoard.move.menu': 'Move {name} to',
  'dealBoard.move.current': 'current stage',
  'dealBoard.live.moved': '{name} moved to {stage}.',

  'dealBoard.list.caption': 'Deals in {workflow}',
  'dealBoard.list.name': 'Deal',
  'dealBoard.list.clients': 'Clients',
  'dealBoard.list.broker': 'Broker',
  'dealBoard.list.stage': 'Stage',
  'dealBoard.list.labels': 'Labels',
  'dealBoard.list.created': 'Created',
  'dealBoard.list.actions': 'Actions',

  'dealBoard.form.created': 'Deal {name} added to {stage}.',
  'dealBoard.form.unavailable': 'The form to add a deal could not load. Check your connection and try again.',
  'dealBoard.deal.unavailable': 'The deal {name} could not be opened. Check your connection and try again.',
} as const;

/**
 * Every string of the board (its message keys; the Spanish catalogue has each of them). Marked
 * pure so that a bundle which does not use it (the board itself) leaves the views' strings out.
 */
export const dealBoardEn = /* @__PURE__ */ combineCatalogues(dealBoardBaseEn, dealBoardViewsEn);
