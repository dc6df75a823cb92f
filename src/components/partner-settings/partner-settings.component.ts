import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { PartnerKitError } from '../../adapter/errors.js';
import type { ChannelSwitch, PartnerKitAdapter, PartnerSettings, PartnerSettingsInput } from '../../adapter/types.js';
import { hasCapability } from '../../adapter/validate.js';
import { can as isAllowed } from '../../domain/permissions.js';
import { DataController } from '../../internal/data-controller.js';
import { LocaleController } from '../../internal/locale-controller.js';
import { PartnerKitElement } from '../../internal/partner-kit-element.js';
import type { MessageKey } from '../../locales/index.js';
import { visuallyHidden } from '../../styles/shared.js';
import { buttonStyles } from '../../styles/controls.js';
import { fieldStyles } from '../../styles/fields.js';
import { tokens } from '../../styles/tokens.js';
import { settingsSharedStyles } from '../portal-settings/settings-shared.styles.js';
import {
  CHANNELS,
  renderChannelGroup,
  renderReadOnlyStatus,
  renderStateMessage,
  SettingsSaveController,
  usableAdapter,
  type Channel,
} from '../portal-settings/settings-shared.js';
import { countryOptions, toRegionCode } from './countries.js';
import { partnerSettingsStyles } from './partner-settings.styles.js';

export type { SettingsSavedDetail } from '../portal-settings/settings-shared.js';

type UpdateEvent = keyof PartnerSettings['updates'];

const UPDATE_EVENTS: readonly { key: UpdateEvent; label: MessageKey }[] = [
  { key: 'dealProgress', label: 'partner.event.deal-progress' },
  { key: 'newNotes', label: 'partner.event.new-notes' },
  { key: 'newFiles', label: 'partner.event.new-files' },
];

const ACCOUNT_FIELDS = ['name', 'country', 'phone'] as const;
type AccountField = (typeof ACCOUNT_FIELDS)[number];

type PartnerLoad = { kind: 'not-permitted' } | { kind: 'unsupported' } | { kind: 'ready'; settings: PartnerSettings };

/** What the partner edits, in a fixed shape (so drafts compare by value). */
function toInput(settings: PartnerSettings): PartnerSettingsInput {
  const channel = (value: ChannelSwitch): ChannelSwitch => ({ email: value.email, sms: value.sms });
  return {
    name: settings.name,
    country: settings.country,
    phone: settings.phone,
    updates: {
      dealProgress: channel(settings.updates.dealProgress),
      newNotes: channel(settings.updates.newNotes),
      newFiles: channel(settings.updates.newFiles),
    },
  };
}

