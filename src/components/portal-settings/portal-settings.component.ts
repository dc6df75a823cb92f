import { property } from 'lit/decorators.js';
import { PartnerKitError } from '../../adapter/errors.js';
import type { PartnerAccount, PartnerKitAdapter } from '../../adapter/types.js';
import { hasCapability } from '../../adapter/validate.js';
import { can as isAllowed } from '../../domain/permissions.js';
import { adoptLaterStyles } from '../../internal/later-styles.js';
import { lazyModule } from '../../internal/lazy-module.js';
import { LocaleController } from '../../internal/locale-controller.js';
import { PartnerKitElement } from '../../internal/partner-kit-element.js';
import { buttonStyles } from '../../styles/controls.js';
import { tokens } from '../../styles/tokens.js';
import { portalSettingsStyles } from './portal-settings.styles.js';
import { SettingsContent, usableAdapter } from './settings-content.js';
// Types only: the screen loads on first use, together with the settings.
import type * as ScreenModule from './portal-settings-screen.js';
import type { PortalLoad } from './portal-settings-screen.js';

export type { SettingsSavedDetail } from './settings-content.js';

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

/** The settings forms, the partner accounts and their saves: everything past loading (about two thirds of the element). */
const screenCode = lazyModule<typeof ScreenModule>(() => import('./portal-settings-screen.js'));

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
  static override styles = [tokens, buttonStyles, portalSettingsStyles];

  /** The organisation whose portal is configured. Default: the session's organisation. */
  @property({ attribute: 'organisation-id' }) organisationId: string | undefined;

  private readonly locale = new LocaleController(this);

  private readonly content = new SettingsContent(this, {
    locale: this.locale,
    args: () => [this.currentAdapter(), this.organisationId] as const,
    load: ([adapter, organisationId], { signal }) => this.load(adapter, organisationId, signal),
    code: screenCode,
    createScreen: (module) => {
      adoptLaterStyles(this, module.portalSettingsScreenStyles);
      return new module.PortalSettingsScreen({
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

  protected override render() {
    return this.content.render();
  }
}
