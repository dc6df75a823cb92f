import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { isAbortError, PartnerKitError, toPartnerKitError } from '../../adapter/errors.js';
import type { AdapterMethod, Partner, PartnerKitAdapter, Registration, VerificationResult } from '../../adapter/types.js';
import { isValidEmail } from '../../domain/emails.js';
import { safeUrl } from '../../domain/safe-url.js';
import { hasCapability } from '../../adapter/validate.js';
import { DataController, TaskStatus } from '../../internal/data-controller.js';
import { adoptLaterStyles } from '../../internal/later-styles.js';
import { lazyModule, loadOrNetworkError } from '../../internal/lazy-module.js';
import { announce } from '../../internal/live-region.js';
import { LocaleController } from '../../internal/locale-controller.js';
import { PartnerKitElement } from '../../internal/partner-kit-element.js';
import { partnerRegistrationFirstStepEn } from '../../locales/partner-registration.en.js';
import { registerMessages, type MessageKey } from '../../locales/index.js';
import { focusRing } from '../../styles/shared.js';
import { buttonStyles } from '../../styles/controls.js';
import { fieldStyles } from '../../styles/fields.js';
import { spinnerStyles } from '../../styles/spinner.js';
import { tokens } from '../../styles/tokens.js';
import { IntentKey } from './intent-key.js';
import { partnerRegistrationStyles } from './partner-registration.styles.js';
// Types only: the steps after the first load on first use (see laterStepsCode).
import type * as LaterStepsModule from './later-steps.js';
import type { Action, LaterStep, LaterSteps, LaterStepsHost, SentEmail } from './later-steps.js';

// This element's own strings: English now (the later steps' ones load with them), Spanish when the page needs it.
registerMessages(partnerRegistrationFirstStepEn, {
  es: () => import('../../locales/partner-registration.es.js').then((module) => module.partnerRegistrationEs),
});

/**
 * The steps after the first (the email sent, the emailed link's outcome, the profile, done) load
 * once per page on first use: in idle time once the verify step shows, at the latest when "Send
 * Email" is pressed or such a step is due (the page opened from the emailed link, an address
 * already verified). A failed load is tried again at the next need.
 */
const laterStepsCode = lazyModule<typeof LaterStepsModule>(() => import('./later-steps.js'));

/** `pk-registered`: the partner finished registering; the connection is active. */
export interface RegisteredDetail {
  /** The partner as the adapter returned it after `completeRegistration`. */
  partner: Partner;
}

declare module '../../internal/events.js' {
  interface PartnerKitEventMap {
    'pk-registered': CustomEvent<RegisteredDetail>;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'pk-registered': CustomEvent<RegisteredDetail>;
  }
}

/** Where the registration is. `step` on the element reports it. */
export type RegistrationStep =
  | 'loading'
  | 'invitation-invalid'
  | 'invitation-accepted'
  | 'unavailable'
  | 'load-error'
  | 'verify'
  | 'sent'
  | 'verifying'
  | 'verify-error'
  | 'expired'
  | 'invalid'
  | 'profile'
  | 'done';

/** Steps the user moves to by acting (the others follow from what the adapter said). */
type FlowStep = 'verify' | 'sent' | 'done';

/** What shows: a step, or the failure to load the code of a step after the first. */
type View = RegistrationStep | 'later-steps-error';

/** The steps whose code loads on first use (later-steps.ts). */
const LATER_STEPS: ReadonlySet<RegistrationStep> = new Set<LaterStep>(['sent', 'expired', 'invalid', 'profile', 'done']);

function isLaterStep(step: View): step is LaterStep {
  return LATER_STEPS.has(step as RegistrationStep);
}

/** Views shown while waiting: arriving on them never takes focus from the page. */
const WAITING_VIEWS: ReadonlySet<View> = new Set(['loading', 'verifying']);

const REGISTRATION_METHODS: readonly AdapterMethod[] = [
  'getRegistration',
  'sendVerificationEmail',
  'verifyEmail',
  'completeRegistration',
];

function supportsRegistration(adapter: PartnerKitAdapter): boolean {
  return REGISTRATION_METHODS.every((method) => hasCapability(adapter, method));
}

const DEFAULT_RESEND_COOLDOWN_SECONDS = 30;

interface ActionError {
  action: Action;
  error: PartnerKitError;
}

