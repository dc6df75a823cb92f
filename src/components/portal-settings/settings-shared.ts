/**
 * What the screens of `<portal-settings>` and `<partner-settings>` share: the
 * switch control, the save bar, the conflict notice and the draft and its
 * saves. It lives here (not in `internal/`) because only these two elements
 * use it, and it loads with their screens (see settings-content.ts).
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { isAbortError, isPartnerKitError, toPartnerKitError, type PartnerKitError } from '../../adapter/errors.js';
import type { ChannelSwitch } from '../../adapter/types.js';
import { announce } from '../../internal/live-region.js';
import type { LocaleController } from '../../internal/locale-controller.js';
import { settingsScreenEn } from '../../locales/settings.screen.en.js';
import { registerMessages, type MessageKey } from '../../locales/index.js';
import { errorReason } from './settings-content.js';

// The screens' strings (their Spanish is registered with the states, settings-content.ts).
registerMessages(settingsScreenEn);

export const CHANNELS = ['email', 'sms'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Deep equality of plain JSON data (drafts against what was loaded). */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every(
    (key) => Object.hasOwn(b, key) && sameData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}

/**
 * The field errors of a `validation` failure as "Label: message" lines. The
 * message is the backend's (it knows the rule); the label is ours when we
 * know the field, else the backend's path.
 */
export function fieldProblems(
  error: PartnerKitError,
  locale: LocaleController,
  label: (field: string) => string | undefined,
): string[] {
  return Object.entries(error.fieldErrors).map(([field, message]) =>
    locale.msg('settings.field-problem', { field: label(field) ?? field, message }),
  );
}

/** What a mutation threw, as a PartnerKitError to show; `undefined` for an abort (nothing to show). */
export function asKitError(error: unknown): PartnerKitError | undefined {
  if (isAbortError(error)) return undefined;
  const converted = toPartnerKitError(error);
  return isPartnerKitError(converted) ? converted : undefined;
}

export interface SwitchOptions {
  id: string;
  label: string;
  checked: boolean;
  disabled?: boolean;
  /** Ids of the texts that explain this switch. */
  describedBy?: string;
  onChange: (checked: boolean) => void;
}

/**
 * An on/off switch: a native checkbox with `role="switch"` (keyboard, forms
 * and forced colours for free) drawn as a track and thumb. The label is
 * visible and clicking it toggles the switch.
 */
export function renderSwitch(options: SwitchOptions): TemplateResult {
  const { id, label, checked, disabled = false, describedBy, onChange } = options;
  return html`
    <label part="switch" class="switch-row ${disabled ? 'is-disabled' : ''}" for=${id}>
      <span class="switch">
        <input
          id=${id}
          part="switch-input"
          type="checkbox"
          role="switch"
          aria-checked=${checked ? 'true' : 'false'}
          aria-describedby=${describedBy ?? nothing}
          .checked=${live(checked)}
          ?disabled=${disabled}
          @change=${(event: Event) => onChange((event.target as HTMLInputElement).checked)}
        />
        <span part="switch-track" class="track" aria-hidden="true"><span class="thumb"></span></span>
      </span>
      <span part="switch-label" class="switch-label">${label}</span>
    </label>
  `;
}

export interface ChannelGroupOptions {
  id: string;
  legend: string;
  value: ChannelSwitch;
  /** A channel switched off from above: shown off and disabled, whatever `value` says. */
  disabled?: Partial<Record<Channel, boolean>>;
  /** Read-only: both switches show their value and cannot change. */
  locked?: boolean;
  /** Explanation shown under the group and read with each switch. */
  description?: string;
  /** Extra explanation per channel (ids of texts rendered elsewhere). */
  describedBy?: Partial<Record<Channel, string>>;
  locale: LocaleController;
  onChange: (value: ChannelSwitch) => void;
}

