/**
 * "Move to…": the single-pointer alternative to dragging a deal (WCAG 2.2
 * 2.5.7). One menu for the whole board, opened against the tile's button, on
 * the kit's `MenuController` (the WAI-ARIA menu-button pattern the table's row
 * menu uses too): focus goes to the first other stage, arrow keys, Home, End
 * and typed letters move between stages, Enter or Space chooses, Escape closes
 * and returns focus to the button, Tab closes and moves on from the button.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { Stage } from '../../adapter/types.js';
import { MenuController } from '../../internal/menu-controller.js';

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
  private anchor: HTMLElement | null = null;
  private readonly menu: MenuController;

  constructor(
    private readonly host: Host,
    private readonly options: MoveMenuOptions,
  ) {
    this.menu = new MenuController(host, {
      what: 'the "Move to…" menu',
      button: () => this.anchor,
      menu: () => this.host.renderRoot.querySelector<HTMLElement>('.move-menu'),
      placement: 'bottom-start',
      // The deal's own stage is checked: focus starts on the first stage it can move to.
      firstItem: (items) => items.find((item) => item.getAttribute('aria-checked') !== 'true'),
      onClose: () => {
        this.anchor = null;
        this.options.onClose();
      },
    });
    host.addController(this);
  }

  /** The deal whose menu is open, or null. */
  get dealId(): string | null {
    return this.menu.openFor;
  }

  get isOpen(): boolean {
    return this.menu.isOpen;
  }

  /** Opens the menu of `dealId` against its button, or closes it when it is that deal's already. */
  openFor(dealId: string, anchor: HTMLElement): void {
    this.aimAt(dealId, anchor);
    this.menu.toggle(dealId);
  }

  /** Keys on a deal's "Move to…" button: ArrowDown opens at the first other stage, ArrowUp at the last. */
  onButtonKeydown(event: KeyboardEvent, dealId: string, anchor: HTMLElement): void {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    this.aimAt(dealId, anchor);
    this.menu.onButtonKeydown(event, dealId);
  }

  /**
   * Another deal's menu closes (which forgets its button) before this deal's
   * button becomes the anchor; this deal's own open menu is left as it is.
   */
  private aimAt(dealId: string, anchor: HTMLElement): void {
    if (this.menu.openFor === dealId) return;
    this.menu.close(false);
    this.anchor = anchor;
  }

  /** Closes the menu; `restoreFocus` puts focus back on its button. */
  close(restoreFocus: boolean): void {
    this.menu.close(restoreFocus);
  }

  /** The button the menu was opened from is gone (its tile re-rendered): close quietly. */
  hostUpdated(): void {
    if (this.isOpen && this.anchor && !this.anchor.isConnected) this.close(false);
  }

  private readonly onClick = (event: MouseEvent) => {
    const item = (event.target as HTMLElement).closest<HTMLElement>('[role="menuitemradio"]');
    const dealId = this.dealId;
    const stageId = item?.dataset['stageId'];
    if (!item || dealId === null || stageId === undefined) return;
    // Focus back on the button first, so the move knows focus is on this deal.
    if (this.anchor?.isConnected) this.anchor.focus();
    if (item.getAttribute('aria-checked') !== 'true') this.options.onSelect(dealId, stageId);
    this.close(true);
  };

  /** The menu element: rendered once, always (the popup controller owns its visibility). */
  render(view: MoveMenuView | null) {
    return html`<div
      part="move-menu"
      class="popup menu move-menu"
      role="menu"
      aria-label=${view?.label ?? nothing}
      hidden
      @keydown=${this.menu.onKeydown}
      @focusout=${this.menu.onFocusOut}
      @click=${this.onClick}
    >
      ${view?.stages.map((stage) => {
        const current = stage.id === view.currentStageId;
        return html`<div
          part="move-menu-item"
          class="menu-item"
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
