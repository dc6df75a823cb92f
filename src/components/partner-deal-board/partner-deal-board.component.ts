import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { PartnerKitError, toPartnerKitError } from '../../adapter/errors.js';
import type {
  AdapterChange,
  Deal,
  DealDocument,
  DealQuery,
  Note,
  Organisation,
  PartnerKitAdapter,
  Session,
  Workflow,
} from '../../adapter/types.js';
import { hasCapability } from '../../adapter/validate.js';
import { can, type PermissionContext } from '../../domain/permissions.js';
import { DataController } from '../../internal/data-controller.js';
import { adoptLaterStyles } from '../../internal/later-styles.js';
import { lazyModule } from '../../internal/lazy-module.js';
import { announce } from '../../internal/live-region.js';
import { LocaleController } from '../../internal/locale-controller.js';
import { onLocaleChange } from '../../locales/index.js';
import { PartnerKitElement } from '../../internal/partner-kit-element.js';
import { dialogStyles, popupStyles, visuallyHidden } from '../../styles/shared.js';
import { menuStyles } from '../../styles/menu.js';
import { tokens } from '../../styles/tokens.js';
// Types only: the form and the deal view load on first use (see addDealFormCode, dealViewCode).
import type * as AddDealFormModule from './add-deal-form.js';
import type { AddDealForm } from './add-deal-form.js';
import {
  effectiveStageId,
  groupDeals,
  removeDeal,
  sortDeals,
  upsertDeal,
  visibleStages,
  warnContractOnce,
  type BoardColumn,
  type SortKey,
  type SortState,
} from './board-model.js';
import { renderDealList } from './deal-list-view.js';
import { MOVE_INSTRUCTIONS_ID, renderColumn, type TileContext } from './deal-tile.js';
import type * as DealViewModule from './deal-view.js';
import type { DealView } from './deal-view.js';
import { MoveMenu, type MoveMenuView } from './move-menu.js';
import { partnerDealBoardStyles } from './partner-deal-board.styles.js';
import { buttonStyles } from '../../styles/controls.js';
import { fieldStyles } from '../../styles/fields.js';
import { spinnerStyles } from '../../styles/spinner.js';
import { PointerDrag } from './pointer-drag.js';
import { dealBoardBaseEn } from '../../locales/partner-deal-board.en.js';
import { registerMessages } from '../../locales/index.js';

// This element's own strings: English now, Spanish when the page needs it. The form's and the
// deal view's English strings come with them; the Spanish catalogue has both.
registerMessages(dealBoardBaseEn, { es: () => import('../../locales/partner-deal-board.es.js').then((module) => module.dealBoardEs) });

export type DealBoardView = 'board' | 'list';

/** `pk-deal-open`, `pk-deal-created`. */
export interface DealEventDetail {
  deal: Deal;
}
/** `pk-deal-moved`: the adapter confirmed the move. */
export interface DealMovedDetail {
  deal: Deal;
  fromStageId: string;
  toStageId: string;
}
/** `pk-deal-move-failed`: the move was rolled back. */
export interface DealMoveFailedDetail {
  dealId: string;
  stageId: string;
  error: PartnerKitError;
}
/** `pk-deal-note-added`. */
export interface DealNoteDetail {
  note: Note;
}
/** `pk-deal-document-uploaded`. */
export interface DealDocumentDetail {
  document: DealDocument;
}
/** `pk-deal-board-change`: the viewer chose another organisation, workflow, closed-deals setting or view. */
export interface DealBoardChangeDetail {
  organisationId: string | undefined;
  workflowId: string | undefined;
  includeClosed: boolean;
  view: DealBoardView;
}

declare module '../../internal/events.js' {
  interface PartnerKitEventMap {
    'pk-deal-open': CustomEvent<DealEventDetail>;
    'pk-deal-created': CustomEvent<DealEventDetail>;
    'pk-deal-moved': CustomEvent<DealMovedDetail>;
    'pk-deal-move-failed': CustomEvent<DealMoveFailedDetail>;
    'pk-deal-note-added': CustomEvent<DealNoteDetail>;
    'pk-deal-document-uploaded': CustomEvent<DealDocumentDetail>;
    'pk-deal-board-change': CustomEvent<DealBoardChangeDetail>;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'pk-deal-open': CustomEvent<DealEventDetail>;
    'pk-deal-created': CustomEvent<DealEventDetail>;
    'pk-deal-moved': CustomEvent<DealMovedDetail>;
    'pk-deal-move-failed': CustomEvent<DealMoveFailedDetail>;
    'pk-deal-note-added': CustomEvent<DealNoteDetail>;
    'pk-deal-document-uploaded': CustomEvent<DealDocumentDetail>;
    'pk-deal-board-change': CustomEvent<DealBoardChangeDetail>;
  }
}

interface BoardData {
  session: Session;
  organisations: Organisation[];
  organisation: Organisation;
  workflows: Workflow[];
  workflow: Workflow | null;
  deals: Deal[];
}

interface Permissions {
  addDeal: boolean;
  move: boolean;
  open: boolean;
  addNote: boolean;
  upload: boolean;
}

/** A deal picked up with the keyboard: where it came from and the column it is over. */
interface KeyboardDrag {
  dealId: string;
  originStageId: string;
  /** Null while still over its origin when that is not a column (an unknown stage). */
  targetStageId: string | null;
}

type FocusTarget = 'tile' | 'move' | 'open';

/** Session, organisations and workflows change rarely: kept per adapter, reloaded by `reload()` and retry. */
interface BoardCache {
  adapter: PartnerKitAdapter;
  context?: { session: Session; organisations: Organisation[] };
  workflows: Map<string, Workflow[]>;
}

/**
 * Views a board that is only looked at never opens load on first use, so its first load does not
 * pay for them: the "Add new deal" form and the deal view, each with its strings and (shared) the
 * dialogs' styles. They are prefetched when the page is idle after the board shows, and when the
 * person points at or focuses the button that opens them. One load per page; a failed load is
 * tried again on the next attempt.
 */
const addDealFormCode = lazyModule<typeof AddDealFormModule>(() => import('./add-deal-form.js'));
const dealViewCode = lazyModule<typeof DealViewModule>(() => import('./deal-view.js'));

