import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { registerMessages } from '../locales/registry.js';
import type { Messages } from '../locales/types.js';
import type { LazyModule } from './lazy-module.js';
import type { TooltipController, TooltipOptions } from './popup-controller.js';

/**
 * What a lazily loaded tooltip brings: its behaviour, and the text only the
 * tooltip shows (registered on load, like `registerMessages(messages,
 * messageLoaders)`). The chunk should import nothing the element imports
 * itself (Lit, the registry): a bundler would split those into another file
 * of the element's first load.
 */
export interface TooltipModule {
  TooltipController: typeof TooltipController;
  /** English. */
  messages?: Partial<Messages>;
  /** The other languages, by language. */
  messageLoaders?: Readonly<Record<string, () => Promise<Partial<Messages>>>>;
}

export interface LazyTooltipOptions extends TooltipOptions {
  /** The tooltip's code, shared by every instance of the element. */
  module: LazyModule<TooltipModule>;
}

/** The elements whose tooltip is not active yet, by host, while connected. */
const waiting = new WeakMap<Element, LazyTooltip>();
let waitingCount = 0;

// One pair of listeners on the document for every waiting tooltip (capture: a page's own handlers
// cannot stop them), instead of listeners on each host: a table row's badge and progress bar cost
// nothing until someone points at them.
const INTENTS = ['pointerover', 'focusin'] as const;

function onDocumentIntent(event: Event): void {
  if ((event as PointerEvent).pointerType === 'touch') return;
  for (const target of event.composedPath()) {
    const tooltip = waiting.get(target as Element);
    if (tooltip !== undefined) tooltip.intent(event);
  }
}

function listen(on: boolean): void {
  for (const type of INTENTS) {
    if (on) document.addEventListener(type, onDocumentIntent, { capture: true });
    else document.removeEventListener(type, onDocumentIntent, { capture: true });
  }
}

/**
 * A tooltip (see `TooltipController`, WCAG 1.4.13) whose code and DOM come on
 * the first hover or focus: until then the element renders no tooltip and
 * has no listener of its own, so a page with a badge on every table row pays
 * for a tooltip per badge someone points at, not per badge.
 *
 * The element renders its tooltip (and the trigger's `aria-describedby`)
 * once `active` is true. The code is prefetched when the page is idle after
 * the first render, so that on the first focus the tooltip's text is in the
 * DOM before a screen reader reads the focused element; if it is not loaded
 * yet, the tooltip shows once it is, if the element is still hovered or
 * focused.
 */
export class LazyTooltip implements ReactiveController {
  /** The tooltip behaviour, from the first hover or focus on. */
  controller: TooltipController | undefined;

  private loading = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: LazyTooltipOptions,
  ) {
    host.addController(this);
  }

  /** Whether the element renders its tooltip. */
  get active(): boolean {
    return this.controller !== undefined;
  }

  close(): void {
    this.controller?.popup.close();
  }

  hostConnected(): void {
    if (this.active || waiting.has(this.host)) return;
    waiting.set(this.host, this);
    if (waitingCount++ === 0) listen(true);
  }

  hostDisconnected(): void {
    if (!waiting.delete(this.host)) return;
    if (--waitingCount === 0) listen(false);
  }

  hostUpdated(): void {
    if (!this.active && this.enabled()) this.options.module.prefetch();
  }

  /** A hover or focus somewhere in the host (see `onDocumentIntent`). */
  intent(event: Event): void {
    if (this.loading || !this.enabled()) return;
    this.loading = true;
    this.options.module
      .load()
      .then(
        (module) => this.host.isConnected && this.activate(module, event),
        (error: unknown) => console.warn('[partner-kit] could not load the tooltip.', error),
      )
      .finally(() => (this.loading = false));
  }

  private enabled(): boolean {
    return this.options.enabled?.() ?? true;
  }

  private activate(module: TooltipModule, event: Event): void {
    if (this.active) return;
    this.hostDisconnected();
    if (module.messages !== undefined) registerMessages(module.messages, module.messageLoaders);
    const controller = (this.controller = new module.TooltipController(this.host, this.options));
    this.host.requestUpdate();
    // Once the code is loaded, all this runs in microtasks of the task that moved the focus: the
    // tooltip is rendered before the browser tells assistive technology about the focus.
    void this.host.updateComplete.then(() => controller.catchUp(event));
  }
}
