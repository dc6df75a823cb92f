import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { LazyPopup } from '../../internal/lazy-popup.js';

export interface RowMenuOptions {
  /** The menu button of a row (the popup's anchor and where focus returns). */
  button: (rowId: string) => HTMLElement | null;
  /** The one `role="menu"` element, rendered once with `hidden`. */
  menu: () => HTMLElement | null;
}

/** Keys typed within this time build one typeahead string. */
const TYPEAHEAD_RESET_MS = 600;

type HostElement = ReactiveControllerHost & HTMLElement;

/**
 * The WAI-ARIA menu-button pattern for a row's "Actions", on the shared
 * `PopupController`: one menu element serves every row. Opening moves focus
 * to the first (ArrowUp: last) item; ArrowUp/ArrowDown wrap, Home/End jump,
 * typing a letter moves to the next item starting with it; Escape closes and
 * returns focus to the button; Tab closes and moves on from the button; a
 * pointer press elsewhere closes without moving focus.
 */
export class RowMenuController implements ReactiveController {
  /** The row whose menu is open, or null. */
  rowId: string | null = null;

  // Not needed for the first render: its code loads when the page is idle, or on the first open.
  private readonly popup: LazyPopup;
  private typed = '';
  private typedTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: HostElement,
    private readonly options: RowMenuOptions,
  ) {
    this.popup = new LazyPopup(host, 'the row menu', {
      anchor: () => (this.rowId === null ? null : this.options.button(this.rowId)),
      popup: this.options.menu,
      placement: 'bottom-end',
      onOpenChange: (open) => {
        if (open) document.addEventListener('pointerdown', this.onDocumentPointerDown, true);
        else document.removeEventListener('pointerdown', this.onDocumentPointerDown, true);
      },
    });
    host.addController(this);
  }

  hostDisconnected(): void {
    document.removeEventListener('pointerdown', this.onDocumentPointerDown, true);
    clearTimeout(this.typedTimer);
    this.rowId = null;
  }

  get isOpen(): boolean {
    return this.rowId !== null;
  }

  /** Opens the menu of `rowId` (closing another one) and focuses its first or last item. */
  async open(rowId: string, focus: 'first' | 'last' = 'first'): Promise<void> {
    if (this.rowId !== null && this.rowId !== rowId) this.close(false);
    this.rowId = rowId;
    // The items of this row are rendered before the popup is measured and focused.
    this.host.requestUpdate();
    const stillWanted = () => this.rowId === rowId;
    if (!(await this.popup.openAfterRender(stillWanted))) {
      // It could not load or be placed: focus stays on its button.
      if (stillWanted()) this.close(true);
      return;
    }
    const items = this.items();
    (focus === 'first' ? items[0] : items[items.length - 1])?.focus();
  }

  /** Closes the menu; `returnFocus` puts focus back on its button. */
  close(returnFocus: boolean): void {
    const rowId = this.rowId;
    if (rowId === null) return;
    const button = this.options.button(rowId);
    this.rowId = null;
    this.popup.close();
    this.typed = '';
    if (returnFocus) button?.focus();
    this.host.requestUpdate();
  }

  /** The menu button was activated (click, Enter or Space). */
  toggle(rowId: string): void {
    if (this.rowId === rowId) this.close(true);
    else void this.open(rowId, 'first');
  }

  /** Keys on a menu button: ArrowDown opens at the first item, ArrowUp at the last. */
  handleButtonKeydown(event: KeyboardEvent, rowId: string): void {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    void this.open(rowId, event.key === 'ArrowDown' ? 'first' : 'last');
  }

  /** Keys inside the menu. */
  handleMenuKeydown(event: KeyboardEvent): void {
    const items = this.items();
    if (items.length === 0) return;
    const current = items.findIndex((item) => item === this.focusedItem());
    const focusAt = (index: number) => items[(index + items.length) % items.length]?.focus();
    switch (event.key) {
      case 'ArrowDown':
        focusAt(current + 1);
        break;
      case 'ArrowUp':
        focusAt(current < 0 ? -1 : current - 1);
        break;
      case 'Home':
        focusAt(0);
        break;
      case 'End':
        focusAt(-1);
        break;
      case 'Escape':
        event.stopPropagation();
        this.close(true);
        break;
      case 'Tab':
        // Focus goes back to the button first, so the Tab moves on from there.
        this.close(true);
        return;
      case ' ':
        // Space activates a link item too (links only react to Enter natively).
        if (current >= 0 && items[current]?.localName === 'a') items[current]?.click();
        else return;
        break;
      default:
        if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
          this.typeahead(event.key, items, current);
          break;
        }
        return;
    }
    event.preventDefault();
  }

  /** Focus left the menu for something else: it closes, focus stays where it went. */
  handleMenuFocusOut(event: FocusEvent): void {
    const menu = this.options.menu();
    const next = event.relatedTarget as Node | null;
    if (menu && next && !menu.contains(next)) this.close(false);
  }

  private items(): HTMLElement[] {
    const menu = this.options.menu();
    return menu ? [...menu.querySelectorAll<HTMLElement>('[role="menuitem"]')] : [];
  }

  private focusedItem(): Element | null {
    const root = this.options.menu()?.getRootNode() as ShadowRoot | Document | undefined;
    return root?.activeElement ?? null;
  }

  private typeahead(key: string, items: HTMLElement[], current: number): void {
    clearTimeout(this.typedTimer);
    this.typedTimer = setTimeout(() => (this.typed = ''), TYPEAHEAD_RESET_MS);
    this.typed += key.toLocaleLowerCase();
    // A repeated single letter cycles through the items starting with it.
    const repeated = this.typed.length > 1 && [...this.typed].every((letter) => letter === this.typed[0]);
    const prefix = repeated ? this.typed[0]! : this.typed;
    const startAt = repeated || this.typed.length === 1 ? current + 1 : Math.max(current, 0);
    for (let step = 0; step < items.length; step++) {
      const item = items[(startAt + step) % items.length];
      if (item?.textContent?.trim().toLocaleLowerCase().startsWith(prefix)) {
        item.focus();
        return;
      }
    }
  }

  private readonly onDocumentPointerDown = (event: PointerEvent) => {
    if (this.rowId === null) return;
    const path = event.composedPath();
    const menu = this.options.menu();
    const button = this.options.button(this.rowId);
    if ((menu && path.includes(menu)) || (button && path.includes(button))) return;
    this.close(false);
  };
}
