import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { PartnerKitError } from '../../adapter/errors.js';
import { newIdempotencyKey } from '../../adapter/idempotency.js';
import type {
  Broker,
  ChannelSwitch,
  PartnerAccount,
  PartnerKitAdapter,
  PortalSettings,
  PortalSettingsInput,
  Workflow,
} from '../../adapter/types.js';
import { hasCapability } from '../../adapter/validate.js';
import { isValidEmail } from '../../domain/emails.js';
import { can as isAllowed } from '../../domain/permissions.js';
import { DataController } from '../../internal/data-controller.js';
import { announce } from '../../internal/live-region.js';
import { LocaleController } from '../../internal/locale-controller.js';
import { PartnerKitElement } from '../../internal/partner-kit-element.js';
import type { MessageKey } from '../../locales/index.js';
import { visuallyHidden } from '../../styles/shared.js';
import { buttonStyles } from '../../styles/controls.js';
import { fieldStyles } from '../../styles/fields.js';
import { tokens } from '../../styles/tokens.js';
import { portalSettingsStyles } from './portal-settings.styles.js';
import { settingsSharedStyles } from './settings-shared.styles.js';
import {
  asKitError,
  errorReason,
  fieldProblems,
  renderChannelGroup,
  renderReadOnlyStatus,
  renderStateMessage,
  renderSwitch,
  SettingsSaveController,
  usableAdapter,
} from './settings-shared.js';

export type { SettingsSavedDetail } from './settings-shared.js';

/** Detail of `pk-partner-account-created` and `pk-partner-allocated`. */
export interface PartnerAccountDetail {
  account: PartnerAccount;
}

declare module '../../internal/events.js' {
  interface PartnerKitEventMap {
    'pk-partner-account-created': CustomEvent<PartnerAccountDetail>;
    'pk-partner-allocated': CustomEvent<PartnerAccountDetail>;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'pk-partner-account-created': CustomEvent<PartnerAccountDetail>;
    'pk-partner-allocated': CustomEvent<PartnerAccountDetail>;
  }
}

type NotificationEvent = keyof PortalSettings['notifications'];

const NOTIFICATION_EVENTS: readonly { key: NotificationEvent; label: MessageKey }[] = [
  { key: 'stageChanged', label: 'portal.event.stage-changed' },
  { key: 'fileShared', label: 'portal.event.file-shared' },
  { key: 'noteAdded', label: 'portal.event.note-added' },
];

const NEW_ACCOUNT_FIELDS = ['name', 'email', 'phone'] as const;
type NewAccountField = (typeof NEW_ACCOUNT_FIELDS)[number];
type NewAccountValues = Record<NewAccountField, string>;

const EMPTY_NEW_ACCOUNT: NewAccountValues = { name: '', email: '', phone: '' };

type PortalLoad =
  | { kind: 'not-permitted' }
  | { kind: 'unsupported' }
  | {
      kind: 'ready';
      settings: PortalSettings;
      /** `null`: the adapter cannot list them, so that part is hidden. */
      workflows: Workflow[] | null;
      brokers: Broker[] | null;
      accounts: PartnerAccount[] | null;
    };

interface AllocationState {
  accountId: string;
  brokerIds: string[];
  saving: boolean;
  error?: PartnerKitError;
}

/** The editable part of the settings, in a fixed shape (so drafts compare by value). */
function toInput(settings: PortalSettings): PortalSettingsInput {
  const channel = (value: ChannelSwitch): ChannelSwitch => ({ email: value.email, sms: value.sms });
  return {
    defaultWorkflowId: settings.defaultWorkflowId,
    partnerAddedEmail: settings.partnerAddedEmail,
    dealShared: channel(settings.dealShared),
    notifications: {
      stageChanged: channel(settings.notifications.stageChanged),
      fileShared: channel(settings.notifications.fileShared),
      noteAdded: channel(settings.notifications.noteAdded),
    },
  };
}

