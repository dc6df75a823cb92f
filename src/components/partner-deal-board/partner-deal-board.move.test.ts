import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../../test/support/wait.js';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import type { AdapterChange, Deal, PartnerKitAdapter } from '../../adapter/types.js';
import { currentAnnouncement } from '../../internal/live-region.js';
import { createBackend, forEachBackend, type BackendKind } from '../../../test/support/backends.js';
import type { PartnerDealBoard } from './partner-deal-board.component.js';
import './partner-deal-board.js';

const HARBOR = 'org-harbor';
const LEADS = 'wf-harbor-leads';
const NEW_LEAD = 'stg-leads-1';
const CONTACTED = 'stg-leads-2';
const APPLICATION = 'stg-leads-3';

const root = (board: PartnerDealBoard) => board.shadowRoot!;
const one = <T extends Element = HTMLElement>(board: PartnerDealBoard, selector: string) =>
  root(board).querySelector(selector) as T | null;
const text = (element: Element | null) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

const describeElement = (element: Element | null | undefined) =>
  element ? `<${element.localName}${element.id ? `#${element.id}` : ''} part="${element.getAttribute('part') ?? ''}">` : String(element);

/**
 * Focus lands on `element` (soon: a dialog's close event is async). Compared as
 * a boolean: a failed comparison of two elements floods the test reporter.
 */
async function expectFocusOn(board: PartnerDealBoard, element: Element | null | undefined, message = 'focus') {
  await waitUntil(() => root(board).activeElement === element, message, { timeout: 2000 }).catch(() => undefined);
  const focused = root(board).activeElement;
  expect(focused === element, `${message}: focus is on ${describeElement(focused)}, not ${describeElement(element)}`).to.equal(true);
}
const isLoaded = (board: PartnerDealBoard) => one(board, '.column, .empty, .error') !== null;

const tile = (board: PartnerDealBoard, dealId: string) => one(board, `.tile[data-deal-id="${dealId}"]`);
/** The stage id of the column a deal's tile is in (null when not shown). */
const columnOf = (board: PartnerDealBoard, dealId: string) =>
  tile(board, dealId)?.closest<HTMLElement>('.column')?.dataset['columnId'] ?? null;
const activeDealId = (board: PartnerDealBoard) =>
  (root(board).activeElement as HTMLElement | null)?.closest<HTMLElement>('[data-deal-id]')?.dataset['dealId'] ?? null;

function centreOf(element: Element): [number, number] {
  const rect = element.getBoundingClientRect();
  return [Math.round(rect.left + rect.width / 2), Math.round(rect.top + rect.height / 2)];
}

async function mount(kind: BackendKind, wrap?: (adapter: PartnerKitAdapter) => PartnerKitAdapter) {
  const backend = await createBackend(kind);
  backend.memory.store.setSession({ role: 'broker' });
  const adapter = wrap ? wrap(backend.adapter) : backend.adapter;
  const board = await fixture<PartnerDealBoard>(html`<partner-deal-board .adapter=${adapter} style="width: 1400px"></partner-deal-board>`);
  await waitUntil(() => isLoaded(board), 'the board loaded', { timeout: 5000 });
  const deals = backend.memory.store.listDeals({ organisationId: HARBOR, workflowId: LEADS, limit: 500 }).items;
  const inStage = (stageId: string) => deals.filter((deal) => deal.stageId === stageId);
  return { board, deals, inStage, ...backend };
}

const storeDeal = (memory: { store: { getDeal: (id: string) => Deal } }, id: string) => memory.store.getDeal(id);

/** Wraps subscribe so a test knows when a change reached the element. */
function recordingDeliveries(delivered: AdapterChange[]) {
  return (adapter: PartnerKitAdapter): PartnerKitAdapter => ({
    ...adapter,
    subscribe: (listener) =>
      adapter.subscribe!((change) => {
        delivered.push(change);
        listener(change);
      }),
  });
}

