import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../../test/support/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import { createBackend, forEachBackend, mockWorker, type BackendKind } from '../../../test/support/backends.js';
import { PartnerKitError } from '../../adapter/errors.js';
import { generateSeedData, MemoryStore, type SeedData } from '../../adapter/memory/index.js';
import type { CoSharedClient, PartnerKitAdapter } from '../../adapter/types.js';
import { findCoSharedClients } from '../../domain/co-shared.js';
import type { Role } from '../../domain/permissions.js';
import { currentAnnouncement } from '../../internal/live-region.js';
import { sharedClientsEs as es } from '../../locales/shared-clients.es.js';
import { loadLocale } from '../../locales/index.js';
import { faults, routeFault } from '../../mocks/faults.js';
import './shared-clients.js';
import type { SharedClients } from './shared-clients.component.js';

const REST_BASE_URL = '/test-api';
const EN_DATE = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

// ---------------------------------------------------------------------------
// Reading the element

const root = (element: SharedClients) => element.shadowRoot!;
const part = (element: SharedClients, name: string) => root(element).querySelector<HTMLElement>(`[part="${name}"]`);
const partsOf = (element: Element | ShadowRoot, name: string) => [...element.querySelectorAll<HTMLElement>(`[part="${name}"]`)];
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const texts = (element: Element | ShadowRoot, name: string) => partsOf(element, name).map(text);

const busy = (element: SharedClients) => root(element).querySelector('[part="loading"], [part="updating"]') !== null;

/** Waits until nothing is loading and `selector` is in the shadow root. */
async function settledOn(element: SharedClients, selector: string): Promise<void> {
  await waitUntil(() => !busy(element) && root(element).querySelector(selector) !== null, `settled on ${selector}`, {
    timeout: 5000,
  });
}

const clientItems = (element: SharedClients) => partsOf(root(element), 'client');
const clientNames = (element: SharedClients) => clientItems(element).map((item) => text(item.querySelector('[part="client-name"]')));

/** The value shown in a client's details for a label. */
function detail(item: HTMLElement, label: string): string {
  const row = [...item.querySelectorAll('.detail')].find((candidate) => text(candidate.querySelector('dt')) === label);
  return text(row?.querySelector('dd'));
}

