/**
 * The invite wizard's steps after Contact Selection — General Info, MLS Info,
 * Images, Review and Confirm, the invitation preview, Already Connected, the
 * results and the done state — with what only they do: image uploads,
 * creating or linking the account, sending and retrying invitations,
 * re-sending an invitation email. The wizard loads this module on first use
 * (in idle time once its first step is shown, at the latest with "Next"), so
 * opening the wizard does not pay for it. Their strings and styles come with
 * it.
 */
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { isAbortError, type PartnerKitError } from '../../adapter/errors.js';
import { newIdempotencyKey } from '../../adapter/idempotency.js';
import type { Contact, InvitationPreview, Partner, RecipientLookup } from '../../adapter/schemas.js';
import type {
  AdapterMethod,
  ImageKind,
  InvitationRecipient,
  LinkUserInput,
  PartnerKitAdapter,
  PrefilledAccountInput,
} from '../../adapter/types.js';
import { checkImageFile, IMAGE_ACCEPT, MAX_IMAGE_MEGABYTES, type ImageProblem } from '../../domain/images.js';
import {
  GENERAL_FIELDS,
  IMAGE_FIELD,
  MLS_FIELDS,
  PROFILE_FORM_KEYS,
  sectionOfProfileField,
  type ProfileFieldSpec,
  type ProfileTextKey,
  type ProfileImageKind,
} from '../../domain/profile-fields.js';
import { safeUrl } from '../../domain/safe-url.js';
import { DataController } from '../../internal/data-controller.js';
import type { KitElement } from '../../internal/kit-element.js';
import { announce } from '../../internal/live-region.js';
import { renderImage } from '../../internal/image.js';
import type { LocaleController } from '../../internal/locale-controller.js';
import { profileFieldErrors, renderTimeZoneOptions, timeZoneLabel } from '../../internal/profile-form.js';
import { inviteWizardLaterStepsEn } from '../../locales/invite-wizard.later-steps.en.js';
import { registerMessages, type MessageKey, type MessageParams } from '../../locales/index.js';
import { laterStepsStyles } from './later-steps.styles.js';
import {
  contactName,
  emptyDraft,
  isRetryableFailure,
  keyForIntent,
  mergeResults,
  profileToSend,
  recipientOf,
  withoutIntent,
  type RecipientChip,
  type ResultRow,
  type WizardDraft,
  type WizardStep,
} from './wizard-flow.js';
// The done state shows the new partner's status.
import '../status-badge/status-badge.js';

// The English strings of these steps (the Spanish ones load with the wizard's Spanish catalogue).
registerMessages(inviteWizardLaterStepsEn);

export { laterStepsStyles };

export type BusyAction = 'next' | 'create-invitation' | 'submit' | 'retry';

export interface ButtonOptions {
  primary?: boolean;
  submit?: boolean;
  busy?: boolean;
  onClick?: () => void;
  id?: string;
  describedBy?: string;
  /** Usable while a request is in flight (Cancel). */
  always?: boolean;
}

/** The wizard's state these steps read and change. */
export interface WizardState {
  draft: WizardDraft;
  /** Field errors by field: `recipients`, `sendEmail`, or a profile key. */
  fieldErrors: Readonly<Record<string, string>>;
  stepError: PartnerKitError | string | null;
  busy: BusyAction | null;
  /** The synchronous double-submit guard (two clicks in one frame still send one request). */
  inFlight: boolean;
  /** Nothing left to retry: the draft is no longer kept. */
  finished: boolean;
  restored: boolean;
  /** An element id to focus after the next render. */
  focusTarget: string | null;
}

/** What these steps use of the wizard: one read of its state, one way to change it, and what every step shares. */
export interface LaterStepsHost {
  readonly element: KitElement;
  readonly locale: LocaleController;
  /** The wizard's state now. */
  state(): Readonly<WizardState>;
  /** Changes these parts of the state at once (the wizard re-renders). */
  update(patch: Partial<WizardState>): void;
  /** Aborted when the wizard is disconnected. */
  signal(): AbortSignal;
  adapter(): PartnerKitAdapter | undefined;
  can(method: AdapterMethod): boolean;
  goTo(step: WizardStep, focus?: boolean): void;
  /** Writes the draft now (before a request leaves, so its key survives a reload mid-flight). */
  persistNow(): void;
  errorMessage(error: PartnerKitError): string;
  toError(error: unknown): PartnerKitError;
  button(label: string, options?: ButtonOptions): TemplateResult;
  renderStepper(): TemplateResult;
  back(): void;
  close(reason: 'cancel' | 'done'): void;
  startOver(options?: { focus?: boolean; keepContact?: boolean }): void;
}

interface ImageSlot {
  file: File | null;
  /** Object URL of `file`, revoked when the image is removed or replaced and on disconnect. */
  previewUrl: string | null;
  status: 'idle' | 'uploading' | 'error';
  error: string | null;
  /** The upload's idempotency key: a retry of the same file reuses it. */
  key: string | null;
}

interface ResendState {
  status: 'sending' | 'sent' | 'error';
  error: PartnerKitError | null;
  key: string;
}

interface Outcome {
  partner: Partner;
  action: 'create-account' | 'link-account';
  sendEmail: boolean;
  name: string;
}

const emptySlot = (): ImageSlot => ({ file: null, previewUrl: null, status: 'idle', error: null, key: null });

/** Blocks everything but inline styles and images in the email preview, on top of the sandbox. */
const PREVIEW_CSP =
  '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; img-src https: data:; style-src \'unsafe-inline\'; font-src https: data:">';

/** The steps after Contact Selection, as a controller of the wizard (one per wizard, made on first use). */
export class LaterSteps implements ReactiveController {
  private images: Readonly<Record<ProfileImageKind, ImageSlot>> = { photo: emptySlot(), logo: emptySlot() };
  private dragging: ProfileImageKind | null = null;
  private outcome: Outcome | null = null;
  private resends: Readonly<Record<string, ResendState>> = {};
  private readonly uploads = new Map<ProfileImageKind, Promise<boolean>>();
  private frame: { markup: string; element: HTMLIFrameElement } | undefined;