/**
 * @summary The organisation's partner portal settings (admin, seed 003): the
 * default workflow of deals added by partners, which emails and SMS the
 * portal sends, and the partner accounts with the brokers they are allocated to.
 *
 * Only an admin (`manage-portal-settings`) sees the settings; anyone else sees
 * a clear "not permitted" message. Changes are saved with the version they
 * were made on: when another admin saved in between, the element says so and
 * lets the user load their version or keep editing; it never overwrites
 * silently. A failed save keeps every edit and says what failed. Creating a
 * partner account and allocating it to brokers take effect at once.
 *
 * Parts used only while some state holds (errors, conflict, allocation panel)
 * exist only then.
 *
 * @tag portal-settings
 *
 * @fires {CustomEvent<SettingsSavedDetail>} pk-settings-saved - The settings were saved; `detail.settings` is what the backend stored (`detail.kind` is `'portal'`).
 * @fires {CustomEvent<PartnerAccountDetail>} pk-partner-account-created - A partner account was created; `detail.account`.
 * @fires {CustomEvent<PartnerAccountDetail>} pk-partner-allocated - A partner's brokers were saved; `detail.account` has the new `brokerIds`.
 *
 * @csspart base - The whole element.
 * @csspart state - The loading, error, not-permitted and unavailable messages.
 * @csspart retry-button - "Try again" after a failed load.
 * @csspart section - Each section (workflow, notifications, partner accounts).
 * @csspart heading - Section headings.
 * @csspart description - Explanations under headings and switches.
 * @csspart workflow-select - The default workflow picker.
 * @csspart switch - A switch with its label.
 * @csspart switch-input - The switch's native checkbox (`role="switch"`), transparent over its track.
 * @csspart switch-track - The drawn track of a switch.
 * @csspart switch-label - The text of a switch.
 * @csspart channel-group - An event with its Email and SMS switches.
 * @csspart channel-legend - The event's name.
 * @csspart actions - The bar with the save button and the save status.
 * @csspart save-button - Saves the settings.
 * @csspart discard-button - Discards unsaved changes (only while there are some).
 * @csspart save-status - "You have unsaved changes." / "All changes saved."
 * @csspart save-error - Why the last save failed.
 * @csspart conflict - The notice that another admin saved first, with its choices.
 * @csspart conflict-reload-button - Loads the other admin's version.
 * @csspart conflict-keep-button - Keeps editing (the next save replaces their version).
 * @csspart account-list - The list of partner accounts.
 * @csspart account - One partner account.
 * @csspart account-name - The partner's name.
 * @csspart account-contact - The partner's email and phone.
 * @csspart account-brokers - The brokers a partner is allocated to.
 * @csspart unallocated-flag - The flag of a partner allocated to nobody, with its consequence.
 * @csspart allocate-button - Opens a partner's broker allocation.
 * @csspart allocation-panel - The broker checkboxes of one partner.
 * @csspart broker-option - One broker checkbox with its name.
 * @csspart allocation-save-button - Saves the allocation.
 * @csspart allocation-cancel-button - Closes the allocation without saving.
 * @csspart allocation-error - Why an allocation failed.
 * @csspart create-form - The "Create a partner account" form.
 * @csspart field - A label, its input and its error.
 * @csspart field-label - A field's label.
 * @csspart input - A text input.
 * @csspart field-error - A field's error message.
 * @csspart create-button - Creates the account.
 * @csspart create-error - Why creating the account failed.
 * @csspart created-notice - Confirms the account was created.
 *
 * @cssproperty --pk-settings-max-width - Widest the element grows. Default `52rem`.
 * @cssproperty --pk-font-family - Font. Default `inherit` (the page's font).
 * @cssproperty --pk-font-size-small - Descriptions, hints and statuses.
 * @cssproperty --pk-color-surface - Background of sections and the actions bar.
 * @cssproperty --pk-color-text - Text on sections.
 * @cssproperty --pk-color-text-muted - Descriptions; field borders; a switch that is off.
 * @cssproperty --pk-color-border - Section borders.
 * @cssproperty --pk-color-border-strong - Edges of buttons (3:1 against the surface).
 * @cssproperty --pk-color-accent - Buttons and a switch that is on.
 * @cssproperty --pk-color-focus-ring - Keyboard focus outline.
 * @cssproperty --pk-tone-danger-bg - Background of error notices.
 * @cssproperty --pk-tone-danger-fg - Text of error notices and field errors.
 * @cssproperty --pk-tone-warning-bg - Background of the conflict notice and the unallocated flag.
 * @cssproperty --pk-tone-warning-fg - Text of the conflict notice and the unallocated flag; the unsaved-changes dot.
 * @cssproperty --pk-tone-success-bg - Background of the "account created" notice.
 * @cssproperty --pk-tone-success-fg - Text of the "account created" notice.
 * @cssproperty --pk-tone-neutral-bg - Background of read-only fields.
 * @cssproperty --pk-tone-neutral-fg - Text of read-only fields.
 * @cssproperty --pk-radius - Corners of sections, fields and buttons.
 * @cssproperty --pk-radius-pill - Corners of switches and flags.
 * @cssproperty --pk-space-1 - Small gaps.
 * @cssproperty --pk-space-2 - Gaps between controls.
 * @cssproperty --pk-space-3 - Gaps between fields.
 * @cssproperty --pk-space-4 - Section padding and gaps between sections.
 *
 * @example
 * ```html
 * <partner-kit-provider id="kit"><portal-settings></portal-settings></partner-kit-provider>
 * ```
 */
