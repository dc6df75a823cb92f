/**
 * The board's pure rules (no DOM): which column a deal shows in, how the list
 * view sorts, and the small parsers the form and the deal view need.
 */
import type { PartnerKitError } from '../../adapter/errors.js';
import type { Deal, Stage, Workflow } from '../../adapter/types.js';

/** The column of deals whose stage is not (or no longer) part of the workflow. */
export const UNASSIGNED_COLUMN_ID = '\u0000unassigned';

export interface BoardColumn {
  /** The stage id, or `UNASSIGNED_COLUMN_ID`. */
  id: string;
  /** Null for the "Unassigned" column. */
  stage: Stage | null;
  deals: Deal[];
}

export interface ColumnOptions {
  /** Show closed stages and closed deals. */
  includeClosed: boolean;
  /** Where a deal shows instead of its own stage (an optimistic move, a keyboard drag). */
  stageOverrides?: ReadonlyMap<string, string>;
}

/** The stages shown as columns: every stage with closed deals shown, else the open ones. */
export function visibleStages(workflow: Workflow | null, includeClosed: boolean): Stage[] {
  if (!workflow) return [];
  return includeClosed ? [...workflow.stages] : workflow.stages.filter((stage) => !stage.closed);
}

/** The stage a deal shows in: its override (a move in progress) or its own. */
export function effectiveStageId(deal: Deal, overrides?: ReadonlyMap<string, string>): string {
  return overrides?.get(deal.id) ?? deal.stageId;
}

/**
 * Groups deals into the workflow's columns, in stage order, keeping the
 * deals' order within a column. A deal whose stage is unknown goes to an
 * "Unassigned" column shown first (only when there is one); closed deals are
 * left out unless `includeClosed`. No workflow, no columns.
 */
export function groupDeals(workflow: Workflow | null, deals: readonly Deal[], options: ColumnOptions): BoardColumn[] {
  if (!workflow) return [];
  const stages = visibleStages(workflow, options.includeClosed);
  const allStageIds = new Set(workflow.stages.map((stage) => stage.id));
  const columns = new Map<string, BoardColumn>(stages.map((stage) => [stage.id, { id: stage.id, stage, deals: [] }]));
  const unassigned: BoardColumn = { id: UNASSIGNED_COLUMN_ID, stage: null, deals: [] };
  for (const deal of deals) {
    if (!options.includeClosed && deal.closed) continue;
    const stageId = effectiveStageId(deal, options.stageOverrides);
    const column = columns.get(stageId);
    if (column) column.deals.push(deal);
    // A known stage that is not shown is a closed one, hidden with its deals.
    else if (!allStageIds.has(stageId)) unassigned.deals.push(deal);
  }
  return unassigned.deals.length > 0 ? [unassigned, ...columns.values()] : [...columns.values()];
}

export const SORT_KEYS = ['name', 'clients', 'broker', 'stage', 'created'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'ascending' | 'descending';

export interface SortState {
  key: SortKey;
  direction: SortDirection;
}

export function clientNames(deal: Deal): string[] {
  return deal.clients.map((client) => `${client.firstName} ${client.lastName}`.trim());
}

/**
 * The list view's order. Text compares with the locale's collator (case- and
 * accent-insensitive); stages in workflow order, unknown stages last; ties
 * break by creation date, newest first, then id, so the order is stable.
 */
export function sortDeals(
  deals: readonly Deal[],
  sort: SortState,
  context: { collator: Intl.Collator; stageOrder: ReadonlyMap<string, number>; stageOf: (deal: Deal) => string },
): Deal[] {
  const { collator, stageOrder, stageOf } = context;
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const text = (deal: Deal): string => {
    switch (sort.key) {
      case 'name':
        return deal.name;
      case 'clients':
        return clientNames(deal).join(', ');
      case 'broker':
        return deal.broker?.name ?? '';
      default:
        return '';
    }
  };
  const tieBreak = (a: Deal, b: Deal) =>
    b.createdAt.localeCompare(a.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const compare = (a: Deal, b: Deal): number => {
    switch (sort.key) {
      case 'created':
        return sign * a.createdAt.localeCompare(b.createdAt);
      case 'stage':
        return sign * ((stageOrder.get(stageOf(a)) ?? Infinity) - (stageOrder.get(stageOf(b)) ?? Infinity) || 0);
      default: {
        const left = text(a);
        const right = text(b);
        // Deals without a broker sort last whichever the direction.
        if (left === '' || right === '') return left === right ? 0 : left === '' ? 1 : -1;
        return sign * collator.compare(left, right);
      }
    }
  };
  return [...deals].sort((a, b) => compare(a, b) || tieBreak(a, b));
}

/** Inserts or replaces `deal` (by id), keeping the board's order: newest first. */
export function upsertDeal(deals: readonly Deal[], deal: Deal): Deal[] {
  const index = deals.findIndex((candidate) => candidate.id === deal.id);
  if (index !== -1) {
    const next = [...deals];
    next[index] = deal;
    return next;
  }
  const at = deals.findIndex((candidate) => candidate.createdAt.localeCompare(deal.createdAt) < 0);
  return at === -1 ? [...deals, deal] : [...deals.slice(0, at), deal, ...deals.slice(at)];
}

export function removeDeal(deals: readonly Deal[], dealId: string): Deal[] {
  return deals.filter((deal) => deal.id !== dealId);
}

/** Labels typed as a comma- (or semicolon-, or line-) separated list: trimmed, blanks and repeats dropped. */
export function parseLabels(text: string): string[] {
  const labels: string[] = [];
  const seen = new Set<string>();
  for (const part of text.split(/[,;\n]/)) {
    const label = part.trim();
    const key = label.toLocaleLowerCase();
    if (label === '' || seen.has(key)) continue;
    seen.add(key);
    labels.push(label);
  }
  return labels;
}

/** The document types a deal accepts from the kit's upload control (checked before any upload). */
export const DOCUMENT_TYPES: readonly string[] = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/webp',
  'image/gif',
  'text/plain',
  'text/csv',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];
/** File extensions for the picker (`accept`), matching `DOCUMENT_TYPES`. */
export const DOCUMENT_ACCEPT = '.pdf,.png,.jpg,.jpeg,.webp,.gif,.txt,.csv,.doc,.docx,.xls,.xlsx';
export const MAX_DOCUMENT_BYTES = 25 * 1024 * 1024;

export type DocumentProblem = 'empty' | 'too-large' | 'type' | null;

export function checkDocument(file: { size: number; type: string }): DocumentProblem {
  if (file.size === 0) return 'empty';
  if (file.size > MAX_DOCUMENT_BYTES) return 'too-large';
  if (!DOCUMENT_TYPES.includes(file.type)) return 'type';
  return null;
}

const warnedContracts = new Set<string>();

/**
 * The element shows a plain message for a `contract` error (no adapter, a
 * malformed response); the integrator gets the precise one (which method,
 * which field) once, in the console.
 */
export function warnContractOnce(error: PartnerKitError): void {
  if (error.code !== 'contract' || warnedContracts.has(error.message) || warnedContracts.size >= 50) return;
  warnedContracts.add(error.message);
  console.warn(`[partner-kit] <partner-deal-board>: ${error.message}`);
}
