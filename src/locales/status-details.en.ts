/**
 * What each status means, whether co-branded printing is allowed, and the
 * next useful action: the text of `<status-badge>`'s tooltip, in English.
 * The badge's own catalogue, loaded with its tooltip code on the first hover
 * or focus (or when the page is idle); Spanish in `status-details.es.ts`.
 */
export const statusDetailsEn = {
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
} as const;
