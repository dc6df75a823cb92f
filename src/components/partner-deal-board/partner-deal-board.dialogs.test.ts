import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../../test/support/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import type { CreateOptions, Deal, NewDealInput, PartnerKitAdapter } from '../../adapter/types.js';
import { buildMailto } from '../../domain/mailto.js';
import type { Role } from '../../domain/permissions.js';
import { safeUrl } from '../../domain/safe-url.js';
import { currentAnnouncement } from '../../internal/live-region.js';
import { createBackend, forEachBackend, type BackendKind } from '../../../test/support/backends.js';
import type { PartnerDealBoard } from './partner-deal-board.component.js';
import './partner-deal-board.js';

const HARBOR = 'org-harbor';
const LEADS = 'wf-harbor-leads';

const root = (board: PartnerDealBoard) => board.shadowRoot!;
const one = <T extends Element = HTMLElement>(board: PartnerDealBoard, selector: string) =>
  root(board).querySelector(selector) as T | null;
const all = <T extends Element = HTMLElement>(board: PartnerDealBoard, selector: string) =>
  [...root(board).querySelectorAll(selector)] as T[];
const text = (element: Element | null) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

const describeElement = (element: Element | null | undefined) =>
  element ? `<${element.localName}${element.id ? `#${element.id}` : ''} part="${element.getAttribute('part') ?? ''}">` : String(element);

/**
 * Focus lands on `element` (soon: a dialog's close event is async). Compared as
 * a boolean: a failed comparison of two elements floods the test reporter.
 */
async function expectFocusOn(board: PartnerDealBoard, element: Element | null | undefined, message = 'focus') {
  await waitUntil(() => root(board).activeElement === element, message, { timeout: 2000 }).catch(() => undefined);
  const focused = root(board).activeElement;
  expect(focused === element, `${message}: focus is on ${describeElement(focused)}, not ${describeElement(element)}`).to.equal(true);
}
const isLoaded = (board: PartnerDealBoard) => one(board, '.column, .empty, .error') !== null;
const active = (board: PartnerDealBoard) => root(board).activeElement as HTMLElement | null;

async function mount(kind: BackendKind, options: { role?: Role; wrap?: (adapter: PartnerKitAdapter) => PartnerKitAdapter } = {}) {
  const backend = await createBackend(kind);
  backend.memory.store.setSession({ role: options.role ?? 'partner' });
  const adapter = options.wrap ? options.wrap(backend.adapter) : backend.adapter;
  const board = await fixture<PartnerDealBoard>(html`<partner-deal-board .adapter=${adapter}></partner-deal-board>`);
  await waitUntil(() => isLoaded(board), 'the board loaded', { timeout: 5000 });
  const allDeals = () => backend.memory.store.changeLog.filter((change) => change.type === 'deal-updated');
  const dealCount = () =>
    backend.memory.store.listDeals({ organisationId: HARBOR, workflowId: LEADS, includeClosed: true, limit: 500 }).total ?? 0;
  return { board, allDeals, dealCount, ...backend };
}

async function setDark<T>(run: () => Promise<T>): Promise<T> {
  document.documentElement.dataset.theme = 'dark';
  document.documentElement.style.colorScheme = 'dark';
  try {
    return await run();
  } finally {
    delete document.documentElement.dataset.theme;
    document.documentElement.style.colorScheme = '';
  }
}

// ---------------------------------------------------------------------------
// Add new deal

/** The form and the deal view load on first use: their dialogs exist once opened. */
const formOpen = (board: PartnerDealBoard) => one<HTMLDialogElement>(board, 'dialog.deal-form-dialog')?.open === true;
const field = (board: PartnerDealBoard, path: string) =>
  one<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(board, `#deal-form-${path.replace(/\./g, '-')}`)!;
const errorOf = (board: PartnerDealBoard, path: string) => text(one(board, `#deal-form-${path.replace(/\./g, '-')}-error`));

function type(board: PartnerDealBoard, path: string, value: string) {
  const input = field(board, path);
  input.value = value;
  input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
}

