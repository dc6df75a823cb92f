/**
 * The kit's one popup primitive: positions a popup (tooltip, menu, listbox)
 * next to its anchor with @floating-ui/dom.
 *
 * - The popup is shown in the top layer (`popover="manual"`) where supported,
 *   and positioned with the `fixed` strategy, so no `overflow: hidden`,
 *   `z-index` or shadow root of the page can clip or hide it.
 * - It flips to the other side and shifts along the edge to stay inside the
 *   viewport, and is capped to the space available.
 * - `autoUpdate` (scroll, resize and layout listeners) runs only while the
 *   popup is open; it is cleaned up on close and when the host disconnects.
 * - @floating-ui/dom is loaded on the first open, so an element that is never
 *   opened does not pay for it (a tooltip on every table row stays cheap).
 *
 * The controller owns the popup's visibility (`hidden`, the popover state and
 * `position`/`left`/`top`): render the popup element once, with `hidden`, and
 * bind no `style` or `hidden` to it in the template. The space left in the
 * viewport is given as `--_pk-popup-available-width` / `-height` (used by
 * `popupStyles`).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type * as FloatingUiModule from '@floating-ui/dom';
import type { Placement } from '@floating-ui/dom';

export type { Placement };

type FloatingUi = typeof FloatingUiModule;

let floatingUi: Promise<FloatingUi> | undefined;

function loadFloatingUi(): Promise<FloatingUi> {
  floatingUi ??= import('@floating-ui/dom');
  return floatingUi;
}

/** Distance kept between the popup and the viewport edge, in px. */
const VIEWPORT_PADDING = 8;

const supportsPopover = typeof HTMLElement !== 'undefined' && 'showPopover' in HTMLElement.prototype;

export interface PopupOptions {
  /** The element the popup is placed against. */
  anchor: () => Element | null;
  /** The popup itself (rendered once, with `hidden`). */
  popup: () => HTMLElement | null;
  /** Preferred side; flips to the opposite one when it does not fit. Default `bottom-start`. */
  placement?: Placement;
  /** Gap between anchor and popup, in px. Default 6. */
  offset?: number;
  /** Make the popup at least as wide as its anchor (menus, listboxes). */
  matchAnchorWidth?: boolean;
  /** Called after the popup opened or closed. */
  onOpenChange?: (open: boolean) => void;
}

type HostElement = ReactiveControllerHost & HTMLElement;

export class PopupController implements ReactiveController {
  /** Whether the popup is open (it may still be waiting for its first position). */
  isOpen = false;

  private stopAutoUpdate: (() => void) | undefined;
  // Bumped on every open and close: a position computed for an older opening is dropped.
  private generation = 0;

  constructor(
    private readonly host: HostElement,
    private readonly options: PopupOptions,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.close();
  }

  /** Opens the popup; resolves once it is positioned (or the opening was cancelled). */
  async open(): Promise<void> {
    if (this.isOpen || !this.host.isConnected) return;
    const anchor = this.options.anchor();
    const popup = this.options.popup();
    if (!anchor || !popup) return;
    this.isOpen = true;
    const generation = ++this.generation;
    // Hidden from sight (not from layout) until its first position is known: no flash at 0,0.
    Object.assign(popup.style, { position: 'fixed', left: '0px', top: '0px', visibility: 'hidden' });
    popup.hidden = false;
    this.showInTopLayer(popup);
    this.host.requestUpdate();
    this.options.onOpenChange?.(true);

    let ui: FloatingUi;
    try {
      ui = await loadFloatingUi();
      if (generation !== this.generation) return;
      await this.position(ui, anchor, popup, generation);
    } catch (error) {
      // The positioning chunk failed to load (offline, CDN): close rather than show a popup at 0,0.
      floatingUi = undefined;
      if (generation === this.generation) this.close();
      console.warn('[partner-kit] could not position a popup.', error);
      return;
    }
    if (generation !== this.generation) return;
    this.stopAutoUpdate = ui.autoUpdate(anchor, popup, () => {
      void this.position(ui, anchor, popup, generation);
    });
  }