  private readonly preview: DataController<readonly [PartnerKitAdapter | undefined, string | null], InvitationPreview | null>;

  constructor(private readonly host: LaterStepsHost) {
    host.element.addController(this);
    this.preview = new DataController(host.element, {
      args: () => [host.adapter(), this.previewKey()] as const,
      load: async ([adapter, key], { signal }): Promise<InvitationPreview | null> => {
        if (!adapter || key === null || !host.can('previewInvitation') || !adapter.previewInvitation) return null;
        return adapter.previewInvitation(this.inviteRecipients(), { signal });
      },
    });
  }

  hostConnected(): void {
    // Back in the page: the previews revoked on disconnect are made again (see hostUpdate).
    if (this.images.photo.file || this.images.logo.file) this.host.element.requestUpdate();
  }

  hostDisconnected(): void {
    this.revokePreviews(false);
  }

  hostUpdate(): void {
    // Previews come back after a reconnect, from the files still held.
    if (!this.host.element.isConnected) return;
    for (const kind of ['photo', 'logo'] as const) {
      const slot = this.images[kind];
      if (slot.file && !slot.previewUrl) this.images = { ...this.images, [kind]: { ...slot, previewUrl: URL.createObjectURL(slot.file) } };
    }
  }

  /** A fresh start: no images, no outcome, no re-sends. */
  reset(): void {
    this.resetImages();
    this.outcome = null;
    this.resends = {};
  }

  /** Another recipient: the images chosen for the previous one go. */
  resetImages(): void {
    this.revokePreviews(true);
    this.images = { photo: emptySlot(), logo: emptySlot() };
    this.uploads.clear();
    this.changed();
  }

  /** The account was created or linked: the done state shows instead of the steps. */
  get done(): boolean {
    return this.outcome !== null;
  }

  // ---------------------------------------------------------------------------
  // Helpers

  private changed(): void {
    this.host.element.requestUpdate();
  }

  private msg(key: MessageKey, params?: MessageParams): string {
    return this.host.locale.msg(key, params);
  }

  private setDraft(patch: Partial<WizardDraft>): void {
    this.host.update({ draft: { ...this.host.state().draft, ...patch } });
  }

  private get draft(): WizardDraft {
    return this.host.state().draft;
  }

  private clearFieldError(key: string): void {
    if (!this.host.state().fieldErrors[key]) return;
    const fieldErrors = { ...this.host.state().fieldErrors };
    delete fieldErrors[key];
    this.host.update({ fieldErrors });
  }

  private connectedLookups(): RecipientLookup[] {
    return (this.draft.lookups ?? []).filter((lookup) => lookup.kind === 'connected');
  }

  private chipFor(email: string): RecipientChip | undefined {
    return this.draft.chips.find((chip) => chip.valid && chip.email === email.toLowerCase());
  }

  /** The best name known for a recipient: the contact, what was typed, what the backend knows. */
  private nameFor(email: string, fallback: string | null = null): string {
    const chip = this.chipFor(email);
    const contact = chip?.contactId ? this.draft.contacts[chip.contactId] : undefined;
    return (contact && contactName(contact)) || chip?.name || fallback || email;
  }

  /** The single recipient of the pre-fill and link flows. */
  private soleRecipient(): { email: string; name: string; contact: Contact | undefined } | null {
    const lookup = this.draft.lookups?.[0];
    if (!lookup) return null;
    const chip = this.chipFor(lookup.email);
    const contact = chip?.contactId ? this.draft.contacts[chip.contactId] : undefined;
    const profile = this.draft.profile;
    const profileName = this.draft.flow === 'prefill' ? `${profile.firstName ?? ''} ${profile.lastName ?? ''}`.trim() : '';
    return { email: lookup.email, name: profileName || this.nameFor(lookup.email, lookup.name), contact };
  }

  /** Who "Send invitation" sends to: every recipient not already connected. */
  private inviteRecipients(): InvitationRecipient[] {
    const lookups = this.draft.lookups;
    const emails = lookups
      ? lookups.filter((lookup) => lookup.kind !== 'connected').map((lookup) => lookup.email)
      : this.draft.chips.filter((chip) => chip.valid).map((chip) => chip.email);
    return emails.map((email) => {
      const chip = this.chipFor(email);
      const lookup = lookups?.find((entry) => entry.email === email);
      return recipientOf({ email, name: chip?.name ?? lookup?.name ?? null, contactId: chip?.contactId ?? null });
    });
  }

  private previewKey(): string | null {
    return this.draft.step === 'preview' && this.draft.flow === 'invite' ? JSON.stringify(this.inviteRecipients()) : null;
  }

  // ---------------------------------------------------------------------------
  // Profile fields and images

  private setProfile(key: ProfileTextKey, value: string): void {
    this.setDraft({ profile: { ...this.draft.profile, [key]: value } });
    this.clearFieldError(key);
  }

  private setSendEmail(sendEmail: boolean): void {
    this.setDraft({ sendEmail });
    this.clearFieldError('sendEmail');
  }

  private setSlot(kind: ProfileImageKind, patch: Partial<ImageSlot>): void {
    this.images = { ...this.images, [kind]: { ...this.images[kind], ...patch } };
    this.changed();
  }

  private setImageUrl(kind: ProfileImageKind, url: string | null): void {
    this.setDraft({ profile: { ...this.draft.profile, [IMAGE_FIELD[kind]]: url } });
  }

  private revokePreviews(clearFiles: boolean): void {
    let changed = false;
    const next = { ...this.images };
    for (const kind of ['photo', 'logo'] as const) {
      const slot = next[kind];
      if (slot.previewUrl) {
        URL.revokeObjectURL(slot.previewUrl);
        next[kind] = { ...slot, previewUrl: null };
        changed = true;
      }
      if (clearFiles && slot.file) {
        next[kind] = emptySlot();
        changed = true;
      }
    }
    if (changed) {
      this.images = next;
      this.changed();
    }
  }