export class PortalSettingsElement extends PartnerKitElement {
  static override styles = [tokens, buttonStyles, fieldStyles, settingsSharedStyles, visuallyHidden, portalSettingsStyles];

  /** The organisation whose portal is configured. Default: the session's organisation. */
  @property({ attribute: 'organisation-id' }) organisationId: string | undefined;

  @state() private accounts: PartnerAccount[] = [];
  @state() private allocation: AllocationState | undefined;
  @state() private newAccount: NewAccountValues = { ...EMPTY_NEW_ACCOUNT };
  @state() private newAccountErrors: Partial<Record<NewAccountField, string>> = {};
  @state() private createError: PartnerKitError | undefined;
  @state() private creating = false;
  @state() private createdNotice: string | undefined;

  private readonly locale = new LocaleController(this);

  private readonly data = new DataController(this, {
    args: () => [this.currentAdapter(), this.organisationId] as const,
    load: ([adapter, organisationId], { signal }) => this.load(adapter, organisationId, signal),
  });

  /** The settings draft and its saves; also aborts saves and creates in flight when the element leaves the page. */
  private readonly settings: SettingsSaveController<PortalSettings, PortalSettingsInput> = new SettingsSaveController(this, {
    locale: this.locale,
    toInput,
    conflictMessage: 'portal.conflict',
    loadTheirs: (signal): Promise<PortalSettings> | undefined => {
      const adapter = this.currentAdapter();
      const organisationId = this.settings.base?.organisationId;
      return adapter?.getPortalSettings && organisationId !== undefined
        ? adapter.getPortalSettings(organisationId, { signal })
        : undefined;
    },
    isLoading: () => this.data.pending,
  });

  /** The load the drafts were last taken from. */
  private applied: PortalLoad | undefined;
  /** One key per intent: the same typed account retried reuses it, so it is created once. */
  private createAttempt: { fingerprint: string; key: string } | undefined;

  /** Whether there are edits that are not saved yet (hosts may warn before leaving the page). */
  get hasUnsavedChanges(): boolean {
    return this.settings.hasUnsavedChanges;
  }

  private currentAdapter(): PartnerKitAdapter | undefined {
    return usableAdapter(this.adapterOrError());
  }

  private async load(
    adapter: PartnerKitAdapter | undefined,
    organisationOverride: string | undefined,
    signal: AbortSignal,
  ): Promise<PortalLoad> {
    const usable = adapter ?? this.adapterOrError();
    if (usable instanceof PartnerKitError) throw usable;
    const session = await usable.getSession({ signal });
    if (!isAllowed('manage-portal-settings', { role: session.role, org: session.switches })) return { kind: 'not-permitted' };
    const getSettings = usable.getPortalSettings;
    if (getSettings === undefined || !hasCapability(usable, 'getPortalSettings')) return { kind: 'unsupported' };
    const organisationId = organisationOverride || session.organisation.id;
    const optional = <T>(method: 'listWorkflows' | 'listBrokers' | 'listPartnerAccounts', call: () => Promise<T> | undefined) =>
      hasCapability(usable, method) ? (call() ?? Promise.resolve(null)) : Promise.resolve(null);
    const [settings, workflows, brokers, accounts] = await Promise.all([
      getSettings.call(usable, organisationId, { signal }),
      optional('listWorkflows', () => usable.listWorkflows?.(organisationId, { signal })),
      optional('listBrokers', () => usable.listBrokers?.(organisationId, { signal })),
      optional('listPartnerAccounts', () => usable.listPartnerAccounts?.(organisationId, { signal })),
    ]);
    return { kind: 'ready', settings, workflows, brokers, accounts };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const loaded = this.data.value;
    if (loaded !== this.applied) {
      this.applied = loaded;
      if (loaded?.kind === 'ready') this.takeLoaded(loaded);
    }
  }

