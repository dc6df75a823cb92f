/**
 * The screen of `<shared-clients>` (the realtors, the filter and the co-shared
 * clients) loads on first use, together with the overview. This file runs in
 * a page of its own, so the screen is not loaded yet, and the MSW worker makes
 * its request fail (as a dropped connection or a missing chunk would) until
 * the test lets it through.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse, passthrough } from 'msw';
import { createBackend, mockWorker } from '../../../test/support/backends.js';
import { waitUntil } from '../../../test/support/wait.js';
import { currentAnnouncement } from '../../internal/live-region.js';
import './shared-clients.js';
import type { SharedClients } from './shared-clients.component.js';

const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('<shared-clients>: a screen whose code cannot load', () => {
  let failing = true;
  let requests = 0;

  before(async () => {
    const worker = await mockWorker();
    worker.use(
      http.get(/\/shared-clients-screen\.[jt]s(\?.*)?$/, () => {
        requests++;
        return failing ? HttpResponse.error() : passthrough();
      }),
    );
  });

  it('asks for the counts meanwhile, says it could not load with "Try again", which shows the clients', async () => {
    const { memory } = await createBackend('memory', { session: { role: 'lender' } });
    let countRequests = 0;
    const adapter = Object.assign(Object.create(memory) as typeof memory, {
      listRealtorClientCounts: (...args: Parameters<NonNullable<typeof memory.listRealtorClientCounts>>) => {
        countRequests++;
        return memory.listRealtorClientCounts!(...args);
      },
    });
    const element = await fixture<SharedClients>(html`<shared-clients .adapter=${adapter}></shared-clients>`);
    const root = element.shadowRoot!;
    await waitUntil(() => root.querySelector('[part="retry-button"]') !== null, 'the failure', { timeout: 5000 });

    expect(requests, 'the screen was asked for').to.be.greaterThan(0);
    expect(countRequests, 'the counts were asked for at the same time, not after the screen').to.equal(1);
    expect(text(root.querySelector('[part="error"]'))).to.equal(
      'Shared clients could not be loaded The server could not be reached. Check your connection and try again. Try again',
    );
    await waitUntil(() => currentAnnouncement('assertive').startsWith('Shared clients could not be loaded.'), 'the failure is announced');
    expect(root.querySelector('[part="realtors"]'), 'no realtors without the screen').to.equal(null);
    await expect(element).to.be.accessible();

    failing = false;
    root.querySelector<HTMLButtonElement>('[part="retry-button"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root.querySelectorAll('[part="client"]').length > 0, 'the co-shared clients', { timeout: 5000 });
    const heading = root.querySelector<HTMLElement>('#realtors-heading')!;
    expect(text(heading)).to.equal('Partnered realtors');
    expect(root.activeElement, 'focus moves to what the retried load shows').to.equal(heading);
    // The screen's styles came with it: each client is a card laid out by them.
    expect(getComputedStyle(root.querySelector('[part="client"]')!).display).to.equal('flex');
    await expect(element).to.be.accessible();
  });
});
