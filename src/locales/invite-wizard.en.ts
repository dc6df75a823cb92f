/**
 * The invite wizard's strings (English). The wording of seeds 000 and 001 where they have one.
 * The strings of the steps after Contact Selection are in invite-wizard.later-steps.en.ts: they
 * load with those steps.
 */
import { inviteWizardLaterStepsEn } from './invite-wizard.later-steps.en.js';
import { combineCatalogues } from './combine.js';

/** What the wizard shows before its later steps load: the states, Contact Selection, the errors. */
export const inviteWizardFirstStepEn = {
  'invite-wizard.title': 'Create Co-Marketing Connection',
  'invite-wizard.loading': 'Loading…',
  'invite-wizard.load-error.heading': 'The invitation form could not be opened',
  'invite-wizard.retry': 'Try again',
  'invite-wizard.not-permitted.heading': "You can't invite co-marketing partners",
  'invite-wizard.not-permitted.body':
    'Only loan officers can invite new co-marketing connections. You can still see and remove your existing connections.',
  'invite-wizard.unavailable.heading': 'Invitations are not available here',
  'invite-wizard.unavailable.body': 'This site does not support sending co-marketing invitations.',

  'invite-wizard.stepper.label': 'Steps',
  'invite-wizard.stepper.done': '(completed)',
  'invite-wizard.step.contacts': 'Contact Selection',
  'invite-wizard.step.general': 'General Info',
  'invite-wizard.step.mls': 'MLS Info',
  'invite-wizard.step.images': 'Images',
  'invite-wizard.step.review': 'Review and Confirm',
  'invite-wizard.step.preview': 'Send Invitation',
  'invite-wizard.step.connected': 'Already Connected',

  'invite-wizard.cancel': 'Cancel',
  'invite-wizard.back': 'Back',
  'invite-wizard.next': 'Next',
  'invite-wizard.close': 'Close',
  'invite-wizard.checking': 'Checking…',
  'invite-wizard.create-invitation': 'Create Invitation',

  'invite-wizard.draft.restored': 'We kept what you entered last time.',
  'invite-wizard.draft.start-over': 'Start over',
  'invite-wizard.start.no-email':
    '{name} has no email address in your contacts. Type their email address below to invite them.',

  'invite-wizard.contacts.heading': 'Who do you want to co-market with?',
  'invite-wizard.contacts.buttons':
    'Create Invitation shows the invitation email before it is sent. Next lets you set up the profile of one new partner.',
  'invite-wizard.contacts.buttons.no-prefill': 'Create Invitation and Next both show the invitation email before it is sent.',

  'invite-wizard.recipients.label': "Enter your connection's email address for Co-Marketing",
  'invite-wizard.recipients.hint':
    'Type or paste one or more email addresses, separated by commas, semicolons, spaces or new lines.',
  'invite-wizard.recipients.hint.search':
    'Type or paste one or more email addresses, separated by commas, semicolons, spaces or new lines, or search your contacts by name.',
  'invite-wizard.recipients.chips-label': 'Recipients ({count})',
  'invite-wizard.recipients.chip-hint': 'Press Enter to edit, Delete to remove, arrow keys to move between recipients.',
  'invite-wizard.recipients.chip-invalid': '(not a valid email address)',
  'invite-wizard.recipients.remove': 'Remove {email}',
  'invite-wizard.recipients.removed': 'Removed {email}.',
  'invite-wizard.recipients.editing': 'Editing {text}.',
  'invite-wizard.recipients.added': '{count} recipients added.',
  'invite-wizard.recipients.added.one': '1 recipient added.',
  'invite-wizard.recipients.added-invalid': '{count} of them are not valid email addresses.',
  'invite-wizard.recipients.added-invalid.one': '1 of them is not a valid email address.',
  'invite-wizard.recipients.duplicates': 'Already in the list: {emails}.',
  'invite-wizard.recipients.invalid': '{count} entries are not valid email addresses. Edit or remove them.',
  'invite-wizard.recipients.invalid.one': '“{text}” is not a valid email address. Edit or remove it.',
  'invite-wizard.recipients.listbox-label': 'Contacts',
  'invite-wizard.recipients.option.no-email': 'No email address',
  'invite-wizard.recipients.option.added': 'added',
  'invite-wizard.recipients.contact-added': 'Added {name}.',
  'invite-wizard.recipients.contact-no-email': '{name} has no email address and cannot be invited from here.',
  'invite-wizard.recipients.search.pending': 'Searching contacts…',
  'invite-wizard.recipients.search.none': 'No contacts match “{query}”.',
  'invite-wizard.recipients.search.count': '{count} contacts found.',
  'invite-wizard.recipients.search.count.one': '1 contact found.',
  'invite-wizard.recipients.search.error': 'Contacts could not be searched. Keep typing to try again.',

  'invite-wizard.error.no-recipients': 'Enter at least one email address, or choose a contact.',
  'invite-wizard.error.fix-invalid': '{count} entries are not valid email addresses. Edit or remove them to continue.',
  'invite-wizard.error.fix-invalid.one': 'One entry is not a valid email address. Edit or remove it to continue.',
  'invite-wizard.error.fields': 'Please correct the highlighted fields ({count}).',
  'invite-wizard.error.network': 'The server could not be reached. Check your connection and try again.',
  'invite-wizard.error.timeout': 'The server took too long to answer. Try again.',
  'invite-wizard.error.unauthorized': 'Your session has ended. Sign in again, then try again.',
  'invite-wizard.error.forbidden': 'You are not allowed to do this.',
  'invite-wizard.error.not-found': 'Something this needs no longer exists.',
  'invite-wizard.error.conflict': 'This conflicts with an existing connection.',
  'invite-wizard.error.rate-limited': 'Too many requests. Wait a moment, then try again.',
  'invite-wizard.error.rate-limited-after': 'Too many requests. Try again in {seconds} seconds.',
  'invite-wizard.error.validation': 'Some details were not accepted.',
  'invite-wizard.error.contract': 'The server sent an unexpected answer. Try again; if it keeps happening, contact support.',
  'invite-wizard.error.unknown': 'Something went wrong. Try again.',
  'invite-wizard.error.try-again-hint': 'Nothing you entered was lost, and trying again cannot create anything twice.',
} as const;

/**
 * Every string of the wizard (its message keys; the Spanish catalogue has each of them). Marked
 * pure so that a bundle which does not use it (the wizard itself) leaves the later steps' strings
 * to load with them.
 */
export const inviteWizardEn = /* @__PURE__ */ combineCatalogues(inviteWizardFirstStepEn, inviteWizardLaterStepsEn);