const DEAL_PAGE_SIZE = 500;
/** A safety stop for an adapter whose cursor never ends (500 × 40 = 20,000 deals). */
const MAX_DEAL_PAGES = 40;

/**
 * @summary The partner portal's deals (seeds 003, 004): the stages of a
 * workflow as columns of deal tiles, a sortable list view, closed deals, a
 * workflow picker and an organisation switcher; adding a deal; the deal view
 * with notes and documents; and moving deals by pointer, keyboard or the
 * "Move to…" menu, optimistically, with live changes from the adapter.
 *
 * What the viewer may do follows the permissions function and the adapter's
 * capabilities: partners add deals only where the organisation allows it and
 * they are allocated to a broker; only brokers and admins move deals.
 *
 * **Loading.** The "Add new deal" form and the deal view (with their strings
 * and the dialogs' styles) are not part of the element's first load: they
 * load when the page is idle after the board shows, when the person points
 * at or focuses the button that opens them, or on the click at the latest.
 * If one cannot load (offline, a missing file), the board says so in its
 * message area (also announced), focus stays on the button, and the next
 * click tries again.
 *
 * @tag partner-deal-board
 *
 * @csspart base - The whole element.
 * @csspart toolbar - The title and the board's controls.
 * @csspart title - The workflow's name.
 * @csspart organisation-select - The organisation switcher (shown with several organisations).
 * @csspart workflow-select - The workflow picker (shown with several workflows).
 * @csspart closed-toggle - The "Show closed deals" checkbox.
 * @csspart view-toggle - The Board / List buttons.
 * @csspart add-deal-button - "Add new deal".
 * @csspart message - A move that failed, or a form or deal view that could not load, explained (also announced).
 * @csspart loading - The loading state.
 * @csspart error - The error state, with its retry button.
 * @csspart empty - The empty board, with its call to action.
 * @csspart board - The board view.
 * @csspart columns - The row of columns (scrolls sideways).
 * @csspart column - A stage; `column-unassigned` for deals in an unknown stage.
 * @csspart column-header - A column's name and count.
 * @csspart column-count - The number of deals in a column.
 * @csspart column-list - A column's tiles.
 * @csspart column-empty - "No deals in this stage".
 * @csspart tile - A deal tile; `tile-lifted` while picked up with the keyboard.
 * @csspart drag-handle - The tile's grip (drags by touch).
 * @csspart tile-name - The deal's name.
 * @csspart tile-clients - The client names.
 * @csspart tile-broker - The broker.
 * @csspart tile-labels - The labels of a tile.
 * @csspart label - One label.
 * @csspart tile-date - The creation date.
 * @csspart open-button - The "eye" that opens a deal.
 * @csspart move-button - "Move to…".
 * @csspart move-menu - The "Move to…" menu.
 * @csspart move-menu-item - A stage in the menu.
 * @csspart drag-ghost - What follows the pointer during a drag.
 * @csspart table-scroller - The list view's scroll container.
 * @csspart table - The list view.
 * @csspart sort-button - A sortable column header.
 * @csspart row - A deal in the list view.
 * @csspart row-name - The deal's name in the list view.
 * @csspart form-dialog - The "Add new deal" dialog.
 * @csspart form - Its form.
 * @csspart form-title - Its title.
 * @csspart form-contact - One client's fieldset.
 * @csspart form-field - A label, its control and its message.
 * @csspart form-label - A field's label.
 * @csspart form-input - A text field.
 * @csspart form-select - The broker picker.
 * @csspart form-textarea - The summary notes.
 * @csspart form-add-contact - "+ Add New Contact".
 * @csspart form-remove-contact - Removes a client (from the second on).
 * @csspart form-error - Why saving failed.
 * @csspart form-cancel - Cancel.
 * @csspart form-save - Save.
 * @csspart field-error - A field's error message (form, note, upload).
 * @csspart close-button - A dialog's close button.
 * @csspart deal-dialog - The deal view (a drawer).
 * @csspart deal-title - The deal's name in the deal view.
 * @csspart progress - The stage progression.
 * @csspart progress-step - A stage in it; also `progress-step-done`, `progress-step-current` or `progress-step-upcoming`.
 * @csspart deal-details - Broker, partner, labels, created date, clients, summary.
 * @csspart clients - The client list.
 * @csspart client - One client.
 * @csspart client-phone - A client's phone link.
 * @csspart client-email - A client's email link.
 * @csspart summary - The deal's summary notes.
 * @csspart deal-notes - The notes section.
 * @csspart notes - The list of notes.
 * @csspart note - One note.
 * @csspart note-form - "Add a note".
 * @csspart note-input - The note's text.
 * @csspart note-submit - "Add note".
 * @csspart deal-documents - The documents section.
 * @csspart documents - The list of documents.
 * @csspart document - One document.
 * @csspart document-link - A document's download link.
 * @csspart upload - "Upload a document".
 * @csspart upload-input - The file picker.
 *
 * @cssproperty --pk-deal-board-column-width - Width of a column. Default `17rem`.
 * @cssproperty --pk-deal-board-column-max-height - Height after which a column scrolls. Default `70vh`.
 * @cssproperty --pk-font-family - Font. Default `inherit` (the page's font).
 * @cssproperty --pk-font-size-small - Secondary text.
 * @cssproperty --pk-color-surface - Tiles, dialogs and menus.
 * @cssproperty --pk-color-text - Text on those surfaces.
 * @cssproperty --pk-color-text-muted - Secondary text.
 * @cssproperty --pk-color-border - Borders.
 * @cssproperty --pk-color-border-strong - Edges of buttons (3:1 against the surface).
 * @cssproperty --pk-color-accent - Primary buttons, the current stage, drop targets.
 * @cssproperty --pk-color-focus-ring - Keyboard focus outline.
 * @cssproperty --pk-tone-neutral-bg - Column and note background.
 * @cssproperty --pk-tone-neutral-fg - Secondary text on notes.
 * @cssproperty --pk-tone-info-bg - Label background.
 * @cssproperty --pk-tone-info-fg - Label text.
 * @cssproperty --pk-tone-danger-bg - Error background.
 * @cssproperty --pk-tone-danger-fg - Error text.
 * @cssproperty --pk-tone-success-fg - Completed stages.
 * @cssproperty --pk-radius - Corner radius.
 * @cssproperty --pk-radius-pill - Label corner radius.
 * @cssproperty --pk-space-1 - Smallest gap.
 * @cssproperty --pk-space-2 - Small gap.
 * @cssproperty --pk-space-3 - Medium gap.
 * @cssproperty --pk-space-4 - Large gap.
 * @cssproperty --pk-shadow-popup - Menus, dialogs and the drag ghost.
 * @cssproperty --pk-z-popup - The menu's stacking where the top layer is unavailable.
 *
 * @fires {CustomEvent<DealEventDetail>} pk-deal-open - A deal view was opened.
 * @fires {CustomEvent<DealEventDetail>} pk-deal-created - A deal was added through the form.
 * @fires {CustomEvent<DealMovedDetail>} pk-deal-moved - The adapter confirmed a move.
 * @fires {CustomEvent<DealMoveFailedDetail>} pk-deal-move-failed - A move failed and was rolled back.
 * @fires {CustomEvent<DealNoteDetail>} pk-deal-note-added - The viewer added a note.
 * @fires {CustomEvent<DealDocumentDetail>} pk-deal-document-uploaded - The viewer uploaded a document.
 * @fires {CustomEvent<DealBoardChangeDetail>} pk-deal-board-change - The viewer chose another organisation, workflow, closed-deals setting or view.
 *
 * @example
 * ```html
 * <partner-kit-provider id="kit"><partner-deal-board></partner-deal-board></partner-kit-provider>
 * ```
 */
