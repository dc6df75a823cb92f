/**
 * The core English catalogue: statuses, profile fields and progress, shared
 * by every element. Each element adds its own strings with
 * `registerMessages` (see `./index.ts`), so an element ships only its own
 * catalogue. Every other language falls back to English key by key.
 * `{name}` marks a parameter.
 *
 * The status labels are the exact wording of the product (PRODUCT.md), not
 * translations: hosts search and filter by them.
 */

export const en = {
  'status.label.pending-not-delivered': 'Pending - Email Not Delivered',
  'status.label.pending-delivered': 'Pending - Email Delivered',
  'status.label.pending-opened': 'Pending - Email Opened',
  'status.label.pending-link-clicked': 'Pending - Invitation Link Clicked',
  'status.label.active': 'Active',
  'status.label.profile-created': 'Active - Profile Created',
  'status.label.profile-created-not-sent': 'Active - Profile Created - Email Not Sent',
  'status.label.profile-created-sent': 'Active - Profile Created - Email Sent',
  'status.label.profile-created-not-delivered': 'Active - Profile Created - Email Not Delivered',
  'status.label.profile-created-delivered': 'Active - Profile Created - Email Delivered',
  'status.label.profile-created-opened': 'Active - Profile Created - Email Opened',
  'status.label.profile-created-link-clicked': 'Active - Profile Created - Invitation Link Clicked',
  'status.label.unknown': 'Unknown status',

  'status.description.pending-not-delivered':
    'The invitation email has not been delivered: the address may be invalid or the email bounced. A new invitation shows this for a few minutes until delivery.',
  'status.description.pending-delivered': 'The invitation email was delivered but has not been opened yet.',
  'status.description.pending-opened': 'The partner opened the invitation email but has not accepted it yet.',
  'status.description.pending-link-clicked':
    'The partner clicked the invitation link and started registering, but has not created an account yet.',
  'status.description.active': 'The partner accepted the invitation: the connection is complete.',
  'status.description.profile-created': 'The partner accepted the invitation and signed in: the connection is complete.',
  'status.description.profile-created-not-sent':
    "The partner's account was created, but the invitation email has not been sent.",
  'status.description.profile-created-sent':
    "The partner's account was created and the invitation email was sent; its delivery is not confirmed yet.",
  'status.description.profile-created-not-delivered':
    "The partner's account was created, but the invitation email could not be delivered.",
  'status.description.profile-created-delivered':
    "The partner's account was created and the invitation email was delivered, but it has not been opened yet.",
  'status.description.profile-created-opened':
    "The partner's account was created and the partner opened the invitation email, but has not accepted it yet.",
  'status.description.profile-created-link-clicked':
    "The partner's account was created and the partner clicked the invitation link: they started registering.",
  'status.description.unknown': 'partner-kit does not recognise this status.',

  'status.print.allowed': 'Co-branded materials can be sent to a printer (cost sharing).',
  'status.print.not-allowed':
    'Co-branded materials cannot be sent to a printer until the partner accepts the invitation.',

  'status.hint.check-address-and-resend': 'Next: check the email address and re-send the invitation.',
  'status.hint.wait-for-open': 'Next: wait for the partner to open the email, or re-send it.',
  'status.hint.follow-up': 'Next: follow up with the partner so they accept the invitation.',
  'status.hint.partner-registering': 'Next: nothing to do yet, the partner is registering.',
  'status.hint.send-email': 'Next: send the invitation email.',
  'status.hint.none': 'Nothing else to do.',

  'progress.label.progress': 'Profile completion',
  'progress.label.reminders': 'Account completion',
  'progress.valuetext': '{filled} of {total} fields',
  'progress.valuetext.one': '{filled} of {total} field',
  'progress.show-missing': 'Show missing ({count})',
  'progress.hide-missing': 'Hide missing ({count})',
  'progress.missing-list': 'Missing fields',
  'progress.missing-summary': 'Missing: {fields}',
  'progress.complete': 'All fields complete',

  'field.name': 'Name',
  'field.email': 'Email',
  'field.address': 'Physical address',
  'field.jobTitle': 'Job title',
  'field.timeZone': 'Time zone',
  'field.profilePhoto': 'Profile photo',
  'field.companyPhoto': 'Company photo',
  'field.mls': 'MLS information',
  'field.accountName': 'Account name',
  'field.cellPhone': 'Cell phone',
  'field.officePhone': 'Office phone',
  'field.mlsMarket': 'MLS market',
  'field.mlsAgentId': 'MLS agent ID',
  'field.employer': 'Employer',
  'field.companyLogo': 'Company logo',
  'field.licenseNumber': 'Real-estate state licence number',
  'field.firstName': 'First name',
  'field.lastName': 'Last name',
  'field.company': 'Company',
  'field.street': 'Street address',
  'field.unit': 'Suite, unit, building, floor or other',
  'field.city': 'City',
  'field.state': 'State',
  'field.zip': 'Zip',
  'field.mobilePhone': 'Mobile phone',
  'field.mlsAssociation': 'MLS association',
  'field.photoUrl': 'Profile photo',
  'field.logoUrl': 'Logo',
} as const;
