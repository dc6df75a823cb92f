/**
 * `<partner-registration>`: the invited partner's side (seed 001). The verify
 * step keeps the product's own wording ("Please Verify Your Email", "Send
 * Email", "Already have an account? Login here.").
 */
export const partnerRegistrationEn = {
  'registration.loading': 'Loading your invitation…',
  'registration.verifying': 'Checking your link…',
  'registration.retry': 'Try again',

  'registration.invitation-invalid.heading': 'This invitation link is not valid',
  'registration.invitation-invalid.body':
    'Check that you opened the whole link from the invitation email, or ask the person who invited you to send the invitation again.',
  'registration.invitation-accepted.heading': 'This invitation has already been accepted',
  'registration.invitation-accepted.body': 'Your account is already set up. Log in to continue.',
  'registration.unavailable.heading': 'Registration is not available',
  'registration.unavailable.body': 'This page cannot register partners. Contact the person who invited you.',
  'registration.load-error.heading': "We couldn't load your invitation",
  'registration.verify-error.heading': "We couldn't check your link",

  'registration.error.network': "We couldn't reach the server. Check your connection and try again.",
  'registration.error.timeout': 'The server took too long to answer. Try again.',
  'registration.error.rate_limited': 'Too many attempts. Wait a moment and try again.',
  'registration.error.rate_limited.wait': 'Too many attempts. Try again in {duration}.',
  'registration.error.unauthorized': 'Your session has ended. Reload the page and try again.',
  'registration.error.forbidden': 'Verify your email address before you continue.',
  'registration.error.not_found': 'This invitation no longer exists. Ask the person who invited you to send a new one.',
  'registration.error.conflict': 'This invitation has already been accepted. Log in to continue.',
  'registration.error.validation': 'Some details are not valid. Check the highlighted fields.',
  'registration.error.contract': 'Something went wrong on our side. Try again later.',
  'registration.error.unknown': 'Something went wrong. Try again.',

  'registration.verify.heading': 'Please Verify Your Email',
  'registration.verify.intro': "We'll send you a message with a link to create your account.",
  'registration.verify.invited-by': '{name} invited you to co-market together.',
  'registration.verify.email-label': 'Email Address',
  'registration.verify.submit': 'Send Email',
  'registration.verify.sending': 'Sending…',
  'registration.email.required': 'Enter your email address.',
  'registration.email.invalid': 'Enter a valid email address, like name@example.com.',
  'registration.login.prompt': 'Already have an account?',
  'registration.login.link': 'Login here.',

  'registration.sent.heading': 'Check your email',
  'registration.sent.body': 'We sent an email to {email}. Open it and select "Create your account" to continue.',
  'registration.sent.expires': 'The link works until {time}.',
  'registration.sent.remaining': 'Time left: {remaining}.',
  'registration.sent.expired': 'The link in that email expired at {time}. Send a new email to get a fresh link.',
  'registration.sent.announce': 'Email sent to {email}. The link works for {minutes} minutes.',
  'registration.sent.announce-again': 'A new email was sent to {email}. The link works for {minutes} minutes.',
  'registration.sent.announce-expired': 'The link in the email has expired. Send a new email to continue.',
  'registration.sent.resend': 'Resend email',
  'registration.sent.resend-expired': 'Send a new email',
  'registration.sent.resend-wait': 'You can resend the email in {duration}.',
  'registration.sent.change-email': 'Use a different email address',

  'registration.expired.heading': 'This link has expired',
  'registration.expired.body':
    'For your security, the link in the verification email works for {minutes} minutes. Send a new email to get a fresh link.',
  'registration.expired.announce': 'The verification link has expired.',
  'registration.invalid.heading': "This verification link doesn't work",
  'registration.invalid.body':
    'The link may be incomplete, or a newer email replaced it. Use the link in the most recent email, or send a new one.',
  'registration.new-email': 'Send a new email',

  'registration.profile.heading': 'Complete your profile',
  'registration.profile.intro':
    '{name} filled in some details for you. Check them, correct anything that is wrong and add what is missing. Every field is optional.',
  'registration.profile.account-email': 'Your account email: {email}',
  'registration.profile.general': 'General Info',
  'registration.profile.mls': 'MLS Info',
  'registration.profile.images': 'Images',
  'registration.profile.time-zone-none': 'Choose a time zone',
  'registration.profile.submit': 'Create My Account',
  'registration.profile.submitting': 'Creating your account…',
  'registration.profile.wait-for-upload': 'Wait for the image upload to finish.',

  'registration.image.none': 'No image yet.',
  'registration.image.preview.photo': 'Your profile photo',
  'registration.image.preview.logo': 'Your logo',
  'registration.image.choose.photo': 'Upload a profile photo',
  'registration.image.choose.logo': 'Upload a logo',
  'registration.image.remove.photo': 'Remove the profile photo',
  'registration.image.remove.logo': 'Remove the logo',
  'registration.image.hint': 'PNG, JPEG or WebP, up to {size}.',
  'registration.image.uploading': 'Uploading…',
  'registration.image.type': 'Choose a PNG, JPEG or WebP image.',
  'registration.image.size': 'The image must be {size} or smaller.',
  'registration.image.empty': 'The image file is empty.',
  'registration.image.uploaded.photo': 'Profile photo uploaded.',
  'registration.image.uploaded.logo': 'Logo uploaded.',

  'registration.done.heading': 'Your account is ready',
  'registration.done.body': "You're now connected with {name}. You can start co-marketing together.",
  'registration.done.login': 'Log in to your account',
  'registration.done.announce': 'Registration complete. Your account is ready.',
} as const;
