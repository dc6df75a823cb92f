import { partnerTableViewsEn } from './partner-table.views.en.js';
import { combineCatalogues } from './combine.js';

/**
 * English strings of `<partner-table>` (merged into the `en` catalogue).
 * The action names are the product's own wording (seeds 000 and 001).
 */
export const partnerTableListEn = {
  'partner-table.caption': 'Co-marketing partners',
  'partner-table.search.label': 'Search partners',
  'partner-table.search.placeholder': 'Name or email',
  'partner-table.filter.label': 'Status',
  'partner-table.filter.all': 'All statuses ({count})',
  'partner-table.filter.all.plain': 'All statuses',
  'partner-table.filter.option': '{status} ({count})',
  'partner-table.count': '{count} partners',
  'partner-table.count.one': '{count} partner',
  'partner-table.count.loaded': '{loaded} of {total} partners loaded',
  'partner-table.invite': 'Invite New Connections',

  'partner-table.column.name': 'Name',
  'partner-table.column.email': 'Email',
  'partner-table.column.status': 'Status',
  'partner-table.column.completion': 'Profile completion',
  'partner-table.column.allowsUpdates': 'Allows profile updates',
  'partner-table.column.invitedAt': 'Invited',
  'partner-table.column.updatedAt': 'Updated',
  'partner-table.column.reminders': 'Reminders',
  'partner-table.column.actions': 'Actions',
  'partner-table.sorted.ascending': 'Sorted by {column}, ascending.',
  'partner-table.sorted.descending': 'Sorted by {column}, descending.',
  'partner-table.results': '{count} partners found.',
  'partner-table.results.one': '{count} partner found.',

  'partner-table.allows.yes': 'Yes',
  'partner-table.allows.no': 'No',
  'partner-table.unnamed': 'Name not known yet',

  'partner-table.reminder.none': 'No reminders',
  'partner-table.reminder.pending-invitation': 'Invitation: {sent}/{total} sent',
  'partner-table.reminder.incomplete-profile': 'Profile: {sent}/{total} sent',
  'partner-table.reminder.next': 'Next {date}',
  'partner-table.reminder.done': 'All reminders sent',

  'partner-table.actions.button': 'Actions',
  'partner-table.actions.label': 'Actions for {name}',
  'partner-table.action.edit': 'Edit',
  'partner-table.action.delete': 'Delete',
  'partner-table.action.copy-link': 'Copy Invitation Link',
  'partner-table.action.private-email': 'Send Private Email',
  'partner-table.action.private-email.loading': 'Send Private Email (preparing the link…)',
  'partner-table.action.private-email.unavailable': 'Send Private Email (the link could not be loaded)',
  'partner-table.action.send-email': 'Send Email',

  'partner-table.loading': 'Loading co-marketing partners…',
  'partner-table.updating': 'Updating…',
  'partner-table.loading-more': 'Loading more partners…',
  'partner-table.load-more-failed': 'More partners could not be loaded.',
  'partner-table.retry': 'Retry',
  'partner-table.close': 'Close',
  'partner-table.cancel': 'Cancel',
  'partner-table.dismiss': 'Dismiss',

  'partner-table.empty.title': 'No co-marketing partners yet',
  'partner-table.empty.invite': 'Invite the agents you work with to co-market with them.',
  'partner-table.empty.no-invite': 'Your co-marketing connections will appear here.',
  'partner-table.no-results.title': 'No partners match',
  'partner-table.no-results.search': 'Nothing matches “{search}” with this status filter.',
  'partner-table.no-results.filter': 'No partner has this status.',
  'partner-table.no-results.clear': 'Clear search and filter',

  'partner-table.error.title': 'The partners could not be loaded',
  'partner-table.error.network': 'The connection failed. Check your network and try again.',
  'partner-table.error.timeout': 'The server took too long to answer.',
  'partner-table.error.unauthorized': 'Your session has ended. Sign in again.',
  'partner-table.error.forbidden': 'You are not allowed to do this.',
  'partner-table.error.not_found': 'This partner no longer exists.',
  'partner-table.error.conflict': 'Someone changed this partner at the same time.',
  'partner-table.error.rate_limited': 'Too many requests. Wait a moment and try again.',
  'partner-table.error.validation': 'Some information was not accepted.',
  'partner-table.error.contract': 'The server sent data partner-kit cannot use.',
  'partner-table.error.unknown': 'Something went wrong.',
  'partner-table.error.details': 'Details: {message}',

  'partner-table.copy.done': 'The invitation link for {name} was copied to the clipboard.',
  'partner-table.copy.failed': 'The invitation link for {name} could not be loaded. {reason}',
  'partner-table.copy.title': 'Copy the invitation link',
  'partner-table.copy.instructions':
    'Your browser did not allow copying. The link below is selected: press Ctrl+C (⌘C on a Mac) to copy it, then paste it into an email or a message to {name}.',
  'partner-table.copy.field': 'Invitation link for {name}',

  'partner-table.mail.subject': 'Your invitation to co-market with {sender}',
  'partner-table.mail.body': 'Hi {name},\n\nI would like to co-market with you. Create your account with this link:\n{link}\n\nThank you,\n{sender}',

  'partner-table.resend.done': 'The invitation email was sent to {name}.',
  'partner-table.resend.failed': 'The invitation email to {name} was not sent. {reason}',

  'partner-table.delete.title': 'Delete {name}?',
  'partner-table.delete.body':
    '{name} ({email}) will be removed from your co-marketing partners. You can invite them again later.',
  'partner-table.delete.confirm': 'Delete',
  'partner-table.delete.done': '{name} was deleted.',
  'partner-table.delete.failed': '{name} could not be deleted and is back in the list. {reason}',

  'partner-table.edit.saved': 'The profile of {name} was saved.',
  'partner-table.edit.unavailable': "The profile editor for {name} could not load. Check your network and try again.",

  'partner-table.detail.loading': 'Loading partner details…',
  'partner-table.detail.error': 'The partner details could not be loaded.',

  'partner-table.invite.title': 'Invite New Connections',
  'partner-table.invite.loading': 'Loading the invitation wizard…',
  'partner-table.invite.unavailable': 'The invitation wizard is not loaded on this page.',
} as const;

/**
 * Every string of the table (its message keys; the Spanish catalogue has each of them). Marked
 * pure so that a bundle which does not use it (the table itself) leaves the views' strings out.
 */
export const partnerTableEn = /* @__PURE__ */ combineCatalogues(partnerTableListEn, partnerTableViewsEn);