/**
 * @summary A referral partner's own settings in the partner portal (seed 004):
 * their account (name, country, phone; the email is shown but cannot change),
 * how they hear about their deals, and a slot for the host's password control.
 *
 * Only a partner (`edit-own-settings`) sees the settings; anyone else sees a
 * clear "not permitted" message. An update the organisation switched off is
 * shown off and disabled, with the reason, whatever the partner chose; the
 * partner's own choice is kept (and saved back unchanged), so it comes back
 * if the organisation switches the update on again.
 *
 * The country is picked from every ISO 3166 region, named in the viewer's
 * language. A country the partner picks is saved as its ISO 3166-1 alpha-2
 * code (`US`); a stored country the partner did not change is saved back as it
 * was (a stored name such as "United States" is recognised and shown selected).
 *
 * Saves send the version they were made on: if the settings changed elsewhere
 * in between, the element says so and lets the partner load that version or
 * keep editing; a failed save keeps every edit and says what failed.
 *
 * @tag partner-settings
 *
 * @slot password - The host's own password control (e.g. a "Change password" button or form), shown under "Password and security". The section is hidden while the slot is empty.
 *
 * @fires {CustomEvent<SettingsSavedDetail>} pk-settings-saved - The settings were saved; `detail.settings` is what the backend stored (`detail.kind` is `'partner'`).
 *
 * @csspart base - The whole element.
 * @csspart state - The loading, error, not-permitted and unavailable messages.
 * @csspart retry-button - "Try again" after a failed load.
 * @csspart section - Each section (my account, updates and reminders, password).
 * @csspart heading - Section headings.
 * @csspart description - Explanations under headings and switches.
 * @csspart field - A label, its control, its hint and its error.
 * @csspart field-label - A field's label.
 * @csspart input - A text input (name, phone).
 * @csspart country-select - The country picker.
 * @csspart email - The read-only email field.
 * @csspart email-reason - Why the email cannot be changed.
 * @csspart field-error - A field's error message.
 * @csspart switch - A switch with its label.
 * @csspart switch-input - The switch's native checkbox (`role="switch"`), transparent over its track.
 * @csspart switch-track - The drawn track of a switch.
 * @csspart switch-label - The text of a switch.
 * @csspart channel-group - An event with its Email and SMS switches.
 * @csspart channel-legend - The event's name.
 * @csspart org-off - The explanation of an option the organisation switched off.
 * @csspart sms-credits - The note that SMS uses the organisation's credits.
 * @csspart all-off - The notice shown when the organisation switched every update off.
 * @csspart actions - The bar with the save button and the save status.
 * @csspart save-button - Saves the settings.
 * @csspart discard-button - Discards unsaved changes (only while there are some).
 * @csspart save-status - "You have unsaved changes." / "All changes saved."
 * @csspart save-error - Why the last save failed.
 * @csspart conflict - The notice that the settings changed elsewhere, with its choices.
 * @csspart conflict-reload-button - Loads the version saved elsewhere.
 * @csspart conflict-keep-button - Keeps editing (the next save replaces that version).
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
 * @cssproperty --pk-tone-warning-bg - Background of the conflict notice.
 * @cssproperty --pk-tone-warning-fg - Text of the conflict notice; the unsaved-changes dot.
 * @cssproperty --pk-tone-info-bg - Background of the "nothing to choose" notice.
 * @cssproperty --pk-tone-info-fg - Text of the "nothing to choose" notice.
 * @cssproperty --pk-tone-neutral-bg - Background of the read-only email.
 * @cssproperty --pk-tone-neutral-fg - Text of the read-only email.
 * @cssproperty --pk-radius - Corners of sections, fields and buttons.
 * @cssproperty --pk-radius-pill - Corners of switches.
 * @cssproperty --pk-space-1 - Small gaps.
 * @cssproperty --pk-space-2 - Gaps between controls.
 * @cssproperty --pk-space-3 - Gaps between fields.
 * @cssproperty --pk-space-4 - Section padding and gaps between sections.
 *
 * @example
 * ```html
 * <partner-settings>
 *   <a slot="password" href="/account/password">Change your password</a>
 * </partner-settings>
 * ```
 */
export class PartnerSettingsElement extends PartnerKitElement {
  static override styles = [tokens, buttonStyles, fieldStyles, settingsSharedStyles, visuallyHidden, partnerSettingsStyles];

  @state() private fieldErrors: Partial<Record<AccountField, string>> = {};

  private readonly locale = new LocaleController(this);

  private readonly data = new DataController(this, {
    args: () => [this.currentAdapter()] as const,
    load: ([adapter], { signal }) => this.load(adapter, signal),
  });

  private readonly settings = new SettingsSaveController<PartnerSettings, PartnerSettingsInput>(this, {
    locale: this.locale,
    toInput,
    conflictMessage: 'partner.conflict',
    loadTheirs: (signal) => {
      const adapter = this.currentAdapter();
      return adapter?.getPartnerSettings ? adapter.getPartnerSettings({ signal }) : undefined;
    },
    isLoading: () => this.data.pending,
    onDraftReplaced: () => {
      this.fieldErrors = {};
    },
  });

  private applied: PartnerLoad | undefined;

  /** Whether there are edits that are not saved yet (hosts may warn before leaving the page). */
  get hasUnsavedChanges(): boolean {
    return this.settings.hasUnsavedChanges;
  }