/** One event, two switches: Email and SMS, in a fieldset named by the event. */
export function renderChannelGroup(options: ChannelGroupOptions): TemplateResult {
  const { id, legend, value, disabled = {}, locked = false, description, describedBy = {}, locale, onChange } = options;
  const descriptionId = `${id}-description`;
  return html`
    <fieldset part="channel-group" class="channel-group" id=${id}>
      <legend part="channel-legend" class="channel-legend">${legend}</legend>
      ${description ? html`<p id=${descriptionId} part="description" class="description">${description}</p>` : nothing}
      <div class="channel-switches">
        ${CHANNELS.map((channel) => {
          const off = disabled[channel] === true;
          const ids = [description ? descriptionId : undefined, describedBy[channel]]
            .filter((item): item is string => !!item)
            .join(' ');
          return renderSwitch({
            id: `${id}-${channel}`,
            label: locale.msg(channel === 'email' ? 'settings.channel.email' : 'settings.channel.sms'),
            checked: !off && value[channel],
            disabled: off || locked,
            ...(ids ? { describedBy: ids } : {}),
            onChange: (checked) => onChange({ ...value, [channel]: checked }),
          });
        })}
      </div>
    </fieldset>
  `;
}

// -----------------------------------------------------------------------------
// Save bar, save error and version conflict: the same markup in both
// elements, only the element's own conflict sentence differs.

/** A loaded state with nothing to edit (not permitted, unavailable); focused after a retried load (SettingsContent). */
export function renderStateMessage(text: string): TemplateResult {
  return html`<p part="state" class="state" tabindex="-1" data-focus-after-load>${text}</p>`;
}

/** Shown instead of the save bar to a viewer who may not change the settings. */
export function renderReadOnlyStatus(locale: LocaleController): TemplateResult {
  return html`<p part="save-status" class="actions save-status">${locale.msg('settings.status.read-only')}</p>`;
}

/** A save was refused because the settings changed elsewhere; `theirs` is that version once loaded. */
export interface ConflictState<Settings> {
  loading: boolean;
  theirs?: Settings;
  error?: PartnerKitError;
}

export interface SaveBarOptions {
  locale: LocaleController;
  dirty: boolean;
  saving: boolean;
  /** Saving waits until the partner or admin chose how to settle a conflict. */
  conflicted: boolean;
  savedInSession: boolean;
  onDiscard: () => void;
}

/** The save button, "Discard changes" while there are some, and the save status. */
export function renderSaveBar(options: SaveBarOptions): TemplateResult {
  const { locale, dirty, saving, conflicted, savedInSession, onDiscard } = options;
  const blocked = !dirty || saving || conflicted;
  const status = dirty ? locale.msg('settings.status.unsaved') : savedInSession ? locale.msg('settings.status.saved') : '';
  return html`
    <div part="actions" class="actions">
      <button
        part="save-button"
        class="button primary"
        type="submit"
        aria-disabled=${blocked ? 'true' : 'false'}
        aria-describedby="save-status"
      >
        ${locale.msg(saving ? 'settings.saving' : 'settings.save')}
      </button>
      ${dirty && !saving
        ? html`<button part="discard-button" class="button" type="button" @click=${onDiscard}>
            ${locale.msg('settings.discard')}
          </button>`
        : nothing}
      <span id="save-status" part="save-status" class="save-status ${dirty ? 'dirty' : ''}">${status}</span>
    </div>
  `;
}

/** Why the last save failed, the backend's other field problems, and that every edit is kept. */
export function renderSaveError(error: PartnerKitError, locale: LocaleController, problems: readonly string[]): TemplateResult {
  return html`
    <div part="save-error" class="notice danger">
      <p><strong>${locale.msg('settings.save-failed', { reason: errorReason(error, locale) })}</strong></p>
      ${problems.length > 0 ? html`<ul>${problems.map((problem) => html`<li>${problem}</li>`)}</ul>` : nothing}
      <p>${locale.msg('settings.save-failed.kept')}</p>
    </div>
  `;
}

/** What a screen reader hears when a save failed (not for a conflict). */
export function saveFailedAnnouncement(error: PartnerKitError, locale: LocaleController): string {
  return `${locale.msg('settings.save-failed', { reason: errorReason(error, locale) })} ${locale.msg('settings.save-failed.kept')}`;
}

export interface ConflictNoticeOptions {
  locale: LocaleController;
  conflict: ConflictState<unknown>;
  /** The element's own sentence saying the settings changed elsewhere. */
  message: string;
  onReload: () => void;
  onKeep: () => void;
}

