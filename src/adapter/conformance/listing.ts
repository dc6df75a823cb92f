/**
 * listPartners: paging to the end, search, status filter and sort.
 */
import type { InviteStatus } from '../../domain/status.js';
import type { Partner } from '../schemas.js';
import type { PartnerSortField, SortDirection } from '../types.js';
import { ConformanceError, assert, assertEqual } from './assert.js';
import type { Check, CheckGroup } from './check.js';
import type { CheckContext } from './context.js';
import { collectPartners } from './paging.js';

async function seededPartners(context: CheckContext): Promise<Partner[]> {
  const partners = await context.allPartners();
  assert(partners.length > 0, 'listPartners returned no partners: the conformance suite needs a seeded adapter');
  return partners;
}

/** Ids in `a` that are not in `b`. */
function missingFrom(a: readonly Partner[], b: readonly Partner[]): string[] {
  const inB = new Set(b.map((partner) => partner.id));
  return a.filter((partner) => !inB.has(partner.id)).map((partner) => partner.id);
}

/** Case- and accent-insensitive text, so a search for "muller" may find "Müller". */
function fold(value: string): string {
  return value.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

function searchableText(partner: Partner): string {
  return fold(`${partner.firstName} ${partner.lastName} | ${partner.lastName} ${partner.firstName} | ${partner.email}`);
}

/** A partner's name, first or last name leading; a partner with no name is known by the email. */
const firstLast = (p: Partner) => `${p.firstName} ${p.lastName}`.trim() || p.email;
const lastFirst = (p: Partner) => `${p.lastName} ${p.firstName}`.trim() || p.email;
const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
const compareFolded = (a: string, b: string) => {
  const x = fold(a);
  const y = fold(b);
  return x < y ? -1 : x > y ? 1 : 0;
};

/**
 * How "name" may be ordered. The contract does not fix the collation or
 * whether the first or the last name leads, so any of these passes, as long
 * as one of them orders the whole list.
 */
const NAME_ORDERINGS: readonly { key: (partner: Partner) => string; compare: (a: string, b: string) => number }[] = [
  { key: firstLast, compare: collator.compare },
  { key: lastFirst, compare: collator.compare },
  { key: firstLast, compare: compareFolded },
  { key: lastFirst, compare: compareFolded },
];

/** The index of the first item that is out of order, or -1. */
function firstDisorder<T>(items: readonly T[], compare: (a: T, b: T) => number, direction: SortDirection): number {
  const sign = direction === 'asc' ? 1 : -1;
  for (let index = 1; index < items.length; index += 1) {
    if (sign * compare(items[index - 1] as T, items[index] as T) > 0) return index;
  }
  return -1;
}

function assertOrdered(field: PartnerSortField, direction: SortDirection, items: readonly Partner[]): void {
  const label = `listPartners(sort: ${field} ${direction})`;
  if (field === 'name') {
    const disorders = NAME_ORDERINGS.map((ordering) =>
      firstDisorder(items, (a, b) => ordering.compare(ordering.key(a), ordering.key(b)), direction),
    );
    if (disorders.some((index) => index === -1)) return;
    const index = disorders[0] ?? 1;
    const before = items[index - 1];
    const after = items[index];
    throw new ConformanceError(
      `${label}: position ${index} ${JSON.stringify(`${before?.firstName} ${before?.lastName}`)} comes before ` +
        `${JSON.stringify(`${after?.firstName} ${after?.lastName}`)}, which is out of order by first or last name`,
    );
  }
  if (field === 'invitedAt') {
    const index = firstDisorder(items, (a, b) => Date.parse(a.invitedAt) - Date.parse(b.invitedAt), direction);
    if (index === -1) return;
    throw new ConformanceError(
      `${label}: position ${index} invited ${items[index - 1]?.invitedAt} comes before ${items[index]?.invitedAt}`,
    );
  }
  throw new ConformanceError(`${label}: the suite has no ordering for ${field}`);
}

function sortCheck(field: PartnerSortField, direction: SortDirection): Check {
  return {
    name: `sorts by ${field} ${direction === 'asc' ? 'ascending' : 'descending'} across pages`,
    requires: ['listPartners'],
    async run(context) {
      const all = await seededPartners(context);
      const sorted = await collectPartners(context.adapter, {
        sort: { field, direction },
        limit: context.options.pageSize,
      });
      const lost = missingFrom(all, sorted.items);
      assert(lost.length === 0, `listPartners(sort: ${field} ${direction}) lost partners ${lost.join(', ')}`);
      assertOrdered(field, direction, sorted.items);
    },
  };
}

/** The most common statuses, most common first. */
function statusesByFrequency(partners: readonly Partner[]): InviteStatus[] {
  const counts = new Map<InviteStatus, number>();
  for (const partner of partners) counts.set(partner.status, (counts.get(partner.status) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([status]) => status);
}

async function checkStatusFilter(context: CheckContext, statuses: readonly InviteStatus[]): Promise<void> {
  const all = await seededPartners(context);
  const label = `listPartners(statuses: ${statuses.join(', ')})`;
  const filtered = await collectPartners(context.adapter, { statuses, limit: context.options.pageSize });
  for (const partner of filtered.items) {
    assert(statuses.includes(partner.status), `${label} returned ${partner.id} with status ${partner.status}`);
  }
  const expected = all.filter((partner) => statuses.includes(partner.status));
  const left = missingFrom(expected, filtered.items);
  assert(left.length === 0, `${label} left out ${left.join(', ')}, which have those statuses`);
}

export const listingChecks: CheckGroup = {
  id: 'listPartners',
  name: 'listPartners',
  checks: [
    {
      name: 'pages to the end: no page over its limit, no partner twice, total consistent',
      requires: ['listPartners'],
      async run(context) {
        const all = await seededPartners(context);
        const page = await context.adapter.listPartners!({ limit: context.options.pageSize });
        if (all.length > context.options.pageSize) {
          assert(
            page.nextCursor !== null && page.nextCursor !== undefined,
            `listPartners({limit: ${context.options.pageSize}}): ${all.length} partners exist but page 1 has no nextCursor`,
          );
        }
      },
    },
    {
      name: 'another page size returns the same partners (no gaps)',
      requires: ['listPartners'],
      async run(context) {
        const all = await seededPartners(context);
        const limit = context.options.pageSize * 2 + 1;
        const other = await collectPartners(context.adapter, { limit });
        const onlySmall = missingFrom(all, other.items);
        const onlyLarge = missingFrom(other.items, all);
        assert(
          onlySmall.length === 0 && onlyLarge.length === 0,
          `listPartners: pages of ${context.options.pageSize} and pages of ${limit} disagree; only in the first: ` +
            `[${onlySmall.join(', ')}], only in the second: [${onlyLarge.join(', ')}]`,
        );
      },
    },
    {
      name: 'search narrows to partners whose name or email contains the text',
      requires: ['listPartners'],
      async run(context) {
        const all = await seededPartners(context);
        // A last name that not every partner shares, so the search has to narrow.
        const target = all.find((partner) => {
          const term = fold(partner.lastName);
          return term.length >= 2 && all.some((other) => !searchableText(other).includes(term));
        });
        assert(target, 'listPartners: no partner has a last name the others do not share, so search cannot be checked');
        const term = target.lastName.trim();
        const label = `listPartners(search: ${JSON.stringify(term)})`;
        const found = await collectPartners(context.adapter, { search: term, limit: context.options.pageSize });
        assert(
          found.items.some((partner) => partner.id === target.id),
          `${label} did not return ${target.id} (${target.firstName} ${target.lastName})`,
        );
        for (const partner of found.items) {
          assert(
            searchableText(partner).includes(fold(term)),
            `${label} returned ${partner.id} (${partner.firstName} ${partner.lastName}, ${partner.email}), which does not contain it`,
          );
        }
        assert(found.items.length < all.length, `${label} returned all ${all.length} partners: it did not narrow`);
        const byEmail = await collectPartners(context.adapter, { search: target.email, limit: context.options.pageSize });
        assert(
          byEmail.items.some((partner) => partner.id === target.id),
          `listPartners(search: ${JSON.stringify(target.email)}) did not return ${target.id}, whose email it is`,
        );
      },
    },
    {
      name: 'search for text no partner has returns nothing',
      requires: ['listPartners'],
      async run(context) {
        const search = `zq-no-such-partner-${Date.now().toString(36)}`;
        const page = await context.adapter.listPartners!({ search, limit: context.options.pageSize });
        assertEqual(page.items.length, 0, `listPartners(search: ${JSON.stringify(search)}) item count`);
        if (page.total !== undefined) assertEqual(page.total, 0, `listPartners(search: ${JSON.stringify(search)}).total`);
      },
    },
    {
      name: 'a status filter returns exactly the partners with that status',
      requires: ['listPartners'],
      async run(context) {
        const [status] = statusesByFrequency(await seededPartners(context));
        assert(status, 'listPartners: no status to filter on');
        await checkStatusFilter(context, [status]);
      },
    },
    {
      name: 'a filter of several statuses returns exactly the partners with any of them',
      requires: ['listPartners'],
      async run(context) {
        const statuses = statusesByFrequency(await seededPartners(context)).slice(1, 4);
        assert(
          statuses.length >= 2,
          'listPartners: the seeded partners have fewer than three statuses, so a filter of several cannot be checked',
        );
        await checkStatusFilter(context, statuses);
      },
    },
    sortCheck('name', 'asc'),
    sortCheck('name', 'desc'),
    sortCheck('invitedAt', 'asc'),
    sortCheck('invitedAt', 'desc'),
  ],
};