  private currentAdapter(): PartnerKitAdapter | undefined {
    return usableAdapter(this.adapterOrError());
  }

  private async load(adapter: PartnerKitAdapter | undefined, signal: AbortSignal): Promise<PartnerLoad> {
    const usable = adapter ?? this.adapterOrError();
    if (usable instanceof PartnerKitError) throw usable;
    const session = await usable.getSession({ signal });
    if (!isAllowed('edit-own-settings', { role: session.role, org: session.switches })) return { kind: 'not-permitted' };
    const getSettings = usable.getPartnerSettings;
    if (getSettings === undefined || !hasCapability(usable, 'getPartnerSettings')) return { kind: 'unsupported' };
    return { kind: 'ready', settings: await getSettings.call(usable, { signal }) };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const loaded = this.data.value;
    if (loaded !== this.applied) {
      this.applied = loaded;
      if (loaded?.kind === 'ready') this.settings.take(loaded.settings);
    }
  }

  // ---------------------------------------------------------------------------
  // Edit, save, conflict

  private editField(field: AccountField, value: string): void {
    const draft = this.settings.draft;
    if (draft === undefined) return;
    this.settings.edit({ ...draft, [field]: value });
    if (this.fieldErrors[field] !== undefined) {
      const { [field]: _cleared, ...rest } = this.fieldErrors;
      this.fieldErrors = rest;
    }
  }

  private editUpdates(event: UpdateEvent, value: ChannelSwitch): void {
    const draft = this.settings.draft;
    if (draft === undefined) return;
    this.settings.edit({ ...draft, updates: { ...draft.updates, [event]: value } });
  }

