/**
 * The steps of `<partner-registration>` after the first: the email sent (the link's live
 * 30-minute countdown and the resend cooldown), an expired or invalid emailed link, the profile
 * with its live completion and image uploads, and done. The element loads this module on first
 * use (in idle time once the verify step shows, at the latest when "Send Email" is pressed or a
 * later step is due), so its first load does not pay for them. Their strings and styles come
 * with it, and so does `<profile-progress>`.
 */
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { isAbortError, PartnerKitError, toPartnerKitError } from '../../adapter/errors.js';
import type { ImageKind, Partner, PartnerKitAdapter, Registration } from '../../adapter/types.js';
import { checkImageFile, IMAGE_ACCEPT, MAX_IMAGE_MEGABYTES } from '../../domain/images.js';
import {
  GENERAL_FIELDS,
  IMAGE_FIELD,
  IMAGE_KINDS,
  isProfileFormKey,
  MLS_FIELDS,
  profileDraft,
  profileFromDraft,
  type ProfileDraft,
  type ProfileFieldSpec,
  type ProfileFormKey,
} from '../../domain/profile-fields.js';
import { safeUrl } from '../../domain/safe-url.js';
import { announce } from '../../internal/live-region.js';
import type { LocaleController } from '../../internal/locale-controller.js';
import { renderImage } from '../../internal/image.js';
import { profileFieldErrors, renderTimeZoneOptions } from '../../internal/profile-form.js';
import { registerMessages, type MessageKey, type MessageParams } from '../../locales/index.js';
import { partnerRegistrationLaterStepsEn } from '../../locales/partner-registration.later-steps.en.js';
// Registers <profile-progress>, which the profile step shows.
import '../profile-progress/profile-progress.js';
import { IntentKey } from './intent-key.js';
import { laterStepsStyles } from './later-steps.styles.js';
import type { PartnerRegistration, RegistrationStep } from './partner-registration.component.js';
import { TickController } from './tick-controller.js';

// The English strings of these steps (the Spanish ones load with the element's Spanish catalogue).
registerMessages(partnerRegistrationLaterStepsEn);

export { laterStepsStyles };

/** Seed 001: the link in the verification email works for 30 minutes. */
export const VERIFICATION_LINK_MINUTES = 30;

/** The steps this module shows. */
export type LaterStep = Extract<RegistrationStep, 'sent' | 'expired' | 'invalid' | 'profile' | 'done'>;

/** The actions a step runs through the element (busy state, errors, "Try again"). */
export type Action = 'send' | 'complete';

/** The last verification email sent. */
export interface SentEmail {
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

/** What these steps read of the element, current when asked. */
export interface RegistrationState {
  readonly step: RegistrationStep;
  /** The loaded registration (undefined while it loads again). */
  readonly registration: Registration | undefined;
  readonly sent: SentEmail | undefined;
  /** Whole seconds until "Resend email" may be used again (0 when it may). */
  readonly resendIn: number;
  /** The action running, if any. */
  readonly busy: Action | undefined;
  /** The last action's errors, by field. */
  readonly fieldErrors: Readonly<Record<string, string>>;
}

/** What these steps use of the element: one read of its state, and what they ask of it. */
export interface LaterStepsHost {
  /** The element: its properties and render root; these steps add their controllers to it. */
  readonly element: PartnerRegistration;
  readonly locale: LocaleController;
  state(): RegistrationState;
  /**
   * Runs `action` as the element runs its own: busy meanwhile, a validation error on the fields
   * `onField` accepts, any other failure shown by `actionError(action)` with "Try again" until
   * the step moves on.
   */
  act(action: Action, work: (signal: AbortSignal) => Promise<void>, onField: (key: string) => boolean): Promise<void>;
  clearFieldError(key: string): void;
  adapter(): PartnerKitAdapter;
  /** Aborted when the element leaves the document. */
  signal(): AbortSignal;
  canUpload(): boolean;
  /** A step's heading (focus moves to it when the step changes). */
  heading(key: MessageKey): TemplateResult;
  /** The failure of `action` with its "Try again", or nothing. */
  actionError(action: Action): TemplateResult | typeof nothing;
  errorMessage(error: PartnerKitError): string;
  /** "1 minute, 5 seconds", in the element's language. */
  duration(totalSeconds: number): string;
  /** Sends the verification email again. */
  resend(): void;
  /** Back to the verify step, the address kept. */
  backToVerify(): void;
  /** The partner is registered: the done step shows and the page hears `pk-registered`. */
  registered(partner: Partner): void;
}

type UploadState = { status: 'uploading' } | { status: 'error'; message: string; retry: File | null };

/** Whole seconds until the emailed link expires (0 once expired, or before any email). */
function secondsLeft(sent: SentEmail | undefined): number {
  if (sent === undefined) return 0;
  return Math.max(0, Math.ceil((sent.deadline - Date.now()) / 1000));
}

/** The steps after the first, as a controller of the element (one per element, made on first use). */
export class LaterSteps implements ReactiveController {
  readonly #host: LaterStepsHost;
  #draft: ProfileDraft = profileDraft(undefined);
  /** The token whose registration filled the form (the form is filled once per invitation). */
  #filledFor: string | undefined;
  #uploads: Partial<Record<ImageKind, UploadState>> = {};
  readonly #completeKey = new IntentKey();
  readonly #uploadKeys: Record<ImageKind, IntentKey> = { photo: new IntentKey(), logo: new IntentKey() };
  #shownStep: RegistrationStep | undefined;
  /** The email whose expiry was announced (once per email). */
  #expiryAnnouncedFor: SentEmail | undefined;

