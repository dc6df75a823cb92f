/**
 * `<partner-registration>`'s strings of the steps after the first (English): the email sent, the
 * emailed link's outcome, the profile and done. They load with those steps (later-steps.ts).
 */
export const partnerRegistrationLaterStepsEn = {
  'registration.sent.heading': 'Check your email',
  'registration.sent.body': 'We sent an email to {email}. Open it and select "Create your account" to continue.',
  'registration.sent.expires': 'The link works until {time}.',
  'registration.sent.remaining': 'Time left: {remaining}.',
  'registration.sent.expired': 'The link in that email expired at {time}. Send a new email to get a fresh link.',
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
  'registration.image.unavailable': 'Your current image cannot be shown. Upload a new one, or keep it as it is.',
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
