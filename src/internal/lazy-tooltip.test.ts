import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../../test/support/wait.js';
import { LitElement, nothing } from 'lit';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { msg } from '../locales/registry.js';
import type { MessageKey } from '../locales/types.js';
import { popupStyles, tooltipStyles } from '../styles/popup.js';
import { defineElement } from './define.js';
import { lazyModule } from './lazy-module.js';
import { LazyTooltip, type TooltipModule } from './lazy-tooltip.js';
import { TooltipController } from './popup-controller.js';

const TIP_KEY = 'test-lazy-tooltip.text' as MessageKey;

/** A tooltip module whose loading the test finishes by hand (or fails). */
function deferredModule() {
  let finish!: (module: TooltipModule) => void;
  let fail!: (error: Error) => void;
  let loads = 0;
  const module = lazyModule<TooltipModule>(() => {
    loads++;
    return new Promise<TooltipModule>((resolve, reject) => {
      finish = resolve;
      fail = reject;
    });
  });
  return {
    module,
    get loads() {
      return loads;
    },
    finish: () => finish({ TooltipController, messages: { [TIP_KEY]: 'Loaded tip text' } }),
    fail: () => fail(new Error('offline')),
  };
}

let current = deferredModule();

class LazyTipProbe extends LitElement {
  static override styles = [popupStyles, tooltipStyles];

  readonly tooltip = new LazyTooltip(this, {
    module: current.module,
    trigger: () => this.renderRoot.querySelector<HTMLElement>('.trigger'),
    tooltip: () => this.renderRoot.querySelector<HTMLElement>('.tooltip'),
  });

  protected override render() {
    const active = this.tooltip.active;
    return html`<span class="trigger" tabindex="0" aria-describedby=${active ? 'tip' : nothing}>Trigger</span>${active
        ? html`<div id="tip" class="popup tooltip" role="tooltip" hidden>${msg(TIP_KEY)}</div>`
        : nothing}`;
  }
}
defineElement('pk-test-lazy-tip-probe', LazyTipProbe);

const trigger = (probe: LazyTipProbe) => probe.renderRoot.querySelector<HTMLElement>('.trigger')!;
const shown = (probe: LazyTipProbe) => !!probe.renderRoot.querySelector('.tooltip')?.checkVisibility({ visibilityProperty: true });

function centreOf(element: Element): [number, number] {
  const rect = element.getBoundingClientRect();
  return [Math.round(rect.left + rect.width / 2), Math.round(rect.top + rect.height / 2)];
}

async function probeWithNewModule(): Promise<LazyTipProbe> {
  current = deferredModule();
  return fixture<LazyTipProbe>(html`<pk-test-lazy-tip-probe style="margin: 100px; display: inline-block"></pk-test-lazy-tip-probe>`);
}

afterEach(() => resetMouse());

describe('LazyTooltip', () => {
  it('renders no tooltip until the first hover or focus; its code loads when the page is idle', async () => {
    const probe = await probeWithNewModule();
    expect(probe.tooltip.active).to.equal(false);
    expect(probe.renderRoot.querySelector('.tooltip')).to.equal(null);
    expect(trigger(probe).hasAttribute('aria-describedby')).to.equal(false);
    await waitUntil(() => current.loads === 1, 'prefetched when idle');
    current.finish();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(probe.tooltip.active, 'loading alone renders nothing').to.equal(false);
  });

  it('focused while its code loads: shows the tooltip once loaded, with the text the code brought', async () => {
    const probe = await probeWithNewModule();
    trigger(probe).focus();
    expect(current.loads).to.equal(1);
    await probe.updateComplete;
    expect(probe.tooltip.active, 'not before the code is there').to.equal(false);
    current.finish();
    await waitUntil(() => shown(probe), 'tooltip shown after loading');
    expect(trigger(probe).getAttribute('aria-describedby')).to.equal('tip');
    expect(probe.renderRoot.querySelector('.tooltip')!.textContent).to.equal('Loaded tip text');
  });

  it('focus that left before the code loaded: the tooltip stays closed', async () => {
    const probe = await probeWithNewModule();
    trigger(probe).focus();
    trigger(probe).blur();
    current.finish();
    await waitUntil(() => probe.tooltip.active, 'activated once loaded');
    await probe.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(shown(probe)).to.equal(false);
  });

  it('hovered while its code loads: shows after the hover delay once loaded, and closes when the pointer leaves', async () => {
    const probe = await probeWithNewModule();
    await sendMouse({ type: 'move', position: centreOf(trigger(probe)) });
    current.finish();
    await waitUntil(() => shown(probe), 'tooltip shown on hover');
    await sendMouse({ type: 'move', position: [5, 5] });
    await waitUntil(() => !shown(probe), 'hidden once the pointer left');
  });

  it('after activation, the tooltip controller takes over (Escape dismisses, focus shows again)', async () => {
    const probe = await probeWithNewModule();
    trigger(probe).focus();
    current.finish();
    await waitUntil(() => shown(probe), 'shown');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !shown(probe), 'dismissed');
    trigger(probe).blur();
    trigger(probe).focus();
    await waitUntil(() => shown(probe), 'shown on the next focus');
  });

  it('a failed load warns, and the next hover or focus tries again', async () => {
    const probe = await probeWithNewModule();
    const warn = console.warn;
    const warnings: unknown[] = [];
    console.warn = (...args: unknown[]) => warnings.push(args[0]);
    try {
      trigger(probe).focus();
      current.fail();
      await waitUntil(() => warnings.length === 1, 'warned');
      expect(String(warnings[0])).to.contain('could not load the tooltip');
    } finally {
      console.warn = warn;
    }
    trigger(probe).blur();
    trigger(probe).focus();
    expect(current.loads).to.equal(2);
    current.finish();
    await waitUntil(() => shown(probe), 'shown after the retry');
  });
});
