import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../../test/support/wait.js';
import { expectTimeZoneList } from '../../../test/support/time-zones.js';
import { deadImageUrl } from '../../../test/support/images.js';
import { sendKeys } from '@web/test-runner-commands';
import { createBackend, forEachBackend, type Backend, type BackendKind } from '../../../test/support/backends.js';
import { PartnerKitError } from '../../adapter/errors.js';
import { createMemoryAdapter, type MemoryAdapter } from '../../adapter/memory/index.js';
import { VERIFICATION_TTL_MS } from '../../adapter/memory/store.js';
import type { CreateOptions, PartnerKitAdapter } from '../../adapter/types.js';
import type { PartnerProfile } from '../../domain/completion.js';
import { INVITE_STATUSES, isPendingInvitation } from '../../domain/status.js';
import { currentAnnouncement } from '../../internal/live-region.js';
import { setLocale } from '../../locales/index.js';
import './partner-registration.js';
import type { PartnerRegistration } from './partner-registration.component.js';

// ---------------------------------------------------------------------------
// Helpers

const root = (element: PartnerRegistration) => element.shadowRoot!;
const query = <T extends Element = HTMLElement>(element: PartnerRegistration, selector: string) =>
  root(element).querySelector<T & Element>(selector);
const squash = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();
const headingOf = (element: PartnerRegistration) => query(element, '[part~="heading"]');
const heading = (element: PartnerRegistration) => squash(headingOf(element)?.textContent);
const textOf = (element: PartnerRegistration) => squash(root(element).textContent);
const input = (element: PartnerRegistration, id: string) => query<HTMLInputElement>(element, `#${id}`)!;
const buttonNamed = (element: PartnerRegistration, name: string | RegExp) =>
  [...root(element).querySelectorAll<HTMLElement>('button, a')].find((button) =>
    typeof name === 'string' ? squash(button.textContent) === name : name.test(squash(button.textContent)),
  );
const click = (element: PartnerRegistration, name: string | RegExp) => {
  const button = buttonNamed(element, name);
  if (!button) throw new Error(`No button "${String(name)}" in: ${textOf(element)}`);
  button.click();
};
const fieldError = (element: PartnerRegistration, id: string) => {
  const describedBy = input(element, id).getAttribute('aria-describedby') ?? '';
  return squash(describedBy.split(' ').map((ref) => root(element).getElementById(ref)?.textContent ?? '').join(' '));
};

async function selectAll(): Promise<void> {
  await sendKeys({ down: 'Control' });
  await sendKeys({ press: 'KeyA' });
  await sendKeys({ up: 'Control' });
}