function selectRealtor(element: SharedClients, realtorId: string): void {
  const select = part(element, 'filter-select') as HTMLSelectElement;
  select.value = realtorId;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

async function expectAccessibleInBothThemes(element: Element): Promise<void> {
  await expect(element).to.be.accessible();
  document.documentElement.dataset.theme = 'dark';
  document.documentElement.style.colorScheme = 'dark';
  try {
    await expect(element).to.be.accessible();
  } finally {
    delete document.documentElement.dataset.theme;
    document.documentElement.style.colorScheme = '';
  }
}

function captureWarnings() {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  return { warnings, restore: () => (console.warn = original) };
}

// ---------------------------------------------------------------------------
// Adapters around the backend's

type SharedMethods = Pick<Required<PartnerKitAdapter>, 'getSession' | 'listRealtorClientCounts' | 'listCoSharedClients'>;

/** The backend's adapter, reduced to the three methods the element uses, with some replaced. */
function around(adapter: PartnerKitAdapter, overrides: Partial<SharedMethods> = {}): PartnerKitAdapter {
  const base: SharedMethods = {
    getSession: (options) => adapter.getSession(options),
    listRealtorClientCounts: (options) => adapter.listRealtorClientCounts!(options),
    listCoSharedClients: (realtorId, options) => adapter.listCoSharedClients!(realtorId, options),
  };
  return { ...base, ...overrides };
}

/** Records which of the element's adapter methods were called, with what. */
function recording(adapter: PartnerKitAdapter) {
  const calls: string[] = [];
  const recorded = around(adapter, {
    getSession: (options) => (calls.push('getSession'), adapter.getSession(options)),
    listRealtorClientCounts: (options) => (calls.push('listRealtorClientCounts'), adapter.listRealtorClientCounts!(options)),
    listCoSharedClients: (realtorId, options) => (
      calls.push(`listCoSharedClients(${String(realtorId)})`), adapter.listCoSharedClients!(realtorId, options)
    ),
  });
  return { adapter: recorded, calls };
}

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

// ---------------------------------------------------------------------------
// Store data

/** The co-shared pairs of the store by the domain rule, realtor by realtor (the adapter's order). */
function expectedCoShared(data: SeedData, realtorId: string | null = null) {
  const { agentClients, realtors } = data.sharedClients;
  return realtors
    .filter(({ realtor }) => realtorId === null || realtor.id === realtorId)
    .flatMap(({ realtor, clients }) =>
      findCoSharedClients(agentClients, clients).map(({ mine, theirs }) => ({ mine, theirs, realtor })),
    );
}

function seed(change: (data: SeedData) => void): MemoryStore {
  const data = generateSeedData({ seed: 1 });
  change(data);
  return new MemoryStore({ data });
}

/** Every realtor keeps its own clients but none is co-shared any more. */
const withoutCoShared = (data: SeedData) => {
  const coShared = new Set(data.sharedClients.coSharedPairs.map(([, realtorClientId]) => realtorClientId));
  for (const realtor of data.sharedClients.realtors) realtor.clients = realtor.clients.filter(({ id }) => !coShared.has(id));
};

/** Items the adapter must never send: none of them is co-shared, each for another reason. */
function leakedItems(realtor: { id: string; name: string }, mortgageAgent: { id: string; name: string }): CoSharedClient[] {
  const item = (agentRecord: CoSharedClient['agentRecord'], realtorRecord: CoSharedClient['realtorRecord']): CoSharedClient => ({
    agentRecord,
    realtorRecord,
    realtor,
    mortgageAgent,
    activity: [{ at: '2026-10-01T10:00:00Z', kind: 'pre-approval', description: 'Leakwood private activity note' }],
    subscription: { sentFrom: 'realtor', mortgageAgentPaused: true },
  });
  return [
    // Same email, another home.
    item(
      { id: 'leak-1', name: 'Zebulon Leakwood', email: 'zebulon.leakwood@private.example', address: { street: '77 Hidden Hollow Rd', city: 'Nowhere', state: 'KS', zip: '66002' } },
      { id: 'leak-1r', name: 'Zebulon Leakwood', email: 'zebulon.leakwood@private.example', address: { street: '12 Quietmoor Lane', city: 'Elsewhere', state: 'KS', zip: '66003' } },
    ),
    // Same home, another email.
    item(
      { id: 'leak-2', name: 'Quintessa Secretcombe', email: 'quintessa.secretcombe@hidden.example', address: { street: '5 Confidential Ct', city: 'Topeka', state: 'KS', zip: '66603' } },
      { id: 'leak-2r', name: 'Quintessa Secretcombe', email: 'q.secretcombe@elsewhere.example', address: { street: '5 Confidential Ct', city: 'Topeka', state: 'KS', zip: '66603' } },
    ),
    // No home address at all: nothing to match.
    item(
      { id: 'leak-3', name: 'Ignatius Nohomestead', email: 'ignatius.nohomestead@hidden.example', address: {} },
      { id: 'leak-3r', name: 'Ignatius Nohomestead', email: 'ignatius.nohomestead@hidden.example', address: {} },
    ),
  ];
}

const LEAKED_TEXT = [
  'Zebulon', 'Leakwood', 'zebulon.leakwood@private.example', 'Hidden Hollow', 'Quietmoor',
  'Quintessa', 'Secretcombe', 'Confidential Ct', 'Ignatius', 'Nohomestead', 'private activity',
  'leak-1', 'leak-2', 'leak-3',
];

afterEach(() => {
  document.documentElement.lang = 'en';
  delete document.documentElement.dataset.theme;
  document.documentElement.style.colorScheme = '';
});

forEachBackend('<shared-clients>', (kind: BackendKind) => {
  const mount = (adapter: PartnerKitAdapter, attributes: { realtorId?: string } = {}) =>
    fixture<SharedClients>(
      html`<shared-clients .adapter=${adapter} .realtorId=${attributes.realtorId ?? null}></shared-clients>`,
    );

  describe('mortgage agent (lender)', () => {
    it('shows each partnered realtor with only the number of their clients (Intl), and a total', async () => {
      const { adapter, memory } = await createBackend(kind);
      const element = await mount(adapter);
      await settledOn(element, '[part="summary"]');

      const { realtors } = memory.store.seedData.sharedClients;
      expect(texts(root(element), 'realtor-name')).to.deep.equal(realtors.map(({ realtor }) => realtor.name));
      expect(texts(root(element), 'client-count')).to.deep.equal(realtors.map(({ clients }) => String(clients.length)));
      const total = realtors.reduce((sum, { clients }) => sum + clients.length, 0);
      expect(text(part(element, 'total-row'))).to.equal(`Total ${new Intl.NumberFormat('en').format(total)}`);
      expect(part(element, 'realtor-table')!.tagName).to.equal('TABLE');
      expect(partsOf(root(element), 'realtor-name').every((cell) => cell.getAttribute('scope') === 'row')).to.equal(true);

      // Nothing of a realtor's own clients (the ones not co-shared) reaches the page, not even in attributes.
      const coShared = new Set(memory.store.seedData.sharedClients.coSharedPairs.map(([, realtorClientId]) => realtorClientId));
      const markup = root(element).innerHTML.toLowerCase();
      const privateClients = realtors.flatMap(({ clients }) => clients.filter(({ id }) => !coShared.has(id)));
      expect(privateClients.length).to.be.greaterThan(30);
      for (const client of privateClients) {
        expect(markup, client.name).not.to.include(client.name.toLowerCase());
        expect(markup, client.email).not.to.include(client.email.toLowerCase());
        expect(markup, client.id).not.to.include(client.id.toLowerCase());
      }
    });

    it('lists exactly the co-shared clients of the domain rule, with the mortgage agent\u2019s own records', async () => {
      const { adapter, memory } = await createBackend(kind);
      const element = await mount(adapter);
      await settledOn(element, '[part="summary"]');

      const expected = expectedCoShared(memory.store.seedData);
      expect(expected.length, 'the seed has co-shared clients').to.equal(memory.store.seedData.sharedClients.coSharedPairs.length);
      expect(clientNames(element)).to.deep.equal(expected.map(({ mine }) => mine.name));
      const items = clientItems(element);
      expected.forEach(({ mine, realtor }, index) => {
        const item = items[index]!;
        expect(detail(item, 'Email')).to.equal(mine.email);
        expect(detail(item, 'Realtor')).to.equal(realtor.name);
        expect(detail(item, 'Home address')).to.include(mine.address.street!.replace(/\s+/g, ' ').trim());
      });
      expect(text(part(element, 'summary'))).to.equal(`${expected.length} co-shared clients`);
      expect(part(element, 'withheld-notice')).to.equal(null);
    });

    it('shows each subscription as sent from the realtor and paused from the mortgage agent, in words', async () => {
      const { adapter, memory } = await createBackend(kind);
      const element = await mount(adapter);
      await settledOn(element, '[part="summary"]');

      const agent = memory.store.seedData.sharedClients.mortgageAgent.name;
      const expected = expectedCoShared(memory.store.seedData);
      clientItems(element).forEach((item, index) => {
        expect(text(item.querySelector('[part="subscription-sent"]'))).to.equal(
          `Sent from the realtor, ${expected[index]!.realtor.name}`,
        );
        expect(text(item.querySelector('[part="subscription-paused"]'))).to.equal(`Paused from the mortgage agent, ${agent}`);
        expect(item.querySelector('[part="subscription-not-paused"]')).to.equal(null);
      });
    });

    it('says so, as a warning in words, when the adapter reports the mortgage agent\u2019s subscription not paused', async () => {
      const { adapter } = await createBackend(kind);
      const notPaused = around(adapter, {
        listCoSharedClients: async (realtorId, options) =>
          (await adapter.listCoSharedClients!(realtorId, options)).map((client) => ({
            ...client,
            subscription: { sentFrom: 'realtor' as const, mortgageAgentPaused: false },
          })),
      });
      const element = await mount(notPaused);
      await settledOn(element, '[part="summary"]');
      const line = clientItems(element)[0]!.querySelector('[part="subscription-not-paused"]');
      expect(text(line)).to.match(/^Not paused from the mortgage agent, .+: the client may receive two subscriptions$/);
      expect(clientItems(element)[0]!.querySelector('[part="subscription-paused"]')).to.equal(null);
    });

    it('filters by realtor: asks the adapter for that realtor only, tells the host, announces the result', async () => {
      const { adapter, memory } = await createBackend(kind);
      const { adapter: recorded, calls } = recording(adapter);
      const element = await mount(recorded);
      await settledOn(element, '[part="summary"]');
      const data = memory.store.seedData;
      const realtor = data.sharedClients.realtors[1]!.realtor;

      const changed = oneEvent(element, 'pk-realtor-filter-change');
      selectRealtor(element, realtor.id);
      expect((await changed).detail).to.deep.equal({ realtorId: realtor.id });
      const expected = expectedCoShared(data, realtor.id);
      expect(expected.length).to.be.greaterThan(0);
      const summary = `${expected.length} co-shared client${expected.length === 1 ? '' : 's'} with ${realtor.name}`;
      await waitUntil(() => !busy(element) && text(part(element, 'summary')) === summary, 'filtered summary');
      expect(clientNames(element)).to.deep.equal(expected.map(({ mine }) => mine.name));
      expect(calls).to.include(`listCoSharedClients(${realtor.id})`);
      expect(element.realtorId).to.equal(realtor.id);
      await waitUntil(() => currentAnnouncement() === summary, 'the filtered count is announced');

      selectRealtor(element, '');
      await waitUntil(() => !busy(element) && clientNames(element).length === expectedCoShared(data).length, 'all again');
      expect(calls.filter((call) => call === 'listCoSharedClients(null)')).to.have.length(2);
      expect(calls.filter((call) => call === 'listRealtorClientCounts'), 'the counts are not reloaded').to.have.length(1);
    });

    it('keeps the previous list, marked busy, while a realtor\u2019s clients load', async () => {
      const { adapter, memory } = await createBackend(kind);
      const slow = gate();
      const element = await mount(
        around(adapter, {
          listCoSharedClients: async (realtorId, options) => {
            if (realtorId !== null) await slow.opened;
            return adapter.listCoSharedClients!(realtorId, options);
          },
        }),
      );
      await settledOn(element, '[part="summary"]');
      selectRealtor(element, memory.store.seedData.sharedClients.realtors[0]!.realtor.id);
      await waitUntil(() => part(element, 'updating') !== null, 'updating');
      expect(part(element, 'clients')!.getAttribute('aria-busy')).to.equal('true');
      expect(clientItems(element).length).to.equal(expectedCoShared(memory.store.seedData).length);
      await expectAccessibleInBothThemes(element);
      slow.open();
      await waitUntil(() => !busy(element), 'updated');
      expect(part(element, 'clients')!.getAttribute('aria-busy')).to.equal('false');
    });

    it('starts filtered when the host sets realtor-id, and ignores (with a warning) a realtor it does not know', async () => {
      const { adapter, memory } = await createBackend(kind);
      const data = memory.store.seedData;
      const realtor = data.sharedClients.realtors[2]!.realtor;
      const element = await mount(adapter, { realtorId: realtor.id });
      await settledOn(element, '[part="summary"]');
      expect(clientNames(element)).to.deep.equal(expectedCoShared(data, realtor.id).map(({ mine }) => mine.name));
      expect((part(element, 'filter-select') as HTMLSelectElement).value).to.equal(realtor.id);

      const capture = captureWarnings();
      try {
        const unknown = await mount(adapter, { realtorId: `rlt-unknown-${kind}` });
        await settledOn(unknown, '[part="summary"]');
        expect(clientNames(unknown)).to.have.length(expectedCoShared(data).length);
        expect((part(unknown, 'filter-select') as HTMLSelectElement).value).to.equal('');
        expect(capture.warnings.some((warning) => warning.includes(`rlt-unknown-${kind}`))).to.equal(true);
      } finally {
        capture.restore();
      }
    });

    it('explains an empty result for one realtor, with the matching rule', async () => {
      const { adapter, memory } = await createBackend(kind);
      const data = memory.store.seedData;
      const lonely = data.sharedClients.realtors.find(({ realtor }) => expectedCoShared(data, realtor.id).length === 0)!;
      const element = await mount(adapter);
      await settledOn(element, '[part="summary"]');
      selectRealtor(element, lonely.realtor.id);
      await settledOn(element, '[part="clients"] [part="empty"]');
      expect(text(part(element, 'empty'))).to.equal(
        `No co-shared clients with ${lonely.realtor.name} yet. ` +
          'A client is co-shared when the email address AND the home address are the same in both accounts.',
      );
      await expectAccessibleInBothThemes(element);
    });
  });

  describe('activity', () => {
    it('opens and closes a client\u2019s activity by keyboard, with dates formatted by Intl', async () => {
      const { adapter, memory } = await createBackend(kind);
      const element = await mount(adapter);
      await settledOn(element, '[part="summary"]');
      const data = memory.store.seedData.sharedClients;
      const expected = expectedCoShared(memory.store.seedData).map(({ mine, theirs }) =>
        [...(data.activity[mine.id] ?? []), ...(data.activity[theirs.id] ?? [])].sort((a, b) => b.at.localeCompare(a.at)),
      );
      const index = expected.findIndex((entries) => entries.length > 0);
      expect(index, 'a co-shared client with activity').to.be.at.least(0);
      const activity = expected[index]!;
      const item = clientItems(element)[index]!;
      const toggle = item.querySelector<HTMLButtonElement>('[part="activity-toggle"]')!;
      const region = item.querySelector<HTMLElement>('[part="activity"]')!;
      expect(text(toggle)).to.equal(`Activity (${activity.length})`);
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      expect(toggle.getAttribute('aria-controls')).to.equal(region.id);
      expect(region.hidden).to.equal(true);

      // The first toggle is the next tab stop after the filter.
      (part(element, 'filter-select') as HTMLSelectElement).focus();
      await sendKeys({ press: 'Tab' });
      expect(root(element).activeElement).to.equal(clientItems(element)[0]!.querySelector('[part="activity-toggle"]'));

      toggle.focus();
      await sendKeys({ press: 'Enter' });
      await element.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      expect(region.hidden).to.equal(false);
      const entries = partsOf(region, 'activity-item');
      expect(entries).to.have.length(activity.length);
      entries.forEach((entry, position) => {
        const { at, description } = activity[position]!;
        const time = entry.querySelector('time')!;
        expect(time.getAttribute('datetime')).to.equal(at);
        expect(text(time)).to.equal(EN_DATE.format(new Date(at)));
        expect(text(entry.querySelector('[part="activity-description"]'))).to.equal(description);
        expect(text(entry.querySelector('[part="activity-kind"]'))).not.to.equal('');
      });
      expect(root(element).activeElement).to.equal(toggle);
      await expectAccessibleInBothThemes(element);

      await sendKeys({ press: 'Space' });
      await element.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      expect(region.hidden).to.equal(true);
    });

    it('names the kind of each activity', async () => {
      const { adapter, memory } = await createBackend(kind);
      const client = (await memory.listCoSharedClients(null))[0]!;
      const kinds = ['mortgage-question', 'pre-approval', 'home-value', 'property-search', 'report-opened', 'other'] as const;
      const element = await mount(
        around(adapter, {
          listCoSharedClients: async () => [
            { ...client, activity: kinds.map((kindOf, n) => ({ at: `2026-10-0${n + 1}T10:00:00Z`, kind: kindOf, description: kindOf })) },
          ],
        }),
      );
      await settledOn(element, '[part="summary"]');
      part(element, 'activity-toggle')!.click();
      await element.updateComplete;
      expect(texts(root(element), 'activity-kind')).to.deep.equal([
        'Mortgage question', 'Pre-approval', 'Home value', 'Property search', 'Report opened', 'Other',
      ]);
    });
  });

  describe('privacy', () => {
    it('never renders a client the adapter wrongly sends that is not co-shared, and says how many were withheld', async () => {
      const { adapter, memory } = await createBackend(kind);
      const { mortgageAgent, realtors } = memory.store.seedData.sharedClients;
      const leaking = around(adapter, {
        listCoSharedClients: async (realtorId, options) => {
          const real = await adapter.listCoSharedClients!(realtorId, options);
          // Leaks first, in the middle and last: the position must not matter.
          const [a, b, c] = leakedItems(realtors[0]!.realtor, mortgageAgent);
          return [a!, ...real.slice(0, 3), b!, ...real.slice(3), c!];
        },
      });
      const capture = captureWarnings();
      let withheldEvent: CustomEvent<{ withheld: number }> | undefined;
      const listener = (event: Event) => (withheldEvent = event as CustomEvent<{ withheld: number }>);
      document.addEventListener('pk-records-withheld', listener);
      try {
        const element = await mount(leaking);
        await settledOn(element, '[part="withheld-notice"]');
        await settledOn(element, '[part="summary"]');

        expect(text(part(element, 'withheld-notice'))).to.equal('3 records withheld: they are not co-shared.');
        expect(clientNames(element)).to.deep.equal(expectedCoShared(memory.store.seedData).map(({ mine }) => mine.name));
        expect(withheldEvent?.detail).to.deep.equal({ withheld: 3 });

        // Open every disclosure: the leaked details must not be anywhere, in text or attributes.
        for (const toggle of partsOf(root(element), 'activity-toggle')) toggle.click();
        await element.updateComplete;
        const everywhere = [
          root(element).innerHTML,
          element.outerHTML,
          currentAnnouncement('polite'),
          currentAnnouncement('assertive'),
          capture.warnings.join('\n'),
          JSON.stringify(withheldEvent?.detail),
        ]
          .join('\n')
          .toLowerCase();
        for (const leaked of LEAKED_TEXT) expect(everywhere, leaked).not.to.include(leaked.toLowerCase());

        expect(capture.warnings.filter((warning) => warning.includes('not co-shared'))).to.have.length(1);
        // Once per element: loading again does not warn again.
        selectRealtor(element, realtors[0]!.realtor.id);
        await waitUntil(() => !busy(element) && text(part(element, 'summary')).includes(realtors[0]!.realtor.name));
        expect(text(part(element, 'withheld-notice'))).to.equal('3 records withheld: they are not co-shared.');
        expect(capture.warnings.filter((warning) => warning.includes('not co-shared'))).to.have.length(1);
        await expectAccessibleInBothThemes(element);
      } finally {
        capture.restore();
        document.removeEventListener('pk-records-withheld', listener);
      }
    });

    it('withholds everything, in the singular, when the only item is not co-shared', async () => {
      const { adapter, memory } = await createBackend(kind);
      const { mortgageAgent, realtors } = memory.store.seedData.sharedClients;
      const capture = captureWarnings();
      try {
        const element = await mount(
          around(adapter, { listCoSharedClients: async () => [leakedItems(realtors[0]!.realtor, mortgageAgent)[0]!] }),
        );
        await settledOn(element, '[part="clients"] [part="empty"]');
        expect(text(part(element, 'withheld-notice'))).to.equal('1 record withheld: it is not co-shared.');
        expect(clientItems(element)).to.have.length(0);
        const markup = root(element).innerHTML.toLowerCase();
        for (const leaked of LEAKED_TEXT) expect(markup, leaked).not.to.include(leaked.toLowerCase());
      } finally {
        capture.restore();
      }
    });
  });

  describe('realtor (agent)', () => {
    it('shows the clients co-shared with the mortgage agent: no counts, no filter, the realtor\u2019s own records', async () => {
      const { adapter, memory } = await createBackend(kind);
      memory.store.setSession({ role: 'agent' });
      const { adapter: recorded, calls } = recording(adapter);
      const element = await mount(recorded);
      await settledOn(element, '[part="summary"]');

      expect(part(element, 'realtors')).to.equal(null);
      expect(part(element, 'filter')).to.equal(null);
      expect(calls).not.to.include('listRealtorClientCounts');
      expect(calls).to.include('listCoSharedClients(null)');
      expect(text(part(element, 'intro'))).to.include("your mortgage agent's account");

      // A realtor sees only their own co-shared clients (the backend scopes the list to the viewer).
      const expected = expectedCoShared(memory.store.seedData, memory.store.getSession().viewer.id);
      expect(expected.length).to.be.greaterThan(0);
      const agent = memory.store.seedData.sharedClients.mortgageAgent.name;
      expect(clientNames(element)).to.deep.equal(expected.map(({ theirs }) => theirs.name));
      clientItems(element).forEach((item, index) => {
        expect(detail(item, 'Email')).to.equal(expected[index]!.theirs.email);
        expect(detail(item, 'Mortgage agent')).to.equal(agent);
        expect(detail(item, 'Realtor')).to.equal('');
        expect(text(item.querySelector('[part="subscription-paused"]'))).to.equal(`Paused from the mortgage agent, ${agent}`);
      });
      await expectAccessibleInBothThemes(element);
    });
  });

  describe('roles', () => {
    for (const role of ['broker', 'admin', 'partner'] as const satisfies readonly Role[]) {
      it(`${role}: not permitted, and no client data is asked for`, async () => {
        const { adapter, memory } = await createBackend(kind);
        memory.store.setSession({ role });
        const { adapter: recorded, calls } = recording(adapter);
        const element = await mount(recorded);
        await settledOn(element, '[part="not-permitted"]');
        expect(text(part(element, 'not-permitted'))).to.equal(
          'Shared clients are not available to you ' +
            'Only mortgage agents and the realtors they partner with can see co-shared clients.',
        );
        expect(calls).to.deep.equal(['getSession']);
        expect(part(element, 'realtors')).to.equal(null);
        expect(part(element, 'clients')).to.equal(null);
        await expectAccessibleInBothThemes(element);
      });
    }

    it('follows the adapter: a new session is read when the adapter changes', async () => {
      const { adapter, memory } = await createBackend(kind);
      memory.store.setSession({ role: 'partner' });
      const element = await mount(around(adapter));
      await settledOn(element, '[part="not-permitted"]');
      memory.store.setSession({ role: 'lender' });
      element.adapter = around(adapter);
      await settledOn(element, '[part="summary"]');
      expect(part(element, 'not-permitted')).to.equal(null);
    });
  });

  describe('empty', () => {
    it('no partnered realtors: says so with the matching rule, and asks for no client list', async () => {
      const { adapter } = await createBackend(kind, {
        store: seed((data) => {
          data.sharedClients.realtors = [];
        }),
      });
      const { adapter: recorded, calls } = recording(adapter);
      const element = await mount(recorded);
      await settledOn(element, '[part="realtors"] [part="empty"]');
      expect(text(part(element, 'empty'))).to.equal(
        'You have no partnered realtors yet. ' +
          'A client is co-shared when the email address AND the home address are the same in both accounts.',
      );
      expect(part(element, 'realtor-table')).to.equal(null);
      expect(part(element, 'clients')).to.equal(null);
      expect(calls.some((call) => call.startsWith('listCoSharedClients'))).to.equal(false);
      await expectAccessibleInBothThemes(element);
    });

    it('no co-shared clients: the counts, and an explanation of the matching rule', async () => {
      const { adapter, memory } = await createBackend(kind, { store: seed(withoutCoShared) });
      const element = await mount(adapter);
      await settledOn(element, '[part="clients"] [part="empty"]');
      expect(partsOf(root(element), 'realtor-row')).to.have.length(memory.store.seedData.sharedClients.realtors.length);
      expect(text(part(element, 'empty'))).to.equal(
        'No co-shared clients yet. ' +
          'A client is co-shared when the email address AND the home address are the same in both accounts.',
      );
      expect(part(element, 'client-list')).to.equal(null);
      await expectAccessibleInBothThemes(element);
    });
  });

  describe('loading and errors', () => {
    it('shows a loading state until the session and counts arrive', async () => {
      const { adapter } = await createBackend(kind);
      const slow = gate();
      const element = await mount(
        around(adapter, {
          getSession: async (options) => {
            await slow.opened;
            return adapter.getSession(options);
          },
        }),
      );
      expect(text(part(element, 'loading'))).to.equal('Loading shared clients…');
      expect(part(element, 'loading')!.getAttribute('role')).to.equal('status');
      await expectAccessibleInBothThemes(element);
      slow.open();
      await settledOn(element, '[part="summary"]');
    });

    it('a failing backend: an error with a retry that works by keyboard, focus on the content, no uncaught error', async () => {
      const { adapter, memory } = await createBackend(kind);
      memory.setFailureRate(1);
      const element = await mount(adapter);
      await settledOn(element, '[part="base"] > [part="error"]');
      expect(text(part(element, 'error-title'))).to.equal('Shared clients could not be loaded');
      expect(text(part(element, 'error-message'))).to.equal(
        'The server could not be reached. Check your connection and try again.',
      );
      await waitUntil(() => currentAnnouncement('assertive').startsWith('Shared clients could not be loaded'), 'announced');
      await expectAccessibleInBothThemes(element);

      memory.setFailureRate(0);
      part(element, 'retry-button')!.focus();
      await sendKeys({ press: 'Enter' });
      await settledOn(element, '[part="summary"]');
      expect(root(element).activeElement?.id).to.equal('realtors-heading');
      expect(clientNames(element)).to.have.length(expectedCoShared(memory.store.seedData).length);
    });

    it('a failing client list: the counts stay, the list shows an error and retries on its own', async () => {
      const { adapter, memory } = await createBackend(kind);
      let wrapped = adapter;
      if (kind === 'rest') {
        (await mockWorker()).use(routeFault('listCoSharedClients', faults.status(500), { baseUrl: REST_BASE_URL, once: true }));
      } else {
        let failures = 1;
        wrapped = around(adapter, {
          listCoSharedClients: async (realtorId, options) => {
            if (failures-- > 0) throw new PartnerKitError('network', 'Injected failure');
            return adapter.listCoSharedClients!(realtorId, options);
          },
        });
      }
      const { adapter: recorded, calls } = recording(wrapped);
      const element = await mount(recorded);
      await settledOn(element, '[part="clients"] [part="error"]');
      expect(text(part(element, 'error-title'))).to.equal('Co-shared clients could not be loaded');
      expect(partsOf(root(element), 'realtor-row')).to.have.length(memory.store.seedData.sharedClients.realtors.length);
      await expectAccessibleInBothThemes(element);

      part(element, 'retry-button')!.click();
      await settledOn(element, '[part="summary"]');
      expect(root(element).activeElement?.id).to.equal('clients-heading');
      expect(calls.filter((call) => call === 'listRealtorClientCounts'), 'the counts are not reloaded').to.have.length(1);
      const count = expectedCoShared(memory.store.seedData).length;
      await waitUntil(() => currentAnnouncement() === `${count} co-shared clients`, 'the result of the retry is announced');
    });

    it('a malformed response: an error for the viewer, the precise reason for the integrator', async () => {
      const { adapter } = await createBackend(kind);
      const capture = captureWarnings();
      try {
        const element = await mount(
          around(adapter, {
            listCoSharedClients: async () => [{ agentRecord: { id: 'x' } }] as unknown as CoSharedClient[],
          }),
        );
        await settledOn(element, '[part="clients"] [part="error"]');
        expect(text(part(element, 'error-message'))).to.equal('The server sent data that could not be read.');
        await waitUntil(() => capture.warnings.some((warning) => warning.includes('listCoSharedClients returned an invalid response')));
      } finally {
        capture.restore();
      }
    });

    it('no adapter methods for shared clients: says they are unavailable', async () => {
      const { adapter } = await createBackend(kind);
      const element = await mount({ getSession: (options) => adapter.getSession(options) });
      await settledOn(element, '[part="unavailable"]');
      expect(text(part(element, 'unavailable'))).to.equal('Shared clients are not available: this system does not provide them.');
      await expectAccessibleInBothThemes(element);
    });

    it('counts without a client list: only the realtors table', async () => {
      const { adapter } = await createBackend(kind);
      const element = await mount({
        getSession: (options) => adapter.getSession(options),
        listRealtorClientCounts: (options) => adapter.listRealtorClientCounts!(options),
      });
      await settledOn(element, '[part="realtor-table"]');
      expect(part(element, 'clients')).to.equal(null);
    });
  });

  describe('hostile and large data', () => {
    const HOSTILE = '<img src=x onerror="window.__pkSharedPwned = 1">';

    it('renders markup in names and activity as text', async () => {
      const { adapter } = await createBackend(kind, {
        store: seed((data) => {
          const shared = data.sharedClients;
          const [agentClientId, realtorClientId, realtorId] = shared.coSharedPairs[0]!;
          shared.realtors.find(({ realtor }) => realtor.id === realtorId)!.realtor.name = HOSTILE;
          shared.agentClients.find(({ id }) => id === agentClientId)!.name = HOSTILE;
          shared.activity[realtorClientId] = [{ at: '2026-10-01T10:00:00Z', kind: 'other', description: HOSTILE }];
        }),
      });
      const element = await mount(adapter);
      await settledOn(element, '[part="summary"]');
      for (const toggle of partsOf(root(element), 'activity-toggle')) toggle.click();
      await element.updateComplete;
      expect(root(element).querySelector('img')).to.equal(null);
      expect(texts(root(element), 'realtor-name')).to.include(HOSTILE);
      expect(clientNames(element)).to.include(HOSTILE);
      expect(texts(root(element), 'activity-description')).to.include(HOSTILE);
      expect((window as { __pkSharedPwned?: number }).__pkSharedPwned).to.equal(undefined);
    });

    it('shows 50 clients at a time; "Show more" reveals the rest and moves focus to the first new one', async () => {
      const extra = 65 - 10;
      const { adapter } = await createBackend(kind, {
        store: seed((data) => {
          const shared = data.sharedClients;
          for (let n = 0; n < extra; n++) {
            const person = {
              name: `Bulk Client ${n}`,
              email: `bulk.client.${n}@example.com`,
              address: { street: `${n + 1} Bulk Street`, unit: null, city: 'Austin', state: 'TX', zip: '78701' },
            };
            shared.agentClients.push({ id: `agc-bulk-${n}`, ...person });
            shared.realtors[0]!.clients.push({ id: `rlt-bulk-${n}`, ...person });
          }
        }),
      });
      const element = await mount(adapter);
      await settledOn(element, '[part="summary"]');
      expect(text(part(element, 'summary'))).to.equal('65 co-shared clients');
      expect(clientItems(element)).to.have.length(50);
      expect(text(part(element, 'more'))).to.equal('Showing 50 of 65 Show 15 more');
      part(element, 'show-more')!.click();
      await waitUntil(() => clientItems(element).length === 65);
      await element.updateComplete;
      expect(part(element, 'show-more')).to.equal(null);
      expect(root(element).activeElement).to.equal(clientItems(element)[50]);
    });

    it('formats counts for the locale and speaks Spanish', async () => {
      const { adapter } = await createBackend(kind, {
        store: seed((data) => {
          const first = data.sharedClients.realtors[0]!;
          const missing = 12345 - first.clients.length;
          for (let n = 0; n < missing; n++) {
            first.clients.push({
              id: `rlt-many-${n}`,
              name: `Many ${n}`,
              email: `many.${n}@example.com`,
              address: { street: `${n} Many Way`, city: 'Austin', state: 'TX', zip: '78701' },
            });
          }
        }),
      });
      const element = await mount(adapter);
      await settledOn(element, '[part="summary"]');
      expect(texts(root(element), 'client-count')[0]).to.equal('12,345');

      await loadLocale('es');
      document.documentElement.lang = 'es';
      await waitUntil(() => text(part(element, 'heading')) === es['shared-clients.realtors.heading'], 'Spanish');
      expect(texts(root(element), 'client-count')[0]).to.equal('12.345');
      expect(text(part(element, 'filter-label'))).to.equal('Agente inmobiliario');
      expect(text(part(element, 'subscription-paused'))).to.match(/^En pausa desde el agente hipotecario, /);
      expect(part(element, 'base')!.lang).to.equal('es');
      await expectAccessibleInBothThemes(element);
    });
  });

  it('is accessible when loaded, in light and dark', async () => {
    const { adapter } = await createBackend(kind);
    const element = await mount(adapter);
    await settledOn(element, '[part="summary"]');
    await expectAccessibleInBothThemes(element);
  });
});

describe('<shared-clients> without an adapter', () => {
  it('shows an error (not a crash) and recovers when one is given', async () => {
    const capture = captureWarnings();
    try {
      const element = await fixture<SharedClients>(html`<shared-clients></shared-clients>`);
      await settledOn(element, '[part="error"]');
      expect(text(part(element, 'error-message'))).to.equal('The server sent data that could not be read.');
      expect(capture.warnings.some((warning) => warning.includes('has no adapter'))).to.equal(true);
      const { adapter } = await createBackend('memory');
      element.adapter = adapter;
      await settledOn(element, '[part="summary"]');
    } finally {
      capture.restore();
    }
  });

  it('puts its headings at the level the host asks for', async () => {
    const { adapter } = await createBackend('memory');
    const element = await fixture<SharedClients>(html`<shared-clients heading-level="3" .adapter=${adapter}></shared-clients>`);
    await settledOn(element, '[part="summary"]');
    expect(part(element, 'heading')!.getAttribute('aria-level')).to.equal('3');
    expect(part(element, 'client-name')!.getAttribute('aria-level')).to.equal('4');
  });
});