/** The settings changed elsewhere: load that version, or keep editing (the next save replaces it). */
export function renderConflictNotice(options: ConflictNoticeOptions): TemplateResult {
  const { locale, conflict, message, onReload, onKeep } = options;
  const choice = (kind: 'reload' | 'keep', onClick: () => void) => html`
    <div class="notice-choice">
      <button
        part="conflict-${kind}-button"
        class="button"
        type="button"
        aria-describedby="conflict-${kind}-hint"
        aria-disabled=${conflict.loading ? 'true' : 'false'}
        @click=${onClick}
      >
        ${locale.msg(kind === 'reload' ? 'settings.conflict.reload' : 'settings.conflict.keep')}
      </button>
      <span id="conflict-${kind}-hint">${locale.msg(kind === 'reload' ? 'settings.conflict.reload-hint' : 'settings.conflict.keep-hint')}</span>
    </div>
  `;
  return html`
    <div part="conflict" class="notice warning">
      <p><strong>${message}</strong></p>
      ${conflict.loading ? html`<p>${locale.msg('settings.conflict.loading')}</p>` : nothing}
      ${conflict.error
        ? html`<p>${locale.msg('settings.conflict.load-failed', { reason: errorReason(conflict.error, locale) })}</p>`
        : nothing}
      <div class="notice-actions">${choice('reload', onReload)} ${choice('keep', onKeep)}</div>
    </div>
  `;
}

// -----------------------------------------------------------------------------
// Draft, save and version conflict

export interface SettingsSaveOptions<Settings, Input> {
  locale: LocaleController;
  /** The editable part of stored settings, in a fixed shape (so drafts compare by value). */
  toInput: (settings: Settings) => Input;
  /** The element's own sentence saying the settings changed elsewhere. */
  conflictMessage: MessageKey;
  /** Fetches the version saved elsewhere; `undefined` when the adapter cannot. */
  loadTheirs: (signal: AbortSignal) => Promise<Settings> | undefined;
  /** Clears what the element shows beside the draft (e.g. field errors) when the draft is replaced wholesale. */
  onDraftReplaced?: () => void;
}

export interface SaveHooks<Settings> {
  /** The backend stored `saved` (announce and state are already done): emit the element's event. */
  onSaved: (saved: Settings) => void;
  /** A save failed for a reason other than a conflict (already shown and announced). */
  onFailed?: (failure: PartnerKitError) => void;
}

interface SaveState<Settings, Input> {
  base: Settings | undefined;
  draft: Input | undefined;
  saving: boolean;
  saveError: PartnerKitError | undefined;
  conflict: ConflictState<Settings> | undefined;
  savedInSession: boolean;
}

type SettingsHost = ReactiveControllerHost & { readonly renderRoot: ParentNode };

/**
 * The draft both settings elements edit against what was loaded, and how it
 * is saved: the version travels with every save, a conflict offers "load
 * their version" or "keep mine", a failed save keeps every edit. It also owns
 * the abort signal of the element's writes (aborted when it leaves the page).
 */
export class SettingsSaveController<Settings, Input> implements ReactiveController {
  private state: SaveState<Settings, Input> = {
    base: undefined,
    draft: undefined,
    saving: false,
    saveError: undefined,
    conflict: undefined,
    savedInSession: false,
  };
  private mutations = new AbortController();

  constructor(
    private readonly host: SettingsHost,
    private readonly options: SettingsSaveOptions<Settings, Input>,
  ) {
    host.addController(this);
  }

  /** What the backend last stored (the version the next save builds on). */
  get base(): Settings | undefined {
    return this.state.base;
  }

  get draft(): Input | undefined {
    return this.state.draft;
  }

  get saving(): boolean {
    return this.state.saving;
  }

  /** Aborts writes in flight when the element leaves the page. */
  get signal(): AbortSignal {
    return this.mutations.signal;
  }

  get hasUnsavedChanges(): boolean {
    const { base, draft } = this.state;
    return base !== undefined && draft !== undefined && !sameData(this.options.toInput(base), draft);
  }

  /** Whether a save may start: there are changes, none is on its way and no conflict waits for a choice. */
  get canSave(): boolean {
    return !this.state.saving && this.state.conflict === undefined && this.hasUnsavedChanges;
  }

  hostConnected(): void {
    if (this.mutations.signal.aborted) this.mutations = new AbortController();
  }

  hostDisconnected(): void {
    this.mutations.abort(new DOMException('The element was disconnected.', 'AbortError'));
  }