async function openForm(board: PartnerDealBoard) {
  one<HTMLButtonElement>(board, '[part="add-deal-button"]')!.click();
  await waitUntil(() => formOpen(board) && active(board) === field(board, 'clients.0.firstName'), 'the form opens with focus on the first field');
}

function fillClient(board: PartnerDealBoard, index: number, client: { firstName: string; lastName: string; phone: string; email: string }) {
  for (const [key, value] of Object.entries(client)) type(board, `clients.${index}.${key}`, value);
}

const CLIENT = { firstName: 'Ava', lastName: 'Moreno', phone: '(512) 555-0199', email: 'ava.moreno@example.com' };

const saveButton = (board: PartnerDealBoard) => one<HTMLButtonElement>(board, '[part="form-save"]')!;

forEachBackend('<partner-deal-board> add new deal', (kind) => {
  it('requires first name, last name, phone, email and summary, with the message on each field', async () => {
    const { board, dealCount } = await mount(kind);
    const before = dealCount();
    await openForm(board);
    saveButton(board).click();
    await waitUntil(() => errorOf(board, 'clients.0.firstName') !== '', 'errors show');
    expect(errorOf(board, 'clients.0.firstName')).to.equal('First name is required.');
    expect(errorOf(board, 'clients.0.lastName')).to.equal('Last name is required.');
    expect(errorOf(board, 'clients.0.phone')).to.equal('Phone is required.');
    expect(errorOf(board, 'clients.0.email')).to.equal('Email is required.');
    expect(errorOf(board, 'summary')).to.equal('Summary notes is required.');
    expect(field(board, 'clients.0.email').getAttribute('aria-invalid')).to.equal('true');
    expect(field(board, 'clients.0.email').getAttribute('aria-describedby')).to.equal('deal-form-clients-0-email-error');
    await expectFocusOn(board, field(board, 'clients.0.firstName'), 'focus on the first field with an error');
    await expect(board).to.be.accessible();
    await setDark(() => expect(board).to.be.accessible());

    type(board, 'clients.0.email', 'not-an-address');
    await board.updateComplete;
    expect(errorOf(board, 'clients.0.email'), 'typing clears the message').to.equal('');
    saveButton(board).click();
    await waitUntil(() => errorOf(board, 'clients.0.email') !== '', 'email checked');
    expect(errorOf(board, 'clients.0.email')).to.equal('Enter an email address like name@example.com.');
    expect(dealCount(), 'nothing reached the backend').to.equal(before);
  });

  it('Save creates the deal with clients, broker and labels in the default workflow; it appears on the board', async () => {
    const { board, memory } = await mount(kind);
    await openForm(board);
    fillClient(board, 0, CLIENT);
    one<HTMLButtonElement>(board, '[data-action="add-contact"]')!.click();
    await waitUntil(() => active(board) === field(board, 'clients.1.firstName'), 'the new contact gets focus');
    fillClient(board, 1, { firstName: 'Ben', lastName: 'Moreno', phone: '(512) 555-0198', email: 'ben.moreno@example.com' });
    type(board, 'summary', 'First home; pre-approval needed.');
    await waitUntil(() => (field(board, 'brokerId') as HTMLSelectElement).options.length > 1, 'brokers loaded', { timeout: 5000 });
    const brokerNames = [...(field(board, 'brokerId') as HTMLSelectElement).options].map((option) => option.textContent!.trim());
    expect(brokerNames).to.deep.equal(['No preference', ...memory.store.listBrokers(HARBOR).map((broker) => broker.name)]);
    type(board, 'brokerId', 'brk-harbor-2');
    type(board, 'labels', 'Urgent, First home buyer, urgent');
    const created = oneEvent(board, 'pk-deal-created');
    saveButton(board).click();
    const { detail } = await created;
    const deal = memory.store.getDeal(detail.deal.id);
    expect(deal.workflowId).to.equal(LEADS);
    expect(deal.stageId).to.equal('stg-leads-1');
    expect(deal.name).to.equal('Ava Moreno');
    expect(deal.clients.map(({ firstName, lastName, phone, email }) => ({ firstName, lastName, phone, email }))).to.deep.equal([
      CLIENT,
      { firstName: 'Ben', lastName: 'Moreno', phone: '(512) 555-0198', email: 'ben.moreno@example.com' },
    ]);
    expect(deal.broker?.id).to.equal('brk-harbor-2');
    expect(deal.labels).to.deep.equal(['Urgent', 'First home buyer']);
    expect(deal.summary).to.equal('First home; pre-approval needed.');
    expect(deal.partner?.name).to.equal('Riley Chen');

    await waitUntil(() => !formOpen(board), 'the form closed');
    await expectFocusOn(board, one(board, '[part="add-deal-button"]'), 'focus back on "Add new deal"');
    const tile = one(board, `.tile[data-deal-id="${deal.id}"]`)!;
    expect(tile.closest<HTMLElement>('.column')!.dataset['columnId']).to.equal('stg-leads-1');
    await waitUntil(() => currentAnnouncement() === 'Deal Ava Moreno added to New lead.', 'announced');
  });

  it('a double click on Save creates one deal (one idempotency key per intent)', async () => {
    const keys: string[] = [];
    const { board, dealCount } = await mount(kind, {
      wrap: (adapter) => ({
        ...adapter,
        createDeal: (input: NewDealInput, options: CreateOptions) => {
          keys.push(options.idempotencyKey);
          return adapter.createDeal!(input, options);
        },
      }),
    });
    const before = dealCount();
    await openForm(board);
    fillClient(board, 0, CLIENT);
    type(board, 'summary', 'Referred by a neighbour.');
    saveButton(board).click();
    saveButton(board).click();
    await waitUntil(() => !formOpen(board), 'the form closed', { timeout: 5000 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(keys, 'the second click did nothing').to.have.length(1);
    expect(dealCount()).to.equal(before + 1);
    expect(all(board, '.tile-name').filter((name) => text(name) === 'Ava Moreno')).to.have.length(1);
  });

  it('a failed save keeps everything typed, and the retry reuses the key (never a duplicate)', async () => {
    const keys: string[] = [];
    const { board, memory, dealCount } = await mount(kind, {
      wrap: (adapter) => ({
        ...adapter,
        createDeal: (input: NewDealInput, options: CreateOptions) => {
          keys.push(options.idempotencyKey);
          return adapter.createDeal!(input, options);
        },
      }),
    });
    const before = dealCount();
    await openForm(board);
    fillClient(board, 0, CLIENT);
    type(board, 'summary', 'Needs a bridge loan.');
    type(board, 'labels', 'Investor');
    memory.setFailureRate(1);
    saveButton(board).click();
    await waitUntil(() => one(board, '[part="form-error"]'), 'the failure shows', { timeout: 5000 });
    expect(text(one(board, '[part="form-error"]'))).to.contain('The server could not be reached');
    expect(formOpen(board)).to.equal(true);
    expect(field(board, 'clients.0.email').value).to.equal(CLIENT.email);
    expect(field(board, 'summary').value).to.equal('Needs a bridge loan.');
    expect(field(board, 'labels').value).to.equal('Investor');
    await expect(board).to.be.accessible();

    memory.setFailureRate(0);
    saveButton(board).click();
    await waitUntil(() => !formOpen(board), 'saved on retry', { timeout: 5000 });
    expect(keys).to.have.length(2);
    expect(keys[1]).to.equal(keys[0]);
    expect(dealCount()).to.equal(before + 1);
  });

  it("shows the backend's per-field errors (clients.0.phone) on their fields", async () => {
    const { board, dealCount } = await mount(kind);
    const before = dealCount();
    await openForm(board);
    fillClient(board, 0, { ...CLIENT, phone: '12' });
    type(board, 'summary', 'Short phone number.');
    saveButton(board).click();
    await waitUntil(() => errorOf(board, 'clients.0.phone') !== '', 'the field error shows', { timeout: 5000 });
    expect(errorOf(board, 'clients.0.phone')).to.equal('Enter a valid phone number.');
    expect(field(board, 'clients.0.phone').getAttribute('aria-invalid')).to.equal('true');
    await expectFocusOn(board, field(board, 'clients.0.phone'));
    expect(field(board, 'clients.0.firstName').value).to.equal(CLIENT.firstName);
    expect(dealCount()).to.equal(before);
  });

  it('Escape closes the form, focus returns to its button, and the draft is still there when reopened', async () => {
    const { board } = await mount(kind);
    await openForm(board);
    type(board, 'clients.0.firstName', 'Half typed');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !formOpen(board), 'closed');
    await expectFocusOn(board, one(board, '[part="add-deal-button"]'));
    await openForm(board);
    expect(field(board, 'clients.0.firstName').value).to.equal('Half typed');
    await setDark(() => expect(board).to.be.accessible());
  });

  it('a deal added while another workflow is shown lands in the default workflow, and the board shows it there', async () => {
    const backend = await createBackend(kind);
    backend.memory.store.setSession({ role: 'partner' });
    const board = await fixture<PartnerDealBoard>(
      html`<partner-deal-board .adapter=${backend.adapter} workflow-id="wf-harbor-loans"></partner-deal-board>`,
    );
    await waitUntil(() => isLoaded(board) && text(one(board, '[part="title"]')) === 'Home loans', 'the loans workflow shows', { timeout: 5000 });
    await openForm(board);
    fillClient(board, 0, CLIENT);
    type(board, 'summary', 'Lands in Leads.');
    const created = oneEvent(board, 'pk-deal-created');
    saveButton(board).click();
    const { detail } = await created;
    expect(detail.deal.workflowId).to.equal(LEADS);
    await waitUntil(() => text(one(board, '[part="title"]')) === 'Leads' && one(board, `.tile[data-deal-id="${detail.deal.id}"]`), 'shown in Leads', { timeout: 5000 });
  });

  it('a partner not allocated to a broker cannot add deals here', async () => {
    const { board } = await mount(kind, {
      wrap: (adapter) => ({
        ...adapter,
        listOrganisations: async (options) =>
          (await adapter.listOrganisations!(options)).map((organisation) => ({ ...organisation, viewerAllocated: false })),
      }),
    });
    expect(one(board, '[part="add-deal-button"]')).to.equal(null);
  });
});

// ---------------------------------------------------------------------------
// Deal view

const dealOpen = (board: PartnerDealBoard) => one<HTMLDialogElement>(board, 'dialog.deal-view-dialog')?.open === true;
const dealDialog = (board: PartnerDealBoard) => one<HTMLDialogElement>(board, 'dialog.deal-view-dialog')!;

async function openDeal(board: PartnerDealBoard, deal: Deal) {
  const eye = one<HTMLButtonElement>(board, `[data-action="open"][data-deal-id="${deal.id}"]`)!;
  eye.focus();
  eye.click();
  await waitUntil(
    () => dealOpen(board) && one(board, '[part="deal-notes"]') && !text(dealDialog(board)).includes('Loading notes'),
    'the deal view opens with its notes',
    { timeout: 5000 },
  );
  return eye;
}

forEachBackend('<partner-deal-board> deal view', (kind) => {
  function pickDeal(deals: Deal[], notes: (id: string) => unknown[], documents: (id: string) => unknown[]) {
    return deals.find((deal) => deal.broker && deal.labels.length > 0 && notes(deal.id).length > 1 && documents(deal.id).length > 0 && deal.stageId !== 'stg-leads-1');
  }

  it('shows name, broker, labels, date, clients with safe tel:/mailto: links, notes newest last, documents and the stage progression', async () => {
    const { board, memory } = await mount(kind);
    const deals = memory.store.listDeals({ organisationId: HARBOR, workflowId: LEADS, limit: 500 }).items;
    const deal = pickDeal(deals, (id) => memory.store.listNotes(id), (id) => memory.store.listDocuments(id))!;
    expect(deal, 'the seed has a rich deal').not.to.equal(undefined);
    const opened = oneEvent(board, 'pk-deal-open');
    await openDeal(board, deal);
    expect((await opened).detail.deal.id).to.equal(deal.id);
    const dialog = dealDialog(board);
    await expectFocusOn(board, one(board, '#deal-view-title'), 'focus moves to the title');
    expect(text(one(board, '#deal-view-title'))).to.equal(deal.name);
    expect(dialog.getAttribute('aria-labelledby')).to.equal('deal-view-title');

    const details = text(one(board, '[part="deal-details"] dl'));
    expect(details).to.contain(deal.broker!.name);
    for (const label of deal.labels) expect(details).to.contain(label);
    expect(details).to.contain(new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date(deal.createdAt)));

    const clients = all(board, '[part="client"]');
    expect(clients).to.have.length(deal.clients.length);
    deal.clients.forEach((client, index) => {
      const item = clients[index]!;
      expect(text(item.querySelector('.client-name'))).to.equal(`${client.firstName} ${client.lastName}`);
      expect(item.querySelector('[part="client-email"]')!.getAttribute('href')).to.equal(buildMailto({ to: client.email }));
      expect(item.querySelector('[part="client-phone"]')!.getAttribute('href')).to.equal(`tel:${client.phone.replace(/\D/g, '')}`);
    });

    const steps = all(board, '[part~="progress-step"]');
    const workflow = memory.store.listWorkflows(HARBOR).find((candidate) => candidate.id === LEADS)!;
    const current = workflow.stages.findIndex((stage) => stage.id === deal.stageId);
    expect(steps.map((step) => text(step.querySelector('.progress-name')))).to.deep.equal(
      workflow.stages.filter((stage) => !stage.closed || stage.id === deal.stageId).map((stage) => stage.name),
    );
    expect(steps[current]!.getAttribute('aria-current')).to.equal('step');
    expect(steps.filter((step) => step.hasAttribute('aria-current'))).to.have.length(1);
    expect(steps.slice(0, current).every((step) => step.classList.contains('done'))).to.equal(true);

    const notes = memory.store.listNotes(deal.id);
    expect(all(board, '[part="note"] .note-body').map(text)).to.deep.equal(notes.map((note) => note.body.trim()));

    const documents = memory.store.listDocuments(deal.id);
    const links = all<HTMLAnchorElement>(board, '[part="document-link"]');
    expect(links.map((link) => link.getAttribute('href'))).to.deep.equal(documents.map((document) => safeUrl(document.url)));
    expect(links.every((link) => link.hasAttribute('download') && link.rel.includes('noopener'))).to.equal(true);

    await expect(board).to.be.accessible();
    await setDark(() => expect(board).to.be.accessible());
  });

  it('Escape closes it and focus returns to the "eye"', async () => {
    const { board, memory } = await mount(kind);
    const deal = memory.store.listDeals({ organisationId: HARBOR, workflowId: LEADS, limit: 500 }).items[0]!;
    const eye = await openDeal(board, deal);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dealOpen(board), 'closed');
    await expectFocusOn(board, eye);
  });

  it('a deal opened before the closed one has said so stays open', async () => {
    const { board, memory } = await mount(kind);
    const [first, second] = memory.store.listDeals({ organisationId: HARBOR, workflowId: LEADS, limit: 500 }).items;
    await openDeal(board, first!);
    let closeEvents = 0;
    dealDialog(board).addEventListener('close', () => closeEvents++);
    // The browser says a dialog closed a task after `close()`: open another deal before that.
    one<HTMLButtonElement>(board, '[part="close-button"]')!.click();
    one<HTMLButtonElement>(board, `[data-action="open"][data-deal-id="${second!.id}"]`)!.click();
    await board.updateComplete;
    expect(closeEvents, 'the close event has not come yet').to.equal(0);
    await waitUntil(() => closeEvents === 1, 'the first deal said it closed');
    await board.updateComplete;
    expect(dealOpen(board), 'the second deal stays open').to.equal(true);
    expect(text(one(board, '#deal-view-title'))).to.equal(second!.name);
  });

  it('adds a note (newest last, announced in the dialog); a double submit adds it once', async () => {
    const keys: string[] = [];
    const { board, memory } = await mount(kind, {
      wrap: (adapter) => ({
        ...adapter,
        addNote: (dealId: string, body: string, options: CreateOptions) => {
          keys.push(options.idempotencyKey);
          return adapter.addNote!(dealId, body, options);
        },
      }),
    });
    const deal = memory.store.listDeals({ organisationId: HARBOR, workflowId: LEADS, limit: 500 }).items[0]!;
    const before = memory.store.listNotes(deal.id).length;
    await openDeal(board, deal);
    const input = one<HTMLTextAreaElement>(board, '#deal-note')!;
    input.focus();
    await sendKeys({ type: 'Could you call them on Friday?' });
    const submit = one<HTMLButtonElement>(board, '[part="note-submit"]')!;
    submit.click();
    submit.click();
    await waitUntil(() => text(one(board, '.deal-view-dialog [role="status"]')) === 'Note added.', 'announced', { timeout: 5000 });
    expect(keys).to.have.length(1);
    const notes = memory.store.listNotes(deal.id);
    expect(notes).to.have.length(before + 1);
    expect(notes.at(-1)!.body).to.equal('Could you call them on Friday?');
    expect(text(all(board, '[part="note"] .note-body').at(-1)!)).to.equal('Could you call them on Friday?');
    expect(input.value).to.equal('');
  });

  it('a failed note keeps its text; the retry reuses its key', async () => {
    const keys: string[] = [];
    const { board, memory } = await mount(kind, {
      wrap: (adapter) => ({
        ...adapter,
        addNote: (dealId: string, body: string, options: CreateOptions) => {
          keys.push(options.idempotencyKey);
          return adapter.addNote!(dealId, body, options);
        },
      }),
    });
    const deal = memory.store.listDeals({ organisationId: HARBOR, workflowId: LEADS, limit: 500 }).items[0]!;
    const before = memory.store.listNotes(deal.id).length;
    await openDeal(board, deal);
    const input = one<HTMLTextAreaElement>(board, '#deal-note')!;
    input.value = 'Long note '.repeat(500);
    input.dispatchEvent(new Event('input'));
    memory.setFailureRate(1);
    one<HTMLButtonElement>(board, '[part="note-submit"]')!.click();
    await waitUntil(() => one(board, '#deal-note-error'), 'the failure shows', { timeout: 5000 });
    expect(text(one(board, '#deal-note-error'))).to.contain('Your text is kept');
    expect(input.value).to.equal('Long note '.repeat(500));
    await expect(board).to.be.accessible();
    memory.setFailureRate(0);
    one<HTMLButtonElement>(board, '[part="note-submit"]')!.click();
    await waitUntil(() => memory.store.listNotes(deal.id).length === before + 1, 'added on retry', { timeout: 5000 });
    expect(keys).to.have.length(2);
    expect(keys[1]).to.equal(keys[0]);
  });

  it('a note added elsewhere appears in the open deal view (live)', async () => {
    const { board, memory } = await mount(kind);
    const deal = memory.store.listDeals({ organisationId: HARBOR, workflowId: LEADS, limit: 500 }).items[0]!;
    await openDeal(board, deal);
    await new Promise((resolve) => setTimeout(resolve, 150));
    memory.store.setSession({ role: 'broker' });
    memory.store.addNote(deal.id, 'Broker here: the appraisal is booked.', 'live-note-1');
    await waitUntil(
      () => all(board, '[part="note"] .note-body').map(text).at(-1) === 'Broker here: the appraisal is booked.',
      'the note shows',
      { timeout: 5000 },
    );
  });

  it('uploads a document where the adapter can, and refuses wrong types before uploading', async () => {
    const { board, memory } = await mount(kind);
    const deal = memory.store.listDeals({ organisationId: HARBOR, workflowId: LEADS, limit: 500 }).items[0]!;
    const before = memory.store.listDocuments(deal.id).length;
    await openDeal(board, deal);
    const input = one<HTMLInputElement>(board, '[part="upload-input"]')!;
    const choose = (file: File) => {
      const transfer = new DataTransfer();
      transfer.items.add(file);
      input.files = transfer.files;
      input.dispatchEvent(new Event('change'));
    };
    choose(new File(['MZ'], 'setup.exe', { type: 'application/x-msdownload' }));
    await waitUntil(() => one(board, '#deal-upload-error'), 'refused');
    expect(text(one(board, '#deal-upload-error'))).to.contain('This type of file cannot be shared');
    expect(memory.store.listDocuments(deal.id)).to.have.length(before);

    const uploaded = oneEvent(board, 'pk-deal-document-uploaded');
    choose(new File(['%PDF-1.4 tiny'], 'Offer letter.pdf', { type: 'application/pdf' }));
    const { detail } = await uploaded;
    expect(detail.document.name).to.equal('Offer letter.pdf');
    expect(memory.store.listDocuments(deal.id)).to.have.length(before + 1);
    await waitUntil(() => all(board, '[part="document-link"]').some((link) => text(link) === 'Offer letter.pdf'), 'listed');
    expect(text(one(board, '.deal-view-dialog [role="status"]'))).to.equal('Offer letter.pdf uploaded.');
  });

  it('has no note form and no upload where the adapter cannot add notes or upload', async () => {
    const { board, memory } = await mount(kind, {
      wrap: (adapter) => ({ ...adapter, capabilities: { addNote: false, uploadDocument: false } }),
    });
    const deal = memory.store.listDeals({ organisationId: HARBOR, workflowId: LEADS, limit: 500 }).items[0]!;
    await openDeal(board, deal);
    expect(one(board, '[part="note-form"]')).to.equal(null);
    expect(one(board, '[part="upload-input"]')).to.equal(null);
    expect(one(board, '[part="deal-notes"]')).not.to.equal(null);
  });

  it('never turns a javascript: URL or phone from a hostile adapter into a link; hostile text stays text', async () => {
    const hostileName = '<img src=x onerror="window.__dealPwned = 1">';
    const { board, memory } = await mount(kind, {
      wrap: (adapter) => ({
        ...adapter,
        listDeals: async (query, options) => {
          const page = await adapter.listDeals!(query, options);
          const [first, ...rest] = page.items;
          const client = { ...first!.clients[0]!, phone: 'javascript:alert(1)' };
          return { ...page, items: [{ ...first!, name: hostileName, clients: [client] }, ...rest] };
        },
        listDocuments: async (dealId, options) => {
          const hostile = {
            id: 'doc-hostile',
            dealId,
            name: 'Invoice.pdf',
            contentType: 'application/pdf',
            size: 100,
            url: 'javascript:alert(document.cookie)',
            uploadedAt: new Date().toISOString(),
            uploadedBy: { id: 'x', name: 'Mallory' },
          };
          const documents = await adapter.listDocuments!(dealId, options);
          // Each distinct problem is logged once per page: another path per backend keeps both runs' warning new.
          return kind === 'memory' ? [hostile, ...documents] : [...documents, hostile, hostile];
        },
      }),
    });
    const deal = memory.store.listDeals({ organisationId: HARBOR, workflowId: LEADS, limit: 500 }).items[0]!;
    const warnings: string[] = [];
    const originalWarn = console.warn;
    console.warn = (message: unknown) => warnings.push(String(message));
    try {
      one<HTMLButtonElement>(board, `[data-action="open"][data-deal-id="${deal.id}"]`)!.click();
      await waitUntil(() => dealOpen(board) && one(board, '.deal-view-dialog [part="error"]'), 'the documents are refused', { timeout: 5000 });
    } finally {
      console.warn = originalWarn;
    }
    // The integrator learns exactly what was wrong, once.
    expect(warnings.filter((warning) => /listDocuments returned an invalid response: \[\d+\]\.url/.test(warning))).to.have.length(1);
    expect(text(one(board, '#deal-view-title'))).to.equal(hostileName);
    expect(one(board, 'img')).to.equal(null);
    expect((window as { __dealPwned?: number }).__dealPwned).to.equal(undefined);
    const hrefs = all<HTMLAnchorElement>(board, 'a[href]').map((link) => link.getAttribute('href')!);
    expect(hrefs.some((href) => /^\s*javascript:/i.test(href)), hrefs.join(' ')).to.equal(false);
    expect(one(board, '[part="client-phone"]'), 'an unusable phone is shown as text').to.equal(null);
    expect(text(one(board, '[part="client"]'))).to.contain('javascript:alert(1)');
    expect(text(one(board, '.deal-view-dialog [part="error"]'))).to.contain('The server sent data that cannot be shown.');
    await expect(board).to.be.accessible();
  });
});
