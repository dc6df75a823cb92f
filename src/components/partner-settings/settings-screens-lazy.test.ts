/**
 * The screens of `<partner-settings>` and `<portal-settings>` (their forms,
 * switches and saves) load on first use, together with the settings. This
 * file runs in a page of its own, so neither screen is loaded yet, and the MSW
 * worker makes each screen's request fail (as a dropped connection or a
 * missing chunk would) until the test lets it through.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse, passthrough } from 'msw';
import { createBackend, mockWorker } from '../../../test/support/backends.js';
import { waitUntil } from '../../../test/support/wait.js';
import type { PartnerKitAdapter } from '../../adapter/types.js';
import type { Role } from '../../domain/permissions.js';
import '../portal-settings/portal-settings.js';
import './partner-settings.js';

const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The adapter, counting the calls of each method. */
function counting(adapter: PartnerKitAdapter, calls: Record<string, number>): PartnerKitAdapter {
  return new Proxy(adapter, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof property !== 'string' || typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls[property] = (calls[property] ?? 0) + 1;
        return (value as (...rest: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

const CASES = [
  { tag: 'partner-settings', role: 'partner', screen: 'partner-settings-screen', getter: 'getPartnerSettings', heading: 'My account' },
  { tag: 'portal-settings', role: 'admin', screen: 'portal-settings-screen', getter: 'getPortalSettings', heading: 'Partner default workflow' },
] as const;

for (const { tag, role, screen, getter, heading } of CASES) {
  describe(`<${tag}>: a screen whose code cannot load`, () => {
    let failing = true;
    let requests = 0;

    before(async () => {
      const worker = await mockWorker();
      worker.use(
        http.get(new RegExp(`/${screen}\\.[jt]s(\\?.*)?$`), () => {
          requests++;
          return failing ? HttpResponse.error() : passthrough();
        }),
      );
    });

    it('asks for the settings meanwhile, says the settings could not load with "Try again", which shows them', async () => {
      const { memory } = await createBackend('memory', { session: { role: role as Role } });
      const calls: Record<string, number> = {};
      const element = Object.assign(document.createElement(tag), { adapter: counting(memory, calls) });
      await fixture(html`<div>${element}</div>`);
      const root = element.shadowRoot!;
      await waitUntil(() => root.querySelector('[part~="retry-button"]') !== null, 'the failure', { timeout: 5000 });

      expect(requests, 'the screen was asked for').to.be.greaterThan(0);
      expect(calls[getter], 'the settings were asked for at the same time, not after the screen').to.equal(1);
      expect(text(root.querySelector('[part~="state"]'))).to.equal('The settings could not be loaded. The connection failed. Try again');
      expect(root.querySelector('form'), 'no form without its code').to.equal(null);
      await expect(element).to.be.accessible();

      failing = false;
      root.querySelector<HTMLButtonElement>('[part~="retry-button"]')!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => root.querySelector('form.settings-form') !== null, 'the screen', { timeout: 5000 });
      const first = root.querySelector<HTMLElement>('h2')!;
      expect(text(first)).to.equal(heading);
      await waitUntil(() => root.activeElement === first, 'focus moves to what the retried load shows');
      // The screen's styles came with it: its form is laid out by them.
      expect(getComputedStyle(root.querySelector('form.settings-form')!).display).to.equal('flex');
      expect(getComputedStyle(root.querySelector('[part~="save-button"]')!).display).not.to.equal('none');
      await expect(element).to.be.accessible();
    });
  });
}
