/**
 * The vanilla-DOM baseline of partner-deal-board: the same adapter calls
 * (session, organisations, workflows, deals in pages of 500), the same
 * toolbar, columns and tiles with the same text and structure (heading with
 * count, list of tiles: grip, name, open button, clients, broker, labels,
 * created date, "Move to…"), the same `content-visibility` on tiles, and the
 * same keyboard move (Space picks up, arrows choose the column, Space drops:
 * the tile shows at once, then the adapter's `moveDeal`), hand-written.
 */
import type { Deal, Workflow } from '../../src/adapter/types.js';
import type { BenchAdapter } from './adapter-setup.js';
import { exposeBoardPage } from './board-page.js';

const STYLE = `
.vb { font: 14px/1.4 system-ui, sans-serif; color: #1f2937; }
.vb .toolbar { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 8px; margin-bottom: 12px; }
.vb .toolbar h2 { margin: 0; font-size: 20px; }
.vb .controls { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; }
.vb button { font: inherit; border: 1px solid #cbd5e1; border-radius: 6px; background: #fff; padding: 0 8px; min-height: 28px; }
.vb .columns { display: flex; align-items: flex-start; gap: 12px; padding-bottom: 8px; overflow-x: auto; }
.vb .column { flex: 0 0 17rem; display: flex; flex-direction: column; gap: 8px; box-sizing: border-box; min-height: 8rem; padding: 8px; border: 2px solid transparent; border-radius: 8px; background: #f1f5f9; }
.vb.dragging .column { border-color: #cbd5e1; border-style: dashed; }
.vb .column-header { display: flex; align-items: baseline; justify-content: space-between; gap: 8px; margin: 0; padding: 4px 4px 0; font-size: 1rem; }
.vb .column-count { flex: none; min-width: 1.5rem; padding: 0 4px; border-radius: 999px; background: #fff; font-size: 12px; text-align: center; }
.vb .column-list { display: flex; flex-direction: column; gap: 8px; max-height: 70vh; margin: 0; padding: 2px; overflow-y: auto; list-style: none; }
.vb .tile-item { content-visibility: auto; contain-intrinsic-size: auto 8rem; }
.vb .tile { display: flex; flex-direction: column; gap: 4px; padding: 8px 12px; border: 1px solid #cbd5e1; border-radius: 8px; background: #fff; cursor: grab; user-select: none; }
.vb .tile.lifted { border-color: #1d4ed8; outline: 2px solid #1d4ed8; outline-offset: 1px; box-shadow: 0 4px 12px rgb(0 0 0 / 0.15); }
.vb .tile[aria-busy='true'] { border-style: dashed; }
.vb .tile-head { display: flex; align-items: flex-start; gap: 4px; }
.vb .tile-name { flex: 1; min-width: 0; padding-top: 0.375rem; font-weight: 700; overflow-wrap: anywhere; }
.vb .drag-handle { flex: none; align-self: stretch; width: 0.75rem; margin-inline-start: -8px; background-image: radial-gradient(currentColor 1px, transparent 1.5px); background-size: 5px 5px; opacity: 0.5; }
.vb .tile-line { margin: 0; overflow-wrap: anywhere; }
.vb .muted, .vb .tile-foot { font-size: 12px; color: #64748b; }
.vb .tile-foot { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 4px; }
.vb .labels { display: flex; flex-wrap: wrap; gap: 4px; margin: 0; padding: 0; list-style: none; }
.vb .label { padding: 0 8px; border-radius: 999px; background: #e0f2fe; color: #075985; font-size: 12px; }
.vb .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
`;

const EYE = `<svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false"><path fill="none" stroke="currentColor" stroke-width="2" d="M1 12s4-7 11-7 11 7 11 7-4 7-11 7S1 12 1 12z"/><circle cx="12" cy="12" r="3" fill="none" stroke="currentColor" stroke-width="2"/></svg>`;

const dateFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' });
const listFormat = new Intl.ListFormat('en-US', { type: 'conjunction' });
const numberFormat = new Intl.NumberFormat('en-US');

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function hidden(text: string): HTMLSpanElement {
  return element('span', 'visually-hidden', text);
}