export class PartnerDealBoard extends PartnerKitElement {
  // The dialogs' own styles come with the form and the deal view (see adoptLaterStyles).
  static override styles = [tokens, visuallyHidden, popupStyles, menuStyles, dialogStyles, buttonStyles, fieldStyles, spinnerStyles, ...partnerDealBoardStyles];

  /** The organisation to show (default: the session's). The organisation switcher changes it. */
  @property({ attribute: 'organisation-id' }) organisationId: string | undefined;

  /** The workflow to show (default: the organisation's default workflow). The workflow picker changes it. */
  @property({ attribute: 'workflow-id' }) workflowId: string | undefined;

  /** Show closed stages and closed deals. */
  @property({ type: Boolean, reflect: true, attribute: 'include-closed' }) includeClosed = false;

  /** `board` (columns) or `list` (a sortable table). */
  @property({ reflect: true }) view: DealBoardView = 'board';

  @state() private sort: SortState = { key: 'created', direction: 'descending' };
  @state() private keyboardDrag: KeyboardDrag | null = null;
  /** A move that failed, or a view that could not load, explained (a new move replaces it). */
  @state() private message: { text: string; source: 'move' | 'view' } | null = null;

  /** Optimistic moves waiting for the adapter: deal id → the stage it shows in. */
  private readonly pendingMoves = new Map<string, string>();
  /** Live changes that arrived during a drag or with the move menu open: applied after. */
  private queuedChanges: AdapterChange[] = [];
  private unsubscribe: (() => void) | undefined;
  private subscribedTo: PartnerKitAdapter | undefined;
  private cache: BoardCache | undefined;
  private focusAfterRender: { dealId: string; target: FocusTarget } | null = null;
  private listCache: { key: readonly unknown[]; deals: Deal[] } | undefined;
  /** Bumped when the locale or a catalogue changes, so guarded tiles render their text again. */
  private localeRevision = 0;
  private stopLocaleWatch: (() => void) | undefined;

  private readonly locale = new LocaleController(this);

  private readonly board = new DataController(this, {
    args: () => [this.adapterKey, this.organisationId, this.workflowId, this.includeClosed] as const,
    load: ([, organisationId, workflowId, includeClosed], { signal }) =>
      this.loadBoard(organisationId, workflowId, includeClosed, signal),
  });

  // The form and the deal view load on first use (see addDealFormCode, dealViewCode).
  private form: AddDealForm | undefined;
  private dealView: DealView | undefined;

  private async loadForm(): Promise<AddDealForm> {
    const { AddDealForm, dealDialogStyles } = await addDealFormCode.load();
    adoptLaterStyles(this, dealDialogStyles);
    this.form ??= new AddDealForm(this, {
      adapter: () => this.adapterOrError(),
      adapterKey: () => this.adapterKey,
      organisationId: () => this.board.value?.organisation.id ?? null,
      canListBrokers: () => this.can('listBrokers'),
      locale: this.locale,
      onCreated: (deal) => this.onDealCreated(deal),
    });
    return this.form;
  }

  private async loadDealView(): Promise<DealView> {
    const { DealView, dealDialogStyles } = await dealViewCode.load();
    adoptLaterStyles(this, dealDialogStyles);
    this.dealView ??= new DealView(this, {
      adapter: () => this.adapterOrError(),
      adapterKey: () => this.adapterKey,
      can: (method) => this.can(method),
      locale: this.locale,
      fallbackFocus: (dealId) => this.findFocusTarget(dealId, 'open'),
      onNoteAdded: (note) => this.emit('pk-deal-note-added', { note }),
      onDocumentUploaded: (document) => this.emit('pk-deal-document-uploaded', { document }),
    });
    return this.dealView;
  }

  /** Pointing at or focusing "Add new deal" or an "eye": load what it opens now, so that the click does not wait. */
  private readonly onOpenIntent = (event: Event): void => {
    if (addDealFormCode.value && dealViewCode.value) return;
    const action = (event.target as Element).closest?.<HTMLElement>('[data-action]')?.dataset['action'];
    // A failure here is reported when the view is asked for (it is loaded again then).
    if (action === 'add-deal' && !addDealFormCode.value) addDealFormCode.load().catch(() => undefined);
    else if (action === 'open' && !dealViewCode.value) dealViewCode.load().catch(() => undefined);
  };

  private readonly moveMenu = new MoveMenu(this, {
    onSelect: (dealId, stageId) => void this.commitMove(dealId, stageId, 'move'),
    onClose: () => this.flushQueuedChanges(),
  });

