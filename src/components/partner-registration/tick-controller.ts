import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Re-renders its host once a second while `active()` says a countdown is
 * showing. The interval exists only while the host is connected and active:
 * it stops when the countdown ends and when the host leaves the document.
 */
export class TickController implements ReactiveController {
  #timer: ReturnType<typeof setInterval> | undefined;
  #connected = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly active: () => boolean,
    private readonly intervalMs = 1000,
  ) {
    host.addController(this);
  }

  /** Whether the interval is running (diagnostics and tests). */
  get running(): boolean {
    return this.#timer !== undefined;
  }

  hostConnected(): void {
    this.#connected = true;
    // The host renders on reconnection; `hostUpdated` decides whether to tick again.
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#stop();
  }

  hostUpdated(): void {
    if (this.#connected && this.active()) this.#start();
    else this.#stop();
  }

  #start(): void {
    this.#timer ??= setInterval(() => this.host.requestUpdate(), this.intervalMs);
  }

  #stop(): void {
    if (this.#timer === undefined) return;
    clearInterval(this.#timer);
    this.#timer = undefined;
  }
}
