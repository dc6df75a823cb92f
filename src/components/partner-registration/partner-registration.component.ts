import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { isAbortError, PartnerKitError, toPartnerKitError } from '../../adapter/errors.js';
import type {
  AdapterMethod,
  ImageKind,
  Partner,
  PartnerKitAdapter,
  Registration,
  VerificationResult,
} from '../../adapter/types.js';
import { isValidEmail } from '../../domain/emails.js';
import { safeUrl } from '../../domain/safe-url.js';
import { hasCapability } from '../../adapter/validate.js';
import { DataController, TaskStatus } from '../../internal/data-controller.js';
import { announce } from '../../internal/live-region.js';
import { LocaleController } from '../../internal/locale-controller.js';
import { PartnerKitElement } from '../../internal/partner-kit-element.js';
// Registers <profile-progress>, which the profile step shows.
import '../profile-progress/profile-progress.js';
import type { MessageKey } from '../../locales/index.js';
import { focusRing } from '../../styles/shared.js';
import { tokens } from '../../styles/tokens.js';
import { IntentKey } from './intent-key.js';
import { partnerRegistrationStyles } from './partner-registration.styles.js';
import {
  draftFromProfile,
  GENERAL_FIELDS,
  IMAGE_FIELD,
  IMAGE_KINDS,
  IMAGE_TYPES,
  imageProblem,
  isFormKey,
  MAX_IMAGE_MEGABYTES,
  MLS_FIELDS,
  profileFromDraft,
  supportedTimeZones,
  type FormKey,
  type ProfileDraft,
  type TextFieldSpec,
} from './profile-fields.js';
import { TickController } from './tick-controller.js';
import { partnerRegistrationEn } from '../../locales/partner-registration.en.js';
import { registerMessages } from '../../locales/index.js';

// This element's own strings: English now, Spanish when the page needs it.
registerMessages(partnerRegistrationEn, { es: () => import('../../locales/partner-registration.es.js').then((module) => module.partnerRegistrationEs) });

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

type Action = 'send' | 'complete';

/** Steps shown while waiting: arriving on them never takes focus from the page. */
const WAITING_STEPS: ReadonlySet<RegistrationStep> = new Set(['loading', 'verifying']);

const REGISTRATION_METHODS: readonly AdapterMethod[] = [
  'getRegistration',
  'sendVerificationEmail',
  'verifyEmail',
  'completeRegistration',
];

function supportsRegistration(adapter: PartnerKitAdapter): boolean {
  return REGISTRATION_METHODS.every((method) => hasCapability(adapter, method));
}

/** Seed 001: the link in the verification email works for 30 minutes. */
export const VERIFICATION_LINK_MINUTES = 30;
const DEFAULT_RESEND_COOLDOWN_SECONDS = 30;

interface SentEmail {
  email: string;
  /** The server's expiry time, shown to the partner. */
  expiresAt: string;
  /**
   * The same moment on this device's clock: the link's lifetime (expiresAt −
   * sentAt, both the server's) counted from when the answer arrived, so a
   * device clock that is off does not shorten or stretch the countdown.
   */
  deadline: number;
}

interface ActionError {
  action: Action;
  error: PartnerKitError;
}

type UploadState = { status: 'uploading' } | { status: 'error'; message: string; retry: File | null };

