import { expect } from '@open-wc/testing';
import type { Deal, Workflow } from '../../adapter/types.js';
import {
  checkDocument,
  groupDeals,
  MAX_DOCUMENT_BYTES,
  parseLabels,
  sortDeals,
  UNASSIGNED_COLUMN_ID,
  upsertDeal,
  type SortState,
} from './board-model.js';

const WORKFLOW: Workflow = {
  id: 'wf',
  organisationId: 'org',
  name: 'Leads',
  stages: [
    { id: 's1', name: 'New', closed: false },
    { id: 's2', name: 'Working', closed: false },
    { id: 'won', name: 'Won', closed: true },
  ],
};

let sequence = 0;
function deal(overrides: Partial<Deal>): Deal {
  sequence += 1;
  return {
    id: `d${sequence}`,
    organisationId: 'org',
    workflowId: 'wf',
    stageId: 's1',
    version: 0,
    name: `Deal ${sequence}`,
    clients: [],
    broker: null,
    partner: null,
    labels: [],
    summary: '',
    createdAt: `2026-01-${String(10 + sequence).padStart(2, '0')}T00:00:00Z`,
    updatedAt: '2026-02-01T00:00:00Z',
    closed: false,
    ...overrides,
  };
}

const ids = (deals: readonly Deal[]) => deals.map((candidate) => candidate.id);

describe('board model', () => {
  describe('groupDeals', () => {
    const a = deal({ id: 'a', stageId: 's1' });
    const b = deal({ id: 'b', stageId: 's2' });
    const gone = deal({ id: 'gone', stageId: 'deleted-stage' });
    const won = deal({ id: 'won-deal', stageId: 'won', closed: true });
    const deals = [a, b, gone, won];

    it('puts each deal in its stage, open stages only, and unknown stages in a leading "Unassigned" column', () => {
      const columns = groupDeals(WORKFLOW, deals, { includeClosed: false });
      expect(columns.map((column) => [column.id, ids(column.deals)])).to.deep.equal([
        [UNASSIGNED_COLUMN_ID, ['gone']],
        ['s1', ['a']],
        ['s2', ['b']],
      ]);
      expect(columns[0]!.stage).to.equal(null);
    });

    it('shows closed stages and their deals with includeClosed', () => {
      const columns = groupDeals(WORKFLOW, deals, { includeClosed: true });
      expect(columns.map((column) => column.id)).to.deep.equal([UNASSIGNED_COLUMN_ID, 's1', 's2', 'won']);
      expect(ids(columns[3]!.deals)).to.deep.equal(['won-deal']);
    });

    it('has no "Unassigned" column when every stage is known, and follows overrides (moves in progress)', () => {
      const columns = groupDeals(WORKFLOW, [a, b], { includeClosed: false, stageOverrides: new Map([['a', 's2']]) });
      expect(columns.map((column) => [column.id, ids(column.deals)])).to.deep.equal([
        ['s1', []],
        ['s2', ['a', 'b']],
      ]);
    });

    it('leaves out a closed deal (from a live change) while closed deals are hidden', () => {
      const closedInOpenStage = deal({ id: 'odd', stageId: 's1', closed: true });
      const columns = groupDeals(WORKFLOW, [closedInOpenStage], { includeClosed: false });
      expect(columns.flatMap((column) => ids(column.deals))).to.deep.equal([]);
    });

    it('gives no columns without a workflow', () => {
      expect(groupDeals(null, deals, { includeClosed: true })).to.deep.equal([]);
    });
  });

  describe('sortDeals', () => {
    const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
    const stageOrder = new Map([['s1', 0], ['s2', 1]]);
    const context = { collator, stageOrder, stageOf: (candidate: Deal) => candidate.stageId };
    const zoe = deal({ id: 'zoe', name: 'zoë Adams', stageId: 's2', broker: { id: 'b1', name: 'Marcus' }, createdAt: '2026-01-03T00:00:00Z' });
    const al = deal({ id: 'al', name: 'Al Baker', stageId: 'unknown', broker: null, createdAt: '2026-01-02T00:00:00Z' });
    const eve = deal({ id: 'eve', name: 'Éve Clark', stageId: 's1', broker: { id: 'b2', name: 'Priya' }, createdAt: '2026-01-01T00:00:00Z' });
    const deals = [zoe, al, eve];

    const cases: [SortState, string[]][] = [
      [{ key: 'name', direction: 'ascending' }, ['al', 'eve', 'zoe']],
      [{ key: 'name', direction: 'descending' }, ['zoe', 'eve', 'al']],
      [{ key: 'broker', direction: 'ascending' }, ['zoe', 'eve', 'al']],
      [{ key: 'broker', direction: 'descending' }, ['eve', 'zoe', 'al']],
      [{ key: 'stage', direction: 'ascending' }, ['eve', 'zoe', 'al']],
      [{ key: 'created', direction: 'ascending' }, ['eve', 'al', 'zoe']],
      [{ key: 'created', direction: 'descending' }, ['zoe', 'al', 'eve']],
    ];
    for (const [sort, expected] of cases) {
      it(`${sort.key} ${sort.direction} → ${expected.join(', ')}`, () => {
        expect(ids(sortDeals(deals, sort, context))).to.deep.equal(expected);
      });
    }

    it('does not change the array it is given', () => {
      const copy = [...deals];
      sortDeals(deals, { key: 'name', direction: 'ascending' }, context);
      expect(deals).to.deep.equal(copy);
    });
  });

  it('upsertDeal replaces by id, and inserts a new deal by creation date (newest first)', () => {
    const old = deal({ id: 'old', createdAt: '2026-01-01T00:00:00Z' });
    const newest = deal({ id: 'newest', createdAt: '2026-03-01T00:00:00Z' });
    const middle = deal({ id: 'middle', createdAt: '2026-02-01T00:00:00Z' });
    expect(ids(upsertDeal([newest, old], middle))).to.deep.equal(['newest', 'middle', 'old']);
    expect(ids(upsertDeal([newest, old], deal({ id: 'ancient', createdAt: '2025-01-01T00:00:00Z' })))).to.deep.equal(['newest', 'old', 'ancient']);
    const renamed = { ...old, name: 'Renamed' };
    expect(upsertDeal([newest, old], renamed)[1]).to.equal(renamed);
  });


  it('parseLabels splits on commas, semicolons and lines, trims, and drops blanks and repeats (any case)', () => {
    expect(parseLabels(' Urgent, investor;\nURGENT,, First home buyer ')).to.deep.equal(['Urgent', 'investor', 'First home buyer']);
    expect(parseLabels('   ')).to.deep.equal([]);
  });

  it('checkDocument refuses empty, oversized and unsupported files', () => {
    expect(checkDocument({ size: 0, type: 'application/pdf' })).to.equal('empty');
    expect(checkDocument({ size: MAX_DOCUMENT_BYTES + 1, type: 'application/pdf' })).to.equal('too-large');
    expect(checkDocument({ size: 10, type: 'application/x-msdownload' })).to.equal('type');
    expect(checkDocument({ size: 10, type: '' })).to.equal('type');
    expect(checkDocument({ size: MAX_DOCUMENT_BYTES, type: 'application/pdf' })).to.equal(null);
  });
});
