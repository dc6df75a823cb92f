/**
 * The screen of `<portal-settings>`: the workflow and notification settings
 * with their saves, and the partner accounts with their brokers and the
 * "Create a partner account" form. It loads on first use, together with the
 * settings (see portal-settings.component.ts).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { PartnerKitError } from '../../adapter/errors.js';
import { newIdempotencyKey } from '../../adapter/idempotency.js';
import type {
  Broker,
  ChannelSwitch,
  PartnerAccount,
  PortalSettings,
  PortalSettingsInput,
  Workflow,
} from '../../adapter/types.js';
import { isValidEmail } from '../../domain/emails.js';
import { announce } from '../../internal/live-region.js';
import type { LocaleController } from '../../internal/locale-controller.js';
import type { MessageKey } from '../../locales/index.js';
import { errorReason, type SettingsScreenHost } from './settings-content.js';
import {
  asKitError,
  fieldProblems,
  renderChannelGroup,
  renderReadOnlyStatus,
  renderStateMessage,
  renderSwitch,
  SettingsSaveController,
} from './settings-shared.js';
import type { PortalSettingsElement } from './portal-settings.component.js';

export { portalSettingsScreenStyles } from './portal-settings-screen.styles.js';

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

export type PortalLoad =
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

/** What the screen shows beside the settings draft. */
interface ScreenState {
  accounts: PartnerAccount[];
  allocation: AllocationState | undefined;
  newAccount: NewAccountValues;
  newAccountErrors: Partial<Record<NewAccountField, string>>;
  createError: PartnerKitError | undefined;
  creating: boolean;
  createdNotice: string | undefined;
}

export class PortalSettingsScreen {
  private state: ScreenState = {
    accounts: [],
    allocation: undefined,
    newAccount: { ...EMPTY_NEW_ACCOUNT },
    newAccountErrors: {},
    createError: undefined,
    creating: false,
    createdNotice: undefined,
  };
  private readonly locale: LocaleController;
  /** The settings draft and its saves; also aborts saves and creates in flight when the element leaves the page. */
  private readonly settings: SettingsSaveController<PortalSettings, PortalSettingsInput>;
  /** The load the drafts were last taken from. */
  private applied: PortalLoad | undefined;
  /** One key per intent: the same typed account retried reuses it, so it is created once. */
  private createAttempt: { fingerprint: string; key: string } | undefined;

  constructor(private readonly host: SettingsScreenHost<PortalSettingsElement>) {
    this.locale = host.locale;
    this.settings = new SettingsSaveController(host.element, {
      locale: host.locale,
      toInput,
      conflictMessage: 'portal.conflict',
      loadTheirs: (signal): Promise<PortalSettings> | undefined => {
        const adapter = host.adapter();
        const organisationId = this.settings.base?.organisationId;
        return adapter?.getPortalSettings && organisationId !== undefined
          ? adapter.getPortalSettings(organisationId, { signal })
          : undefined;
      },
    });
  }

  /** Whether there are edits that are not saved yet. */
  get hasUnsavedChanges(): boolean {
    return this.settings.hasUnsavedChanges;
  }

  /** Starts over from what loaded. */
  take(loaded: PortalLoad): void {
    this.applied = loaded;
    if (loaded.kind !== 'ready') return;
    this.settings.take(loaded.settings);
    this.set({ accounts: loaded.accounts ?? [], allocation: undefined, createError: undefined, createdNotice: undefined });
  }

  private set(change: Partial<ScreenState>): void {
    this.state = { ...this.state, ...change };
    this.host.element.requestUpdate();
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
    const adapter = this.host.adapter();
    const update = adapter?.updatePortalSettings;
    const { base, draft } = this.settings;
    if (!this.settings.canSave || !update || !base || !draft) return;
    await this.settings.save(draft, (signal) => update.call(adapter, base.organisationId, draft, base.version, { signal }), {
      onSaved: (saved) => this.host.element.emit('pk-settings-saved', { kind: 'portal', settings: saved }),
    });
  }

  // ---------------------------------------------------------------------------
  // Partner accounts: allocate, create

  private openAllocation(account: PartnerAccount, index: number): void {
    this.set({ allocation: { accountId: account.id, brokerIds: [...account.brokerIds], saving: false } });
    void this.settings.focusPart(`#allocation-${index} input`);
  }

  private closeAllocation(index: number): void {
    this.set({ allocation: undefined });
    void this.settings.focusPart(`#allocate-${index}`);
  }