/** Types into a field the way a user's input arrives (value set, then an input event). */
function fill(element: PartnerRegistration, id: string, value: string): void {
  const field = input(element, id);
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

async function untilHeading(element: PartnerRegistration, text: string): Promise<void> {
  await waitUntil(() => heading(element) === text, `heading "${text}" (now "${heading(element)}": ${textOf(element).slice(0, 200)})`, {
    timeout: 4000,
  });
}

async function untilAnnounced(text: string, politeness: 'polite' | 'assertive' = 'polite'): Promise<void> {
  await waitUntil(() => currentAnnouncement(politeness).includes(text), `announcement "${text}" (now "${currentAnnouncement(politeness)}")`);
}

/** axe in the light and the dark colour scheme. */
async function expectAccessible(element: HTMLElement): Promise<void> {
  await expect(element).to.be.accessible();
  document.documentElement.dataset.theme = 'dark';
  document.documentElement.style.colorScheme = 'dark';
  try {
    await expect(element).to.be.accessible();
  } finally {
    delete document.documentElement.dataset.theme;
    document.documentElement.style.colorScheme = '';
  }
}

const PENDING = INVITE_STATUSES.filter((status) => isPendingInvitation(status));

/** A partner whose invitation is still pending, and the token its link carries. */
function pendingInvitation(memory: MemoryAdapter): { partnerId: string; token: string; email: string } {
  const partner = memory.store.listPartners({ statuses: PENDING, limit: 1 }).items[0];
  if (!partner) throw new Error('The seed has no pending invitation');
  return { partnerId: partner.id, token: memory.store.invitationToken(partner.id), email: partner.email };
}

let arranged = 0;

/** A new pending invitation whose inviter pre-filled exactly `profile`. */
function invitationWithProfile(memory: MemoryAdapter, profile: PartnerProfile): { partnerId: string; token: string; email: string } {
  const email = `prefilled-${++arranged}@example.com`;
  const partner = memory.store.createPrefilledAccount({ email, profile, sendEmail: true }, `arranged-${arranged}`);
  return { partnerId: partner.id, token: memory.store.invitationToken(partner.id), email };
}

/** The adapter with some methods replaced (the adapters are plain objects of closures). */
function withOverrides(adapter: PartnerKitAdapter, overrides: Partial<PartnerKitAdapter>): PartnerKitAdapter {
  return { ...adapter, ...overrides };
}

interface Call {
  method: string;
  args: unknown[];
}

/** Records every call the element makes (to read the idempotency keys it sent). */
function recording(adapter: PartnerKitAdapter): { adapter: PartnerKitAdapter; calls: Call[]; keys: (method: string) => string[] } {
  const calls: Call[] = [];
  const wrapped: Record<string, unknown> = { ...adapter };
  for (const [name, value] of Object.entries(adapter)) {
    if (typeof value !== 'function') continue;
    wrapped[name] = (...args: unknown[]) => {
      calls.push({ method: name, args });
      return (value as (...a: unknown[]) => unknown)(...args);
    };
  }
  const keys = (method: string) =>
    calls.filter((call) => call.method === method).map((call) => (call.args.at(-1) as CreateOptions).idempotencyKey);
  return { adapter: wrapped as unknown as PartnerKitAdapter, calls, keys };
}

/** The backend acts, then the answer is lost on the way back, once (a dropped connection after the commit). */
function losingFirstAnswer<M extends 'sendVerificationEmail' | 'completeRegistration'>(
  adapter: PartnerKitAdapter,
  method: M,
): PartnerKitAdapter {
  const original = adapter[method] as (...args: unknown[]) => Promise<unknown>;
  let lost = false;
  return withOverrides(adapter, {
    [method]: async (...args: unknown[]) => {
      const result = await original(...args);
      if (!lost) {
        lost = true;
        throw new PartnerKitError('network', 'The connection dropped before the answer arrived.');
      }
      return result;
    },
  });
}

interface Setup extends Backend {
  element: PartnerRegistration;
  partnerId: string;
  token: string;
  email: string;
}

async function setup(
  kind: BackendKind,
  options: {
    adapter?: (adapter: PartnerKitAdapter) => PartnerKitAdapter;
    cooldown?: number;
    loginHref?: string;
    /** The inviter's pre-fill (default: a seeded pending invitation). */
    profile?: PartnerProfile;
  } = {},
): Promise<Setup> {
  const backend = await createBackend(kind);
  const invitation = options.profile ? invitationWithProfile(backend.memory, options.profile) : pendingInvitation(backend.memory);
  const adapter = options.adapter ? options.adapter(backend.adapter) : backend.adapter;
  const element = await fixture<PartnerRegistration>(html`<partner-registration
    .adapter=${adapter}
    token=${invitation.token}
    resend-cooldown=${options.cooldown ?? 0}
    login-href=${options.loginHref ?? ''}
  ></partner-registration>`);
  await untilHeading(element, 'Please Verify Your Email');
  return { ...backend, element, ...invitation };
}

async function sendEmail(element: PartnerRegistration): Promise<void> {
  click(element, 'Send Email');
  await untilHeading(element, 'Check your email');
}

/** Sends the email and follows its link: the profile step. */
async function reachProfile(setupResult: Setup): Promise<void> {
  const { element, memory, token } = setupResult;
  await sendEmail(element);
  element.code = memory.store.peekVerificationCode(token) ?? '';
  await untilHeading(element, 'Complete your profile');
}

function acceptedChanges(memory: MemoryAdapter, partnerId: string): number {
  return memory.store.changeLog.filter(
    (change) =>
      change.type === 'partner-updated' &&
      change.partner.id === partnerId &&
      (change.partner.status === 'active' || change.partner.status === 'profile-created'),
  ).length;
}

afterEach(() => {
  setLocale(undefined);
  document.documentElement.lang = 'en';
  delete document.documentElement.dataset.theme;
  document.documentElement.style.colorScheme = '';
});

// ---------------------------------------------------------------------------

forEachBackend('<partner-registration>', (kind) => {
  describe('loading and the verify step', () => {
    it('shows a loading state, then the verify step with the invited address, and the link counts as clicked', async () => {
      const backend = await createBackend(kind, { latency: 200 });
      const { partnerId, token, email } = pendingInvitation(backend.memory);
      const element = await fixture<PartnerRegistration>(
        html`<partner-registration .adapter=${backend.adapter} token=${token}></partner-registration>`,
      );
      expect(heading(element)).to.equal('Loading your invitation…');
      expect(element.step).to.equal('loading');
      await expectAccessible(element);

      await untilHeading(element, 'Please Verify Your Email');
      expect(input(element, 'email').value).to.equal(email);
      expect(textOf(element)).to.contain('Jordan Ellis invited you to co-market together.');
      expect(textOf(element)).to.contain("We'll send you a message with a link to create your account.");
      // The first step the page shows does not take focus from the page.
      expect(root(element).activeElement).to.equal(null);
      expect(backend.memory.store.getPartner(partnerId).partner.status).to.match(/link-clicked$/);
      await expectAccessible(element);
    });

    it('checks the address before sending: a blank or malformed one is an error on its field, and nothing is sent', async () => {
      const { element, memory, token } = await setup(kind);
      fill(element, 'email', '');
      click(element, 'Send Email');
      await waitUntil(() => input(element, 'email').getAttribute('aria-invalid') === 'true');
      expect(fieldError(element, 'email')).to.equal('Enter your email address.');
      expect(root(element).activeElement).to.equal(input(element, 'email'));

      input(element, 'email').focus();
      await sendKeys({ type: 'dana@@example' });
      expect(input(element, 'email').getAttribute('aria-invalid')).to.equal('false', 'typing clears the error');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => fieldError(element, 'email') !== '');
      expect(fieldError(element, 'email')).to.equal('Enter a valid email address, like name@example.com.');
      expect(input(element, 'email').value).to.equal('dana@@example', 'what was typed is kept');
      expect(memory.store.peekVerificationCode(token)).to.equal(null);
      await expectAccessible(element);
    });

    it('shows "Login here." only for a safe login-href, and takes a slotted replacement', async () => {
      const safe = await setup(kind, { loginHref: '/login' });
      const link = query<HTMLAnchorElement>(safe.element, '[part="login-link"]')!;
      expect(squash(query(safe.element, '[part="login"]')?.textContent)).to.equal('Already have an account? Login here.');
      expect(link.href).to.equal(new URL('/login', location.href).href);

      safe.element.loginHref = 'javascript:alert(1)';
      await safe.element.updateComplete;
      expect(query(safe.element, '[part="login-link"]')).to.equal(null);
      expect(root(safe.element).querySelector('a[href^="javascript"]')).to.equal(null);

      const slotted = document.createElement('a');
      slotted.slot = 'login';
      slotted.href = '/sso';
      slotted.textContent = 'Sign in with SSO';
      safe.element.append(slotted);
      const slot = query<HTMLSlotElement>(safe.element, 'slot[name="login"]')!;
      expect(slot.assignedElements()).to.deep.equal([slotted]);
    });
  });

  describe('sending the verification email', () => {
    it('sends to the typed address, says when the link expires, counts down, and moves focus to the heading', async () => {
      const backend = await setup(kind);
      const { element, memory, token } = backend;
      const sentAt = new Date('2026-11-01T12:00:00Z');
      memory.store.setClock(() => sentAt);
      fill(element, 'email', 'dana.new@example.com');
      await sendEmail(element);

      expect(element.step).to.equal('sent');
      expect(root(element).activeElement).to.equal(headingOf(element));
      expect(memory.store.getRegistration(token).email).to.equal('dana.new@example.com');
      expect(memory.store.peekVerificationCode(token)).to.match(/^\d{6}$/);
      expect(textOf(element)).to.contain('We sent an email to dana.new@example.com.');
      const expiry = new Intl.DateTimeFormat('en', { timeStyle: 'short' }).format(new Date(sentAt.getTime() + VERIFICATION_TTL_MS));
      expect(squash(query(element, '[part="expiry"]')?.textContent)).to.contain(`The link works until ${expiry}.`);
      expect(squash(query(element, '[part="countdown"]')?.textContent)).to.equal('Time left: 30 minutes.');
      await untilAnnounced('Email sent to dana.new@example.com. The link works for 30 minutes.');
      await waitUntil(
        () => squash(query(element, '[part="countdown"]')?.textContent).startsWith('Time left: 29 minutes'),
        'the countdown ticks',
        { timeout: 3000 },
      );
      await expectAccessible(element);
    });

    it('at the end of the countdown says the link expired and offers a new email', async () => {
      // A backend whose links live 1.5 s: the countdown reaches zero during the test.
      const { element } = await setup(kind, {
        adapter: (adapter) =>
          withOverrides(adapter, {
            sendVerificationEmail: async (token, email, options) => {
              const sent = await adapter.sendVerificationEmail!(token, email, options);
              return { ...sent, expiresAt: new Date(Date.parse(sent.sentAt) + 1500).toISOString() };
            },
          }),
      });
      await sendEmail(element);
      await waitUntil(() => textOf(element).includes('expired at'), 'the expired notice', { timeout: 4000 });
      expect(query(element, '[part="countdown"]')).to.equal(null);
      expect(buttonNamed(element, 'Send a new email')?.getAttribute('part')).to.contain('button-primary');
      await untilAnnounced('The link in the email has expired. Send a new email to continue.');
      await expectAccessible(element);
    });

    it('resends only after the cooldown, with a new idempotency key, and keeps focus on the button', async () => {
      let recorder: ReturnType<typeof recording> | undefined;
      const { element, memory, token } = await setup(kind, {
        cooldown: 1,
        adapter: (adapter) => (recorder = recording(adapter)).adapter,
      });
      await sendEmail(element);
      const firstCode = memory.store.peekVerificationCode(token);
      const resend = buttonNamed(element, 'Resend email')!;
      expect(resend.getAttribute('aria-disabled')).to.equal('true');
      expect(squash(query(element, '[part="resend-hint"]')?.textContent)).to.equal('You can resend the email in 1 second.');
      resend.focus();
      resend.click();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(recorder!.keys('sendVerificationEmail')).to.have.length(1, 'a click during the cooldown sends nothing');

      await waitUntil(() => resend.getAttribute('aria-disabled') === 'false', 'the cooldown ends', { timeout: 3000 });
      expect(query(element, '[part="resend-hint"]')).to.equal(null);
      resend.click();
      await untilAnnounced('A new email was sent to');
      const keys = recorder!.keys('sendVerificationEmail');
      expect(keys).to.have.length(2);
      expect(keys[1]).not.to.equal(keys[0]);
      expect(memory.store.peekVerificationCode(token)).not.to.equal(firstCode, 'the backend sent a second email');
      expect(root(element).activeElement).to.equal(buttonNamed(element, 'Resend email'));
    });

    it('"Use a different email address" goes back with the address kept', async () => {
      const { element } = await setup(kind);
      fill(element, 'email', 'other@example.com');
      await sendEmail(element);
      click(element, 'Use a different email address');
      await untilHeading(element, 'Please Verify Your Email');
      expect(input(element, 'email').value).to.equal('other@example.com');
      expect(root(element).activeElement).to.equal(headingOf(element));
    });

    it('a failed send keeps the address; the retry reuses the idempotency key, so the backend sends once', async () => {
      let recorder: ReturnType<typeof recording> | undefined;
      const { element, memory, token } = await setup(kind, {
        adapter: (adapter) => (recorder = recording(losingFirstAnswer(adapter, 'sendVerificationEmail'))).adapter,
      });
      fill(element, 'email', 'kept@example.com');
      click(element, 'Send Email');
      await waitUntil(() => query(element, '[part="error"]') !== null, 'the error');
      expect(squash(query(element, '[part="error"]')?.textContent)).to.contain("We couldn't reach the server.");
      await untilAnnounced("We couldn't reach the server.", 'assertive');
      expect(input(element, 'email').value).to.equal('kept@example.com');
      await expectAccessible(element);
      const codeAfterFirstAttempt = memory.store.peekVerificationCode(token);
      expect(codeAfterFirstAttempt, 'the backend acted on the first attempt').to.match(/^\d{6}$/);

      click(element, 'Try again');
      await untilHeading(element, 'Check your email');
      const keys = recorder!.keys('sendVerificationEmail');
      expect(keys).to.have.length(2);
      expect(keys[1]).to.equal(keys[0]);
      expect(memory.store.peekVerificationCode(token)).to.equal(codeAfterFirstAttempt, 'no second email');
    });

    it("puts the backend's verdict on the address on the address field", async () => {
      const { element } = await setup(kind, {
        adapter: (adapter) =>
          withOverrides(adapter, {
            sendVerificationEmail: () =>
              Promise.reject(
                new PartnerKitError('validation', 'email: This address cannot receive mail.', {
                  fieldErrors: { email: 'This address cannot receive mail.' },
                }),
              ),
          }),
      });
      fill(element, 'email', 'bounces@example.com');
      click(element, 'Send Email');
      await waitUntil(() => input(element, 'email').getAttribute('aria-invalid') === 'true');
      expect(fieldError(element, 'email')).to.equal('This address cannot receive mail.');
      expect(input(element, 'email').value).to.equal('bounces@example.com');
      expect(root(element).activeElement).to.equal(input(element, 'email'));
      expect(query(element, '[part="error"]')).to.equal(null);
    });

    it('a rate limit says how long to wait', async () => {
      const { element } = await setup(kind, {
        adapter: (adapter) =>
          withOverrides(adapter, {
            sendVerificationEmail: () =>
              Promise.reject(new PartnerKitError('rate_limited', 'Slow down.', { status: 429, retryAfter: 20 })),
          }),
      });
      click(element, 'Send Email');
      await waitUntil(() => query(element, '[part="error"]') !== null);
      expect(squash(query(element, '[part="error"]')?.textContent)).to.contain('Too many attempts. Try again in 20 seconds.');
      await untilAnnounced('Too many attempts. Try again in 20 seconds.', 'assertive');
    });

    it('a failure before the backend acts shows an error with retry, and the retry sends', async () => {
      const { element, memory, token } = await setup(kind);
      memory.setFailureRate(1);
      click(element, 'Send Email');
      await waitUntil(() => buttonNamed(element, 'Try again') !== undefined, 'the error');
      expect(memory.store.peekVerificationCode(token)).to.equal(null);
      memory.setFailureRate(0);
      click(element, 'Try again');
      await untilHeading(element, 'Check your email');
      expect(memory.store.peekVerificationCode(token)).to.match(/^\d{6}$/);
    });
  });

  describe('following the emailed link', () => {
    it('verifies the code and shows the profile pre-filled by the inviter, with live completion', async () => {
      const backend = await setup(kind, {
        profile: { firstName: 'Dana', lastName: 'Whitfield', company: 'Harbor Realty', timeZone: 'America/New_York' },
      });
      const { element, memory, partnerId, token } = backend;
      await sendEmail(element);
      element.code = memory.store.peekVerificationCode(token) ?? '';
      await untilHeading(element, 'Complete your profile');
      expect(root(element).activeElement).to.equal(headingOf(element));

      const profile = memory.store.getPartner(partnerId).partner.profile;
      expect(input(element, 'firstName').value).to.equal('Dana');
      expect(input(element, 'company').value).to.equal('Harbor Realty');
      expect(input(element, 'lastName').value).to.equal(profile.lastName ?? '');
      expectTimeZoneList(query<HTMLSelectElement>(element, '#timeZone')!, profile.timeZone ?? '');
      expect(textOf(element)).to.contain('Jordan Ellis filled in some details for you.');

      const progress = query(element, 'profile-progress')!;
      const bar = () => progress.shadowRoot!.querySelector('[role="progressbar"]')!;
      expect(progress.getAttribute('preset')).to.equal('reminders');
      const before = Number(bar().getAttribute('aria-valuenow'));
      input(element, 'licenseNumber').focus();
      await sendKeys({ type: 'ME-RE-88812' });
      await waitUntil(() => Number(bar().getAttribute('aria-valuenow')) > before, 'completion rises as the partner types');
      await expectAccessible(element);
    });

    it('an expired link explains the 30 minutes and goes back to the verify step with the address kept', async () => {
      const { element, memory, token } = await setup(kind);
      fill(element, 'email', 'kept@example.com');
      await sendEmail(element);
      const code = memory.store.peekVerificationCode(token) ?? '';
      memory.store.setClock(() => new Date(Date.now() + VERIFICATION_TTL_MS + 1000));
      element.code = code;
      await untilHeading(element, 'This link has expired');
      expect(element.step).to.equal('expired');
      expect(textOf(element)).to.contain('the link in the verification email works for 30 minutes');
      expect(root(element).activeElement).to.equal(headingOf(element));
      await untilAnnounced('The verification link has expired.');
      await expectAccessible(element);

      click(element, 'Send a new email');
      await untilHeading(element, 'Please Verify Your Email');
      expect(input(element, 'email').value).to.equal('kept@example.com');
      expect(root(element).activeElement).to.equal(headingOf(element));
    });

    it('a wrong code says the link does not work and offers a new email', async () => {
      const { element } = await setup(kind);
      await sendEmail(element);
      element.code = 'not-the-code';
      await untilHeading(element, "This verification link doesn't work");
      expect(textOf(element)).to.contain('Use the link in the most recent email, or send a new one.');
      await expectAccessible(element);
      click(element, 'Send a new email');
      await untilHeading(element, 'Please Verify Your Email');
    });

    it('landing with a code checks it without taking focus', async () => {
      const backend = await createBackend(kind, { latency: 100 });
      const { token } = pendingInvitation(backend.memory);
      backend.memory.store.sendVerificationEmail(token, 'landing@example.com', 'arranged-send');
      const code = backend.memory.store.peekVerificationCode(token) ?? '';
      const element = await fixture<PartnerRegistration>(
        html`<partner-registration .adapter=${backend.adapter} token=${token} code=${code}></partner-registration>`,
      );
      await waitUntil(() => element.step === 'verifying' || element.step === 'loading');
      await expectAccessible(element);
      await untilHeading(element, 'Complete your profile');
      expect(root(element).activeElement).to.equal(null);
      expect(textOf(element)).to.contain('Your account email: landing@example.com');
    });

    it('a failed check shows an error with retry', async () => {
      const { element, memory, token } = await setup(kind);
      await sendEmail(element);
      memory.setFailureRate(1);
      element.code = memory.store.peekVerificationCode(token) ?? '';
      await untilHeading(element, "We couldn't check your link");
      await expectAccessible(element);
      memory.setFailureRate(0);
      click(element, 'Try again');
      await untilHeading(element, 'Complete your profile');
    });
  });

  describe('completing the profile', () => {
    it('sends the corrected profile, shows the done step and fires pk-registered', async () => {
      const setupResult = await setup(kind, { loginHref: '/login' });
      const { element, memory, partnerId } = setupResult;
      await reachProfile(setupResult);
      fill(element, 'firstName', 'Dana');
      fill(element, 'zip', '04101');
      fill(element, 'mlsAgentId', '  ME-2231  ');
      const timeZone = query<HTMLSelectElement>(element, '#timeZone')!;
      timeZone.value = 'America/Chicago';
      timeZone.dispatchEvent(new Event('change', { bubbles: true, composed: true }));

      const registered = oneEvent(element, 'pk-registered');
      click(element, 'Create My Account');
      const event = await registered;
      expect(event.detail.partner.id).to.equal(partnerId);
      await untilHeading(element, 'Your account is ready');
      expect(root(element).activeElement).to.equal(headingOf(element));
      await untilAnnounced('Registration complete.');

      const stored = memory.store.getPartner(partnerId).partner;
      expect(stored.status).to.be.oneOf(['active', 'profile-created']);
      expect(stored.profile).to.include({ firstName: 'Dana', zip: '04101', mlsAgentId: 'ME-2231', timeZone: 'America/Chicago' });
      expect(query<HTMLAnchorElement>(element, 'a[part~="login-link"]')?.getAttribute('href')).to.equal(
        new URL('/login', location.href).href,
      );
      await expectAccessible(element);
    });

    it('puts validation errors on their fields, keeps every typed value, and succeeds once corrected', async () => {
      const setupResult = await setup(kind);
      const { element, memory, partnerId } = setupResult;
      await reachProfile(setupResult);
      fill(element, 'firstName', 'Dana');
      fill(element, 'zip', 'abc');
      fill(element, 'mobilePhone', 'call me');
      click(element, 'Create My Account');

      await waitUntil(() => input(element, 'zip').getAttribute('aria-invalid') === 'true', 'zip marked invalid');
      expect(input(element, 'mobilePhone').getAttribute('aria-invalid')).to.equal('true');
      // The kit's own checks (the backend's would say the same, in English only).
      expect(fieldError(element, 'zip')).to.equal('Enter a ZIP code such as 12345 or 12345-6789, or another country’s postal code.');
      expect(fieldError(element, 'mobilePhone')).to.equal(
        'Enter a phone number of 7 to 15 digits (spaces, dashes, dots, brackets and an extension such as “x12” are fine).',
      );
      expect(input(element, 'firstName').getAttribute('aria-invalid')).to.equal('false');
      expect(root(element).activeElement).to.equal(input(element, 'zip'), 'focus on the first invalid field');
      expect([input(element, 'firstName').value, input(element, 'zip').value, input(element, 'mobilePhone').value]).to.deep.equal([
        'Dana',
        'abc',
        'call me',
      ]);
      await untilAnnounced('Some details are not valid. Check the highlighted fields.', 'assertive');
      expect(acceptedChanges(memory, partnerId)).to.equal(0);
      await expectAccessible(element);

      fill(element, 'zip', '04101');
      fill(element, 'mobilePhone', '207-555-0142');
      click(element, 'Create My Account');
      await untilHeading(element, 'Your account is ready');
      expect(memory.store.getPartner(partnerId).partner.profile).to.include({ zip: '04101', mobilePhone: '207-555-0142' });
    });

    it('a failed submit keeps everything typed, and the retry reuses the idempotency key', async () => {
      let recorder: ReturnType<typeof recording> | undefined;
      const setupResult = await setup(kind, { adapter: (adapter) => (recorder = recording(adapter)).adapter });
      const { element, memory, partnerId } = setupResult;
      await reachProfile(setupResult);
      fill(element, 'jobTitle', 'Broker associate');
      memory.setFailureRate(1);
      click(element, 'Create My Account');
      await waitUntil(() => buttonNamed(element, 'Try again') !== undefined, 'the error');
      expect(input(element, 'jobTitle').value).to.equal('Broker associate');
      expect(heading(element)).to.equal('Complete your profile');
      await expectAccessible(element);

      memory.setFailureRate(0);
      const retry = buttonNamed(element, 'Try again')!;
      retry.focus();
      retry.click();
      await untilHeading(element, 'Your account is ready');
      const keys = recorder!.keys('completeRegistration');
      expect(keys).to.have.length(2);
      expect(keys[1]).to.equal(keys[0]);
      expect(memory.store.getPartner(partnerId).partner.profile.jobTitle).to.equal('Broker associate');
    });

    it('an answer lost after the backend acted: the retry creates nothing twice', async () => {
      let recorder: ReturnType<typeof recording> | undefined;
      const setupResult = await setup(kind, {
        adapter: (adapter) => (recorder = recording(losingFirstAnswer(adapter, 'completeRegistration'))).adapter,
      });
      const { element, memory, partnerId } = setupResult;
      await reachProfile(setupResult);
      click(element, 'Create My Account');
      await waitUntil(() => buttonNamed(element, 'Try again') !== undefined, 'the error');
      expect(acceptedChanges(memory, partnerId)).to.equal(1, 'the backend acted on the first attempt');

      const registered = oneEvent(element, 'pk-registered');
      click(element, 'Try again');
      await registered;
      await untilHeading(element, 'Your account is ready');
      const keys = recorder!.keys('completeRegistration');
      expect(keys).to.deep.equal([keys[0], keys[0]]);
      expect(acceptedChanges(memory, partnerId)).to.equal(1, 'accepted once');
    });

    it('a double click submits once', async () => {
      let recorder: ReturnType<typeof recording> | undefined;
      const setupResult = await setup(kind, { adapter: (adapter) => (recorder = recording(adapter)).adapter });
      await reachProfile(setupResult);
      const submit = buttonNamed(setupResult.element, 'Create My Account')!;
      submit.click();
      submit.click();
      await untilHeading(setupResult.element, 'Your account is ready');
      expect(recorder!.keys('completeRegistration')).to.have.length(1);
    });

    it('uploads a chosen image, refuses other types and renamed documents before any request, and removes it', async () => {
      let recorder: ReturnType<typeof recording> | undefined;
      const setupResult = await setup(kind, {
        profile: { firstName: 'Dana' },
        adapter: (adapter) => (recorder = recording(adapter)).adapter,
      });
      const { element, memory, partnerId } = setupResult;
      await reachProfile(setupResult);

      const choose = (file: File) => {
        const picker = input(element, 'upload-photo');
        const transfer = new DataTransfer();
        transfer.items.add(file);
        picker.files = transfer.files;
        picker.dispatchEvent(new Event('change', { bubbles: true }));
      };
      choose(new File(['plain text'], 'notes.txt', { type: 'text/plain' }));
      await waitUntil(() => fieldError(element, 'upload-photo').includes('Choose a PNG, JPEG or WebP image.'));
      expect(recorder!.keys('uploadImage')).to.have.length(0);

      choose(new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])], 'me.png', { type: 'image/png' }));
      await waitUntil(() => query(element, '[part="image-preview"]') !== null, 'the preview');
      const preview = query<HTMLImageElement>(element, '[part="image-preview"]')!;
      expect(preview.alt).to.equal('Your profile photo');
      expect(preview.src).to.match(/^https:\/\/.+\/uploads\/photos\/.+\.png$/);
      expect(fieldError(element, 'upload-photo')).to.equal('PNG, JPEG or WebP, up to 5 MB.');
      await untilAnnounced('Profile photo uploaded.');
      await expectAccessible(element);
      const uploaded = preview.src;

      // A document renamed to .png is not an image: its first bytes say so (the kit's one image rule).
      choose(new File(['%PDF-1.7 quarterly report'], 'report.png', { type: 'image/png' }));
      await waitUntil(() => fieldError(element, 'upload-photo').includes('Choose a PNG, JPEG or WebP image.'), 'the renamed file refused');
      expect(recorder!.keys('uploadImage')).to.have.length(1);

      click(element, 'Create My Account');
      await untilHeading(element, 'Your account is ready');
      expect(memory.store.getPartner(partnerId).partner.profile.photoUrl).to.equal(uploaded);
    });

    it('a current image that cannot be loaded is replaced by a sentence, and kept', async () => {
      const photoUrl = deadImageUrl('photo');
      const setupResult = await setup(kind, { profile: { firstName: 'Dana', photoUrl } });
      const { element, memory, partnerId } = setupResult;
      await reachProfile(setupResult);
      const unavailable = () => query<HTMLElement>(element, '.image-unavailable:not([hidden])');
      await waitUntil(() => unavailable() !== null, 'the broken preview replaced');
      expect(unavailable()!.textContent).to.equal('Your current image cannot be shown. Upload a new one, or keep it as it is.');
      expect(getComputedStyle(query(element, 'img[part="image-preview"]')!).display, 'the broken preview is not drawn').to.equal('none');
      await expectAccessible(element);
      click(element, 'Create My Account');
      await untilHeading(element, 'Your account is ready');
      expect(memory.store.getPartner(partnerId).partner.profile.photoUrl).to.equal(photoUrl);
    });

    it('removing an image clears it and moves focus to its upload input', async () => {
      const setupResult = await setup(kind, { profile: { logoUrl: 'https://media.example/logos/harbor.png' } });
      const { element, memory, partnerId } = setupResult;
      await reachProfile(setupResult);
      expect(query<HTMLImageElement>(element, '[part="image-preview"][alt="Your logo"]')?.src).to.equal(
        'https://media.example/logos/harbor.png',
      );
      click(element, 'Remove the logo');
      await waitUntil(() => query(element, '[alt="Your logo"]') === null);
      await waitUntil(() => root(element).activeElement === input(element, 'upload-logo'), 'focus on the upload input');
      click(element, 'Create My Account');
      await untilHeading(element, 'Your account is ready');
      expect(memory.store.getPartner(partnerId).partner.profile.logoUrl ?? null).to.equal(null);
    });
  });

  describe('invitations that cannot be used', () => {
    it('an unknown token says the invitation link is not valid', async () => {
      const backend = await createBackend(kind);
      const element = await fixture<PartnerRegistration>(
        html`<partner-registration .adapter=${backend.adapter} token="no-such-token"></partner-registration>`,
      );
      await untilHeading(element, 'This invitation link is not valid');
      expect(element.step).to.equal('invitation-invalid');
      await expectAccessible(element);
    });

    it('an accepted invitation says so and offers to log in', async () => {
      const backend = await createBackend(kind);
      const accepted = backend.memory.store.listPartners({ statuses: ['active', 'profile-created'], limit: 1 }).items[0]!;
      const token = backend.memory.store.invitationToken(accepted.id);
      const element = await fixture<PartnerRegistration>(
        html`<partner-registration .adapter=${backend.adapter} token=${token} login-href="/login"></partner-registration>`,
      );
      await untilHeading(element, 'This invitation has already been accepted');
      expect(squash(query(element, '[part="login"]')?.textContent)).to.equal('Already have an account? Login here.');
      await expectAccessible(element);
    });

    it('a failed load shows an error with retry, then recovers', async () => {
      const backend = await createBackend(kind);
      const { token } = pendingInvitation(backend.memory);
      backend.memory.setFailureRate(1);
      const element = await fixture<PartnerRegistration>(
        html`<partner-registration .adapter=${backend.adapter} token=${token}></partner-registration>`,
      );
      await untilHeading(element, "We couldn't load your invitation");
      expect(textOf(element)).to.contain("We couldn't reach the server.");
      await expectAccessible(element);
      backend.memory.setFailureRate(0);
      click(element, 'Try again');
      await untilHeading(element, 'Please Verify Your Email');
    });
  });

  describe('untrusted data', () => {
    it('renders a hostile inviter and profile as text', async () => {
      const backend = await createBackend(kind);
      const hostile = '<img src=x onerror="window.__pwned=1">';
      const store = backend.memory.store;
      store.setSession({ viewer: { id: 'usr-hostile', name: hostile, email: 'hostile@example.com' } });
      const partner = store.createPrefilledAccount(
        { email: 'target@example.com', profile: { firstName: hostile, company: '"><script>window.__pwned=1</script>' }, sendEmail: true },
        'arranged-hostile',
      );
      const token = store.invitationToken(partner.id);
      const element = await fixture<PartnerRegistration>(
        html`<partner-registration .adapter=${backend.adapter} token=${token} login-href="javascript:window.__pwned=1"></partner-registration>`,
      );
      await untilHeading(element, 'Please Verify Your Email');
      expect(textOf(element)).to.contain(`${hostile} invited you to co-market together.`);
      expect(root(element).querySelector('img, script')).to.equal(null);
      expect(root(element).querySelector('a')).to.equal(null, 'a javascript: login-href never becomes a link');

      await sendEmail(element);
      element.code = store.peekVerificationCode(token) ?? '';
      await untilHeading(element, 'Complete your profile');
      expect(input(element, 'firstName').value).to.equal(hostile);
      expect(input(element, 'company').value).to.equal('"><script>window.__pwned=1</script>');
      expect(root(element).querySelector('script, img:not([part="image-preview"])')).to.equal(null);
      expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    });
  });

  describe('timers', () => {
    it('the countdown stops when the element is removed and resumes when it returns', async () => {
      const live = new Set<number>();
      const originalSet = window.setInterval;
      const originalClear = window.clearInterval;
      window.setInterval = ((handler: TimerHandler, timeout?: number, ...rest: unknown[]) => {
        const id = originalSet(handler, timeout, ...rest);
        live.add(id);
        return id;
      }) as typeof window.setInterval;
      window.clearInterval = ((id?: number) => {
        if (id !== undefined) live.delete(id);
        originalClear(id);
      }) as typeof window.clearInterval;
      try {
        const { element } = await setup(kind, { cooldown: 5 });
        await sendEmail(element);
        await element.updateComplete;
        expect(live.size).to.equal(1, 'one interval drives the countdown');
        expect(query(element, '[part="resend-hint"]')).to.not.equal(null);
        await expectAccessible(element);
        const parent = element.parentElement!;
        element.remove();
        expect(live.size).to.equal(0, 'removed: no interval left');

        parent.append(element);
        await element.updateComplete;
        expect(live.size).to.equal(1, 'back in the page: the countdown resumes');
        const before = squash(query(element, '[part="countdown"]')?.textContent);
        await waitUntil(() => squash(query(element, '[part="countdown"]')?.textContent) !== before, 'ticks again', { timeout: 3000 });
        element.remove();
        expect(live.size).to.equal(0);
      } finally {
        window.setInterval = originalSet;
        window.clearInterval = originalClear;
      }
    });
  });
});