  private imageProblemMessage(problem: ImageProblem, file: File): string {
    const name = file.name || this.msg('invite-wizard.images.unnamed');
    switch (problem) {
      case 'type':
        return this.msg('invite-wizard.images.error.type', { name });
      case 'empty':
        return this.msg('invite-wizard.images.error.empty', { name });
      case 'size':
        return this.msg('invite-wizard.images.error.size', {
          name,
          size: this.host.locale.formatNumber(file.size / (1024 * 1024), { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }),
          max: this.host.locale.formatNumber(MAX_IMAGE_MEGABYTES, { style: 'unit', unit: 'megabyte' }),
        });
    }
  }

  private async pickImage(kind: ProfileImageKind, file: File | undefined): Promise<void> {
    if (!file) return;
    const problem = await checkImageFile(file);
    if (problem) {
      // The image chosen before (if any) stays.
      const message = this.imageProblemMessage(problem, file);
      this.setSlot(kind, { error: message });
      announce(message, 'assertive');
      return;
    }
    const previous = this.images[kind];
    if (previous.previewUrl) URL.revokeObjectURL(previous.previewUrl);
    this.uploads.delete(kind);
    this.images = {
      ...this.images,
      [kind]: { file, previewUrl: URL.createObjectURL(file), status: 'idle', error: null, key: newIdempotencyKey() },
    };
    this.changed();
    this.setImageUrl(kind, null);
    this.clearFieldError(IMAGE_FIELD[kind]);
    void this.upload(kind);
  }

  private removeImage(kind: ProfileImageKind): void {
    const slot = this.images[kind];
    if (slot.previewUrl) URL.revokeObjectURL(slot.previewUrl);
    this.uploads.delete(kind);
    this.images = { ...this.images, [kind]: emptySlot() };
    this.changed();
    this.setImageUrl(kind, null);
    announce(this.msg('invite-wizard.images.removed', { label: this.imageLabel(kind) }));
    this.host.update({ focusTarget: `image-${kind}-choose` });
  }

  /** Uploads the slot's file (once: a second call waits for the first); true when it has a URL. */
  private upload(kind: ProfileImageKind): Promise<boolean> {
    const running = this.uploads.get(kind);
    if (running) return running;
    const promise = this.runUpload(kind).finally(() => {
      if (this.uploads.get(kind) === promise) this.uploads.delete(kind);
    });
    this.uploads.set(kind, promise);
    return promise;
  }

  private async runUpload(kind: ProfileImageKind): Promise<boolean> {
    const slot = this.images[kind];
    const adapter = this.host.adapter();
    const file = slot.file;
    // Nothing chosen, or already uploaded (the URL is cleared whenever a new file is chosen).
    if (!file || this.draft.profile[IMAGE_FIELD[kind]]) return true;
    if (!adapter?.uploadImage || !this.host.can('uploadImage')) {
      this.setSlot(kind, { status: 'error', error: this.msg('invite-wizard.images.error.unavailable') });
      return false;
    }
    const key = slot.key ?? newIdempotencyKey();
    this.setSlot(kind, { status: 'uploading', error: null, key });
    announce(this.msg('invite-wizard.images.uploading', { label: this.imageLabel(kind) }));
    try {
      const { url } = await adapter.uploadImage(file, kind satisfies ImageKind, { idempotencyKey: key, signal: this.host.signal() });
      // Replaced or removed while uploading: this result is not the current image's.
      if (this.images[kind].file !== file) return false;
      this.setImageUrl(kind, url);
      this.setSlot(kind, { status: 'idle', error: null });
      announce(this.msg('invite-wizard.images.uploaded', { label: this.imageLabel(kind) }));
      return true;
    } catch (error) {
      if (this.images[kind].file !== file) return false;
      const message = isAbortError(error)
        ? this.msg('invite-wizard.images.error.interrupted')
        : this.msg('invite-wizard.images.error.upload', { reason: this.host.errorMessage(this.host.toError(error)) });
      this.setSlot(kind, { status: 'error', error: message });
      if (!isAbortError(error)) announce(message, 'assertive');
      return false;
    }
  }

  private imageLabel(kind: ProfileImageKind): string {
    return this.msg(kind === 'photo' ? 'field.photoUrl' : 'field.logoUrl');
  }

  // ---------------------------------------------------------------------------
  // Submitting

  /**
   * General Info's "Next": the kit's phone and ZIP checks, so a mistyped number is shown at its
   * field now, in the page's language, not after Review and Confirm. True when the step may move on.
   */
  checkGeneral(): boolean {
    const errors = profileFieldErrors(this.host.locale, this.draft.profile);
    const keys = Object.keys(errors);
    if (keys.length === 0) return true;
    const first = PROFILE_FORM_KEYS.find((key) => key in errors);
    this.host.update({ fieldErrors: { ...this.host.state().fieldErrors, ...errors }, focusTarget: `field-${first}` });
    announce(this.msg('invite-wizard.error.fields', { count: keys.length }), 'assertive');
    return false;
  }

  /** Shows the server's per-field messages at their fields; true when any applied. */
  private applyFieldErrors(error: PartnerKitError): boolean {
    const errors: Record<string, string> = {};
    for (const [path, message] of Object.entries(error.fieldErrors)) {
      const key = path.startsWith('profile.') ? path.slice('profile.'.length) : path;
      if (key === 'email') errors['recipients'] = message;
      else if (sectionOfProfileField(key)) errors[key] = message;
    }
    const keys = Object.keys(errors);
    if (keys.length === 0) return false;
    this.host.update({ fieldErrors: errors });
    if (errors['recipients']) {
      this.host.goTo('contacts', false);
      this.host.update({ focusTarget: 'recipient-input' });
    } else {
      const first = PROFILE_FORM_KEYS.find((key) => errors[key] !== undefined) ?? '';
      this.host.goTo(sectionOfProfileField(first) ?? 'review', false);
      this.host.update({ focusTarget: first === 'photoUrl' ? 'image-photo-choose' : first === 'logoUrl' ? 'image-logo-choose' : `field-${first}` });
    }
    announce(this.msg('invite-wizard.error.fields', { count: keys.length }), 'assertive');
    return true;
  }

