import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import { isAbortError, PartnerKitError, toPartnerKitError } from '../adapter/errors.js';

export { TaskStatus };

export interface DataControllerOptions<A extends readonly unknown[], R> {
  /** The inputs (adapter and query); a change re-runs the load. */
  args: () => A;
  /** Loads the data; must pass `signal` on to the adapter. */
  load: (args: A, context: { signal: AbortSignal }) => Promise<R>;
  /** Run automatically when `args` change (default true). */
  autoRun?: boolean;
}

export interface DataRenderers<R, T> {
  initial?: () => T;
  pending?: (previous: R | undefined) => T;
  complete: (value: R) => T;
  error: (error: PartnerKitError, retry: () => void) => T;
}

/**
 * The one way an element loads adapter data, on `@lit/task`:
 * - `signal` reaches the adapter; a new run aborts the previous one, and only
 *   the latest run can ever set the value (a stale response never wins);
 * - disconnecting aborts the run in flight, reconnecting runs it again;
 * - errors are always `PartnerKitError`s, aborts are never shown as errors.
 */
export class DataController<A extends readonly unknown[], R> implements ReactiveController {
  private readonly task: Task<A, R>;
  private interrupted = false;
  private lastValue: R | undefined;
  /** A value set locally (optimistic update, live change): it wins until the next load completes. */
  private local: { value: R } | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    options: DataControllerOptions<A, R>,
  ) {
    this.task = new Task<A, R>(host, {
      args: options.args,
      autoRun: options.autoRun ?? true,
      task: async (args, { signal }) => {
        try {
          const value = await options.load(args, { signal });
          signal.throwIfAborted();
          return value;
        } catch (error) {
          if (isAbortError(error) || signal.aborted) throw error;
          throw toPartnerKitError(error);
        }
      },
      onComplete: (value) => {
        this.lastValue = value;
        this.local = undefined;
      },
    });
    host.addController(this);
  }

  hostConnected(): void {
    if (this.interrupted) {
      this.interrupted = false;
      void this.task.run();
    }
  }

  hostDisconnected(): void {
    if (this.task.status === TaskStatus.PENDING) {
      this.interrupted = true;
      this.task.abort(new DOMException('The element was disconnected.', 'AbortError'));
    }
  }

  /** Runs the load again with the current args (retry, refresh). */
  run(): Promise<void> {
    return this.task.run();
  }

  get status(): TaskStatus {
    return this.task.status;
  }

  get pending(): boolean {
    return this.task.status === TaskStatus.PENDING;
  }

  /** The latest value (a local one first), kept while a refresh is pending. */
  get value(): R | undefined {
    if (this.local) return this.local.value;
    return this.task.status === TaskStatus.COMPLETE ? this.task.value : this.lastValue;
  }

  /** The error of the latest run, unless it was an abort. */
  get error(): PartnerKitError | undefined {
    if (this.task.status !== TaskStatus.ERROR) return undefined;
    const error = this.task.error;
    if (isAbortError(error)) return undefined;
    return error instanceof PartnerKitError ? error : (toPartnerKitError(error) as PartnerKitError);
  }

  /**
   * Replaces the current value locally (optimistic updates, live changes).
   * Kept here, never written into the Task: its fields are private and are
   * renamed in @lit/task's production build.
   */
  setValue(value: R): void {
    this.lastValue = value;
    this.local = { value };
    this.host.requestUpdate();
  }

  /** Awaitable completion of the current run (tests, chained work). */
  get complete(): Promise<R> {
    return this.task.taskComplete;
  }

  render<T>(renderers: DataRenderers<R, T>): T | undefined {
    switch (this.task.status) {
      case TaskStatus.INITIAL:
        return renderers.initial?.();
      case TaskStatus.PENDING:
        return renderers.pending?.(this.lastValue);
      case TaskStatus.COMPLETE:
        return renderers.complete(this.value as R);
      case TaskStatus.ERROR: {
        const error = this.error;
        // An aborted run (disconnect) shows what it had, until it runs again.
        if (!error) return this.lastValue === undefined ? renderers.pending?.(undefined) : renderers.complete(this.lastValue);
        return renderers.error(error, () => void this.run());
      }
    }
  }
}