  /** Closes the popup and stops every listener it used. */
  close(): void {
    if (!this.isOpen) return;
    this.isOpen = false;
    this.generation++;
    this.stopAutoUpdate?.();
    this.stopAutoUpdate = undefined;
    const popup = this.options.popup();
    if (popup) {
      if (supportsPopover && popup.matches(':popover-open')) popup.hidePopover();
      popup.hidden = true;
    }
    this.host.requestUpdate();
    this.options.onOpenChange?.(false);
  }

  toggle(): Promise<void> {
    if (this.isOpen) {
      this.close();
      return Promise.resolve();
    }
    return this.open();
  }

  /** Whether position listeners (autoUpdate) are currently running. */
  get isTracking(): boolean {
    return this.stopAutoUpdate !== undefined;
  }

  private showInTopLayer(popup: HTMLElement): void {
    if (!supportsPopover) return;
    if (!popup.hasAttribute('popover')) popup.setAttribute('popover', 'manual');
    try {
      if (!popup.matches(':popover-open')) popup.showPopover();
    } catch {
      // Not in a document (a race with removal): the fixed position alone still works.
    }
  }

  private async position(ui: FloatingUi, anchor: Element, popup: HTMLElement, generation: number): Promise<void> {
    const matchAnchorWidth = this.options.matchAnchorWidth ?? false;
    const { x, y, placement } = await ui.computePosition(anchor, popup, {
      strategy: 'fixed',
      placement: this.options.placement ?? 'bottom-start',
      middleware: [
        ui.offset(this.options.offset ?? 6),
        ui.flip({ padding: VIEWPORT_PADDING }),
        ui.shift({ padding: VIEWPORT_PADDING }),
        ui.size({
          padding: VIEWPORT_PADDING,
          // Custom properties, not max-width itself: the popup's own CSS caps it further (see popupStyles).
          apply({ availableWidth, availableHeight, rects }) {
            popup.style.setProperty('--_pk-popup-available-width', `${Math.max(0, availableWidth)}px`);
            popup.style.setProperty('--_pk-popup-available-height', `${Math.max(0, availableHeight)}px`);
            popup.style.minWidth = matchAnchorWidth ? `${rects.reference.width}px` : '';
          },
        }),
      ],
    });
    if (generation !== this.generation) return;
    Object.assign(popup.style, { left: `${x}px`, top: `${y}px`, visibility: '' });
    popup.dataset.placement = placement;
  }
}

export interface TooltipOptions {
  /** The focusable element the tooltip describes (it carries `aria-describedby`). */
  trigger: () => HTMLElement | null;
  /** The `role="tooltip"` element (rendered once, with `hidden`). */
  tooltip: () => HTMLElement | null;
  /** Whether the tooltip may show at all (e.g. only in compact mode). Default: always. */
  enabled?: () => boolean;
  /** Default `top`. */
  placement?: Placement;
}

/** Hover intent: a pointer only passing over a row of badges opens nothing. */
const SHOW_DELAY_MS = 120;
/** Time to move the pointer from the trigger onto the tooltip without it closing. */
const HIDE_DELAY_MS = 200;

/**
 * Tooltip behaviour on top of `PopupController`, per WCAG 1.4.13: shown on
 * hover and on keyboard focus; hoverable (the pointer can move onto it);
 * dismissable with Escape without moving focus or pointer; persistent until
 * hover and focus leave or it is dismissed.
 */
export class TooltipController implements ReactiveController {
  private static shown: TooltipController | undefined;

  readonly popup: PopupController;