  private requireSendChoice(): boolean {
    if (this.draft.sendEmail !== null) return true;
    const message = this.msg('invite-wizard.review.send.required');
    this.host.update({ fieldErrors: { ...this.host.state().fieldErrors, sendEmail: message }, focusTarget: 'send-yes' });
    announce(message, 'assertive');
    return false;
  }

  /** "Confirm and Create Account" / "Confirm and Link Accounts". */
  async confirm(): Promise<void> {
    if (this.host.state().inFlight || !this.requireSendChoice()) return;
    if (this.draft.flow === 'prefill') await this.createAccount();
    else if (this.draft.flow === 'link') await this.linkAccount();
  }

  private async createAccount(): Promise<void> {
    const adapter = this.host.adapter();
    const recipient = this.soleRecipient();
    const createPrefilledAccount = adapter?.createPrefilledAccount?.bind(adapter);
    if (!createPrefilledAccount || !recipient) return;
    const sendEmail = this.draft.sendEmail === true;
    const build = (): PrefilledAccountInput => ({
      email: recipient.email,
      contactId: recipient.contact?.id ?? null,
      profile: profileToSend(this.draft.profile),
      sendEmail,
    });
    if (!this.host.element.emit('pk-before-submit', { action: 'create-account', input: build() }, { cancelable: true })) return;
    await this.submitting('submit', async () => {
      const uploaded = await Promise.all((['photo', 'logo'] as const).map((kind) => this.upload(kind)));
      if (uploaded.includes(false)) {
        const message = this.msg('invite-wizard.images.error.pending');
        this.host.update({ stepError: message });
        announce(message, 'assertive');
        return;
      }
      const input = build();
      const key = this.intentKey('create-account', input);
      const partner = await createPrefilledAccount(input, { idempotencyKey: key, signal: this.host.signal() });
      this.succeed({ partner, action: 'create-account', sendEmail, name: recipient.name });
    });
  }

  private async linkAccount(): Promise<void> {
    const adapter = this.host.adapter();
    const recipient = this.soleRecipient();
    const linkExistingUser = adapter?.linkExistingUser?.bind(adapter);
    if (!linkExistingUser || !recipient) return;
    const sendEmail = this.draft.sendEmail === true;
    const input: LinkUserInput = { email: recipient.email, sendEmail };
    if (!this.host.element.emit('pk-before-submit', { action: 'link-account', input }, { cancelable: true })) return;
    await this.submitting('submit', async () => {
      const key = this.intentKey('link-account', input);
      const partner = await linkExistingUser(input, { idempotencyKey: key, signal: this.host.signal() });
      this.succeed({ partner, action: 'link-account', sendEmail, name: recipient.name });
    });
  }

  private succeed(outcome: Outcome): void {
    this.revokePreviews(true);
    this.outcome = outcome;
    this.host.update({ draft: { ...emptyDraft(), step: 'done', flow: this.draft.flow }, finished: true, restored: false, focusTarget: 'step-heading' });
    this.host.element.emit('pk-connection-created', { partner: outcome.partner, action: outcome.action });
    announce(
      this.msg(outcome.action === 'create-account' ? 'invite-wizard.done.created' : 'invite-wizard.done.linked', { name: outcome.name }),
    );
  }

  /** Everything typed stays; field errors go to their fields, anything else is shown on the step. */
  private fail(error: unknown): void {
    if (isAbortError(error)) return;
    const failure = this.host.toError(error);
    if (failure.code === 'validation' && this.applyFieldErrors(failure)) return;
    this.host.update({ stepError: failure });
    announce(this.host.errorMessage(failure), 'assertive');
  }

  /** "Send invitation". */
  async send(): Promise<void> {
    if (this.host.state().inFlight) return;
    const adapter = this.host.adapter();
    const recipients = this.inviteRecipients();
    const createInvitations = adapter?.createInvitations?.bind(adapter);
    if (!createInvitations || recipients.length === 0) return;
    if (!this.host.element.emit('pk-before-submit', { action: 'invite', recipients }, { cancelable: true })) return;
    await this.submitting('submit', async () => {
      const key = this.intentKey('invite', recipients);
      const batch = await createInvitations(recipients, { idempotencyKey: key, signal: this.host.signal() });
      const rows: ResultRow[] = batch.results.map((result) => {
        const recipient = recipients.find((entry) => entry.email === result.email.trim().toLowerCase());
        return { ...result, name: recipient?.name ?? null, contactId: recipient?.contactId ?? null };
      });
      // Recipients left out because they are connected already are reported too.
      for (const lookup of this.connectedLookups()) {
        rows.push({
          email: lookup.email,
          outcome: 'already-connected',
          partnerId: lookup.partnerId,
          error: null,
          name: this.nameFor(lookup.email, lookup.name),
          contactId: this.chipFor(lookup.email)?.contactId ?? null,
        });
      }
      this.setDraft({ intents: withoutIntent(this.draft.intents, 'invite'), results: rows });
      this.host.update({ finished: !rows.some(isRetryableFailure), restored: false });
      this.host.goTo('results');
      this.host.element.emit('pk-invited', { results: batch.results });
      announce(this.resultsSummary(rows));
    });
  }

  private async retryFailed(): Promise<void> {
    if (this.host.state().inFlight) return;
    const adapter = this.host.adapter();
    const rows = this.draft.results ?? [];
    const recipients = rows.filter(isRetryableFailure).map(recipientOf);
    const createInvitations = adapter?.createInvitations?.bind(adapter);
    if (!createInvitations || recipients.length === 0) return;
    if (!this.host.element.emit('pk-before-submit', { action: 'invite', recipients }, { cancelable: true })) return;
    await this.submitting('retry', async () => {
      const key = this.intentKey('invite', recipients);
      const batch = await createInvitations(recipients, { idempotencyKey: key, signal: this.host.signal() });
      const merged = mergeResults(rows, batch.results);
      this.setDraft({ intents: withoutIntent(this.draft.intents, 'invite'), results: merged });
      const finished = !merged.some(isRetryableFailure);
      this.host.update(finished ? { finished, focusTarget: 'step-heading' } : { finished });
      this.host.element.emit('pk-invited', { results: batch.results });
      announce(this.resultsSummary(merged));
    });
  }