  private toggleBroker(brokerId: string, selected: boolean): void {
    const allocation = this.state.allocation;
    if (allocation === undefined || allocation.saving) return;
    const others = allocation.brokerIds.filter((id) => id !== brokerId);
    this.set({ allocation: { ...allocation, brokerIds: selected ? [...others, brokerId] : others } });
  }

  private async saveAllocation(account: PartnerAccount, index: number): Promise<void> {
    const adapter = this.host.adapter();
    const allocation = this.state.allocation;
    if (!adapter?.allocatePartner || allocation === undefined || allocation.saving) return;
    // Brokers in the organisation's order, so the stored list does not depend on click order.
    const order = (this.loadedData?.brokers ?? []).map((broker) => broker.id);
    const brokerIds = [...allocation.brokerIds].sort((a, b) => order.indexOf(a) - order.indexOf(b));
    this.set({ allocation: { ...allocation, saving: true, error: undefined } });
    try {
      const saved = await adapter.allocatePartner(account.id, brokerIds, { signal: this.settings.signal });
      this.set({ accounts: this.state.accounts.map((item) => (item.id === saved.id ? saved : item)), allocation: undefined });
      const names = this.brokerNames(saved.brokerIds);
      announce(
        names.length === 0
          ? this.locale.msg('portal.allocate.saved-none', { name: saved.name })
          : this.locale.msg('portal.allocate.saved', { name: saved.name, brokers: this.locale.formatList(names) }),
      );
      this.host.element.emit('pk-partner-allocated', { account: saved });
      void this.settings.focusPart(`#allocate-${index}`);
    } catch (error) {
      const failure = asKitError(error);
      if (this.state.allocation?.accountId !== account.id) return;
      if (failure === undefined) {
        this.set({ allocation: { ...this.state.allocation, saving: false } });
        return;
      }
      this.set({ allocation: { ...this.state.allocation, saving: false, error: failure } });
      announce(this.locale.msg('portal.allocate.failed', { reason: errorReason(failure, this.locale) }), 'assertive');
    }
  }

  private brokerNames(brokerIds: readonly string[]): string[] {
    const brokers = this.loadedData?.brokers ?? [];
    return brokerIds.map((id) => brokers.find((broker) => broker.id === id)?.name ?? this.locale.msg('portal.account.unknown-broker'));
  }

  private editNewAccount(field: NewAccountField, value: string): void {
    this.set({ newAccount: { ...this.state.newAccount, [field]: value } });
    if (this.state.newAccountErrors[field] !== undefined) {
      const { [field]: _cleared, ...rest } = this.state.newAccountErrors;
      this.set({ newAccountErrors: rest });
    }
    this.set({ createdNotice: undefined });
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
    const adapter = this.host.adapter();
    const organisationId = this.settings.base?.organisationId;
    if (this.state.creating || !adapter?.createPartnerAccount || organisationId === undefined) return;
    const values: NewAccountValues = {
      name: this.state.newAccount.name.trim(),
      email: this.state.newAccount.email.trim(),
      phone: this.state.newAccount.phone.trim(),
    };
    const errors = this.validateNewAccount(values);
    this.set({ newAccountErrors: errors, createError: undefined, createdNotice: undefined });
    const firstInvalid = NEW_ACCOUNT_FIELDS.find((field) => errors[field] !== undefined);
    if (firstInvalid !== undefined) {
      void this.settings.focusPart(`#new-${firstInvalid}`);
      return;
    }
    const fingerprint = JSON.stringify([organisationId, values]);
    if (this.createAttempt?.fingerprint !== fingerprint) this.createAttempt = { fingerprint, key: newIdempotencyKey() };
    const { key } = this.createAttempt;
    this.set({ creating: true });
    try {
      const account = await adapter.createPartnerAccount(
        { organisationId, ...values },
        { idempotencyKey: key, signal: this.settings.signal },
      );
      this.createAttempt = undefined;
      const collator = new Intl.Collator(this.locale.lang);
      const createdNotice = this.locale.msg('portal.create.created', { name: account.name });
      this.set({
        accounts: [...this.state.accounts.filter((item) => item.id !== account.id), account].sort(
          (a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1),
        ),
        newAccount: { ...EMPTY_NEW_ACCOUNT },
        createdNotice,
      });
      announce(createdNotice);
      this.host.element.emit('pk-partner-account-created', { account });
      void this.settings.focusPart('#new-name');
    } catch (error) {
      const failure = asKitError(error);
      if (failure === undefined) return;
      const fieldErrors: Partial<Record<NewAccountField, string>> = {};
      for (const field of NEW_ACCOUNT_FIELDS) {
        const message = failure.fieldErrors[field];
        if (message !== undefined) fieldErrors[field] = message;
      }
      this.set({ newAccountErrors: fieldErrors, createError: failure });
      announce(this.locale.msg('portal.create.failed', { reason: errorReason(failure, this.locale) }), 'assertive');
      const firstServerInvalid = NEW_ACCOUNT_FIELDS.find((field) => fieldErrors[field] !== undefined);
      if (firstServerInvalid !== undefined) void this.settings.focusPart(`#new-${firstServerInvalid}`);
    } finally {
      this.set({ creating: false });
    }
  }

