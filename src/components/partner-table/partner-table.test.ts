import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../../../test/support/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import { generatePartners } from '../../adapter/memory/index.js';
import type { Partner, PartnerKitAdapter } from '../../adapter/types.js';
import { currentAnnouncement } from '../../internal/live-region.js';
import { faults, routeFault } from '../../mocks/faults.js';
import { createBackend, forEachBackend, mockWorker, type Backend } from '../../../test/support/backends.js';
import './partner-table.js';
import type { PartnerTable } from './partner-table.component.js';

const root = (element: PartnerTable) => element.shadowRoot!;
const rows = (element: PartnerTable) => [...root(element).querySelectorAll<HTMLTableRowElement>('tbody tr.row')];
const rowOf = (element: PartnerTable, id: string) => root(element).querySelector<HTMLTableRowElement>(`tr[data-id="${id}"]`);
const part = (element: PartnerTable, name: string) => root(element).querySelector<HTMLElement>(`[part~="${name}"]`);
const headerCell = (element: PartnerTable, label: string) =>
  [...root(element).querySelectorAll<HTMLTableCellElement>('thead th')].find((cell) => cell.textContent?.trim().startsWith(label))!;
const rowName = (row: HTMLTableRowElement) => row.querySelector('th')!.textContent!.trim();

async function settled(element: PartnerTable): Promise<void> {
  await waitUntil(
    () => root(element).querySelector('tbody tr.row, [part~="empty"], [part~="no-results"], [part~="error"]') !== null,
    'the table finished loading',
    { timeout: 5000 },
  );
  await element.updateComplete;
}

async function renderTable(adapter: PartnerKitAdapter, options: { search?: string; pageSize?: number } = {}) {
  const element = await fixture<PartnerTable>(
    html`<partner-table .adapter=${adapter} search=${options.search ?? ''} page-size=${options.pageSize ?? 100} search-delay="150"></partner-table>`,
  );
  await settled(element);
  return element;
}

/** Counts what the backend was asked, whichever adapter talked to it. */
function spyOnListPartners(backend: Backend) {
  const store = backend.memory.store;
  const original = store.listPartners.bind(store);
  const queries: Parameters<typeof store.listPartners>[0][] = [];
  store.listPartners = (query) => {
    queries.push(query);
    return original(query);
  };
  return queries;
}

function sortedNames(backend: Backend, direction: 'asc' | 'desc'): string[] {
  return backend.memory.store
    .listPartners({ sort: { field: 'name', direction }, limit: 5 })
    .items.map((partner) => `${partner.firstName} ${partner.lastName}`.trim() || partner.email);
}

afterEach(() => {
  document.documentElement.style.colorScheme = '';
  delete document.documentElement.dataset.theme;
});