  /** One submit: the busy state while it runs, failures to `fail()` (everything typed stays). */
  private async submitting(busy: 'submit' | 'retry', work: () => Promise<void>): Promise<void> {
    this.host.update({ inFlight: true, busy, stepError: null });
    try {
      await work();
    } catch (error) {
      this.fail(error);
    } finally {
      this.host.update({ inFlight: false, busy: null });
    }
  }

  /** The idempotency key of this intent, saved with the draft before the request leaves (a retry reuses it). */
  private intentKey(action: string, input: unknown): string {
    const { key, intents } = keyForIntent(this.draft.intents, action, input, newIdempotencyKey);
    this.setDraft({ intents });
    this.host.persistNow();
    return key;
  }

  private async resend(partnerId: string, name: string): Promise<void> {
    const current = this.resends[partnerId];
    const adapter = this.host.adapter();
    if (current?.status === 'sending' || current?.status === 'sent' || !adapter?.resendInvitation) return;
    if (!this.host.element.emit('pk-before-submit', { action: 'resend', partnerId }, { cancelable: true })) return;
    const key = current?.key ?? newIdempotencyKey();
    this.setResend(partnerId, { status: 'sending', error: null, key });
    try {
      const partner = await adapter.resendInvitation(partnerId, { idempotencyKey: key, signal: this.host.signal() });
      this.setResend(partnerId, { status: 'sent', error: null, key });
      this.host.element.emit('pk-invitation-resent', { partner });
      announce(this.msg('invite-wizard.resend.done', { name }));
    } catch (error) {
      if (isAbortError(error)) {
        this.setResend(partnerId, { status: 'error', error: null, key });
        return;
      }
      const failure = this.host.toError(error);
      this.setResend(partnerId, { status: 'error', error: failure, key });
      announce(this.host.errorMessage(failure), 'assertive');
    }
  }

  private setResend(partnerId: string, state: ResendState): void {
    this.resends = { ...this.resends, [partnerId]: state };
    this.changed();
  }

  private resultsSummary(rows: readonly ResultRow[]): string {
    const count = (outcome: ResultRow['outcome']) => rows.filter((row) => row.outcome === outcome).length;
    return this.msg('invite-wizard.results.summary', {
      sent: count('sent'),
      connected: count('already-connected'),
      failed: count('failed'),
    });
  }

  // ---------------------------------------------------------------------------
  // Rendering

  /** The heading of a step after Contact Selection. */
  heading(step: WizardStep): string {
    const name = this.soleRecipient()?.name ?? '';
    switch (step) {
      case 'general':
        return this.msg('invite-wizard.general.heading', { name });
      case 'mls':
        return this.msg('invite-wizard.mls.heading', { name });
      case 'images':
        return this.msg('invite-wizard.images.heading', { name });
      case 'review':
        return this.msg(this.draft.flow === 'link' ? 'invite-wizard.review.link.heading' : 'invite-wizard.review.create.heading', { name });
      case 'preview':
        return this.msg('invite-wizard.preview.heading');
      case 'connected':
        return this.msg('invite-wizard.connected.heading');
      case 'results':
        return this.msg('invite-wizard.results.heading');
      default:
        return '';
    }
  }

  renderBody(step: WizardStep) {
    switch (step) {
      case 'general':
        return this.renderProfileStep(GENERAL_FIELDS, 'invite-wizard.general.intro');
      case 'mls':
        return this.renderProfileStep(MLS_FIELDS, 'invite-wizard.mls.intro');
      case 'images':
        return this.renderImages();
      case 'review':
        return this.renderReview();
      case 'preview':
        return this.renderPreview();
      case 'connected':
        return this.renderConnected();
      case 'results':
        return this.renderResults();
      default:
        return nothing;
    }
  }

  renderFooter(step: WizardStep) {
    const { host } = this;
    const cancel = host.button(this.msg('invite-wizard.cancel'), { always: true, onClick: () => host.close('cancel') });
    const back = host.button(this.msg('invite-wizard.back'), { onClick: () => host.back() });
    const next = host.button(this.msg('invite-wizard.next'), { primary: true, submit: true });
    switch (step) {
      case 'general':
      case 'mls':
      case 'images':
        return html`${cancel}<span class="spacer"></span>${back}${next}`;
      case 'review': {
        const link = this.draft.flow === 'link';
        const label = host.state().busy === 'submit'
          ? this.msg(link ? 'invite-wizard.review.linking' : 'invite-wizard.review.creating')
          : this.msg(link ? 'invite-wizard.review.link.confirm' : 'invite-wizard.review.create.confirm');
        return html`${cancel}<span class="spacer"></span>${back}${host.button(label, { primary: true, submit: true, busy: host.state().busy === 'submit' })}`;
      }
      case 'preview': {
        const count = this.inviteRecipients().length;
        const label = host.state().busy === 'submit'
          ? this.msg('invite-wizard.preview.sending')
          : this.msg(count === 1 ? 'invite-wizard.preview.send.one' : 'invite-wizard.preview.send', { count });
        return html`${cancel}<span class="spacer"></span>${back}${host.button(label, { primary: true, submit: true, busy: host.state().busy === 'submit' })}`;
      }
      case 'connected':
        return html`${back}<span class="spacer"></span>${host.button(this.msg('invite-wizard.close'), { primary: true, onClick: () => host.close('done') })}`;
      case 'results': {
        const retryable = (this.draft.results ?? []).filter(isRetryableFailure).length;
        return html`${retryable > 0
            ? host.button(this.msg(host.state().busy === 'retry' ? 'invite-wizard.preview.sending' : 'invite-wizard.results.retry', { count: retryable }), {
                id: 'retry-failed',
                busy: host.state().busy === 'retry',
                onClick: () => void this.retryFailed(),
              })
            : nothing}<span class="spacer"></span>
          ${host.button(this.msg('invite-wizard.invite-more'), { onClick: () => host.startOver({ keepContact: false }) })}
          ${host.button(this.msg('invite-wizard.close'), { primary: true, onClick: () => host.close('done') })}`;
      }
      default:
        return nothing;
    }
  }