  // ---------------------------------------------------------------------------
  // Rendering

  render(loaded: PortalLoad): TemplateResult {
    if (loaded.kind === 'not-permitted') return renderStateMessage(this.locale.msg('portal.not-permitted'));
    const draft = this.settings.draft;
    if (loaded.kind === 'unsupported' || draft === undefined || this.settings.base === undefined) {
      return renderStateMessage(this.locale.msg('settings.unavailable'));
    }
    const editable = this.host.can('updatePortalSettings');
    return html`
      <form class="settings-form" novalidate @submit=${(event: SubmitEvent) => this.save(event)}>
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
    const canAllocate = brokers !== null && this.host.can('allocatePartner');
    const canCreate = this.host.can('createPartnerAccount');
    return html`
      <section part="section" class="section" aria-labelledby="accounts-heading">
        <h2 id="accounts-heading" part="heading">${this.locale.msg('portal.accounts.heading')}</h2>
        <p part="description" class="description">${this.locale.msg('portal.accounts.description')}</p>
        ${this.state.accounts.length === 0
          ? html`<p part="description" class="notice info">${this.locale.msg('portal.accounts.empty')}</p>`
          : html`<ul part="account-list" class="account-list" aria-label=${this.locale.msg('portal.accounts.list')}>
              ${this.state.accounts.map((account, index) => this.renderAccount(account, index, brokers ?? [], canAllocate))}
            </ul>`}
        ${canCreate ? this.renderCreateForm() : nothing}
      </section>
    `;
  }

  private renderAccount(account: PartnerAccount, index: number, brokers: Broker[], canAllocate: boolean): TemplateResult {
    const unallocated = account.brokerIds.length === 0;
    const open = this.state.allocation?.accountId === account.id;
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
        ${open && this.state.allocation ? this.renderAllocation(account, index, brokers, this.state.allocation) : nothing}
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
    const otherProblems = Object.entries(this.state.createError?.fieldErrors ?? {})
      .filter(([field]) => !(NEW_ACCOUNT_FIELDS as readonly string[]).includes(field))
      .map(([field, message]) => this.locale.msg('settings.field-problem', { field, message }));
    return html`
      <form part="create-form" class="create-form" novalidate aria-labelledby="create-heading" @submit=${(event: SubmitEvent) => this.createAccount(event)}>
        <h3 id="create-heading" part="heading">${this.locale.msg('portal.create.heading')}</h3>
        <p id="create-required" part="description" class="description">${this.locale.msg('portal.create.all-required')}</p>
        <div class="create-fields">
          ${NEW_ACCOUNT_FIELDS.map((field) => {
            const error = this.state.newAccountErrors[field];
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
                .value=${live(this.state.newAccount[field])}
                @input=${(event: Event) => this.editNewAccount(field, (event.target as HTMLInputElement).value)}
              />
              ${error ? html`<p id="new-${field}-error" part="field-error" class="field-error">${error}</p>` : nothing}
            </div>`;
          })}
        </div>
        ${this.state.createError
          ? html`<div part="create-error" class="notice danger">
              <p>${this.locale.msg('portal.create.failed', { reason: errorReason(this.state.createError, this.locale) })}</p>
              ${otherProblems.length > 0 ? html`<ul>${otherProblems.map((problem) => html`<li>${problem}</li>`)}</ul>` : nothing}
            </div>`
          : nothing}
        ${this.state.createdNotice ? html`<p part="created-notice" class="notice success">${this.state.createdNotice}</p>` : nothing}
        <div class="create-actions">
          <button part="create-button" class="button primary" type="submit" aria-disabled=${this.state.creating ? 'true' : 'false'}>
            ${this.locale.msg(this.state.creating ? 'portal.create.creating' : 'portal.create.submit')}
          </button>
        </div>
      </form>
    `;
  }
}
