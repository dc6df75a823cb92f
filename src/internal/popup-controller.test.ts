import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../../test/support/wait.js';
import { css, LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { popupStyles } from '../styles/shared.js';
import { defineElement } from './define.js';
import { PopupController, type Placement } from './popup-controller.js';

type Corner = 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right' | 'inline';

const CORNER_STYLES: Record<Corner, Record<string, string>> = {
  'top-left': { position: 'fixed', top: '0', left: '0' },
  'top-right': { position: 'fixed', top: '0', right: '0' },
  'bottom-left': { position: 'fixed', bottom: '0', left: '0' },
  'bottom-right': { position: 'fixed', bottom: '0', right: '0' },
  inline: {},
};

class PopupProbe extends LitElement {
  static override styles = [
    popupStyles,
    css`
      .anchor {
        width: 120px;
        height: 24px;
      }
      .popup {
        width: 240px;
        height: 120px;
        background: white;
      }
    `,
  ];

  @property() corner: Corner = 'inline';
  placement: Placement = 'bottom-start';
  matchAnchorWidth = false;
  openChanges: boolean[] = [];

  readonly popup = new PopupController(this, {
    anchor: () => this.renderRoot.querySelector('.anchor'),
    popup: () => this.renderRoot.querySelector<HTMLElement>('.popup'),
    placement: this.placement,
    onOpenChange: (open) => this.openChanges.push(open),
  });

  get popupElement(): HTMLElement {
    return this.renderRoot.querySelector<HTMLElement>('.popup')!;
  }

  protected override render() {
    return html`<button class="anchor" style=${styleMap(CORNER_STYLES[this.corner])}>Anchor</button>
      <div class="popup" hidden>Popup</div>`;
  }
}
defineElement('pk-test-popup-probe', PopupProbe);

/** Counts scroll/resize listeners added and not yet removed, on any target. */
function trackScrollAndResizeListeners() {
  const active = new Set<string>();
  const ids = new WeakMap<object, number>();
  let next = 0;
  const id = (value: object) => {
    if (!ids.has(value)) ids.set(value, next++);
    return ids.get(value)!;
  };
  const add = EventTarget.prototype.addEventListener;
  const remove = EventTarget.prototype.removeEventListener;
  const key = (target: EventTarget, type: string, listener: unknown) =>
    `${id(target)}|${type}|${typeof listener === 'object' || typeof listener === 'function' ? id(listener as object) : 'none'}`;
  EventTarget.prototype.addEventListener = function (this: EventTarget, type: string, listener: unknown, options?: unknown) {
    if (type === 'scroll' || type === 'resize') active.add(key(this, type, listener));
    return add.call(this, type, listener as EventListener, options as AddEventListenerOptions);
  };
  EventTarget.prototype.removeEventListener = function (this: EventTarget, type: string, listener: unknown, options?: unknown) {
    if (type === 'scroll' || type === 'resize') active.delete(key(this, type, listener));
    return remove.call(this, type, listener as EventListener, options as EventListenerOptions);
  };
  return {
    get count() {
      return active.size;
    },
    restore() {
      EventTarget.prototype.addEventListener = add;
      EventTarget.prototype.removeEventListener = remove;
    },
  };
}

function isInsideViewport(rect: DOMRect): boolean {
  return rect.left >= 0 && rect.top >= 0 && rect.right <= window.innerWidth && rect.bottom <= window.innerHeight;
}

describe('PopupController', () => {
  for (const corner of ['top-left', 'top-right', 'bottom-left', 'bottom-right'] as const) {
    it(`opened from an anchor in the ${corner} corner, stays fully inside the viewport`, async () => {
      const probe = await fixture<PopupProbe>(html`<pk-test-popup-probe corner=${corner}></pk-test-popup-probe>`);
      await probe.popup.open();
      const rect = probe.popupElement.getBoundingClientRect();
      expect(rect.width, 'the popup keeps its size').to.equal(240);
      expect(isInsideViewport(rect), `popup at ${JSON.stringify(rect)}`).to.equal(true);
      const anchor = probe.renderRoot.querySelector('.anchor')!.getBoundingClientRect();
      const overlaps = rect.top < anchor.bottom && rect.bottom > anchor.top && rect.left < anchor.right && rect.right > anchor.left;
      expect(overlaps, 'the popup does not cover its anchor').to.equal(false);
      expect(probe.popupElement.dataset.placement).to.match(corner.startsWith('bottom') ? /^top/ : /^bottom/);
    });
  }

  it('caps a popup taller than the viewport to the space available', async () => {
    const probe = await fixture<PopupProbe>(html`<pk-test-popup-probe></pk-test-popup-probe>`);
    probe.popupElement.style.height = '2000px';
    await probe.popup.open();
    const rect = probe.popupElement.getBoundingClientRect();
    expect(isInsideViewport(rect), `popup at ${JSON.stringify(rect)}`).to.equal(true);
    expect(rect.height).to.be.greaterThan(100);
  });

  it('places the popup on the preferred side when it fits', async () => {
    const probe = await fixture<PopupProbe>(html`<pk-test-popup-probe></pk-test-popup-probe>`);
    await probe.popup.open();
    const anchor = probe.renderRoot.querySelector('.anchor')!.getBoundingClientRect();
    const rect = probe.popupElement.getBoundingClientRect();
    expect(probe.popupElement.dataset.placement).to.equal('bottom-start');
    expect(rect.top).to.be.closeTo(anchor.bottom + 6, 1);
    expect(rect.left).to.be.closeTo(anchor.left, 1);
  });

  it('shows the popup in the top layer, not clipped by an overflow: hidden, transformed container', async () => {
    const container = await fixture<HTMLDivElement>(html`
      <div style="overflow: hidden; width: 150px; height: 40px; transform: translateZ(0); position: relative">
        <pk-test-popup-probe></pk-test-popup-probe>
      </div>
    `);
    const probe = container.querySelector<PopupProbe>('pk-test-popup-probe')!;
    await probe.popup.open();
    const rect = probe.popupElement.getBoundingClientRect();
    const box = container.getBoundingClientRect();
    expect(rect.bottom).to.be.greaterThan(box.bottom + 50);
    // A point of the popup well outside the container: what is painted there is the popup.
    const hit = probe.shadowRoot!.elementFromPoint(rect.left + 120, rect.bottom - 10);
    expect(hit).to.equal(probe.popupElement);
    expect(probe.popupElement.matches(':popover-open')).to.equal(true);
  });

  it('listens for scroll and resize only while open', async () => {
    const probe = await fixture<PopupProbe>(html`<pk-test-popup-probe></pk-test-popup-probe>`);
    const listeners = trackScrollAndResizeListeners();
    try {
      await probe.popup.open();
      expect(probe.popup.isTracking).to.equal(true);
      expect(listeners.count).to.be.greaterThan(0);
      probe.popup.close();
      expect(probe.popup.isTracking).to.equal(false);
      expect(listeners.count).to.equal(0);
      expect(probe.popupElement.hidden).to.equal(true);
    } finally {
      listeners.restore();
    }
    expect(probe.openChanges).to.deep.equal([true, false]);
  });

  it('after its element is removed, no listener and no visible popup remain', async () => {
    const probe = await fixture<PopupProbe>(html`<pk-test-popup-probe></pk-test-popup-probe>`);
    const listeners = trackScrollAndResizeListeners();
    try {
      await probe.popup.open();
      expect(listeners.count).to.be.greaterThan(0);
      const popup = probe.popupElement;
      probe.remove();
      expect(listeners.count).to.equal(0);
      expect(probe.popup.isOpen).to.equal(false);
      expect(popup.hidden).to.equal(true);
      expect(popup.matches(':popover-open')).to.equal(false);
      expect(popup.checkVisibility()).to.equal(false);
    } finally {
      listeners.restore();
    }
  });

  it('a close() before the first position wins: nothing starts listening', async () => {
    const probe = await fixture<PopupProbe>(html`<pk-test-popup-probe></pk-test-popup-probe>`);
    const listeners = trackScrollAndResizeListeners();
    try {
      const opening = probe.popup.open();
      probe.popup.close();
      await opening;
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(probe.popup.isTracking).to.equal(false);
      expect(listeners.count).to.equal(0);
      expect(probe.popupElement.hidden).to.equal(true);
    } finally {
      listeners.restore();
    }
  });

  it('follows its anchor while open (autoUpdate)', async () => {
    const probe = await fixture<PopupProbe>(html`<pk-test-popup-probe corner="top-left"></pk-test-popup-probe>`);
    await probe.popup.open();
    const before = probe.popupElement.getBoundingClientRect().top;
    probe.renderRoot.querySelector<HTMLElement>('.anchor')!.style.top = '100px';
    await waitUntil(() => probe.popupElement.getBoundingClientRect().top > before + 90, 'the popup moved with its anchor');
  });

  it('toggle() opens and closes; open() without an anchor does nothing', async () => {
    const probe = await fixture<PopupProbe>(html`<pk-test-popup-probe></pk-test-popup-probe>`);
    await probe.popup.toggle();
    expect(probe.popup.isOpen).to.equal(true);
    await probe.popup.toggle();
    expect(probe.popup.isOpen).to.equal(false);

    const detached = new PopupProbe();
    await detached.popup.open();
    expect(detached.popup.isOpen).to.equal(false);
  });
});