  private validate(draft: PartnerSettingsInput): Partial<Record<AccountField, string>> {
    const errors: Partial<Record<AccountField, string>> = {};
    if (draft.name.trim() === '') errors.name = this.locale.msg('partner.name-required');
    if (draft.country.trim() === '') errors.country = this.locale.msg('partner.country-required');
    return errors;
  }

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const adapter = this.currentAdapter();
    const update = adapter?.updatePartnerSettings;
    const { base, draft } = this.settings;
    if (!this.settings.canSave || !update || !base || !draft) return;
    const errors = this.validate(draft);
    this.fieldErrors = errors;
    const firstInvalid = ACCOUNT_FIELDS.find((field) => errors[field] !== undefined);
    if (firstInvalid !== undefined) {
      void this.settings.focusPart(`#${firstInvalid}`);
      return;
    }
    const input: PartnerSettingsInput = { ...draft, name: draft.name.trim(), phone: draft.phone.trim() };
    await this.settings.save(draft, (signal) => update.call(adapter, input, base.version, { signal }), {
      onSaved: (saved) => this.emit('pk-settings-saved', { kind: 'partner', settings: saved }),
      onFailed: (failure) => {
        const serverErrors: Partial<Record<AccountField, string>> = {};
        for (const field of ACCOUNT_FIELDS) {
          const message = failure.fieldErrors[field];
          if (message !== undefined) serverErrors[field] = message;
        }
        this.fieldErrors = serverErrors;
        const firstServerInvalid = ACCOUNT_FIELDS.find((field) => serverErrors[field] !== undefined);
        if (firstServerInvalid !== undefined) void this.settings.focusPart(`#${firstServerInvalid}`);
      },
    });
  }

  // ---------------------------------------------------------------------------
  // Rendering

  protected override render() {
    return this.settings.renderContent(this.data, (loaded) => this.renderLoaded(loaded));
  }

  private renderLoaded(loaded: PartnerLoad): TemplateResult {
    if (loaded.kind === 'not-permitted') return renderStateMessage(this.locale.msg('partner.not-permitted'));
    const { base, draft } = this.settings;
    if (loaded.kind === 'unsupported' || draft === undefined || base === undefined) {
      return renderStateMessage(this.locale.msg('settings.unavailable'));
    }
    const editable = this.can('updatePartnerSettings');
    return html`
      <form class="settings-form" novalidate @submit=${this.save}>
        ${this.renderAccount(base, draft, editable)} ${this.renderUpdates(base, draft, editable)}
        ${editable ? this.settings.renderActions((error) => this.otherSaveProblems(error)) : renderReadOnlyStatus(this.locale)}
      </form>
      ${this.renderPassword()}
    `;
  }

  private renderField(
    field: AccountField,
    label: MessageKey,
    control: (describedBy: string | undefined, invalid: boolean) => TemplateResult,
    hint?: string,
  ): TemplateResult {
    const error = this.fieldErrors[field];
    const describedBy = [hint ? `${field}-hint` : undefined, error ? `${field}-error` : undefined].filter(Boolean).join(' ');
    return html`<div part="field" class="field">
      <label part="field-label" class="label" for=${field}>${this.locale.msg(label)}</label>
      ${hint ? html`<p id="${field}-hint" part="description" class="hint">${hint}</p>` : nothing}
      ${control(describedBy || undefined, error !== undefined)}
      ${error ? html`<p id="${field}-error" part="field-error" class="field-error">${error}</p>` : nothing}
    </div>`;
  }

  private renderAccount(base: PartnerSettings, draft: PartnerSettingsInput, editable: boolean): TemplateResult {
    const lang = this.locale.lang;
    const selectedCode = toRegionCode(draft.country, lang);
    // A stored value that is no known country stays selectable as it is, so saving never loses it.
    const unknownCountry = draft.country.trim() !== '' && selectedCode === undefined ? draft.country : undefined;
    return html`
      <section part="section" class="section" aria-labelledby="account-heading">
        <h2 id="account-heading" part="heading" tabindex="-1" data-focus-after-load>${this.locale.msg('partner.account.heading')}</h2>
        ${this.renderField(
          'name',
          'partner.name',
          (describedBy, invalid) => html`<input
            id="name"
            part="input"
            class="input"
            type="text"
            autocomplete="name"
            required
            ?readonly=${!editable}
            aria-invalid=${invalid ? 'true' : 'false'}
            aria-describedby=${describedBy ?? nothing}
            .value=${live(draft.name)}
            @input=${(event: Event) => this.editField('name', (event.target as HTMLInputElement).value)}
          />`,
        )}
        ${this.renderField(
          'country',
          'partner.country',
          (describedBy, invalid) => html`<select
            id="country"
            part="country-select"
            class="input"
            autocomplete="country"
            required
            ?disabled=${!editable}
            aria-invalid=${invalid ? 'true' : 'false'}
            aria-describedby=${describedBy ?? nothing}
            @change=${(event: Event) => this.editField('country', (event.target as HTMLSelectElement).value)}
          >
            ${draft.country.trim() === ''
              ? html`<option value="" selected>${this.locale.msg('partner.country.choose')}</option>`
              : nothing}
            ${unknownCountry !== undefined ? html`<option value=${unknownCountry} selected>${unknownCountry}</option>` : nothing}
            ${countryOptions(lang).map(
              (option) => html`<option value=${option.value} ?selected=${option.value === selectedCode}>${option.label}</option>`,
            )}
          </select>`,
        )}
        ${this.renderField(
          'phone',
          'partner.phone',
          (describedBy, invalid) => html`<input
            id="phone"
            part="input"
            class="input"
            type="tel"
            autocomplete="tel"
            ?readonly=${!editable}
            aria-invalid=${invalid ? 'true' : 'false'}
            aria-describedby=${describedBy ?? nothing}
            .value=${live(draft.phone)}
            @input=${(event: Event) => this.editField('phone', (event.target as HTMLInputElement).value)}
          />`,
          this.locale.msg('partner.phone-hint'),
        )}
        <div part="field" class="field">
          <label part="field-label" class="label" for="email">${this.locale.msg('partner.email')}</label>
          <input
            id="email"
            part="email"
            class="input"
            type="email"
            readonly
            aria-describedby="email-reason"
            .value=${live(base.email)}
          />
          <p id="email-reason" part="email-reason description" class="hint">${this.locale.msg('partner.email-readonly')}</p>
        </div>
      </section>
    `;
  }

  private renderUpdates(base: PartnerSettings, draft: PartnerSettingsInput, editable: boolean): TemplateResult {
    const allows = base.organisationAllows;
    const allOff = UPDATE_EVENTS.every(({ key }) => CHANNELS.every((channel) => !allows[key][channel]));
    return html`
      <section part="section" class="section" aria-labelledby="updates-heading">
        <h2 id="updates-heading" part="heading">${this.locale.msg('partner.updates.heading')}</h2>
        <p part="description" class="description">${this.locale.msg('partner.updates.description')}</p>
        ${allOff ? html`<p id="updates-all-off" part="all-off" class="notice info">${this.locale.msg('partner.updates.all-off')}</p>` : nothing}
        ${UPDATE_EVENTS.map(({ key, label }) => {
          const disabled: Record<Channel, boolean> = { email: !allows[key].email, sms: !allows[key].sms };
          // When everything is off, the one notice above explains every switch.
          const offId = allOff ? 'updates-all-off' : `updates-${key}-org-off`;
          const describedBy: Partial<Record<Channel, string>> = {};
          for (const channel of CHANNELS) {
            const ids = [disabled[channel] ? offId : undefined, channel === 'sms' ? 'sms-credits' : undefined].filter(Boolean);
            if (ids.length > 0) describedBy[channel] = ids.join(' ');
          }
          return html`${renderChannelGroup({
            id: `updates-${key}`,
            legend: this.locale.msg(label),
            value: draft.updates[key],
            disabled,
            locked: !editable,
            describedBy,
            locale: this.locale,
            onChange: (value) => this.editUpdates(key, value),
          })}
          ${!allOff && (disabled.email || disabled.sms)
            ? html`<p id=${offId} part="org-off description" class="description org-off">${this.orgOffText(disabled)}</p>`
            : nothing}`;
        })}
        <p id="sms-credits" part="sms-credits description" class="description">
          ${this.locale.msg('partner.updates.sms-credits')}
        </p>
      </section>
    `;
  }

  private orgOffText(disabled: Record<Channel, boolean>): string {
    const channels = CHANNELS.filter((channel) => disabled[channel]).map((channel) =>
      this.locale.msg(channel === 'email' ? 'settings.channel.email' : 'settings.channel.sms'),
    );
    return `${this.locale.formatList(channels)}: ${this.locale.msg('partner.org-off')}`;
  }

  /** Errors of the account fields show under them; anything else the backend rejected is listed in the save error. */
  private otherSaveProblems(error: PartnerKitError): string[] {
    return Object.entries(error.fieldErrors)
      .filter(([field]) => !(ACCOUNT_FIELDS as readonly string[]).includes(field))
      .map(([field, message]) => this.locale.msg('settings.field-problem', { field: this.updatesFieldLabel(field) ?? field, message }));
  }

  /** Our name for an `updates.<event>.<channel>` path of a validation error. */
  private updatesFieldLabel(field: string): string | undefined {
    const [first, second, third] = field.split('.');
    if (first !== 'updates') return undefined;
    const event = UPDATE_EVENTS.find(({ key }) => key === second);
    if (event === undefined) return undefined;
    const channel = third === 'email' ? 'settings.channel.email' : third === 'sms' ? 'settings.channel.sms' : undefined;
    return channel ? `${this.locale.msg(event.label)} – ${this.locale.msg(channel)}` : this.locale.msg(event.label);
  }

  private renderPassword(): TemplateResult {
    const hasControl = [...this.children].some((child) => child.slot === 'password');
    return html`
      <section part="section" class="section" aria-labelledby="password-heading" ?hidden=${!hasControl}>
        <h2 id="password-heading" part="heading">${this.locale.msg('partner.password.heading')}</h2>
        <slot name="password" @slotchange=${() => this.requestUpdate()}></slot>
      </section>
    `;
  }
}
