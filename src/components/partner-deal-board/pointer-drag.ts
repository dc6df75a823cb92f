/**
 * Pointer drag and drop of deal tiles between columns, on pointer events (no
 * library, no HTML drag-and-drop: it works the same with a mouse, a pen and a
 * touch on the tile's grip).
 *
 * While a drag is in progress nothing re-renders: the ghost follows the
 * pointer through a transform, and the column under it is marked with a data
 * attribute, so a board of a thousand tiles stays at frame rate. Only the
 * drop changes state (once).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

export interface PointerDragOptions {
  /** Whether this deal may be dragged now. */
  canDrag: (dealId: string) => boolean;
  /** The text the ghost shows (set as text, never markup). */
  ghostLabel: (dealId: string) => string;
  onStart: (dealId: string) => void;
  /** Dropped over a column (`columnId`), or outside any (`null`). */
  onDrop: (dealId: string, columnId: string | null) => void;
  onCancel: (dealId: string) => void;
}

/** Movement (px) before a press becomes a drag: a click stays a click. */
const DRAG_THRESHOLD = 4;
/** Distance (px) from the board's edge where dragging scrolls it. */
const EDGE = 48;

interface Press {
  dealId: string;
  pointerId: number;
  tile: HTMLElement;
  startX: number;
  startY: number;
  offsetX: number;
  offsetY: number;
}

export class PointerDrag implements ReactiveController {
  private press: Press | null = null;
  private active = false;
  private over: HTMLElement | null = null;
  // The click that ends a drag must not open anything.
  private suppressClick = false;

  constructor(
    private readonly host: Host,
    private readonly options: PointerDragOptions,
  ) {
    host.addController(this);
  }

  /** A tile is being dragged (or pressed, about to be). */
  get isDragging(): boolean {
    return this.active;
  }

  hostDisconnected(): void {
    if (this.press) this.end(null, true);
  }

  private query<T extends Element>(selector: string): T | null {
    return this.host.renderRoot.querySelector<T>(selector);
  }

  /** Wire to the board's `pointerdown` (delegated: one listener for every tile). */
  readonly onPointerDown = (event: PointerEvent): void => {
    if (this.press || event.button !== 0 || !event.isPrimary) return;
    const target = event.target as HTMLElement;
    // Buttons in a tile keep their own behaviour; touch drags only from the grip (elsewhere it scrolls).
    if (target.closest('button, a, input, select, textarea')) return;
    if (event.pointerType === 'touch' && !target.closest('.drag-handle')) return;
    const tile = target.closest<HTMLElement>('.tile[data-deal-id]');
    const dealId = tile?.dataset['dealId'];
    if (!tile || dealId === undefined || !this.options.canDrag(dealId)) return;
    const rect = tile.getBoundingClientRect();
    this.press = {
      dealId,
      pointerId: event.pointerId,
      tile,
      startX: event.clientX,
      startY: event.clientY,
      offsetX: event.clientX - rect.left,
      offsetY: event.clientY - rect.top,
    };
    window.addEventListener('pointermove', this.onPointerMove);
    window.addEventListener('pointerup', this.onPointerUp);
    window.addEventListener('pointercancel', this.onPointerCancel);
    window.addEventListener('keydown', this.onKeydown, true);
  };

  /** Wire to the board's `click` in the capture phase. */
  readonly onClickCapture = (event: MouseEvent): void => {
    if (!this.suppressClick) return;
    this.suppressClick = false;
    event.stopPropagation();
    event.preventDefault();
  };

  private start(press: Press): void {
    this.active = true;
    const ghost = this.query<HTMLElement>('.drag-ghost');
    if (ghost) {
      const rect = press.tile.getBoundingClientRect();
      ghost.textContent = this.options.ghostLabel(press.dealId);
      ghost.style.width = `${rect.width}px`;
      ghost.hidden = false;
    }
    press.tile.setAttribute('data-dragging', '');
    this.query('.board')?.setAttribute('data-pointer-dragging', '');
    this.options.onStart(press.dealId);
  }

  private readonly onPointerMove = (event: PointerEvent): void => {
    const press = this.press;
    if (!press || event.pointerId !== press.pointerId) return;
    if (!this.active) {
      if (Math.hypot(event.clientX - press.startX, event.clientY - press.startY) < DRAG_THRESHOLD) return;
      this.start(press);
    }
    event.preventDefault();
    const ghost = this.query<HTMLElement>('.drag-ghost');
    if (ghost) ghost.style.transform = `translate(${event.clientX - press.offsetX}px, ${event.clientY - press.offsetY}px)`;
    this.autoScroll(event.clientX);
    this.setOver(this.columnAt(event.clientX, event.clientY));
  };

  private readonly onPointerUp = (event: PointerEvent): void => {
    const press = this.press;
    if (!press || event.pointerId !== press.pointerId) return;
    if (!this.active) {
      this.end(null, true);
      return;
    }
    const column = this.columnAt(event.clientX, event.clientY);
    this.end(column?.dataset['columnId'] ?? null, false);
  };

  private readonly onPointerCancel = (event: PointerEvent): void => {
    if (this.press && event.pointerId === this.press.pointerId) this.end(null, true);
  };

  private readonly onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || !this.active) return;
    event.preventDefault();
    event.stopPropagation();
    this.end(null, true);
  };

  /** Cancels a drag in progress (the board is about to change under it). */
  cancel(): void {
    if (this.press) this.end(null, true);
  }

  private end(columnId: string | null, cancelled: boolean): void {
    const press = this.press;
    const wasActive = this.active;
    this.press = null;
    this.active = false;
    window.removeEventListener('pointermove', this.onPointerMove);
    window.removeEventListener('pointerup', this.onPointerUp);
    window.removeEventListener('pointercancel', this.onPointerCancel);
    window.removeEventListener('keydown', this.onKeydown, true);
    this.setOver(null);
    const ghost = this.query<HTMLElement>('.drag-ghost');
    if (ghost) {
      ghost.hidden = true;
      ghost.textContent = '';
      ghost.style.transform = '';
    }
    this.query('.board')?.removeAttribute('data-pointer-dragging');
    if (!press || !wasActive) return;
    press.tile.removeAttribute('data-dragging');
    this.suppressClick = true;
    // A drop that produces no click (pointer released elsewhere) must not swallow the next real one.
    setTimeout(() => (this.suppressClick = false), 0);
    if (cancelled) this.options.onCancel(press.dealId);
    else this.options.onDrop(press.dealId, columnId);
  }

  private columnAt(x: number, y: number): HTMLElement | null {
    for (const column of this.host.renderRoot.querySelectorAll<HTMLElement>('.column[data-drop-target]')) {
      const rect = column.getBoundingClientRect();
      if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return column;
    }
    return null;
  }

  private setOver(column: HTMLElement | null): void {
    if (column === this.over) return;
    this.over?.removeAttribute('data-drop-over');
    column?.setAttribute('data-drop-over', '');
    this.over = column;
  }

  private autoScroll(x: number): void {
    const scroller = this.query<HTMLElement>('.columns');
    if (!scroller || scroller.scrollWidth <= scroller.clientWidth) return;
    const rect = scroller.getBoundingClientRect();
    if (x < rect.left + EDGE) scroller.scrollLeft -= 16;
    else if (x > rect.right - EDGE) scroller.scrollLeft += 16;
  }
}
