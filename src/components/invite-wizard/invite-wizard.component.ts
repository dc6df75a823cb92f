import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { PartnerKitError, isAbortError, toPartnerKitError } from '../../adapter/errors.js';
import { newIdempotencyKey } from '../../adapter/idempotency.js';
import {
  contactSchema,
  type Contact,
  type InvitationPreview,
  type InvitationResult,
  type Partner,
  type RecipientLookup,
  type Session,
} from '../../adapter/schemas.js';
import type {
  ImageKind,
  InvitationRecipient,
  LinkUserInput,
  PartnerKitAdapter,
  PrefilledAccountInput,
} from '../../adapter/types.js';
import { can, type PermissionContext } from '../../domain/permissions.js';
import { safeUrl } from '../../domain/safe-url.js';
import { DataController } from '../../internal/data-controller.js';
import { announce } from '../../internal/live-region.js';
import { LocaleController } from '../../internal/locale-controller.js';
import { PartnerKitElement } from '../../internal/partner-kit-element.js';
import { inviteWizardEn } from '../../locales/invite-wizard.en.js';
import { registerMessages, type MessageKey, type MessageParams } from '../../locales/index.js';
import { focusRing, popupStyles, visuallyHidden } from '../../styles/shared.js';
import { tokens } from '../../styles/tokens.js';
import { checkImageFile, IMAGE_ACCEPT, MAX_IMAGE_BYTES, type ImageProblem } from './image-rules.js';
import { inviteWizardStyles } from './invite-wizard.styles.js';
import { RecipientField } from './recipient-field.js';
import {
  chipsFingerprint,
  contactName,
  draftStorageKey,
  emptyDraft,
  FIELD_MAX_LENGTH,
  FLOW_STEPS,
  GENERAL_FIELDS,
  IMAGE_FIELDS,
  initialProfile,
  isDraftWorthKeeping,
  isRetryableFailure,
  keyForIntent,
  mergeResults,
  MLS_FIELDS,
  newChipId,
  predictedFlow,
  profileToSend,
  readDraft,
  recipientOf,
  removeDraft,
  routeAfterContacts,
  stepOfField,
  TIME_ZONES,
  withoutIntent,
  writeDraft,
  type FormField,
  type ImageKindKey,
  type RecipientChip,
  type ResultRow,
  type RouteIntent,
  type StepId,
  type WizardDraft,
} from './wizard-flow.js';
import '../status-badge/status-badge.js';

// This element's own strings: English now, Spanish when the page needs it.
registerMessages(inviteWizardEn, { es: () => import('../../locales/invite-wizard.es.js').then((module) => module.inviteWizardEs) });

/** What is about to be sent; `pk-before-submit` carries it and may cancel it. */
export type InviteWizardSubmission =
  | { action: 'invite'; recipients: readonly InvitationRecipient[] }
  | { action: 'create-account'; input: PrefilledAccountInput }
  | { action: 'link-account'; input: LinkUserInput }
  | { action: 'resend'; partnerId: string };

export interface InviteWizardInvitedDetail {
  /** The results of this request, one per recipient sent (a retry reports only the retried ones). */
  results: readonly InvitationResult[];
}

export interface InviteWizardConnectionDetail {
  partner: Partner;
  action: 'create-account' | 'link-account';
}

export interface InviteWizardResentDetail {
  partner: Partner;
}

export interface InviteWizardCloseDetail {
  /** `cancel`: closed before finishing (the draft is kept); `done`: closed after finishing. */
  reason: 'cancel' | 'done';
}

declare module '../../internal/events.js' {
  interface PartnerKitEventMap {
    'pk-before-submit': CustomEvent<InviteWizardSubmission>;
    'pk-invited': CustomEvent<InviteWizardInvitedDetail>;
    'pk-connection-created': CustomEvent<InviteWizardConnectionDetail>;
    'pk-invitation-resent': CustomEvent<InviteWizardResentDetail>;
    'pk-close-request': CustomEvent<InviteWizardCloseDetail>;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'pk-before-submit': CustomEvent<InviteWizardSubmission>;
    'pk-invited': CustomEvent<InviteWizardInvitedDetail>;
    'pk-connection-created': CustomEvent<InviteWizardConnectionDetail>;
    'pk-invitation-resent': CustomEvent<InviteWizardResentDetail>;
    'pk-close-request': CustomEvent<InviteWizardCloseDetail>;
  }
}

type BusyAction = 'next' | 'create-invitation' | 'submit' | 'retry';

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

const PROFILE_ORDER: readonly string[] = [...GENERAL_FIELDS, ...MLS_FIELDS, 'photoUrl', 'logoUrl'];

const zoneLabels = new Map<string, string>();

/** "Eastern Time (New York)", in the element's language. */
function timeZoneLabel(zone: string, lang: string): string {
  const cacheKey = `${lang}|${zone}`;
  let label = zoneLabels.get(cacheKey);
  if (label === undefined) {
    const city = zone.split('/').pop()?.replace(/_/g, ' ') ?? zone;
    try {
      const name = new Intl.DateTimeFormat(lang, { timeZone: zone, timeZoneName: 'longGeneric' })
        .formatToParts(new Date())
        .find((part) => part.type === 'timeZoneName')?.value;
      label = name ? `${name} (${city})` : zone;
    } catch {
      label = zone;
    }
    zoneLabels.set(cacheKey, label);
  }
  return label;
}