  async focusPart(selector: string): Promise<void> {
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /** Starts over from freshly loaded settings. */
  take(settings: Settings): void {
    this.set({
      base: settings,
      draft: this.options.toInput(settings),
      saveError: undefined,
      conflict: undefined,
      savedInSession: false,
    });
    this.options.onDraftReplaced?.();
  }

  edit(draft: Input): void {
    if (this.state.draft !== undefined) this.set({ draft });
  }

  /** Saves `draft` with `send`; edits made while it is on its way stay unsaved changes. */
  async save(draft: Input, send: (signal: AbortSignal) => Promise<Settings>, hooks: SaveHooks<Settings>): Promise<void> {
    const { locale } = this.options;
    this.set({ saving: true, saveError: undefined });
    try {
      const saved = await send(this.mutations.signal);
      this.set({
        base: saved,
        savedInSession: true,
        ...(sameData(this.state.draft, draft) ? { draft: this.options.toInput(saved) } : {}),
      });
      announce(locale.msg('settings.saved-announcement'));
      hooks.onSaved(saved);
    } catch (error) {
      const failure = asKitError(error);
      if (failure === undefined) return;
      if (failure.code === 'conflict') {
        announce(`${locale.msg(this.options.conflictMessage)} ${locale.msg('settings.save-failed.kept')}`, 'assertive');
        void this.loadTheirVersion();
        return;
      }
      this.set({ saveError: failure });
      announce(saveFailedAnnouncement(failure, locale), 'assertive');
      hooks.onFailed?.(failure);
    } finally {
      this.set({ saving: false });
    }
  }

  /** The conflict notice and the save error (when there are), then the save bar. */
  renderActions(problems: (error: PartnerKitError) => string[]): TemplateResult {
    const { locale } = this.options;
    const { conflict, saveError } = this.state;
    return html`
      ${conflict
        ? renderConflictNotice({
            locale,
            conflict,
            message: locale.msg(this.options.conflictMessage),
            onReload: () => void this.reloadTheirVersion(),
            onKeep: () => this.keepMine(),
          })
        : nothing}
      ${saveError ? renderSaveError(saveError, locale, problems(saveError)) : nothing}
      ${renderSaveBar({
        locale,
        dirty: this.hasUnsavedChanges,
        saving: this.state.saving,
        conflicted: conflict !== undefined,
        savedInSession: this.state.savedInSession,
        onDiscard: () => this.discard(),
      })}
    `;
  }

  private set(change: Partial<SaveState<Settings, Input>>): void {
    this.state = { ...this.state, ...change };
    this.host.requestUpdate();
  }

  private async loadTheirVersion(): Promise<Settings | undefined> {
    const request = this.options.loadTheirs(this.mutations.signal);
    if (request === undefined) return undefined;
    this.set({ conflict: { loading: true } });
    try {
      const theirs = await request;
      if (this.state.conflict) this.set({ conflict: { loading: false, theirs } });
      return theirs;
    } catch (error) {
      const failure = asKitError(error);
      if (failure && this.state.conflict) this.set({ conflict: { loading: false, error: failure } });
      return undefined;
    }
  }

  private async reloadTheirVersion(): Promise<void> {
    if (this.state.conflict?.loading) return;
    const theirs = this.state.conflict?.theirs ?? (await this.loadTheirVersion());
    if (theirs === undefined) return;
    this.take(theirs);
    announce(this.options.locale.msg('settings.conflict.reloaded-announcement'));
    void this.focusPart('[part~="save-button"]');
  }

  private keepMine(): void {
    const conflict = this.state.conflict;
    if (conflict?.loading) return;
    // Saving now builds on the other version, by the user's explicit choice.
    this.set({ conflict: undefined, ...(conflict?.theirs ? { base: conflict.theirs } : {}) });
    announce(this.options.locale.msg('settings.conflict.kept-announcement'));
    void this.focusPart('[part~="save-button"]');
  }

  private discard(): void {
    const base = this.state.base;
    if (base === undefined) return;
    this.set({ draft: this.options.toInput(base), saveError: undefined });
    this.options.onDraftReplaced?.();
    announce(this.options.locale.msg('settings.discarded-announcement'));
    void this.focusPart('[part~="save-button"]');
  }
}