forEachBackend('<partner-table>', (kind) => {
  let backend: Backend;
  beforeEach(async () => {
    backend = await createBackend(kind);
  });
  afterEach(async () => {
    if (kind === 'rest') (await mockWorker()).resetHandlers();
  });

  describe('rendering', () => {
    it('shows every column for each partner, and tells screen readers the full size', async () => {
      const element = await renderTable(backend.adapter);
      const headers = [...root(element).querySelectorAll('thead th')].map((cell) => cell.textContent!.replace(/[▲▼⇅]/g, '').trim());
      expect(headers).to.deep.equal([
        'Name',
        'Email',
        'Status',
        'Profile completion',
        'Allows profile updates',
        'Invited',
        'Updated',
        'Reminders',
        'Actions',
      ]);
      const table = root(element).querySelector('table')!;
      expect(table.getAttribute('aria-rowcount')).to.equal(String(backend.memory.store.partnerCount + 1));

      const first = backend.memory.store.listPartners({ limit: 1 }).items[0]!;
      const row = rowOf(element, first.id)!;
      expect(row.getAttribute('aria-rowindex')).to.equal('2');
      const cells = row.querySelectorAll('td');
      expect(cells[0]!.textContent!.trim()).to.equal(first.email);
      expect(row.querySelector('status-badge')!.getAttribute('status')).to.equal(first.status);
      expect(row.querySelector('profile-progress')!.hasAttribute('compact')).to.equal(true);
      expect(cells[3]!.textContent!.trim()).to.equal(first.allowsProfileUpdates ? 'Yes' : 'No');
      const invited = row.querySelector('time')!;
      expect(invited.textContent).to.equal(new Intl.DateTimeFormat('en', { dateStyle: 'short' }).format(new Date(first.invitedAt)));
      expect(invited.title).to.equal(new Intl.DateTimeFormat('en', { dateStyle: 'long' }).format(new Date(first.invitedAt)));
      expect(invited.getAttribute('datetime')).to.equal(first.invitedAt);
      expect(part(element, 'summary')!.textContent!.trim()).to.equal(`${backend.memory.store.partnerCount} partners`);
    });

    it('shows where the reminder emails stand (3 and 7 days after the invitation)', async () => {
      const [partner] = generatePartners(1);
      const invitedAt = '2026-10-01T12:00:00.000Z';
      backend.memory.store.loadPartners([{ ...partner!, id: 'ptn-r', status: 'pending-opened', invitedAt, acceptedAt: null }]);
      const element = await fixture<PartnerTable>(
        html`<partner-table .adapter=${backend.adapter} .now=${new Date('2026-10-05T12:00:00Z')}></partner-table>`,
      );
      await settled(element);
      const cell = rowOf(element, 'ptn-r')!.querySelector('.reminder-cell')!;
      expect(cell.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Invitation: 1/2 sent Next 10/8/26');
    });

    it('renders hostile names as text and keeps long ones whole for assistive technology', async () => {
      const [base] = generatePartners(1);
      const hostile = '<img src=x onerror="window.__pkHacked = true">';
      const long = `Bartholomew-${'x'.repeat(180)}`;
      backend.memory.store.loadPartners([
        { ...base!, id: 'ptn-h', firstName: hostile, lastName: '' },
        { ...base!, id: 'ptn-l', email: 'long@example.com', firstName: long, lastName: 'Smith' },
      ]);
      const element = await renderTable(backend.adapter);
      const hostileRow = rowOf(element, 'ptn-h')!;
      expect(rowName(hostileRow)).to.equal(hostile);
      expect(hostileRow.querySelector('img')).to.equal(null);
      expect((window as unknown as { __pkHacked?: boolean }).__pkHacked).to.equal(undefined);
      const longName = rowOf(element, 'ptn-l')!.querySelector<HTMLElement>('[part~="name-button"]')!;
      expect(longName.textContent).to.equal(`${long} Smith`);
      expect(longName.title).to.equal(`${long} Smith`);
      expect(longName.scrollWidth).to.be.greaterThan(longName.clientWidth);
      expect(longName.getBoundingClientRect().height).to.be.lessThan(40);
    });

    it('a 5,000-character name from the adapter shows the contract error, naming the field', async () => {
      const [base] = generatePartners(1);
      backend.memory.store.loadPartners([{ ...base!, id: 'ptn-huge', firstName: 'A'.repeat(5000) }]);
      const element = await renderTable(backend.adapter);
      const error = part(element, 'error')!;
      expect(error.textContent).to.contain('The server sent data partner-kit cannot use.');
      expect(error.textContent).to.contain('items[0].firstName');
      expect(error.querySelector('button')!.textContent!.trim()).to.equal('Retry');
    });

    it('a partner with an empty profile and no dates beyond the invitation renders', async () => {
      const [base] = generatePartners(1);
      backend.memory.store.loadPartners([{ ...base!, id: 'ptn-bare', status: 'pending-not-delivered', profile: {}, acceptedAt: null }]);
      const element = await renderTable(backend.adapter);
      const row = rowOf(element, 'ptn-bare')!;
      expect(rowName(row)).to.equal(`${base!.firstName} ${base!.lastName}`);
      // The partner's own name and address count towards the profile: 2 of 8 fields.
      const progress = row.querySelector('profile-progress')!;
      await (progress as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      expect(progress.shadowRoot!.querySelector('[role="progressbar"]')!.getAttribute('aria-valuetext')).to.equal('2 of 8 fields');
      expect(row.querySelector('.reminder-cell')!.textContent).to.contain('Invitation:');
    });

    it('an address-only invitation shows the address as its name', async () => {
      const [base] = generatePartners(1);
      backend.memory.store.loadPartners([{ ...base!, id: 'ptn-a', firstName: '', lastName: '', email: 'only.address@example.com' }]);
      const element = await renderTable(backend.adapter);
      expect(rowOf(element, 'ptn-a')!.querySelector('[part~="name-button"]')!.textContent).to.equal('only.address@example.com');
      expect(rowOf(element, 'ptn-a')!.textContent).to.contain('Name not known yet');
    });

    it('is accessible loaded, in light and dark', async () => {
      const element = await renderTable(backend.adapter);
      await expect(element).to.be.accessible();
      document.documentElement.dataset.theme = 'dark';
      document.documentElement.style.colorScheme = 'dark';
      await expect(element).to.be.accessible();
    });
  });

  describe('finding', () => {
    it('sorts by a click on a header button: aria-sort, the new order, and an announcement', async () => {
      const element = await renderTable(backend.adapter);
      expect(headerCell(element, 'Name').getAttribute('aria-sort')).to.equal('ascending');
      expect(rowName(rows(element)[0]!)).to.equal(sortedNames(backend, 'asc')[0]);

      headerCell(element, 'Name').querySelector('button')!.click();
      await waitUntil(() => rowName(rows(element)[0]!) === sortedNames(backend, 'desc')[0], 'rows re-ordered');
      expect(headerCell(element, 'Name').getAttribute('aria-sort')).to.equal('descending');
      await waitUntil(() => currentAnnouncement() === 'Sorted by Name, descending.', 'the new order was announced');
    });

    it('sorts by keyboard; only the active column has aria-sort', async () => {
      const element = await renderTable(backend.adapter);
      headerCell(element, 'Email').querySelector('button')!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => headerCell(element, 'Email').getAttribute('aria-sort') === 'ascending');
      expect(headerCell(element, 'Name').hasAttribute('aria-sort')).to.equal(false);
      const firstEmail = backend.memory.store.listPartners({ sort: { field: 'email', direction: 'asc' }, limit: 1 }).items[0]!.email;
      await waitUntil(() => rows(element)[0]!.querySelector('td')!.textContent!.trim() === firstEmail, 'sorted by email');
      await waitUntil(() => currentAnnouncement() === 'Sorted by Email, ascending.');
      await sendKeys({ press: 'Space' });
      await waitUntil(() => headerCell(element, 'Email').getAttribute('aria-sort') === 'descending');
      expect(root(element).activeElement).to.equal(headerCell(element, 'Email').querySelector('button'));
    });

    it('searches through the adapter once typing pauses (one query for a whole word)', async () => {
      const element = await renderTable(backend.adapter);
      // Keys arrive one runner call at a time; on a loaded machine two of them can be 300 ms apart.
      element.searchDelay = 1000;
      const target = backend.memory.store.listPartners({ limit: 200 }).items.find((partner) => partner.lastName.length >= 5)!;
      const term = target.lastName.toLowerCase();
      const queries = spyOnListPartners(backend);
      part(element, 'search')!.focus();
      await sendKeys({ type: term });
      await waitUntil(() => queries.length > 0 && rows(element).every((row) => row.textContent!.toLowerCase().includes(term)), 'filtered rows', {
        timeout: 4000,
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(queries.map((query) => query?.search)).to.deep.equal([term]);
      expect(rowOf(element, target.id)).not.to.equal(null);
      const expected = backend.memory.store.listPartners({ search: term }).total!;
      await waitUntil(() => currentAnnouncement() === (expected === 1 ? '1 partner found.' : `${expected} partners found.`));
    });

    it('filters by status, with a count for each status', async () => {
      const element = await renderTable(backend.adapter);
      const select = part(element, 'status-filter') as HTMLSelectElement;
      const counts = backend.memory.store.listPartners({}).counts!;
      const option = [...select.options].find((candidate) => candidate.value === 'pending-opened')!;
      expect(option.textContent!.trim()).to.equal(`Pending - Email Opened (${counts['pending-opened']})`);
      expect(select.options[0]!.textContent!.trim()).to.equal(`All statuses (${backend.memory.store.partnerCount})`);

      select.value = 'pending-opened';
      select.dispatchEvent(new Event('change'));
      await waitUntil(() => rows(element).length === counts['pending-opened'], 'only that status is listed');
      expect(rows(element).every((row) => row.querySelector('status-badge')!.getAttribute('status') === 'pending-opened')).to.equal(true);
      await waitUntil(() => currentAnnouncement() === `${counts['pending-opened']} partners found.`);
    });

    it('says when nothing matches, and clears search and filter on request', async () => {
      const element = await renderTable(backend.adapter, { search: 'zz-no-such-partner' });
      expect(part(element, 'no-results')!.textContent).to.contain('Nothing matches “zz-no-such-partner”');
      await expect(element).to.be.accessible();
      part(element, 'no-results')!.querySelector('button')!.click();
      await waitUntil(() => rows(element).length > 0, 'every partner is back');
      expect((part(element, 'search') as HTMLInputElement).value).to.equal('');
      expect(root(element).activeElement).to.equal(part(element, 'search'));
    });
  });

  describe('states', () => {
    it('shows a loading skeleton with an accessible name while the first page loads', async () => {
      backend.memory.setLatency(2000);
      const element = await fixture<PartnerTable>(html`<partner-table .adapter=${backend.adapter}></partner-table>`);
      await waitUntil(() => part(element, 'loading') !== null);
      expect(part(element, 'loading')!.getAttribute('aria-busy')).to.equal('true');
      expect(part(element, 'loading')!.textContent).to.contain('Loading co-marketing partners…');
      await expect(element).to.be.accessible();
    });

    if (kind === 'memory') {
      it('appears whole, toolbar and rows together, when the adapter answers at once: no skeleton flashes in between', async () => {
        const element = document.createElement('partner-table');
        element.adapter = backend.adapter;
        let skeletonShown = false;
        let toolbarWithoutRows = false;
        const check = () => {
          if (part(element, 'loading') !== null) skeletonShown = true;
          if (part(element, 'toolbar') !== null && rows(element).length === 0) toolbarWithoutRows = true;
        };
        // Called after each render (and before the browser paints it).
        const observer = new MutationObserver(check);
        document.body.append(element);
        // The shadow root exists from the connection on; the first render comes in a microtask.
        observer.observe(element.shadowRoot!, { childList: true, subtree: true });
        try {
          await settled(element);
          expect(rows(element).length).to.be.greaterThan(0);
          expect(part(element, 'toolbar')).not.to.equal(null);
          expect(skeletonShown, 'the skeleton was shown').to.equal(false);
          expect(toolbarWithoutRows, 'the toolbar was shown before the rows').to.equal(false);
        } finally {
          observer.disconnect();
          element.remove();
        }
      });
    }

    it('with no partners, invites a lender to invite', async () => {
      backend.memory.store.loadPartners([]);
      const element = await renderTable(backend.adapter);
      const empty = part(element, 'empty')!;
      expect(empty.textContent).to.contain('No co-marketing partners yet');
      expect(empty.querySelector('[part~="invite-button"]')!.textContent!.trim()).to.equal('Invite New Connections');
      await expect(element).to.be.accessible();
    });

    it('with no partners, an agent gets no invite button', async () => {
      backend.memory.store.loadPartners([]);
      backend.memory.store.setSession({ role: 'agent' });
      const element = await renderTable(backend.adapter);
      expect(part(element, 'empty')!.textContent).to.contain('Your co-marketing connections will appear here.');
      expect(root(element).querySelector('[part~="invite-button"]')).to.equal(null);
    });

    it('shows an error with retry when the adapter fails, and recovers', async () => {
      backend.memory.setFailureRate(1);
      const element = await renderTable(backend.adapter);
      const error = part(element, 'error')!;
      expect(error.textContent).to.contain('The partners could not be loaded');
      await expect(element).to.be.accessible();
      backend.memory.setFailureRate(0);
      error.querySelector('button')!.click();
      await waitUntil(() => rows(element).length > 0, 'loaded after retry');
    });

    it('shows the contract message when the adapter sends a malformed page', async () => {
      let adapter = backend.adapter;
      if (kind === 'memory') {
        adapter = { ...backend.memory, listPartners: async () => ({ items: [{ id: 'x', status: 'archived' }] }) } as unknown as PartnerKitAdapter;
      } else {
        (await mockWorker()).use(
          routeFault('listPartners', faults.body(JSON.stringify({ items: [{ id: 'x', status: 'archived' }] }), { contentType: 'application/json' }), {
            baseUrl: '/test-api',
          }),
        );
      }
      const element = await renderTable(adapter);
      const error = part(element, 'error')!;
      expect(error.textContent).to.contain('The server sent data partner-kit cannot use.');
      expect(error.textContent).to.match(/listPartners returned an invalid response: items\[0\]\.\w+/);
    });

    it('without an adapter, says so instead of throwing', async () => {
      const element = await fixture<PartnerTable>(html`<partner-table></partner-table>`);
      await settled(element);
      expect(part(element, 'error')!.textContent).to.contain('has no adapter');
    });
  });

  describe('live updates', () => {
    async function pendingRow() {
      const partner = backend.memory.store.listPartners({ statuses: ['pending-delivered'], limit: 1 }).items[0]!;
      const element = await renderTable(backend.adapter, { search: partner.email });
      return { element, partner };
    }

    it('a change pushed by the adapter updates the row in place, keeping focus and scroll', async () => {
      const { element, partner } = await pendingRow();
      const button = rowOf(element, partner.id)!.querySelector<HTMLElement>('[part~="actions-button"]')!;
      button.focus();
      backend.memory.simulateInvitationProgress(partner.id);
      await waitUntil(() => rowOf(element, partner.id)!.querySelector('status-badge')!.getAttribute('status') === 'pending-opened', 'row updated', {
        timeout: 4000,
      });
      expect(root(element).activeElement).to.equal(button);
      expect(rowOf(element, partner.id)!.querySelector('[part~="actions-button"]')).to.equal(button);
    });

    it('keeps an open menu open, with focus in it, through a live change', async () => {
      const { element, partner } = await pendingRow();
      const button = rowOf(element, partner.id)!.querySelector<HTMLElement>('[part~="actions-button"]')!;
      button.focus();
      await sendKeys({ press: 'Enter' });
      const menu = part(element, 'menu')!;
      await waitUntil(() => !menu.hidden && root(element).activeElement?.getAttribute('role') === 'menuitem', 'menu open');
      const focused = root(element).activeElement;
      backend.memory.simulateInvitationProgress(partner.id);
      await waitUntil(() => rowOf(element, partner.id)!.querySelector('status-badge')!.getAttribute('status') === 'pending-opened', 'row updated', {
        timeout: 4000,
      });
      expect(menu.hidden).to.equal(false);
      expect(root(element).activeElement).to.equal(focused);
      expect(button.getAttribute('aria-expanded')).to.equal('true');
    });

    it('a partner removed elsewhere disappears', async () => {
      const element = await renderTable(backend.adapter);
      const victim = rows(element)[2]!.dataset.id!;
      backend.memory.store.deletePartner(victim);
      await waitUntil(() => rowOf(element, victim) === null, 'row removed', { timeout: 4000 });
      expect(part(element, 'summary')!.textContent!.trim()).to.equal(`${backend.memory.store.partnerCount} partners`);
    });
  });

  describe('thousands of rows', () => {
    it('renders only a window of 10,000 rows, keeps aria-rowcount, and loads more pages near the end', async () => {
      backend.memory.store.loadPartners(generatePartners(10_000));
      const element = await renderTable(backend.adapter, { pageSize: 1000 });
      const table = root(element).querySelector('table')!;
      expect(table.getAttribute('aria-rowcount')).to.equal('10001');
      expect(rows(element).length).to.be.within(10, 60);
      expect(part(element, 'summary')!.textContent!.trim()).to.equal('1,000 of 10,000 partners loaded');

      const scroller = part(element, 'scroller')!;
      scroller.scrollTop = scroller.scrollHeight;
      await waitUntil(() => part(element, 'summary')!.textContent!.trim() === '2,000 of 10,000 partners loaded', 'the next page loaded', {
        timeout: 5000,
      });
      await waitUntil(() => rows(element).some((row) => Number(row.getAttribute('aria-rowindex')) > 900), 'rows near the end are rendered');
      expect(rows(element).length).to.be.within(10, 60);
      const indexes = rows(element).map((row) => Number(row.getAttribute('aria-rowindex')));
      expect(indexes).to.deep.equal(indexes.map((_, offset) => indexes[0]! + offset));
    });

    it('asks by default for a first page about the size of the window, and the next one only on scrolling', async () => {
      backend.memory.store.loadPartners(generatePartners(1000));
      const queries = spyOnListPartners(backend);
      const element = await fixture<PartnerTable>(html`<partner-table .adapter=${backend.adapter}></partner-table>`);
      await settled(element);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(queries.map((query) => query?.limit)).to.deep.equal([50]);
      expect(part(element, 'summary')!.textContent!.trim()).to.equal('50 of 1,000 partners loaded');
      const scroller = part(element, 'scroller')!;
      scroller.scrollTop = scroller.scrollHeight;
      await waitUntil(() => part(element, 'summary')!.textContent!.trim() === '100 of 1,000 partners loaded', 'the next page loaded', { timeout: 5000 });
    });

    it('measures rows whose height is not the default, and sizes the scroll height by it', async () => {
      backend.memory.store.loadPartners(generatePartners(1000));
      const element = await fixture<PartnerTable>(
        html`<partner-table style="--pk-partner-table-row-height: 5rem" .adapter=${backend.adapter} page-size="1000"></partner-table>`,
      );
      await settled(element);
      const height = rows(element)[0]!.getBoundingClientRect().height;
      expect(height).to.be.closeTo(80, 1);
      const scroller = part(element, 'scroller')!;
      await waitUntil(() => scroller.scrollHeight >= 1000 * height && scroller.scrollHeight <= 1000 * height + 200, 'spacers sized by the measured row height', {
        timeout: 2000,
      });
      scroller.scrollTop = 500 * height;
      // The window follows the scroll on the next animation frame; a page running beside another may get few frames.
      await waitUntil(() => rows(element).some((row) => row.getAttribute('aria-rowindex') === '502'), 'the row scrolled to is rendered', {
        timeout: 5000,
      });
    });

    it('keeps the height of rows fixed, so the scroll height follows the loaded rows', async () => {
      backend.memory.store.loadPartners(generatePartners(1000));
      const element = await renderTable(backend.adapter, { pageSize: 1000 });
      const heights = new Set(rows(element).map((row) => Math.round(row.getBoundingClientRect().height)));
      expect(heights.size).to.equal(1);
      const [height] = [...heights];
      const scroller = part(element, 'scroller')!;
      expect(scroller.scrollHeight).to.be.within(1000 * height!, 1000 * height! + 200);
    });
  });
});

describe('<partner-table> sample data', () => {
  it('every partner of the seed renders without error', async () => {
    const backend = await createBackend('memory');
    const element = await renderTable(backend.adapter, { pageSize: 1000 });
    const all: Partner[] = backend.memory.store.listPartners({ limit: 1000 }).items;
    expect(Number(root(element).querySelector('table')!.getAttribute('aria-rowcount'))).to.equal(all.length + 1);
  });
});
