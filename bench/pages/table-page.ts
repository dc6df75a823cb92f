/**
 * The partner-table scenario's page API, shared by the kit page and the
 * vanilla page: only `mountTable` differs. The runner calls, per sample:
 * prepare → mount (first render), and for the interaction scenarios
 * target → arm → (real mouse/keyboard input) → result.
 */
import type { PartnerQuery } from '../../src/adapter/types.js';
import { createBenchAdapter, type BenchAdapter } from './adapter-setup.js';
import { centreOf, deepQuery, deepQueryAll, exposeBench, flushObservers, observedBetween, waitUntil, type Observed } from './harness.js';

export interface MountedTable {
  /** The element to search for rows (the kit element, or the vanilla wrapper). */
  root: Element;
}

export interface TableVariant {
  /** Builds the table into `container` for `bench`; returns once started (rendering may finish later). */
  mountTable(container: HTMLElement, bench: BenchAdapter, options: MountOptions): MountedTable;
}

export interface MountOptions {
  /** Vanilla only: the partner queries the kit made before its first paint, replayed in order. */
  queries?: PartnerQuery[];
  /** Vanilla only: how many data rows the kit had in the DOM. */
  rows?: number;
  /** Vanilla only: the query the kit made when its sort header was clicked. */
  sortQuery?: PartnerQuery;
  /** Vanilla only: the query the kit made for the search (its `search` is replaced by the typed text). */
  searchQuery?: PartnerQuery;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The email shown in a body row (the cell whose whole text is an address), if any. */
function emailOf(row: HTMLTableRowElement): string | undefined {
  for (const cell of row.cells) {
    const text = (cell.textContent ?? '').trim();
    if (EMAIL.test(text)) return text;
  }
  return undefined;
}

/**
 * Body rows that show a partner (a loading skeleton row has no email). Looks
 * in the element's own tree first, and only then through nested shadow
 * roots, so that polling for rows stays cheap on both variants.
 */
export function dataRows(root: Element): HTMLTableRowElement[] {
  const shallow = [...(root.shadowRoot?.querySelectorAll<HTMLTableRowElement>('tbody tr') ?? []), ...root.querySelectorAll<HTMLTableRowElement>('tbody tr')];
  const rows = shallow.length > 0 ? shallow : deepQueryAll<HTMLTableRowElement>(root, 'tbody tr');
  return rows.filter((row) => emailOf(row) !== undefined);
}

function firstEmail(root: Element): string | undefined {
  const rows = [...(root.shadowRoot?.querySelectorAll<HTMLTableRowElement>('tbody tr') ?? []), ...root.querySelectorAll<HTMLTableRowElement>('tbody tr')];
  for (const row of rows.length > 0 ? rows : deepQueryAll<HTMLTableRowElement>(root, 'tbody tr')) {
    const email = emailOf(row);
    if (email) return email;
  }
  return undefined;
}

export function exposeTablePage(variant: TableVariant): void {
  let bench: BenchAdapter | undefined;
  let mounted: MountedTable | undefined;
  let pending: Promise<{ ready: number; painted: number }> | undefined;
  let armedAt = 0;
  let expected: string | undefined;

  const requireMounted = (): MountedTable => {
    if (!mounted) throw new Error('mount() first');
    return mounted;
  };

  exposeBench({
    prepare(setup: { rows: number; warmQueries?: PartnerQuery[] }) {
      const start = performance.now();
      bench = createBenchAdapter({ rows: setup.rows, warmQueries: setup.warmQueries ?? [{}] });
      return { setupMs: performance.now() - start };
    },

    async mount(options: MountOptions = {}) {
      if (!bench) throw new Error('prepare() first');
      const container = document.getElementById('app') as HTMLElement;
      const callsBefore = bench.calls.length;
      const start = performance.now();
      mounted = variant.mountTable(container, bench, options);
      const root = mounted.root;
      const timed = await waitUntil(() => firstEmail(root), { observe: [container, root.shadowRoot] });
      await flushObservers();
      return {
        ready: timed.ready - start,
        painted: timed.painted - start,
        rows: dataRows(root).length,
        firstEmail: timed.value,
        queries: bench.calls
          .slice(callsBefore)
          .filter((call) => call.method === 'listPartners' && call.at <= timed.ready)
          .map((call) => call.argument),
        observed: observedBetween(start, timed.painted),
        window: { startTime: start, duration: timed.painted - start },
      };
    },

    /** Where to click: the sort button of the Email column, or the search field. */
    target(kind: 'sort' | 'search') {
      const root = requireMounted().root;
      let element: Element | undefined;
      if (kind === 'sort') {
        // The active column's button (it reverses the order, so the first row surely changes), else the first column's.
        element =
          deepQuery(root, 'th[aria-sort="ascending"] button, th[aria-sort="descending"] button') ??
          deepQuery(root, 'th button, [role="columnheader"] button');
      } else {
        element =
          deepQuery(root, 'input[type="search"]') ??
          deepQuery(root, '[role="searchbox"]') ??
          deepQueryAll(root, 'input').find((input) => /search/i.test(`${input.getAttribute('placeholder')} ${input.getAttribute('aria-label')}`));
      }
      if (!element) throw new Error(`no ${kind === 'sort' ? 'sortable column header button' : 'search field'} found`);
      const label = (element.textContent ?? '').trim() || element.getAttribute('aria-label') || element.getAttribute('placeholder') || element.tagName;
      return { ...centreOf(element), label: label.replace(/\s+/g, ' ').slice(0, 40) };
    },

    /** The first email the store gives for `query` (also warms the store's view, as a server's cache would be). */
    expectedFirst(query: PartnerQuery) {
      if (!bench) throw new Error('prepare() first');
      return bench.adapter.store.listPartners({ ...query, limit: 1 }).items[0]?.email ?? null;
    },

    /** Starts watching for the first row to become `expectFirst` (or to change at all). */
    arm(options: { expectFirst?: string | null } = {}) {
      const root = requireMounted().root;
      const before = firstEmail(root);
      expected = options.expectFirst ?? undefined;
      armedAt = performance.now();
      pending = waitUntil(() => {
        const now = firstEmail(root);
        return (expected === undefined ? now !== undefined && now !== before : now === expected) ? now : undefined;
      }, { timeoutMs: 20_000, observe: [root, root.shadowRoot] }).then(({ ready, painted }) => ({ ready, painted }));
      return { before: before ?? null };
    },

    /** Times of the armed change, from the last trusted input event and from the matching adapter call. */
    async result(kind: 'sort' | 'search') {
      if (!pending || !bench) throw new Error('arm() first');
      const { ready, painted } = await pending;
      // Long tasks that trail the paint still belong to the interaction.
      await new Promise((resolve) => setTimeout(resolve, 250));
      await flushObservers();
      const observed: Observed = observedBetween(armedAt, painted + 250);
      const lastInput = observed.inputs.filter((input) => (kind === 'sort' ? input.type === 'pointerdown' : input.type === 'keydown')).at(-1);
      const listCalls = bench.calls.filter((call) => call.method === 'listPartners' && call.at >= armedAt && call.at <= ready);
      const lastCall = listCalls.at(-1);
      return {
        fromInput: lastInput ? { ready: ready - lastInput.timeStamp, painted: painted - lastInput.timeStamp } : null,
        fromQuery: lastCall ? { ready: ready - lastCall.at, painted: painted - lastCall.at } : null,
        query: lastCall?.argument ?? null,
        queries: listCalls.length,
        firstEmail: firstEmail(requireMounted().root) ?? null,
        observed,
        window: { startTime: lastInput?.timeStamp ?? armedAt, duration: painted - (lastInput?.timeStamp ?? armedAt) },
      };
    },
  });
}