/**
 * @summary The invited partner's side of a co-marketing connection (seed 001):
 * verify the email address, follow the emailed link (it expires after 30
 * minutes; a new one can be sent), then check and complete the profile the
 * inviter pre-filled.
 *
 * Give it the `token` of the invitation link. The emailed verification link
 * lands on the page with a `code`: set it too, and the element verifies it.
 *
 * The verify step (and the states of an invitation that cannot be used) come
 * with the element; the steps after it load on first use, usually in idle time
 * before they are needed. Until they are in, the element keeps showing what it
 * was showing ("Send Email" stays busy; the page opened from the emailed link
 * keeps checking the link); if they cannot load, it says so with "Try again".
 *
 * @tag partner-registration
 *
 * @slot login - Replaces "Already have an account? Login here." (shown on the verify step and when the invitation was already accepted). Without it, that line appears when `login-href` is set.
 * @slot footer - Below every step: the host's links (About, Terms of Service, Privacy Policy).
 *
 * @csspart base - The whole element (a card on the surface colour).
 * @csspart step - The current step; `data-step` names it (`later-steps-error` when the steps after the first could not load).
 * @csspart heading - The step's heading; focus moves here when the step changes.
 * @csspart intro - The explanation under the heading.
 * @csspart status - A waiting step's spinner and heading (loading, checking the link).
 * @csspart form - A step's form.
 * @csspart fieldset - A group of profile fields (General Info, MLS Info, Images).
 * @csspart legend - A group's title.
 * @csspart field - One labelled field with its error.
 * @csspart label - A field's label.
 * @csspart input - A text, email or telephone input.
 * @csspart select - The time zone list.
 * @csspart field-error - A field's error message.
 * @csspart progress - The `<profile-progress>` showing how complete the profile is.
 * @csspart actions - The row of buttons.
 * @csspart button - Every button.
 * @csspart button-primary - The main button of a step (also `button`).
 * @csspart error - An error message with its "Try again" button.
 * @csspart expiry - When the emailed link expires, and the countdown.
 * @csspart countdown - The time left (`role="timer"`).
 * @csspart resend-hint - How long until the email can be resent.
 * @csspart image - One image field (preview, upload, remove).
 * @csspart image-preview - The image preview.
 * @csspart login - The "Already have an account? Login here." line.
 * @csspart login-link - Its link.
 * @csspart footer - The wrapper of the `footer` slot.
 *
 * @cssproperty --pk-font-family - Font. Default `inherit` (the page's font).
 * @cssproperty --pk-font-size-small - Hints, errors and the countdown.
 * @cssproperty --pk-color-surface - The card's background; also the text of the primary button.
 * @cssproperty --pk-color-text - Text on the card.
 * @cssproperty --pk-color-text-muted - Secondary text and input borders.
 * @cssproperty --pk-color-border - The card's border and separators.
 * @cssproperty --pk-color-border-strong - Edges of buttons (3:1 against the surface).
 * @cssproperty --pk-color-accent - The primary button, links and secondary buttons' text.
 * @cssproperty --pk-color-focus-ring - Keyboard focus outline.
 * @cssproperty --pk-color-track - Empty part of the completion bar.
 * @cssproperty --pk-tone-danger-bg - Background of error messages.
 * @cssproperty --pk-tone-danger-fg - Text of error messages and field errors.
 * @cssproperty --pk-tone-success-bg - Background of the done step's confirmation.
 * @cssproperty --pk-tone-success-fg - Text of the done step's confirmation.
 * @cssproperty --pk-tone-info-bg - Background of the expiry notice.
 * @cssproperty --pk-tone-info-fg - Text of the expiry notice.
 * @cssproperty --pk-radius - Corners of the card, inputs and buttons.
 * @cssproperty --pk-space-1 - Small gaps.
 * @cssproperty --pk-space-2 - Gaps inside fields.
 * @cssproperty --pk-space-3 - Gaps between fields.
 * @cssproperty --pk-space-4 - The card's padding and gaps between sections.
 *
 * @fires {CustomEvent<RegisteredDetail>} pk-registered - The partner completed the registration; `detail.partner` is the partner the adapter returned.
 *
 * @example
 * ```html
 * <partner-registration token="…from the invitation link…" login-href="/login"></partner-registration>
 * <script type="module">
 *   const params = new URLSearchParams(location.search);
 *   const registration = document.querySelector('partner-registration');
 *   registration.code = params.get('code'); // the verification link's code, when there is one
 *   registration.addEventListener('pk-registered', (event) => console.log(event.detail.partner));
 * </script>
 * ```
 */
