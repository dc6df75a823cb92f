import { PartnerKitError } from '../../adapter/errors.js';
import type { PartnerKitAdapter } from '../../adapter/types.js';
import { hasCapability } from '../../adapter/validate.js';
import { can as isAllowed } from '../../domain/permissions.js';
import { adoptLaterStyles } from '../../internal/later-styles.js';
import { lazyModule } from '../../internal/lazy-module.js';
import { LocaleController } from '../../internal/locale-controller.js';
import { PartnerKitElement } from '../../internal/partner-kit-element.js';
import { buttonStyles } from '../../styles/controls.js';
import { tokens } from '../../styles/tokens.js';
import { SettingsContent, usableAdapter } from '../portal-settings/settings-content.js';
import { partnerSettingsStyles } from './partner-settings.styles.js';
// Types only: the screen loads on first use, together with the settings.
import type * as ScreenModule from './partner-settings-screen.js';
import type { PartnerLoad } from './partner-settings-screen.js';

export type { SettingsSavedDetail } from '../portal-settings/settings-content.js';

/** The forms, switches and saves: everything past loading (about two thirds of the element). */
const screenCode = lazyModule<typeof ScreenModule>(() => import('./partner-settings-screen.js'));

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
  static override styles = [tokens, buttonStyles, partnerSettingsStyles];

  private readonly locale = new LocaleController(this);

  private readonly content = new SettingsContent(this, {
    locale: this.locale,
    args: () => [this.currentAdapter()] as const,
    load: ([adapter], { signal }) => this.load(adapter, signal),
    code: screenCode,
    createScreen: (module) => {
      adoptLaterStyles(this, module.partnerSettingsScreenStyles);
      return new module.PartnerSettingsScreen({
        element: this,
        locale: this.locale,
        adapter: () => this.currentAdapter(),
        can: (method) => this.can(method),
      });
    },
  });

  /** Whether there are edits that are not saved yet (hosts may warn before leaving the page). */
  get hasUnsavedChanges(): boolean {
    return this.content.hasUnsavedChanges;
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

  protected override render() {
    return this.content.render();
  }
}
