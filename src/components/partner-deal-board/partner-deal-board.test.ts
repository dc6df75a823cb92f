import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../../test/support/wait.js';
import { createMemoryAdapter } from '../../adapter/memory/index.js';
import type { Deal, PartnerKitAdapter } from '../../adapter/types.js';
import type { OrgSwitches, Role } from '../../domain/permissions.js';
import { setLocale } from '../../locales/index.js';
import { createBackend, forEachBackend, type BackendKind } from '../../../test/support/backends.js';
import type { PartnerDealBoard } from './partner-deal-board.component.js';
import './partner-deal-board.js';

const HARBOR = 'org-harbor';
const LEADS = 'wf-harbor-leads';
const LOANS = 'wf-harbor-loans';

interface MountOptions {
  role?: Role;
  switches?: Partial<OrgSwitches>;
  wrap?: (adapter: PartnerKitAdapter) => PartnerKitAdapter;
}

const root = (board: PartnerDealBoard) => board.shadowRoot!;
const all = <T extends Element = HTMLElement>(board: PartnerDealBoard, selector: string) =>
  [...root(board).querySelectorAll<T & Element>(selector)] as T[];
const one = <T extends Element = HTMLElement>(board: PartnerDealBoard, selector: string) =>
  root(board).querySelector(selector) as T | null;
const text = (element: Element | null) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

const isLoaded = (board: PartnerDealBoard) => one(board, '.column, .empty, .table, .error') !== null && one(board, '.updating') === null;

async function mount(kind: BackendKind, options: MountOptions = {}) {
  const backend = await createBackend(kind);
  backend.memory.store.setSession({ role: options.role ?? 'partner', ...(options.switches ? { switches: options.switches as OrgSwitches } : {}) });
  const adapter = options.wrap ? options.wrap(backend.adapter) : backend.adapter;
  const board = await fixture<PartnerDealBoard>(html`<partner-deal-board .adapter=${adapter}></partner-deal-board>`);
  await waitUntil(() => isLoaded(board), 'the board loaded', { timeout: 5000 });
  return { board, ...backend };
}

/** What the backend holds for a workflow, as the board should show it. */
function storeDeals(memory: { store: { listDeals: (query: { organisationId: string; workflowId: string; includeClosed?: boolean; limit?: number }) => { items: Deal[] } } }, workflowId = LEADS, includeClosed = false) {
  return memory.store.listDeals({ organisationId: HARBOR, workflowId, includeClosed, limit: 500 }).items;
}

function columnSummary(board: PartnerDealBoard) {
  return all(board, '.column').map((column) => ({
    name: text(column.querySelector('.column-name')),
    count: Number(text(column.querySelector('.column-count'))),
    tiles: column.querySelectorAll('.tile').length,
  }));
}

function setDarkTheme(on: boolean) {
  if (on) {
    document.documentElement.dataset.theme = 'dark';
    document.documentElement.style.colorScheme = 'dark';
  } else {
    delete document.documentElement.dataset.theme;
    document.documentElement.style.colorScheme = '';
  }
}

async function expectAccessibleInBothThemes(element: Element) {
  await expect(element).to.be.accessible();
  setDarkTheme(true);
  try {
    await expect(element).to.be.accessible();
  } finally {
    setDarkTheme(false);
  }
}

afterEach(() => {
  setDarkTheme(false);
  setLocale(undefined);
  document.documentElement.lang = 'en';
});

