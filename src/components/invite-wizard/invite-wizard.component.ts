import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { PartnerKitError, isAbortError, toPartnerKitError } from '../../adapter/errors.js';
import type { Contact, InvitationResult, Partner, RecipientLookup, Session } from '../../adapter/schemas.js';
import type { InvitationRecipient, LinkUserInput, PartnerKitAdapter, PrefilledAccountInput } from '../../adapter/types.js';
import { can, type PermissionContext } from '../../domain/permissions.js';
import { DataController } from '../../internal/data-controller.js';
import { adoptLaterStyles } from '../../internal/later-styles.js';
import { lazyModule } from '../../internal/lazy-module.js';
import { announce } from '../../internal/live-region.js';
import { LocaleController } from '../../internal/locale-controller.js';
import { PartnerKitElement } from '../../internal/partner-kit-element.js';
import { inviteWizardFirstStepEn } from '../../locales/invite-wizard.en.js';
import { registerMessages, type MessageKey, type MessageParams } from '../../locales/index.js';
import { buttonStyles } from '../../styles/controls.js';
import { fieldStyles } from '../../styles/fields.js';
import { spinnerStyles } from '../../styles/spinner.js';
import { focusRing, popupStyles, visuallyHidden } from '../../styles/shared.js';
import { tokens } from '../../styles/tokens.js';
import { inviteWizardStyles } from './invite-wizard.styles.js';
// Types only: the later steps and the input checks load on first use (see laterStepsCode, inputChecksCode).
import type * as LaterStepsModule from './later-steps.js';
import type { BusyAction, ButtonOptions, LaterSteps, LaterStepsHost, WizardState } from './later-steps.js';
import { RecipientField } from './recipient-field.js';
import {
  chipsFingerprint,
  contactName,
  draftStorageKey,
  emptyDraft,
  FLOW_STEPS,
  initialProfile,
  isDraftWorthKeeping,
  newChipId,
  predictedFlow,
  removeDraft,
  routeAfterContacts,
  writeDraft,
  type RecipientChip,
  type RouteIntent,
  type StepId,
  type WizardDraft,
} from './wizard-flow.js';
import type * as InputChecksModule from './wizard-input.js';

// This element's own strings: English now (the later steps' ones load with them), Spanish when the page needs it.
registerMessages(inviteWizardFirstStepEn, {
  es: () => import('../../locales/invite-wizard.es.js').then((module) => module.inviteWizardEs),
});

/**
 * Loads once per page; a failed load is tried again next time. The later steps load in idle
 * time once a wizard's first step is shown, at the latest when "Next" is pressed. The input
 * checks (with zod/mini and the schemas, which the adapter boundary needs for its first call
 * anyway) start loading with this module, off its critical path, and the session waits for them.
 */
const laterStepsCode = lazyModule<typeof LaterStepsModule>(() => import('./later-steps.js'));
const inputChecksCode = lazyModule<typeof InputChecksModule>(() => import('./wizard-input.js'));

// A failure here is reported by the session, which loads them again.
inputChecksCode.load().catch(() => undefined);

