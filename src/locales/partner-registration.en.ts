/**
 * `<partner-registration>`: the invited partner's side (seed 001). The verify
 * step keeps the product's own wording ("Please Verify Your Email", "Send
 * Email", "Already have an account? Login here."). The strings of the steps
 * after the first are in partner-registration.later-steps.en.ts: they load
 * with those steps.
 */
import { combineCatalogues } from './combine.js';
import { partnerRegistrationLaterStepsEn } from './partner-registration.later-steps.en.js';

/**
 * What the element shows before its later steps load: loading, the verify step, the states of an
 * invitation or a link that cannot be used, the errors, and what sending the email announces.
 */
export const partnerRegistrationFirstStepEn = {
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
  'registration.later-steps-error.heading': "We couldn't load the next step",

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

  'registration.sent.announce': 'Email sent to {email}. The link works for {minutes} minutes.',
  'registration.sent.announce-again': 'A new email was sent to {email}. The link works for {minutes} minutes.',
  'registration.new-email': 'Send a new email',
} as const;

/**
 * Every string of the element (its message keys; the Spanish catalogue has each of them). Marked
 * pure so that a bundle which does not use it (the element itself) leaves the later steps'
 * strings to load with them.
 */
export const partnerRegistrationEn = /* @__PURE__ */ combineCatalogues(partnerRegistrationFirstStepEn, partnerRegistrationLaterStepsEn);