  private hovered = false;
  private focused = false;
  // Escape closed it: it stays closed until hover and focus have both left.
  private dismissed = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: HostElement,
    private readonly options: TooltipOptions,
  ) {
    this.popup = new PopupController(host, {
      anchor: options.trigger,
      popup: options.tooltip,
      placement: options.placement ?? 'top',
      onOpenChange: (open) => {
        if (open) {
          document.addEventListener('keydown', this.onDocumentKeydown);
        } else {
          document.removeEventListener('keydown', this.onDocumentKeydown);
          if (TooltipController.shown === this) TooltipController.shown = undefined;
        }
      },
    });
    host.addController(this);
  }

  get isOpen(): boolean {
    return this.popup.isOpen;
  }

  hostConnected(): void {
    this.host.addEventListener('pointerenter', this.onPointerEnter);
    this.host.addEventListener('pointerleave', this.onPointerLeave);
    this.host.addEventListener('focusin', this.onFocusIn);
    this.host.addEventListener('focusout', this.onFocusOut);
    this.host.addEventListener('keydown', this.onHostKeydown);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('pointerenter', this.onPointerEnter);
    this.host.removeEventListener('pointerleave', this.onPointerLeave);
    this.host.removeEventListener('focusin', this.onFocusIn);
    this.host.removeEventListener('focusout', this.onFocusOut);
    this.host.removeEventListener('keydown', this.onHostKeydown);
    document.removeEventListener('keydown', this.onDocumentKeydown);
    clearTimeout(this.timer);
    this.hovered = false;
    this.focused = false;
    this.dismissed = false;
  }

  /**
   * Continues from `event`, a hover (a pointer event) or focus (`focusin`) that
   * happened before this controller existed (the element loaded the tooltip
   * code on it, see `LazyTooltip`): shows the tooltip if the pointer is still
   * over the element or the trigger still has focus.
   */
  catchUp(event: Event): void {
    const trigger = this.options.trigger();
    this.hovered = event.type.startsWith('pointer') && this.host.matches(':hover');
    this.focused = trigger?.matches(':focus') ?? false;
    if (this.hovered || this.focused) this.schedule(this.focused ? 0 : SHOW_DELAY_MS);
  }

  /** Closes the tooltip until hover and focus have both left (what Escape does). */
  dismiss(): void {
    clearTimeout(this.timer);
    this.dismissed = true;
    this.popup.close();
  }

  private show(): void {
    // One tooltip on screen at a time: hovering a badge while another is focused shows only the newest.
    if (TooltipController.shown !== undefined && TooltipController.shown !== this) TooltipController.shown.popup.close();
    TooltipController.shown = this;
    void this.popup.open();
  }

  private enabled(): boolean {
    return this.options.enabled?.() ?? true;
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    const update = () => {
      if ((this.hovered || this.focused) && !this.dismissed && this.enabled()) this.show();
      else this.popup.close();
    };
    if (delay === 0) update();
    else this.timer = setTimeout(update, delay);
  }

  private settle(): void {
    if (!this.hovered && !this.focused) this.dismissed = false;
  }

  private readonly onPointerEnter = (event: PointerEvent) => {
    if (event.pointerType === 'touch') return;
    this.hovered = true;
    this.schedule(this.isOpen ? 0 : SHOW_DELAY_MS);
  };

  private readonly onPointerLeave = (event: PointerEvent) => {
    if (event.pointerType === 'touch') return;
    this.hovered = false;
    this.settle();
    this.schedule(HIDE_DELAY_MS);
  };

  private readonly onFocusIn = (event: FocusEvent) => {
    const trigger = this.options.trigger();
    if (!trigger || !event.composedPath().includes(trigger)) return;
    this.focused = true;
    this.schedule(0);
  };

  private readonly onFocusOut = (event: FocusEvent) => {
    const trigger = this.options.trigger();
    if (!trigger || !event.composedPath().includes(trigger)) return;
    this.focused = false;
    this.settle();
    this.schedule(0);
  };

  // Focus is in the element: Escape is the tooltip's, not a surrounding dialog's.
  private readonly onHostKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !this.isOpen) return;
    event.preventDefault();
    event.stopPropagation();
    this.dismiss();
  };

  // Open by hover only (focus is elsewhere): Escape still dismisses it.
  private readonly onDocumentKeydown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && this.isOpen) this.dismiss();
  };
}
