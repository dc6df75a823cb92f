/** The invite wizard's strings of the steps after Contact Selection (English); they load with those steps. */
export const inviteWizardLaterStepsEn = {
  'invite-wizard.invite-more': 'Invite someone else',

  'invite-wizard.general.heading': 'General info for {name}',
  'invite-wizard.general.intro':
    'All fields are optional. {name} sees them when registering and can correct them. Your contact record is not changed.',
  'invite-wizard.general.time-zone.none': 'Not set',
  'invite-wizard.mls.heading': 'MLS info for {name}',
  'invite-wizard.mls.intro': "{name}'s licence and MLS details. All fields are optional.",

  'invite-wizard.images.heading': 'Images for {name}',
  'invite-wizard.images.intro': "A profile photo and a logo for {name}'s co-branded materials. Both are optional.",
  'invite-wizard.images.drop': 'Drop an image here, or',
  'invite-wizard.images.drop-replace': 'Drop another image here to replace it, or',
  'invite-wizard.images.choose': 'Choose image',
  'invite-wizard.images.replace': 'Replace image',
  'invite-wizard.images.remove': 'Remove image',
  'invite-wizard.images.retry': 'Retry upload',
  'invite-wizard.images.hint': 'PNG, JPEG or WebP, up to 5 MB.',
  'invite-wizard.images.preview-alt': '{label} preview',
  'invite-wizard.images.unavailable': 'The current image cannot be shown.',
  'invite-wizard.images.unnamed': 'This file',
  'invite-wizard.images.uploading': 'Uploading the {label}…',
  'invite-wizard.images.uploaded': 'The {label} was uploaded.',
  'invite-wizard.images.removed': 'The {label} was removed.',
  'invite-wizard.images.error.type': '“{name}” is not a PNG, JPEG or WebP image. Choose another file.',
  'invite-wizard.images.error.size': '“{name}” is {size}; images can be at most {max}. Choose a smaller image.',
  'invite-wizard.images.error.empty': '“{name}” is empty. Choose another file.',
  'invite-wizard.images.error.upload': 'The image could not be uploaded. {reason}',
  'invite-wizard.images.error.interrupted': 'The upload was interrupted. Retry it, or remove the image.',
  'invite-wizard.images.error.unavailable': 'Images cannot be uploaded on this site.',
  'invite-wizard.images.error.pending':
    'An image could not be uploaded. Go back to Images to retry the upload or remove the image, then confirm again.',

  'invite-wizard.review.create.heading': "Let's create {name}'s co-marketing account",
  'invite-wizard.review.create.intro': 'You will be able to create co-marketing materials immediately after account creation.',
  'invite-wizard.review.link.heading': "Let's connect with {name}",
  'invite-wizard.review.link.intro':
    "{name} is already an agent user. You can still co-market together, but to unlock cost-splitting on print jobs and access to their profile, you'll need to send {name} an email inviting them to partner with you.",
  'invite-wizard.review.partner': 'Co-marketing partner',
  'invite-wizard.review.name': 'Name',
  'invite-wizard.review.email': 'Email address',
  'invite-wizard.review.image-added': 'Added',
  'invite-wizard.review.print-note':
    'Co-branded materials cannot be sent to a printer (cost sharing) until {name} accepts the invitation.',
  'invite-wizard.review.create.question': 'Send email notification to {name} that the account is created?',
  'invite-wizard.review.link.question': 'Send email notification to {name} requesting to partner with you?',
  'invite-wizard.review.send.yes': 'Yes, send email',
  'invite-wizard.review.send.no': "No, don't send email; I'll reach out directly",
  'invite-wizard.review.send.required': 'Choose whether to send an email.',
  'invite-wizard.review.create.confirm': 'Confirm and Create Account',
  'invite-wizard.review.link.confirm': 'Confirm and Link Accounts',
  'invite-wizard.review.creating': 'Creating the account…',
  'invite-wizard.review.linking': 'Linking the accounts…',

  'invite-wizard.preview.heading': 'Preview the invitation',
  'invite-wizard.preview.intro': 'This email goes to {count} recipients when you send the invitation.',
  'invite-wizard.preview.intro.one': 'This email goes to the recipient when you send the invitation.',
  'invite-wizard.preview.recipients': 'Recipients',
  'invite-wizard.preview.connected.heading': 'Already connected',
  'invite-wizard.preview.connected.body':
    'You are already connected with these partners, so they get no new invitation. You can send their invitation email again instead.',
  'invite-wizard.preview.email': 'Invitation email',
  'invite-wizard.preview.subject': 'Subject:',
  'invite-wizard.preview.frame-title': 'Invitation email preview',
  'invite-wizard.preview.loading': 'Loading the preview…',
  'invite-wizard.preview.error': 'The preview could not be loaded.',
  'invite-wizard.preview.send': 'Send {count} invitations',
  'invite-wizard.preview.send.one': 'Send invitation',
  'invite-wizard.preview.sending': 'Sending…',

  'invite-wizard.connected.heading': 'You are already connected',
  'invite-wizard.connected.intro.one':
    '{name} is already one of your co-marketing partners. Instead of a duplicate invitation, you can send the invitation email again.',
  'invite-wizard.connected.intro':
    'These {count} people are already your co-marketing partners. Instead of duplicate invitations, you can send their invitation emails again.',

  'invite-wizard.resend.button': 'Send email again',
  'invite-wizard.resend.label': 'Send email again to {name}',
  'invite-wizard.resend.sent': 'Email sent again',
  'invite-wizard.resend.done': 'The invitation email was sent again to {name}.',

  'invite-wizard.results.heading': 'Invitation results',
  'invite-wizard.results.summary': 'Sent: {sent}. Already connected: {connected}. Failed: {failed}.',
  'invite-wizard.results.caption': 'Result for each recipient',
  'invite-wizard.results.recipient': 'Recipient',
  'invite-wizard.results.result': 'Result',
  'invite-wizard.results.actions': 'Actions',
  'invite-wizard.results.sent': 'Invitation sent',
  'invite-wizard.results.connected': 'Already connected',
  'invite-wizard.results.failed': 'Failed',
  'invite-wizard.results.retry': 'Retry the failed ones ({count})',
  'invite-wizard.results.fix-hint':
    'Some invitations failed for a reason that retrying cannot fix. Start again with corrected addresses to invite them.',

  'invite-wizard.done.created': "{name}'s co-marketing account was created",
  'invite-wizard.done.linked': 'Your account is now linked with {name}',
  'invite-wizard.done.created.emailed': 'We emailed {name} an invitation to set up their account and partner with you.',
  'invite-wizard.done.linked.emailed': 'We emailed {name} an invitation to partner with you.',
  'invite-wizard.done.not-emailed':
    'No email was sent. You can send it at any time from your co-marketing partners with Send Email.',
  'invite-wizard.done.status': 'Status:',
} as const;
