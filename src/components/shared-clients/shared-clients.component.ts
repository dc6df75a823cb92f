import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { PartnerKitError, type ErrorCode } from '../../adapter/errors.js';
import type { CoSharedClient, PartnerKitAdapter, RealtorClientCount } from '../../adapter/types.js';
import { hasCapability } from '../../adapter/validate.js';
import { can as isAllowed } from '../../domain/permissions.js';
import { DataController } from '../../internal/data-controller.js';
import { announce } from '../../internal/live-region.js';
import { LocaleController } from '../../internal/locale-controller.js';
import { PartnerKitElement } from '../../internal/partner-kit-element.js';
import type { MessageKey } from '../../locales/index.js';
import { focusRing } from '../../styles/shared.js';
import { buttonStyles } from '../../styles/controls.js';
import { spinnerStyles } from '../../styles/spinner.js';
import { tokens } from '../../styles/tokens.js';
import { formatAddress, screenCoSharedClients } from './co-shared-screen.js';
import { sharedClientsStyles } from './shared-clients.styles.js';
import { sharedClientsEn } from '../../locales/shared-clients.en.js';
import { registerMessages } from '../../locales/index.js';

// This element's own strings: English now, Spanish when the page needs it.
registerMessages(sharedClientsEn, { es: () => import('../../locales/shared-clients.es.js').then((module) => module.sharedClientsEs) });

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

type Overview =
  | { kind: 'not-permitted' }
  | { kind: 'unavailable' }
  | {
      kind: 'ready';
      perspective: SharedClientsPerspective;
      /** Counts per realtor (mortgage agent only, when the adapter can count); null otherwise. */
      realtors: RealtorClientCount[] | null;
      /** Whether the adapter can list co-shared clients. */
      listsClients: boolean;
    };

type ReadyOverview = Extract<Overview, { kind: 'ready' }>;

interface ClientsView {
  clients: CoSharedClient[];
  withheld: number;
  realtorId: string | null;
}

type Scope = 'overview' | 'clients';

/** Clients rendered at first, and added by each "Show more". */
const PAGE_SIZE = 50;

const ERROR_MESSAGES: Readonly<Partial<Record<ErrorCode, MessageKey>>> = {
  network: 'shared-clients.error.network',
  timeout: 'shared-clients.error.timeout',
  unauthorized: 'shared-clients.error.unauthorized',
  forbidden: 'shared-clients.error.forbidden',
  not_found: 'shared-clients.error.not_found',
  rate_limited: 'shared-clients.error.rate_limited',
  contract: 'shared-clients.error.contract',
};

const warned = new Set<string>();

function warnOnce(key: string, message: string): void {
  if (warned.has(key) || warned.size >= 100) return;
  warned.add(key);
  console.warn(`[partner-kit] <shared-clients>: ${message}`);
}

/** The adapter, or the reason there is none, as a string: a stable task argument (a new error object each time would re-run the load forever). */
function usableAdapter(adapterOrReason: PartnerKitAdapter | string): PartnerKitAdapter {
  if (typeof adapterOrReason === 'string') throw new PartnerKitError('contract', adapterOrReason);
  return adapterOrReason;
}