afterEach(async () => {
  await resetMouse();
  delete document.documentElement.dataset.theme;
  document.documentElement.style.colorScheme = '';
});

forEachBackend('<partner-deal-board> moving deals', (kind) => {
  it('keyboard: Space picks up, arrows move across columns, Space drops; each step announced; focus stays', async () => {
    const { board, memory, inStage } = await mount(kind);
    const deal = inStage(NEW_LEAD)[0]!;
    const moved = oneEvent(board, 'pk-deal-moved');
    tile(board, deal.id)!.focus();
    await sendKeys({ press: 'Space' });
    await waitUntil(() => currentAnnouncement().startsWith(`Picked up ${deal.name} in New lead.`), 'pick-up announced');
    expect(tile(board, deal.id)!.getAttribute('part')).to.contain('tile-lifted');

    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => columnOf(board, deal.id) === CONTACTED, 'the tile shows over Contacted');
    expect(activeDealId(board)).to.equal(deal.id);
    await waitUntil(() => currentAnnouncement() === `${deal.name} over Contacted, stage 2 of 4.`, 'over announced');

    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => columnOf(board, deal.id) === APPLICATION, 'over Application');
    await sendKeys({ press: 'ArrowLeft' });
    await waitUntil(() => columnOf(board, deal.id) === CONTACTED, 'back over Contacted');
    expect(storeDeal(memory, deal.id).stageId, 'nothing is saved before the drop').to.equal(NEW_LEAD);

    await sendKeys({ press: 'Space' });
    await waitUntil(() => currentAnnouncement() === `${deal.name} moved to Contacted.`, 'drop announced');
    const { detail } = await moved;
    expect(detail).to.include({ fromStageId: NEW_LEAD, toStageId: CONTACTED });
    const saved = storeDeal(memory, deal.id);
    expect(saved.stageId).to.equal(CONTACTED);
    expect(saved.version).to.equal(deal.version + 1);
    expect(columnOf(board, deal.id)).to.equal(CONTACTED);
    expect(activeDealId(board)).to.equal(deal.id);
    expect(tile(board, deal.id)!.getAttribute('part')).to.equal('tile');
  });

  it('keyboard: Escape cancels, the tile goes back, nothing is saved', async () => {
    const { board, memory, inStage } = await mount(kind);
    const deal = inStage(NEW_LEAD)[0]!;
    tile(board, deal.id)!.focus();
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => columnOf(board, deal.id) === CONTACTED, 'over Contacted');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => columnOf(board, deal.id) === NEW_LEAD, 'back in New lead');
    await waitUntil(() => currentAnnouncement() === `Move cancelled. ${deal.name} is back in New lead.`, 'cancel announced');
    expect(activeDealId(board)).to.equal(deal.id);
    expect(storeDeal(memory, deal.id)).to.deep.equal(deal);
  });

  it('"Move to…": a menu (menu pattern) moves the deal with a single pointer or the keyboard', async () => {
    const { board, memory, inStage } = await mount(kind);
    const deal = inStage(NEW_LEAD)[0]!;
    const button = one<HTMLButtonElement>(board, `[data-action="move"][data-deal-id="${deal.id}"]`)!;
    expect(button.getAttribute('aria-haspopup')).to.equal('menu');
    button.click();
    const menu = one(board, '[role="menu"]')!;
    await waitUntil(() => !menu.hidden && root(board).activeElement?.getAttribute('role') === 'menuitemradio', 'the menu opens');
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(menu.getAttribute('aria-label')).to.equal(`Move ${deal.name} to`);
    const items = [...menu.querySelectorAll('[role="menuitemradio"]')];
    expect(items.map((item) => text(item.querySelector('span:not(.move-menu-check):not(.visually-hidden)')))).to.deep.equal([
      'New lead', 'Contacted', 'Application', 'Approved',
    ]);
    expect(items[0]!.getAttribute('aria-checked')).to.equal('true');
    await expectFocusOn(board, items[1], 'focus on the first other stage');
    await expect(board).to.be.accessible();
    document.documentElement.style.colorScheme = 'dark';
    await expect(board).to.be.accessible();
    document.documentElement.style.colorScheme = '';

    // Escape closes and gives focus back to the button.
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => menu.hidden, 'closed');
    await expectFocusOn(board, button);
    expect(button.getAttribute('aria-expanded')).to.equal('false');

    // Keyboard: open, ArrowDown to Application, Enter.
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !menu.hidden && root(board).activeElement === menu.querySelectorAll('[role="menuitemradio"]')[1], 'reopened');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => storeDeal(memory, deal.id).stageId === APPLICATION, 'saved in Application', { timeout: 5000 });
    expect(columnOf(board, deal.id)).to.equal(APPLICATION);
    expect(menu.hidden).to.equal(true);
    await waitUntil(() => activeDealId(board) === deal.id, 'focus stays on the deal');
    expect((root(board).activeElement as HTMLElement).dataset['action']).to.equal('move');

    // A single click on an item (no drag) moves it too. The store has the move before the response
    // reaches the board (over REST): until then the button is disabled (one move at a time).
    const moveButton = () => one<HTMLButtonElement>(board, `[data-action="move"][data-deal-id="${deal.id}"]`);
    await waitUntil(() => moveButton()?.getAttribute('aria-disabled') === 'false', 'the move is confirmed', { timeout: 5000 });
    const again = moveButton()!;
    await sendMouse({ type: 'click', position: centreOf(again) });
    await waitUntil(() => !menu.hidden, 'open by click');
    const contacted = [...menu.querySelectorAll<HTMLElement>('[role="menuitemradio"]')].find((item) => item.dataset['stageId'] === CONTACTED)!;
    await sendMouse({ type: 'click', position: centreOf(contacted) });
    await waitUntil(() => storeDeal(memory, deal.id).stageId === CONTACTED, 'saved in Contacted', { timeout: 5000 });
  });

  it('"Move to…" keys: ArrowUp on the button opens at the last stage; Home, End and typed letters move; Tab closes and moves on', async () => {
    const { board, memory, inStage } = await mount(kind);
    const deal = inStage(NEW_LEAD)[0]!;
    const button = one<HTMLButtonElement>(board, `[data-action="move"][data-deal-id="${deal.id}"]`)!;
    const menu = one(board, '[role="menu"]')!;
    const items = () => [...menu.querySelectorAll<HTMLElement>('[role="menuitemradio"]')];
    const focusedStage = () => (root(board).activeElement as HTMLElement | null)?.dataset['stageId'] ?? null;
    button.focus();

    await sendKeys({ press: 'ArrowUp' });
    await waitUntil(() => !menu.hidden && focusedStage() !== null, 'ArrowUp opens the menu');
    expect(focusedStage()).to.equal(items().at(-1)!.dataset['stageId']);
    await sendKeys({ press: 'Home' });
    expect(focusedStage()).to.equal(NEW_LEAD);
    await sendKeys({ press: 'End' });
    expect(focusedStage()).to.equal(items().at(-1)!.dataset['stageId']);
    // "c" → Contacted; "a" then "a" again → Application, then Approved (a repeated letter cycles).
    await sendKeys({ press: 'c' });
    expect(focusedStage()).to.equal(CONTACTED);
    // Letters typed within 0.6 s make one prefix ("ca"): wait for it to reset.
    await new Promise((resolve) => setTimeout(resolve, 700));
    await sendKeys({ press: 'a' });
    expect(focusedStage()).to.equal(APPLICATION);
    await sendKeys({ press: 'a' });
    expect(text(root(board).activeElement)).to.contain('Approved');
    await expect(board).to.be.accessible();

    // Tab: the menu closes and focus moves on from the button, as from any menu button.
    await sendKeys({ press: 'Tab' });
    await waitUntil(() => menu.hidden, 'Tab closes the menu');
    const focused = root(board).activeElement;
    expect(focused !== button && focused !== null && !menu.contains(focused), `focus moved on: ${describeElement(focused)}`).to.equal(true);
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(storeDeal(memory, deal.id).stageId, 'nothing moved').to.equal(NEW_LEAD);

    // Focus leaving the open menu for something else closes it too, and leaves focus there.
    button.focus();
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => !menu.hidden && focusedStage() === CONTACTED, 'ArrowDown opens at the first other stage');
    const other = one<HTMLElement>(board, `[data-action="move"]:not([data-deal-id="${deal.id}"])`)!;
    other.focus();
    await waitUntil(() => menu.hidden, 'focus leaving closes the menu');
    expect(root(board).activeElement === other, 'focus stays where it went').to.equal(true);
  });

  it('pointer: dragging a tile with the mouse onto another column moves it', async () => {
    const { board, memory, inStage } = await mount(kind);
    const deal = inStage(NEW_LEAD)[0]!;
    const source = tile(board, deal.id)!;
    source.scrollIntoView({ block: 'center' });
    const target = one(board, `.column[data-column-id="${CONTACTED}"] .column-header`)!;
    const [x, y] = centreOf(source.querySelector('.tile-name')!);
    const [tx, ty] = centreOf(target);
    await sendMouse({ type: 'move', position: [x, y] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [x + 20, y + 5] });
    const ghost = one(board, '.drag-ghost')!;
    expect(ghost.hidden).to.equal(false);
    expect(ghost.textContent).to.equal(deal.name);
    await sendMouse({ type: 'move', position: [tx, ty] });
    expect(one(board, `.column[data-column-id="${CONTACTED}"]`)!.hasAttribute('data-drop-over')).to.equal(true);
    await sendMouse({ type: 'up' });
    await waitUntil(() => columnOf(board, deal.id) === CONTACTED, 'the tile moved at once');
    expect(ghost.hidden).to.equal(true);
    await waitUntil(() => storeDeal(memory, deal.id).stageId === CONTACTED, 'saved', { timeout: 5000 });
    expect(one<HTMLDialogElement>(board, 'dialog.deal-view-dialog')?.open ?? false, 'the drop opened nothing').to.equal(false);
  });

  it('pointer: a drop outside any column or a press without movement moves nothing', async () => {
    const { board, memory, inStage } = await mount(kind);
    const deal = inStage(NEW_LEAD)[0]!;
    const source = tile(board, deal.id)!;
    const [x, y] = centreOf(source.querySelector('.tile-name')!);
    await sendMouse({ type: 'click', position: [x, y] });
    await sendMouse({ type: 'move', position: [x, y] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [x + 30, 2] });
    await sendMouse({ type: 'move', position: [5, 2] });
    await sendMouse({ type: 'up' });
    expect(one<HTMLElement>(board, '.drag-ghost')!.hidden).to.equal(true);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(columnOf(board, deal.id)).to.equal(NEW_LEAD);
    expect(storeDeal(memory, deal.id)).to.deep.equal(deal);
  });

  it('optimistic: the tile moves at once; on a version conflict it returns, the reason is announced (assertive) and focus stays', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const seen: { dealId: string; expectedVersion: number }[] = [];
    const { board, memory, inStage } = await mount(kind, (adapter) => ({
      ...adapter,
      moveDeal: async (dealId, stageId, expectedVersion, options) => {
        seen.push({ dealId, expectedVersion });
        await gate;
        // Someone else changed the deal meanwhile (moved it away and back): its version moved on.
        const current = memory.store.getDeal(dealId);
        memory.store.moveDeal(dealId, APPLICATION, current.version);
        memory.store.moveDeal(dealId, current.stageId, current.version + 1);
        return adapter.moveDeal!(dealId, stageId, expectedVersion, options);
      },
    }));
    const deal = inStage(NEW_LEAD)[0]!;
    const failed = oneEvent(board, 'pk-deal-move-failed');
    tile(board, deal.id)!.focus();
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'Space' });
    await waitUntil(() => seen.length === 1, 'moveDeal called');
    expect(seen[0]).to.deep.equal({ dealId: deal.id, expectedVersion: deal.version });
    expect(columnOf(board, deal.id), 'shown in the new stage before the adapter answered').to.equal(CONTACTED);
    expect(tile(board, deal.id)!.getAttribute('aria-busy')).to.equal('true');

    release();
    const { detail } = await failed;
    expect(detail.error.code).to.equal('conflict');
    await waitUntil(() => columnOf(board, deal.id) === NEW_LEAD, 'the tile went back');
    await waitUntil(
      () => currentAnnouncement('assertive') === `${deal.name} was changed by someone else at the same time, so it was not moved. It is back in New lead.`,
      'the reason is announced assertively',
    );
    expect(text(one(board, '[part="message"] p'))).to.contain('changed by someone else');
    await waitUntil(() => activeDealId(board) === deal.id, 'focus stays on the tile');
    await expectFocusOn(board, tile(board, deal.id));
    expect(storeDeal(memory, deal.id).stageId).to.equal(NEW_LEAD);
    await expect(board).to.be.accessible();
  });

  it('rolls back when the adapter fails (network)', async () => {
    const { board, memory, inStage } = await mount(kind);
    const deal = inStage(NEW_LEAD)[0]!;
    memory.setFailureRate(1);
    tile(board, deal.id)!.focus();
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'Space' });
    await waitUntil(() => currentAnnouncement('assertive').startsWith(`Could not move ${deal.name}`), 'failure announced', { timeout: 5000 });
    expect(columnOf(board, deal.id)).to.equal(NEW_LEAD);
    expect(activeDealId(board)).to.equal(deal.id);
    memory.setFailureRate(0);
    expect(storeDeal(memory, deal.id).stageId).to.equal(NEW_LEAD);
  });

  it('live: a deal moved by someone else moves on the board without a reload', async () => {
    const delivered: AdapterChange[] = [];
    const { board, memory, inStage } = await mount(kind, recordingDeliveries(delivered));
    const other = inStage(NEW_LEAD)[1]!;
    // The REST adapter starts its change feed with a first poll: let it settle.
    await new Promise((resolve) => setTimeout(resolve, 150));
    memory.store.advanceDeal(other.id);
    await waitUntil(() => columnOf(board, other.id) === CONTACTED, 'moved live', { timeout: 5000 });
    await waitUntil(() => currentAnnouncement() === `${other.name} moved to Contacted.`, 'announced');
  });

  it('live: a change during a keyboard drag is held until the drop, then applied', async () => {
    const delivered: AdapterChange[] = [];
    const { board, memory, inStage } = await mount(kind, recordingDeliveries(delivered));
    const [dragged, other] = inStage(NEW_LEAD) as [Deal, Deal];
    await new Promise((resolve) => setTimeout(resolve, 150));
    tile(board, dragged.id)!.focus();
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => columnOf(board, dragged.id) === CONTACTED, 'over Contacted');

    memory.store.advanceDeal(other.id);
    await waitUntil(
      () => delivered.some((change) => change.type === 'deal-updated' && change.deal.id === other.id),
      'the change reached the element',
      { timeout: 5000 },
    );
    await board.updateComplete;
    expect(columnOf(board, other.id), 'not applied during the drag').to.equal(NEW_LEAD);
    expect(columnOf(board, dragged.id)).to.equal(CONTACTED);
    expect(activeDealId(board)).to.equal(dragged.id);

    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => columnOf(board, dragged.id) === APPLICATION, 'the drag goes on undisturbed');
    await sendKeys({ press: 'Space' });
    await waitUntil(() => columnOf(board, other.id) === CONTACTED, 'applied after the drop');
    await waitUntil(() => storeDeal(memory, dragged.id).stageId === APPLICATION, 'the drop was saved', { timeout: 5000 });
    expect(columnOf(board, dragged.id)).to.equal(APPLICATION);
  });
});
