/**
 * "Move to…": the single-pointer alternative to dragging a deal (WCAG 2.2
 * 2.5.7). One menu for the whole board, opened against the tile's button, on
 * the kit's `PopupController` and the WAI-ARIA menu pattern: focus goes to the
 * first other stage, arrow keys, Home and End move between stages, Enter or
 * Space chooses, Escape and Tab close and return focus to the button.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { Stage } from '../../adapter/types.js';
import { LazyPopup } from '../../internal/lazy-popup.js';

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

export interface MoveMenuOptions {
  /** A stage was chosen (never the deal's current one). */
  onSelect: (dealId: string, stageId: string) => void;
  /** The menu closed (after `onSelect`, when a stage was chosen). */
  onClose: () => void;
}

export interface MoveMenuView {
  label: string;
  stages: readonly Stage[];
  currentStageId: string;
  currentLabel: string;
}

export class MoveMenu implements ReactiveController {
  /** The deal whose menu is open, or null. */
  dealId: string | null = null;

  private anchor: HTMLElement | null = null;
  // Not needed for the board's first render: its code loads when the page is idle, or on the first open.
  private readonly popup: LazyPopup;

  constructor(
    private readonly host: Host,
    private readonly options: MoveMenuOptions,
  ) {
    this.popup = new LazyPopup(host, 'the "Move to…" menu', {
      anchor: () => this.anchor,
      popup: () => this.menuElement,
      placement: 'bottom-start',
      matchAnchorWidth: false,
      onOpenChange: (open) => {
        if (open) document.addEventListener('pointerdown', this.onDocumentPointerDown, true);
        else document.removeEventListener('pointerdown', this.onDocumentPointerDown, true);
      },
    });
    host.addController(this);
  }

  get isOpen(): boolean {
    return this.dealId !== null;
  }

  hostDisconnected(): void {
    document.removeEventListener('pointerdown', this.onDocumentPointerDown, true);
    this.dealId = null;
    this.anchor = null;
  }

  private get menuElement(): HTMLElement | null {
    return this.host.renderRoot.querySelector<HTMLElement>('.move-menu');
  }

  private get items(): HTMLElement[] {
    return [...(this.menuElement?.querySelectorAll<HTMLElement>('[role="menuitemradio"]') ?? [])];
  }

  async openFor(dealId: string, anchor: HTMLElement): Promise<void> {
    if (this.dealId === dealId) {
      this.close(true);
      return;
    }
    if (this.isOpen) this.close(false);
    this.dealId = dealId;
    this.anchor = anchor;
    this.host.requestUpdate();
    const stillWanted = () => this.dealId === dealId;
    if (!(await this.popup.openAfterRender(stillWanted))) {
      // It could not load or be placed: focus goes back to its button.
      if (stillWanted()) this.close(true);
      return;
    }
    const items = this.items;
    (items.find((item) => item.getAttribute('aria-checked') !== 'true') ?? items[0])?.focus();
  }

  /** Closes the menu; `restoreFocus` puts focus back on its button. */
  close(restoreFocus: boolean): void {
    if (!this.isOpen) return;
    const anchor = this.anchor;
    this.dealId = null;
    this.anchor = null;
    this.popup.close();
    this.host.requestUpdate();
    if (restoreFocus && anchor?.isConnected) anchor.focus();
    this.options.onClose();
  }

  /** The button the menu was opened from is gone (its tile re-rendered): close quietly. */
  hostUpdated(): void {
    if (this.isOpen && this.anchor && !this.anchor.isConnected) this.close(false);
  }

  private choose(item: HTMLElement): void {
    const dealId = this.dealId;
    const stageId = item.dataset['stageId'];
    const current = item.getAttribute('aria-checked') === 'true';
    // Focus back on the button first, so the move knows focus is on this deal.
    if (this.anchor?.isConnected) this.anchor.focus();
    if (dealId !== null && stageId !== undefined && !current) this.options.onSelect(dealId, stageId);
    this.close(true);
  }

  private readonly onDocumentPointerDown = (event: PointerEvent) => {
    const path = event.composedPath();
    const menu = this.menuElement;
    if ((menu && path.includes(menu)) || (this.anchor && path.includes(this.anchor))) return;
    this.close(false);
  };

  private readonly onKeydown = (event: KeyboardEvent) => {
    const items = this.items;
    const index = items.indexOf(event.target as HTMLElement);
    const focusAt = (next: number) => {
      event.preventDefault();
      items[(next + items.length) % items.length]?.focus();
    };
    switch (event.key) {
      case 'ArrowDown':
        focusAt(index + 1);
        break;
      case 'ArrowUp':
        focusAt(index - 1);
        break;
      case 'Home':
        focusAt(0);
        break;
      case 'End':
        focusAt(items.length - 1);
        break;
      case 'Enter':
      case ' ': {
        event.preventDefault();
        const item = items[index];
        if (item) this.choose(item);
        break;
      }
      case 'Escape':
        event.preventDefault();
        event.stopPropagation();
        this.close(true);
        break;
      case 'Tab':
        event.preventDefault();
        this.close(true);
        break;
      default:
        // Type-ahead: the next stage starting with the typed character.
        if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
          const char = event.key.toLocaleLowerCase();
          const ordered = [...items.slice(index + 1), ...items.slice(0, index + 1)];
          const match = ordered.find((item) => item.textContent?.trim().toLocaleLowerCase().startsWith(char));
          if (match) {
            event.preventDefault();
            match.focus();
          }
        }
    }
  };

  private readonly onClick = (event: MouseEvent) => {
    const item = (event.target as HTMLElement).closest<HTMLElement>('[role="menuitemradio"]');
    if (item) this.choose(item);
  };

  /** The menu element: rendered once, always (the popup controller owns its visibility). */
  render(view: MoveMenuView | null) {
    return html`<div
      part="move-menu"
      class="popup move-menu"
      role="menu"
      aria-label=${view?.label ?? nothing}
      hidden
      @keydown=${this.onKeydown}
      @click=${this.onClick}
    >
      ${view?.stages.map((stage) => {
        const current = stage.id === view.currentStageId;
        return html`<div
          part="move-menu-item"
          class="move-menu-item"
          role="menuitemradio"
          tabindex="-1"
          aria-checked=${current ? 'true' : 'false'}
          data-stage-id=${stage.id}
        >
          <span class="move-menu-check" aria-hidden="true">${current ? '✓' : ''}</span>
          <span>${stage.name}</span>
          ${current ? html`<span class="visually-hidden">, ${view.currentLabel}</span>` : nothing}
        </div>`;
      }) ?? nothing}
    </div>`;
  }
}