export class PartnerRegistration extends PartnerKitElement {
  static override styles = [tokens, focusRing, buttonStyles, fieldStyles, spinnerStyles, partnerRegistrationStyles];

  /** The invitation's token, from the link in the invitation email. */
  @property() token: string | undefined;

  /** The code of the verification link (the second email's "Create your account" link). Setting it verifies it. */
  @property() code: string | undefined;

  /** Where "Login here." leads (an http(s) or relative URL; anything else is ignored). */
  @property({ attribute: 'login-href' }) loginHref: string | undefined;

  /** Seconds before "Resend email" can be used again after an email was sent (default 30). */
  @property({ type: Number, attribute: 'resend-cooldown' }) resendCooldown = DEFAULT_RESEND_COOLDOWN_SECONDS;

  @state() private flowStep: FlowStep | undefined;
  @state() private email = '';
  @state() private busy: Action | undefined;
  @state() private actionError: ActionError | undefined;
  @state() private fieldErrors: Readonly<Record<string, string>> = {};
  @state() private sent: SentEmail | undefined;
  @state() private hasFooter = false;
  /** The code of the steps after the first could not be loaded for a step that is due (shown with "Try again"). */
  @state() private laterStepsError: PartnerKitError | undefined;

  private readonly locale = new LocaleController(this);

  private readonly registration = new DataController(this, {
    args: () => [this.adapterForArgs(), this.token] as const,
    load: async ([adapter, token], { signal }) => {
      if (adapter === undefined) throw this.adapterOrError();
      // The step says "unavailable"; never call a method the adapter does not have.
      if (!supportsRegistration(adapter)) throw new PartnerKitError('contract', 'The adapter cannot register partners.');
      if (typeof token !== 'string' || token.trim() === '') throw new PartnerKitError('not_found', 'There is no invitation token.');
      return (adapter.getRegistration as NonNullable<PartnerKitAdapter['getRegistration']>)(token, { signal });
    },
  });

  private readonly verification = new DataController(this, {
    args: () => [this.adapterForArgs(), this.token, this.code] as const,
    load: async ([adapter, token, code], { signal }): Promise<VerificationResult | null> => {
      if (adapter === undefined || !supportsRegistration(adapter) || !token || !code) return null;
      return (adapter.verifyEmail as NonNullable<PartnerKitAdapter['verifyEmail']>)(token, code, { signal });
    },
  });

  private readonly sendKey = new IntentKey();

  /** Aborted when the element leaves the document: an answer nobody waits for is dropped. */
  private actions = new AbortController();
  /** The token whose registration filled the address (filled once per invitation). */
  private filledFor: string | undefined;
  /** Which action may clear `busy` when it ends (an older one, aborted by a disconnect, may not). */
  private actionId = 0;
  private resendReadyAt = 0;
  private renderedView: View | undefined;
  private hasShownInteractiveStep = false;
  /** The steps after the first, once their code is in (see withLaterSteps). */
  private laterSteps: LaterSteps | undefined;
  private laterStepsWait: Promise<LaterSteps> | undefined;

  /** What the steps after the first use of the element. */
  private readonly laterStepsHost: LaterStepsHost = {
    element: this,
    locale: this.locale,
    state: () => ({
      step: this.step,
      registration: this.registration.status === TaskStatus.COMPLETE ? this.registration.value : undefined,
      sent: this.sent,
      resendIn: this.resendSecondsLeft(),
      busy: this.busy,
      fieldErrors: this.fieldErrors,
    }),
    act: (action, work, onField) => this.act(action, work, onField),
    clearFieldError: (key) => this.clearFieldError(key),
    adapter: () => this.requireAdapter(),
    signal: () => this.actions.signal,
    canUpload: () => this.can('uploadImage'),
    heading: (key) => this.renderHeading(key),
    actionError: (action) => this.renderActionError(action),
    errorMessage: (error) => this.errorMessage(error),
    duration: (totalSeconds) => this.duration(totalSeconds),
    resend: () => void this.sendEmail(),
    backToVerify: () => this.backToVerify(),
    registered: (partner) => {
      this.actionError = undefined;
      this.flowStep = 'done';
      this.emit('pk-registered', { partner });
    },
  };

