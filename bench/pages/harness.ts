/**
 * Page-side measuring tools shared by the kit pages and their vanilla
 * baselines, so both sides are timed by exactly the same code.
 *
 * Two times per measurement:
 * - `ready`: the condition first held (checked after every task) and a
 *   forced style + layout had run — fine-grained, no frame rounding;
 * - `painted`: the end of the first frame that shows it (a
 *   requestAnimationFrame after `ready`, then a message posted from inside it,
 *   which runs once that frame's rendering is done).
 */

export interface Timed<T> {
  value: T;
  /** performance.now() when the condition held and layout was done. */
  ready: number;
  /** performance.now() after the frame that painted it. */
  painted: number;
}

/**
 * Layout reads in functions whose names survive minification, so the CPU
 * profile attributes the style and layout they force to the browser, not to
 * the harness (bench/lib/attribution.mjs).
 */
const layoutReads = new Function(
  'return { force: function __benchLayout() { document.documentElement.getBoundingClientRect(); return document.body.offsetHeight; }, ' +
    'rect: function __benchLayoutRect(element) { return element.getBoundingClientRect(); } };',
)() as { force: () => number; rect: (element: Element) => DOMRect };

/** Runs pending style and layout work now. */
export function forceLayout(): void {
  layoutReads.force();
}

/** getBoundingClientRect, attributed to layout in profiles. */
export function rectOf(element: Element): DOMRect {
  return layoutReads.rect(element);
}

/** Resolves with performance.now() once the next frame has been rendered. */
export function afterNextPaint(): Promise<number> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve(performance.now());
      };
      channel.port2.postMessage(null);
    });
  });
}

/** A macrotask that is not clamped like nested setTimeout(0). */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Checks `condition` now, after the task in which any of `observe` (subtrees)
 * changed, and once per frame (for changes in shadow roots not observed),
 * until it returns a value (not null/undefined/false); then times layout and
 * the next paint. The check runs in a task of its own, after the microtasks
 * of the change: a Lit update and the updates of the children it created are
 * complete by then. No busy polling: the page is otherwise left alone.
 */
export function waitUntil<T>(
  condition: () => T | null | undefined | false,
  options: { timeoutMs?: number; observe?: (Node | null | undefined)[] } = {},
): Promise<Timed<T>> {
  const deadline = performance.now() + (options.timeoutMs ?? 15_000);
  return new Promise((resolve, reject) => {
    let done = false;
    let scheduled = false;
    let frame = 0;
    const observer = new MutationObserver(() => schedule());
    const finish = () => {
      done = true;
      observer.disconnect();
      cancelAnimationFrame(frame);
    };
    const check = () => {
      scheduled = false;
      if (done) return;
      // An uncaught error on the page fails the sample at once rather than at the timeout.
      if (window.benchError !== undefined) {
        finish();
        reject(new Error(`uncaught error on the page: ${window.benchError.split('\n')[0]}`));
        return;
      }
      let value: T | null | undefined | false;
      try {
        value = condition();
      } catch (error) {
        finish();
        reject(error as Error);
        return;
      }
      if (value !== null && value !== undefined && value !== false) {
        finish();
        forceLayout();
        const ready = performance.now();
        const found = value;
        void afterNextPaint().then((painted) => resolve({ value: found, ready, painted }));
      } else if (performance.now() > deadline) {
        finish();
        reject(new Error(`timed out after ${options.timeoutMs ?? 15_000} ms waiting for the page`));
      }
    };
    const schedule = () => {
      if (scheduled || done) return;
      scheduled = true;
      void nextTask().then(check);
    };
    const everyFrame = () => {
      schedule();
      if (!done) frame = requestAnimationFrame(everyFrame);
    };
    for (const node of options.observe ?? [document.body]) {
      if (node) observer.observe(node, { childList: true, subtree: true, characterData: true, attributes: true });
    }
    frame = requestAnimationFrame(everyFrame);
    check();
  });
}

/** Every element matching `selector` in `root` (and in its own shadow root), and in every shadow root below. */
export function deepQueryAll<E extends Element = Element>(root: ParentNode, selector: string): E[] {
  const found: E[] = [];
  const visit = (tree: ParentNode) => {
    found.push(...tree.querySelectorAll<E>(selector));
    for (const element of tree.querySelectorAll('*')) if (element.shadowRoot) visit(element.shadowRoot);
  };
  if (root instanceof Element && root.shadowRoot) visit(root.shadowRoot);
  visit(root);
  return found;
}

export function deepQuery<E extends Element = Element>(root: ParentNode, selector: string): E | undefined {
  const visit = (tree: ParentNode): E | undefined => {
    const direct = tree.querySelector<E>(selector);
    if (direct) return direct;
    for (const element of tree.querySelectorAll('*')) {
      const inner = element.shadowRoot ? visit(element.shadowRoot) : undefined;
      if (inner) return inner;
    }
    return undefined;
  };
  return (root instanceof Element && root.shadowRoot ? visit(root.shadowRoot) : undefined) ?? visit(root);
}

/** The focused element, looking into shadow roots. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Text of a node including the text inside the shadow roots below it. */
export function deepText(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  let text = '';
  const element = node as Element;
  if (element.shadowRoot) text += deepText(element.shadowRoot);
  for (const child of node.childNodes) text += deepText(child);
  return text;
}