/**
 * @summary Creates co-marketing connections: pick recipients by email or
 * contact, then send invitations, pre-fill and create a partner's account, or
 * link an existing user — with per-recipient results and safe retries.
 *
 * The flows (seeds 000 and 001):
 * - **Create Invitation** → the invitation email preview → send.
 * - **Next** with one new recipient and profile pre-fill on → General Info →
 *   MLS Info → Images → Review and Confirm → Confirm and Create Account.
 * - **Next** with one user of the platform elsewhere → Review and Confirm →
 *   Confirm and Link Accounts.
 * - **Next** with several recipients or pre-fill off → the invitation preview.
 * - Recipients already connected are offered "Send email again" instead.
 *
 * What was typed survives a failed submit and closing the wizard (a draft in
 * `sessionStorage`, per viewer, cleared on success); a retry of the same
 * request reuses its idempotency key, so nothing is ever created twice.
 *
 * @tag invite-wizard
 *
 * @fires {CustomEvent<InviteWizardSubmission>} pk-before-submit - Cancelable: before each request that creates or sends something. `preventDefault()` stops it.
 * @fires {CustomEvent<InviteWizardInvitedDetail>} pk-invited - Invitations were sent (`detail.results`: one result per recipient of this request).
 * @fires {CustomEvent<InviteWizardConnectionDetail>} pk-connection-created - A partner account was created or linked (`detail.partner`).
 * @fires {CustomEvent<InviteWizardResentDetail>} pk-invitation-resent - "Send email again" re-sent an invitation (`detail.partner`).
 * @fires {CustomEvent<InviteWizardCloseDetail>} pk-close-request - Cancel or Close was pressed: a host dialog closes now.
 *
 * @csspart base - The whole wizard.
 * @csspart title - "Create Co-Marketing Connection".
 * @csspart stepper - The ordered list of steps.
 * @csspart stepper-item - One step of the stepper (also `stepper-item-current`, `stepper-item-done`).
 * @csspart step - The current step (a form).
 * @csspart step-heading - The current step's heading (focused on every step change).
 * @csspart footer - The step's buttons.
 * @csspart button - Every button (also `button-primary`).
 * @csspart label - A field label.
 * @csspart hint - A field hint.
 * @csspart input - A text input or select.
 * @csspart field - One field (label, control, error).
 * @csspart field-error - An error message tied to its field.
 * @csspart alert - An error of the step (with what to do).
 * @csspart notice - An informational message.
 * @csspart recipients - The recipient field.
 * @csspart recipient-box - The box holding the chips and the input.
 * @csspart recipient-input - The recipient text input (the combobox).
 * @csspart chips - The list of recipient chips.
 * @csspart chip - A recipient chip (also `chip-invalid`).
 * @csspart chip-remove - A chip's remove button.
 * @csspart listbox - The contact suggestions popup.
 * @csspart option - A contact suggestion (also `option-active`).
 * @csspart search-status - "Searching contacts…" and other search states.
 * @csspart image-field - One image (profile photo, logo).
 * @csspart drop-zone - The area an image can be dropped on.
 * @csspart image-preview - The image preview.
 * @csspart summary - The review's list of what will be created.
 * @csspart send-choice - The required "send email" choice.
 * @csspart email-preview - The invitation email preview.
 * @csspart email-frame - The sandboxed frame showing the email's HTML.
 * @csspart email-text - The email's text, when it has no HTML.
 * @csspart results - The per-recipient results table.
 * @csspart state - The loading, error, not-permitted and done states.
 *
 * @cssproperty --pk-font-family - Font. Default `inherit` (the page's font).
 * @cssproperty --pk-font-size-small - Hints, chips and small text.
 * @cssproperty --pk-color-surface - The wizard's background and inputs.
 * @cssproperty --pk-color-text - Text on the wizard.
 * @cssproperty --pk-color-text-muted - Hints and secondary text.
 * @cssproperty --pk-color-border - Borders of the wizard, inputs and chips.
 * @cssproperty --pk-color-accent - Primary buttons, the current step, the active option.
 * @cssproperty --pk-color-focus-ring - Keyboard focus outline.
 * @cssproperty --pk-tone-danger-bg - Invalid chips and error backgrounds.
 * @cssproperty --pk-tone-danger-fg - Invalid chips and error text.
 * @cssproperty --pk-tone-success-bg - Successful results.
 * @cssproperty --pk-tone-success-fg - Successful results.
 * @cssproperty --pk-tone-info-bg - Notices.
 * @cssproperty --pk-tone-info-fg - Notices.
 * @cssproperty --pk-radius - Corners of the wizard, inputs and buttons.
 * @cssproperty --pk-radius-pill - Corners of chips and step numbers.
 * @cssproperty --pk-space-1 - Small gaps.
 * @cssproperty --pk-space-2 - Gaps between controls.
 * @cssproperty --pk-space-3 - Gaps between fields.
 * @cssproperty --pk-space-4 - The wizard's padding.
 * @cssproperty --pk-shadow-popup - The contact listbox's shadow.
 * @cssproperty --pk-z-popup - The listbox's stacking where the top layer is unavailable.
 *
 * @example
 * ```html
 * <partner-kit-provider id="kit"><invite-wizard></invite-wizard></partner-kit-provider>
 * <script type="module">
 *   // From a contact list's "Invite to co-market" action:
 *   document.querySelector('invite-wizard').contact = contact;
 * </script>
 * ```
 */
export class InviteWizard extends PartnerKitElement {
  static override styles = [tokens, focusRing, visuallyHidden, popupStyles, inviteWizardStyles];

  /**
   * Start from this contact ("Invite to co-market" in a host's contact list):
   * the wizard opens at the step for this contact (profile pre-fill, linking,
   * or "already connected"). The contact record is never changed.
   */
  @property({ attribute: false }) contact: Contact | null | undefined;

  /** Do not keep a draft in `sessionStorage` (what was typed is then lost when the wizard is closed). */
  @property({ type: Boolean, attribute: 'no-draft' }) noDraft = false;

  @state() private draft: WizardDraft = emptyDraft();
  @state() private busy: BusyAction | null = null;
  /** The current step's error: from the adapter, or a message of the wizard's own. */
  @state() private stepError: PartnerKitError | string | null = null;
  /** Field errors by field: `recipients`, `sendEmail`, or a profile key. */
  @state() private fieldErrors: Readonly<Record<string, string>> = {};
  @state() private images: Readonly<Record<ImageKindKey, ImageSlot>> = { photo: emptySlot(), logo: emptySlot() };
  @state() private dragging: ImageKindKey | null = null;
  /** Image URLs that failed to load (the preview says so instead of a broken image). */
  @state() private brokenImages: ReadonlySet<string> = new Set();
  @state() private outcome: Outcome | null = null;
  @state() private resends: Readonly<Record<string, ResendState>> = {};
  @state() private restored = false;
  @state() private startNotice: string | null = null;
  /** Nothing left to retry: the draft is no longer kept. */
  @state() private finished = false;

  private readonly locale = new LocaleController(this);

  private readonly session = new DataController(this, {
    args: () => [this.adapter, this.currentAdapter()] as const,
    load: async (_args, { signal }) => {
      const adapter = this.adapterOrError();
      if (adapter instanceof PartnerKitError) throw adapter;
      return adapter.getSession({ signal });
    },
  });

  private readonly preview = new DataController(this, {
    args: () => [this.currentAdapter(), this.previewKey()] as const,
    load: async ([adapter, key], { signal }): Promise<InvitationPreview | null> => {
      if (!adapter || key === null || !this.can('previewInvitation') || !adapter.previewInvitation) return null;
      return adapter.previewInvitation(this.inviteRecipients(), { signal });
    },
  });

  private readonly recipientField = new RecipientField(this, {
    adapter: () => this.currentAdapter(),
    canSearch: () => this.can('searchContacts'),
    value: () => this.draft,
    change: (chips, text) => {
      const fieldErrors = { ...this.fieldErrors };
      delete fieldErrors['recipients'];
      this.fieldErrors = fieldErrors;
      this.draft = { ...this.draft, chips, text };
    },
    pickContact: (contact) => {
      this.draft = { ...this.draft, contacts: { ...this.draft.contacts, [contact.id]: contact } };
    },
    locale: this.locale,
  });