  /**
   * Where the registration is (read-only). A step after the first may still be loading its code:
   * meanwhile the element shows the wait it was in (see the class description).
   */
  get step(): RegistrationStep {
    const adapter = this.adapterForArgs();
    if (adapter !== undefined && !supportsRegistration(adapter)) return 'unavailable';
    const registration = this.loadedRegistration();
    if (registration instanceof PartnerKitError) {
      if (registration.code === 'not_found') return 'invitation-invalid';
      if (registration.code === 'conflict') return 'invitation-accepted';
      return 'load-error';
    }
    if (registration === undefined) return 'loading';
    if (this.flowStep !== undefined) return this.flowStep;
    if (registration.emailVerified) return 'profile';
    if (this.code) {
      if (this.verification.error) return 'verify-error';
      const result = this.verification.status === TaskStatus.COMPLETE ? this.verification.value : undefined;
      if (!result) return 'verifying';
      if (result.status === 'verified') return 'profile';
      return result.status;
    }
    return 'verify';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.actions.signal.aborted) this.actions = new AbortController();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.actions.abort(new DOMException('The element was disconnected.', 'AbortError'));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('token') && changed.get('token') !== undefined) this.resetForNewInvitation();
    if (changed.has('code') && this.code) {
      // A new verification link: what it says decides the step again.
      this.flowStep = undefined;
      this.actionError = undefined;
    }
    const registration = this.loadedRegistration();
    if (registration !== undefined && !(registration instanceof PartnerKitError) && this.filledFor !== registration.token) {
      this.filledFor = registration.token;
      this.email = registration.email;
    }
    // A step after the first is due, or soon (the emailed link is being checked): its code loads now.
    const step = this.step;
    if (this.laterSteps === undefined && (isLaterStep(step) || step === 'verifying')) {
      if (laterStepsCode.value) this.attachLaterSteps(laterStepsCode.value);
      else if (this.laterStepsWait === undefined && this.laterStepsError === undefined) {
        this.withLaterSteps().catch((error: unknown) => {
          this.laterStepsError = error as PartnerKitError;
        });
      }
    }
  }

  protected override updated(): void {
    const step = this.step;
    const view = this.view(step);
    if (view !== this.renderedView) {
      const previous = this.renderedView;
      this.renderedView = view;
      // The first step the page shows does not take focus; every later change does.
      if (previous !== undefined && this.hasShownInteractiveStep) this.focusHeading();
      if (!WAITING_VIEWS.has(view)) this.hasShownInteractiveStep = true;
      const loadError = view === 'load-error' ? this.registration.error : undefined;
      // The partner sees a plain message; the integrator gets the precise one.
      if (loadError?.code === 'contract') console.error(`[partner-kit] <partner-registration>: ${loadError.message}`);
    }
    // The partner can go on from here: the next steps' code loads in idle time, before it is needed.
    if (step === 'verify' || step === 'verify-error') laterStepsCode.prefetch();
  }

  private resetForNewInvitation(): void {
    this.flowStep = undefined;
    this.filledFor = undefined;
    this.email = '';
    this.actionError = undefined;
    this.fieldErrors = {};
    this.sent = undefined;
    this.resendReadyAt = 0;
    this.sendKey.settle();
    this.laterSteps?.reset();
  }

  // ---------------------------------------------------------------------------
  // The steps after the first

  /** This element's later steps, loading their code first when needed (a failure rejects with a network error). */
  private withLaterSteps(): Promise<LaterSteps> {
    this.laterStepsWait ??= loadOrNetworkError(laterStepsCode, 'The later steps').then(
      (module) => this.attachLaterSteps(module),
      (error: unknown) => {
        this.laterStepsWait = undefined;
        throw error;
      },
    );
    return this.laterStepsWait;
  }

  private attachLaterSteps(module: typeof LaterStepsModule): LaterSteps {
    if (this.laterSteps === undefined) {
      this.laterSteps = new module.LaterSteps(this.laterStepsHost);
      adoptLaterStyles(this, module.laterStepsStyles);
      this.requestUpdate();
    }
    return this.laterSteps;
  }

  /** What shows for `step`: the step, or while its code loads, the wait the partner was in (or the failure to load it). */
  private view(step: RegistrationStep): View {
    if (!isLaterStep(step) || this.laterSteps !== undefined) return step;
    if (this.laterStepsError !== undefined) return 'later-steps-error';
    return this.code ? 'verifying' : 'loading';
  }

  // ---------------------------------------------------------------------------
  // Adapter

  /** The adapter as a stable load argument: undefined when there is none usable. */
  private adapterForArgs(): PartnerKitAdapter | undefined {
    try {
      return this.resolvedAdapter;
    } catch {
      return undefined;
    }
  }

  /** The registration of the current token, its load error, or undefined while it loads. */
  private loadedRegistration(): Registration | PartnerKitError | undefined {
    const { status } = this.registration;
    if (status === TaskStatus.ERROR) return this.registration.error;
    if (status !== TaskStatus.COMPLETE) return undefined;
    return this.registration.value;
  }

  private requireAdapter(): PartnerKitAdapter {
    const adapter = this.adapterOrError();
    if (adapter instanceof PartnerKitError) throw adapter;
    return adapter;
  }

  // ---------------------------------------------------------------------------
  // Actions

  private async sendEmail(): Promise<void> {
    if (this.busy !== undefined) return;
    const email = this.email.trim();
    if (!isValidEmail(email)) {
      this.showFieldErrors({
        email: this.locale.msg(email === '' ? 'registration.email.required' : 'registration.email.invalid'),
      });
      return;
    }
    const resending = this.step === 'sent';
    if (resending && this.resendSecondsLeft() > 0) return;
    const token = this.token as string;
    await this.act(
      'send',
      async (signal) => {
        // The step that follows must be able to show before an email goes out: a failed load sends nothing.
        await this.withLaterSteps();
        const send = this.requireAdapter().sendVerificationEmail as NonNullable<PartnerKitAdapter['sendVerificationEmail']>;
        const sent = await send(token, email, { idempotencyKey: this.sendKey.for(email.toLowerCase()), signal });
        this.sendKey.settle();
        this.actionError = undefined;
        const lifetime = Math.max(0, Date.parse(sent.expiresAt) - Date.parse(sent.sentAt));
        this.sent = { email, expiresAt: sent.expiresAt, deadline: Date.now() + lifetime };
        this.resendReadyAt = Date.now() + this.cooldownSeconds() * 1000;
        this.flowStep = 'sent';
        const minutes = Math.round(lifetime / 60_000);
        announce(
          this.locale.msg(resending ? 'registration.sent.announce-again' : 'registration.sent.announce', { email, minutes }),
          'polite',
        );
      },
      (key) => key === 'email',
    );
  }

  /**
   * Runs one action of a step. A shown error stays until the outcome is known, so "Try again"
   * keeps its place (and focus) while the retry runs (`work` clears it as it moves on); a
   * validation error lands on the fields `onField` accepts; any other failure is shown with
   * "Try again".
   */
  private async act(action: Action, work: (signal: AbortSignal) => Promise<void>, onField: (key: string) => boolean): Promise<void> {
    this.busy = action;
    this.fieldErrors = {};
    const id = ++this.actionId;
    const signal = this.actions.signal;
    try {
      await work(signal);
    } catch (error) {
      this.fail(action, error, signal, onField);
    } finally {
      if (id === this.actionId) this.busy = undefined;
    }
  }

  /** A failed action: field errors land on their fields; anything else is shown with "Try again". */
  private fail(action: Action, error: unknown, signal: AbortSignal, onField: (key: string) => boolean): void {
    if (isAbortError(error) || signal.aborted) return;
    const failure = toPartnerKitError(error) as PartnerKitError;
    const onFields = this.visibleFieldErrors(failure, onField);
    if (onFields !== undefined) {
      this.showFieldErrors(onFields);
      announce(this.locale.msg('registration.error.validation'), 'assertive');
      return;
    }
    if (action === 'send' && failure.code === 'rate_limited' && failure.retryAfter !== undefined) {
      this.resendReadyAt = Math.max(this.resendReadyAt, Date.now() + failure.retryAfter * 1000);
    }
    this.actionError = { action, error: failure };
    announce(this.errorMessage(failure), 'assertive');
  }

  /** The validation errors of fields this step shows, keyed by field; undefined when none applies. */
  private visibleFieldErrors(failure: PartnerKitError, onField: (key: string) => boolean): Record<string, string> | undefined {
    if (failure.code !== 'validation') return undefined;
    const errors: Record<string, string> = {};
    for (const [path, message] of Object.entries(failure.fieldErrors)) {
      const key = path.replace(/^profile\./, '');
      if (onField(key)) errors[key] = message;
    }
    return Object.keys(errors).length > 0 ? errors : undefined;
  }

  private showFieldErrors(errors: Record<string, string>): void {
    this.fieldErrors = errors;
    void this.updateComplete.then(() => {
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    });
  }

  private clearFieldError(key: string): void {
    if (!(key in this.fieldErrors)) return;
    const { [key]: _cleared, ...rest } = this.fieldErrors;
    this.fieldErrors = rest;
  }

  private retry(): void {
    const failed = this.actionError?.action;
    if (failed === 'send') void this.sendEmail();
    else if (failed === 'complete') void this.laterSteps?.complete();
  }

  /** Back to the verify step, the address kept (expired or invalid link, or another address). */
  private backToVerify(): void {
    this.actionError = undefined;
    this.fieldErrors = {};
    this.flowStep = 'verify';
  }

  private focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('[part~="heading"]')?.focus();
  }

  // ---------------------------------------------------------------------------
  // Time

  private cooldownSeconds(): number {
    const seconds = Number(this.resendCooldown);
    return Number.isFinite(seconds) && seconds >= 0 ? seconds : DEFAULT_RESEND_COOLDOWN_SECONDS;
  }

  private resendSecondsLeft(): number {
    return Math.max(0, Math.ceil((this.resendReadyAt - Date.now()) / 1000));
  }

  private duration(totalSeconds: number): string {
    const minutes = Math.floor(totalSeconds / 60);
    const seconds = totalSeconds % 60;
    const unit = (value: number, name: 'minute' | 'second') =>
      this.locale.formatNumber(value, { style: 'unit', unit: name, unitDisplay: 'long' });
    const parts = minutes > 0 ? [unit(minutes, 'minute')] : [];
    if (seconds > 0 || minutes === 0) parts.push(unit(seconds, 'second'));
    return this.locale.formatList(parts, { type: 'unit', style: 'long' });
  }

  // ---------------------------------------------------------------------------
  // Events

  private onEmailInput(event: Event): void {
    this.email = (event.target as HTMLInputElement).value;
    this.clearFieldError('email');
  }

  private onFooterSlotChange(event: Event): void {
    this.hasFooter = (event.target as HTMLSlotElement).assignedNodes({ flatten: true }).length > 0;
  }

  private onSendSubmit(event: SubmitEvent): void {
    event.preventDefault();
    void this.sendEmail();
  }

  // ---------------------------------------------------------------------------
  // Rendering

  private errorMessage(error: PartnerKitError): string {
    if (error.code === 'rate_limited' && error.retryAfter !== undefined) {
      return this.locale.msg('registration.error.rate_limited.wait', { duration: this.duration(Math.ceil(error.retryAfter)) });
    }
    return this.locale.msg(`registration.error.${error.code}`);
  }

  protected override render() {
    const view = this.view(this.step);
    return html`
      <div part="base" class="base" lang=${this.locale.lang}>
        <section part="step" class="step" data-step=${view} aria-labelledby="heading" aria-busy=${WAITING_VIEWS.has(view) ? 'true' : 'false'}>
          ${this.renderView(view)}
        </section>
        <div part="footer" class="footer ${this.hasFooter ? 'filled' : ''}">
          <slot name="footer" @slotchange=${this.onFooterSlotChange}></slot>
        </div>
      </div>
    `;
  }

  private renderView(view: View): TemplateResult {
    if (isLaterStep(view)) return (this.laterSteps as LaterSteps).render(view);
    switch (view) {
      case 'loading':
        return this.renderWaiting('registration.loading');
      case 'verifying':
        return this.renderWaiting('registration.verifying');
      case 'unavailable':
        return this.renderMessage('registration.unavailable.heading', 'registration.unavailable.body');
      case 'invitation-invalid':
        return this.renderMessage('registration.invitation-invalid.heading', 'registration.invitation-invalid.body');
      case 'invitation-accepted':
        return html`${this.renderMessage('registration.invitation-accepted.heading', 'registration.invitation-accepted.body')}
        ${this.renderLogin()}`;
      case 'load-error':
        return this.renderFailure('registration.load-error.heading', this.registration.error, () => void this.registration.run());
      case 'verify':
        return this.renderVerify();
      case 'verify-error':
        return this.renderVerifyError();
      case 'later-steps-error':
        // The code of the step that is due could not load: "Try again" loads it again.
        return this.renderFailure('registration.later-steps-error.heading', this.laterStepsError, () => (this.laterStepsError = undefined));
    }
  }

  private renderHeading(key: MessageKey): TemplateResult {
    return html`<h2 id="heading" part="heading" class="heading" tabindex="-1">${this.locale.msg(key)}</h2>`;
  }

  /** The heading says what is awaited; the section is `aria-busy` meanwhile. */
  private renderWaiting(key: MessageKey): TemplateResult {
    return html`<div part="status" class="status"><span class="spinner" aria-hidden="true"></span>${this.renderHeading(key)}</div>`;
  }

  private renderMessage(heading: MessageKey, body: MessageKey): TemplateResult {
    return html`${this.renderHeading(heading)}
      <p part="intro" class="intro">${this.locale.msg(body)}</p>`;
  }

  /** A step that failed: its heading, what went wrong, and "Try again". */
  private renderFailure(heading: MessageKey, error: PartnerKitError | undefined, retry: () => void): TemplateResult {
    return html`${this.renderHeading(heading)}
      <div part="error" class="error">
        <p>${error ? this.errorMessage(error) : this.locale.msg('registration.error.unknown')}</p>
        <button part="button" class="button focus-ring" type="button" @click=${retry}>
          ${this.locale.msg('registration.retry')}
        </button>
      </div>`;
  }

  private renderVerifyError(): TemplateResult {
    return html`${this.renderFailure('registration.verify-error.heading', this.verification.error, () => void this.verification.run())}
      <div part="actions" class="actions">
        <button part="button" class="button secondary focus-ring" type="button" @click=${this.backToVerify}>
          ${this.locale.msg('registration.new-email')}
        </button>
      </div>`;
  }

  /** The error of the action this step runs, with "Try again" (the same intent, the same key). */
  private renderActionError(action: Action): TemplateResult | typeof nothing {
    const failure = this.actionError;
    if (failure === undefined || failure.action !== action) return nothing;
    return html`<div part="error" class="error">
      <p>${this.errorMessage(failure.error)}</p>
      <button part="button" class="button focus-ring" type="button" aria-disabled=${this.busy === undefined ? 'false' : 'true'} @click=${this.retry}>
        ${this.locale.msg('registration.retry')}
      </button>
    </div>`;
  }

  private renderLogin(): TemplateResult {
    const href = safeUrl(this.loginHref);
    return html`<slot name="login"
      >${href === null
        ? nothing
        : html`<p part="login" class="login">
            ${this.locale.msg('registration.login.prompt')}
            <a part="login-link" class="link focus-ring" href=${href}>${this.locale.msg('registration.login.link')}</a>
          </p>`}</slot
    >`;
  }

  private renderVerify(): TemplateResult {
    const error = this.fieldErrors['email'];
    const sending = this.busy === 'send';
    const registration = this.loadedRegistration();
    const inviter = registration && !(registration instanceof PartnerKitError) ? registration.invitedBy.name : '';
    return html`${this.renderHeading('registration.verify.heading')}
      ${inviter ? html`<p part="intro" class="intro">${this.locale.msg('registration.verify.invited-by', { name: inviter })}</p>` : nothing}
      <p part="intro" class="intro">${this.locale.msg('registration.verify.intro')}</p>
      <form part="form" class="form" novalidate @submit=${this.onSendSubmit}>
        <div part="field" class="field">
          <label part="label" class="label" for="email">${this.locale.msg('registration.verify.email-label')}</label>
          <input
            part="input"
            class="input focus-ring"
            id="email"
            name="email"
            type="email"
            autocomplete="email"
            spellcheck="false"
            maxlength="254"
            required
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${ifDefined(error ? 'email-error' : undefined)}
            .value=${live(this.email)}
            @input=${this.onEmailInput}
          />
          ${error ? html`<p part="field-error" class="field-error" id="email-error">${error}</p>` : nothing}
        </div>
        ${this.renderActionError('send')}
        <div part="actions" class="actions">
          <button part="button button-primary" class="button primary focus-ring" type="submit" aria-disabled=${sending ? 'true' : 'false'}>
            ${this.locale.msg(sending ? 'registration.verify.sending' : 'registration.verify.submit')}
          </button>
        </div>
      </form>
      ${this.renderLogin()}`;
  }
}