/** The centre of an element in viewport CSS pixels (what puppeteer's mouse takes). */
export function centreOf(element: Element): { x: number; y: number } {
  element.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  const rect = rectOf(element);
  return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
}

// ---------------------------------------------------------------------------
// What the browser reports: long tasks, long animation frames, event timing,
// and our own input-to-next-frame per trusted input event.

export interface LongTaskRecord {
  startTime: number;
  duration: number;
}

export interface FrameScript {
  sourceURL: string;
  sourceFunctionName: string;
  invoker: string;
  duration: number;
  forcedStyleAndLayoutDuration: number;
}

export interface LongFrameRecord {
  startTime: number;
  duration: number;
  blockingDuration: number;
  scripts: FrameScript[];
}

export interface EventTimingRecord {
  name: string;
  startTime: number;
  duration: number;
  processing: number;
  inputDelay: number;
  interactionId: number;
}

export interface InputRecord {
  type: string;
  timeStamp: number;
  /** From the event's timestamp to the end of the next frame. */
  toNextFrame: number;
}

export interface Observed {
  longTasks: LongTaskRecord[];
  longFrames: LongFrameRecord[];
  events: EventTimingRecord[];
  inputs: InputRecord[];
}

const observed: Observed = { longTasks: [], longFrames: [], events: [], inputs: [] };

function observe(type: string, options: Record<string, unknown>, take: (entry: PerformanceEntry) => void): void {
  if (!PerformanceObserver.supportedEntryTypes.includes(type)) return;
  new PerformanceObserver((list) => list.getEntries().forEach(take)).observe({ type, buffered: true, ...options } as PerformanceObserverInit);
}

observe('longtask', {}, (entry) => observed.longTasks.push({ startTime: entry.startTime, duration: entry.duration }));

interface LongAnimationFrameEntry extends PerformanceEntry {
  blockingDuration: number;
  scripts: (PerformanceEntry & {
    sourceURL: string;
    sourceFunctionName: string;
    invoker: string;
    forcedStyleAndLayoutDuration: number;
  })[];
}

observe('long-animation-frame', {}, (entry) => {
  const frame = entry as LongAnimationFrameEntry;
  observed.longFrames.push({
    startTime: frame.startTime,
    duration: frame.duration,
    blockingDuration: frame.blockingDuration,
    scripts: frame.scripts.map((script) => ({
      sourceURL: script.sourceURL,
      sourceFunctionName: script.sourceFunctionName,
      invoker: script.invoker,
      duration: script.duration,
      forcedStyleAndLayoutDuration: script.forcedStyleAndLayoutDuration,
    })),
  });
});

interface EventTimingEntry extends PerformanceEntry {
  processingStart: number;
  processingEnd: number;
  interactionId: number;
}

observe('event', { durationThreshold: 16 }, (entry) => {
  const timing = entry as EventTimingEntry;
  observed.events.push({
    name: timing.name,
    startTime: timing.startTime,
    duration: timing.duration,
    processing: timing.processingEnd - timing.processingStart,
    inputDelay: timing.processingStart - timing.startTime,
    interactionId: timing.interactionId,
  });
});

for (const type of ['pointerdown', 'pointerup', 'click', 'keydown', 'keyup', 'input']) {
  window.addEventListener(
    type,
    (event) => {
      if (!event.isTrusted) return;
      const timeStamp = event.timeStamp;
      void afterNextPaint().then((end) => observed.inputs.push({ type, timeStamp, toNextFrame: end - timeStamp }));
    },
    { capture: true, passive: true },
  );
}

/** What was observed between `from` and `to` (performance.now() times). */
export function observedBetween(from: number, to: number): Observed {
  const within = (start: number) => start >= from && start <= to;
  return {
    longTasks: observed.longTasks.filter((task) => within(task.startTime)),
    longFrames: observed.longFrames.filter((frame) => within(frame.startTime)),
    events: observed.events.filter((event) => within(event.startTime)),
    inputs: observed.inputs.filter((input) => within(input.timeStamp)),
  };
}

/** Lets the observers deliver what the browser has buffered (they report asynchronously). */
export async function flushObservers(): Promise<void> {
  await afterNextPaint();
  await new Promise((resolve) => setTimeout(resolve, 50));
}

/**
 * Runs a busy loop in a function whose name survives minification, so a CPU
 * profile can be aligned with performance.now() (the runner's attribution).
 */
const clockMarker = new Function('until', 'return (function __benchClockMarker(end) { while (performance.now() < end) {} })(until);') as (
  until: number,
) => void;

export function clockMark(durationMs = 8): { start: number; end: number } {
  const start = performance.now();
  clockMarker(start + durationMs);
  return { start, end: performance.now() };
}

// ---------------------------------------------------------------------------

/** The page's API, called by the runner through page.evaluate. */
export type BenchApi = Record<string, (...args: never[]) => unknown>;

declare global {
  interface Window {
    bench?: BenchApi;
    benchError?: string;
  }
}

export function exposeBench(api: BenchApi): void {
  window.bench = { ...api, clockMark };
}

window.addEventListener('error', (event) => {
  // The browser's ResizeObserver loop notice is reported as an error event but is benign.
  if (event.error === null && /^ResizeObserver loop/.test(event.message)) return;
  window.benchError ??= String(event.error?.stack ?? event.message);
});
window.addEventListener('unhandledrejection', (event) => {
  window.benchError ??= String((event.reason as Error | undefined)?.stack ?? event.reason);
});