  private storageKey: string | null = null;
  private initialisedFor: string | null = null;
  private checkedContact: { input: unknown; value: Contact | undefined } | undefined;
  /** An element id to focus after the next render. */
  private focusTarget: string | null = null;
  // Synchronous double-submit guard: two clicks in one frame still send one request.
  private inFlight = false;
  private actions = new AbortController();
  private readonly uploads = new Map<ImageKindKey, Promise<boolean>>();
  private frame: { markup: string; element: HTMLIFrameElement } | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.actions.signal.aborted) this.actions = new AbortController();
    // Back in the page: the previews revoked on disconnect are made again (see willUpdate).
    if (this.images.photo.file || this.images.logo.file) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Requests in flight are abandoned (their keys are kept: a retry cannot duplicate).
    this.actions.abort(new DOMException('The wizard was disconnected.', 'AbortError'));
    this.revokePreviews(false);
  }

  /** Moves focus to the current step's heading. */
  override focus(options?: FocusOptions): void {
    const heading = this.renderRoot?.querySelector<HTMLElement>('#step-heading');
    if (heading) heading.focus(options);
    else super.focus(options);
  }

  // ---------------------------------------------------------------------------
  // Session, permissions, start

  private currentAdapter(): PartnerKitAdapter | undefined {
    try {
      return this.resolvedAdapter;
    } catch {
      return undefined;
    }
  }

  private permissionContext(session: Session): PermissionContext {
    return { role: session.role, org: session.switches };
  }

  private get sessionValue(): Session | undefined {
    return this.session.value;
  }

  private get canPrefill(): boolean {
    const session = this.sessionValue;
    return (
      session !== undefined &&
      can('prefill', this.permissionContext(session)) &&
      this.can('createPrefilledAccount') &&
      this.can('lookupRecipients')
    );
  }

  private get canLink(): boolean {
    const session = this.sessionValue;
    return (
      session !== undefined &&
      can('prefill', this.permissionContext(session)) &&
      this.can('linkExistingUser') &&
      this.can('lookupRecipients')
    );
  }

  /** The `contact` property, checked against the contract's schema (host data is never trusted). */
  private validContact(): Contact | undefined {
    if (this.contact == null) return undefined;
    if (this.checkedContact?.input !== this.contact) {
      const result = contactSchema.safeParse(this.contact);
      if (!result.success) console.warn('[partner-kit] <invite-wizard>: the contact property is not a valid Contact; it is ignored.');
      this.checkedContact = { input: this.contact, value: result.success ? result.data : undefined };
    }
    return this.checkedContact.value;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const session = this.session.pending ? undefined : this.sessionValue;
    if (session) {
      const key = draftStorageKey(session.organisation.id, session.viewer.id);
      const initialisation = `${key}|${this.validContact()?.id ?? ''}`;
      if (initialisation !== this.initialisedFor) {
        this.initialisedFor = initialisation;
        this.storageKey = key;
        this.initialise();
      }
    }
    // Previews come back after a reconnect, from the files still held.
    if (this.isConnected) {
      for (const kind of ['photo', 'logo'] as const) {
        const slot = this.images[kind];
        if (slot.file && !slot.previewUrl) this.images = { ...this.images, [kind]: { ...slot, previewUrl: URL.createObjectURL(slot.file) } };
      }
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (changed.has('draft') || changed.has('finished')) this.persist();
    if (this.focusTarget !== null) {
      const target = this.renderRoot.querySelector<HTMLElement>(`#${this.focusTarget}`);
      this.focusTarget = null;
      target?.focus();
    }
  }

  private persist(): void {
    if (this.storageKey === null || this.noDraft) return;
    if (this.finished || !isDraftWorthKeeping(this.draft)) removeDraft(this.storageKey);
    else writeDraft(this.storageKey, this.draft);
  }

  private resetTransient(): void {
    this.revokePreviews(true);
    this.images = { photo: emptySlot(), logo: emptySlot() };
    this.uploads.clear();
    this.busy = null;
    this.stepError = null;
    this.fieldErrors = {};
    this.outcome = null;
    this.resends = {};
    this.restored = false;
    this.startNotice = null;
    this.finished = false;
  }

  private draftForContact(contact: Contact): WizardDraft {
    const draft = emptyDraft();
    draft.startContactId = contact.id;
    draft.contacts = { [contact.id]: contact };
    const name = contactName(contact) || null;
    if (contact.email) {
      const email = contact.email.toLowerCase();
      draft.chips = [{ id: newChipId(), raw: name ? `${name} <${email}>` : email, email, name, valid: true, contactId: contact.id }];
    }
    return draft;
  }

  /** Restores this viewer's draft, or starts from the given contact. */
  private initialise(): void {
    this.resetTransient();
    const contact = this.validContact();
    const stored = this.noDraft || this.storageKey === null ? null : readDraft(this.storageKey);
    if (stored && isDraftWorthKeeping(stored) && (contact === undefined || stored.startContactId === contact.id)) {
      this.draft = this.checkRestoredFlow(stored);
      this.restored = true;
      return;
    }
    this.begin(contact, true);
  }

  /** A fresh draft: empty, or for the given contact, opened at the step that contact needs. */
  private begin(contact: Contact | undefined, automatic: boolean): void {
    this.draft = contact ? this.draftForContact(contact) : emptyDraft();
    if (!contact) return;
    if (!contact.email) {
      this.startNotice = this.msg('invite-wizard.start.no-email', { name: contactName(contact) });
      return;
    }
    // After this update: routing changes state and renders again.
    queueMicrotask(() => void this.route('next', { automatic }));
  }

  /** A restored step the viewer can no longer take (a switch changed) starts again at Contact Selection. */
  private checkRestoredFlow(draft: WizardDraft): WizardDraft {
    const blocked = (draft.flow === 'prefill' && !this.canPrefill) || (draft.flow === 'link' && !this.canLink);
    return blocked ? { ...draft, flow: null, step: 'contacts' } : draft;
  }

  // ---------------------------------------------------------------------------
  // Helpers

  private msg(key: MessageKey, params?: MessageParams): string {
    return this.locale.msg(key, params);
  }

  private setDraft(patch: Partial<WizardDraft>): void {
    this.draft = { ...this.draft, ...patch };
  }

  /** Writes the draft now (before a request leaves, so its key survives a reload mid-flight). */
  private persistNow(): void {
    this.persist();
  }

  private goTo(step: WizardDraft['step'], focus = true): void {
    this.setDraft({ step });
    this.stepError = null;
    if (focus) this.focusTarget = 'step-heading';
  }

  private errorMessage(error: PartnerKitError): string {
    switch (error.code) {
      case 'network':
        return this.msg('invite-wizard.error.network');
      case 'timeout':
        return this.msg('invite-wizard.error.timeout');
      case 'unauthorized':
        return this.msg('invite-wizard.error.unauthorized');
      case 'forbidden':
        return this.msg('invite-wizard.error.forbidden');
      case 'not_found':
        return this.msg('invite-wizard.error.not-found');
      case 'conflict':
        return this.msg('invite-wizard.error.conflict');
      case 'rate_limited':
        return error.retryAfter !== undefined
          ? this.msg('invite-wizard.error.rate-limited-after', { seconds: Math.ceil(error.retryAfter) })
          : this.msg('invite-wizard.error.rate-limited');
      case 'validation':
        return this.msg('invite-wizard.error.validation');
      case 'contract':
        return this.msg('invite-wizard.error.contract');
      default:
        return this.msg('invite-wizard.error.unknown');
    }
  }

  /** The adapter's own words add something for these codes (which partner, which rule). */
  private errorDetail(error: PartnerKitError): string | null {
    return error.code === 'conflict' || error.code === 'not_found' || (error.code === 'validation' && Object.keys(error.fieldErrors).length === 0)
      ? error.message
      : null;
  }

  private toError(error: unknown): PartnerKitError {
    const converted = toPartnerKitError(error);
    return converted instanceof PartnerKitError ? converted : new PartnerKitError('unknown', String(error));
  }

  private validChips(): RecipientChip[] {
    return this.draft.chips.filter((chip) => chip.valid);
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
    const emails = lookups ? lookups.filter((lookup) => lookup.kind !== 'connected').map((lookup) => lookup.email) : this.validChips().map((chip) => chip.email);
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
  // Navigation

  /** Whether this viewer may invite at all (else the not-permitted state shows, and nothing is sent). */
  private get mayInvite(): boolean {
    const session = this.sessionValue;
    return session !== undefined && can('invite', this.permissionContext(session)) && this.can('createInvitations');
  }

  private async route(intent: RouteIntent, { automatic = false } = {}): Promise<void> {
    if (this.inFlight || !this.mayInvite) return;
    this.recipientField.commitPending();
    const chips = this.draft.chips;
    if (chips.length === 0) {
      this.fieldErrors = { ...this.fieldErrors, recipients: this.msg('invite-wizard.error.no-recipients') };
      this.focusTarget = 'recipient-input';
      announce(this.msg('invite-wizard.error.no-recipients'), 'assertive');
      return;
    }
    const invalid = chips.filter((chip) => !chip.valid).length;
    if (invalid > 0) {
      const message = this.msg(invalid === 1 ? 'invite-wizard.error.fix-invalid.one' : 'invite-wizard.error.fix-invalid', { count: invalid });
      this.fieldErrors = { ...this.fieldErrors, recipients: message };
      this.focusTarget = 'recipient-input';
      announce(message, 'assertive');
      return;
    }
    const adapter = this.currentAdapter();
    if (!adapter) return;
    const emails = this.validChips().map((chip) => chip.email);
    this.inFlight = true;
    this.busy = intent;
    this.stepError = null;
    const focusWasInside = this.matches(':focus-within');
    try {
      const lookups =
        this.can('lookupRecipients') && adapter.lookupRecipients
          ? await adapter.lookupRecipients(emails, { signal: this.actions.signal })
          : emails.map((email): RecipientLookup => ({ email, kind: 'new', name: null, partnerId: null }));
      const { flow, step } = routeAfterContacts({ intent, lookups, canPrefill: this.canPrefill, canLink: this.canLink });
      let draft: WizardDraft = { ...this.draft, lookups, lookupFor: chipsFingerprint(chips), flow, results: null };
      if (flow === 'prefill') draft = await this.matchContact(adapter, draft, lookups[0]);
      if (flow === 'prefill' || flow === 'link') this.prepareFor(draft, lookups[0], flow);
      this.draft = draft;
      this.fieldErrors = {};
      this.goTo(step, !automatic || focusWasInside);
    } catch (error) {
      if (isAbortError(error)) return;
      const failure = this.toError(error);
      this.stepError = failure;
      announce(this.errorMessage(failure), 'assertive');
    } finally {
      this.inFlight = false;
      this.busy = null;
    }
  }

  /**
   * A typed or pasted address that is also one of the user's contacts is
   * matched to that contact, so the profile is pre-filled from it.
   */
  private async matchContact(adapter: PartnerKitAdapter, draft: WizardDraft, lookup: RecipientLookup | undefined): Promise<WizardDraft> {
    const chip = lookup ? draft.chips.find((entry) => entry.valid && entry.email === lookup.email) : undefined;
    if (!lookup || !chip || chip.contactId !== null || draft.prefilledFor === lookup.email || !this.can('searchContacts') || !adapter.searchContacts) {
      return draft;
    }
    let found: Contact[];
    try {
      found = await adapter.searchContacts(lookup.email, { signal: this.actions.signal, limit: 5 });
    } catch (error) {
      if (isAbortError(error)) throw error;
      // Not finding the contact only means less is pre-filled.
      return draft;
    }
    const contact = found.find((entry) => entry.email?.toLowerCase() === lookup.email);
    if (!contact) return draft;
    return {
      ...draft,
      chips: draft.chips.map((entry) => (entry === chip ? { ...entry, contactId: contact.id, name: entry.name ?? (contactName(contact) || null) } : entry)),
      contacts: { ...draft.contacts, [contact.id]: contact },
    };
  }

  /**
   * A new sole recipient starts afresh: the profile pre-filled from its
   * contact, no send-email choice yet. The same one again keeps every edit (Back).
   */
  private prepareFor(draft: WizardDraft, lookup: RecipientLookup | undefined, flow: 'prefill' | 'link'): void {
    if (!lookup || draft.prefilledFor === lookup.email) return;
    const chip = draft.chips.find((entry) => entry.valid && entry.email === lookup.email);
    const contact = chip?.contactId ? draft.contacts[chip.contactId] : undefined;
    draft.profile = flow === 'prefill' ? initialProfile(contact, chip?.name ?? lookup.name) : {};
    draft.prefilledFor = lookup.email;
    draft.sendEmail = null;
    this.revokePreviews(true);
    this.images = { photo: emptySlot(), logo: emptySlot() };
    this.uploads.clear();
  }

  private steps(): readonly StepId[] {
    const { flow, step } = this.draft;
    if (step === 'contacts' || flow === null) {
      const known = flow !== null && this.draft.lookupFor === chipsFingerprint(this.draft.chips);
      return FLOW_STEPS[known && flow ? flow : predictedFlow(this.validChips().length, this.canPrefill)];
    }
    return FLOW_STEPS[flow];
  }

  private back(): void {
    const { flow, step } = this.draft;
    if (flow === null || step === 'contacts') return;
    const steps = FLOW_STEPS[flow];
    const index = steps.indexOf(step as StepId);
    this.fieldErrors = {};
    this.goTo(steps[Math.max(0, index - 1)] ?? 'contacts');
  }

  private readonly onSubmit = (event: Event) => {
    event.preventDefault();
    switch (this.draft.step) {
      case 'contacts':
        void this.route('next');
        return;
      case 'general':
        this.goTo('mls');
        return;
      case 'mls':
        this.goTo('images');
        return;
      case 'images':
        this.goTo('review');
        return;
      case 'review':
        void this.confirm();
        return;
      case 'preview':
        void this.send();
        return;
      default:
        return;
    }
  };

  private close(reason: 'cancel' | 'done'): void {
    this.emit('pk-close-request', { reason });
    // Finished: the next opening starts afresh. Failed invitations left to retry stay for the next opening.
    const retryLeft = this.draft.step === 'results' && !this.finished;
    if (reason === 'done' && !retryLeft) this.startOver({ focus: false, keepContact: false });
  }

  private startOver({ focus = true, keepContact = true } = {}): void {
    // A request in flight would land on the fresh start: wait for it.
    if (this.inFlight) return;
    if (this.storageKey) removeDraft(this.storageKey);
    this.resetTransient();
    this.begin(keepContact ? this.validContact() : undefined, !focus);
    if (focus) this.focusTarget = 'step-heading';
  }

  // ---------------------------------------------------------------------------
  // Profile fields and images

  private setProfile(key: FormField, value: string): void {
    this.setDraft({ profile: { ...this.draft.profile, [key]: value } });
    if (this.fieldErrors[key]) {
      const fieldErrors = { ...this.fieldErrors };
      delete fieldErrors[key];
      this.fieldErrors = fieldErrors;
    }
  }

  private setSendEmail(sendEmail: boolean): void {
    this.setDraft({ sendEmail });
    if (this.fieldErrors['sendEmail']) {
      const fieldErrors = { ...this.fieldErrors };
      delete fieldErrors['sendEmail'];
      this.fieldErrors = fieldErrors;
    }
  }

  private setSlot(kind: ImageKindKey, patch: Partial<ImageSlot>): void {
    this.images = { ...this.images, [kind]: { ...this.images[kind], ...patch } };
  }

  private setImageUrl(kind: ImageKindKey, url: string | null): void {
    this.setDraft({ profile: { ...this.draft.profile, [IMAGE_FIELDS[kind]]: url } });
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
    if (changed) this.images = next;
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
          size: this.locale.formatNumber(file.size / (1024 * 1024), { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }),
          max: this.locale.formatNumber(MAX_IMAGE_BYTES / (1024 * 1024), { style: 'unit', unit: 'megabyte' }),
        });
    }
  }

  private async pickImage(kind: ImageKindKey, file: File | undefined): Promise<void> {
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
    this.setImageUrl(kind, null);
    const fieldErrors = { ...this.fieldErrors };
    delete fieldErrors[IMAGE_FIELDS[kind]];
    this.fieldErrors = fieldErrors;
    void this.upload(kind);
  }

  private removeImage(kind: ImageKindKey): void {
    const slot = this.images[kind];
    if (slot.previewUrl) URL.revokeObjectURL(slot.previewUrl);
    this.uploads.delete(kind);
    this.images = { ...this.images, [kind]: emptySlot() };
    this.setImageUrl(kind, null);
    announce(this.msg('invite-wizard.images.removed', { label: this.imageLabel(kind) }));
    this.focusTarget = `image-${kind}-choose`;
  }

  /** Uploads the slot's file (once: a second call waits for the first); true when it has a URL. */
  private upload(kind: ImageKindKey): Promise<boolean> {
    const running = this.uploads.get(kind);
    if (running) return running;
    const promise = this.runUpload(kind).finally(() => {
      if (this.uploads.get(kind) === promise) this.uploads.delete(kind);
    });
    this.uploads.set(kind, promise);
    return promise;
  }

  private async runUpload(kind: ImageKindKey): Promise<boolean> {
    const slot = this.images[kind];
    const adapter = this.currentAdapter();
    const file = slot.file;
    // Nothing chosen, or already uploaded (the URL is cleared whenever a new file is chosen).
    if (!file || this.draft.profile[IMAGE_FIELDS[kind]]) return true;
    if (!adapter?.uploadImage || !this.can('uploadImage')) {
      this.setSlot(kind, { status: 'error', error: this.msg('invite-wizard.images.error.unavailable') });
      return false;
    }
    const key = slot.key ?? newIdempotencyKey();
    this.setSlot(kind, { status: 'uploading', error: null, key });
    announce(this.msg('invite-wizard.images.uploading', { label: this.imageLabel(kind) }));
    try {
      const { url } = await adapter.uploadImage(file, kind satisfies ImageKind, { idempotencyKey: key, signal: this.actions.signal });
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
        : this.msg('invite-wizard.images.error.upload', { reason: this.errorMessage(this.toError(error)) });
      this.setSlot(kind, { status: 'error', error: message });
      if (!isAbortError(error)) announce(message, 'assertive');
      return false;
    }
  }

  private imageLabel(kind: ImageKindKey): string {
    return this.msg(kind === 'photo' ? 'field.photoUrl' : 'field.logoUrl');
  }

  // ---------------------------------------------------------------------------
  // Submitting

  /** Shows the server's per-field messages at their fields; true when any applied. */
  private applyFieldErrors(error: PartnerKitError): boolean {
    const errors: Record<string, string> = {};
    for (const [path, message] of Object.entries(error.fieldErrors)) {
      const key = path.startsWith('profile.') ? path.slice('profile.'.length) : path;
      if (key === 'email') errors['recipients'] = message;
      else if (stepOfField(key)) errors[key] = message;
    }
    const keys = Object.keys(errors);
    if (keys.length === 0) return false;
    this.fieldErrors = errors;
    if (errors['recipients']) {
      this.goTo('contacts', false);
      this.focusTarget = 'recipient-input';
    } else {
      const first = PROFILE_ORDER.find((key) => errors[key] !== undefined) ?? '';
      this.goTo(stepOfField(first) ?? 'review', false);
      this.focusTarget = first === 'photoUrl' ? 'image-photo-choose' : first === 'logoUrl' ? 'image-logo-choose' : `field-${first}`;
    }
    announce(this.msg('invite-wizard.error.fields', { count: keys.length }), 'assertive');
    return true;
  }

  private requireSendChoice(): boolean {
    if (this.draft.sendEmail !== null) return true;
    const message = this.msg('invite-wizard.review.send.required');
    this.fieldErrors = { ...this.fieldErrors, sendEmail: message };
    this.focusTarget = 'send-yes';
    announce(message, 'assertive');
    return false;
  }

  private async confirm(): Promise<void> {
    if (this.inFlight || !this.requireSendChoice()) return;
    if (this.draft.flow === 'prefill') await this.createAccount();
    else if (this.draft.flow === 'link') await this.linkAccount();
  }

  private async createAccount(): Promise<void> {
    const adapter = this.currentAdapter();
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
    if (!this.emit('pk-before-submit', { action: 'create-account', input: build() }, { cancelable: true })) return;
    await this.submitting('submit', async () => {
      const uploaded = await Promise.all((['photo', 'logo'] as const).map((kind) => this.upload(kind)));
      if (uploaded.includes(false)) {
        this.stepError = this.msg('invite-wizard.images.error.pending');
        announce(this.stepError, 'assertive');
        return;
      }
      const input = build();
      const key = this.intentKey('create-account', input);
      const partner = await createPrefilledAccount(input, { idempotencyKey: key, signal: this.actions.signal });
      this.succeed({ partner, action: 'create-account', sendEmail, name: recipient.name });
    });
  }

  private async linkAccount(): Promise<void> {
    const adapter = this.currentAdapter();
    const recipient = this.soleRecipient();
    const linkExistingUser = adapter?.linkExistingUser?.bind(adapter);
    if (!linkExistingUser || !recipient) return;
    const sendEmail = this.draft.sendEmail === true;
    const input: LinkUserInput = { email: recipient.email, sendEmail };
    if (!this.emit('pk-before-submit', { action: 'link-account', input }, { cancelable: true })) return;
    await this.submitting('submit', async () => {
      const key = this.intentKey('link-account', input);
      const partner = await linkExistingUser(input, { idempotencyKey: key, signal: this.actions.signal });
      this.succeed({ partner, action: 'link-account', sendEmail, name: recipient.name });
    });
  }

  private succeed(outcome: Outcome): void {
    this.revokePreviews(true);
    this.outcome = outcome;
    this.draft = { ...emptyDraft(), step: 'done', flow: this.draft.flow };
    this.finished = true;
    this.restored = false;
    this.focusTarget = 'step-heading';
    this.emit('pk-connection-created', { partner: outcome.partner, action: outcome.action });
    announce(
      this.msg(outcome.action === 'create-account' ? 'invite-wizard.done.created' : 'invite-wizard.done.linked', { name: outcome.name }),
    );
  }

  /** Everything typed stays; field errors go to their fields, anything else is shown on the step. */
  private fail(error: unknown): void {
    if (isAbortError(error)) return;
    const failure = this.toError(error);
    if (failure.code === 'validation' && this.applyFieldErrors(failure)) return;
    this.stepError = failure;
    announce(this.errorMessage(failure), 'assertive');
  }

  private async send(): Promise<void> {
    if (this.inFlight) return;
    const adapter = this.currentAdapter();
    const recipients = this.inviteRecipients();
    const createInvitations = adapter?.createInvitations?.bind(adapter);
    if (!createInvitations || recipients.length === 0) return;
    if (!this.emit('pk-before-submit', { action: 'invite', recipients }, { cancelable: true })) return;
    await this.submitting('submit', async () => {
      const key = this.intentKey('invite', recipients);
      const batch = await createInvitations(recipients, { idempotencyKey: key, signal: this.actions.signal });
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
      this.finished = !rows.some(isRetryableFailure);
      this.restored = false;
      this.goTo('results');
      this.emit('pk-invited', { results: batch.results });
      announce(this.resultsSummary(rows));
    });
  }

  private async retryFailed(): Promise<void> {
    if (this.inFlight) return;
    const adapter = this.currentAdapter();
    const rows = this.draft.results ?? [];
    const recipients = rows.filter(isRetryableFailure).map(recipientOf);
    const createInvitations = adapter?.createInvitations?.bind(adapter);
    if (!createInvitations || recipients.length === 0) return;
    if (!this.emit('pk-before-submit', { action: 'invite', recipients }, { cancelable: true })) return;
    await this.submitting('retry', async () => {
      const key = this.intentKey('invite', recipients);
      const batch = await createInvitations(recipients, { idempotencyKey: key, signal: this.actions.signal });
      const merged = mergeResults(rows, batch.results);
      this.setDraft({ intents: withoutIntent(this.draft.intents, 'invite'), results: merged });
      this.finished = !merged.some(isRetryableFailure);
      if (this.finished) this.focusTarget = 'step-heading';
      this.emit('pk-invited', { results: batch.results });
      announce(this.resultsSummary(merged));
    });
  }

  /** One submit: the busy state while it runs, failures to `fail()` (everything typed stays). */
  private async submitting(busy: 'submit' | 'retry', work: () => Promise<void>): Promise<void> {
    this.inFlight = true;
    this.busy = busy;
    this.stepError = null;
    try {
      await work();
    } catch (error) {
      this.fail(error);
    } finally {
      this.inFlight = false;
      this.busy = null;
    }
  }

  /** The idempotency key of this intent, saved with the draft before the request leaves (a retry reuses it). */
  private intentKey(action: string, input: unknown): string {
    const { key, intents } = keyForIntent(this.draft.intents, action, input, newIdempotencyKey);
    this.setDraft({ intents });
    this.persistNow();
    return key;
  }

  private async resend(partnerId: string, name: string): Promise<void> {
    const current = this.resends[partnerId];
    const adapter = this.currentAdapter();
    if (current?.status === 'sending' || current?.status === 'sent' || !adapter?.resendInvitation) return;
    if (!this.emit('pk-before-submit', { action: 'resend', partnerId }, { cancelable: true })) return;
    const key = current?.key ?? newIdempotencyKey();
    this.resends = { ...this.resends, [partnerId]: { status: 'sending', error: null, key } };
    try {
      const partner = await adapter.resendInvitation(partnerId, { idempotencyKey: key, signal: this.actions.signal });
      this.resends = { ...this.resends, [partnerId]: { status: 'sent', error: null, key } };
      this.emit('pk-invitation-resent', { partner });
      announce(this.msg('invite-wizard.resend.done', { name }));
    } catch (error) {
      if (isAbortError(error)) {
        this.resends = { ...this.resends, [partnerId]: { status: 'error', error: null, key } };
        return;
      }
      const failure = this.toError(error);
      this.resends = { ...this.resends, [partnerId]: { status: 'error', error: failure, key } };
      announce(this.errorMessage(failure), 'assertive');
    }
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

  protected override render() {
    return html`<section part="base" class="wizard" lang=${this.locale.lang} aria-labelledby="wizard-title">
      <h2 id="wizard-title" class="title" part="title">${this.msg('invite-wizard.title')}</h2>
      ${this.session.render({
        initial: () => this.renderLoading(),
        pending: () => this.renderLoading(),
        complete: (session) => this.renderSession(session),
        error: (error, retry) => this.renderLoadError(error, retry),
      })}
    </section>`;
  }

  private renderLoading() {
    return html`<div class="state" part="state" role="status">
      <span class="spinner" aria-hidden="true"></span>${this.msg('invite-wizard.loading')}
    </div>`;
  }

  private renderLoadError(error: PartnerKitError, retry: () => void) {
    return html`<div class="state state-error" part="state">
      <h3 id="step-heading" class="step-heading" part="step-heading" tabindex="-1">${this.msg('invite-wizard.load-error.heading')}</h3>
      <p>${this.errorMessage(error)}</p>
      ${error.code === 'contract' ? html`<p class="detail">${error.message}</p>` : nothing}
      <button type="button" class="button focus-ring" part="button" @click=${retry}>${this.msg('invite-wizard.retry')}</button>
    </div>`;
  }

  private renderSession(session: Session) {
    if (!can('invite', this.permissionContext(session))) {
      return html`<div class="state" part="state not-permitted">
        <h3 id="step-heading" class="step-heading" part="step-heading" tabindex="-1">${this.msg('invite-wizard.not-permitted.heading')}</h3>
        <p>${this.msg('invite-wizard.not-permitted.body')}</p>
      </div>`;
    }
    if (!this.can('createInvitations')) {
      return html`<div class="state" part="state unavailable">
        <h3 id="step-heading" class="step-heading" part="step-heading" tabindex="-1">${this.msg('invite-wizard.unavailable.heading')}</h3>
        <p>${this.msg('invite-wizard.unavailable.body')}</p>
      </div>`;
    }
    if (this.outcome) return this.renderDone(this.outcome);
    const { step } = this.draft;
    return html`
      ${this.renderStepper()}
      ${this.restored && step !== 'results'
        ? html`<div class="notice-bar" part="notice">
            <p>${this.msg('invite-wizard.draft.restored')}</p>
            <button type="button" class="button link focus-ring" part="button" @click=${() => this.startOver()}>
              ${this.msg('invite-wizard.draft.start-over')}
            </button>
          </div>`
        : nothing}
      <form class="step" part="step" novalidate aria-labelledby="step-heading" @submit=${this.onSubmit}>
        <h3 id="step-heading" class="step-heading" part="step-heading" tabindex="-1">${this.stepHeading()}</h3>
        ${this.renderStepBody()} ${this.renderStepError()}
        <div class="footer" part="footer">${this.renderFooter()}</div>
      </form>
    `;
  }

  private renderStepper() {
    const steps = this.steps();
    const { step } = this.draft;
    const current = step === 'results' || step === 'done' ? steps.length : steps.indexOf(step as StepId);
    return html`<ol class="stepper" part="stepper" aria-label=${this.msg('invite-wizard.stepper.label')}>
      ${steps.map((id, index) => {
        const done = index < current;
        const isCurrent = index === current;
        return html`<li
          class="stepper-item ${done ? 'done' : ''} ${isCurrent ? 'current' : ''}"
          part="stepper-item${done ? ' stepper-item-done' : ''}${isCurrent ? ' stepper-item-current' : ''}"
          aria-current=${ifDefined(isCurrent ? 'step' : undefined)}
        >
          <span class="stepper-number" aria-hidden="true">${done ? '✓' : index + 1}</span>
          <span class="stepper-label">${this.msg(`invite-wizard.step.${id}`)}</span>
          ${done ? html`<span class="visually-hidden">${this.msg('invite-wizard.stepper.done')}</span>` : nothing}
        </li>`;
      })}
    </ol>`;
  }

  private stepHeading(): string {
    const name = this.soleRecipient()?.name ?? '';
    switch (this.draft.step) {
      case 'contacts':
        return this.msg('invite-wizard.contacts.heading');
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

  private renderStepBody() {
    switch (this.draft.step) {
      case 'contacts':
        return this.renderContacts();
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

  private renderStepError() {
    const error = this.stepError;
    if (error === null) return nothing;
    if (typeof error === 'string') return html`<div class="alert" part="alert" id="step-error"><p>${error}</p></div>`;
    const detail = this.errorDetail(error);
    return html`<div class="alert" part="alert" id="step-error">
      <p>${this.errorMessage(error)}</p>
      ${detail ? html`<p class="detail">${detail}</p>` : nothing}
      ${error.retryable ? html`<p class="detail">${this.msg('invite-wizard.error.try-again-hint')}</p>` : nothing}
    </div>`;
  }

  private button(
    label: string,
    options: {
      primary?: boolean;
      submit?: boolean;
      busy?: boolean;
      onClick?: () => void;
      id?: string;
      describedBy?: string;
      /** Usable while a request is in flight (Cancel). */
      always?: boolean;
    } = {},
  ): TemplateResult {
    const { primary = false, submit = false, busy = false, onClick, id, describedBy, always = false } = options;
    const blocked = busy || (!always && this.busy !== null);
    // Busy buttons keep focus (aria-disabled, not disabled) and ignore clicks.
    const click = (event: Event) => {
      if (blocked) {
        event.preventDefault();
        return;
      }
      onClick?.();
    };
    return html`<button
      id=${ifDefined(id)}
      type=${submit ? 'submit' : 'button'}
      class="button focus-ring ${primary ? 'primary' : ''}"
      part=${primary ? 'button button-primary' : 'button'}
      aria-disabled=${blocked ? 'true' : 'false'}
      aria-describedby=${describedBy ?? nothing}
      @click=${click}
    >
      ${busy ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}${label}
    </button>`;
  }

  private renderFooter() {
    const { step } = this.draft;
    const cancel = this.button(this.msg('invite-wizard.cancel'), { always: true, onClick: () => this.close('cancel') });
    const back = this.button(this.msg('invite-wizard.back'), { onClick: () => this.back() });
    const next = this.button(this.msg('invite-wizard.next'), { primary: true, submit: true });
    switch (step) {
      case 'contacts':
        return html`${cancel}<span class="spacer"></span>
          ${this.button(this.msg(this.busy === 'create-invitation' ? 'invite-wizard.checking' : 'invite-wizard.create-invitation'), {
            busy: this.busy === 'create-invitation',
            onClick: () => void this.route('create-invitation'),
          })}
          ${this.button(this.msg(this.busy === 'next' ? 'invite-wizard.checking' : 'invite-wizard.next'), {
            primary: true,
            submit: true,
            busy: this.busy === 'next',
          })}`;
      case 'general':
      case 'mls':
      case 'images':
        return html`${cancel}<span class="spacer"></span>${back}${next}`;
      case 'review': {
        const link = this.draft.flow === 'link';
        const label = this.busy === 'submit'
          ? this.msg(link ? 'invite-wizard.review.linking' : 'invite-wizard.review.creating')
          : this.msg(link ? 'invite-wizard.review.link.confirm' : 'invite-wizard.review.create.confirm');
        return html`${cancel}<span class="spacer"></span>${back}${this.button(label, { primary: true, submit: true, busy: this.busy === 'submit' })}`;
      }
      case 'preview': {
        const count = this.inviteRecipients().length;
        const label = this.busy === 'submit'
          ? this.msg('invite-wizard.preview.sending')
          : this.msg(count === 1 ? 'invite-wizard.preview.send.one' : 'invite-wizard.preview.send', { count });
        return html`${cancel}<span class="spacer"></span>${back}${this.button(label, { primary: true, submit: true, busy: this.busy === 'submit' })}`;
      }
      case 'connected':
        return html`${back}<span class="spacer"></span>${this.button(this.msg('invite-wizard.close'), { primary: true, onClick: () => this.close('done') })}`;
      case 'results': {
        const retryable = (this.draft.results ?? []).filter(isRetryableFailure).length;
        return html`${retryable > 0
            ? this.button(this.msg(this.busy === 'retry' ? 'invite-wizard.preview.sending' : 'invite-wizard.results.retry', { count: retryable }), {
                id: 'retry-failed',
                busy: this.busy === 'retry',
                onClick: () => void this.retryFailed(),
              })
            : nothing}<span class="spacer"></span>
          ${this.button(this.msg('invite-wizard.invite-more'), { onClick: () => this.startOver({ keepContact: false }) })}
          ${this.button(this.msg('invite-wizard.close'), { primary: true, onClick: () => this.close('done') })}`;
      }
      default:
        return nothing;
    }
  }

  private renderContacts() {
    return html`
      ${this.startNotice ? html`<p class="notice-bar" part="notice">${this.startNotice}</p>` : nothing}
      ${this.recipientField.render({ error: this.fieldErrors['recipients'] ?? null, readonly: this.busy !== null })}
      <p class="hint" part="hint">${this.msg(this.canPrefill ? 'invite-wizard.contacts.buttons' : 'invite-wizard.contacts.buttons.no-prefill')}</p>
    `;
  }

  private renderProfileStep(fields: readonly FormField[], intro: MessageKey) {
    const name = this.soleRecipient()?.name ?? '';
    return html`<p class="intro">${this.msg(intro, { name })}</p>
      <div class="fields">${fields.map((key) => this.renderField(key))}</div>`;
  }

  private renderField(key: FormField) {
    const error = this.fieldErrors[key];
    const id = `field-${key}`;
    const value = this.draft.profile[key] ?? '';
    const wide = key === 'street' || key === 'unit' || key === 'mlsAssociation' || key === 'company';
    const control =
      key === 'timeZone'
        ? this.renderTimeZone(id, value, error)
        : html`<input
            id=${id}
            class="input"
            part="input"
            name=${key}
            type=${key === 'officePhone' || key === 'mobilePhone' ? 'tel' : 'text'}
            maxlength=${FIELD_MAX_LENGTH[key]}
            autocomplete="off"
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${error ? `${id}-error` : nothing}
            .value=${live(value)}
            @input=${(event: InputEvent) => this.setProfile(key, (event.target as HTMLInputElement).value)}
          />`;
    return html`<div class="field ${wide ? 'wide' : ''}" part="field">
      <label class="label" part="label" for=${id}>${this.msg(`field.${key}`)}</label>
      ${control} ${error ? html`<p id="${id}-error" class="field-error" part="field-error">${error}</p>` : nothing}
    </div>`;
  }

  private renderTimeZone(id: string, value: string, error: string | undefined) {
    const known = (TIME_ZONES as readonly string[]).includes(value);
    return html`<select
      id=${id}
      class="input"
      part="input"
      name="timeZone"
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${error ? `${id}-error` : nothing}
      @change=${(event: Event) => this.setProfile('timeZone', (event.target as HTMLSelectElement).value)}
    >
      <option value="" ?selected=${value === ''}>${this.msg('invite-wizard.general.time-zone.none')}</option>
      ${TIME_ZONES.map((zone) => html`<option value=${zone} ?selected=${zone === value}>${timeZoneLabel(zone, this.locale.lang)}</option>`)}
      ${value !== '' && !known ? html`<option value=${value} selected>${value}</option>` : nothing}
    </select>`;
  }

  private renderImages() {
    const name = this.soleRecipient()?.name ?? '';
    return html`<p class="intro">${this.msg('invite-wizard.images.intro', { name })}</p>
      <div class="image-fields">${this.renderImage('photo')} ${this.renderImage('logo')}</div>`;
  }

  private renderImage(kind: ImageKindKey) {
    const slot = this.images[kind];
    const url = this.draft.profile[IMAGE_FIELDS[kind]];
    const src = slot.previewUrl ? safeUrl(slot.previewUrl, { allowBlob: true }) : url ? safeUrl(url, { base: null }) : null;
    const error = slot.error ?? this.fieldErrors[IMAGE_FIELDS[kind]] ?? null;
    const label = this.imageLabel(kind);
    const described = [`image-${kind}-hint`, error ? `image-${kind}-error` : '', slot.status === 'uploading' ? `image-${kind}-status` : '']
      .filter(Boolean)
      .join(' ');
    const onDragOver = (event: DragEvent) => {
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
      if (this.dragging !== kind) this.dragging = kind;
    };
    const onDragLeave = (event: DragEvent) => {
      if (!(event.currentTarget as HTMLElement).contains(event.relatedTarget as Node | null)) this.dragging = null;
    };
    const onDrop = (event: DragEvent) => {
      event.preventDefault();
      this.dragging = null;
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
        ${src && !this.brokenImages.has(src)
          ? html`<img
              class="image-preview"
              part="image-preview"
              src=${src}
              alt=${this.msg('invite-wizard.images.preview-alt', { label })}
              @error=${() => (this.brokenImages = new Set([...this.brokenImages, src]))}
            />`
          : html`<span class="image-placeholder" part="image-preview">${src ? this.msg('invite-wizard.images.unavailable') : nothing}</span>`}
        <p class="drop-text">${this.msg(src ? 'invite-wizard.images.drop-replace' : 'invite-wizard.images.drop')}</p>
        <div class="image-actions">
          <button
            id="image-${kind}-choose"
            type="button"
            class="button focus-ring"
            part="button"
            aria-labelledby="image-${kind}-choose image-${kind}-label"
            aria-describedby=${described}
            @click=${() => this.renderRoot.querySelector<HTMLInputElement>(`#image-${kind}-input`)?.click()}
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
      for (const key of [...GENERAL_FIELDS, ...MLS_FIELDS]) {
        if (key === 'firstName' || key === 'lastName') continue;
        const value = profile[key]?.trim();
        if (!value) continue;
        rows.push({ label: this.msg(`field.${key}`), value: key === 'timeZone' ? timeZoneLabel(value, this.locale.lang) : value });
      }
      for (const kind of ['photo', 'logo'] as const) {
        if (profile[IMAGE_FIELDS[kind]] || this.images[kind].file) rows.push({ label: this.imageLabel(kind), value: this.msg('invite-wizard.review.image-added') });
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
    const error = this.fieldErrors['sendEmail'];
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
    if (partnerId === null || !this.can('resendInvitation')) return nothing;
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
      ${state?.status === 'error' && state.error ? html`<p class="field-error" part="field-error">${this.errorMessage(state.error)}</p>` : nothing}`;
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
          <p>${this.msg('invite-wizard.preview.error')} ${this.errorMessage(error)}</p>
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

  private renderDone(outcome: Outcome) {
    const created = outcome.action === 'create-account';
    const { name } = outcome;
    return html`
      ${this.renderStepper()}
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
          ${this.button(this.msg('invite-wizard.invite-more'), { onClick: () => this.startOver({ keepContact: false }) })}
          ${this.button(this.msg('invite-wizard.close'), { primary: true, onClick: () => this.close('done') })}
        </div>
      </div>
    `;
  }
}
