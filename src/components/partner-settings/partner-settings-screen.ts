/**
 * The screen of `<partner-settings>`: the account form, the update switches,
 * the password slot, and the draft and its saves. It loads on first use,
 * together with the settings (see partner-settings.component.ts).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { PartnerKitError } from '../../adapter/errors.js';
import type { ChannelSwitch, PartnerSettings, PartnerSettingsInput } from '../../adapter/types.js';
import type { LocaleController } from '../../internal/locale-controller.js';
import type { MessageKey } from '../../locales/index.js';
import type { SettingsScreenHost } from '../portal-settings/settings-content.js';
import {
  CHANNELS,
  renderChannelGroup,
  renderReadOnlyStatus,
  renderStateMessage,
  SettingsSaveController,
  type Channel,
} from '../portal-settings/settings-shared.js';
import { countryOptions, toRegionCode } from './countries.js';
import type { PartnerSettingsElement } from './partner-settings.component.js';

export { partnerSettingsScreenStyles } from './partner-settings-screen.styles.js';

type UpdateEvent = keyof PartnerSettings['updates'];

const UPDATE_EVENTS: readonly { key: UpdateEvent; label: MessageKey }[] = [
  { key: 'dealProgress', label: 'partner.event.deal-progress' },
  { key: 'newNotes', label: 'partner.event.new-notes' },
  { key: 'newFiles', label: 'partner.event.new-files' },
];

const ACCOUNT_FIELDS = ['name', 'country', 'phone'] as const;
type AccountField = (typeof ACCOUNT_FIELDS)[number];

export type PartnerLoad = { kind: 'not-permitted' } | { kind: 'unsupported' } | { kind: 'ready'; settings: PartnerSettings };

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

export class PartnerSettingsScreen {
  private fieldErrors: Partial<Record<AccountField, string>> = {};
  private readonly locale: LocaleController;
  private readonly settings: SettingsSaveController<PartnerSettings, PartnerSettingsInput>;

  constructor(private readonly host: SettingsScreenHost<PartnerSettingsElement>) {
    this.locale = host.locale;
    this.settings = new SettingsSaveController<PartnerSettings, PartnerSettingsInput>(host.element, {
      locale: host.locale,
      toInput,
      conflictMessage: 'partner.conflict',
      loadTheirs: (signal) => {
        const adapter = host.adapter();
        return adapter?.getPartnerSettings ? adapter.getPartnerSettings({ signal }) : undefined;
      },
      onDraftReplaced: () => this.setFieldErrors({}),
    });
  }

  /** Whether there are edits that are not saved yet. */
  get hasUnsavedChanges(): boolean {
    return this.settings.hasUnsavedChanges;
  }

  /** Starts over from what loaded. */
  take(loaded: PartnerLoad): void {
    if (loaded.kind === 'ready') this.settings.take(loaded.settings);
  }

  private setFieldErrors(errors: Partial<Record<AccountField, string>>): void {
    this.fieldErrors = errors;
    this.host.element.requestUpdate();
  }

  // ---------------------------------------------------------------------------
  // Edit, save, conflict

  private editField(field: AccountField, value: string): void {
    const draft = this.settings.draft;
    if (draft === undefined) return;
    this.settings.edit({ ...draft, [field]: value });
    if (this.fieldErrors[field] !== undefined) {
      const { [field]: _cleared, ...rest } = this.fieldErrors;
      this.setFieldErrors(rest);
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
    const adapter = this.host.adapter();
    const update = adapter?.updatePartnerSettings;
    const { base, draft } = this.settings;
    if (!this.settings.canSave || !update || !base || !draft) return;
    const errors = this.validate(draft);
    this.setFieldErrors(errors);
    const firstInvalid = ACCOUNT_FIELDS.find((field) => errors[field] !== undefined);
    if (firstInvalid !== undefined) {
      void this.settings.focusPart(`#${firstInvalid}`);
      return;
    }
    const input: PartnerSettingsInput = { ...draft, name: draft.name.trim(), phone: draft.phone.trim() };
    await this.settings.save(draft, (signal) => update.call(adapter, input, base.version, { signal }), {
      onSaved: (saved) => this.host.element.emit('pk-settings-saved', { kind: 'partner', settings: saved }),
      onFailed: (failure) => {
        const serverErrors: Partial<Record<AccountField, string>> = {};
        for (const field of ACCOUNT_FIELDS) {
          const message = failure.fieldErrors[field];
          if (message !== undefined) serverErrors[field] = message;
        }
        this.setFieldErrors(serverErrors);
        const firstServerInvalid = ACCOUNT_FIELDS.find((field) => serverErrors[field] !== undefined);
        if (firstServerInvalid !== undefined) void this.settings.focusPart(`#${firstServerInvalid}`);
      },
    });
  }

  // ---------------------------------------------------------------------------
  // Rendering

  render(loaded: PartnerLoad): TemplateResult {
    if (loaded.kind === 'not-permitted') return renderStateMessage(this.locale.msg('partner.not-permitted'));
    const { base, draft } = this.settings;
    if (loaded.kind === 'unsupported' || draft === undefined || base === undefined) {
      return renderStateMessage(this.locale.msg('settings.unavailable'));
    }
    const editable = this.host.can('updatePartnerSettings');
    return html`
      <form class="settings-form" novalidate @submit=${(event: SubmitEvent) => this.save(event)}>
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
    const hasControl = [...this.host.element.children].some((child) => child.slot === 'password');
    return html`
      <section part="section" class="section" aria-labelledby="password-heading" ?hidden=${!hasControl}>
        <h2 id="password-heading" part="heading">${this.locale.msg('partner.password.heading')}</h2>
        <slot name="password" @slotchange=${() => this.host.element.requestUpdate()}></slot>
      </section>
    `;
  }
}