  private readonly pointerDrag = new PointerDrag(this, {
    canDrag: (dealId) => this.keyboardDrag === null && !this.pendingMoves.has(dealId) && this.permissions()?.move === true,
    ghostLabel: (dealId) => this.findDeal(dealId)?.name ?? '',
    onStart: () => this.moveMenu.close(false),
    onDrop: (dealId, columnId) => {
      if (columnId !== null) void this.commitMove(dealId, columnId, 'tile');
      this.flushQueuedChanges();
    },
    onCancel: () => this.flushQueuedChanges(),
  });

  /** Reloads everything (session, organisations, workflows, deals) from the adapter. */
  reload(): Promise<void> {
    this.cache = undefined;
    return this.board.run();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.stopLocaleWatch ??= onLocaleChange(() => {
      this.localeRevision++;
    });
    this.syncSubscription();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopLocaleWatch?.();
    this.stopLocaleWatch = undefined;
    this.syncSubscription();
    this.keyboardDrag = null;
    this.queuedChanges = [];
    document.removeEventListener('pointerdown', this.onDocumentPointerDown, true);
  }

  /** The adapter's identity for the data controllers (an invalid value is its own key). */
  private get adapterKey(): unknown {
    try {
      return this.resolvedAdapter;
    } catch {
      return this.adapter;
    }
  }

  // -------------------------------------------------------------------------
  // Loading

  private async loadBoard(
    requestedOrganisation: string | undefined,
    requestedWorkflow: string | undefined,
    includeClosed: boolean,
    signal: AbortSignal,
  ): Promise<BoardData> {
    const adapter = this.adapterOrError();
    if (adapter instanceof PartnerKitError) throw adapter;
    if (!adapter.listWorkflows || !adapter.listDeals || !this.canListDeals(adapter)) {
      throw new PartnerKitError('contract', '<partner-deal-board> needs an adapter with listWorkflows and listDeals.');
    }
    const cache: BoardCache = this.cache?.adapter === adapter ? this.cache : (this.cache = { adapter, workflows: new Map() });

    if (!cache.context) {
      const [session, organisations] = await Promise.all([
        adapter.getSession({ signal }),
        hasCapability(adapter, 'listOrganisations') ? adapter.listOrganisations!({ signal }) : Promise.resolve([]),
      ]);
      cache.context = {
        session,
        organisations:
          organisations.length > 0
            ? organisations
            : [{ ...session.organisation, switches: session.switches, defaultWorkflowId: null }],
      };
    }
    const { session, organisations } = cache.context;
    const organisation =
      organisations.find((candidate) => candidate.id === requestedOrganisation) ??
      organisations.find((candidate) => candidate.id === session.organisation.id) ??
      (organisations[0] as Organisation);

    let workflows = cache.workflows.get(organisation.id);
    if (!workflows) {
      workflows = await adapter.listWorkflows(organisation.id, { signal });
      cache.workflows.set(organisation.id, workflows);
    }
    const workflow =
      workflows.find((candidate) => candidate.id === requestedWorkflow) ??
      workflows.find((candidate) => candidate.id === organisation.defaultWorkflowId) ??
      workflows[0] ??
      null;

    const deals = workflow
      ? await this.listAllDeals(adapter, { organisationId: organisation.id, workflowId: workflow.id, includeClosed }, signal)
      : [];
    return { session, organisations, organisation, workflows, workflow, deals };
  }

  private async listAllDeals(adapter: PartnerKitAdapter, query: DealQuery, signal: AbortSignal): Promise<Deal[]> {
    const byId = new Map<string, Deal>();
    let cursor: string | null = null;
    for (let page = 0; page < MAX_DEAL_PAGES; page++) {
      const result = await adapter.listDeals!({ ...query, cursor, limit: DEAL_PAGE_SIZE }, { signal });
      for (const deal of result.items) byId.set(deal.id, deal);
      cursor = result.nextCursor ?? null;
      if (cursor === null || result.items.length === 0) break;
    }
    return [...byId.values()];
  }

  private canListDeals(adapter: PartnerKitAdapter | undefined = undefined): boolean {
    if (adapter) return hasCapability(adapter, 'listWorkflows') && hasCapability(adapter, 'listDeals');
    return this.can('listWorkflows') && this.can('listDeals');
  }

  // -------------------------------------------------------------------------
  // Permissions and lookups

  private permissions(data: BoardData | undefined = this.board.value): Permissions | undefined {
    if (!data) return undefined;
    const context: PermissionContext = { role: data.session.role, org: data.organisation.switches };
    if (data.organisation.viewerAllocated !== undefined) context.allocatedToBroker = data.organisation.viewerAllocated;
    return {
      addDeal: can('add-deal', context) && this.can('createDeal'),
      move: can('move-deal', context) && this.can('moveDeal'),
      open: can('view-deal', context),
      addNote: can('add-note', context) && this.can('addNote'),
      upload: can('upload-document', context) && this.can('uploadDocument'),
    };
  }

  private findDeal(dealId: string): Deal | undefined {
    return this.board.value?.deals.find((deal) => deal.id === dealId);
  }

  private stageName(stageId: string): string {
    return (
      this.board.value?.workflow?.stages.find((stage) => stage.id === stageId)?.name ??
      this.locale.msg('dealBoard.column.unassigned')
    );
  }

  private stageOverrides(): Map<string, string> {
    const overrides = new Map(this.pendingMoves);
    if (this.keyboardDrag?.targetStageId) overrides.set(this.keyboardDrag.dealId, this.keyboardDrag.targetStageId);
    return overrides;
  }

  private get isInteracting(): boolean {
    return this.keyboardDrag !== null || this.pointerDrag.isDragging || this.moveMenu.isOpen;
  }

  // -------------------------------------------------------------------------
  // Live changes

  private syncSubscription(): void {
    let adapter: PartnerKitAdapter | undefined;
    try {
      adapter = this.isConnected ? this.resolvedAdapter : undefined;
    } catch {
      adapter = undefined;
    }
    if (adapter === this.subscribedTo) return;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.subscribedTo = adapter;
    this.queuedChanges = [];
    if (adapter?.subscribe && hasCapability(adapter, 'subscribe')) this.unsubscribe = adapter.subscribe(this.onAdapterChange);
  }

  private readonly onAdapterChange = (change: AdapterChange): void => {
    // A drag in progress is never disturbed: what changed meanwhile is applied after the drop.
    if (this.isInteracting) {
      this.queuedChanges.push(change);
      return;
    }
    this.applyChange(change, true);
  };

