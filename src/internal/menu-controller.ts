import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { LazyPopup } from './lazy-popup.js';
import type { PopupOptions } from './popup-controller.js';

export interface MenuOptions {
  /** Names the menu in the console when its popup code cannot load ("the row menu"). */
  what: string;
  /** The button that opens the menu for `key` (the popup's anchor, where focus returns). */
  button: (key: string) => HTMLElement | null;
  /** The one `role="menu"` element, rendered always with `hidden` (the popup shows it). */
  menu: () => HTMLElement | null;
  placement: PopupOptions['placement'];
  /** The menu is at least as wide as its button (default false). */
  matchAnchorWidth?: boolean;
  /** The item focused when the menu opens from a click, Enter, Space or ArrowDown. Default: the first. */
  firstItem?: (items: HTMLElement[]) => HTMLElement | undefined;
  /** Called each time the menu closes. */
  onClose?: () => void;
}

/** Keys typed within this time build one typeahead string. */
const TYPEAHEAD_RESET_MS = 600;

const ITEMS = '[role="menuitem"], [role="menuitemradio"], [role="menuitemcheckbox"]';

/**
 * The WAI-ARIA menu-button pattern, for one menu element that serves many
 * buttons (a row's "Actions", a deal's "Move to…"), on the shared popup.
 *
 * Opening moves focus to the first item (ArrowUp on the button: the last);
 * ArrowUp/ArrowDown wrap, Home/End jump, typing letters moves to the next item
 * starting with them; Enter and Space activate the item (a click, which the
 * host handles); Escape closes and returns focus to the button; Tab closes and
 * moves on from the button; focus leaving or a pointer press elsewhere closes
 * without moving focus.
 *
 * The host renders the menu and binds `onKeydown` and `onFocusOut` on it, and
 * calls `toggle` / `onButtonKeydown` from its buttons.
 */
export class MenuController implements ReactiveController {
  /** The key (row, deal) whose menu is open, or null. */
  openFor: string | null = null;

  // Not needed for the first render: its code loads when the page is idle, or on the first open.
  private readonly popup: LazyPopup;
  private typed = '';
  private typedTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: MenuOptions,
  ) {
    this.popup = new LazyPopup(host, options.what, {
      anchor: () => (this.openFor === null ? null : this.options.button(this.openFor)),
      popup: this.options.menu,
      placement: options.placement,
      matchAnchorWidth: options.matchAnchorWidth,
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
    this.openFor = null;
    this.typed = '';
  }

  get isOpen(): boolean {
    return this.openFor !== null;
  }

  /** Opens the menu of `key` (closing another one's) and focuses its first or last item. */
  async open(key: string, focus: 'first' | 'last' = 'first'): Promise<void> {
    if (this.openFor !== null && this.openFor !== key) this.close(false);
    this.openFor = key;
    // The items for this key are rendered before the popup is measured and focused.
    this.host.requestUpdate();
    const stillWanted = () => this.openFor === key;
    if (!(await this.popup.openAfterRender(stillWanted))) {
      // It could not load or be placed: focus goes back to its button.
      if (stillWanted()) this.close(true);
      return;
    }
    const items = this.items();
    const item = focus === 'last' ? items[items.length - 1] : (this.options.firstItem?.(items) ?? items[0]);
    item?.focus();
  }

  /** Closes the menu; `returnFocus` puts focus back on its button. */
  close(returnFocus: boolean): void {
    const key = this.openFor;
    if (key === null) return;
    const button = this.options.button(key);
    this.openFor = null;
    this.popup.close();
    this.typed = '';
    if (returnFocus && button?.isConnected) button.focus();
    this.host.requestUpdate();
    this.options.onClose?.();
  }

  /** The button of `key` was activated (click, Enter or Space). */
  toggle(key: string): void {
    if (this.openFor === key) this.close(true);
    else void this.open(key, 'first');
  }

  /** Keys on the button of `key`: ArrowDown opens at the first item, ArrowUp at the last. */
  onButtonKeydown(event: KeyboardEvent, key: string): void {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    void this.open(key, event.key === 'ArrowDown' ? 'first' : 'last');
  }

  /** Keys inside the menu (bind on the menu element). */
  readonly onKeydown = (event: KeyboardEvent): void => {
    const items = this.items();
    if (items.length === 0) return;
    const item = (event.target as Element).closest<HTMLElement>(ITEMS);
    const current = item ? items.indexOf(item) : -1;
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
      case 'Enter':
      case ' ':
        // A button item activates itself on both keys, a link on Enter; anything else is clicked here.
        if (!item || item.localName === 'button' || (item.localName === 'a' && event.key === 'Enter')) return;
        item.click();
        break;
      default:
        if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
          this.typeahead(event.key, items, current);
          break;
        }
        return;
    }
    event.preventDefault();
  };

  /** Focus left the menu for something else: it closes, focus stays where it went (bind on the menu element). */
  readonly onFocusOut = (event: FocusEvent): void => {
    const menu = this.options.menu();
    const next = event.relatedTarget as Node | null;
    if (menu && next && !menu.contains(next)) this.close(false);
  };

  private items(): HTMLElement[] {
    const menu = this.options.menu();
    return menu ? [...menu.querySelectorAll<HTMLElement>(ITEMS)] : [];
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
    if (this.openFor === null) return;
    const path = event.composedPath();
    const menu = this.options.menu();
    const button = this.options.button(this.openFor);
    if ((menu && path.includes(menu)) || (button && path.includes(button))) return;
    this.close(false);
  };
}
