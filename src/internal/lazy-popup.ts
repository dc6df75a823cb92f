import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { lazyModule } from './lazy-module.js';
import type { PopupController, PopupOptions } from './popup-controller.js';

/**
 * The popup code (and @floating-ui, which it loads itself): out of the first
 * load of the elements whose first render shows no popup.
 */
const popupModule = lazyModule(() => import('./popup-controller.js'));

/**
 * A `PopupController` made on first need, for a menu or listbox that is closed
 * when the element first renders (the table's row menu, the deal board's
 * "Move to…", the wizard's contact suggestions). The code is prefetched when
 * the page is idle after the host connects, so it is usually there before the
 * first open; `load()` waits for it otherwise.
 */
export class LazyPopup implements ReactiveController {
  /** The popup's behaviour, once loaded. */
  controller: PopupController | undefined;

  /** `what` names the popup in the console when its code cannot load ("the row menu"). */
  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly what: string,
    private readonly options: PopupOptions,
  ) {
    host.addController(this);
  }

  /** Whether the popup is open (false while its code has not been needed). */
  get isOpen(): boolean {
    return this.controller?.isOpen ?? false;
  }

  hostConnected(): void {
    popupModule.prefetch();
  }

  /**
   * The controller, loading its code first if needed; undefined, with a
   * warning in the console, when the code cannot load (offline before it
   * arrived: the popup cannot be placed; the next call tries again).
   */
  async load(): Promise<PopupController | undefined> {
    try {
      const { PopupController } = await popupModule.load();
      this.controller ??= new PopupController(this.host, this.options);
      return this.controller;
    } catch (error) {
      console.warn(`[partner-kit] <${this.host.localName}> could not load ${this.what}.`, error);
      return undefined;
    }
  }

  /**
   * Opens the popup once the host's pending render is done and its code is
   * loaded, as long as `stillWanted()` stays true. Resolves true when it is
   * open; false when it is no longer wanted, its code could not load, or it
   * could not be placed (the caller then closes and puts focus back).
   */
  async openAfterRender(stillWanted: () => boolean): Promise<boolean> {
    await this.host.updateComplete;
    if (!stillWanted()) return false;
    const popup = await this.load();
    if (popup === undefined || !stillWanted()) return false;
    await popup.open();
    return popup.isOpen && stillWanted();
  }

  close(): void {
    this.controller?.close();
  }
}