  private flushQueuedChanges(): void {
    const queued = this.queuedChanges;
    this.queuedChanges = [];
    for (const change of queued) this.applyChange(change, false);
  }

  private applyChange(change: AdapterChange, announceIt: boolean): void {
    this.dealView?.applyChange(change);
    const data = this.board.value;
    if (!data) return;
    if (change.type === 'deal-updated') {
      const before = data.deals.find((deal) => deal.id === change.deal.id);
      const shownBefore = before ? effectiveStageId(before, this.pendingMoves) : null;
      this.applyServerDeal(change.deal);
      const after = this.findDeal(change.deal.id);
      if (announceIt && before && after && shownBefore !== after.stageId && !this.pendingMoves.has(after.id)) {
        announce(this.locale.msg('dealBoard.live.moved', { name: after.name, stage: this.stageName(after.stageId) }));
      }
    } else if (change.type === 'deal-removed') {
      if (data.deals.some((deal) => deal.id === change.dealId)) {
        this.board.setValue({ ...data, deals: removeDeal(data.deals, change.dealId) });
      }
    }
  }

  /** Puts the adapter's copy of a deal on the board (or takes it off when it left this workflow). */
  private applyServerDeal(deal: Deal): void {
    const data = this.board.value;
    if (!data) return;
    const existing = data.deals.find((candidate) => candidate.id === deal.id);
    const belongs = deal.organisationId === data.organisation.id && deal.workflowId === data.workflow?.id;
    if (!belongs) {
      if (existing) this.board.setValue({ ...data, deals: removeDeal(data.deals, deal.id) });
      return;
    }
    // An older copy (a late event) never replaces a newer one.
    if (existing && existing.version > deal.version) return;
    this.board.setValue({ ...data, deals: upsertDeal(data.deals, deal) });
  }

  // -------------------------------------------------------------------------
  // Moving

  /** Whether focus is on (or in) this deal's tile or row, or was lost with a re-rendered one. */
  private focusIsOnDeal(dealId: string): boolean {
    const active = this.shadowRoot?.activeElement as HTMLElement | null | undefined;
    if (!active) return document.activeElement === document.body || document.activeElement === null;
    return active.closest<HTMLElement>('[data-deal-id]')?.dataset['dealId'] === dealId;
  }

  private findFocusTarget(dealId: string, target: FocusTarget): HTMLElement | null {
    const id = CSS.escape(dealId);
    const selectors = {
      tile: `.tile[data-deal-id="${id}"]`,
      move: `[data-action="move"][data-deal-id="${id}"]`,
      open: `[data-action="open"][data-deal-id="${id}"]`,
    };
    const order: FocusTarget[] = target === 'tile' ? ['tile', 'move', 'open'] : target === 'move' ? ['move', 'tile', 'open'] : ['open', 'tile', 'move'];
    for (const candidate of order) {
      const element = this.renderRoot.querySelector<HTMLElement>(selectors[candidate]);
      if (element) return element;
    }
    return null;
  }

  private moveFailureMessage(error: PartnerKitError, name: string, stage: string): string {
    const params = { name, stage };
    switch (error.code) {
      case 'conflict':
        return this.locale.msg('dealBoard.move.failed.conflict', params);
      case 'forbidden':
        return this.locale.msg('dealBoard.move.failed.forbidden', params);
      case 'network':
      case 'timeout':
        return this.locale.msg('dealBoard.move.failed.network', params);
      default:
        return this.locale.msg('dealBoard.move.failed.other', params);
    }
  }

  /**
   * The optimistic move: the tile shows in the new stage at once; the adapter
   * is asked with the deal's version; on failure the tile goes back, the
   * reason is announced and focus stays on the tile.
   */
  private async commitMove(dealId: string, toStageId: string, focusTarget: FocusTarget): Promise<void> {
    const adapter = this.adapterOrError();
    const deal = this.findDeal(dealId);
    if (adapter instanceof PartnerKitError || !adapter.moveDeal || !deal || this.permissions()?.move !== true) return;
    if (this.pendingMoves.has(dealId) || deal.stageId === toStageId) return;
    const fromStageId = deal.stageId;
    this.pendingMoves.set(dealId, toStageId);
    this.message = null;
    if (this.focusIsOnDeal(dealId)) this.focusAfterRender = { dealId, target: focusTarget };
    this.requestUpdate();
    announce(this.locale.msg('dealBoard.move.dropped', { name: deal.name, stage: this.stageName(toStageId) }));
    try {
      const moved = await adapter.moveDeal(dealId, toStageId, deal.version);
      this.pendingMoves.delete(dealId);
      this.applyServerDeal(moved);
      this.requestUpdate();
      this.emit('pk-deal-moved', { deal: moved, fromStageId, toStageId });
    } catch (error) {
      this.pendingMoves.delete(dealId);
      const failure = toPartnerKitError(error) as PartnerKitError;
      const current = this.findDeal(dealId) ?? deal;
      const message = this.moveFailureMessage(failure, current.name, this.stageName(current.stageId));
      this.message = { text: message, source: 'move' };
      if (this.focusIsOnDeal(dealId)) this.focusAfterRender = { dealId, target: focusTarget };
      this.requestUpdate();
      announce(message, 'assertive');
      this.emit('pk-deal-move-failed', { dealId, stageId: toStageId, error: failure });
      // Someone else changed it: fetch its current version, so the next try can succeed.
      if (failure.code === 'conflict' && this.can('getDeal')) void this.refreshDeal(adapter, dealId);
    }
  }

  private async refreshDeal(adapter: PartnerKitAdapter, dealId: string): Promise<void> {
    try {
      const deal = await adapter.getDeal!(dealId);
      if (this.isInteracting) this.queuedChanges.push({ type: 'deal-updated', deal });
      else this.applyServerDeal(deal);
    } catch {
      // The live feed or the next load catches up; the failed move was already explained.
    }
  }