  constructor(host: LaterStepsHost) {
    this.#host = host;
    host.element.addController(this);
    // Re-renders every second while the sent step counts down (link expiry, resend cooldown).
    new TickController(host.element, () => {
      const { step, sent, resendIn } = host.state();
      return step === 'sent' && (secondsLeft(sent) > 0 || resendIn > 0);
    });
  }

  hostUpdated(): void {
    const { step, sent } = this.#host.state();
    if (step !== this.#shownStep) {
      this.#shownStep = step;
      if (step === 'expired') announce(this.#msg('registration.expired.announce'), 'polite');
    }
    if (step === 'sent' && sent && this.#expiryAnnouncedFor !== sent && secondsLeft(sent) === 0) {
      this.#expiryAnnouncedFor = sent;
      announce(this.#msg('registration.sent.announce-expired'), 'polite');
    }
  }

  /** Another invitation: the form, its uploads and its keys start afresh. */
  reset(): void {
    this.#draft = profileDraft(undefined);
    this.#filledFor = undefined;
    this.#uploads = {};
    this.#completeKey.settle();
    for (const kind of IMAGE_KINDS) this.#uploadKeys[kind].settle();
  }

  render(step: LaterStep): TemplateResult {
    switch (step) {
      case 'sent':
        return this.#renderSent();
      case 'expired':
        return this.#renderLinkProblem('registration.expired.heading', 'registration.expired.body');
      case 'invalid':
        return this.#renderLinkProblem('registration.invalid.heading', 'registration.invalid.body');
      case 'profile':
        return this.#renderProfile();
      case 'done':
        return this.#renderDone();
    }
  }

  // ---------------------------------------------------------------------------
  // Helpers

  #msg(key: MessageKey, params?: MessageParams): string {
    return this.#host.locale.msg(key, params);
  }

  #changed(): void {
    this.#host.element.requestUpdate();
  }

  /** The form's values: the inviter's pre-fill until the partner changes them. */
  #currentDraft(): ProfileDraft {
    const { registration } = this.#host.state();
    if (registration !== undefined && this.#filledFor !== registration.token) {
      this.#filledFor = registration.token;
      this.#draft = profileDraft(registration.profile);
    }
    return this.#draft;
  }

