/**
 * partner-deal-board scenario, shared by the kit page and the vanilla page:
 * 1,000 deals over one workflow of 7 open stages; mount → every tile painted,
 * then a keyboard move of one tile (Space, ArrowRight, Space) to the next
 * column, timed from the dropping key.
 */
import { generateSeedData, MemoryStore } from '../../src/adapter/memory/index.js';
import type { Deal, Workflow } from '../../src/adapter/types.js';
import { BENCH_SEED, createBenchAdapter, type BenchAdapter } from './adapter-setup.js';
import { deepActiveElement, exposeBench, flushObservers, observedBetween, waitUntil, type Timed } from './harness.js';

export const BOARD_DEALS = 1000;
const ORGANISATION_ID = 'org-harbor';
/** The organisation's default workflow id, so the board opens on it without a workflow attribute. */
const WORKFLOW_ID = 'wf-harbor-leads';
const STAGE_NAMES = ['New lead', 'Contacted', 'Application', 'Pre-approval', 'Submitted', 'Approved', 'Clear to close'];

export const BOARD_WORKFLOW: Workflow = {
  id: WORKFLOW_ID,
  organisationId: ORGANISATION_ID,
  name: 'Pipeline',
  stages: STAGE_NAMES.map((name, index) => ({ id: `stg-bench-${index + 1}`, name, closed: false })),
};

/**
 * The seed data with its deals replaced by 1,000 open deals in one 7-stage
 * workflow: copies of the organisation's seeded deals (names, clients,
 * brokers, labels, dates) with new ids, spread evenly over the stages.
 */
function boardStore(): MemoryStore {
  const data = generateSeedData({ seed: BENCH_SEED });
  const templates = data.deals.filter((deal) => deal.organisationId === ORGANISATION_ID);
  if (templates.length === 0) throw new Error(`the seed data has no deals in ${ORGANISATION_ID}`);
  const deals: Deal[] = Array.from({ length: BOARD_DEALS }, (_, index) => {
    const template = templates[index % templates.length] as Deal;
    const id = `deal-bench-${String(index + 1).padStart(4, '0')}`;
    const stage = BOARD_WORKFLOW.stages[index % BOARD_WORKFLOW.stages.length] as Workflow['stages'][number];
    // Distinct creation times keep the "newest first" order stable and every tile's date real.
    const createdAt = new Date(Date.parse(template.createdAt) - index * 60_000).toISOString();
    return {
      ...template,
      id,
      workflowId: WORKFLOW_ID,
      stageId: stage.id,
      version: 1,
      closed: false,
      createdAt,
      updatedAt: createdAt,
      clients: template.clients.map((client, clientIndex) => ({ ...client, id: `${id}-client-${clientIndex + 1}` })),
    };
  });
  return new MemoryStore({
    data: {
      ...data,
      workflows: [BOARD_WORKFLOW, ...data.workflows.filter((workflow) => workflow.organisationId !== ORGANISATION_ID)],
      deals,
      notes: [],
      documents: [],
    },
  });
}

export interface BoardVariant {
  /** Puts the board in `container`; returns the element whose tree holds the tiles (shadow root or not). */
  mount(container: HTMLElement, bench: BenchAdapter): Element;
  /** Where the tiles are. */
  tree(board: Element): ParentNode | null;
}

const tileSelector = (dealId: string) => `.tile[data-deal-id="${dealId}"]`;

export function exposeBoardPage(variant: BoardVariant): void {
  let bench: BenchAdapter | undefined;
  let board: Element | undefined;
  let pending: Promise<Timed<string>> | undefined;
  let armedAt = 0;
  let move: { dealId: string; from: string; to: string } | undefined;

  const treeOf = () => {
    const tree = board ? variant.tree(board) : null;
    if (!tree) throw new Error('the board has no tree to search');
    return tree;
  };

  exposeBench({
    prepare() {
      const started = performance.now();
      // A broker: portal staff may move and open deals.
      bench = createBenchAdapter({ role: 'broker', store: boardStore() });
      // The backend has answered the board's query once (a server's sort cost is not the client's).
      bench.adapter.store.listDeals({ organisationId: ORGANISATION_ID, workflowId: WORKFLOW_ID, includeClosed: false, cursor: null, limit: 500 });
      return { setupMs: performance.now() - started };
    },

    async mount() {
      if (!bench) throw new Error('prepare() first');
      const container = document.getElementById('app') as HTMLElement;
      const start = performance.now();
      const element = variant.mount(container, bench);
      board = element;
      const timed = await waitUntil(
        () => {
          const tree = variant.tree(element);
          const tiles = tree ? tree.querySelectorAll('.tile').length : 0;
          return tiles >= BOARD_DEALS ? tiles : undefined;
        },
        { observe: [container, element.shadowRoot] },
      );
      await flushObservers();
      const tree = treeOf();
      return {
        ready: timed.ready - start,
        painted: timed.painted - start,
        tiles: timed.value,
        columns: tree.querySelectorAll('.column').length,
        calls: bench.calls.map((entry) => ({ method: entry.method, argument: entry.argument })),
        observed: observedBetween(start, timed.painted),
        window: { startTime: start, duration: timed.painted - start },
      };
    },

    /** Focuses the first tile of the first column (keyboard input goes there). */
    focusTile() {
      const tree = treeOf();
      const columns = [...tree.querySelectorAll<HTMLElement>('.column')];
      const from = columns[0];
      const to = columns[1];
      const tile = from?.querySelector<HTMLElement>('.tile');
      if (!from || !to || !tile) throw new Error('no tile in the first column, or no second column');
      tile.focus();
      if (deepActiveElement() !== tile) throw new Error('the tile does not take focus');
      move = { dealId: tile.dataset['dealId'] ?? '', from: from.dataset['columnId'] ?? '', to: to.dataset['columnId'] ?? '' };
      return move;
    },

    /** Starts watching for the drop: the tile in the next column, no longer lifted. */
    armMove() {
      if (!move || !board) throw new Error('focusTile() first');
      const { dealId, to } = move;
      const tree = treeOf();
      armedAt = performance.now();
      pending = waitUntil(
        () => {
          const tile = tree.querySelector(`.column[data-column-id="${to}"] ${tileSelector(dealId)}`);
          return tile && !tile.classList.contains('lifted') ? (tile.getAttribute('aria-busy') ?? 'settled') : undefined;
        },
        { timeoutMs: 10_000, observe: [board, board.shadowRoot] },
      );
      return {};
    },

    async moveResult() {
      if (!pending || !move || !bench) throw new Error('armMove() first');
      const { ready, painted } = await pending;
      // Long tasks up to 250 ms after the drop, as in the sort and search scenarios.
      await new Promise((resolve) => setTimeout(resolve, 250));
      await flushObservers();
      const observed = observedBetween(armedAt, performance.now());
      const keydowns = observed.inputs.filter((input) => input.type === 'keydown').sort((a, b) => a.timeStamp - b.timeStamp);
      const drop = keydowns.at(-1);
      const stored = bench.adapter.store.getDeal(move.dealId);
      return {
        dealId: move.dealId,
        keys: keydowns.length,
        movedInStore: stored.stageId === move.to,
        fromInput: drop ? { ready: ready - drop.timeStamp, painted: painted - drop.timeStamp } : null,
        dropToNextFrame: drop?.toNextFrame ?? NaN,
        keyToNextFrame: keydowns.map((input) => input.toNextFrame),
        observed,
        // Each key's input → next frame, for the profile's attribution.
        windows: keydowns.map((input) => ({ startTime: input.timeStamp, duration: input.toNextFrame })),
      };
    },
  });
}