function whenIdle(callback: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(callback, { timeout: 2000 });
  else setTimeout(callback, 200);
}

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
 * @cssproperty --pk-color-border-strong - Edges of buttons, inputs and the image drop zones (3:1 against the surface).
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
  static override styles = [tokens, focusRing, visuallyHidden, popupStyles, buttonStyles, fieldStyles, spinnerStyles, inviteWizardStyles];

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
  @state() private restored = false;
  @state() private startNotice: string | null = null;
  /** Nothing left to retry: the draft is no longer kept. */
  @state() private finished = false;
  /** The later steps' module could not be loaded (a restored later step shows this, with a retry). */
  @state() private laterStepsError: PartnerKitError | null = null;

  private readonly locale = new LocaleController(this);

  private readonly session = new DataController(this, {
    args: () => [this.adapter, this.currentAdapter()] as const,
    load: async (_args, { signal }) => {
      const adapter = this.adapterOrError();
      if (adapter instanceof PartnerKitError) throw adapter;
      // The checks of the contact and the stored draft come with the session (they run as soon as it is in).
      const [session] = await Promise.all([adapter.getSession({ signal }), inputChecksCode.load()]);
      return session;
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
  /** The steps after Contact Selection, once loaded (see loadLaterSteps). */
  private laterSteps: LaterSteps | undefined;
  private laterStepsWait: Promise<LaterSteps> | undefined;

  /** What the later steps use of the wizard. */
  private readonly laterStepsHost: LaterStepsHost = ((wizard) => ({
    element: wizard,
    locale: wizard.locale,
    state: () => ({
      draft: wizard.draft,
      fieldErrors: wizard.fieldErrors,
      stepError: wizard.stepError,
      busy: wizard.busy,
      inFlight: wizard.inFlight,
      finished: wizard.finished,
      restored: wizard.restored,
      focusTarget: wizard.focusTarget,
    }),
    update: (patch) => wizard.updateState(patch),
    signal: () => wizard.actions.signal,
    adapter: () => wizard.currentAdapter(),
    can: (method) => wizard.can(method),
    goTo: (step, focus) => wizard.goTo(step, focus),
    persistNow: () => wizard.persist(),
    errorMessage: (error) => wizard.errorMessage(error),
    toError: (error) => wizard.toError(error),
    button: (label, options) => wizard.button(label, options),
    renderStepper: () => wizard.renderStepper(),
    back: () => wizard.back(),
    close: (reason) => wizard.close(reason),
    startOver: (options) => wizard.startOver(options),
  }))(this);

  /** Applies a change the later steps make to the wizard's state (reactive fields re-render it). */
  private updateState(patch: Partial<WizardState>): void {
    if (patch.draft !== undefined) this.draft = patch.draft;
    if (patch.fieldErrors !== undefined) this.fieldErrors = patch.fieldErrors;
    if (patch.stepError !== undefined) this.stepError = patch.stepError;
    if (patch.busy !== undefined) this.busy = patch.busy;
    if (patch.inFlight !== undefined) this.inFlight = patch.inFlight;
    if (patch.finished !== undefined) this.finished = patch.finished;
    if (patch.restored !== undefined) this.restored = patch.restored;
    if (patch.focusTarget !== undefined) this.focusTarget = patch.focusTarget;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.actions.signal.aborted) this.actions = new AbortController();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Requests in flight are abandoned (their keys are kept: a retry cannot duplicate).
    this.actions.abort(new DOMException('The wizard was disconnected.', 'AbortError'));
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
    // The checks load with the session, and the contact is only read once the session is in.
    if (this.contact == null || inputChecksCode.value === undefined) return undefined;
    if (this.checkedContact?.input !== this.contact) {
      this.checkedContact = { input: this.contact, value: inputChecksCode.value.checkContact(this.contact) };
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
        if (this.mayInvite) this.prepareLaterSteps();
      }
    }
    // A later step (a restored draft) shows once its module is in; until then the wizard shows it is loading.
    if (this.draft.step !== 'contacts' && this.laterSteps === undefined) {
      if (laterStepsCode.value) this.attachLaterSteps(laterStepsCode.value);
      else if (this.laterStepsWait === undefined && this.laterStepsError === null) {
        this.withLaterSteps().catch((error: unknown) => {
          this.laterStepsError = this.toError(error);
        });
      }
    }
  }

  /**
   * Loads and attaches the later steps when the page is idle, so that "Next" does not wait for
   * them (a failure here is tried again when a later step is needed).
   */
  private prepareLaterSteps(): void {
    whenIdle(() => {
      if (this.isConnected && this.laterSteps === undefined) this.withLaterSteps().catch(() => undefined);
    });
  }

  /** This wizard's later steps, loading their module first when needed. */
  private withLaterSteps(): Promise<LaterSteps> {
    this.laterStepsWait ??= laterStepsCode.load().then(
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
    this.laterSteps?.reset();
    this.busy = null;
    this.stepError = null;
    this.fieldErrors = {};
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
    const stored = this.noDraft || this.storageKey === null || inputChecksCode.value === undefined ? null : inputChecksCode.value.readDraft(this.storageKey);
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
    // Every step after this one is in the later steps' module: it loads alongside the lookup (usually it is in
    // already). A failure to load shows below like a failed lookup; until then nothing else waits on it.
    const later = this.withLaterSteps();
    later.catch(() => undefined);
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
      const steps = await later;
      if (flow === 'prefill' || flow === 'link') this.prepareFor(draft, lookups[0], flow, steps);
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
  private prepareFor(draft: WizardDraft, lookup: RecipientLookup | undefined, flow: 'prefill' | 'link', steps: LaterSteps): void {
    if (!lookup || draft.prefilledFor === lookup.email) return;
    const chip = draft.chips.find((entry) => entry.valid && entry.email === lookup.email);
    const contact = chip?.contactId ? draft.contacts[chip.contactId] : undefined;
    draft.profile = flow === 'prefill' ? initialProfile(contact, chip?.name ?? lookup.name) : {};
    draft.prefilledFor = lookup.email;
    draft.sendEmail = null;
    steps.resetImages();
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
        if (this.laterSteps?.checkGeneral() !== false) this.goTo('mls');
        return;
      case 'mls':
        this.goTo('images');
        return;
      case 'images':
        this.goTo('review');
        return;
      case 'review':
        void this.laterSteps?.confirm();
        return;
      case 'preview':
        void this.laterSteps?.send();
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
    if (this.laterSteps?.done) return this.laterSteps.renderDone();
    const { step } = this.draft;
    const later = step === 'contacts' ? undefined : this.laterSteps;
    if (step !== 'contacts' && later === undefined) {
      // A restored later step, until its module is in.
      const error = this.laterStepsError;
      return error ? this.renderLoadError(error, () => (this.laterStepsError = null)) : this.renderLoading();
    }
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
        <h3 id="step-heading" class="step-heading" part="step-heading" tabindex="-1">
          ${later ? later.heading(step) : this.msg('invite-wizard.contacts.heading')}
        </h3>
        ${later ? later.renderBody(step) : this.renderContacts()} ${this.renderStepError()}
        <div class="footer" part="footer">${later ? later.renderFooter(step) : this.renderContactsFooter()}</div>
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

  private button(label: string, options: ButtonOptions = {}): TemplateResult {
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

  private renderContactsFooter() {
    const cancel = this.button(this.msg('invite-wizard.cancel'), { always: true, onClick: () => this.close('cancel') });
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
  }

  private renderContacts() {
    return html`
      ${this.startNotice ? html`<p class="notice-bar" part="notice">${this.startNotice}</p>` : nothing}
      ${this.recipientField.render({ error: this.fieldErrors['recipients'] ?? null, readonly: this.busy !== null })}
      <p class="hint" part="hint">${this.msg(this.canPrefill ? 'invite-wizard.contacts.buttons' : 'invite-wizard.contacts.buttons.no-prefill')}</p>
    `;
  }
}
