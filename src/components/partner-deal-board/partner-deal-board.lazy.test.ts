/**
 * The "Add new deal" form, the deal view (add-deal-form.ts, deal-view.ts) and
 * the popup code of the "Move to…" menu (internal/popup-controller.ts) load on
 * first use. Each test file runs in a page of its own, so here none is loaded
 * yet, and the MSW worker makes their module requests fail (as a dropped
 * connection or a missing chunk would) until a test lets them through. One
 * backend is enough: the modules load once per page, whatever the adapter.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../../../test/support/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse, passthrough } from 'msw';
import { createBackend, mockWorker } from '../../../test/support/backends.js';
import { currentAnnouncement } from '../../internal/live-region.js';
import type { PartnerDealBoard } from './partner-deal-board.component.js';
import './partner-deal-board.js';

const HARBOR = 'org-harbor';
const LEADS = 'wf-harbor-leads';

const root = (board: PartnerDealBoard) => board.shadowRoot!;
const one = <T extends Element = HTMLElement>(board: PartnerDealBoard, selector: string) => root(board).querySelector(selector) as T | null;
const text = (element: Element | null) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
const focusIsOn = (board: PartnerDealBoard, element: Element | null) => root(board).activeElement === element;

/** A partner views deals; a broker may also move them ("Move to…"). */
async function mount(role: 'partner' | 'broker' = 'partner') {
  const { adapter, memory } = await createBackend('memory');
  memory.store.setSession({ role });
  const board = await fixture<PartnerDealBoard>(html`<partner-deal-board .adapter=${adapter}></partner-deal-board>`);
  await waitUntil(() => one(board, '.column'), 'the board loaded', { timeout: 5000 });
  return { board, memory };
}