function tile(deal: Deal): HTMLLIElement {
  const item = element('li', 'tile-item');
  const card = element('div', 'tile movable');
  card.dataset['dealId'] = deal.id;
  card.setAttribute('role', 'group');
  card.setAttribute('aria-label', deal.name);
  card.setAttribute('aria-describedby', 'vb-move-instructions');
  card.tabIndex = 0;

  const head = element('div', 'tile-head');
  const grip = element('span', 'drag-handle');
  grip.setAttribute('aria-hidden', 'true');
  const open = element('button');
  open.type = 'button';
  open.setAttribute('aria-label', `Open ${deal.name}`);
  open.innerHTML = EYE;
  head.append(grip, element('span', 'tile-name', deal.name), open);
  card.append(head);

  const clients = deal.clients.map((client) => `${client.firstName} ${client.lastName}`.trim());
  if (clients.length > 0) {
    const line = element('p', 'tile-line');
    line.append(hidden('Clients: '), listFormat.format(clients));
    card.append(line);
  }
  card.append(element('p', 'tile-line muted', deal.broker ? `Broker: ${deal.broker.name}` : 'No broker yet'));
  if (deal.labels.length > 0) {
    const labels = element('ul', 'labels');
    labels.setAttribute('aria-label', 'Labels');
    for (const label of deal.labels) labels.append(element('li', 'label', label));
    card.append(labels);
  }
  const foot = element('div', 'tile-foot');
  const time = element('time', 'muted', `Created ${dateFormat.format(new Date(deal.createdAt))}`);
  time.dateTime = deal.createdAt;
  const move = element('button');
  move.type = 'button';
  move.setAttribute('aria-haspopup', 'menu');
  move.setAttribute('aria-expanded', 'false');
  move.append('Move to…', hidden(` ${deal.name}`));
  foot.append(time, move);
  card.append(foot);
  item.append(card);
  return item;
}

interface ColumnParts {
  stageId: string;
  count: HTMLSpanElement;
  countText: HTMLSpanElement;
  list: HTMLUListElement;
}

function setCount(column: ColumnParts, count: number): void {
  column.count.textContent = numberFormat.format(count);
  column.countText.textContent = `, ${count === 1 ? '1 deal' : `${count} deals`}`;
}

function mountVanilla(container: HTMLElement, bench: BenchAdapter): Element {
  const root = element('section', 'vb');
  const style = element('style');
  style.textContent = STYLE;
  const live = element('div', 'visually-hidden');
  live.setAttribute('aria-live', 'polite');
  const instructions = element('p', 'visually-hidden', 'Press Space to pick the deal up, arrow keys to choose a stage, Space to drop it, Escape to cancel.');
  instructions.id = 'vb-move-instructions';
  root.append(style, live, instructions);
  container.append(root);

  const columns: ColumnParts[] = [];
  const load = async () => {
    const { adapter } = bench;
    const [session, organisations] = await Promise.all([adapter.getSession(), adapter.listOrganisations()]);
    const organisation = organisations.find((candidate) => candidate.id === session.organisation.id) ?? organisations[0];
    if (!organisation) throw new Error('no organisation');
    const workflows = await adapter.listWorkflows(organisation.id);
    const workflow = workflows.find((candidate) => candidate.id === organisation.defaultWorkflowId) ?? (workflows[0] as Workflow);
    const deals: Deal[] = [];
    let cursor: string | null = null;
    do {
      const page = await adapter.listDeals({ organisationId: organisation.id, workflowId: workflow.id, includeClosed: false, cursor, limit: 500 });
      deals.push(...page.items);
      cursor = page.nextCursor ?? null;
    } while (cursor !== null);
    render(workflow, deals);
  };

  const render = (workflow: Workflow, deals: Deal[]) => {
    const toolbar = element('div', 'toolbar');
    const controls = element('div', 'controls');
    const closed = element('label');
    const checkbox = element('input');
    checkbox.type = 'checkbox';
    closed.append(checkbox, ' Show closed deals');
    const views = element('div');
    views.setAttribute('role', 'group');
    views.setAttribute('aria-label', 'View');
    const boardView = element('button', '', 'Board');
    boardView.setAttribute('aria-pressed', 'true');
    const listView = element('button', '', 'List');
    listView.setAttribute('aria-pressed', 'false');
    views.append(boardView, listView);
    controls.append(closed, views, element('button', '', 'Add new deal'));
    toolbar.append(element('h2', '', workflow.name), controls);

    const row = element('div', 'columns');
    const byStage = new Map<string, Deal[]>(workflow.stages.filter((stage) => !stage.closed).map((stage) => [stage.id, []]));
    for (const deal of deals) byStage.get(deal.stageId)?.push(deal);
    workflow.stages
      .filter((stage) => !stage.closed)
      .forEach((stage, index) => {
        const stageDeals = byStage.get(stage.id) ?? [];
        const column = element('div', 'column');
        column.dataset['columnId'] = stage.id;
        const heading = element('h3', 'column-header');
        heading.id = `vb-column-${index}`;
        const count = element('span', 'column-count');
        count.setAttribute('aria-hidden', 'true');
        const countText = hidden('');
        heading.append(element('span', 'column-name', stage.name), count, countText);
        const list = element('ul', 'column-list');
        list.setAttribute('aria-labelledby', heading.id);
        const fragment = document.createDocumentFragment();
        for (const deal of stageDeals) fragment.append(tile(deal));
        list.append(fragment);
        column.append(heading, list);
        row.append(column);
        const parts = { stageId: stage.id, count, countText, list };
        setCount(parts, stageDeals.length);
        columns.push(parts);
      });
    root.append(toolbar, row);
    const versions = new Map(deals.map((deal) => [deal.id, deal.version]));
    const stageNames = new Map(workflow.stages.map((stage) => [stage.id, stage.name]));
    listenForKeyboardMoves(root, columns, live, versions, stageNames, bench);
  };

  void load();
  return root;
}

