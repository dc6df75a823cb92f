import { CSSResult, html, nothing, type PropertyValues, type ReactiveElement, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import { isAbortError, PartnerKitError, toPartnerKitError } from '../../adapter/errors.js';
import { newIdempotencyKey } from '../../adapter/idempotency.js';
import type {
  AdapterChange,
  Partner,
  PartnerKitAdapter,
  PartnerDetail,
  PartnerPage,
  PartnerQuery,
  PartnerSortField,
  Session,
  SortDirection,
  StatusCounts,
} from '../../adapter/types.js';
import { computeCompletion, REMINDER_FIELDS, type PartnerProfile } from '../../domain/completion.js';
import type * as MailtoRules from '../../domain/mailto.js';
import { can as permits, type Action, type PermissionContext } from '../../domain/permissions.js';
import { reminderState, REMINDER_DAYS, type ReminderState } from '../../domain/reminders.js';
import { INVITE_STATUSES, type InviteStatus } from '../../domain/status.js';
import { cssProperty } from '../../internal/css-property.js';
import { DataController } from '../../internal/data-controller.js';
import { announce } from '../../internal/live-region.js';
import { lazyModule } from '../../internal/lazy-module.js';
import { isStaleClose } from '../../internal/dialog-close.js';
import { adoptLaterStyles } from '../../internal/later-styles.js';
import { LocaleController } from '../../internal/locale-controller.js';
import { MenuController } from '../../internal/menu-controller.js';
import { PartnerKitElement } from '../../internal/partner-kit-element.js';
import { formatDate, formatList, formatNumber, formatPercent, getLocale, pluralCategory } from '../../locales/index.js';
import { dialogStyles, focusRing, popupStyles, visuallyHidden } from '../../styles/shared.js';
import { menuStyles } from '../../styles/menu.js';
import { buttonStyles } from '../../styles/controls.js';
import { fieldStyles } from '../../styles/fields.js';
import { spinnerStyles } from '../../styles/spinner.js';
import { tokens } from '../../styles/tokens.js';
import { displayName } from './display-name.js';
import { partnerTableStyles } from './partner-table.styles.js';
import type * as PartnerDetailView from './partner-detail.js';
import type * as ProfileEditor from './profile-editor.js';
import type { EditDialog, ProfileEditorHost } from './profile-editor.js';
import { VirtualWindowController } from './virtual-window.js';
// Types only: the wizard itself is loaded on the first invite (see loadWizard).
import type {} from '../invite-wizard/invite-wizard.js';
import { partnerTableListEn } from '../../locales/partner-table.en.js';
import { registerMessages } from '../../locales/index.js';

// This element's own strings: English now, Spanish when the page needs it.
registerMessages(partnerTableListEn, { es: () => import('../../locales/partner-table.es.js').then((module) => module.partnerTableEs) });

export interface PartnerSort {
  field: PartnerSortField;
  direction: SortDirection;
}

/** `pk-partner-open`, `pk-before-delete`. */
export interface PartnerEventDetail {
  partner: Partner;
}

/** `pk-partner-updated`: the profile was saved (`edit`) or the invitation re-sent (`resend`). */
export interface PartnerUpdatedDetail {
  partner: Partner;
  reason: 'edit' | 'resend';
}

/** `pk-partner-deleted`. */
export interface PartnerDeletedDetail {
  partner: Partner;
}

/** `pk-invite-request`: where the person asked to invite. */
export interface InviteRequestDetail {
  source: 'toolbar' | 'empty-state';
}

declare module '../../internal/events.js' {
  interface PartnerKitEventMap {
    'pk-partner-open': CustomEvent<PartnerEventDetail>;
    'pk-invite-request': CustomEvent<InviteRequestDetail>;
    'pk-before-delete': CustomEvent<PartnerEventDetail>;
    'pk-partner-deleted': CustomEvent<PartnerDeletedDetail>;
    'pk-partner-updated': CustomEvent<PartnerUpdatedDetail>;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'pk-partner-open': CustomEvent<PartnerEventDetail>;
    'pk-invite-request': CustomEvent<InviteRequestDetail>;
    'pk-before-delete': CustomEvent<PartnerEventDetail>;
    'pk-partner-deleted': CustomEvent<PartnerDeletedDetail>;
    'pk-partner-updated': CustomEvent<PartnerUpdatedDetail>;
  }
}

interface PartnerList {
  /** Which load produced it: a page for an older query is never appended. */
  generation: number;
  rows: Partner[];
  total: number | undefined;
  nextCursor: string | null;
  counts: StatusCounts | undefined;
}

type ColumnId = 'name' | 'email' | 'status' | 'completion' | 'allowsUpdates' | 'invitedAt' | 'updatedAt' | 'reminders' | 'actions';

const COLUMNS: readonly { id: ColumnId; sort?: PartnerSortField }[] = [
  { id: 'name', sort: 'name' },
  { id: 'email', sort: 'email' },
  { id: 'status', sort: 'status' },
  { id: 'completion', sort: 'completion' },
  { id: 'allowsUpdates' },
  { id: 'invitedAt', sort: 'invitedAt' },
  { id: 'updatedAt', sort: 'updatedAt' },
  { id: 'reminders' },
  { id: 'actions' },
];

/** The row actions, in the order of the product's "Actions" menu (seeds 000, 001). */
const ROW_ACTIONS = ['edit', 'delete', 'copy-link', 'private-email', 'send-email'] as const satisfies readonly Action[];
type RowAction = (typeof ROW_ACTIONS)[number];

/**
 * Start loading the next page when the rendered rows come this close to the last loaded one
 * (at most half a page, so that the first page alone fills the first window without a second request).
 */
const PREFETCH_ROWS = 40;
/**
 * A page a little larger than a tall window (rows in view plus overscan): the first render
 * validates and keeps only about what it shows, and scrolling fetches the rest.
 */
const DEFAULT_PAGE_SIZE = 50;
/**
 * The loading skeleton appears only when the rows take longer than this: an adapter that answers
 * at once (a cache, a local store) goes straight to the rows, without a skeleton flashing for a
 * frame (nor the work of drawing it, and the toolbar twice, in front of the rows).
 */
const SKELETON_DELAY_MS = 200;
const SHORT_DATE: Intl.DateTimeFormatOptions = Object.freeze({ dateStyle: 'short' });
const FULL_DATE: Intl.DateTimeFormatOptions = Object.freeze({ dateStyle: 'long' });
const MAX_PAGE_SIZE = 1000;

/**
 * Work of the first render that does not depend on the data, done once the browser is idle after
 * this module loads (while the host is still starting up or fetching) rather than in front of
 * the rows:
 * - a page's first `Intl.DateTimeFormat` loads the engine's date data (~20 ms), and every row
 *   shows dates (and a profile-progress, which formats a percentage and a list): the formatters
 *   its rows use, for the page locale;
 * - the constructable style sheets of the table and of the elements in its rows (Lit parses each
 *   when the first element of its kind connects).
 */
function prepareFirstRender(): void {
  const lang = getLocale();
  formatDate(0, SHORT_DATE, lang);
  formatDate(0, FULL_DATE, lang);
  formatNumber(0, undefined, lang);
  formatPercent(0, undefined, lang);
  formatList([], undefined, lang);
  pluralCategory(0, lang);
  for (const tag of ['partner-table', 'status-badge', 'profile-progress']) {
    const element = customElements.get(tag) as typeof ReactiveElement | undefined;
    for (const style of element?.elementStyles ?? []) {
      if (style instanceof CSSResult) void style.styleSheet;
    }
  }
}
if (typeof requestIdleCallback === 'function') requestIdleCallback(prepareFirstRender, { timeout: 1000 });
else setTimeout(prepareFirstRender, 0);

type FocusTarget = { partnerId: string; control: 'name' | 'actions' } | 'invite' | 'search';

/**
 * Views most visits never open load on first use (and the editor also when a row menu offers
 * "Edit"), so the first render does not pay for them: the profile editor and the detail drawer's
 * content. One promise per page; a failed load is tried again next time.
 */
const profileEditor = lazyModule<typeof ProfileEditor>(() => import('./profile-editor.js'));
const partnerDetail = lazyModule<typeof PartnerDetailView>(() => import('./partner-detail.js'));
const mailtoRules = lazyModule<typeof MailtoRules>(() => import('../../domain/mailto.js'));

type DialogState =
  | { kind: 'delete'; partner: Partner; returnTo: FocusTarget }
  | EditDialog<FocusTarget>
  | { kind: 'copy'; partner: Partner; url: string; returnTo: FocusTarget }
  | { kind: 'detail'; partner: Partner; returnTo: FocusTarget }
  | { kind: 'invite'; returnTo: FocusTarget };

interface Notice {
  tone: 'success' | 'error';
  text: string;
}

type PermissionBase = Omit<PermissionContext, 'partner'>;

/** What every row of one render shares. */
interface RowContext {
  base: PermissionBase;
  canView: boolean;
  /** The moment reminder states are computed for. */
  now: Date;
  allowsYes: string;
  allowsNo: string;
  actionsButton: string;
}

function adjustCount(counts: StatusCounts | undefined, status: InviteStatus, delta: number): StatusCounts | undefined {
  if (!counts) return counts;
  return { ...counts, [status]: Math.max(0, (counts[status] ?? 0) + delta) };
}

function withoutDuplicates(rows: readonly Partner[], seen: Set<string>): Partner[] {
  const kept: Partner[] = [];
  for (const row of rows) {
    if (seen.has(row.id)) continue;
    seen.add(row.id);
    kept.push(row);
  }
  return kept;
}

/**
 * @summary The co-marketing partners page (seeds 000 and 001): every partner
 * with status, profile completion and reminders; search, status filter and
 * sort through the adapter; each row's "Actions" (edit, delete, copy the
 * invitation link, send a private email, re-send the invitation) where the
 * role, the organisation's switches, the partner and the adapter allow it;
 * the partner detail drawer; live updates.
 *
 * **Rows.** A native `<table>` with windowing: only the rows in view plus a
 * small overscan are in the DOM (rows have a fixed height,
 * `--pk-partner-table-row-height`, measured once), so 10,000 loaded rows
 * scroll like 50. `aria-rowcount` and `aria-rowindex` give screen readers the
 * full size.
 *
 * **Loading.** The first time, the element appears once the session and
 * the first page are in, toolbar and rows together; when that takes more
 * than 200 ms, the toolbar and a loading skeleton show in the meantime.
 * A later query keeps the toolbar; its skeleton (when no rows are left to
 * show) also waits 200 ms.
 *
 * **Paging.** The first page (`page-size` rows, default 50, at most 1,000)
 * is loaded with the query; further pages are loaded by cursor as the person
 * scrolls near the end of what is loaded (never all at once), so the first
 * render costs the same with 100,000 partners as with 1,000. A new search,
 * filter or sort starts again from the first page.
 *
 * @tag partner-table
 *
 * @csspart base - Everything but the popups and dialogs.
 * @csspart toolbar - Search, status filter, count and the invite button.
 * @csspart search - The search field.
 * @csspart status-filter - The status filter.
 * @csspart summary - How many partners there are (and how many are loaded).
 * @csspart invite-button - "Invite New Connections" (toolbar and empty state).
 * @csspart notice - The outcome of the last row action (success or failure), with a dismiss button.
 * @csspart scroller - The scrolling box around the table.
 * @csspart table - The `<table>`.
 * @csspart header-cell - A column header.
 * @csspart sort-button - The button of a sortable column header.
 * @csspart row - A partner's row.
 * @csspart cell - A cell of a row.
 * @csspart name-button - The partner's name, which opens the detail drawer.
 * @csspart actions-button - A row's "Actions" menu button.
 * @csspart menu - The row actions menu.
 * @csspart menu-item - An item of the row actions menu.
 * @csspart more - The "loading more" / "could not load more" line below the rows.
 * @csspart loading - The loading state (skeleton), once loading has taken 200 ms (see Loading).
 * @csspart empty - The state without any partner.
 * @csspart no-results - The state when search or filter match nothing.
 * @csspart error - The error state, with its retry button.
 * @csspart dialog - Every dialog (delete confirmation, profile editor, copy link, detail drawer, invite).
 * @csspart delete-dialog - The delete confirmation.
 * @csspart edit-dialog - The profile editor.
 * @csspart copy-dialog - The copy-the-link fallback.
 * @csspart copy-field - The read-only field holding the invitation link.
 * @csspart detail-dialog - The partner detail drawer.
 * @csspart invite-dialog - The dialog around `<invite-wizard>`.
 * @csspart detail-section - A section of the detail drawer.
 * @csspart detail-photo - The partner's photo in the drawer.
 * @csspart detail-logo - The company logo in the drawer.
 * @csspart detail-history - The status history list.
 *
 * @cssproperty --pk-partner-table-max-height - Height of the scrolling table. Default `36rem`.
 * @cssproperty --pk-partner-table-row-height - Height of every row. Default `3.5rem`.
 * @cssproperty --pk-font-family - Font. Default `inherit` (the page's font).
 * @cssproperty --pk-font-size-small - Secondary text, headers, badges.
 * @cssproperty --pk-color-surface - Table, menu and dialog background.
 * @cssproperty --pk-color-text - Text on those surfaces.
 * @cssproperty --pk-color-text-muted - Secondary text.
 * @cssproperty --pk-color-border - Borders and row separators.
 * @cssproperty --pk-color-border-strong - Edges of buttons (3:1 against the surface).
 * @cssproperty --pk-color-accent - Links, primary buttons, the active sort.
 * @cssproperty --pk-color-focus-ring - Keyboard focus outline.
 * @cssproperty --pk-tone-danger-bg - Error notices.
 * @cssproperty --pk-tone-danger-fg - Error text and the delete button.
 * @cssproperty --pk-tone-success-bg - Success notices.
 * @cssproperty --pk-tone-success-fg - Success notice text.
 * @cssproperty --pk-radius - Corners of fields, buttons, menu and dialogs.
 * @cssproperty --pk-shadow-popup - Menu and dialog shadow.
 * @cssproperty --pk-space-1 - Small gaps.
 * @cssproperty --pk-space-2 - Gaps between controls.
 * @cssproperty --pk-space-3 - Cell and dialog padding.
 * @cssproperty --pk-space-4 - Section spacing.
 *
 * @fires {CustomEvent<PartnerEventDetail>} pk-partner-open - A name was activated. Cancelable: `preventDefault()` keeps the drawer closed (open your own route instead).
 * @fires {CustomEvent<InviteRequestDetail>} pk-invite-request - "Invite New Connections" was activated. Cancelable: `preventDefault()` keeps the built-in `<invite-wizard>` dialog closed.
 * @fires {CustomEvent<PartnerEventDetail>} pk-before-delete - A deletion was confirmed. Cancelable: `preventDefault()` keeps the partner.
 * @fires {CustomEvent<PartnerDeletedDetail>} pk-partner-deleted - The adapter deleted a partner.
 * @fires {CustomEvent<PartnerUpdatedDetail>} pk-partner-updated - A profile was saved or an invitation re-sent.
 *
 * @example
 * ```html
 * <partner-kit-provider .adapter=${adapter}>
 *   <partner-table></partner-table>
 * </partner-kit-provider>
 * ```
 */
export class PartnerTable extends PartnerKitElement {
  static override styles = [tokens, focusRing, popupStyles, menuStyles, visuallyHidden, dialogStyles, buttonStyles, fieldStyles, spinnerStyles, partnerTableStyles];

  /** The search applied (name or email). Typing updates it after `search-delay`; Enter at once. */
  @property() search = '';

  /** Only partners with these statuses (empty: all). The filter control sets one status. */
  @property({ attribute: false }) statuses: readonly InviteStatus[] = [];

  /** The order of the rows. */
  @property({ attribute: false }) sort: PartnerSort = { field: 'name', direction: 'asc' };

  /** Rows per page asked of the adapter (1–1,000; adapters may cap it). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = DEFAULT_PAGE_SIZE;

  /** Milliseconds of typing pause before the search is sent. */
  @property({ type: Number, attribute: 'search-delay' }) searchDelay = 300;

  /** The moment reminder states are computed for. Default: now. */
  @property({ attribute: false }) now: Date | undefined;

  @state() private dialog: DialogState | null = null;
  @state() private notice: Notice | null = null;
  @state() private moreCursor: string | null = null;
  @state() private listRevision = 0;
  @state() private sessionRevision = 0;
  @state() private linkPartnerId: string | null = null;
  @state() private linkRevision = 0;
  @state() private wizard: 'idle' | 'loading' | 'failed' = 'idle';
  @state() private detailView: 'idle' | 'loading' | 'failed' = 'idle';
  /** Loading has lasted SKELETON_DELAY_MS: the skeleton shows. */
  @state() private skeletonDue = false;

  private readonly locale = new LocaleController(this);

  /** What the lazily loaded profile editor may do here. */
  private readonly editorHost: ProfileEditorHost<FocusTarget> = ((table) => ({
    get locale() {
      return table.locale;
    },
    get renderRoot() {
      return table.renderRoot;
    },
    get updateComplete() {
      return table.updateComplete;
    },
    current: () => (table.dialog?.kind === 'edit' ? table.dialog : null),
    set: (dialog) => {
      table.dialog = dialog;
    },
    close: (returnTo) => table.closeDialog(returnTo),
    adapter: () => table.requireAdapter(),
    signal: () => table.lifetime.signal,
    canUpload: () => table.can('uploadImage'),
    replace: (partner) => table.replacePartner(partner),
    saved: (partner) => {
      table.report('success', table.locale.msg('partner-table.edit.saved', { name: displayName(partner) }));
      table.emit('pk-partner-updated', { partner, reason: 'edit' });
    },
    failed: (text) => table.report('error', text),
    reason: (error) => table.reason(error),
    header: (title) => table.renderDialogHeader(title),
    cancel: () => table.closeCurrentDialog(),
  }))(this);

  private readonly menu = new MenuController(this, {
    what: 'the row menu',
    button: (rowId) => this.rowControl(rowId, 'menu'),
    menu: () => this.renderRoot.querySelector<HTMLElement>('#row-menu'),
    placement: 'bottom-end',
  });

  private readonly window = new VirtualWindowController(this, {
    scroller: () => this.renderRoot.querySelector<HTMLElement>('.scroller'),
    sampleRow: () => this.renderRoot.querySelector<HTMLElement>('tr.row'),
  });

  private readonly sessionData = new DataController(this, {
    args: () => [this.currentAdapter(), this.sessionRevision] as const,
    load: (_args, { signal }) => this.requireAdapter().getSession({ signal }),
  });

  private generation = 0;
  private pendingAnnouncement: 'sort' | 'results' | null = null;

  private readonly listData = new DataController(this, {
    args: () =>
      [
        this.currentAdapter(),
        this.search.trim(),
        this.statuses.join(','),
        this.sort.field,
        this.sort.direction,
        this.effectivePageSize,
        this.listRevision,
      ] as const,
    load: async (_args, { signal }) => {
      const adapter = this.requireAdapter();
      if (!adapter.listPartners) throw new PartnerKitError('contract', 'The adapter has no listPartners(): <partner-table> needs it.');
      const announcement = this.pendingAnnouncement;
      this.pendingAnnouncement = null;
      // A running "load more" belongs to the previous query.
      this.moreCursor = null;
      const page = await adapter.listPartners(this.query(null), { signal });
      signal.throwIfAborted();
      const list: PartnerList = {
        generation: ++this.generation,
        rows: withoutDuplicates(page.items, new Set()),
        total: page.total,
        nextCursor: page.nextCursor ?? null,
        counts: page.counts,
      };
      this.window.scrollToTop();
      if (announcement) this.announceQuery(announcement, list);
      return list;
    },
  });

  private readonly moreData = new DataController(this, {
    args: () => [this.moreCursor] as const,
    load: async ([cursor], { signal }) => {
      const list = this.listData.value;
      if (cursor === null || !list) return null;
      try {
        const page = await this.requireAdapter().listPartners!(this.query(cursor), { signal });
        signal.throwIfAborted();
        this.appendPage(list.generation, page);
      } catch (error) {
        if (!signal.aborted && !isAbortError(error)) announce(this.locale.msg('partner-table.load-more-failed'), 'assertive');
        throw error;
      }
      return null;
    },
  });

  private readonly detailData = new DataController(this, {
    args: () => [this.currentAdapter(), this.dialog?.kind === 'detail' ? this.dialog.partner.id : null] as const,
    load: async ([, partnerId], { signal }) => {
      if (partnerId === null) return null;
      try {
        return await this.requireAdapter().getPartner!(partnerId, { signal });
      } catch (error) {
        if (!signal.aborted && !isAbortError(error)) announce(this.locale.msg('partner-table.detail.error'), 'assertive');
        throw error;
      }
    },
  });

  private readonly linkData = new DataController(this, {
    args: () => [this.currentAdapter(), this.linkPartnerId, this.linkRevision] as const,
    load: async ([, partnerId], { signal }) => {
      if (partnerId === null) return null;
      // The mailto rules are needed only once a menu offers the private email: they come with its link.
      const [link] = await Promise.all([this.requireAdapter().getInvitationLink!(partnerId, { signal }), mailtoRules.load()]);
      return { partnerId, url: link.url };
    },
  });

  /** Aborted on disconnect: no action finishes on a removed element. */
  private lifetime = new AbortController();
  private subscribedAdapter: PartnerKitAdapter | null = null;
  private unsubscribe: (() => void) | undefined;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private skeletonTimer: ReturnType<typeof setTimeout> | undefined;
  private focusBeforeUpdate: Element | null = null;
  private menuRowSeen: string | null = null;
  private rendered: { start: number; end: number } = { start: 0, end: 0 };
  private readonly pendingDeletes = new Set<string>();
  private readonly resending = new Set<string>();
  private progressProfiles = new WeakMap<Partner, PartnerProfile>();
  private reminders = new WeakMap<Partner, ReminderState>();

  constructor() {
    super();
    // The wizard inside the invite dialog reports what it did: show it in the rows.
    this.addEventListener('pk-invited', this.onConnectionsChanged);
    this.addEventListener('pk-connection-created', this.onConnectionsChanged);
    this.addEventListener('pk-invitation-resent', this.onWizardResent);
    this.addEventListener('pk-close-request', this.onWizardCloseRequest);
  }

  /** Loads the session and the first page again (after the host changed something the adapter does not push). */
  refresh(): void {
    this.sessionRevision++;
    this.listRevision++;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.lifetime.signal.aborted) this.lifetime = new AbortController();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.lifetime.abort();
    clearTimeout(this.searchTimer);
    clearTimeout(this.skeletonTimer);
    this.skeletonTimer = undefined;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.subscribedAdapter = null;
  }

  // ---------------------------------------------------------------------------
  // Adapter and data

  private currentAdapter(): PartnerKitAdapter | null {
    try {
      return this.resolvedAdapter ?? null;
    } catch {
      return null;
    }
  }

  private requireAdapter(): PartnerKitAdapter {
    const adapter = this.adapterOrError();
    if (adapter instanceof PartnerKitError) throw adapter;
    return adapter;
  }

  private get effectivePageSize(): number {
    const size = Math.floor(Number(this.pageSize));
    return Number.isFinite(size) ? Math.min(MAX_PAGE_SIZE, Math.max(1, size)) : DEFAULT_PAGE_SIZE;
  }

  private query(cursor: string | null): PartnerQuery {
    const query: PartnerQuery = { sort: { ...this.sort }, limit: this.effectivePageSize, cursor };
    const search = this.search.trim();
    if (search !== '') query.search = search;
    if (this.statuses.length > 0) query.statuses = [...this.statuses];
    return query;
  }

  private appendPage(generation: number, page: PartnerPage): void {
    const list = this.listData.value;
    if (!list || list.generation !== generation) return;
    const seen = new Set(list.rows.map((row) => row.id));
    const rows = list.rows.concat(withoutDuplicates(page.items, seen));
    this.listData.setValue({
      ...list,
      rows,
      total: page.total ?? list.total,
      nextCursor: page.nextCursor ?? null,
      counts: page.counts ?? list.counts,
    });
  }

  private partnerById(partnerId: string): Partner | undefined {
    return this.listData.value?.rows.find((row) => row.id === partnerId);
  }

  private replacePartner(partner: Partner): void {
    const list = this.listData.value;
    if (list) {
      const index = list.rows.findIndex((row) => row.id === partner.id);
      if (index >= 0) {
        const previous = list.rows[index]!;
        const rows = list.rows.slice();
        rows[index] = partner;
        let counts = list.counts;
        if (previous.status !== partner.status) counts = adjustCount(adjustCount(counts, previous.status, -1), partner.status, 1);
        this.listData.setValue({ ...list, rows, counts });
      }
    }
    const detail = this.detailData.value;
    if (detail && detail.partner.id === partner.id) this.detailData.setValue({ ...detail, partner });
    if (this.dialog && this.dialog.kind !== 'invite' && this.dialog.kind !== 'edit' && this.dialog.partner.id === partner.id) {
      this.dialog = { ...this.dialog, partner };
    }
  }

  /** Takes a row out; returns what is needed to put it back where it was. */
  private removePartner(partnerId: string): { partner: Partner; index: number; nextId: string | null } | null {
    const list = this.listData.value;
    if (!list) return null;
    const index = list.rows.findIndex((row) => row.id === partnerId);
    if (index < 0) return null;
    const partner = list.rows[index]!;
    const rows = list.rows.slice();
    rows.splice(index, 1);
    this.listData.setValue({
      ...list,
      rows,
      total: list.total === undefined ? undefined : Math.max(0, list.total - 1),
      counts: adjustCount(list.counts, partner.status, -1),
    });
    if (this.menu.openFor === partnerId) this.menu.close(false);
    return { partner, index, nextId: list.rows[index + 1]?.id ?? null };
  }

  private restorePartner(removed: { partner: Partner; index: number; nextId: string | null }): void {
    const list = this.listData.value;
    if (!list || list.rows.some((row) => row.id === removed.partner.id)) return;
    const nextIndex = removed.nextId === null ? -1 : list.rows.findIndex((row) => row.id === removed.nextId);
    const index = nextIndex >= 0 ? nextIndex : Math.min(removed.index, list.rows.length);
    const rows = list.rows.slice();
    rows.splice(index, 0, removed.partner);
    this.listData.setValue({
      ...list,
      rows,
      total: list.total === undefined ? undefined : list.total + 1,
      counts: adjustCount(list.counts, removed.partner.status, 1),
    });
  }

  private ensureSubscription(): void {
    const adapter = this.currentAdapter();
    if (adapter === this.subscribedAdapter) return;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.subscribedAdapter = adapter;
    if (adapter && this.can('subscribe')) this.unsubscribe = adapter.subscribe!(this.onChange);
  }

  private readonly onChange = (change: AdapterChange) => {
    if (change.type === 'partner-updated') {
      this.replacePartner(change.partner);
    } else if (change.type === 'partner-removed' && !this.pendingDeletes.has(change.partnerId)) {
      this.removePartner(change.partnerId);
    }
  };

  private readonly onConnectionsChanged = () => {
    this.listRevision++;
  };

  private readonly onWizardResent = (event: Event) => {
    const partner = (event as CustomEvent<{ partner?: Partner }>).detail?.partner;
    if (partner) this.replacePartner(partner);
  };

  private readonly onWizardCloseRequest = (event: Event) => {
    // Only the wizard in this element's own dialog: the request comes from inside the shadow root.
    if (this.dialog?.kind === 'invite' && event.composedPath()[0] !== this) this.closeCurrentDialog();
  };

  // ---------------------------------------------------------------------------
  // Permissions

  private permissionBase(session: Session): PermissionBase {
    return {
      role: session.role,
      org: session.switches,
      capabilities: {
        invite: this.can('createInvitations') || this.can('createPrefilledAccount') || this.can('linkExistingUser'),
        edit: this.can('updatePartnerProfile'),
        delete: this.can('deletePartner'),
        'copy-link': this.can('getInvitationLink'),
        'private-email': this.can('getInvitationLink'),
        'send-email': this.can('resendInvitation'),
        'view-detail': this.can('getPartner'),
      },
    };
  }

  private rowActions(partner: Partner, base: PermissionBase): RowAction[] {
    const context: PermissionContext = { ...base, partner: { allowsProfileUpdates: partner.allowsProfileUpdates, status: partner.status } };
    return ROW_ACTIONS.filter((action) => permits(action, context));
  }

  private get permissions(): PermissionBase | null {
    const session = this.sessionData.value;
    return session ? this.permissionBase(session) : null;
  }

  // ---------------------------------------------------------------------------
  // Lifecycle

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.focusBeforeUpdate = this.shadowRoot?.activeElement ?? null;
    if (changed.has('now')) {
      this.reminders = new WeakMap();
    }
    this.scheduleSkeleton();
    // The editor's and the drawer's styles come with their code, before their first render.
    const dialogKind = this.dialog?.kind;
    if (dialogKind === 'edit' && profileEditor.value) adoptLaterStyles(this, profileEditor.value.profileEditorStyles);
    if (dialogKind === 'detail' && partnerDetail.value) adoptLaterStyles(this, partnerDetail.value.partnerDetailStyles);
    const list = this.listData.value;
    if (list) {
      this.rendered = this.window.rowsFor(list.rows.length);
      const nearEnd = this.rendered.end >= list.rows.length - Math.min(PREFETCH_ROWS, Math.floor(this.effectivePageSize / 2));
      if (list.nextCursor !== null && list.nextCursor !== this.moreCursor && nearEnd && !this.moreData.pending) {
        this.moreCursor = list.nextCursor;
      }
    }
    // The private email needs the invitation link: fetch it as soon as that menu opens
    // (again when it failed the last time this menu was open).
    const menuRow = this.menu.openFor;
    const seen = this.menuRowSeen;
    this.menuRowSeen = menuRow;
    if (menuRow !== null && menuRow !== seen) {
      // The menu offers "Edit": have the editor ready by the time it is chosen.
      const menuPartner = this.partnerById(menuRow);
      if (!profileEditor.value && menuPartner && this.permissions && this.rowActions(menuPartner, this.permissions).includes('edit')) {
        profileEditor.load().catch(() => {
          // Reported when "Edit" is chosen (openEditor tries again).
        });
      }
      if (menuRow === this.linkPartnerId) {
        if (this.linkData.error) this.linkRevision++;
      } else {
        const partner = this.partnerById(menuRow);
        const base = this.permissions;
        if (partner && base && this.rowActions(partner, base).includes('private-email')) this.linkPartnerId = menuRow;
      }
    }
  }

  protected override updated(): void {
    this.ensureSubscription();
    const dialog = this.renderRoot.querySelector('dialog');
    if (dialog && !dialog.open) this.showDialog(dialog);
    this.rescueFocus();
  }

  /** While loading, the skeleton comes after SKELETON_DELAY_MS; once loaded it goes (and waits again next time). */
  private scheduleSkeleton(): void {
    if (!this.isLoading) {
      clearTimeout(this.skeletonTimer);
      this.skeletonTimer = undefined;
      this.skeletonDue = false;
    } else if (!this.skeletonDue && this.skeletonTimer === undefined) {
      this.skeletonTimer = setTimeout(() => {
        this.skeletonTimer = undefined;
        this.skeletonDue = true;
      }, SKELETON_DELAY_MS);
    }
  }

  /** No rows to show yet: the session or the first page is still on its way. */
  private get isLoading(): boolean {
    if (this.sessionData.error ?? this.listData.error) return false;
    const list = this.listData.value;
    return !this.sessionData.value || !list || (list.rows.length === 0 && this.listData.pending);
  }

  /** Focus was on something this update removed (a row scrolled out, a menu item gone): keep it nearby. */
  private rescueFocus(): void {
    const lost = this.focusBeforeUpdate;
    this.focusBeforeUpdate = null;
    if (!lost || lost.isConnected || this.shadowRoot?.activeElement) return;
    if (this.menu.isOpen && lost.getAttribute('role') === 'menuitem') {
      this.renderRoot.querySelector<HTMLElement>('#row-menu [role="menuitem"]')?.focus();
      return;
    }
    this.renderRoot.querySelector<HTMLElement>('.scroller')?.focus({ preventScroll: true });
  }

  // ---------------------------------------------------------------------------
  // Focus helpers

  private rowControl(partnerId: string, action: 'menu' | 'open'): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`tr[data-id="${CSS.escape(partnerId)}"] [data-action="${action}"]`);
  }

  private headerHeight(): number {
    return this.renderRoot.querySelector<HTMLElement>('thead')?.offsetHeight ?? 0;
  }

  /** Focuses a control of the row at `index`, scrolling it into the rendered window first. */
  private async focusRow(index: number, control: 'name' | 'actions'): Promise<boolean> {
    const partner = this.listData.value?.rows[index];
    if (!partner) return false;
    if (index < this.rendered.start || index >= this.rendered.end) {
      this.window.revealRow(index, this.headerHeight());
      await this.updateComplete;
    }
    const preferred = this.rowControl(partner.id, control === 'name' ? 'open' : 'menu');
    const target = preferred ?? this.rowControl(partner.id, control === 'name' ? 'menu' : 'open');
    target?.focus();
    return target !== null;
  }

  private async restoreFocus(target: FocusTarget): Promise<void> {
    await this.updateComplete;
    if (target === 'invite' || target === 'search') {
      const button = target === 'invite' ? this.renderRoot.querySelector<HTMLElement>('[part~="invite-button"]') : null;
      (button ?? this.renderRoot.querySelector<HTMLElement>('#search'))?.focus();
      return;
    }
    const index = this.listData.value?.rows.findIndex((row) => row.id === target.partnerId) ?? -1;
    if (index >= 0 && (await this.focusRow(index, target.control))) return;
    this.renderRoot.querySelector<HTMLElement>('#search')?.focus();
  }

  // ---------------------------------------------------------------------------
  // Finding: search, filter, sort

  private readonly onSearchInput = (event: InputEvent) => {
    const value = (event.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.applySearch(value), Math.max(0, Number(this.searchDelay) || 0));
  };

  private readonly onSearchKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    clearTimeout(this.searchTimer);
    this.applySearch((event.target as HTMLInputElement).value);
  };

  private applySearch(value: string): void {
    if (value.trim() !== this.search.trim()) this.pendingAnnouncement = 'results';
    this.search = value;
  }

  private readonly onFilterChange = (event: Event) => {
    const value = (event.target as HTMLSelectElement).value;
    this.statuses = value === '' ? [] : [value as InviteStatus];
    this.pendingAnnouncement = 'results';
  };

  private readonly onSortClick = (event: MouseEvent) => {
    const field = (event.currentTarget as HTMLElement).dataset.sort as PartnerSortField;
    const direction: SortDirection = this.sort.field === field && this.sort.direction === 'asc' ? 'desc' : 'asc';
    this.sort = { field, direction };
    this.pendingAnnouncement = 'sort';
  };

  private clearFinding(): void {
    clearTimeout(this.searchTimer);
    if (this.search.trim() !== '' || this.statuses.length > 0) this.pendingAnnouncement = 'results';
    this.search = '';
    this.statuses = [];
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#search')?.focus());
  }

  private announceQuery(kind: 'sort' | 'results', list: PartnerList): void {
    if (kind === 'sort') {
      const column = COLUMNS.find((candidate) => candidate.sort === this.sort.field);
      const label = this.locale.msg(`partner-table.column.${column?.id ?? 'name'}`);
      announce(this.locale.msg(`partner-table.sorted.${this.sort.direction === 'asc' ? 'ascending' : 'descending'}`, { column: label }));
      return;
    }
    const count = list.total ?? list.rows.length;
    announce(this.locale.msg(this.locale.pluralCategory(count) === 'one' ? 'partner-table.results.one' : 'partner-table.results', { count }));
  }

  // ---------------------------------------------------------------------------
  // Rows: clicks and keys (delegated: one listener for every row)

  private readonly onBodyClick = (event: MouseEvent) => {
    const control = (event.target as Element).closest<HTMLElement>('[data-action]');
    const partnerId = control?.closest<HTMLElement>('tr[data-id]')?.dataset.id;
    if (!control || partnerId === undefined) return;
    if (control.dataset.action === 'menu') {
      this.menu.toggle(partnerId);
    } else if (control.dataset.action === 'open') {
      const partner = this.partnerById(partnerId);
      if (partner) this.openDetail(partner);
    }
  };

  private readonly onBodyKeydown = (event: KeyboardEvent) => {
    const control = (event.target as Element).closest<HTMLElement>('[data-action="menu"]');
    const partnerId = control?.closest<HTMLElement>('tr[data-id]')?.dataset.id;
    if (control && partnerId !== undefined) this.menu.onButtonKeydown(event, partnerId);
  };


  private readonly onMenuClick = (event: MouseEvent) => {
    const item = (event.target as Element).closest<HTMLElement>('[role="menuitem"]');
    const partnerId = this.menu.openFor;
    const partner = partnerId === null ? undefined : this.partnerById(partnerId);
    if (!item || !partner) return;
    if (item.getAttribute('aria-disabled') === 'true') {
      event.preventDefault();
      return;
    }
    const action = item.dataset.item as RowAction;
    // The private email is a real mailto: link: its own activation opens the mail program.
    if (action !== 'private-email') event.preventDefault();
    this.menu.close(true);
    const returnTo: FocusTarget = { partnerId: partner.id, control: 'actions' };
    switch (action) {
      case 'edit':
        void this.openEditor(partner, returnTo);
        break;
      case 'delete':
        this.openDialog({ kind: 'delete', partner, returnTo });
        break;
      case 'copy-link':
        void this.copyInvitationLink(partner);
        break;
      case 'send-email':
        void this.resendInvitation(partner);
        break;
      case 'private-email':
        break;
    }
  };

  // ---------------------------------------------------------------------------
  // Actions

  private async openEditor(partner: Partner, returnTo: FocusTarget): Promise<void> {
    let editor: typeof ProfileEditor;
    try {
      editor = await profileEditor.load();
    } catch (error) {
      console.warn('[partner-kit] <partner-table> could not load the profile editor.', error);
      this.report('error', this.locale.msg('partner-table.edit.unavailable', { name: displayName(partner) }));
      return;
    }
    // Removed, or another dialog opened while the editor was loading: do not stack dialogs.
    if (!this.isConnected || this.dialog) return;
    this.openDialog(editor.editDialogFor(partner, returnTo));
  }

  private openDetail(partner: Partner): void {
    const allowed = this.emit('pk-partner-open', { partner }, { cancelable: true });
    if (!allowed) return;
    this.loadDetailView();
    this.openDialog({ kind: 'detail', partner, returnTo: { partnerId: partner.id, control: 'name' } });
  }

  /** The drawer's content is loaded on the first open, while its data is being fetched. */
  private readonly loadDetailView = (): void => {
    if (partnerDetail.value || this.detailView === 'loading') return;
    this.detailView = 'loading';
    partnerDetail.load().then(
      () => (this.detailView = 'idle'),
      (error: unknown) => {
        this.detailView = 'failed';
        console.warn('[partner-kit] <partner-table> could not load the partner detail view.', error);
      },
    );
  };

  private requestInvite(source: InviteRequestDetail['source']): void {
    const allowed = this.emit('pk-invite-request', { source }, { cancelable: true });
    if (!allowed) return;
    this.loadWizard();
    this.openDialog({ kind: 'invite', returnTo: source === 'toolbar' ? 'invite' : 'search' });
  }

  /**
   * The wizard is loaded on the first invite, not with the table: most visits
   * never invite, and it is as large as the table itself.
   */
  private loadWizard(): void {
    if (this.wizard !== 'idle' || customElements.get('invite-wizard')) return;
    this.wizard = 'loading';
    import('../invite-wizard/invite-wizard.js').then(
      () => (this.wizard = 'idle'),
      (error: unknown) => {
        this.wizard = 'failed';
        console.warn('[partner-kit] <partner-table> could not load <invite-wizard>.', error);
      },
    );
  }

  private reason(error: unknown): string {
    const problem = toPartnerKitError(error);
    const code = problem instanceof PartnerKitError ? problem.code : 'unknown';
    return this.locale.msg(`partner-table.error.${code}`);
  }

  private report(tone: Notice['tone'], text: string): void {
    this.notice = { tone, text };
    announce(text, tone === 'error' ? 'assertive' : 'polite');
  }

  private async invitationLink(partner: Partner): Promise<string> {
    const cached = this.linkData.value;
    if (cached && cached.partnerId === partner.id) return cached.url;
    const link = await this.requireAdapter().getInvitationLink!(partner.id, { signal: this.lifetime.signal });
    return link.url;
  }

  private async copyInvitationLink(partner: Partner): Promise<void> {
    const name = displayName(partner);
    let url: string;
    try {
      url = await this.invitationLink(partner);
    } catch (error) {
      if (!isAbortError(error)) this.report('error', this.locale.msg('partner-table.copy.failed', { name, reason: this.reason(error) }));
      return;
    }
    try {
      if (typeof navigator.clipboard?.writeText !== 'function') throw new Error('No Clipboard API');
      await navigator.clipboard.writeText(url);
      this.report('success', this.locale.msg('partner-table.copy.done', { name }));
    } catch {
      // Denied or missing: show the link, selected, so the person copies it themselves.
      this.openDialog({ kind: 'copy', partner, url, returnTo: { partnerId: partner.id, control: 'actions' } });
    }
  }

  private mailtoFor(partner: Partner, link: string): string | null {
    if (!mailtoRules.value) return null;
    const sender = this.sessionData.value?.viewer.name ?? '';
    const name = partner.firstName.trim() || displayName(partner);
    return mailtoRules.value.buildMailto({
      to: partner.email,
      subject: this.locale.msg('partner-table.mail.subject', { sender }),
      body: this.locale.msg('partner-table.mail.body', { name, link, sender }),
    });
  }

  private async resendInvitation(partner: Partner): Promise<void> {
    if (this.resending.has(partner.id)) return;
    const name = displayName(partner);
    this.resending.add(partner.id);
    try {
      const updated = await this.requireAdapter().resendInvitation!(partner.id, {
        idempotencyKey: newIdempotencyKey(),
        signal: this.lifetime.signal,
      });
      this.replacePartner(updated);
      this.report('success', this.locale.msg('partner-table.resend.done', { name }));
      this.emit('pk-partner-updated', { partner: updated, reason: 'resend' });
    } catch (error) {
      if (!isAbortError(error)) this.report('error', this.locale.msg('partner-table.resend.failed', { name, reason: this.reason(error) }));
    } finally {
      this.resending.delete(partner.id);
    }
  }

  private async confirmDelete(): Promise<void> {
    const dialog = this.dialog;
    if (dialog?.kind !== 'delete') return;
    const { partner } = dialog;
    const allowed = this.emit('pk-before-delete', { partner }, { cancelable: true });
    this.closeDialog(allowed ? null : dialog.returnTo);
    if (!allowed) return;

    const name = displayName(partner);
    this.pendingDeletes.add(partner.id);
    const removed = this.removePartner(partner.id);
    if (removed) {
      await this.updateComplete;
      const moved = (await this.focusRow(removed.index, 'actions')) || (await this.focusRow(removed.index - 1, 'actions'));
      if (!moved) this.renderRoot.querySelector<HTMLElement>('#search')?.focus();
    }
    try {
      await this.requireAdapter().deletePartner!(partner.id, { signal: this.lifetime.signal });
      this.report('success', this.locale.msg('partner-table.delete.done', { name }));
      this.emit('pk-partner-deleted', { partner });
    } catch (error) {
      if (isAbortError(error)) return;
      if (removed) this.restorePartner(removed);
      this.report('error', this.locale.msg('partner-table.delete.failed', { name, reason: this.reason(error) }));
    } finally {
      this.pendingDeletes.delete(partner.id);
    }
  }

  // ---------------------------------------------------------------------------
  // Dialogs

  private openDialog(dialog: DialogState): void {
    this.menu.close(false);
    this.dialog = dialog;
  }

  private closeDialog(returnTo: FocusTarget | null): void {
    const element = this.renderRoot.querySelector('dialog');
    this.dialog = null;
    if (element?.open) element.close();
    if (returnTo) void this.restoreFocus(returnTo);
  }

  private showDialog(element: HTMLDialogElement): void {
    element.showModal();
    const kind = this.dialog?.kind;
    if (kind === 'copy') {
      const field = element.querySelector<HTMLInputElement>('#copy-field');
      field?.focus();
      field?.select();
    } else if (kind === 'detail') {
      element.querySelector<HTMLElement>('#dialog-title')?.focus();
    }
  }

  /** Escape or the browser closed the dialog. */
  private readonly onDialogClose = (event: Event) => {
    if (isStaleClose(event, this.renderRoot.querySelector('dialog'))) return;
    const dialog = this.dialog;
    if (!dialog) return;
    this.dialog = null;
    void this.restoreFocus(dialog.returnTo);
  };

  private readonly onDialogCancel = (event: Event) => {
    // Closing while saving would hide the outcome of the save.
    if (this.dialog?.kind === 'edit' && this.dialog.saving) event.preventDefault();
  };

  private readonly closeCurrentDialog = () => {
    this.closeDialog(this.dialog?.returnTo ?? null);
  };

  // ---------------------------------------------------------------------------
  // Rendering

  protected override render() {
    const session = this.sessionData.value;
    const list = this.listData.value;
    const error = this.sessionData.error ?? this.listData.error;
    const base = session ? this.permissionBase(session) : null;
    // Nothing has loaded yet and the skeleton is not due: the element appears whole, toolbar and
    // rows together, rather than a toolbar with counts it does not know yet.
    const appearing = !error && (!base || !list) && !this.skeletonDue;
    let content: TemplateResult | typeof nothing;
    if (error) content = this.renderError(error);
    else if (this.isLoading || !list || !base) content = this.skeletonDue ? this.renderLoading() : nothing;
    else content = this.renderList(list, base);
    return html`
      <div part="base" class="base" lang=${this.locale.lang}>
        ${appearing ? nothing : this.renderToolbar(base, list)} ${this.renderNotice()} ${content}
      </div>
      ${this.renderMenu(base)} ${this.renderDialog()}
    `;
  }

  private renderToolbar(base: PermissionBase | null, list: PartnerList | undefined) {
    const counts = list?.counts;
    const all = counts ? Object.values(counts).reduce((sum, count) => sum + (count ?? 0), 0) : undefined;
    const selected = this.statuses.length === 1 ? this.statuses[0] : '';
    const canInvite = base !== null && permits('invite', base);
    return html`<div part="toolbar" class="toolbar">
      <div class="field search-field">
        <label class="label" for="search">${this.locale.msg('partner-table.search.label')}</label>
        <input
          id="search"
          class="input"
          part="search"
          type="search"
          autocomplete="off"
          spellcheck="false"
          placeholder=${this.locale.msg('partner-table.search.placeholder')}
          .value=${this.search}
          @input=${this.onSearchInput}
          @keydown=${this.onSearchKeydown}
        />
      </div>
      <div class="field">
        <label class="label" for="status-filter">${this.locale.msg('partner-table.filter.label')}</label>
        <select id="status-filter" class="input" part="status-filter" @change=${this.onFilterChange}>
          <option value="" ?selected=${selected === ''}>
            ${all === undefined ? this.locale.msg('partner-table.filter.all.plain') : this.locale.msg('partner-table.filter.all', { count: all })}
          </option>
          ${INVITE_STATUSES.map(
            (status) => html`<option value=${status} ?selected=${selected === status}>
              ${this.locale.msg('partner-table.filter.option', {
                status: this.locale.msg(`status.label.${status}`),
                count: counts?.[status] ?? 0,
              })}
            </option>`,
          )}
        </select>
      </div>
      <p part="summary" class="summary">${list ? this.summaryText(list) : nothing}</p>
      ${canInvite
        ? html`<button type="button" class="button primary focus-ring" part="invite-button" @click=${() => this.requestInvite('toolbar')}>
            ${this.locale.msg('partner-table.invite')}
          </button>`
        : nothing}
    </div>`;
  }

  private summaryText(list: PartnerList): string {
    const total = list.total ?? list.rows.length;
    if (list.nextCursor !== null && list.rows.length < total) {
      return this.locale.msg('partner-table.count.loaded', { loaded: list.rows.length, total });
    }
    return this.locale.msg(this.locale.pluralCategory(total) === 'one' ? 'partner-table.count.one' : 'partner-table.count', { count: total });
  }

  private renderNotice() {
    const notice = this.notice;
    if (!notice) return nothing;
    return html`<div part="notice" class="notice ${notice.tone}">
      <span>${notice.text}</span>
      <button type="button" class="icon-button focus-ring" aria-label=${this.locale.msg('partner-table.dismiss')} @click=${() => (this.notice = null)}>
        <span aria-hidden="true">×</span>
      </button>
    </div>`;
  }

  private renderLoading() {
    return html`<div part="loading" class="state loading" aria-busy="true">
      <p class="state-title"><span class="spinner" aria-hidden="true"></span>${this.locale.msg('partner-table.loading')}</p>
      <div class="skeleton" aria-hidden="true">
        ${[0, 1, 2, 3, 4].map(() => html`<div class="skeleton-row"><span></span><span></span><span></span><span></span></div>`)}
      </div>
    </div>`;
  }

  private renderError(error: PartnerKitError) {
    const retry = () => {
      if (this.sessionData.error) void this.sessionData.run();
      if (this.listData.error) void this.listData.run();
    };
    return html`<div part="error" class="state error">
      <p class="state-title">${this.locale.msg('partner-table.error.title')}</p>
      <p>${this.locale.msg(`partner-table.error.${error.code}`)}</p>
      <p class="muted details">${this.locale.msg('partner-table.error.details', { message: error.message })}</p>
      <button type="button" class="button focus-ring" @click=${retry}>${this.locale.msg('partner-table.retry')}</button>
    </div>`;
  }

  private renderList(list: PartnerList, base: PermissionBase) {
    if (list.rows.length === 0) {
      const filtering = this.search.trim() !== '' || this.statuses.length > 0;
      if (filtering) {
        return html`<div part="no-results" class="state">
          <p class="state-title">${this.locale.msg('partner-table.no-results.title')}</p>
          <p>
            ${this.search.trim() !== ''
              ? this.locale.msg('partner-table.no-results.search', { search: this.search.trim() })
              : this.locale.msg('partner-table.no-results.filter')}
          </p>
          <button type="button" class="button focus-ring" @click=${() => this.clearFinding()}>
            ${this.locale.msg('partner-table.no-results.clear')}
          </button>
        </div>`;
      }
      const canInvite = permits('invite', base);
      return html`<div part="empty" class="state">
        <p class="state-title">${this.locale.msg('partner-table.empty.title')}</p>
        <p>${this.locale.msg(canInvite ? 'partner-table.empty.invite' : 'partner-table.empty.no-invite')}</p>
        ${canInvite
          ? html`<button type="button" class="button primary focus-ring" part="invite-button" @click=${() => this.requestInvite('empty-state')}>
              ${this.locale.msg('partner-table.invite')}
            </button>`
          : nothing}
      </div>`;
    }
    return this.renderTable(list, base);
  }

  private renderTable(list: PartnerList, base: PermissionBase) {
    const { rows } = list;
    const { start, end } = this.window.rowsFor(rows.length);
    this.rendered = { start, end };
    const rowCount = list.total !== undefined ? Math.max(list.total, rows.length) + 1 : list.nextCursor !== null ? -1 : rows.length + 1;
    // What every row shares, worked out once per render rather than once per row.
    const row: RowContext = {
      base,
      canView: permits('view-detail', base),
      now: this.now ?? new Date(),
      allowsYes: this.locale.msg('partner-table.allows.yes'),
      allowsNo: this.locale.msg('partner-table.allows.no'),
      actionsButton: this.locale.msg('partner-table.actions.button'),
    };
    const above = this.window.spaceFor(start);
    const below = this.window.spaceFor(rows.length - end);
    return html`<div class="scroller" part="scroller" tabindex="-1">
        <table part="table" aria-rowcount=${rowCount} aria-busy=${this.listData.pending ? 'true' : 'false'}>
          <caption class="visually-hidden">${this.locale.msg('partner-table.caption')}</caption>
          <thead>
            <tr aria-rowindex="1">
              ${COLUMNS.map((column) => this.renderHeader(column))}
            </tr>
          </thead>
          <tbody @click=${this.onBodyClick} @keydown=${this.onBodyKeydown}>
            ${above > 0 ? html`<tr class="spacer" aria-hidden="true"><td colspan=${COLUMNS.length} ${cssProperty('height', `${above}px`)}></td></tr>` : nothing}
            ${repeat(
              rows.slice(start, end),
              (partner) => partner.id,
              (partner, offset) => this.renderRow(partner, start + offset, row),
            )}
            ${below > 0 ? html`<tr class="spacer" aria-hidden="true"><td colspan=${COLUMNS.length} ${cssProperty('height', `${below}px`)}></td></tr>` : nothing}
          </tbody>
        </table>
        ${this.renderMore()}
      </div>
      ${this.listData.pending ? html`<p class="updating"><span class="spinner" aria-hidden="true"></span>${this.locale.msg('partner-table.updating')}</p>` : nothing}`;
  }

  private renderHeader(column: (typeof COLUMNS)[number]) {
    const label = this.locale.msg(`partner-table.column.${column.id}`);
    if (!column.sort) return html`<th scope="col" part="header-cell" class="col-${column.id}">${label}</th>`;
    const active = this.sort.field === column.sort;
    const ascending = this.sort.direction === 'asc';
    return html`<th scope="col" part="header-cell" class="col-${column.id}" aria-sort=${ifDefined(active ? (ascending ? 'ascending' : 'descending') : undefined)}
      ><button type="button" class="sort-button focus-ring ${active ? 'active' : ''}" part="sort-button" data-sort=${column.sort} @click=${this.onSortClick}
        ><span>${label}</span> <span class="sort-icon" aria-hidden="true">${active ? (ascending ? '▲' : '▼') : '⇅'}</span></button
      ></th
    >`;
  }

  /** The profile the progress bar judges: the partner's own name and address count too. */
  private progressProfile(partner: Partner): PartnerProfile {
    let profile = this.progressProfiles.get(partner);
    if (!profile) {
      profile = {
        ...partner.profile,
        firstName: partner.profile.firstName ?? (partner.firstName || null),
        lastName: partner.profile.lastName ?? (partner.lastName || null),
        email: partner.profile.email ?? partner.email,
      };
      this.progressProfiles.set(partner, profile);
    }
    return profile;
  }

  private reminderOf(partner: Partner, now: Date): ReminderState {
    let reminder = this.reminders.get(partner);
    if (!reminder) {
      reminder = reminderState({
        status: partner.status,
        invitedAt: partner.invitedAt,
        acceptedAt: partner.acceptedAt,
        profileComplete: computeCompletion(this.progressProfile(partner), REMINDER_FIELDS).complete,
        now,
      });
      this.reminders.set(partner, reminder);
    }
    return reminder;
  }

  private renderReminder(reminder: ReminderState) {
    if (reminder.kind === 'none') return html`<span class="muted">${this.locale.msg('partner-table.reminder.none')}</span>`;
    const summary = this.locale.msg(`partner-table.reminder.${reminder.kind}`, { sent: reminder.sent, total: REMINDER_DAYS.length });
    const next = reminder.nextDueAt
      ? this.locale.msg('partner-table.reminder.next', { date: this.locale.formatDate(reminder.nextDueAt, SHORT_DATE) })
      : this.locale.msg('partner-table.reminder.done');
    return html`<span class="line" title=${summary}>${summary}</span> <span class="line muted" title=${next}>${next}</span>`;
  }

  /**
   * One row. Written without whitespace between the tags and with the dates inline: every text
   * node, marker and nested template here is made once per row, so the first page costs less to
   * build and lay out. The dates are short in the cell (it is narrow), in full on hover.
   */
  private renderRow(partner: Partner, index: number, row: RowContext) {
    const { locale } = this;
    const name = displayName(partner);
    const unnamed = `${partner.firstName}${partner.lastName}`.trim() === '';
    const actions = this.rowActions(partner, row.base);
    const open = this.menu.openFor === partner.id;
    return html`<tr class="row" part="row" data-id=${partner.id} aria-rowindex=${index + 2}
      ><th scope="row" part="cell" class="name-cell"
        >${row.canView
          ? html`<button type="button" class="name-button focus-ring" part="name-button" data-action="open" title=${name}>${name}</button>`
          : html`<span class="truncate" title=${name}>${name}</span>`}${unnamed
          ? html`<span class="line muted">${locale.msg('partner-table.unnamed')}</span>`
          : nothing}</th
      ><td part="cell"><span class="truncate" title=${partner.email}>${partner.email}</span></td
      ><td part="cell" class="status-cell"><div class="clip"><status-badge status=${partner.status}></status-badge></div></td
      ><td part="cell"><profile-progress compact .profile=${this.progressProfile(partner)}></profile-progress></td
      ><td part="cell">${partner.allowsProfileUpdates ? row.allowsYes : row.allowsNo}</td
      ><td part="cell"
        ><time datetime=${partner.invitedAt} title=${locale.formatDate(partner.invitedAt, FULL_DATE)}
          >${locale.formatDate(partner.invitedAt, SHORT_DATE)}</time
        ></td
      ><td part="cell"
        ><time datetime=${partner.updatedAt} title=${locale.formatDate(partner.updatedAt, FULL_DATE)}
          >${locale.formatDate(partner.updatedAt, SHORT_DATE)}</time
        ></td
      ><td part="cell" class="reminder-cell">${this.renderReminder(this.reminderOf(partner, row.now))}</td
      ><td part="cell" class="actions-cell"
        >${actions.length > 0
          ? html`<button
              type="button"
              class="button small focus-ring"
              part="actions-button"
              data-action="menu"
              aria-haspopup="menu"
              aria-expanded=${open ? 'true' : 'false'}
              aria-controls="row-menu"
              aria-label=${locale.msg('partner-table.actions.label', { name })}
            >${row.actionsButton}<span class="caret" aria-hidden="true">▾</span></button>`
          : nothing}</td
      ></tr
    >`;
  }

  /**
   * Below the rows: the next page loading, or its failure with a retry. Nothing while no page
   * loads (more pages load as the rows come near the end): an idle table runs no spinner.
   */
  private renderMore() {
    if (this.moreData.error) {
      return html`<div part="more" class="more error-text">
        <span>${this.locale.msg('partner-table.load-more-failed')}</span>
        <button type="button" class="button small focus-ring" @click=${() => void this.moreData.run()}>${this.locale.msg('partner-table.retry')}</button>
      </div>`;
    }
    if (this.moreData.pending) {
      return html`<div part="more" class="more muted"><span class="spinner" aria-hidden="true"></span>${this.locale.msg('partner-table.loading-more')}</div>`;
    }
    return nothing;
  }

  private renderMenu(base: PermissionBase | null) {
    const partnerId = this.menu.openFor;
    const partner = partnerId === null ? undefined : this.partnerById(partnerId);
    const actions = partner && base ? this.rowActions(partner, base) : [];
    return html`<div
      id="row-menu"
      part="menu"
      class="popup menu"
      role="menu"
      aria-label=${partner ? this.locale.msg('partner-table.actions.label', { name: displayName(partner) }) : this.locale.msg('partner-table.column.actions')}
      hidden
      @keydown=${this.menu.onKeydown}
      @click=${this.onMenuClick}
      @focusout=${this.menu.onFocusOut}
    >
      ${partner ? actions.map((action) => this.renderMenuItem(action, partner)) : nothing}
    </div>`;
  }

  private renderMenuItem(action: RowAction, partner: Partner) {
    const label = this.locale.msg(`partner-table.action.${action}`);
    if (action === 'private-email') {
      const link = this.linkData.value;
      const mailto = link && link.partnerId === partner.id && !this.linkData.pending ? this.mailtoFor(partner, link.url) : null;
      if (mailto) {
        return html`<a role="menuitem" tabindex="-1" class="menu-item focus-ring" part="menu-item" data-item=${action} href=${mailto}>${label}</a>`;
      }
      const failed = this.linkPartnerId === partner.id && this.linkData.error !== undefined;
      return html`<button type="button" role="menuitem" tabindex="-1" aria-disabled="true" class="menu-item focus-ring" part="menu-item" data-item=${action}>
        ${this.locale.msg(failed ? 'partner-table.action.private-email.unavailable' : 'partner-table.action.private-email.loading')}
      </button>`;
    }
    return html`<button
      type="button"
      role="menuitem"
      tabindex="-1"
      class="menu-item focus-ring ${action === 'delete' ? 'danger' : ''}"
      part="menu-item"
      data-item=${action}
    >
      ${label}
    </button>`;
  }

  private renderDialog() {
    const dialog = this.dialog;
    if (!dialog) return nothing;
    let body: TemplateResult;
    switch (dialog.kind) {
      case 'delete':
        body = this.renderDeleteDialog(dialog.partner);
        break;
      case 'edit':
        // Set only once the editor has loaded (see openEditor).
        body = profileEditor.value ? profileEditor.value.renderEditDialog(this.editorHost, dialog) : html``;
        break;
      case 'copy':
        body = this.renderCopyDialog(dialog.partner, dialog.url);
        break;
      case 'detail':
        body = this.renderDetailDialog(dialog.partner);
        break;
      case 'invite':
        body = this.renderInviteDialog();
        break;
    }
    const drawer = dialog.kind === 'detail' || dialog.kind === 'invite';
    return html`<dialog
      part="dialog ${dialog.kind}-dialog"
      class="dialog ${drawer ? 'drawer' : ''} ${dialog.kind}"
      aria-labelledby="dialog-title"
      @close=${this.onDialogClose}
      @cancel=${this.onDialogCancel}
    >
      ${body}
    </dialog>`;
  }

  private renderDialogHeader(title: string, focusableTitle = false) {
    return html`<div class="dialog-header">
      <h2 id="dialog-title" tabindex=${ifDefined(focusableTitle ? '-1' : undefined)}>${title}</h2>
      <button type="button" class="icon-button focus-ring" aria-label=${this.locale.msg('partner-table.close')} @click=${this.closeCurrentDialog}>
        <span aria-hidden="true">×</span>
      </button>
    </div>`;
  }

  private renderDeleteDialog(partner: Partner) {
    const name = displayName(partner);
    const onSubmit = (event: SubmitEvent) => {
      event.preventDefault();
      void this.confirmDelete();
    };
    return html`<form class="dialog-body" @submit=${onSubmit}>
      <h2 id="dialog-title">${this.locale.msg('partner-table.delete.title', { name })}</h2>
      <p>${this.locale.msg('partner-table.delete.body', { name, email: partner.email })}</p>
      <div class="dialog-actions">
        <button type="button" class="button focus-ring" autofocus @click=${this.closeCurrentDialog}>${this.locale.msg('partner-table.cancel')}</button>
        <button type="submit" class="button danger focus-ring">${this.locale.msg('partner-table.delete.confirm')}</button>
      </div>
    </form>`;
  }

  private renderCopyDialog(partner: Partner, url: string) {
    const name = displayName(partner);
    return html`<div class="dialog-body">
      ${this.renderDialogHeader(this.locale.msg('partner-table.copy.title'))}
      <p id="copy-instructions">${this.locale.msg('partner-table.copy.instructions', { name })}</p>
      <label class="label" for="copy-field">${this.locale.msg('partner-table.copy.field', { name })}</label>
      <input
        id="copy-field"
        part="copy-field"
        class="input copy-field"
        type="text"
        readonly
        .value=${url}
        aria-describedby="copy-instructions"
        @focus=${(event: FocusEvent) => (event.target as HTMLInputElement).select()}
      />
      <div class="dialog-actions">
        <button type="button" class="button focus-ring" @click=${this.closeCurrentDialog}>${this.locale.msg('partner-table.close')}</button>
      </div>
    </div>`;
  }

  private renderDetailDialog(partner: Partner) {
    return html`${this.renderDialogHeader(displayName(partner), true)}
      <div class="dialog-body detail">
        ${this.detailData.render({
          initial: () => html`<p class="muted">${this.locale.msg('partner-table.detail.loading')}</p>`,
          pending: () => html`<p class="muted"><span class="spinner" aria-hidden="true"></span>${this.locale.msg('partner-table.detail.loading')}</p>`,
          complete: (detail) => (detail ? this.renderDetailContent(detail) : nothing),
          error: (error, retry) => html`<div part="error" class="state error">
            <p class="state-title">${this.locale.msg('partner-table.detail.error')}</p>
            <p>${this.locale.msg(`partner-table.error.${error.code}`)}</p>
            <button type="button" class="button focus-ring" @click=${retry}>${this.locale.msg('partner-table.retry')}</button>
          </div>`,
        })}
      </div>`;
  }

  private renderDetailContent(detail: PartnerDetail) {
    if (partnerDetail.value) return partnerDetail.value.renderPartnerDetail(this.locale, detail);
    if (this.detailView === 'failed') {
      return html`<div part="error" class="state error">
        <p class="state-title">${this.locale.msg('partner-table.detail.error')}</p>
        <p>${this.locale.msg('partner-table.error.network')}</p>
        <button type="button" class="button focus-ring" @click=${this.loadDetailView}>${this.locale.msg('partner-table.retry')}</button>
      </div>`;
    }
    return html`<p class="muted"><span class="spinner" aria-hidden="true"></span>${this.locale.msg('partner-table.detail.loading')}</p>`;
  }

  private renderInviteDialog() {
    let body: TemplateResult;
    if (this.wizard === 'failed') body = html`<p>${this.locale.msg('partner-table.invite.unavailable')}</p>`;
    else if (this.wizard === 'loading') body = html`<p class="muted"><span class="spinner" aria-hidden="true"></span>${this.locale.msg('partner-table.invite.loading')}</p>`;
    // This table's own adapter; without one the wizard finds the same provider through context.
    else body = html`<invite-wizard .adapter=${this.adapter}></invite-wizard>`;
    return html`${this.renderDialogHeader(this.locale.msg('partner-table.invite.title'))}
      <div class="dialog-body">${body}</div>`;
  }
}