  private takeLoaded(loaded: Extract<PortalLoad, { kind: 'ready' }>): void {
    this.settings.take(loaded.settings);
    this.accounts = loaded.accounts ?? [];
    this.allocation = undefined;
    this.createError = undefined;
    this.createdNotice = undefined;
  }

  private get loadedData(): Extract<PortalLoad, { kind: 'ready' }> | undefined {
    return this.applied?.kind === 'ready' ? this.applied : undefined;
  }

  // ---------------------------------------------------------------------------
  // Settings: edit, save, conflict

  private edit(change: Partial<PortalSettingsInput>): void {
    const draft = this.settings.draft;
    if (draft !== undefined) this.settings.edit({ ...draft, ...change });
  }

  private editNotification(event: NotificationEvent, value: ChannelSwitch): void {
    const draft = this.settings.draft;
    if (draft === undefined) return;
    this.edit({ notifications: { ...draft.notifications, [event]: value } });
  }

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const adapter = this.currentAdapter();
    const update = adapter?.updatePortalSettings;
    const { base, draft } = this.settings;
    if (!this.settings.canSave || !update || !base || !draft) return;
    await this.settings.save(draft, (signal) => update.call(adapter, base.organisationId, draft, base.version, { signal }), {
      onSaved: (saved) => this.emit('pk-settings-saved', { kind: 'portal', settings: saved }),
    });
  }

  // ---------------------------------------------------------------------------
  // Partner accounts: allocate, create

  private openAllocation(account: PartnerAccount, index: number): void {
    this.allocation = { accountId: account.id, brokerIds: [...account.brokerIds], saving: false };
    void this.settings.focusPart(`#allocation-${index} input`);
  }

  private closeAllocation(index: number): void {
    this.allocation = undefined;
    void this.settings.focusPart(`#allocate-${index}`);
  }

  private toggleBroker(brokerId: string, selected: boolean): void {
    const allocation = this.allocation;
    if (allocation === undefined || allocation.saving) return;
    const others = allocation.brokerIds.filter((id) => id !== brokerId);
    this.allocation = { ...allocation, brokerIds: selected ? [...others, brokerId] : others };
  }

  private async saveAllocation(account: PartnerAccount, index: number): Promise<void> {
    const adapter = this.currentAdapter();
    const allocation = this.allocation;
    if (!adapter?.allocatePartner || allocation === undefined || allocation.saving) return;
    // Brokers in the organisation's order, so the stored list does not depend on click order.
    const order = (this.loadedData?.brokers ?? []).map((broker) => broker.id);
    const brokerIds = [...allocation.brokerIds].sort((a, b) => order.indexOf(a) - order.indexOf(b));
    this.allocation = { ...allocation, saving: true, error: undefined };
    try {
      const saved = await adapter.allocatePartner(account.id, brokerIds, { signal: this.settings.signal });
      this.accounts = this.accounts.map((item) => (item.id === saved.id ? saved : item));
      this.allocation = undefined;
      const names = this.brokerNames(saved.brokerIds);
      announce(
        names.length === 0
          ? this.locale.msg('portal.allocate.saved-none', { name: saved.name })
          : this.locale.msg('portal.allocate.saved', { name: saved.name, brokers: this.locale.formatList(names) }),
      );
      this.emit('pk-partner-allocated', { account: saved });
      void this.settings.focusPart(`#allocate-${index}`);
    } catch (error) {
      const failure = asKitError(error);
      if (this.allocation?.accountId !== account.id) return;
      if (failure === undefined) {
        this.allocation = { ...this.allocation, saving: false };
        return;
      }
      this.allocation = { ...this.allocation, saving: false, error: failure };
      announce(this.locale.msg('portal.allocate.failed', { reason: errorReason(failure, this.locale) }), 'assertive');
    }
  }

  private brokerNames(brokerIds: readonly string[]): string[] {
    const brokers = this.loadedData?.brokers ?? [];
    return brokerIds.map((id) => brokers.find((broker) => broker.id === id)?.name ?? this.locale.msg('portal.account.unknown-broker'));
  }

  private editNewAccount(field: NewAccountField, value: string): void {
    this.newAccount = { ...this.newAccount, [field]: value };
    if (this.newAccountErrors[field] !== undefined) {
      const { [field]: _cleared, ...rest } = this.newAccountErrors;
      this.newAccountErrors = rest;
    }
    this.createdNotice = undefined;
  }

  private validateNewAccount(values: NewAccountValues): Partial<Record<NewAccountField, string>> {
    const errors: Partial<Record<NewAccountField, string>> = {};
    if (values.name === '') errors.name = this.locale.msg('portal.create.name-required');
    if (values.email === '') errors.email = this.locale.msg('portal.create.email-required');
    else if (!isValidEmail(values.email)) errors.email = this.locale.msg('portal.create.email-invalid');
    if (values.phone === '') errors.phone = this.locale.msg('portal.create.phone-required');
    return errors;
  }

  private async createAccount(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const adapter = this.currentAdapter();
    const organisationId = this.settings.base?.organisationId;
    if (this.creating || !adapter?.createPartnerAccount || organisationId === undefined) return;
    const values: NewAccountValues = {
      name: this.newAccount.name.trim(),
      email: this.newAccount.email.trim(),
      phone: this.newAccount.phone.trim(),
    };
    const errors = this.validateNewAccount(values);
    this.newAccountErrors = errors;
    this.createError = undefined;
    this.createdNotice = undefined;
    const firstInvalid = NEW_ACCOUNT_FIELDS.find((field) => errors[field] !== undefined);
    if (firstInvalid !== undefined) {
      void this.settings.focusPart(`#new-${firstInvalid}`);
      return;
    }
    const fingerprint = JSON.stringify([organisationId, values]);
    if (this.createAttempt?.fingerprint !== fingerprint) this.createAttempt = { fingerprint, key: newIdempotencyKey() };
    const { key } = this.createAttempt;
    this.creating = true;
    try {
      const account = await adapter.createPartnerAccount(
        { organisationId, ...values },
        { idempotencyKey: key, signal: this.settings.signal },
      );
      this.createAttempt = undefined;
      const collator = new Intl.Collator(this.locale.lang);
      this.accounts = [...this.accounts.filter((item) => item.id !== account.id), account].sort(
        (a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1),
      );
      this.newAccount = { ...EMPTY_NEW_ACCOUNT };
      this.createdNotice = this.locale.msg('portal.create.created', { name: account.name });
      announce(this.createdNotice);
      this.emit('pk-partner-account-created', { account });
      void this.settings.focusPart('#new-name');
    } catch (error) {
      const failure = asKitError(error);
      if (failure === undefined) return;
      const fieldErrors: Partial<Record<NewAccountField, string>> = {};
      for (const field of NEW_ACCOUNT_FIELDS) {
        const message = failure.fieldErrors[field];
        if (message !== undefined) fieldErrors[field] = message;
      }
      this.newAccountErrors = fieldErrors;
      this.createError = failure;
      announce(this.locale.msg('portal.create.failed', { reason: errorReason(failure, this.locale) }), 'assertive');
      const firstServerInvalid = NEW_ACCOUNT_FIELDS.find((field) => fieldErrors[field] !== undefined);
      if (firstServerInvalid !== undefined) void this.settings.focusPart(`#new-${firstServerInvalid}`);
    } finally {
      this.creating = false;
    }
  }

  // ---------------------------------------------------------------------------
  // Rendering

  protected override render() {
    return this.settings.renderContent(this.data, (loaded) => this.renderLoaded(loaded));
  }

  private renderLoaded(loaded: PortalLoad): TemplateResult {
    if (loaded.kind === 'not-permitted') return renderStateMessage(this.locale.msg('portal.not-permitted'));
    const draft = this.settings.draft;
    if (loaded.kind === 'unsupported' || draft === undefined || this.settings.base === undefined) {
      return renderStateMessage(this.locale.msg('settings.unavailable'));
    }
    const editable = this.can('updatePortalSettings');
    return html`
      <form class="settings-form" novalidate @submit=${this.save}>
        ${loaded.workflows === null ? nothing : this.renderWorkflow(loaded.workflows, draft, editable)}
        ${this.renderNotifications(draft, editable)}
        ${editable
          ? this.settings.renderActions((error) => fieldProblems(error, this.locale, (field) => this.settingsFieldLabel(field)))
          : renderReadOnlyStatus(this.locale)}
      </form>
      ${loaded.accounts === null ? nothing : this.renderAccounts(loaded.brokers)}
    `;
  }

  private renderWorkflow(workflows: Workflow[], draft: PortalSettingsInput, editable: boolean): TemplateResult {
    const current = draft.defaultWorkflowId;
    const missing = current !== null && !workflows.some((workflow) => workflow.id === current);
    return html`
      <section part="section" class="section" aria-labelledby="workflow-heading">
        <h2 id="workflow-heading" part="heading" tabindex="-1" data-focus-after-load>${this.locale.msg('portal.workflow.heading')}</h2>
        <p id="workflow-description" part="description" class="description">${this.locale.msg('portal.workflow.description')}</p>
        <div part="field" class="field">
          <label part="field-label" class="label" for="workflow">${this.locale.msg('portal.workflow.label')}</label>
          <select
            id="workflow"
            part="workflow-select"
            class="input"
            aria-describedby=${workflows.length === 0 ? 'workflow-description workflow-empty' : 'workflow-description'}
            ?disabled=${!editable}
            @change=${(event: Event) => this.edit({ defaultWorkflowId: (event.target as HTMLSelectElement).value || null })}
          >
            <option value="" ?selected=${current === null}>${this.locale.msg('portal.workflow.none')}</option>
            ${workflows.map(
              (workflow) => html`<option value=${workflow.id} ?selected=${workflow.id === current}>${workflow.name}</option>`,
            )}
            ${missing ? html`<option value=${current} selected>${this.locale.msg('portal.workflow.missing')}</option>` : nothing}
          </select>
        </div>
        ${workflows.length === 0
          ? html`<p id="workflow-empty" part="description" class="notice info">${this.locale.msg('portal.workflow.empty')}</p>`
          : nothing}
      </section>
    `;
  }

  private renderNotifications(draft: PortalSettingsInput, editable: boolean): TemplateResult {
    const locked = !editable;
    return html`
      <section part="section" class="section" aria-labelledby="actions-heading">
        <h2 id="actions-heading" part="heading" tabindex="-1" data-focus-after-load>${this.locale.msg('portal.actions.heading')}</h2>
        <p part="description" class="description">${this.locale.msg('portal.actions.description')}</p>
        <div class="switch-field">
          ${renderSwitch({
            id: 'partner-added-email',
            label: this.locale.msg('portal.partner-added.label'),
            checked: draft.partnerAddedEmail,
            disabled: locked,
            describedBy: 'partner-added-description',
            onChange: (checked) => this.edit({ partnerAddedEmail: checked }),
          })}
          <p id="partner-added-description" part="description" class="description">
            ${this.locale.msg('portal.partner-added.description')}
          </p>
        </div>
        ${renderChannelGroup({
          id: 'deal-shared',
          legend: this.locale.msg('portal.deal-shared.legend'),
          description: this.locale.msg('portal.deal-shared.description'),
          value: draft.dealShared,
          locked,
          describedBy: { sms: 'sms-credits' },
          locale: this.locale,
          onChange: (value) => this.edit({ dealShared: value }),
        })}
        <h3 part="heading">${this.locale.msg('portal.notifications.heading')}</h3>
        <p id="notifications-description" part="description" class="description">
          ${this.locale.msg('portal.notifications.description')}
        </p>
        ${NOTIFICATION_EVENTS.map(({ key, label }) =>
          renderChannelGroup({
            id: `notify-${key}`,
            legend: this.locale.msg(label),
            value: draft.notifications[key],
            locked,
            describedBy: { sms: 'sms-credits' },
            locale: this.locale,
            onChange: (value) => this.editNotification(key, value),
          }),
        )}
        <p id="sms-credits" part="description" class="description">${this.locale.msg('portal.sms-credits')}</p>
      </section>
    `;
  }

  /** Our name for a settings field path of a validation error (`notifications.fileShared.sms`). */
  private settingsFieldLabel(field: string): string | undefined {
    const [first, second, third] = field.split('.');
    const channel = (value: string | undefined): string | undefined =>
      value === 'email' || value === 'sms'
        ? this.locale.msg(value === 'email' ? 'settings.channel.email' : 'settings.channel.sms')
        : undefined;
    const join = (...parts: (string | undefined)[]) => parts.filter((part) => part !== undefined).join(' – ');
    if (first === 'defaultWorkflowId') return this.locale.msg('portal.workflow.label');
    if (first === 'partnerAddedEmail') return this.locale.msg('portal.partner-added.label');
    if (first === 'dealShared') return join(this.locale.msg('portal.deal-shared.legend'), channel(second));
    if (first === 'notifications') {
      const event = NOTIFICATION_EVENTS.find(({ key }) => key === second);
      return event ? join(this.locale.msg(event.label), channel(third)) : this.locale.msg('portal.field.notifications');
    }
    return undefined;
  }

  private renderAccounts(brokers: Broker[] | null): TemplateResult {
    const canAllocate = brokers !== null && this.can('allocatePartner');
    const canCreate = this.can('createPartnerAccount');
    return html`
      <section part="section" class="section" aria-labelledby="accounts-heading">
        <h2 id="accounts-heading" part="heading">${this.locale.msg('portal.accounts.heading')}</h2>
        <p part="description" class="description">${this.locale.msg('portal.accounts.description')}</p>
        ${this.accounts.length === 0
          ? html`<p part="description" class="notice info">${this.locale.msg('portal.accounts.empty')}</p>`
          : html`<ul part="account-list" class="account-list" aria-label=${this.locale.msg('portal.accounts.list')}>
              ${this.accounts.map((account, index) => this.renderAccount(account, index, brokers ?? [], canAllocate))}
            </ul>`}
        ${canCreate ? this.renderCreateForm() : nothing}
      </section>
    `;
  }

  private renderAccount(account: PartnerAccount, index: number, brokers: Broker[], canAllocate: boolean): TemplateResult {
    const unallocated = account.brokerIds.length === 0;
    const open = this.allocation?.accountId === account.id;
    const flagId = `flag-${index}`;
    return html`
      <li part="account" class="account ${unallocated ? 'unallocated' : ''}">
        <div class="account-summary">
          <div class="account-details">
            <span part="account-name" class="account-name">${account.name}</span>
            <span part="account-contact" class="account-contact">
              <span><span class="visually-hidden">${this.locale.msg('portal.account.email')}: </span>${account.email}</span>
              <span><span class="visually-hidden">${this.locale.msg('portal.account.phone')}: </span>${account.phone}</span>
            </span>
            ${unallocated
              ? html`<p id=${flagId} part="unallocated-flag" class="flag">
                  <span class="flag-icon" aria-hidden="true"></span>
                  <span><strong>${this.locale.msg('portal.account.unallocated')}.</strong>
                    ${this.locale.msg('portal.account.unallocated-consequence')}</span>
                </p>`
              : html`<p part="account-brokers" class="account-brokers">
                  <span class="account-brokers-label">${this.locale.msg('portal.account.brokers')}:</span>
                  ${this.locale.formatList(this.brokerNames(account.brokerIds))}
                </p>`}
          </div>
          ${canAllocate
            ? html`<button
                id="allocate-${index}"
                part="allocate-button"
                class="button"
                type="button"
                aria-label=${this.locale.msg('portal.allocate.open-for', { name: account.name })}
                aria-expanded=${open ? 'true' : 'false'}
                aria-controls=${open ? `allocation-${index}` : nothing}
                aria-describedby=${unallocated ? flagId : nothing}
                @click=${() => (open ? this.closeAllocation(index) : this.openAllocation(account, index))}
              >
                ${this.locale.msg('portal.allocate.open')}
              </button>`
            : nothing}
        </div>
        ${open && this.allocation ? this.renderAllocation(account, index, brokers, this.allocation) : nothing}
      </li>
    `;
  }

  private renderAllocation(account: PartnerAccount, index: number, brokers: Broker[], allocation: AllocationState): TemplateResult {
    const noneSelected = allocation.brokerIds.length === 0;
    const warningId = `allocation-${index}-warning`;
    return html`
      <div
        id="allocation-${index}"
        part="allocation-panel"
        class="allocation"
        @keydown=${(event: KeyboardEvent) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            this.closeAllocation(index);
          }
        }}
      >
        ${brokers.length === 0
          ? html`<p class="notice info">${this.locale.msg('portal.allocate.no-brokers')}</p>`
          : html`<fieldset class="broker-options" aria-describedby=${noneSelected ? warningId : nothing}>
              <legend class="label">${this.locale.msg('portal.allocate.legend', { name: account.name })}</legend>
              ${brokers.map(
                (broker, brokerIndex) => html`<label part="broker-option" class="broker-option" for="allocation-${index}-${brokerIndex}">
                  <input
                    id="allocation-${index}-${brokerIndex}"
                    type="checkbox"
                    .checked=${live(allocation.brokerIds.includes(broker.id))}
                    @change=${(event: Event) => this.toggleBroker(broker.id, (event.target as HTMLInputElement).checked)}
                  />
                  <span>${broker.name}</span>
                </label>`,
              )}
            </fieldset>`}
        ${noneSelected && brokers.length > 0
          ? html`<p id=${warningId} class="notice warning">${this.locale.msg('portal.allocate.none-selected', { name: account.name })}</p>`
          : nothing}
        ${allocation.error
          ? html`<p part="allocation-error" class="notice danger">
              ${this.locale.msg('portal.allocate.failed', { reason: errorReason(allocation.error, this.locale) })}
            </p>`
          : nothing}
        <div class="allocation-actions">
          ${brokers.length > 0
            ? html`<button
                part="allocation-save-button"
                class="button primary"
                type="button"
                aria-disabled=${allocation.saving ? 'true' : 'false'}
                @click=${() => this.saveAllocation(account, index)}
              >
                ${this.locale.msg(allocation.saving ? 'portal.allocate.saving' : 'portal.allocate.save')}
              </button>`
            : nothing}
          <button part="allocation-cancel-button" class="button" type="button" @click=${() => this.closeAllocation(index)}>
            ${this.locale.msg('portal.allocate.cancel')}
          </button>
        </div>
      </div>
    `;
  }

  private renderCreateForm(): TemplateResult {
    const labels: Record<NewAccountField, MessageKey> = {
      name: 'portal.create.name',
      email: 'portal.create.email',
      phone: 'portal.create.phone',
    };
    const types: Record<NewAccountField, 'text' | 'email' | 'tel'> = { name: 'text', email: 'email', phone: 'tel' };
    // Errors of the three fields show under them; anything else the backend rejected is listed here.
    const otherProblems = Object.entries(this.createError?.fieldErrors ?? {})
      .filter(([field]) => !(NEW_ACCOUNT_FIELDS as readonly string[]).includes(field))
      .map(([field, message]) => this.locale.msg('settings.field-problem', { field, message }));
    return html`
      <form part="create-form" class="create-form" novalidate aria-labelledby="create-heading" @submit=${this.createAccount}>
        <h3 id="create-heading" part="heading">${this.locale.msg('portal.create.heading')}</h3>
        <p id="create-required" part="description" class="description">${this.locale.msg('portal.create.all-required')}</p>
        <div class="create-fields">
          ${NEW_ACCOUNT_FIELDS.map((field) => {
            const error = this.newAccountErrors[field];
            return html`<div part="field" class="field">
              <label part="field-label" class="label" for="new-${field}">${this.locale.msg(labels[field])}</label>
              <input
                id="new-${field}"
                part="input"
                class="input"
                type=${types[field]}
                autocomplete="off"
                required
                aria-invalid=${error ? 'true' : 'false'}
                aria-describedby=${error ? `new-${field}-error` : nothing}
                .value=${live(this.newAccount[field])}
                @input=${(event: Event) => this.editNewAccount(field, (event.target as HTMLInputElement).value)}
              />
              ${error ? html`<p id="new-${field}-error" part="field-error" class="field-error">${error}</p>` : nothing}
            </div>`;
          })}
        </div>
        ${this.createError
          ? html`<div part="create-error" class="notice danger">
              <p>${this.locale.msg('portal.create.failed', { reason: errorReason(this.createError, this.locale) })}</p>
              ${otherProblems.length > 0 ? html`<ul>${otherProblems.map((problem) => html`<li>${problem}</li>`)}</ul>` : nothing}
            </div>`
          : nothing}
        ${this.createdNotice ? html`<p part="created-notice" class="notice success">${this.createdNotice}</p>` : nothing}
        <div class="create-actions">
          <button part="create-button" class="button primary" type="submit" aria-disabled=${this.creating ? 'true' : 'false'}>
            ${this.locale.msg(this.creating ? 'portal.create.creating' : 'portal.create.submit')}
          </button>
        </div>
      </form>
    `;
  }
}
