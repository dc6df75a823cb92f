import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface RowRange {
  /** First rendered row (inclusive). */
  start: number;
  /** Last rendered row (exclusive). */
  end: number;
}

export interface VirtualWindowOptions {
  /** The scrolling element that holds the table. */
  scroller: () => HTMLElement | null;
  /** A rendered body row, observed to learn the row height. */
  sampleRow: () => HTMLElement | null;
  /** Rows rendered beyond each edge of the visible area. Default 8. */
  overscan?: number;
  /** Used until a row has been measured. Default 56 px. */
  estimatedRowHeight?: number;
}

/** Assumed before the scroller's size is known (e.g. while it is still hidden). */
const FALLBACK_VIEWPORT_HEIGHT = 600;

/**
 * Windowing for a table of fixed-height rows: tells the host which rows to
 * render for the current scroll position, so only the rows in view plus a
 * small overscan are in the DOM whatever the number of rows.
 *
 * Layout is never read during an update (that would lay the whole shadow tree
 * out inside it, and again at paint): `scrollTop` is read in an animation
 * frame after a scroll, and both the scroller's height and the row height
 * come from a ResizeObserver, which reports them after the browser's own
 * layout. The host re-renders only when the range of rows actually changes.
 */
export class VirtualWindowController implements ReactiveController {
  /** Height of one body row in px (measured, else the estimate). */
  rowHeight: number;

  private readonly overscan: number;
  private scrollTop = 0;
  private viewportHeight = 0;
  private rowCount = 0;
  private range: RowRange = { start: 0, end: 0 };
  private scroller: HTMLElement | null = null;
  /** The body row whose size is observed (any row: they all have the same height). */
  private sampleRow: HTMLElement | null = null;
  private resizeObserver: ResizeObserver | undefined;
  private frame = 0;
  private resizeFrame = 0;
  /** The row height changed since the last resize frame. */
  private rowHeightChanged = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: VirtualWindowOptions,
  ) {
    this.rowHeight = options.estimatedRowHeight ?? 56;
    this.overscan = options.overscan ?? 8;
    host.addController(this);
  }

  hostUpdated(): void {
    const scroller = this.options.scroller();
    if (scroller !== this.scroller) this.attach(scroller);
    const row = scroller ? this.options.sampleRow() : null;
    if (row !== this.sampleRow && (row !== null || this.sampleRow?.isConnected !== true)) this.observeRow(row);
  }

  hostDisconnected(): void {
    this.attach(null);
  }

  /** The rows to render out of `rowCount`; remembered to tell later whether a scroll needs a render. */
  rowsFor(rowCount: number): RowRange {
    this.rowCount = rowCount;
    this.range = this.compute(rowCount);
    return this.range;
  }

  /** Height of the space standing in for `count` rows that are not rendered. */
  spaceFor(count: number): number {
    return Math.max(0, count) * this.rowHeight;
  }

  /** Scrolls back to the first row (a new query). */
  scrollToTop(): void {
    this.scrollTop = 0;
    if (this.scroller) this.scroller.scrollTop = 0;
  }

  /** Scrolls the least needed for row `index` to be fully in view, and renders its window. */
  revealRow(index: number, headerHeight: number): void {
    const scroller = this.scroller;
    if (!scroller) return;
    const top = index * this.rowHeight;
    const visible = (this.viewportHeight || FALLBACK_VIEWPORT_HEIGHT) - headerHeight;
    if (top < scroller.scrollTop) scroller.scrollTop = top;
    else if (top + this.rowHeight > scroller.scrollTop + visible) scroller.scrollTop = top + this.rowHeight - visible;
    this.scrollTop = scroller.scrollTop;
    this.host.requestUpdate();
  }

  private compute(rowCount: number): RowRange {
    const height = this.rowHeight;
    const viewport = this.viewportHeight > 0 ? this.viewportHeight : FALLBACK_VIEWPORT_HEIGHT;
    const first = Math.floor(this.scrollTop / height);
    const last = Math.ceil((this.scrollTop + viewport) / height);
    const start = Math.min(rowCount, Math.max(0, first - this.overscan));
    const end = Math.min(rowCount, Math.max(start, last + this.overscan));
    return { start, end };
  }

  private attach(scroller: HTMLElement | null): void {
    this.scroller?.removeEventListener('scroll', this.onScroll);
    this.resizeObserver?.disconnect();
    this.sampleRow = null;
    cancelAnimationFrame(this.frame);
    cancelAnimationFrame(this.resizeFrame);
    this.frame = 0;
    this.resizeFrame = 0;
    this.scroller = scroller;
    if (!scroller) return;
    // A scroller just rendered is at the top. Its real position is read after the browser's
    // layout (the first resize callback), not here, where reading it would force one.
    this.scrollTop = 0;
    scroller.addEventListener('scroll', this.onScroll, { passive: true });
    this.resizeObserver ??= new ResizeObserver(this.onResize);
    this.resizeObserver.observe(scroller);
  }

  private observeRow(row: HTMLElement | null): void {
    if (this.sampleRow) this.resizeObserver?.unobserve(this.sampleRow);
    this.sampleRow = row;
    // Observing starts with a callback carrying the row's current size.
    if (row) this.resizeObserver?.observe(row, { box: 'border-box' });
  }

  private readonly onResize = (entries: ResizeObserverEntry[]) => {
    for (const entry of entries) {
      if (entry.target === this.scroller) {
        this.viewportHeight = entry.contentRect.height;
        continue;
      }
      // A row: its height changes with fonts or zoom.
      const height = entry.borderBoxSize?.[0]?.blockSize ?? entry.contentRect.height;
      if (height > 0 && Math.abs(height - this.rowHeight) > 0.5) {
        this.rowHeight = height;
        this.rowHeightChanged = true;
      }
    }
    // Rendering inside this callback could resize the scroller again in the same frame
    // (a ResizeObserver loop error): it waits for the next frame, where layout is still fresh.
    cancelAnimationFrame(this.resizeFrame);
    this.resizeFrame = requestAnimationFrame(() => {
      this.resizeFrame = 0;
      if (this.scroller) this.scrollTop = this.scroller.scrollTop;
      const rowHeightChanged = this.rowHeightChanged;
      this.rowHeightChanged = false;
      this.renderIfRangeChanged(rowHeightChanged);
    });
  };

  private readonly onScroll = () => {
    if (this.frame !== 0) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      if (!this.scroller) return;
      this.scrollTop = this.scroller.scrollTop;
      this.renderIfRangeChanged(false);
    });
  };

  /** Re-renders when the rows to show changed, or when the row height did (the spacers use it). */
  private renderIfRangeChanged(rowHeightChanged: boolean): void {
    const next = this.compute(this.rowCount);
    if (rowHeightChanged || next.start !== this.range.start || next.end !== this.range.end) this.host.requestUpdate();
  }
}