/** Space picks up, ArrowLeft/ArrowRight move the tile between columns, Space drops it (the adapter is then asked). */
function listenForKeyboardMoves(
  root: HTMLElement,
  columns: ColumnParts[],
  live: HTMLElement,
  versions: Map<string, number>,
  stageNames: Map<string, string>,
  bench: BenchAdapter,
): void {
  let drag: { tile: HTMLElement; origin: number; at: number } | null = null;
  const columnOf = (tile: HTMLElement) => columns.findIndex((column) => column.list.contains(tile));
  const placeIn = (tile: HTMLElement, from: number, to: number) => {
    const source = columns[from];
    const target = columns[to];
    if (!source || !target || from === to) return;
    target.list.prepend(tile.parentElement as HTMLElement);
    setCount(source, source.list.children.length);
    setCount(target, target.list.children.length);
    tile.focus();
  };
  root.addEventListener('keydown', (event) => {
    const tile = event.target as HTMLElement;
    if (!tile.classList.contains('tile')) return;
    const name = tile.getAttribute('aria-label') ?? '';
    if (!drag) {
      if (event.key !== ' ' && event.key !== 'Enter') return;
      event.preventDefault();
      const origin = columnOf(tile);
      drag = { tile, origin, at: origin };
      tile.classList.add('lifted');
      root.classList.add('dragging');
      live.textContent = `Picked up ${name} in ${stageNames.get(columns[origin]?.stageId ?? '') ?? ''}.`;
      return;
    }
    if (drag.tile !== tile) return;
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      event.preventDefault();
      const to = Math.min(columns.length - 1, Math.max(0, drag.at + (event.key === 'ArrowRight' ? 1 : -1)));
      placeIn(tile, drag.at, to);
      drag.at = to;
      live.textContent = `${name} is over ${stageNames.get(columns[to]?.stageId ?? '') ?? ''}, stage ${to + 1} of ${columns.length}.`;
    } else if (event.key === ' ' || event.key === 'Enter') {
      event.preventDefault();
      const { origin, at } = drag;
      drag = null;
      tile.classList.remove('lifted');
      root.classList.remove('dragging');
      const stageId = columns[at]?.stageId ?? '';
      live.textContent = `Dropped ${name} in ${stageNames.get(stageId) ?? ''}.`;
      if (at === origin) return;
      const dealId = tile.dataset['dealId'] ?? '';
      tile.setAttribute('aria-busy', 'true');
      void bench.adapter.moveDeal(dealId, stageId, versions.get(dealId) ?? 0).then(
        (moved) => {
          versions.set(dealId, moved.version);
          tile.removeAttribute('aria-busy');
        },
        () => {
          tile.removeAttribute('aria-busy');
          placeIn(tile, at, origin);
        },
      );
    }
  });
}

exposeBoardPage({
  mount: mountVanilla,
  tree(board) {
    return board;
  },
});