/**
 * @summary The invited partner's side of a co-marketing connection (seed 001):
 * verify the email address, follow the emailed link (it expires after 30
 * minutes; a new one can be sent), then check and complete the profile the
 * inviter pre-filled.
 *
 * Give it the `token` of the invitation link. The emailed verification link
 * lands on the page with a `code`: set it too, and the element verifies it.
 *
 * @tag partner-registration
 *
 * @slot login - Replaces "Already have an account? Login here." (shown on the verify step and when the invitation was already accepted). Without it, that line appears when `login-href` is set.
 * @slot footer - Below every step: the host's links (About, Terms of Service, Privacy Policy).
 *
 * @csspart base - The whole element (a card on the surface colour).
 * @csspart step - The current step; `data-step` names it.
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
  static override styles = [tokens, focusRing, partnerRegistrationStyles];

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
  @state() private draft: ProfileDraft = draftFromProfile(undefined);
  @state() private busy: Action | undefined;
  @state() private actionError: ActionError | undefined;
  @state() private fieldErrors: Readonly<Record<string, string>> = {};
  @state() private uploads: Partial<Record<ImageKind, UploadState>> = {};
  @state() private sent: SentEmail | undefined;
  @state() private hasFooter = false;

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

  /** Re-renders every second while the sent step counts down (link expiry, resend cooldown). */
  private readonly ticker = new TickController(this, () => this.step === 'sent' && this.needsTicks());

  private readonly sendKey = new IntentKey();
  private readonly completeKey = new IntentKey();
  private readonly uploadKeys: Record<ImageKind, IntentKey> = { photo: new IntentKey(), logo: new IntentKey() };

  /** Aborted when the element leaves the document: an answer nobody waits for is dropped. */
  private actions = new AbortController();
  /** The token whose registration filled the form (the form is filled once per invitation). */
  private filledFor: string | undefined;
  /** Which action may clear `busy` when it ends (an older one, aborted by a disconnect, may not). */
  private actionId = 0;
  private resendReadyAt = 0;
  private expiryAnnounced = false;
  private renderedStep: RegistrationStep | undefined;
  private hasShownInteractiveStep = false;

  /** Where the registration is (read-only). */
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
      this.draft = draftFromProfile(registration.profile);
    }
  }

  protected override updated(): void {
    const step = this.step;
    if (step !== this.renderedStep) {
      const previous = this.renderedStep;
      this.renderedStep = step;
      // The first step the page shows does not take focus; every later change does.
      if (previous !== undefined && this.hasShownInteractiveStep) this.focusHeading();
      if (!WAITING_STEPS.has(step)) this.hasShownInteractiveStep = true;
      if (step === 'expired') announce(this.locale.msg('registration.expired.announce'), 'polite');
      const loadError = step === 'load-error' ? this.registration.error : undefined;
      // The partner sees a plain message; the integrator gets the precise one.
      if (loadError?.code === 'contract') console.error(`[partner-kit] <partner-registration>: ${loadError.message}`);
    }
    if (step === 'sent' && this.sent && !this.expiryAnnounced && this.secondsLeft() === 0) {
      this.expiryAnnounced = true;
      announce(this.locale.msg('registration.sent.announce-expired'), 'polite');
    }
  }

  private resetForNewInvitation(): void {
    this.flowStep = undefined;
    this.filledFor = undefined;
    this.email = '';
    this.draft = draftFromProfile(undefined);
    this.actionError = undefined;
    this.fieldErrors = {};
    this.uploads = {};
    this.sent = undefined;
    this.resendReadyAt = 0;
    this.sendKey.settle();
    this.completeKey.settle();
    for (const kind of IMAGE_KINDS) this.uploadKeys[kind].settle();
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
    const { id, signal } = this.startAction('send');
    try {
      const adapter = this.requireAdapter();
      const send = adapter.sendVerificationEmail as NonNullable<PartnerKitAdapter['sendVerificationEmail']>;
      const sent = await send(token, email, { idempotencyKey: this.sendKey.for(email.toLowerCase()), signal });
      this.sendKey.settle();
      this.actionError = undefined;
      const lifetime = Math.max(0, Date.parse(sent.expiresAt) - Date.parse(sent.sentAt));
      this.sent = { email, expiresAt: sent.expiresAt, deadline: Date.now() + lifetime };
      this.resendReadyAt = Date.now() + this.cooldownSeconds() * 1000;
      this.expiryAnnounced = false;
      this.flowStep = 'sent';
      const minutes = Math.round(lifetime / 60_000);
      announce(
        this.locale.msg(resending ? 'registration.sent.announce-again' : 'registration.sent.announce', { email, minutes }),
        'polite',
      );
    } catch (error) {
      this.fail('send', error, signal);
    } finally {
      this.endAction(id);
    }
  }

  private retryVerification(): void {
    void this.verification.run();
  }

  private async completeRegistration(): Promise<void> {
    if (this.busy !== undefined) return;
    if (this.uploading()) {
      announce(this.locale.msg('registration.profile.wait-for-upload'), 'assertive');
      return;
    }
    const profile = profileFromDraft(this.draft);
    const token = this.token as string;
    const { id, signal } = this.startAction('complete');
    try {
      const adapter = this.requireAdapter();
      const complete = adapter.completeRegistration as NonNullable<PartnerKitAdapter['completeRegistration']>;
      const partner = await complete(token, profile, {
        idempotencyKey: this.completeKey.for(JSON.stringify(profile)),
        signal,
      });
      this.completeKey.settle();
      this.actionError = undefined;
      this.flowStep = 'done';
      announce(this.locale.msg('registration.done.announce'), 'polite');
      this.emit('pk-registered', { partner });
    } catch (error) {
      this.fail('complete', error, signal);
    } finally {
      this.endAction(id);
    }
  }

  private async uploadImage(kind: ImageKind, file: File): Promise<void> {
    const problem = imageProblem(file);
    if (problem !== null) {
      const messages = {
        type: this.locale.msg('registration.image.type'),
        empty: this.locale.msg('registration.image.empty'),
        size: this.locale.msg('registration.image.size', { size: this.maxImageSize() }),
      };
      this.uploads = { ...this.uploads, [kind]: { status: 'error', message: messages[problem], retry: null } };
      return;
    }
    this.uploads = { ...this.uploads, [kind]: { status: 'uploading' } };
    const signal = this.actions.signal;
    const key = this.uploadKeys[kind];
    try {
      const adapter = this.requireAdapter();
      const upload = adapter.uploadImage as NonNullable<PartnerKitAdapter['uploadImage']>;
      const { url } = await upload(file, kind, {
        idempotencyKey: key.for(`${file.name}|${file.type}|${file.size}|${file.lastModified}`),
        signal,
      });
      key.settle();
      this.draft = { ...this.draft, [IMAGE_FIELD[kind]]: url };
      this.clearFieldError(IMAGE_FIELD[kind]);
      this.uploads = { ...this.uploads, [kind]: undefined };
      announce(this.locale.msg(kind === 'photo' ? 'registration.image.uploaded.photo' : 'registration.image.uploaded.logo'), 'polite');
    } catch (error) {
      if (isAbortError(error) || signal.aborted) {
        this.uploads = { ...this.uploads, [kind]: undefined };
        return;
      }
      const failure = toPartnerKitError(error) as PartnerKitError;
      const message = failure.fieldErrors['file'] ?? this.errorMessage(failure);
      this.uploads = { ...this.uploads, [kind]: { status: 'error', message, retry: failure.retryable ? file : null } };
      announce(message, 'assertive');
    }
  }

  /**
   * Marks `action` as running. A shown error stays until the outcome is known,
   * so "Try again" keeps its place (and focus) while the retry runs.
   */
  private startAction(action: Action): { id: number; signal: AbortSignal } {
    this.busy = action;
    this.fieldErrors = {};
    return { id: ++this.actionId, signal: this.actions.signal };
  }

  private endAction(id: number): void {
    if (id === this.actionId) this.busy = undefined;
  }

  /** A failed action: field errors land on their fields; anything else is shown with "Try again". */
  private fail(action: Action, error: unknown, signal: AbortSignal): void {
    if (isAbortError(error) || signal.aborted) return;
    const failure = toPartnerKitError(error) as PartnerKitError;
    const onFields = this.visibleFieldErrors(action, failure);
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
  private visibleFieldErrors(action: Action, failure: PartnerKitError): Record<string, string> | undefined {
    if (failure.code !== 'validation') return undefined;
    const errors: Record<string, string> = {};
    for (const [path, message] of Object.entries(failure.fieldErrors)) {
      const key = path.replace(/^profile\./, '');
      if (action === 'send' ? key === 'email' : isFormKey(key)) errors[key] = message;
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
    else if (failed === 'complete') void this.completeRegistration();
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

  /** Whole seconds until the emailed link expires (0 once expired). */
  private secondsLeft(): number {
    if (this.sent === undefined) return 0;
    return Math.max(0, Math.ceil((this.sent.deadline - Date.now()) / 1000));
  }

  private resendSecondsLeft(): number {
    return Math.max(0, Math.ceil((this.resendReadyAt - Date.now()) / 1000));
  }

  private needsTicks(): boolean {
    return this.secondsLeft() > 0 || this.resendSecondsLeft() > 0;
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

  private maxImageSize(): string {
    return this.locale.formatNumber(MAX_IMAGE_MEGABYTES, { style: 'unit', unit: 'megabyte', unitDisplay: 'short' });
  }

  private uploading(): boolean {
    return IMAGE_KINDS.some((kind) => this.uploads[kind]?.status === 'uploading');
  }

  // ---------------------------------------------------------------------------
  // Events

  private onEmailInput(event: Event): void {
    this.email = (event.target as HTMLInputElement).value;
    this.clearFieldError('email');
  }

  private onFieldInput(event: Event): void {
    const input = event.target as HTMLInputElement | HTMLSelectElement;
    if (!isFormKey(input.name)) return;
    this.draft = { ...this.draft, [input.name]: input.value };
    this.clearFieldError(input.name);
  }

  private onFooterSlotChange(event: Event): void {
    this.hasFooter = (event.target as HTMLSlotElement).assignedNodes({ flatten: true }).length > 0;
  }

  private onSendSubmit(event: SubmitEvent): void {
    event.preventDefault();
    void this.sendEmail();
  }

  private onProfileSubmit(event: SubmitEvent): void {
    event.preventDefault();
    void this.completeRegistration();
  }

  private onFileChange(event: Event): void {
    const input = event.target as HTMLInputElement;
    const kind = input.dataset['kind'] as ImageKind;
    const file = input.files?.[0];
    // Cleared, so choosing the same file again (after a failure) is a change too.
    input.value = '';
    if (file) void this.uploadImage(kind, file);
  }

  private removeImage(kind: ImageKind): void {
    this.draft = { ...this.draft, [IMAGE_FIELD[kind]]: '' };
    this.uploads = { ...this.uploads, [kind]: undefined };
    // The button goes away with the image: focus goes to the upload input, not to the page.
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#upload-${kind}`)?.focus());
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
    const step = this.step;
    return html`
      <div part="base" class="base" lang=${this.locale.lang}>
        <section part="step" class="step" data-step=${step} aria-labelledby="heading" aria-busy=${WAITING_STEPS.has(step) ? 'true' : 'false'}>
          ${this.renderStep(step)}
        </section>
        <div part="footer" class="footer ${this.hasFooter ? 'filled' : ''}">
          <slot name="footer" @slotchange=${this.onFooterSlotChange}></slot>
        </div>
      </div>
    `;
  }

  private renderStep(step: RegistrationStep): TemplateResult {
    switch (step) {
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
        return this.renderLoadError();
      case 'verify':
        return this.renderVerify();
      case 'sent':
        return this.renderSent();
      case 'verify-error':
        return this.renderVerifyError();
      case 'expired':
        return this.renderLinkProblem('registration.expired.heading', 'registration.expired.body');
      case 'invalid':
        return this.renderLinkProblem('registration.invalid.heading', 'registration.invalid.body');
      case 'profile':
        return this.renderProfile();
      case 'done':
        return this.renderDone();
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

  private renderLoadError(): TemplateResult {
    const error = this.registration.error;
    return html`${this.renderHeading('registration.load-error.heading')}
      <div part="error" class="error">
        <p>${error ? this.errorMessage(error) : this.locale.msg('registration.error.unknown')}</p>
        <button part="button" class="button focus-ring" type="button" @click=${() => void this.registration.run()}>
          ${this.locale.msg('registration.retry')}
        </button>
      </div>`;
  }

  private renderVerifyError(): TemplateResult {
    const error = this.verification.error;
    return html`${this.renderHeading('registration.verify-error.heading')}
      <div part="error" class="error">
        <p>${error ? this.errorMessage(error) : this.locale.msg('registration.error.unknown')}</p>
        <button part="button" class="button focus-ring" type="button" @click=${this.retryVerification}>
          ${this.locale.msg('registration.retry')}
        </button>
      </div>
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

  private inviterName(): string {
    const registration = this.loadedRegistration();
    return registration && !(registration instanceof PartnerKitError) ? registration.invitedBy.name : '';
  }

  private renderVerify(): TemplateResult {
    const error = this.fieldErrors['email'];
    const sending = this.busy === 'send';
    const inviter = this.inviterName();
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

  private renderSent(): TemplateResult {
    const sent = this.sent as SentEmail;
    const left = this.secondsLeft();
    const wait = this.resendSecondsLeft();
    const sending = this.busy === 'send';
    const time = this.locale.formatDate(sent.expiresAt, { timeStyle: 'short' });
    return html`${this.renderHeading('registration.sent.heading')}
      <p part="intro" class="intro">${this.locale.msg('registration.sent.body', { email: sent.email })}</p>
      <p part="expiry" class="notice ${left === 0 ? 'expired' : ''}">
        ${left === 0
          ? this.locale.msg('registration.sent.expired', { time })
          : html`${this.locale.msg('registration.sent.expires', { time })}
              <span part="countdown" class="countdown" role="timer"
                >${this.locale.msg('registration.sent.remaining', { remaining: this.duration(left) })}</span
              >`}
      </p>
      ${this.renderActionError('send')}
      <div part="actions" class="actions">
        <button
          part="button ${left === 0 ? 'button-primary' : ''}"
          class="button ${left === 0 ? 'primary' : 'secondary'} focus-ring"
          type="button"
          aria-disabled=${wait > 0 || sending ? 'true' : 'false'}
          aria-describedby=${ifDefined(wait > 0 ? 'resend-hint' : undefined)}
          @click=${() => void this.sendEmail()}
        >
          ${sending
            ? this.locale.msg('registration.verify.sending')
            : this.locale.msg(left === 0 ? 'registration.sent.resend-expired' : 'registration.sent.resend')}
        </button>
        <button part="button" class="button secondary focus-ring" type="button" @click=${this.backToVerify}>
          ${this.locale.msg('registration.sent.change-email')}
        </button>
      </div>
      ${wait > 0
        ? html`<p part="resend-hint" class="hint" id="resend-hint">
            ${this.locale.msg('registration.sent.resend-wait', { duration: this.duration(wait) })}
          </p>`
        : nothing}`;
  }

  private renderLinkProblem(heading: MessageKey, body: MessageKey): TemplateResult {
    return html`${this.renderHeading(heading)}
      <p part="intro" class="intro">${this.locale.msg(body, { minutes: VERIFICATION_LINK_MINUTES })}</p>
      <div part="actions" class="actions">
        <button part="button button-primary" class="button primary focus-ring" type="button" @click=${this.backToVerify}>
          ${this.locale.msg('registration.new-email')}
        </button>
      </div>`;
  }

  private renderProfile(): TemplateResult {
    const submitting = this.busy === 'complete';
    const inviter = this.inviterName();
    const registration = this.loadedRegistration();
    const accountEmail = this.sent?.email ?? (registration instanceof PartnerKitError ? undefined : registration?.email);
    return html`${this.renderHeading('registration.profile.heading')}
      ${inviter ? html`<p part="intro" class="intro">${this.locale.msg('registration.profile.intro', { name: inviter })}</p>` : nothing}
      ${accountEmail ? html`<p part="intro" class="intro muted">${this.locale.msg('registration.profile.account-email', { email: accountEmail })}</p>` : nothing}
      <profile-progress part="progress" class="progress" preset="reminders" .profile=${profileFromDraft(this.draft)}></profile-progress>
      <form part="form" class="form" novalidate @submit=${this.onProfileSubmit} @input=${this.onFieldInput} @change=${this.onFieldInput}>
        <fieldset part="fieldset" class="fieldset">
          <legend part="legend" class="legend">${this.locale.msg('registration.profile.general')}</legend>
          <div class="grid">${GENERAL_FIELDS.map((field) => this.renderTextField(field))} ${this.renderTimeZone()}</div>
        </fieldset>
        <fieldset part="fieldset" class="fieldset">
          <legend part="legend" class="legend">${this.locale.msg('registration.profile.mls')}</legend>
          <div class="grid">${MLS_FIELDS.map((field) => this.renderTextField(field))}</div>
        </fieldset>
        <fieldset part="fieldset" class="fieldset">
          <legend part="legend" class="legend">${this.locale.msg('registration.profile.images')}</legend>
          <div class="grid">${IMAGE_KINDS.map((kind) => this.renderImage(kind))}</div>
        </fieldset>
        ${this.renderActionError('complete')}
        <div part="actions" class="actions">
          <button
            part="button button-primary"
            class="button primary focus-ring"
            type="submit"
            aria-disabled=${submitting || this.uploading() ? 'true' : 'false'}
          >
            ${this.locale.msg(submitting ? 'registration.profile.submitting' : 'registration.profile.submit')}
          </button>
        </div>
      </form>`;
  }

  private fieldErrorAttributes(key: FormKey) {
    const error = this.fieldErrors[key];
    return { error, invalid: error ? 'true' : 'false', describedBy: error ? `${key}-error` : undefined } as const;
  }

  private renderFieldError(key: string, error: string | undefined): TemplateResult | typeof nothing {
    return error ? html`<p part="field-error" class="field-error" id="${key}-error">${error}</p>` : nothing;
  }

  private renderTextField(field: TextFieldSpec): TemplateResult {
    const { error, invalid, describedBy } = this.fieldErrorAttributes(field.key);
    return html`<div part="field" class="field">
      <label part="label" class="label" for=${field.key}>${this.locale.msg(`field.${field.key}`)}</label>
      <input
        part="input"
        class="input focus-ring"
        id=${field.key}
        name=${field.key}
        type=${field.type}
        autocomplete=${field.autocomplete}
        maxlength=${field.maxLength}
        aria-invalid=${invalid}
        aria-describedby=${ifDefined(describedBy)}
        .value=${live(this.draft[field.key])}
      />
      ${this.renderFieldError(field.key, error)}
    </div>`;
  }

  private renderTimeZone(): TemplateResult {
    const { error, invalid, describedBy } = this.fieldErrorAttributes('timeZone');
    const current = this.draft.timeZone;
    const zones = supportedTimeZones();
    return html`<div part="field" class="field">
      <label part="label" class="label" for="timeZone">${this.locale.msg('field.timeZone')}</label>
      <select
        part="select"
        class="input focus-ring"
        id="timeZone"
        name="timeZone"
        aria-invalid=${invalid}
        aria-describedby=${ifDefined(describedBy)}
      >
        <option value="" ?selected=${current === ''}>${this.locale.msg('registration.profile.time-zone-none')}</option>
        ${current !== '' && !zones.includes(current)
          ? html`<option value=${current} selected>${current}</option>`
          : nothing}
        ${guard([zones, current], () =>
          zones.map((zone) => html`<option value=${zone} ?selected=${zone === current}>${zone.replaceAll('_', ' ')}</option>`),
        )}
      </select>
      ${this.renderFieldError('timeZone', error)}
    </div>`;
  }

  private renderImage(kind: ImageKind): TemplateResult {
    const key = IMAGE_FIELD[kind];
    const src = safeUrl(this.draft[key]);
    const upload = this.uploads[kind];
    const canUpload = this.can('uploadImage');
    const { error: serverError } = this.fieldErrorAttributes(key);
    const error = upload?.status === 'error' ? upload.message : serverError;
    const inputId = `upload-${kind}`;
    const label = this.locale.msg(kind === 'photo' ? 'field.photoUrl' : 'field.logoUrl');
    return html`<div part="field image" class="field image" role="group" aria-labelledby="${kind}-label">
      <span class="label" id="${kind}-label">${label}</span>
      <div class="preview-box">
        ${src === null
          ? html`<p class="muted">${this.locale.msg('registration.image.none')}</p>`
          : html`<img
              part="image-preview"
              class="preview"
              src=${src}
              alt=${this.locale.msg(kind === 'photo' ? 'registration.image.preview.photo' : 'registration.image.preview.logo')}
            />`}
      </div>
      ${canUpload
        ? html`<label part="label" class="file-label" for=${inputId}>
              ${this.locale.msg(kind === 'photo' ? 'registration.image.choose.photo' : 'registration.image.choose.logo')}
            </label>
            <input
              part="input"
              class="file focus-ring"
              id=${inputId}
              type="file"
              data-kind=${kind}
              accept=${IMAGE_TYPES.join(',')}
              aria-invalid=${error ? 'true' : 'false'}
              aria-describedby="${inputId}-hint${error ? ` ${inputId}-error` : ''}"
              ?disabled=${upload?.status === 'uploading'}
              @change=${this.onFileChange}
            />
            <p class="hint" id="${inputId}-hint">
              ${upload?.status === 'uploading'
                ? this.locale.msg('registration.image.uploading')
                : this.locale.msg('registration.image.hint', { size: this.maxImageSize() })}
            </p>`
        : nothing}
      ${this.renderFieldError(inputId, error)}
      <div class="image-actions">
        ${upload?.status === 'error' && upload.retry !== null
          ? html`<button part="button" class="button secondary small focus-ring" type="button" @click=${() => void this.uploadImage(kind, upload.retry as File)}>
              ${this.locale.msg('registration.retry')}
            </button>`
          : nothing}
        ${src !== null
          ? html`<button part="button" class="button secondary small focus-ring" type="button" @click=${() => this.removeImage(kind)}>
              ${this.locale.msg(kind === 'photo' ? 'registration.image.remove.photo' : 'registration.image.remove.logo')}
            </button>`
          : nothing}
      </div>
    </div>`;
  }

  private renderDone(): TemplateResult {
    const href = safeUrl(this.loginHref);
    const inviter = this.inviterName();
    return html`${this.renderHeading('registration.done.heading')}
      <p part="intro" class="intro success">${this.locale.msg('registration.done.body', { name: inviter })}</p>
      ${href === null
        ? nothing
        : html`<div part="actions" class="actions">
            <a part="button button-primary login-link" class="button primary focus-ring" href=${href}>${this.locale.msg('registration.done.login')}</a>
          </div>`}`;
  }
}