  private pickUp(deal: Deal): void {
    if (this.pendingMoves.has(deal.id)) return;
    this.moveMenu.close(false);
    const stages = visibleStages(this.board.value?.workflow ?? null, this.includeClosed);
    const origin = deal.stageId;
    this.keyboardDrag = {
      dealId: deal.id,
      originStageId: origin,
      targetStageId: stages.some((stage) => stage.id === origin) ? origin : null,
    };
    document.addEventListener('pointerdown', this.onDocumentPointerDown, true);
    announce(this.locale.msg('dealBoard.move.picked-up', { name: deal.name, stage: this.stageName(origin) }));
  }

  private moveKeyboardDrag(step: 1 | -1): void {
    const drag = this.keyboardDrag;
    const deal = drag ? this.findDeal(drag.dealId) : undefined;
    if (!drag || !deal) return;
    const stages = visibleStages(this.board.value?.workflow ?? null, this.includeClosed);
    const index = stages.findIndex((stage) => stage.id === drag.targetStageId);
    const next = index === -1 ? (step > 0 ? 0 : -1) : Math.min(stages.length - 1, Math.max(0, index + step));
    const stage = stages[next];
    if (!stage) return;
    if (stage.id !== drag.targetStageId) {
      this.keyboardDrag = { ...drag, targetStageId: stage.id };
      this.focusAfterRender = { dealId: drag.dealId, target: 'tile' };
    }
    announce(
      this.locale.msg('dealBoard.move.over', { name: deal.name, stage: stage.name, position: next + 1, total: stages.length }),
    );
  }

  private endKeyboardDrag(): KeyboardDrag | null {
    const drag = this.keyboardDrag;
    this.keyboardDrag = null;
    document.removeEventListener('pointerdown', this.onDocumentPointerDown, true);
    if (drag) this.focusAfterRender = { dealId: drag.dealId, target: 'tile' };
    return drag;
  }

  private dropKeyboardDrag(): void {
    const drag = this.endKeyboardDrag();
    const deal = drag ? this.findDeal(drag.dealId) : undefined;
    if (!drag || !deal) return;
    if (drag.targetStageId === null || drag.targetStageId === drag.originStageId) {
      announce(this.locale.msg('dealBoard.move.dropped-same', { name: deal.name, stage: this.stageName(drag.originStageId) }));
    } else {
      void this.commitMove(deal.id, drag.targetStageId, 'tile');
    }
    this.flushQueuedChanges();
  }

  private cancelKeyboardDrag(): void {
    const drag = this.endKeyboardDrag();
    const deal = drag ? this.findDeal(drag.dealId) : undefined;
    if (drag && deal) {
      announce(this.locale.msg('dealBoard.move.cancelled', { name: deal.name, stage: this.stageName(drag.originStageId) }));
    }
    this.flushQueuedChanges();
  }

  /** A press anywhere else ends a keyboard drag (it goes back). */
  private readonly onDocumentPointerDown = (event: PointerEvent): void => {
    const drag = this.keyboardDrag;
    if (!drag) return;
    const tile = this.findFocusTarget(drag.dealId, 'tile');
    if (tile && event.composedPath().includes(tile)) return;
    this.cancelKeyboardDrag();
    this.focusAfterRender = null;
  };

  private readonly onTileKeydown = (event: KeyboardEvent): void => {
    const moveButton = (event.target as Element).closest?.<HTMLElement>('button[data-action="move"]');
    const movingDealId = moveButton?.dataset['dealId'];
    if (moveButton && movingDealId !== undefined) {
      // The menu-button keys (ArrowDown / ArrowUp open "Move to…"), not while that deal is moving.
      if (!this.pendingMoves.has(movingDealId) && !this.keyboardDrag) this.moveMenu.onButtonKeydown(event, movingDealId, moveButton);
      return;
    }
    const tile = event.target as HTMLElement;
    if (!tile.classList?.contains('tile')) return;
    const deal = this.findDeal(tile.dataset['dealId'] ?? '');
    if (!deal || this.permissions()?.move !== true) return;
    const drag = this.keyboardDrag;
    if (!drag) {
      if (event.key === ' ' || event.key === 'Enter') {
        event.preventDefault();
        this.pickUp(deal);
      }
      return;
    }
    if (drag.dealId !== deal.id) return;
    switch (event.key) {
      case 'ArrowLeft':
      case 'ArrowRight': {
        event.preventDefault();
        const rtl = getComputedStyle(this).direction === 'rtl';
        this.moveKeyboardDrag((event.key === 'ArrowRight') !== rtl ? 1 : -1);
        break;
      }
      case 'ArrowUp':
      case 'ArrowDown':
        event.preventDefault();
        break;
      case ' ':
      case 'Enter':
        event.preventDefault();
        this.dropKeyboardDrag();
        break;
      case 'Escape':
      case 'Tab':
        // Tab would leave a tile that is about to move back: stay on it.
        event.preventDefault();
        event.stopPropagation();
        this.cancelKeyboardDrag();
        break;
      default:
        break;
    }
  };

  // -------------------------------------------------------------------------
  // Actions

  private readonly onContentClick = (event: MouseEvent): void => {
    const target = event.target as HTMLElement;
    const sortButton = target.closest<HTMLElement>('[data-sort]');
    if (sortButton) {
      const key = sortButton.dataset['sort'] as SortKey;
      const direction = this.sort.key === key && this.sort.direction === 'ascending' ? 'descending' : 'ascending';
      this.sort = { key, direction };
      return;
    }
    const button = target.closest<HTMLElement>('button[data-action]');
    const dealId = button?.dataset['dealId'];
    if (!button || dealId === undefined) return;
    const deal = this.findDeal(dealId);
    if (!deal) return;
    if (button.dataset['action'] === 'open') this.openDeal(deal, button);
    else if (button.dataset['action'] === 'move') {
      // Waiting for the adapter: the button stays focusable, but one move at a time.
      if (this.pendingMoves.has(deal.id)) return;
      if (this.keyboardDrag) this.cancelKeyboardDrag();
      this.moveMenu.openFor(deal.id, button);
    }
  };

  private openDeal(deal: Deal, opener: HTMLElement): void {
    this.clearViewFailure();
    void this.loadDealView().then(
      (view) => {
        // Removed, or the form opened while the view was loading: do not stack dialogs.
        if (!this.isConnected || this.form?.open) return;
        void view.show(deal, opener);
        this.emit('pk-deal-open', { deal });
      },
      (error: unknown) => {
        console.warn('[partner-kit] <partner-deal-board> could not load the deal view.', error);
        this.reportViewFailure(this.locale.msg('dealBoard.deal.unavailable', { name: deal.name }));
      },
    );
  }