const clientKey = (client: CoSharedClient): string => `${client.agentRecord.id}\n${client.realtorRecord.id}`;

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

  @state() private expanded: ReadonlySet<string> = new Set();
  @state() private shownLimit = PAGE_SIZE;

  private readonly locale = new LocaleController(this);

  private readonly overview = new DataController(this, {
    args: () => [this.adapterOrReason()] as const,
    load: ([adapter], { signal }) => this.loadOverview(usableAdapter(adapter), signal),
  });

  private readonly clients = new DataController(this, {
    args: () => [this.adapterOrReason(), this.readyOverview(), this.effectiveRealtorId()] as const,
    load: ([adapter, overview, realtorId], { signal }) => this.loadClients(adapter, overview, realtorId, signal),
  });

  /** The clients value the page size was last reset for. */
  private limitedValue: ClientsView | null | undefined;
  /** The clients value already reported (withheld warning, event, announcement). */
  private reportedValue: ClientsView | null | undefined;
  private reportedErrors = new WeakSet<PartnerKitError>();
  private announceNextClients = false;
  private warnedWithheld = false;
  private focusAfterLoad: Scope | null = null;

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

  private async loadClients(
    adapterOrReason: PartnerKitAdapter | string,
    overview: ReadyOverview | null,
    realtorId: string | null,
    signal: AbortSignal,
  ): Promise<ClientsView | null> {
    if (overview === null || !overview.listsClients) return null;
    // No partnered realtor: nobody to share a client with.
    if (overview.realtors !== null && overview.realtors.length === 0) return { clients: [], withheld: 0, realtorId: null };
    const items = (await usableAdapter(adapterOrReason).listCoSharedClients?.(realtorId, { signal })) ?? [];
    const { shown, withheld } = screenCoSharedClients(items);
    return { clients: shown, withheld, realtorId };
  }

  private readyOverview(): ReadyOverview | null {
    const value = this.overview.value;
    return !this.overview.pending && this.overview.error === undefined && value?.kind === 'ready' ? value : null;
  }

  /** The realtor filter as the adapter gets it: only for the mortgage agent, only a partnered realtor. */
  private effectiveRealtorId(): string | null {
    const overview = this.readyOverview();
    const wanted = this.realtorId;
    if (overview === null || overview.perspective !== 'mortgage-agent' || typeof wanted !== 'string' || wanted === '') {
      return null;
    }
    if (overview.realtors === null || overview.realtors.some(({ realtor }) => realtor.id === wanted)) return wanted;
    warnOnce(
      `realtor:${wanted}`,
      `realtor-id ${JSON.stringify(wanted.slice(0, 60))} is not one of the partnered realtors; showing every realtor's co-shared clients.`,
    );
    return null;
  }

  private get sectionLevel(): number {
    const level = Math.trunc(Number(this.headingLevel));
    return Number.isFinite(level) ? Math.min(5, Math.max(1, level)) : 2;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const value = this.clients.value;
    if (value !== this.limitedValue) {
      this.limitedValue = value;
      this.shownLimit = PAGE_SIZE;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.reportErrors();
    this.reportClients();
    this.restoreFocus();
  }

  private reportErrors(): void {
    for (const [scope, controller] of [
      ['overview', this.overview],
      ['clients', this.clients],
    ] as const) {
      const error = controller.error;
      if (error === undefined || this.reportedErrors.has(error)) continue;
      this.reportedErrors.add(error);
      announce(`${this.errorTitle(scope)}. ${this.errorMessage(error)}`, 'assertive');
      // The integrator needs the precise reason (which field of which response); the viewer does not.
      if (error.code === 'contract') console.warn(`[partner-kit] <shared-clients>: ${error.message}`);
    }
  }

  private reportClients(): void {
    if (this.clients.pending || this.clients.error !== undefined) return;
    const value = this.clients.value;
    if (value === this.reportedValue) return;
    this.reportedValue = value;
    if (value == null) return;
    if (value.withheld > 0) {
      this.warnWithheld(
        `listCoSharedClients returned ${value.withheld} item(s) that are not co-shared (email AND home address must match); ` +
          'they were not rendered. The adapter must only return co-shared clients.',
      );
      this.emit('pk-records-withheld', { withheld: value.withheld });
    }
    if (this.announceNextClients) {
      this.announceNextClients = false;
      announce(this.countText(value.clients.length, this.realtorName(value.realtorId)));
    }
  }

  /** Once per element: the integrator needs to know, the console need not fill up. */
  private warnWithheld(message: string): void {
    if (this.warnedWithheld) return;
    this.warnedWithheld = true;
    console.warn(`[partner-kit] <shared-clients>: ${message}`);
  }

  private restoreFocus(): void {
    const scope = this.focusAfterLoad;
    if (scope === null || this.overview.pending || (scope === 'clients' && this.clients.pending)) return;
    this.focusAfterLoad = null;
    const selector =
      scope === 'clients'
        ? '#clients-heading, [part="clients"] [part="retry-button"]'
        : '[part="heading"], [part="retry-button"]';
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  private retry(scope: Scope): void {
    this.focusAfterLoad = scope;
    this.announceNextClients = scope === 'clients';
    void (scope === 'overview' ? this.overview.run() : this.clients.run());
  }

  private onFilterChange(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.realtorId = value === '' ? null : value;
    this.announceNextClients = true;
    this.emit('pk-realtor-filter-change', { realtorId: this.realtorId });
  }

  private toggleActivity(key: string): void {
    const next = new Set(this.expanded);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    this.expanded = next;
  }

  private async showMore(): Promise<void> {
    const firstNew = this.shownLimit;
    this.shownLimit += PAGE_SIZE;
    await this.updateComplete;
    // The button may be gone (nothing left to show): focus the first client it revealed.
    this.renderRoot.querySelectorAll<HTMLElement>('[part="client"]')[firstNew]?.focus();
  }

  private realtorName(realtorId: string | null): string | undefined {
    if (realtorId === null) return undefined;
    return this.readyOverview()?.realtors?.find(({ realtor }) => realtor.id === realtorId)?.realtor.name;
  }

  private plural(
    base: 'shared-clients.count' | 'shared-clients.count-with' | 'shared-clients.withheld',
    count: number,
    params: Record<string, string | number> = {},
  ): string {
    const form = this.locale.pluralCategory(count) === 'one' ? 'one' : 'other';
    return this.locale.msg(`${base}.${form}`, { ...params, count });
  }

  private countText(count: number, realtorName: string | undefined): string {
    return realtorName === undefined
      ? this.plural('shared-clients.count', count)
      : this.plural('shared-clients.count-with', count, { realtor: realtorName });
  }

  private errorTitle(scope: Scope): string {
    return this.locale.msg(scope === 'overview' ? 'shared-clients.error.title' : 'shared-clients.error.list-title');
  }

  private errorMessage(error: PartnerKitError): string {
    return this.locale.msg(ERROR_MESSAGES[error.code] ?? 'shared-clients.error.other');
  }

  protected override render() {
    return html`<div part="base" class="base" lang=${this.locale.lang}>
      ${this.overview.render({
        initial: () => this.renderLoading(),
        pending: () => this.renderLoading(),
        complete: (overview) => this.renderOverview(overview),
        error: (error) => this.renderError('overview', error),
      })}
    </div>`;
  }

  private renderHeading(id: string, text: string, level: number, part = 'heading'): TemplateResult {
    return html`<div role="heading" aria-level=${String(level)} id=${id} part=${part} class="heading" tabindex="-1">${text}</div>`;
  }

  private renderLoading(): TemplateResult {
    return html`<p part="loading" class="loading" role="status">
      <span class="spinner" aria-hidden="true"></span>${this.locale.msg('shared-clients.loading')}
    </p>`;
  }

  private renderError(scope: Scope, error: PartnerKitError): TemplateResult {
    return html`<div part="error" class="error">
      <p part="error-title" class="error-title">${this.errorTitle(scope)}</p>
      <p part="error-message" class="error-message">${this.errorMessage(error)}</p>
      <button part="retry-button" class="button small focus-ring" type="button" @click=${() => this.retry(scope)}>
        ${this.locale.msg('shared-clients.retry')}
      </button>
    </div>`;
  }

  private renderEmpty(message: string): TemplateResult {
    return html`<div part="empty" class="empty">
      <p class="empty-message">${message}</p>
      <p part="rule" class="rule">${this.locale.msg('shared-clients.rule')}</p>
    </div>`;
  }

  private renderOverview(overview: Overview): TemplateResult {
    switch (overview.kind) {
      case 'not-permitted':
        return html`<div part="not-permitted" class="notice">
          <p class="notice-title">${this.locale.msg('shared-clients.not-permitted.title')}</p>
          <p>${this.locale.msg('shared-clients.not-permitted.body')}</p>
        </div>`;
      case 'unavailable':
        return html`<p part="unavailable" class="notice">${this.locale.msg('shared-clients.unavailable')}</p>`;
      case 'ready':
        return html`
          ${overview.realtors === null ? nothing : this.renderRealtors(overview.realtors)}
          ${overview.listsClients && (overview.realtors === null || overview.realtors.length > 0)
            ? this.renderClientsSection(overview)
            : nothing}
        `;
    }
  }

  private renderRealtors(realtors: readonly RealtorClientCount[]): TemplateResult {
    const total = realtors.reduce((sum, { clientCount }) => sum + clientCount, 0);
    return html`<section part="realtors" class="section" aria-labelledby="realtors-heading">
      ${this.renderHeading('realtors-heading', this.locale.msg('shared-clients.realtors.heading'), this.sectionLevel)}
      ${realtors.length === 0
        ? this.renderEmpty(this.locale.msg('shared-clients.empty.no-realtors'))
        : html`
            <p part="intro" class="intro">${this.locale.msg('shared-clients.realtors.intro')}</p>
            <table part="realtor-table" class="table" aria-labelledby="realtors-heading">
              <thead>
                <tr>
                  <th scope="col">${this.locale.msg('shared-clients.realtors.column.realtor')}</th>
                  <th scope="col" class="number">${this.locale.msg('shared-clients.realtors.column.clients')}</th>
                </tr>
              </thead>
              <tbody>
                ${realtors.map(
                  ({ realtor, clientCount }) => html`<tr part="realtor-row">
                    <th scope="row" part="realtor-name">${realtor.name}</th>
                    <td part="client-count" class="number">${this.locale.formatNumber(clientCount)}</td>
                  </tr>`,
                )}
              </tbody>
              <tfoot>
                <tr part="total-row">
                  <th scope="row">${this.locale.msg('shared-clients.realtors.total')}</th>
                  <td class="number">${this.locale.formatNumber(total)}</td>
                </tr>
              </tfoot>
            </table>
          `}
    </section>`;
  }

  private renderClientsSection(overview: ReadyOverview): TemplateResult {
    const realtors = overview.perspective === 'mortgage-agent' ? overview.realtors : null;
    return html`<section part="clients" class="section" aria-labelledby="clients-heading" aria-busy=${this.clients.pending ? 'true' : 'false'}>
      ${this.renderHeading('clients-heading', this.locale.msg('shared-clients.clients.heading'), this.sectionLevel)}
      <p part="intro" class="intro">
        ${this.locale.msg(
          overview.perspective === 'mortgage-agent'
            ? 'shared-clients.clients.intro.mortgage-agent'
            : 'shared-clients.clients.intro.realtor',
        )}
      </p>
      ${realtors !== null && realtors.length > 0 ? this.renderFilter(realtors) : nothing}
      ${this.clients.render({
        initial: () => this.renderLoading(),
        pending: (previous) =>
          previous == null
            ? this.renderLoading()
            : html`<p part="updating" class="loading" role="status">
                  <span class="spinner" aria-hidden="true"></span>${this.locale.msg('shared-clients.updating')}
                </p>
                ${this.renderClients(previous, overview.perspective)}`,
        complete: (view) => (view === null ? nothing : this.renderClients(view, overview.perspective)),
        error: (error) => this.renderError('clients', error),
      })}
    </section>`;
  }

  private renderFilter(realtors: readonly RealtorClientCount[]): TemplateResult {
    const selected = this.effectiveRealtorId() ?? '';
    return html`<div part="filter" class="filter">
      <label part="filter-label" for="realtor-filter">${this.locale.msg('shared-clients.filter.label')}</label>
      <select
        id="realtor-filter"
        part="filter-select"
        class="select focus-ring"
        .value=${live(selected)}
        @change=${this.onFilterChange}
      >
        <option value="" ?selected=${selected === ''}>${this.locale.msg('shared-clients.filter.all')}</option>
        ${realtors.map(
          ({ realtor }) => html`<option value=${realtor.id} ?selected=${selected === realtor.id}>${realtor.name}</option>`,
        )}
      </select>
    </div>`;
  }

  private renderClients(view: ClientsView, perspective: SharedClientsPerspective): TemplateResult {
    const { clients, withheld } = view;
    const realtorName = this.realtorName(view.realtorId);
    const visible = clients.slice(0, this.shownLimit);
    const remaining = clients.length - visible.length;
    return html`
      ${withheld > 0
        ? html`<p part="withheld-notice" class="notice" role="note">${this.plural('shared-clients.withheld', withheld)}</p>`
        : nothing}
      ${clients.length === 0
        ? this.renderEmpty(
            realtorName === undefined
              ? this.locale.msg('shared-clients.empty.no-clients')
              : this.locale.msg('shared-clients.empty.no-clients-with', { realtor: realtorName }),
          )
        : html`
            <p part="summary" class="summary">${this.countText(clients.length, realtorName)}</p>
            <ul part="client-list" class="client-list">
              ${repeat(visible, clientKey, (client, index) => this.renderClient(client, index, perspective))}
            </ul>
            ${remaining > 0
              ? html`<div part="more" class="more">
                  <span>${this.locale.msg('shared-clients.shown', { shown: visible.length, total: clients.length })}</span>
                  <button part="show-more" class="button small focus-ring" type="button" @click=${this.showMore}>
                    ${this.locale.msg('shared-clients.show-more', { count: Math.min(PAGE_SIZE, remaining) })}
                  </button>
                </div>`
              : nothing}
          `}
    `;
  }

  private renderClient(client: CoSharedClient, index: number, perspective: SharedClientsPerspective): TemplateResult {
    // The viewer's own record of the person.
    const own = perspective === 'mortgage-agent' ? client.agentRecord : client.realtorRecord;
    const key = clientKey(client);
    const expanded = this.expanded.has(key);
    const nameId = `client-${index}-name`;
    const activityId = `client-${index}-activity`;
    const address = formatAddress(own.address);
    const paused = client.subscription.mortgageAgentPaused;
    return html`<li part="client" class="client" tabindex="-1">
      ${this.renderHeading(nameId, own.name, this.sectionLevel + 1, 'client-name')}
      <dl part="client-details" class="details">
        <div class="detail">
          <dt>${this.locale.msg('shared-clients.client.email')}</dt>
          <dd>${own.email}</dd>
        </div>
        <div class="detail">
          <dt>${this.locale.msg('shared-clients.client.address')}</dt>
          <dd>${address === '' ? this.locale.msg('shared-clients.client.no-address') : address}</dd>
        </div>
        ${perspective === 'mortgage-agent'
          ? html`<div class="detail">
              <dt>${this.locale.msg('shared-clients.client.realtor')}</dt>
              <dd>${client.realtor.name}</dd>
            </div>`
          : html`<div class="detail">
              <dt>${this.locale.msg('shared-clients.client.mortgage-agent')}</dt>
              <dd>${client.mortgageAgent.name}</dd>
            </div>`}
        <div class="detail">
          <dt>${this.locale.msg('shared-clients.client.subscription')}</dt>
          <dd>
            <ul part="subscription" class="subscription">
              <li part="subscription-sent" class="line sent">
                <span class="icon" aria-hidden="true"></span>${this.locale.msg('shared-clients.subscription.sent', {
                  name: client.realtor.name,
                })}
              </li>
              <li part=${paused ? 'subscription-paused' : 'subscription-not-paused'} class="line ${paused ? 'paused' : 'not-paused'}">
                <span class="icon" aria-hidden="true"></span>${this.locale.msg(
                  paused ? 'shared-clients.subscription.paused' : 'shared-clients.subscription.not-paused',
                  { name: client.mortgageAgent.name },
                )}
              </li>
            </ul>
          </dd>
        </div>
      </dl>
      <button
        part="activity-toggle"
        class="toggle focus-ring"
        type="button"
        aria-expanded=${expanded ? 'true' : 'false'}
        aria-controls=${activityId}
        aria-describedby=${nameId}
        @click=${() => this.toggleActivity(key)}
      >
        <span class="chevron" aria-hidden="true"></span>${this.locale.msg('shared-clients.activity.toggle', {
          count: client.activity.length,
        })}
      </button>
      <div id=${activityId} part="activity" class="activity" ?hidden=${!expanded}>
        ${expanded ? this.renderActivity(client, own.name) : nothing}
      </div>
    </li>`;
  }

  private renderActivity(client: CoSharedClient, name: string): TemplateResult {
    if (client.activity.length === 0) {
      return html`<p part="activity-empty" class="activity-empty">${this.locale.msg('shared-clients.activity.empty')}</p>`;
    }
    return html`<ol part="activity-list" class="activity-list" aria-label=${this.locale.msg('shared-clients.activity.list', { name })}>
      ${client.activity.map(
        (entry) => html`<li part="activity-item" class="activity-item">
          <time part="activity-date" datetime=${entry.at}>
            ${this.locale.formatDate(entry.at, { dateStyle: 'medium', timeStyle: 'short' })}
          </time>
          <span part="activity-kind" class="activity-kind">${this.locale.msg(`shared-clients.activity.kind.${entry.kind}`)}</span>
          <span part="activity-description">${entry.description}</span>
        </li>`,
      )}
    </ol>`;
  }
}