describe('<partner-deal-board>: a form or deal view that cannot load', () => {
  /** The modules whose requests fail, by file name. */
  const failing = new Set(['deal-view', 'add-deal-form', 'popup-controller']);
  const requested: string[] = [];
  /** What the integrator is told in the console. */
  const warnings: string[] = [];
  const originalWarn = console.warn;

  beforeEach(() => {
    warnings.length = 0;
    console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  });
  afterEach(() => {
    console.warn = originalWarn;
  });

  before(async () => {
    const worker = await mockWorker();
    worker.use(
      http.get(/\/(partner-deal-board\/deal-view|partner-deal-board\/add-deal-form|internal\/popup-controller)\.[jt]s(\?.*)?$/, ({ request }) => {
        const name = /\/(deal-view|add-deal-form|popup-controller)\./.exec(request.url)![1]!;
        requested.push(name);
        return failing.has(name) ? HttpResponse.error() : passthrough();
      }),
    );
  });

  it('the deal view: says so, keeps focus on the "eye", and opens on the next click', async () => {
    const { board, memory } = await mount();
    const deal = memory.store.listDeals({ organisationId: HARBOR, workflowId: LEADS, limit: 500 }).items[0]!;
    const opened: string[] = [];
    board.addEventListener('pk-deal-open', (event) => opened.push(event.detail.deal.id));
    const eye = one<HTMLButtonElement>(board, `[data-action="open"][data-deal-id="${deal.id}"]`)!;
    eye.focus();
    eye.click();

    const expected = `The deal ${deal.name} could not be opened. Check your connection and try again.`;
    await waitUntil(() => one(board, '[part="message"]'), 'the failure shows', { timeout: 5000 });
    expect(text(one(board, '[part="message"] p'))).to.equal(expected);
    await waitUntil(() => currentAnnouncement('assertive') === expected, 'announced');
    expect(requested, 'the view was asked for').to.include('deal-view');
    expect(warnings.filter((warning) => warning.includes('could not load the deal view')), 'the console says why').to.have.length.greaterThan(0);
    expect(one<HTMLDialogElement>(board, 'dialog.deal-view-dialog'), 'no dialog').to.equal(null);
    expect(opened, 'no pk-deal-open').to.deep.equal([]);
    expect(focusIsOn(board, eye), 'focus stays on the "eye"').to.equal(true);
    await expect(board).to.be.accessible();

    failing.delete('deal-view');
    eye.click();
    await waitUntil(
      () => one<HTMLDialogElement>(board, 'dialog.deal-view-dialog')?.open && one(board, '[part="deal-notes"]'),
      'the next click opens the deal',
      { timeout: 5000 },
    );
    await waitUntil(() => focusIsOn(board, one(board, '#deal-view-title')), 'focus moves to the title');
    expect(text(one(board, '#deal-view-title'))).to.equal(deal.name);
    expect(one(board, '[part="message"]'), 'the failure is no longer shown').to.equal(null);
    expect(opened).to.deep.equal([deal.id]);
    expect(one(board, '[part="progress"]')!.getAttribute('aria-label'), 'its strings came with it').to.equal('Stage progression');
    expect(getComputedStyle(one(board, '.deal-layout')!).display, 'its styles came with it').to.equal('grid');
    expect(getComputedStyle(one(board, '.toolbar')!).display, 'the board keeps its own styles').to.equal('flex');
    await expect(board).to.be.accessible();

    await sendKeys({ press: 'Escape' });
    await waitUntil(() => focusIsOn(board, eye), 'focus returns to the "eye"');
  });

  it('the form: says so, keeps focus on "Add new deal", and opens on the next click', async () => {
    const { board } = await mount();
    const button = one<HTMLButtonElement>(board, '[part="add-deal-button"]')!;
    button.focus();
    button.click();

    const expected = 'The form to add a deal could not load. Check your connection and try again.';
    await waitUntil(() => one(board, '[part="message"]'), 'the failure shows', { timeout: 5000 });
    expect(text(one(board, '[part="message"] p'))).to.equal(expected);
    await waitUntil(() => currentAnnouncement('assertive') === expected, 'announced');
    expect(one(board, 'dialog.deal-form-dialog'), 'no dialog').to.equal(null);
    expect(warnings.filter((warning) => warning.includes('could not load the form')), 'the console says why').to.have.length.greaterThan(0);
    expect(focusIsOn(board, button), 'focus stays on the button').to.equal(true);

    failing.delete('add-deal-form');
    button.click();
    await waitUntil(() => one<HTMLDialogElement>(board, 'dialog.deal-form-dialog')?.open, 'the next click opens the form', { timeout: 5000 });
    await waitUntil(() => focusIsOn(board, one(board, '#deal-form-clients-0-firstName')), 'focus on the first field');
    expect(text(one(board, '#deal-form-title')), 'its strings came with it').to.equal('Add new deal');
    expect(one(board, '[part="message"]'), 'the failure is no longer shown').to.equal(null);
    expect(getComputedStyle(one(board, '.contact-grid')!).display, 'its styles came with it').to.equal('grid');
    await expect(board).to.be.accessible();

    await sendKeys({ press: 'Escape' });
    await waitUntil(() => focusIsOn(board, button), 'focus returns to "Add new deal"');
  });

  it('the "Move to…" menu: says so in the console, gives focus back to its button, and opens on the next click', async () => {
    const { board, memory } = await mount('broker');
    const deal = memory.store.listDeals({ organisationId: HARBOR, workflowId: LEADS, limit: 500 }).items[0]!;
    const button = one<HTMLButtonElement>(board, `[data-action="move"][data-deal-id="${deal.id}"]`)!;
    const menu = one(board, '[role="menu"]')!;
    button.focus();
    button.click();

    await waitUntil(() => warnings.some((warning) => warning.includes('could not load the "Move to…" menu')), 'the console says why', { timeout: 5000 });
    expect(requested, 'the popup code was asked for').to.include('popup-controller');
    expect(menu.hidden, 'no menu').to.equal(true);
    await waitUntil(() => button.getAttribute('aria-expanded') === 'false', 'the button says it is closed');
    expect(focusIsOn(board, button), 'focus is on the button').to.equal(true);
    await expect(board).to.be.accessible();

    failing.delete('popup-controller');
    button.click();
    await waitUntil(() => !menu.hidden && root(board).activeElement?.getAttribute('role') === 'menuitemradio', 'the next click opens the menu', {
      timeout: 5000,
    });
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => menu.hidden && focusIsOn(board, button), 'Escape closes it, focus back on the button');
  });
});