  private readonly openForm = (event: Event): void => {
    const opener = event.currentTarget as HTMLElement;
    this.clearViewFailure();
    void this.loadForm().then(
      (form) => {
        // Removed, or a deal opened while the form was loading: do not stack dialogs.
        if (!this.isConnected || this.dealView?.isOpen) return;
        void form.show(opener);
      },
      (error: unknown) => {
        console.warn('[partner-kit] <partner-deal-board> could not load the form to add a deal.', error);
        this.reportViewFailure(this.locale.msg('dealBoard.form.unavailable'));
      },
    );
  };

  /** A view that could not load: said where move failures are (focus stays on the button), tried again next time. */
  private reportViewFailure(text: string): void {
    if (!this.isConnected) return;
    this.message = { text, source: 'view' };
    announce(text, 'assertive');
  }

  private clearViewFailure(): void {
    if (this.message?.source === 'view') this.message = null;
  }

  private onDealCreated(deal: Deal): void {
    const data = this.board.value;
    this.applyServerDeal(deal);
    // It lands in the organisation's default workflow: show that one, so the new deal is on the board.
    if (data && deal.organisationId === data.organisation.id && deal.workflowId !== data.workflow?.id) {
      this.workflowId = deal.workflowId;
    }
    const stage = data?.workflows.find((workflow) => workflow.id === deal.workflowId)?.stages.find((s) => s.id === deal.stageId);
    announce(this.locale.msg('dealBoard.form.created', { name: deal.name, stage: stage?.name ?? this.stageName(deal.stageId) }));
    this.emit('pk-deal-created', { deal });
  }

  private resetInteractions(): void {
    this.pointerDrag.cancel();
    if (this.keyboardDrag) this.endKeyboardDrag();
    this.focusAfterRender = null;
    this.moveMenu.close(false);
    this.queuedChanges = [];
    this.message = null;
  }

  private emitBoardChange(): void {
    this.emit('pk-deal-board-change', {
      organisationId: this.organisationId,
      workflowId: this.workflowId,
      includeClosed: this.includeClosed,
      view: this.currentView,
    });
  }

  private readonly onOrganisationChange = (event: Event): void => {
    this.resetInteractions();
    this.organisationId = (event.target as HTMLSelectElement).value;
    this.workflowId = undefined;
    this.form?.resetBroker();
    this.emitBoardChange();
  };

  private readonly onWorkflowChange = (event: Event): void => {
    this.resetInteractions();
    this.workflowId = (event.target as HTMLSelectElement).value;
    this.emitBoardChange();
  };

  private readonly onClosedChange = (event: Event): void => {
    this.resetInteractions();
    this.includeClosed = (event.target as HTMLInputElement).checked;
    this.emitBoardChange();
  };

  private setView(view: DealBoardView): void {
    if (this.currentView === view) return;
    this.resetInteractions();
    this.view = view;
    this.emitBoardChange();
  }

  private get currentView(): DealBoardView {
    return this.view === 'list' ? 'list' : 'board';
  }