// ---------------------------------------------------------------------------

describe('<partner-registration> (any backend)', () => {
  it('goes through the longest path with the keyboard only', async () => {
    const memory = createMemoryAdapter({ seed: 1 });
    const { token, partnerId } = pendingInvitation(memory);
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <button>before</button>
      <partner-registration .adapter=${memory} token=${token} resend-cooldown="0"></partner-registration>
    </div>`);
    const element = wrapper.querySelector('partner-registration')!;
    await untilHeading(element, 'Please Verify Your Email');
    wrapper.querySelector('button')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(root(element).activeElement).to.equal(input(element, 'email'));
    await selectAll();
    await sendKeys({ type: 'keys@example.com' });
    await sendKeys({ press: 'Enter' });
    await untilHeading(element, 'Check your email');
    expect(memory.store.getRegistration(token).email).to.equal('keys@example.com');

    // The partner opens the emailed link.
    element.code = memory.store.peekVerificationCode(token) ?? '';
    await untilHeading(element, 'Complete your profile');
    // From the heading: past the completion's "Show missing" toggle to the first field.
    for (let presses = 0; presses < 3 && root(element).activeElement?.id !== 'firstName'; presses++) {
      await sendKeys({ press: 'Tab' });
    }
    expect(root(element).activeElement?.id).to.equal('firstName');
    await selectAll();
    await sendKeys({ type: 'Kay' });
    await sendKeys({ press: 'Tab' });
    await selectAll();
    await sendKeys({ type: 'Board' });
    await sendKeys({ press: 'Enter' });
    await untilHeading(element, 'Your account is ready');
    expect(memory.store.getPartner(partnerId).partner.profile).to.include({ firstName: 'Kay', lastName: 'Board' });
  });

  it('speaks Spanish under <html lang="es">', async () => {
    const memory = createMemoryAdapter({ seed: 1 });
    const { token } = pendingInvitation(memory);
    document.documentElement.lang = 'es';
    const element = await fixture<PartnerRegistration>(html`<partner-registration .adapter=${memory} token=${token}></partner-registration>`);
    await untilHeading(element, 'Verifica tu correo electrónico');
    expect(buttonNamed(element, 'Enviar correo')).to.not.equal(undefined);
    expect(query(element, '[part="base"]')?.getAttribute('lang')).to.equal('es');
  });

  it('speaks Spanish in the profile form too: the time-zone groups and the ZIP check', async () => {
    const setupResult = await setup('memory', { profile: { firstName: 'Dana' } });
    const { element } = setupResult;
    await reachProfile(setupResult);
    document.documentElement.lang = 'es';
    await waitUntil(
      () => [...root(element).querySelectorAll('optgroup')].map((group) => group.label).join(' | ') === 'Estados Unidos | Otras zonas horarias',
      'the time-zone list in Spanish',
    );
    fill(element, 'zip', 'abc');
    click(element, 'Crear mi cuenta');
    await waitUntil(() => input(element, 'zip').getAttribute('aria-invalid') === 'true', 'the zip error');
    expect(fieldError(element, 'zip')).to.equal('Escribe un código postal como 12345 o 12345-6789, o el código postal de otro país.');
  });

  it('without an adapter, says the invitation cannot load and tells the integrator why', async () => {
    const errors: string[] = [];
    const original = console.error;
    console.error = (message: unknown) => errors.push(String(message));
    try {
      const element = await fixture<PartnerRegistration>(html`<partner-registration token="abc"></partner-registration>`);
      await untilHeading(element, "We couldn't load your invitation");
      expect(textOf(element)).to.contain('Something went wrong on our side.');
      expect(errors.some((message) => message.includes('has no adapter'))).to.equal(true);
      await expectAccessible(element);
    } finally {
      console.error = original;
    }
  });

  it('with an adapter that cannot register partners, says registration is not available', async () => {
    const memory = createMemoryAdapter({ seed: 1 });
    const adapter: PartnerKitAdapter = { getSession: memory.getSession, getRegistration: memory.getRegistration };
    const element = await fixture<PartnerRegistration>(html`<partner-registration .adapter=${adapter} token="abc"></partner-registration>`);
    await untilHeading(element, 'Registration is not available');
    expect(element.step).to.equal('unavailable');
    await expectAccessible(element);
  });

  it('without a token, says the invitation link is not valid (and asks the adapter nothing)', async () => {
    const memory = createMemoryAdapter({ seed: 1 });
    const { adapter, calls } = recording(memory);
    const element = await fixture<PartnerRegistration>(html`<partner-registration .adapter=${adapter}></partner-registration>`);
    await untilHeading(element, 'This invitation link is not valid');
    expect(calls.filter((call) => call.method !== 'getSession')).to.deep.equal([]);
  });

  it('hides the upload when the adapter cannot upload, and keeps the pre-filled image', async () => {
    const memory = createMemoryAdapter({ seed: 1 });
    const { token } = invitationWithProfile(memory, { photoUrl: 'https://media.example/p.png' });
    const adapter = { ...memory, capabilities: { uploadImage: false } };
    const element = await fixture<PartnerRegistration>(html`<partner-registration .adapter=${adapter} token=${token}></partner-registration>`);
    await untilHeading(element, 'Please Verify Your Email');
    await sendEmail(element);
    element.code = memory.store.peekVerificationCode(token) ?? '';
    await untilHeading(element, 'Complete your profile');
    expect(query(element, 'input[type="file"]')).to.equal(null);
    expect(query<HTMLImageElement>(element, '[alt="Your profile photo"]')?.src).to.equal('https://media.example/p.png');
  });
});
