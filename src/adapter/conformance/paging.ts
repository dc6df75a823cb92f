/**
 * Walks a cursor-paged list to its end and checks the paging promises on the
 * way: no page larger than its limit, no item twice, no cursor loop, the same
 * `total` on every page and equal to what paging returned.
 */
import type { DealQuery, PartnerKitAdapter, PartnerQuery } from '../types.js';
import type { Deal, Partner } from '../schemas.js';
import { ConformanceError, assert, show } from './assert.js';

/** More pages than this means the list never ends (a cursor that never becomes null). */
const MAX_PAGES = 1000;

interface Page<T> {
  items: T[];
  total?: number | undefined;
  nextCursor?: string | null | undefined;
}

export interface Collected<T> {
  items: T[];
  pages: number;
  /** The total the pages reported, when they reported one. */
  total: number | undefined;
}

async function collect<T extends { id: string }>(
  label: string,
  limit: number | undefined,
  fetchPage: (cursor: string | null) => Promise<Page<T>>,
): Promise<Collected<T>> {
  const items: T[] = [];
  const firstSeenOnPage = new Map<string, number>();
  const seenCursors = new Set<string>();
  let cursor: string | null = null;
  let total: number | undefined;
  for (let page = 1; ; page += 1) {
    if (page > MAX_PAGES) {
      throw new ConformanceError(`${label}: still not at the end after ${MAX_PAGES} pages (does nextCursor ever become null?)`);
    }
    const result = await fetchPage(cursor);
    if (limit !== undefined) {
      assert(
        result.items.length <= limit,
        `${label}: page ${page} has ${result.items.length} items, more than the limit ${limit}`,
      );
    }
    for (const item of result.items) {
      const earlier = firstSeenOnPage.get(item.id);
      if (earlier !== undefined) {
        throw new ConformanceError(`${label}: page ${page} repeated ${item.id} (already on page ${earlier})`);
      }
      firstSeenOnPage.set(item.id, page);
      items.push(item);
    }
    // A total is optional, and a backend may send it on the first page only; when sent, it never changes.
    if (result.total !== undefined) {
      if (total === undefined) total = result.total;
      assert(total === result.total, `${label}: page ${page} says total ${result.total}, an earlier page said ${total}`);
    }
    const next = result.nextCursor;
    if (next === null || next === undefined) break;
    assert(next !== '', `${label}: page ${page} returned an empty-string nextCursor (use null at the end)`);
    assert(!seenCursors.has(next), `${label}: page ${page} returned nextCursor ${show(next)} a second time (a loop)`);
    assert(
      result.items.length > 0,
      `${label}: page ${page} is empty but has a nextCursor (an empty page must be the last)`,
    );
    seenCursors.add(next);
    cursor = next;
  }
  if (total !== undefined) {
    assert(
      total === items.length,
      `${label}: total says ${total} but paging to the end returned ${items.length} (a gap or a wrong total)`,
    );
  }
  return { items, pages: seenCursors.size + 1, total };
}

function describeQuery(method: string, query: object): string {
  return `${method}(${JSON.stringify(query)})`;
}

export function collectPartners(adapter: PartnerKitAdapter, query: PartnerQuery): Promise<Collected<Partner>> {
  const listPartners = adapter.listPartners;
  assert(listPartners, 'listPartners is not implemented');
  return collect(describeQuery('listPartners', query), query.limit, (cursor) =>
    listPartners.call(adapter, { ...query, cursor }),
  );
}

export function collectDeals(adapter: PartnerKitAdapter, query: DealQuery): Promise<Collected<Deal>> {
  const listDeals = adapter.listDeals;
  assert(listDeals, 'listDeals is not implemented');
  return collect(describeQuery('listDeals', query), query.limit, (cursor) => listDeals.call(adapter, { ...query, cursor }));
}

/** The partners whose email is `email` (case-insensitive), found by searching for it. */
export async function partnersWithEmail(adapter: PartnerKitAdapter, email: string): Promise<Partner[]> {
  const { items } = await collectPartners(adapter, { search: email, limit: 50 });
  const wanted = email.toLowerCase();
  return items.filter((partner) => partner.email.toLowerCase() === wanted);
}