  private renderProfileStep(fields: readonly ProfileFieldSpec[], intro: MessageKey) {
    const name = this.soleRecipient()?.name ?? '';
    return html`<p class="intro">${this.msg(intro, { name })}</p>
      <div class="form-grid">${fields.map((field) => this.renderField(field))}</div>`;
  }

  /** A field of the partner's profile; the lender fills it in for someone else, so the browser offers no autofill. */
  private renderField(field: ProfileFieldSpec) {
    const { key } = field;
    const error = this.host.state().fieldErrors[key];
    const id = `field-${key}`;
    const value = this.draft.profile[key] ?? '';
    const control =
      field.input === 'time-zone'
        ? this.renderTimeZone(id, value, error)
        : html`<input
            id=${id}
            class="input"
            part="input"
            name=${key}
            type=${field.input === 'tel' ? 'tel' : 'text'}
            maxlength=${field.maxLength}
            autocomplete="off"
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${error ? `${id}-error` : nothing}
            .value=${live(value)}
            @input=${(event: InputEvent) => this.setProfile(key, (event.target as HTMLInputElement).value)}
          />`;
    return html`<div class="field ${field.wide ? 'wide' : ''}" part="field">
      <label class="label" part="label" for=${id}>${this.msg(`field.${key}`)}</label>
      ${control} ${error ? html`<p id="${id}-error" class="field-error" part="field-error">${error}</p>` : nothing}
    </div>`;
  }

  private renderTimeZone(id: string, value: string, error: string | undefined) {
    return html`<select
      id=${id}
      class="input"
      part="input"
      name="timeZone"
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${error ? `${id}-error` : nothing}
      @change=${(event: Event) => this.setProfile('timeZone', (event.target as HTMLSelectElement).value)}
    >
      ${renderTimeZoneOptions(this.host.locale, value, this.msg('invite-wizard.general.time-zone.none'))}
    </select>`;
  }

  private renderImages() {
    const name = this.soleRecipient()?.name ?? '';
    return html`<p class="intro">${this.msg('invite-wizard.images.intro', { name })}</p>
      <div class="image-fields">${this.renderImage('photo')} ${this.renderImage('logo')}</div>`;
  }

  private setDragging(kind: ProfileImageKind | null): void {
    if (this.dragging === kind) return;
    this.dragging = kind;
    this.changed();
  }