  #inviterName(): string {
    return this.#host.state().registration?.invitedBy.name ?? '';
  }

  #maxImageSize(): string {
    return this.#host.locale.formatNumber(MAX_IMAGE_MEGABYTES, { style: 'unit', unit: 'megabyte', unitDisplay: 'short' });
  }

  #uploading(): boolean {
    return IMAGE_KINDS.some((kind) => this.#uploads[kind]?.status === 'uploading');
  }

  // ---------------------------------------------------------------------------
  // Actions

  /** "Create My Account" (and its "Try again"): sends the profile; the same profile again reuses the key. */
  async complete(): Promise<void> {
    if (this.#host.state().busy !== undefined) return;
    if (this.#uploading()) {
      announce(this.#msg('registration.profile.wait-for-upload'), 'assertive');
      return;
    }
    const profile = profileFromDraft(this.#currentDraft());
    const token = this.#host.element.token as string;
    await this.#host.act(
      'complete',
      async (signal) => {
        // The kit's phone and ZIP checks first: their messages land on the fields as the backend's would, in the page's language.
        const invalid = profileFieldErrors(this.#host.locale, profile);
        if (Object.keys(invalid).length > 0) throw new PartnerKitError('validation', 'A phone number or ZIP code does not follow its rule.', { fieldErrors: invalid });
        const complete = this.#host.adapter().completeRegistration as NonNullable<PartnerKitAdapter['completeRegistration']>;
        const partner = await complete(token, profile, {
          idempotencyKey: this.#completeKey.for(JSON.stringify(profile)),
          signal,
        });
        this.#completeKey.settle();
        announce(this.#msg('registration.done.announce'), 'polite');
        this.#host.registered(partner);
      },
      isProfileFormKey,
    );
  }

  async #uploadImage(kind: ImageKind, file: File): Promise<void> {
    const problem = await checkImageFile(file);
    if (problem !== null) {
      const messages = {
        type: this.#msg('registration.image.type'),
        empty: this.#msg('registration.image.empty'),
        size: this.#msg('registration.image.size', { size: this.#maxImageSize() }),
      };
      this.#setUpload(kind, { status: 'error', message: messages[problem], retry: null });
      return;
    }
    this.#setUpload(kind, { status: 'uploading' });
    const signal = this.#host.signal();
    const key = this.#uploadKeys[kind];
    try {
      const upload = this.#host.adapter().uploadImage as NonNullable<PartnerKitAdapter['uploadImage']>;
      const { url } = await upload(file, kind, {
        idempotencyKey: key.for(`${file.name}|${file.type}|${file.size}|${file.lastModified}`),
        signal,
      });
      key.settle();
      this.#draft = { ...this.#currentDraft(), [IMAGE_FIELD[kind]]: url };
      this.#host.clearFieldError(IMAGE_FIELD[kind]);
      this.#setUpload(kind, undefined);
      announce(this.#msg(kind === 'photo' ? 'registration.image.uploaded.photo' : 'registration.image.uploaded.logo'), 'polite');
    } catch (error) {
      if (isAbortError(error) || signal.aborted) {
        this.#setUpload(kind, undefined);
        return;
      }
      const failure = toPartnerKitError(error) as PartnerKitError;
      const message = failure.fieldErrors['file'] ?? this.#host.errorMessage(failure);
      this.#setUpload(kind, { status: 'error', message, retry: failure.retryable ? file : null });
      announce(message, 'assertive');
    }
  }

  #setUpload(kind: ImageKind, upload: UploadState | undefined): void {
    this.#uploads = { ...this.#uploads, [kind]: upload };
    this.#changed();
  }

  #removeImage(kind: ImageKind): void {
    this.#draft = { ...this.#currentDraft(), [IMAGE_FIELD[kind]]: '' };
    this.#setUpload(kind, undefined);
    // The button goes away with the image: focus goes to the upload input, not to the page.
    const element = this.#host.element;
    void element.updateComplete.then(() => element.renderRoot.querySelector<HTMLElement>(`#upload-${kind}`)?.focus());
  }

  // ---------------------------------------------------------------------------
  // Events (arrow functions: Lit calls listeners with the element as `this`)

  readonly #onFieldInput = (event: Event): void => {
    const input = event.target as HTMLInputElement | HTMLSelectElement;
    if (!isProfileFormKey(input.name)) return;
    this.#draft = { ...this.#currentDraft(), [input.name]: input.value };
    this.#host.clearFieldError(input.name);
    this.#changed();
  };

  readonly #onProfileSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    void this.complete();
  };

  readonly #onFileChange = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    const kind = input.dataset['kind'] as ImageKind;
    const file = input.files?.[0];
    // Cleared, so choosing the same file again (after a failure) is a change too.
    input.value = '';
    if (file) void this.#uploadImage(kind, file);
  };

  // ---------------------------------------------------------------------------
  // Rendering

  #renderSent(): TemplateResult {
    const { sent, resendIn: wait, busy } = this.#host.state();
    const { email, expiresAt } = sent as SentEmail;
    const left = secondsLeft(sent);
    const sending = busy === 'send';
    const time = this.#host.locale.formatDate(expiresAt, { timeStyle: 'short' });
    return html`${this.#host.heading('registration.sent.heading')}
      <p part="intro" class="intro">${this.#msg('registration.sent.body', { email })}</p>
      <p part="expiry" class="notice ${left === 0 ? 'expired' : ''}">
        ${left === 0
          ? this.#msg('registration.sent.expired', { time })
          : html`${this.#msg('registration.sent.expires', { time })}
              <span part="countdown" class="countdown" role="timer"
                >${this.#msg('registration.sent.remaining', { remaining: this.#host.duration(left) })}</span
              >`}
      </p>
      ${this.#host.actionError('send')}
      <div part="actions" class="actions">
        <button
          part="button ${left === 0 ? 'button-primary' : ''}"
          class="button ${left === 0 ? 'primary' : 'secondary'} focus-ring"
          type="button"
          aria-disabled=${wait > 0 || sending ? 'true' : 'false'}
          aria-describedby=${ifDefined(wait > 0 ? 'resend-hint' : undefined)}
          @click=${() => this.#host.resend()}
        >
          ${sending
            ? this.#msg('registration.verify.sending')
            : this.#msg(left === 0 ? 'registration.sent.resend-expired' : 'registration.sent.resend')}
        </button>
        <button part="button" class="button secondary focus-ring" type="button" @click=${() => this.#host.backToVerify()}>
          ${this.#msg('registration.sent.change-email')}
        </button>
      </div>
      ${wait > 0
        ? html`<p part="resend-hint" class="hint" id="resend-hint">
            ${this.#msg('registration.sent.resend-wait', { duration: this.#host.duration(wait) })}
          </p>`
        : nothing}`;
  }

  #renderLinkProblem(heading: MessageKey, body: MessageKey): TemplateResult {
    return html`${this.#host.heading(heading)}
      <p part="intro" class="intro">${this.#msg(body, { minutes: VERIFICATION_LINK_MINUTES })}</p>
      <div part="actions" class="actions">
        <button part="button button-primary" class="button primary focus-ring" type="button" @click=${() => this.#host.backToVerify()}>
          ${this.#msg('registration.new-email')}
        </button>
      </div>`;
  }

  #renderProfile(): TemplateResult {
    const { busy, sent, registration } = this.#host.state();
    const submitting = busy === 'complete';
    const inviter = this.#inviterName();
    const accountEmail = sent?.email ?? registration?.email;
    return html`${this.#host.heading('registration.profile.heading')}
      ${inviter ? html`<p part="intro" class="intro">${this.#msg('registration.profile.intro', { name: inviter })}</p>` : nothing}
      ${accountEmail ? html`<p part="intro" class="intro muted">${this.#msg('registration.profile.account-email', { email: accountEmail })}</p>` : nothing}
      <profile-progress part="progress" class="progress" preset="reminders" .profile=${profileFromDraft(this.#currentDraft())}></profile-progress>
      <form part="form" class="form" novalidate @submit=${this.#onProfileSubmit} @input=${this.#onFieldInput} @change=${this.#onFieldInput}>
        <fieldset part="fieldset" class="fieldset">
          <legend part="legend" class="legend">${this.#msg('registration.profile.general')}</legend>
          <div class="form-grid">${GENERAL_FIELDS.map((field) => (field.input === 'time-zone' ? this.#renderTimeZone() : this.#renderTextField(field)))}</div>
        </fieldset>
        <fieldset part="fieldset" class="fieldset">
          <legend part="legend" class="legend">${this.#msg('registration.profile.mls')}</legend>
          <div class="form-grid">${MLS_FIELDS.map((field) => this.#renderTextField(field))}</div>
        </fieldset>
        <fieldset part="fieldset" class="fieldset">
          <legend part="legend" class="legend">${this.#msg('registration.profile.images')}</legend>
          <div class="form-grid">${IMAGE_KINDS.map((kind) => this.#renderImage(kind))}</div>
        </fieldset>
        ${this.#host.actionError('complete')}
        <div part="actions" class="actions">
          <button
            part="button button-primary"
            class="button primary focus-ring"
            type="submit"
            aria-disabled=${submitting || this.#uploading() ? 'true' : 'false'}
          >
            ${this.#msg(submitting ? 'registration.profile.submitting' : 'registration.profile.submit')}
          </button>
        </div>
      </form>`;
  }

  #fieldErrorAttributes(key: ProfileFormKey) {
    const error = this.#host.state().fieldErrors[key];
    return { error, invalid: error ? 'true' : 'false', describedBy: error ? `${key}-error` : undefined } as const;
  }

  #renderFieldError(key: string, error: string | undefined): TemplateResult | typeof nothing {
    return error ? html`<p part="field-error" class="field-error" id="${key}-error">${error}</p>` : nothing;
  }

  #renderTextField(field: ProfileFieldSpec): TemplateResult {
    const { error, invalid, describedBy } = this.#fieldErrorAttributes(field.key);
    return html`<div part="field" class="field ${field.wide ? 'wide' : ''}">
      <label part="label" class="label" for=${field.key}>${this.#msg(`field.${field.key}`)}</label>
      <input
        part="input"
        class="input focus-ring"
        id=${field.key}
        name=${field.key}
        type=${field.input === 'tel' ? 'tel' : 'text'}
        autocomplete=${field.autocomplete}
        maxlength=${field.maxLength}
        aria-invalid=${invalid}
        aria-describedby=${ifDefined(describedBy)}
        .value=${live(this.#draft[field.key])}
      />
      ${this.#renderFieldError(field.key, error)}
    </div>`;
  }

  #renderTimeZone(): TemplateResult {
    const { error, invalid, describedBy } = this.#fieldErrorAttributes('timeZone');
    const current = this.#draft.timeZone;
    return html`<div part="field" class="field">
      <label part="label" class="label" for="timeZone">${this.#msg('field.timeZone')}</label>
      <select
        part="select"
        class="input focus-ring"
        id="timeZone"
        name="timeZone"
        aria-invalid=${invalid}
        aria-describedby=${ifDefined(describedBy)}
      >
        ${renderTimeZoneOptions(this.#host.locale, current, this.#msg('registration.profile.time-zone-none'))}
      </select>
      ${this.#renderFieldError('timeZone', error)}
    </div>`;
  }

  #renderImage(kind: ImageKind): TemplateResult {
    const key = IMAGE_FIELD[kind];
    const src = safeUrl(this.#draft[key]);
    const upload = this.#uploads[kind];
    const canUpload = this.#host.canUpload();
    const { error: serverError } = this.#fieldErrorAttributes(key);
    const error = upload?.status === 'error' ? upload.message : serverError;
    const inputId = `upload-${kind}`;
    const label = this.#msg(kind === 'photo' ? 'field.photoUrl' : 'field.logoUrl');
    return html`<div part="field image" class="field image" role="group" aria-labelledby="${kind}-label">
      <span class="label" id="${kind}-label">${label}</span>
      <div class="preview-box">
        ${src === null
          ? html`<p class="muted">${this.#msg('registration.image.none')}</p>`
          : renderImage({
              src,
              alt: this.#msg(kind === 'photo' ? 'registration.image.preview.photo' : 'registration.image.preview.logo'),
              className: 'preview',
              part: 'image-preview',
              unavailable: this.#msg('registration.image.unavailable'),
            })}
      </div>
      ${canUpload
        ? html`<label part="label" class="file-label" for=${inputId}>
              ${this.#msg(kind === 'photo' ? 'registration.image.choose.photo' : 'registration.image.choose.logo')}
            </label>
            <input
              part="input"
              class="file focus-ring"
              id=${inputId}
              type="file"
              data-kind=${kind}
              accept=${IMAGE_ACCEPT}
              aria-invalid=${error ? 'true' : 'false'}
              aria-describedby="${inputId}-hint${error ? ` ${inputId}-error` : ''}"
              ?disabled=${upload?.status === 'uploading'}
              @change=${this.#onFileChange}
            />
            <p class="hint" id="${inputId}-hint">
              ${upload?.status === 'uploading'
                ? this.#msg('registration.image.uploading')
                : this.#msg('registration.image.hint', { size: this.#maxImageSize() })}
            </p>`
        : nothing}
      ${this.#renderFieldError(inputId, error)}
      <div class="image-actions">
        ${upload?.status === 'error' && upload.retry !== null
          ? html`<button part="button" class="button secondary small focus-ring" type="button" @click=${() => void this.#uploadImage(kind, upload.retry as File)}>
              ${this.#msg('registration.retry')}
            </button>`
          : nothing}
        ${src !== null
          ? html`<button part="button" class="button secondary small focus-ring" type="button" @click=${() => this.#removeImage(kind)}>
              ${this.#msg(kind === 'photo' ? 'registration.image.remove.photo' : 'registration.image.remove.logo')}
            </button>`
          : nothing}
      </div>
    </div>`;
  }

  #renderDone(): TemplateResult {
    const href = safeUrl(this.#host.element.loginHref);
    return html`${this.#host.heading('registration.done.heading')}
      <p part="intro" class="intro success">${this.#msg('registration.done.body', { name: this.#inviterName() })}</p>
      ${href === null
        ? nothing
        : html`<div part="actions" class="actions">
            <a part="button button-primary login-link" class="button primary focus-ring" href=${href}>${this.#msg('registration.done.login')}</a>
          </div>`}`;
  }
}