  // -------------------------------------------------------------------------
  // Rendering

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.syncSubscription();
    // The board shows: load the views this viewer may open once the page is idle.
    const permissions = this.board.value && this.permissions();
    if (permissions?.addDeal) addDealFormCode.prefetch();
    if (permissions?.open) dealViewCode.prefetch();
    const pending = this.focusAfterRender;
    if (pending) {
      this.focusAfterRender = null;
      const element = this.findFocusTarget(pending.dealId, pending.target);
      if (element && this.shadowRoot?.activeElement !== element) element.focus();
    }
  }

  private sortedDeals(columns: readonly BoardColumn[], data: BoardData): Deal[] {
    const overrides = this.stageOverrides();
    const key = [data.deals, data.workflow, this.sort, this.includeClosed, this.locale.lang, [...overrides].join()] as const;
    if (this.listCache && this.listCache.key.every((part, index) => part === key[index])) return this.listCache.deals;
    const stageOrder = new Map((data.workflow?.stages ?? []).map((stage, index) => [stage.id, index]));
    const deals = sortDeals(
      columns.flatMap((column) => column.deals),
      this.sort,
      {
        collator: new Intl.Collator(this.locale.lang, { sensitivity: 'base', numeric: true }),
        stageOrder,
        stageOf: (deal) => effectiveStageId(deal, overrides),
      },
    );
    this.listCache = { key, deals };
    return deals;
  }

  private renderToolbar(data: BoardData, permissions: Permissions, busy: boolean) {
    const msg = this.locale.msg.bind(this.locale);
    const view = this.currentView;
    return html`<div part="toolbar" class="toolbar">
        <h2 part="title" class="title">${data.workflow?.name ?? msg('dealBoard.label')}</h2>
        <div class="controls">
          ${data.organisations.length > 1
            ? html`<label class="control">
                <span class="control-label">${msg('dealBoard.organisation')}</span>
                <select part="organisation-select" class="input select" @change=${this.onOrganisationChange}>
                  ${data.organisations.map(
                    (organisation) => html`<option value=${organisation.id} ?selected=${organisation.id === data.organisation.id}>
                      ${organisation.name}
                    </option>`,
                  )}
                </select>
              </label>`
            : nothing}
          ${data.workflows.length > 1
            ? html`<label class="control">
                <span class="control-label">${msg('dealBoard.workflow')}</span>
                <select part="workflow-select" class="input select" @change=${this.onWorkflowChange}>
                  ${data.workflows.map(
                    (workflow) => html`<option value=${workflow.id} ?selected=${workflow.id === data.workflow?.id}>${workflow.name}</option>`,
                  )}
                </select>
              </label>`
            : nothing}
          <label class="control checkbox">
            <input part="closed-toggle" type="checkbox" .checked=${this.includeClosed} @change=${this.onClosedChange} />
            ${msg('dealBoard.show-closed')}
          </label>
          <div part="view-toggle" class="segmented" role="group" aria-label=${msg('dealBoard.view')}>
            <button class="segment" type="button" aria-pressed=${view === 'board' ? 'true' : 'false'} @click=${() => this.setView('board')}>
              ${msg('dealBoard.view.board')}
            </button>
            <button class="segment" type="button" aria-pressed=${view === 'list' ? 'true' : 'false'} @click=${() => this.setView('list')}>
              ${msg('dealBoard.view.list')}
            </button>
          </div>
          ${permissions.addDeal
            ? html`<button part="add-deal-button" class="button primary" type="button" data-action="add-deal" @click=${this.openForm}>
                ${msg('dealBoard.add-deal')}
              </button>`
            : nothing}
        </div>
      </div>
      ${busy ? html`<p class="updating" role="status">${msg('dealBoard.updating')}</p>` : nothing}
      ${this.message
        ? html`<div part="message" class="message">
            <p>${this.message.text}</p>
            <button class="button quiet" type="button" @click=${() => (this.message = null)}>${msg('dealBoard.dismiss')}</button>
          </div>`
        : nothing}`;
  }

  private renderContent(data: BoardData, permissions: Permissions) {
    const msg = this.locale.msg.bind(this.locale);
    if (!data.workflow) return html`<p part="empty" class="empty">${msg('dealBoard.no-workflows')}</p>`;
    const columns = groupDeals(data.workflow, data.deals, { includeClosed: this.includeClosed, stageOverrides: this.stageOverrides() });
    const total = columns.reduce((sum, column) => sum + column.deals.length, 0);
    if (total === 0) {
      return html`<div part="empty" class="empty">
        <p class="empty-title">${msg('dealBoard.empty.title')}</p>
        <p>${msg(permissions.addDeal ? 'dealBoard.empty.can-add' : 'dealBoard.empty.cannot-add')}</p>
        ${permissions.addDeal
          ? html`<button class="button primary" type="button" data-action="add-deal" @click=${this.openForm}>${msg('dealBoard.add-deal')}</button>`
          : nothing}
      </div>`;
    }
    const context: TileContext = {
      locale: this.locale,
      localeRevision: `${this.locale.lang}:${this.localeRevision}`,
      movable: permissions.move,
      openable: permissions.open,
      liftedDealId: this.keyboardDrag?.dealId ?? null,
      pendingDealIds: new Set(this.pendingMoves.keys()),
      menuDealId: this.moveMenu.dealId,
    };
    if (this.currentView === 'list') {
      const overrides = this.stageOverrides();
      return renderDealList(this.sortedDeals(columns, data), {
        ...context,
        caption: msg('dealBoard.list.caption', { workflow: data.workflow.name }),
        sort: this.sort,
        stageName: (deal) => this.stageName(effectiveStageId(deal, overrides)),
      });
    }
    return html`<div
      part="board"
      class="board${this.keyboardDrag ? ' keyboard-dragging' : ''}"
      @pointerdown=${this.pointerDrag.onPointerDown}
      @click=${{ handleEvent: this.pointerDrag.onClickCapture, capture: true }}
      @keydown=${this.onTileKeydown}
    >
      <div part="columns" class="columns">${repeat(columns, (column) => column.id, (column, index) => renderColumn(column, index, context))}</div>
    </div>`;
  }

  private renderBoard(data: BoardData, busy: boolean) {
    const permissions = this.permissions(data) as Permissions;
    return html`${this.renderToolbar(data, permissions, busy)}
      <div class="content" aria-busy=${busy ? 'true' : 'false'} @click=${this.onContentClick}>${this.renderContent(data, permissions)}</div>`;
  }

  private renderLoading() {
    return html`<div part="loading" class="loading">
      <p role="status"><span class="spinner" aria-hidden="true"></span>${this.locale.msg('dealBoard.loading')}</p>
      <div class="skeleton" aria-hidden="true">
        ${[0, 1, 2].map(() => html`<div class="skeleton-column"><div class="skeleton-tile"></div><div class="skeleton-tile"></div></div>`)}
      </div>
    </div>`;
  }

  private renderError(error: PartnerKitError) {
    warnContractOnce(error);
    const msg = this.locale.msg.bind(this.locale);
    return html`<div part="error" class="error" role="alert">
      <p class="error-title">${msg('dealBoard.error.title')}</p>
      <p>${msg(`dealBoard.error.${error.code}`)}</p>
      <button class="button" type="button" @click=${() => void this.reload()}>${msg('dealBoard.retry')}</button>
    </div>`;
  }

  private menuView(): MoveMenuView | null {
    const dealId = this.moveMenu.dealId;
    const deal = dealId === null ? undefined : this.findDeal(dealId);
    const data = this.board.value;
    if (!deal || !data) return null;
    return {
      label: this.locale.msg('dealBoard.move.menu', { name: deal.name }),
      stages: visibleStages(data.workflow, this.includeClosed),
      currentStageId: effectiveStageId(deal, this.pendingMoves),
      currentLabel: this.locale.msg('dealBoard.move.current'),
    };
  }

  protected override render() {
    const unsupported = this.adapterKey !== undefined && !(this.adapterOrError() instanceof PartnerKitError) && !this.canListDeals();
    const data = this.board.value;
    const permissions = this.permissions(data);
    return html`<div part="base" class="base" lang=${this.locale.lang} @pointerover=${this.onOpenIntent} @focusin=${this.onOpenIntent}>
      ${unsupported
        ? html`<p part="error" class="error" role="alert">${this.locale.msg('dealBoard.error.unsupported')}</p>`
        : this.board.render({
            initial: () => this.renderLoading(),
            pending: (previous) => (previous ? this.renderBoard(previous, true) : this.renderLoading()),
            complete: (value) => this.renderBoard(value, false),
            error: (error) => this.renderError(error),
          })}
      <p id=${MOVE_INSTRUCTIONS_ID} class="visually-hidden">${this.locale.msg('dealBoard.move.instructions')}</p>
      ${this.moveMenu.render(this.menuView())}
      ${this.form?.render() ?? nothing}
      ${this.dealView?.render({
        workflow: data?.workflow ?? null,
        canAddNote: permissions?.addNote === true,
        canUpload: permissions?.upload === true,
      }) ?? nothing}
      <div part="drag-ghost" class="drag-ghost" aria-hidden="true" hidden></div>
    </div>`;
  }
}