  private renderImage(kind: ProfileImageKind) {
    const slot = this.images[kind];
    const url = this.draft.profile[IMAGE_FIELD[kind]];
    const src = slot.previewUrl ? safeUrl(slot.previewUrl, { allowBlob: true }) : url ? safeUrl(url, { base: null }) : null;
    const error = slot.error ?? this.host.state().fieldErrors[IMAGE_FIELD[kind]] ?? null;
    const label = this.imageLabel(kind);
    const described = [`image-${kind}-hint`, error ? `image-${kind}-error` : '', slot.status === 'uploading' ? `image-${kind}-status` : '']
      .filter(Boolean)
      .join(' ');
    const onDragOver = (event: DragEvent) => {
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
      this.setDragging(kind);
    };
    const onDragLeave = (event: DragEvent) => {
      if (!(event.currentTarget as HTMLElement).contains(event.relatedTarget as Node | null)) this.setDragging(null);
    };
    const onDrop = (event: DragEvent) => {
      event.preventDefault();
      this.setDragging(null);
      void this.pickImage(kind, event.dataTransfer?.files[0]);
    };
    const onChange = (event: Event) => {
      const input = event.target as HTMLInputElement;
      void this.pickImage(kind, input.files?.[0]);
      // The same file chosen again must fire `change` again.
      input.value = '';
    };
    return html`<div class="image-field" part="image-field" role="group" aria-labelledby="image-${kind}-label">
      <span id="image-${kind}-label" class="label" part="label">${label}</span>
      <div
        class="drop-zone ${this.dragging === kind ? 'dragging' : ''} ${error ? 'has-error' : ''}"
        part="drop-zone"
        @dragenter=${onDragOver}
        @dragover=${onDragOver}
        @dragleave=${onDragLeave}
        @drop=${onDrop}
      >
        ${src
          ? renderImage({
              src,
              alt: this.msg('invite-wizard.images.preview-alt', { label }),
              className: 'image-preview',
              part: 'image-preview',
              unavailable: this.msg('invite-wizard.images.unavailable'),
              unavailableClassName: 'image-placeholder',
              unavailablePart: 'image-preview',
            })
          : html`<span class="image-placeholder" part="image-preview"></span>`}
        <p class="drop-text">${this.msg(src ? 'invite-wizard.images.drop-replace' : 'invite-wizard.images.drop')}</p>
        <div class="image-actions">
          <button
            id="image-${kind}-choose"
            type="button"
            class="button focus-ring"
            part="button"
            aria-labelledby="image-${kind}-choose image-${kind}-label"
            aria-describedby=${described}
            @click=${() => this.host.element.renderRoot.querySelector<HTMLInputElement>(`#image-${kind}-input`)?.click()}
          >
            ${this.msg(src ? 'invite-wizard.images.replace' : 'invite-wizard.images.choose')}
          </button>
          ${src || slot.file
            ? html`<button
                id="image-${kind}-remove"
                type="button"
                class="button focus-ring"
                part="button"
                aria-labelledby="image-${kind}-remove image-${kind}-label"
                @click=${() => this.removeImage(kind)}
              >
                ${this.msg('invite-wizard.images.remove')}
              </button>`
            : nothing}
          ${slot.status === 'error' && slot.file
            ? html`<button
                id="image-${kind}-retry"
                type="button"
                class="button focus-ring"
                part="button"
                aria-labelledby="image-${kind}-retry image-${kind}-label"
                @click=${() => void this.upload(kind)}
              >
                ${this.msg('invite-wizard.images.retry')}
              </button>`
            : nothing}
        </div>
        <p id="image-${kind}-hint" class="hint" part="hint">${this.msg('invite-wizard.images.hint')}</p>
        ${slot.status === 'uploading'
          ? html`<p id="image-${kind}-status" class="status" part="notice">
              <span class="spinner" aria-hidden="true"></span>${this.msg('invite-wizard.images.uploading', { label })}
            </p>`
          : nothing}
        ${error ? html`<p id="image-${kind}-error" class="field-error" part="field-error">${error}</p>` : nothing}
      </div>
      <input id="image-${kind}-input" class="file-input" type="file" accept=${IMAGE_ACCEPT} tabindex="-1" aria-hidden="true" @change=${onChange} />
    </div>`;
  }

  private renderPartnerSummary(recipient: { email: string; name: string }) {
    const profile = this.draft.profile;
    const rows: { label: string; value: string }[] = [
      { label: this.msg('invite-wizard.review.name'), value: recipient.name },
      { label: this.msg('invite-wizard.review.email'), value: recipient.email },
    ];
    if (this.draft.flow === 'prefill') {
      for (const { key } of [...GENERAL_FIELDS, ...MLS_FIELDS]) {
        if (key === 'firstName' || key === 'lastName') continue;
        const value = profile[key]?.trim();
        if (!value) continue;
        rows.push({ label: this.msg(`field.${key}`), value: key === 'timeZone' ? timeZoneLabel(value, this.host.locale.lang) : value });
      }
      for (const kind of ['photo', 'logo'] as const) {
        if (profile[IMAGE_FIELD[kind]] || this.images[kind].file) rows.push({ label: this.imageLabel(kind), value: this.msg('invite-wizard.review.image-added') });
      }
    }
    return html`<h4 class="section-title">${this.msg('invite-wizard.review.partner')}</h4>
      <dl class="summary" part="summary">
        ${rows.map((row) => html`<div class="summary-row"><dt>${row.label}</dt><dd>${row.value}</dd></div>`)}
      </dl>`;
  }

  private renderReview() {
    const recipient = this.soleRecipient();
    if (!recipient) return nothing;
    const link = this.draft.flow === 'link';
    const error = this.host.state().fieldErrors['sendEmail'];
    const { sendEmail } = this.draft;
    return html`
      <p class="intro">${this.msg(link ? 'invite-wizard.review.link.intro' : 'invite-wizard.review.create.intro', { name: recipient.name })}</p>
      ${this.renderPartnerSummary(recipient)}
      <p class="notice-bar" part="notice">${this.msg('invite-wizard.review.print-note', { name: recipient.name })}</p>
      <div
        class="choice ${error ? 'has-error' : ''}"
        part="send-choice"
        role="radiogroup"
        aria-labelledby="send-question"
        aria-required="true"
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? 'send-error' : nothing}
      >
        <p id="send-question" class="label" part="label">
          ${this.msg(link ? 'invite-wizard.review.link.question' : 'invite-wizard.review.create.question', { name: recipient.name })}
          <span class="required" aria-hidden="true">*</span>
        </p>
        <label class="radio">
          <input
            id="send-yes"
            type="radio"
            name="send-email"
            value="yes"
            .checked=${live(sendEmail === true)}
            @change=${() => this.setSendEmail(true)}
          />
          ${this.msg('invite-wizard.review.send.yes')}
        </label>
        <label class="radio">
          <input
            id="send-no"
            type="radio"
            name="send-email"
            value="no"
            .checked=${live(sendEmail === false)}
            @change=${() => this.setSendEmail(false)}
          />
          ${this.msg('invite-wizard.review.send.no')}
        </label>
        ${error ? html`<p id="send-error" class="field-error" part="field-error">${error}</p>` : nothing}
      </div>
    `;
  }

  private renderResend(partnerId: string | null, name: string) {
    if (partnerId === null || !this.host.can('resendInvitation')) return nothing;
    const state = this.resends[partnerId];
    if (state?.status === 'sent') {
      return html`<span class="resent" part="notice"><span aria-hidden="true">✓ </span>${this.msg('invite-wizard.resend.sent')}</span>`;
    }
    const sending = state?.status === 'sending';
    return html`<button
        type="button"
        class="button small focus-ring"
        part="button"
        aria-label=${this.msg('invite-wizard.resend.label', { name })}
        aria-disabled=${sending ? 'true' : 'false'}
        @click=${() => void this.resend(partnerId, name)}
      >
        ${sending ? html`<span class="spinner" aria-hidden="true"></span>${this.msg('invite-wizard.preview.sending')}` : this.msg('invite-wizard.resend.button')}
      </button>
      ${state?.status === 'error' && state.error ? html`<p class="field-error" part="field-error">${this.host.errorMessage(state.error)}</p>` : nothing}`;
  }

  private renderConnectedList(lookups: readonly RecipientLookup[]) {
    return html`<ul class="connected-list">
      ${lookups.map((lookup) => {
        const name = this.nameFor(lookup.email, lookup.name);
        return html`<li class="connected-item">
          <span class="person"><span class="person-name">${name}</span> <span class="person-email">${lookup.email}</span></span>
          ${this.renderResend(lookup.partnerId, name)}
        </li>`;
      })}
    </ul>`;
  }

  private renderConnected() {
    const connected = this.connectedLookups();
    const only = connected.length === 1 ? connected[0] : undefined;
    return html`<p class="intro">
        ${only
          ? this.msg('invite-wizard.connected.intro.one', { name: this.nameFor(only.email, only.name) })
          : this.msg('invite-wizard.connected.intro', { count: connected.length })}
      </p>
      ${this.renderConnectedList(connected)}`;
  }

  private renderPreview() {
    const recipients = this.inviteRecipients();
    const connected = this.connectedLookups();
    return html`
      <p class="intro">
        ${this.msg(recipients.length === 1 ? 'invite-wizard.preview.intro.one' : 'invite-wizard.preview.intro', { count: recipients.length })}
      </p>
      <h4 class="section-title">${this.msg('invite-wizard.preview.recipients')}</h4>
      <ul class="recipient-list">
        ${recipients.map(
          (recipient) => html`<li>
            ${recipient.name ? html`<span class="person-name">${recipient.name}</span> ` : nothing}<span class="person-email"
              >${recipient.email}</span
            >
          </li>`,
        )}
      </ul>
      ${connected.length > 0
        ? html`<div class="connected-notice" part="notice">
            <h4 class="section-title">${this.msg('invite-wizard.preview.connected.heading')}</h4>
            <p>${this.msg('invite-wizard.preview.connected.body')}</p>
            ${this.renderConnectedList(connected)}
          </div>`
        : nothing}
      ${this.preview.render<TemplateResult | typeof nothing>({
        initial: () => nothing,
        pending: () => html`<p class="status" part="notice" role="status">
          <span class="spinner" aria-hidden="true"></span>${this.msg('invite-wizard.preview.loading')}
        </p>`,
        error: (error, retry) => html`<div class="alert" part="alert">
          <p>${this.msg('invite-wizard.preview.error')} ${this.host.errorMessage(error)}</p>
          <button type="button" class="button small focus-ring" part="button" @click=${retry}>${this.msg('invite-wizard.retry')}</button>
        </div>`,
        complete: (preview) => (preview ? this.renderEmail(preview) : nothing),
      })}
    `;
  }

  /**
   * The email's HTML in an iframe sandboxed with no permissions at all
   * (`sandbox=""`: no scripts, forms, popups or same-origin access), set
   * before the document is given, plus a CSP that blocks scripts again.
   */
  private emailFrame(markup: string): HTMLIFrameElement {
    if (this.frame?.markup !== markup) {
      const element = document.createElement('iframe');
      element.setAttribute('sandbox', '');
      element.setAttribute('referrerpolicy', 'no-referrer');
      element.setAttribute('part', 'email-frame');
      element.className = 'email-frame';
      element.srcdoc = PREVIEW_CSP + markup;
      this.frame = { markup, element };
    }
    this.frame.element.title = this.msg('invite-wizard.preview.frame-title');
    return this.frame.element;
  }

  private renderEmail(preview: InvitationPreview) {
    return html`<div class="email-preview" part="email-preview">
      <h4 class="section-title">${this.msg('invite-wizard.preview.email')}</h4>
      <p class="email-subject"><span class="subject-label">${this.msg('invite-wizard.preview.subject')}</span> ${preview.subject}</p>
      ${preview.html ? this.emailFrame(preview.html) : html`<div class="email-text" part="email-text">${preview.text}</div>`}
    </div>`;
  }

  private outcomeLabel(row: ResultRow): string {
    switch (row.outcome) {
      case 'sent':
        return this.msg('invite-wizard.results.sent');
      case 'already-connected':
        return this.msg('invite-wizard.results.connected');
      default:
        return this.msg('invite-wizard.results.failed');
    }
  }

  private renderResults() {
    const rows = this.draft.results ?? [];
    const final = rows.filter((row) => row.outcome === 'failed' && !isRetryableFailure(row)).length;
    return html`
      <p class="intro" part="notice">${this.resultsSummary(rows)}</p>
      <table class="results" part="results">
        <caption class="visually-hidden">${this.msg('invite-wizard.results.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">${this.msg('invite-wizard.results.recipient')}</th>
            <th scope="col">${this.msg('invite-wizard.results.result')}</th>
            <th scope="col"><span class="visually-hidden">${this.msg('invite-wizard.results.actions')}</span></th>
          </tr>
        </thead>
        <tbody>
          ${rows.map((row) => {
            const name = row.name ?? '';
            return html`<tr class="result result-${row.outcome}" data-email=${row.email}>
              <td>
                ${name ? html`<span class="person-name">${name}</span> ` : nothing}<span class="person-email">${row.email}</span>
              </td>
              <td>
                <span class="outcome outcome-${row.outcome}"><span class="outcome-icon" aria-hidden="true"></span>${this.outcomeLabel(row)}</span>
                ${row.error ? html`<span class="reason">${row.error.message}</span>` : nothing}
              </td>
              <td>${row.outcome === 'already-connected' ? this.renderResend(row.partnerId, name || row.email) : nothing}</td>
            </tr>`;
          })}
        </tbody>
      </table>
      ${final > 0 ? html`<p class="hint" part="hint">${this.msg('invite-wizard.results.fix-hint')}</p>` : nothing}
    `;
  }

  /** The account was created or linked (seed 000's last screen). */
  renderDone() {
    const { outcome, host } = this;
    if (!outcome) return nothing;
    const created = outcome.action === 'create-account';
    const { name } = outcome;
    return html`
      ${host.renderStepper()}
      <div class="step done" part="step state">
        <h3 id="step-heading" class="step-heading" part="step-heading" tabindex="-1">
          ${this.msg(created ? 'invite-wizard.done.created' : 'invite-wizard.done.linked', { name })}
        </h3>
        <p>
          ${this.msg(
            outcome.sendEmail
              ? created
                ? 'invite-wizard.done.created.emailed'
                : 'invite-wizard.done.linked.emailed'
              : 'invite-wizard.done.not-emailed',
            { name },
          )}
        </p>
        <p class="notice-bar" part="notice">${this.msg('invite-wizard.review.print-note', { name })}</p>
        <p class="done-status">
          <span>${this.msg('invite-wizard.done.status')}</span>
          <status-badge status=${outcome.partner.status}></status-badge>
        </p>
        <div class="footer" part="footer">
          <span class="spacer"></span>
          ${host.button(this.msg('invite-wizard.invite-more'), { onClick: () => host.startOver({ keepContact: false }) })}
          ${host.button(this.msg('invite-wizard.close'), { primary: true, onClick: () => host.close('done') })}
        </div>
      </div>
    `;
  }
}
