/**
 * The screen of `<shared-clients>`: the partnered realtors with their counts,
 * the realtor filter and the co-shared clients with their activity, loaded
 * with the list's own data controller. It loads on first use, together with
 * the overview (see shared-clients.component.ts).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import type { CoSharedClient, PartnerKitAdapter, RealtorClientCount } from '../../adapter/types.js';
import { DataController } from '../../internal/data-controller.js';
import { announce } from '../../internal/live-region.js';
import type { LocaleController } from '../../internal/locale-controller.js';
import { registerMessages } from '../../locales/index.js';
import { sharedClientsScreenEn } from '../../locales/shared-clients.screen.en.js';
import { formatAddress, screenCoSharedClients } from './co-shared-screen.js';
import { usableAdapter, type SharedClientsStates } from './shared-clients-states.js';
import type { SharedClients, SharedClientsPerspective } from './shared-clients.component.js';

export { sharedClientsScreenStyles } from './shared-clients-screen.styles.js';

// The screen's strings (their Spanish is registered with the states, shared-clients-states.ts).
registerMessages(sharedClientsScreenEn);

export type Overview =
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

const warned = new Set<string>();

function warnOnce(key: string, message: string): void {
  if (warned.has(key) || warned.size >= 100) return;
  warned.add(key);
  console.warn(`[partner-kit] <shared-clients>: ${message}`);
}

const clientKey = (client: CoSharedClient): string => `${client.agentRecord.id}\n${client.realtorRecord.id}`;

/** Clients rendered at first, and added by each "Show more". */
const PAGE_SIZE = 50;

/** What the screen gets from its element. */
export interface SharedClientsScreenHost {
  /** The element: its properties and render root; the screen adds its controllers to it. */
  readonly element: SharedClients;
  readonly locale: LocaleController;
  readonly states: SharedClientsStates;
  /** The session and the realtors' counts (the element loads them, with this screen). */
  readonly overview: DataController<readonly unknown[], Overview>;
  /** The adapter, or why there is none (a stable value for the list's load). */
  adapterOrReason(): PartnerKitAdapter | string;
}

export class SharedClientsScreen {
  private expanded: ReadonlySet<string> = new Set();
  private shownLimit = PAGE_SIZE;
  private readonly locale: LocaleController;
  private readonly clients: DataController<readonly unknown[], ClientsView | null>;
  /** The clients value the page size was last reset for. */
  private limitedValue: ClientsView | null | undefined;
  /** The clients value already reported (withheld warning, event, announcement). */
  private reportedValue: ClientsView | null | undefined;
  private announceNextClients = false;
  private warnedWithheld = false;

  constructor(private readonly host: SharedClientsScreenHost) {
    this.locale = host.locale;
    this.clients = new DataController(host.element, {
      args: () => [host.adapterOrReason(), this.readyOverview(), this.effectiveRealtorId()] as const,
      load: ([adapter, overview, realtorId], { signal }) => this.loadClients(adapter, overview, realtorId, signal),
    });
  }

  /** The element's `willUpdate`: a new list starts at its first page. */
  willUpdate(): void {
    const value = this.clients.value;
    if (value !== this.limitedValue) {
      this.limitedValue = value;
      this.shownLimit = PAGE_SIZE;
    }
  }

  /** The element's `updated`: what the list's load tells the viewer and the host. */
  updated(): void {
    this.host.states.report('clients', this.clients.error);
    this.reportClients();
  }

  private retry(): void {
    this.host.states.focusWhenSettled(
      '#clients-heading, [part="clients"] [part="retry-button"]',
      () => !this.host.overview.pending && !this.clients.pending,
    );
    this.announceNextClients = true;
    void this.clients.run();
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
    const value = this.host.overview.value;
    return !this.host.overview.pending && this.host.overview.error === undefined && value?.kind === 'ready' ? value : null;
  }

  /** The realtor filter as the adapter gets it: only for the mortgage agent, only a partnered realtor. */
  private effectiveRealtorId(): string | null {
    const overview = this.readyOverview();
    const wanted = this.host.element.realtorId;
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
    const level = Math.trunc(Number(this.host.element.headingLevel));
    return Number.isFinite(level) ? Math.min(5, Math.max(1, level)) : 2;
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
      this.host.element.emit('pk-records-withheld', { withheld: value.withheld });
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

  private onFilterChange(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.host.element.realtorId = value === '' ? null : value;
    this.announceNextClients = true;
    this.host.element.emit('pk-realtor-filter-change', { realtorId: this.host.element.realtorId });
  }

  private toggleActivity(key: string): void {
    const next = new Set(this.expanded);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    this.expanded = next;
    this.host.element.requestUpdate();
  }

  private async showMore(): Promise<void> {
    const firstNew = this.shownLimit;
    this.shownLimit += PAGE_SIZE;
    this.host.element.requestUpdate();
    await this.host.element.updateComplete;
    // The button may be gone (nothing left to show): focus the first client it revealed.
    this.host.element.renderRoot.querySelectorAll<HTMLElement>('[part="client"]')[firstNew]?.focus();
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

  private renderHeading(id: string, text: string, level: number, part = 'heading'): TemplateResult {
    return html`<div role="heading" aria-level=${String(level)} id=${id} part=${part} class="heading" tabindex="-1">${text}</div>`;
  }

  private renderEmpty(message: string): TemplateResult {
    return html`<div part="empty" class="empty">
      <p class="empty-message">${message}</p>
      <p part="rule" class="rule">${this.locale.msg('shared-clients.rule')}</p>
    </div>`;
  }

  /** What loaded: the notices, or the realtors and the co-shared clients. */
  render(overview: Overview): TemplateResult {
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
        initial: () => this.host.states.loading(),
        pending: (previous) =>
          previous == null
            ? this.host.states.loading()
            : html`<p part="updating" class="loading" role="status">
                  <span class="spinner" aria-hidden="true"></span>${this.locale.msg('shared-clients.updating')}
                </p>
                ${this.renderClients(previous, overview.perspective)}`,
        complete: (view) => (view === null ? nothing : this.renderClients(view, overview.perspective)),
        error: (error) => this.host.states.error('clients', error, () => this.retry()),
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
        @change=${(event: Event) => this.onFilterChange(event)}
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
                  <button part="show-more" class="button small focus-ring" type="button" @click=${() => void this.showMore()}>
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
