/**
 * What `<portal-settings>` and `<partner-settings>` share: the saved event,
 * error wording, the switch control and the draft comparison. It lives here
 * (not in `internal/`) because only these two elements use it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { isAbortError, isPartnerKitError, toPartnerKitError, type PartnerKitError } from '../../adapter/errors.js';
import type { ChannelSwitch, PartnerSettings, PortalSettings } from '../../adapter/types.js';
import type { LocaleController } from '../../internal/locale-controller.js';
import { settingsEn } from '../../locales/settings.en.js';
import { registerMessages } from '../../locales/index.js';

// This element's own strings: English now, Spanish when the page needs it.
registerMessages(settingsEn, { es: () => import('../../locales/settings.es.js').then((module) => module.settingsEs) });

/** Detail of `pk-settings-saved`: what the backend stored, by which element. */
export type SettingsSavedDetail =
  | { kind: 'portal'; settings: PortalSettings }
  | { kind: 'partner'; settings: PartnerSettings };

declare module '../../internal/events.js' {
  interface PartnerKitEventMap {
    'pk-settings-saved': CustomEvent<SettingsSavedDetail>;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'pk-settings-saved': CustomEvent<SettingsSavedDetail>;
  }
}

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

/** A localised sentence saying why an adapter call failed (the code decides, never the host's message). */
export function errorReason(error: PartnerKitError, locale: LocaleController): string {
  switch (error.code) {
    case 'network':
      return locale.msg('settings.error.network');
    case 'timeout':
      return locale.msg('settings.error.timeout');
    case 'unauthorized':
      return locale.msg('settings.error.unauthorized');
    case 'forbidden':
      return locale.msg('settings.error.forbidden');
    case 'not_found':
      return locale.msg('settings.error.not_found');
    case 'conflict':
      return locale.msg('settings.error.conflict');
    case 'rate_limited':
      return error.retryAfter === undefined
        ? locale.msg('settings.error.rate_limited')
        : locale.msg('settings.error.rate_limited-after', { seconds: Math.max(1, Math.ceil(error.retryAfter)) });
    case 'validation':
      return locale.msg('settings.error.validation');
    case 'contract':
      return locale.msg('settings.error.contract');
    case 'unknown':
      return locale.msg('settings.error.unknown');
  }
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
