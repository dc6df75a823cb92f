import { html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { PartnerKitError } from '../../adapter/errors.js';
import type { PartnerKitAdapter } from '../../adapter/types.js';
import { hasCapability } from '../../adapter/validate.js';
import { can as isAllowed } from '../../domain/permissions.js';
import { DataController } from '../../internal/data-controller.js';
import { adoptLaterStyles } from '../../internal/later-styles.js';
import { lazyModule, withModule } from '../../internal/lazy-module.js';
import { LocaleController } from '../../internal/locale-controller.js';
import { PartnerKitElement } from '../../internal/partner-kit-element.js';
import { focusRing } from '../../styles/shared.js';
import { buttonStyles } from '../../styles/controls.js';
import { spinnerStyles } from '../../styles/spinner.js';
import { tokens } from '../../styles/tokens.js';
import { SharedClientsStates, usableAdapter } from './shared-clients-states.js';
import { sharedClientsStyles } from './shared-clients.styles.js';
// Types only: the screen loads on first use, together with the overview.
import type * as ScreenModule from './shared-clients-screen.js';
import type { Overview, SharedClientsScreen } from './shared-clients-screen.js';

/** The realtors, the filter and the co-shared clients: everything past loading (about three quarters of the element). */
const screenCode = lazyModule<typeof ScreenModule>(() => import('./shared-clients-screen.js'));

export interface RealtorFilterChangeDetail {
  /** The realtor whose co-shared clients are shown; null: every realtor. */
  realtorId: string | null;
}

export interface RecordsWithheldDetail {
  /** How many items of the adapter's answer were dropped because they are not co-shared. */
  withheld: number;
}

declare module '../../internal/events.js' {
  interface PartnerKitEventMap {
    'pk-realtor-filter-change': CustomEvent<RealtorFilterChangeDetail>;
    'pk-records-withheld': CustomEvent<RecordsWithheldDetail>;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'pk-realtor-filter-change': CustomEvent<RealtorFilterChangeDetail>;
    'pk-records-withheld': CustomEvent<RecordsWithheldDetail>;
  }
}

/** Whose side the viewer is on: a `lender` is the sponsoring mortgage agent, an `agent` a realtor. */
export type SharedClientsPerspective = 'mortgage-agent' | 'realtor';

/**
 * @summary Clients co-shared between a sponsoring mortgage agent and the
 * realtors they partner with (seed 002), with their activity and who sends
 * their subscription.
 *
 * The viewer's role (from the adapter's session) decides what is shown:
 * - `lender` (the sponsoring mortgage agent): each partnered realtor with only
 *   the number of their clients, and the co-shared clients, filterable by realtor;
 * - `agent` (a realtor): the clients co-shared with their mortgage agent;
 * - any other role: a "not available to you" notice, and nothing is loaded
 *   but the session.
 *
 * A client is co-shared when the email address AND the home address are the
 * same in both accounts (`isCoShared` in `domain/co-shared.ts`). The element
 * checks every item the adapter returns with that rule again and drops any
 * that fails, whole: only the number of dropped records is shown (and a
 * console warning tells the integrator once). The subscription of a
 * co-shared client is sent from the realtor; the mortgage agent's is paused.
 *
 * Uses `getSession`, `listRealtorClientCounts` and `listCoSharedClients`;
 * what the adapter lacks is left out.
 *
 * @tag shared-clients
 *
 * @fires {CustomEvent<RealtorFilterChangeDetail>} pk-realtor-filter-change - The viewer chose a realtor (or all realtors) in the filter. Detail: `{ realtorId: string | null }`.
 * @fires {CustomEvent<RecordsWithheldDetail>} pk-records-withheld - The adapter returned items that are not co-shared; they were dropped. Detail: `{ withheld: number }`.
 *
 * @csspart base - The whole element.
 * @csspart loading - The loading indicator (whole element, or the co-shared list).
 * @csspart updating - "Updating…" while a new realtor's clients load over the previous list.
 * @csspart error - An error block (whole element, or the co-shared list).
 * @csspart error-title - The error's title.
 * @csspart error-message - What failed, in words.
 * @csspart retry-button - "Try again".
 * @csspart not-permitted - The notice for roles that cannot see shared clients.
 * @csspart unavailable - The notice when the adapter provides no shared clients.
 * @csspart heading - A section heading.
 * @csspart intro - A section's introduction.
 * @csspart realtors - The partnered realtors section.
 * @csspart realtor-table - The table of realtors and their client counts.
 * @csspart realtor-row - One realtor's row.
 * @csspart realtor-name - A realtor's name (row header).
 * @csspart client-count - A realtor's number of clients.
 * @csspart total-row - The total of the client counts.
 * @csspart clients - The co-shared clients section.
 * @csspart filter - The realtor filter (label and select).
 * @csspart filter-label - The filter's label.
 * @csspart filter-select - The filter's native select.
 * @csspart empty - An empty state (no realtors, no co-shared clients).
 * @csspart rule - The explanation of the matching rule in an empty state.
 * @csspart withheld-notice - "n records withheld: they are not co-shared".
 * @csspart summary - The number of co-shared clients shown.
 * @csspart client-list - The list of co-shared clients.
 * @csspart client - One co-shared client.
 * @csspart client-name - A client's name (a heading).
 * @csspart client-details - A client's email, home address, partner and subscription.
 * @csspart subscription - The subscription lines of a client.
 * @csspart subscription-sent - "Sent from the realtor, …".
 * @csspart subscription-paused - "Paused from the mortgage agent, …".
 * @csspart subscription-not-paused - The mortgage agent's subscription is not paused (the adapter says so): a warning.
 * @csspart activity-toggle - The disclosure button of a client's activity.
 * @csspart activity - The disclosed activity region.
 * @csspart activity-list - The list of activity entries.
 * @csspart activity-item - One activity entry.
 * @csspart activity-date - An entry's date.
 * @csspart activity-kind - An entry's kind (mortgage question, pre-approval…).
 * @csspart activity-description - An entry's description.
 * @csspart activity-empty - "No activity yet."
 * @csspart more - The "Showing n of m" line and its button.
 * @csspart show-more - The "Show n more" button.
 *
 * @cssproperty --pk-font-family - Font. Default `inherit` (the page's font).
 * @cssproperty --pk-font-size-small - Secondary text (labels, activity, notices).
 * @cssproperty --pk-color-surface - Background of client cards and controls.
 * @cssproperty --pk-color-text - Text on client cards and controls.
 * @cssproperty --pk-color-text-muted - Labels on client cards; control borders.
 * @cssproperty --pk-color-border - Card and table borders.
 * @cssproperty --pk-color-border-strong - Edges of buttons (3:1 against the surface).
 * @cssproperty --pk-color-accent - Buttons and the activity toggle.
 * @cssproperty --pk-color-focus-ring - Keyboard focus outline.
 * @cssproperty --pk-tone-success-fg - "Sent from the realtor" marker.
 * @cssproperty --pk-tone-warning-fg - "Not paused" warning.
 * @cssproperty --pk-tone-danger-bg - Error block background.
 * @cssproperty --pk-tone-danger-fg - Error block text and border.
 * @cssproperty --pk-tone-neutral-bg - Notices' background (withheld, not permitted, unavailable).
 * @cssproperty --pk-tone-neutral-fg - Notices' text.
 * @cssproperty --pk-radius - Corner radius of cards, notices and controls.
 * @cssproperty --pk-space-1 - Small gaps.
 * @cssproperty --pk-space-2 - Cell padding, gaps.
 * @cssproperty --pk-space-3 - Card padding, gaps between cards.
 * @cssproperty --pk-space-4 - Gaps between sections.
 *
 * Text on the page's background inherits the page's colour; light and dark
 * colours follow the page's `color-scheme` (see `styles/tokens.ts`).
 *
 * @example
 * ```html
 * <partner-kit-provider .adapter=${adapter}>
 *   <shared-clients heading-level="3"></shared-clients>
 * </partner-kit-provider>
 * ```
 */
export class SharedClients extends PartnerKitElement {
  static override styles = [tokens, focusRing, buttonStyles, spinnerStyles, sharedClientsStyles];

  /**
   * Mortgage agent only: show the co-shared clients of this realtor (an id
   * from `listRealtorClientCounts`); null or empty shows every realtor's. Set
   * by the filter; a host may set it too. An id that is not one of the
   * partnered realtors is ignored, with a console warning.
   */
  @property({ attribute: 'realtor-id' }) realtorId: string | null = null;

  /** The level of the section headings (1–5, default 2); client names are one level below. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  private readonly locale = new LocaleController(this);

  private readonly states = new SharedClientsStates(this, this.locale);

  private readonly overview: DataController<readonly [PartnerKitAdapter | string], Overview> = new DataController(this, {
    args: () => [this.adapterOrReason()] as const,
    load: async ([adapter], { signal }) => {
      const [module, overview] = await withModule(
        screenCode,
        this.loadOverview(usableAdapter(adapter), signal),
        'The shared clients screen',
      );
      this.screen ??= this.attachScreen(module);
      return overview;
    },
  });

  /** The screen, once its code is in (it is, whenever the overview has loaded). */
  private screen: SharedClientsScreen | undefined;

  private adapterOrReason(): PartnerKitAdapter | string {
    const adapter = this.adapterOrError();
    return adapter instanceof PartnerKitError ? adapter.message : adapter;
  }

  private async loadOverview(adapter: PartnerKitAdapter, signal: AbortSignal): Promise<Overview> {
    const session = await adapter.getSession({ signal });
    if (!isAllowed('view-shared-clients', { role: session.role, org: session.switches })) return { kind: 'not-permitted' };
    const perspective: SharedClientsPerspective = session.role === 'lender' ? 'mortgage-agent' : 'realtor';
    const listsClients = hasCapability(adapter, 'listCoSharedClients');
    const countsRealtors = perspective === 'mortgage-agent' && hasCapability(adapter, 'listRealtorClientCounts');
    if (!listsClients && !countsRealtors) return { kind: 'unavailable' };
    const realtors = countsRealtors ? ((await adapter.listRealtorClientCounts?.({ signal })) ?? []) : null;
    return { kind: 'ready', perspective, realtors, listsClients };
  }

  private attachScreen(module: typeof ScreenModule): SharedClientsScreen {
    adoptLaterStyles(this, module.sharedClientsScreenStyles);
    return new module.SharedClientsScreen({
      element: this,
      locale: this.locale,
      states: this.states,
      overview: this.overview,
      adapterOrReason: () => this.adapterOrReason(),
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.screen?.willUpdate();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.states.report('overview', this.overview.error);
    this.screen?.updated();
  }

  private retry(): void {
    this.states.focusWhenSettled('[part="heading"], [part="retry-button"]', () => !this.overview.pending);
    void this.overview.run();
  }

  protected override render() {
    return html`<div part="base" class="base" lang=${this.locale.lang}>
      ${this.overview.render({
        initial: () => this.states.loading(),
        pending: () => this.states.loading(),
        complete: (overview) => (this.screen as SharedClientsScreen).render(overview),
        error: (error) => this.states.error('overview', error, () => this.retry()),
      })}
    </div>`;
  }
}
