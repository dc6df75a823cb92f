/**
 * invite-wizard scenario, shared by the kit page and the vanilla page:
 * open → first step interactive (the recipients field exists, is laid out
 * and takes focus), then a step change through a real click on "Next".
 */
import type { BenchAdapter } from './adapter-setup.js';
import { createBenchAdapter } from './adapter-setup.js';
import {
  centreOf,
  deepActiveElement,
  deepQueryAll,
  deepText,
  exposeBench,
  flushObservers,
  observedBetween,
  rectOf,
  waitUntil,
  type Timed,
} from './harness.js';

export interface WizardVariant {
  /** Opens the wizard in `container`; returns the element to search. */
  open(container: HTMLElement, bench: BenchAdapter): Element;
}

/** The recipients field: the first visible, enabled text input. */
function firstField(root: Element): HTMLInputElement | undefined {
  return deepQueryAll<HTMLInputElement>(root, 'input, textarea').find((input) => {
    if (input.disabled || input.type === 'hidden' || input.type === 'checkbox' || input.type === 'radio' || input.type === 'file') return false;
    const rect = rectOf(input);
    return rect.width > 0 && rect.height > 0;
  });
}

/** What identifies the current step: the stepper's current item, else the headings. */
function stepSignature(root: Element): string {
  const current = deepQueryAll(root, '[aria-current="step"]')[0];
  if (current) return `step:${deepText(current).trim()}`;
  return `headings:${deepQueryAll(root, 'h1, h2, h3, [role="heading"]')
    .map((heading) => deepText(heading).trim())
    .join('|')}`;
}

function nextButton(root: Element): HTMLElement | undefined {
  return deepQueryAll<HTMLElement>(root, 'button').find((button) => /^\s*next\b/i.test(deepText(button)) && !button.hasAttribute('disabled'));
}

export function exposeWizardPage(variant: WizardVariant): void {
  let bench: BenchAdapter | undefined;
  let root: Element | undefined;
  let pending: Promise<Timed<string>> | undefined;
  let armedAt = 0;

  exposeBench({
    prepare() {
      bench = createBenchAdapter({ role: 'lender' });
      return {};
    },

    async open() {
      if (!bench) throw new Error('prepare() first');
      const container = document.getElementById('app') as HTMLElement;
      const start = performance.now();
      const wizard = variant.open(container, bench);
      root = wizard;
      const timed = await waitUntil(() => {
        const field = firstField(wizard);
        if (!field) return undefined;
        field.focus();
        return deepActiveElement() === field ? field : undefined;
      }, { observe: [container, wizard.shadowRoot] });
      await flushObservers();
      return {
        ready: timed.ready - start,
        painted: timed.painted - start,
        field: centreOf(timed.value),
        step: stepSignature(wizard),
        observed: observedBetween(start, timed.painted),
        window: { startTime: start, duration: timed.painted - start },
      };
    },

    /** Starts watching for the step to change; returns where "Next" is. */
    armStep() {
      if (!root) throw new Error('open() first');
      const wizard = root;
      const button = nextButton(wizard);
      if (!button) throw new Error('no enabled "Next" button in the first step');
      const before = stepSignature(wizard);
      armedAt = performance.now();
      pending = waitUntil(() => {
        const now = stepSignature(wizard);
        return now !== before ? now : undefined;
      }, { timeoutMs: 10_000, observe: [wizard, wizard.shadowRoot] });
      return { ...centreOf(button), before };
    },

    async stepResult() {
      if (!pending) throw new Error('armStep() first');
      const { ready, painted, value } = await pending;
      await flushObservers();
      const observed = observedBetween(armedAt, painted);
      const down = observed.inputs.filter((input) => input.type === 'pointerdown').at(-1);
      return {
        step: value,
        fromInput: down ? { ready: ready - down.timeStamp, painted: painted - down.timeStamp } : null,
        observed,
        window: { startTime: down?.timeStamp ?? armedAt, duration: painted - (down?.timeStamp ?? armedAt) },
      };
    },
  });
}