forEachBackend('<partner-deal-board> board', (kind) => {
  it('shows the stages of the default workflow as columns, with counts and tiles matching the backend', async () => {
    const { board, memory } = await mount(kind);
    const workflow = memory.store.listWorkflows(HARBOR).find((candidate) => candidate.id === LEADS)!;
    const deals = storeDeals(memory);
    const expected = workflow.stages
      .filter((stage) => !stage.closed)
      .map((stage) => {
        const count = deals.filter((deal) => deal.stageId === stage.id).length;
        return { name: stage.name, count, tiles: count };
      });
    expect(text(one(board, '[part="title"]'))).to.equal('Leads');
    expect(columnSummary(board)).to.deep.equal(expected);
    expect(all(board, '.tile').length).to.equal(deals.length);
    // Each heading says how many deals the column has, in words too.
    const firstHeading = one(board, '.column-header')!;
    expect(text(firstHeading)).to.match(new RegExp(`${expected[0]!.count} deals?$`));
  });

  it('shows name, client names, broker, labels, created date and an "eye" with an accessible name on a tile', async () => {
    const { board, memory } = await mount(kind);
    const deal = storeDeals(memory).find((candidate) => candidate.labels.length > 0 && candidate.broker && candidate.clients.length > 1)!;
    const tile = one(board, `.tile[data-deal-id="${deal.id}"]`)!;
    expect(text(tile.querySelector('.tile-name'))).to.equal(deal.name);
    const clientLine = text(tile.querySelector('[part="tile-clients"]'));
    for (const client of deal.clients) expect(clientLine).to.contain(`${client.firstName} ${client.lastName}`);
    expect(text(tile.querySelector('[part="tile-broker"]'))).to.equal(`Broker: ${deal.broker!.name}`);
    expect([...tile.querySelectorAll('[part="label"]')].map(text)).to.deep.equal(deal.labels);
    const date = new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date(deal.createdAt));
    expect(text(tile.querySelector('time'))).to.equal(`Created ${date}`);
    expect(tile.querySelector('time')!.getAttribute('datetime')).to.equal(deal.createdAt);
    const eye = tile.querySelector('[data-action="open"]')!;
    expect(eye.getAttribute('aria-label')).to.equal(`Open ${deal.name}`);
  });

  it('list view: a native table of the same deals, sortable by its headers with aria-sort', async () => {
    const { board, memory } = await mount(kind);
    const deals = storeDeals(memory);
    const listButton = all(board, '.segment').find((button) => text(button) === 'List')!;
    listButton.click();
    await waitUntil(() => one(board, 'table'), 'the table shows');
    expect(board.getAttribute('view')).to.equal('list');
    expect(listButton.getAttribute('aria-pressed')).to.equal('true');
    const names = () => all(board, 'tbody th[scope="row"]').map(text);
    expect(names().sort()).to.deep.equal(deals.map((deal) => deal.name).sort());
    const createdHeader = all(board, 'thead th').find((th) => text(th).startsWith('Created'))!;
    expect(createdHeader.getAttribute('aria-sort')).to.equal('descending');

    const nameHeader = all(board, 'thead th').find((th) => text(th).startsWith('Deal'))!;
    nameHeader.querySelector('button')!.click();
    await board.updateComplete;
    const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
    const ascending = [...deals].map((deal) => deal.name).sort(collator.compare);
    expect(names()).to.deep.equal(ascending);
    expect(nameHeader.getAttribute('aria-sort')).to.equal('ascending');
    expect(createdHeader.hasAttribute('aria-sort')).to.equal(false);

    nameHeader.querySelector('button')!.click();
    await board.updateComplete;
    expect(names()).to.deep.equal([...ascending].reverse());
    expect(nameHeader.getAttribute('aria-sort')).to.equal('descending');

    const stageHeader = all(board, 'thead th').find((th) => text(th).startsWith('Stage'))!;
    stageHeader.querySelector('button')!.click();
    await board.updateComplete;
    const workflow = memory.store.listWorkflows(HARBOR).find((candidate) => candidate.id === LEADS)!;
    const stageNames = all(board, 'tbody tr').map((row) => text(row.querySelectorAll('td')[2]!));
    const order = stageNames.map((name) => workflow.stages.findIndex((stage) => stage.name === name));
    expect(order).to.deep.equal([...order].sort((a, b) => a - b));
    await expectAccessibleInBothThemes(board);
  });

  it('the closed-deals toggle loads and shows closed stages and deals (includeClosed)', async () => {
    const { board, memory } = await mount(kind);
    const open = storeDeals(memory);
    const withClosed = storeDeals(memory, LEADS, true);
    expect(withClosed.length, 'the seed has closed deals').to.be.greaterThan(open.length);
    expect(all(board, '.column').length).to.equal(4);
    const toggle = one<HTMLInputElement>(board, '[part="closed-toggle"]')!;
    toggle.click();
    await waitUntil(() => all(board, '.tile').length === withClosed.length, 'the closed deals show');
    expect(board.includeClosed).to.equal(true);
    expect(columnSummary(board).map((column) => column.name)).to.deep.equal([
      'New lead', 'Contacted', 'Application', 'Approved', 'Settled', 'Lost',
    ]);
    toggle.click();
    await waitUntil(() => all(board, '.tile').length === open.length, 'the closed deals hide again');
  });

  it('the workflow picker reloads the board with the chosen workflow', async () => {
    const { board, memory } = await mount(kind);
    const select = one<HTMLSelectElement>(board, '[part="workflow-select"]')!;
    expect([...select.options].map((option) => option.textContent!.trim())).to.deep.equal(['Leads', 'Home loans']);
    const changed = oneEvent(board, 'pk-deal-board-change');
    select.value = LOANS;
    select.dispatchEvent(new Event('change'));
    expect((await changed).detail.workflowId).to.equal(LOANS);
    await waitUntil(() => text(one(board, '[part="title"]')) === 'Home loans' && isLoaded(board), 'the loans workflow shows');
    expect(all(board, '.tile').length).to.equal(storeDeals(memory, LOANS).length);
    expect(columnSummary(board)[0]!.name).to.equal('Discovery');
  });

  it('the organisation switcher reloads the board for the chosen organisation (its own workflows)', async () => {
    const { board, memory } = await mount(kind);
    const select = one<HTMLSelectElement>(board, '[part="organisation-select"]')!;
    expect([...select.options].map((option) => option.textContent!.trim())).to.deep.equal(['Harbor Lending Group', 'Summit Home Loans']);
    select.value = 'org-summit';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => text(one(board, '[part="title"]')) === 'Referrals' && isLoaded(board), 'the Summit board shows');
    const summit = memory.store.listDeals({ organisationId: 'org-summit', workflowId: 'wf-summit-referrals', limit: 500 }).items;
    expect(all(board, '.tile').length).to.equal(summit.length);
    // Summit has one workflow: no picker. It does not let partners add deals: no button.
    expect(one(board, '[part="workflow-select"]')).to.equal(null);
    expect(one(board, '[part="add-deal-button"]')).to.equal(null);
  });

  it('role gating: a partner may add (org switch on) but not move; a broker may do both', async () => {
    const partner = await mount(kind, { role: 'partner' });
    expect(one(partner.board, '[part="add-deal-button"]')).not.to.equal(null);
    expect(one(partner.board, '[data-action="move"]')).to.equal(null);
    expect(one(partner.board, '.tile[tabindex]')).to.equal(null);
    expect(one(partner.board, '[data-action="open"]')).not.to.equal(null);

    const broker = await mount(kind, { role: 'broker' });
    expect(one(broker.board, '[part="add-deal-button"]')).not.to.equal(null);
    expect(all(broker.board, '[data-action="move"]').length).to.equal(all(broker.board, '.tile').length);
    expect(all(broker.board, '.tile[tabindex="0"]').length).to.equal(all(broker.board, '.tile').length);
  });

  it('role gating: with the organisation switch off, a partner gets no "Add new deal"', async () => {
    const { board } = await mount(kind, { role: 'partner', switches: { partnersAddDeals: false } });
    expect(one(board, '[part="add-deal-button"]')).to.equal(null);
    expect(one(board, '.tile')).not.to.equal(null);
  });

  it('hides what the adapter cannot do: no moving without moveDeal, no adding without createDeal', async () => {
    const { board } = await mount(kind, {
      role: 'broker',
      wrap: (adapter) => ({ ...adapter, capabilities: { moveDeal: false, createDeal: false } }),
    });
    expect(one(board, '[data-action="move"]')).to.equal(null);
    expect(one(board, '.tile[tabindex]')).to.equal(null);
    expect(one(board, '[part="add-deal-button"]')).to.equal(null);
  });

  it('is accessible loaded, in light and dark', async () => {
    const { board } = await mount(kind, { role: 'broker' });
    await expectAccessibleInBothThemes(board);
  });

  it('shows an error with a retry when loading fails, and loads on retry', async () => {
    const backend = await createBackend(kind);
    backend.memory.store.setSession({ role: 'partner' });
    backend.memory.setFailureRate(1);
    const board = await fixture<PartnerDealBoard>(html`<partner-deal-board .adapter=${backend.adapter}></partner-deal-board>`);
    await waitUntil(() => one(board, '[part="error"]'), 'the error shows', { timeout: 5000 });
    const error = one(board, '[part="error"]')!;
    expect(error.getAttribute('role')).to.equal('alert');
    expect(text(error)).to.contain('The deals could not be loaded.');
    await expectAccessibleInBothThemes(board);
    backend.memory.setFailureRate(0);
    error.querySelector('button')!.click();
    await waitUntil(() => one(board, '.column'), 'the board loads on retry', { timeout: 5000 });
  });

  it('shows an empty stage as such, and an empty board with the add-deal call to action', async () => {
    const { board } = await mount(kind, {
      role: 'broker',
      wrap: (adapter) => ({
        ...adapter,
        listDeals: async (query, options) => {
          const page = await adapter.listDeals!(query, options);
          return { ...page, items: page.items.filter((deal) => deal.stageId !== 'stg-leads-3') };
        },
      }),
    });
    const application = all(board, '.column').find((column) => text(column.querySelector('.column-name')) === 'Application')!;
    expect(application.querySelector('.tile')).to.equal(null);
    expect(text(application.querySelector('[part="column-empty"]'))).to.equal('No deals in this stage');
    expect(text(application.querySelector('.column-count'))).to.equal('0');
    await expectAccessibleInBothThemes(board);

    const empty = createMemoryAdapter({ seed: 3 });
    empty.store.setSession({ role: 'partner' });
    const emptyBoard = await fixture<PartnerDealBoard>(html`<partner-deal-board .adapter=${{ ...empty, listDeals: async () => ({ items: [], nextCursor: null }) }}></partner-deal-board>`);
    await waitUntil(() => one(emptyBoard, '[part="empty"]'), 'the empty board shows', { timeout: 5000 });
    const panel = one(emptyBoard, '[part="empty"]')!;
    expect(text(panel)).to.contain('No deals yet');
    const cta = panel.querySelector<HTMLButtonElement>('button')!;
    expect(text(cta)).to.equal('Add new deal');
    await expectAccessibleInBothThemes(emptyBoard);
    cta.click();
    await waitUntil(() => one<HTMLDialogElement>(emptyBoard, 'dialog.deal-form-dialog')?.open, 'the form opens');
  });

  it('says so when the adapter cannot list workflows and deals (no retry that cannot help)', async () => {
    const backend = await createBackend(kind);
    const sessionOnly: PartnerKitAdapter = { getSession: (options) => backend.adapter.getSession(options) };
    const board = await fixture<PartnerDealBoard>(html`<partner-deal-board .adapter=${sessionOnly}></partner-deal-board>`);
    await waitUntil(() => one(board, '[part="error"]'), 'the message shows');
    expect(text(one(board, '[part="error"]'))).to.equal('This connection cannot list workflows and deals.');
    expect(one(board, '[part="error"] button')).to.equal(null);
  });

  it('shows the loading state while the adapter answers, and it is accessible', async () => {
    const backend = await createBackend(kind, { latency: 400 });
    backend.memory.store.setSession({ role: 'partner' });
    const board = await fixture<PartnerDealBoard>(html`<partner-deal-board .adapter=${backend.adapter}></partner-deal-board>`);
    const loading = one(board, '[part="loading"]');
    expect(text(loading)).to.contain('Loading deals…');
    await expectAccessibleInBothThemes(board);
    await waitUntil(() => one(board, '.column'), 'loaded', { timeout: 5000 });
  });

  it('renders hostile names as text, and deals in an unknown stage in an "Unassigned" column', async () => {
    const hostile = '<img src=x onerror="window.__pwned = true">';
    const { board } = await mount(kind, {
      role: 'broker',
      wrap: (adapter) => ({
        ...adapter,
        listDeals: async (query, options) => {
          const page = await adapter.listDeals!(query, options);
          const [first, second, ...rest] = page.items;
          return {
            ...page,
            items: [{ ...first!, name: hostile }, { ...second!, stageId: 'stage-that-was-deleted' }, ...rest],
          };
        },
      }),
    });
    expect(one(board, 'img')).to.equal(null);
    expect(all(board, '.tile-name').map(text)).to.include(hostile);
    expect((window as { __pwned?: boolean }).__pwned).to.equal(undefined);
    const unassigned = one(board, '.column.unassigned')!;
    expect(text(unassigned.querySelector('.column-name'))).to.equal('Unassigned');
    expect(unassigned.querySelectorAll('.tile').length).to.equal(1);
    expect(unassigned.hasAttribute('data-drop-target'), 'not a place to drop deals').to.equal(false);
  });

  it('speaks Spanish under <html lang="es">', async () => {
    const { board } = await mount(kind);
    document.documentElement.lang = 'es';
    await waitUntil(() => text(one(board, '[part="closed-toggle"]')!.parentElement) === 'Mostrar operaciones cerradas', 'Spanish');
    expect(text(one(board, '[part="add-deal-button"]'))).to.equal('Añadir operación');
    // Tiles are re-rendered only when something they show changes: a new language is such a change.
    const broker = all(board, '[part="tile-broker"]').map(text);
    expect(broker.every((line) => line.startsWith('Bróker: ') || line === 'Aún sin bróker'), broker.join(' | ')).to.equal(true);
    expect(text(one(board, '[data-action="open"]')!.closest('.tile')!.querySelector('time'))).to.match(/^Creada el /);
  });
});
