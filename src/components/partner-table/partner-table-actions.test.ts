import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../../test/support/wait.js';
import { deadImageUrl } from '../../../test/support/images.js';
import { sendKeys } from '@web/test-runner-commands';
import { generatePartners } from '../../adapter/memory/index.js';
import { PartnerKitError } from '../../adapter/errors.js';
import type { Partner, PartnerKitAdapter } from '../../adapter/types.js';
import type { Role } from '../../domain/permissions.js';
import { currentAnnouncement } from '../../internal/live-region.js';
import { createBackend, forEachBackend, mockWorker, type Backend } from '../../../test/support/backends.js';
import { expectTimeZoneList } from '../../../test/support/time-zones.js';
import './partner-table.js';
import type { PartnerTable } from './partner-table.component.js';

const root = (element: PartnerTable) => element.shadowRoot!;
const rowOf = (element: PartnerTable, id: string) => root(element).querySelector<HTMLTableRowElement>(`tr[data-id="${id}"]`);
const part = (element: PartnerTable, name: string) => root(element).querySelector<HTMLElement>(`[part~="${name}"]`);
const actionsButton = (element: PartnerTable, id: string) => rowOf(element, id)?.querySelector<HTMLButtonElement>('[part~="actions-button"]') ?? null;
const nameButton = (element: PartnerTable, id: string) => rowOf(element, id)!.querySelector<HTMLButtonElement>('[part~="name-button"]')!;
const menu = (element: PartnerTable) => part(element, 'menu')!;
const menuItems = (element: PartnerTable) => [...menu(element).querySelectorAll<HTMLElement>('[role="menuitem"]')];
const menuLabels = (element: PartnerTable) => menuItems(element).map((item) => item.textContent!.trim());
const focused = (element: PartnerTable) => root(element).activeElement as HTMLElement | null;
const dialog = (element: PartnerTable) => root(element).querySelector('dialog');

async function settled(element: PartnerTable): Promise<void> {
  await waitUntil(() => root(element).querySelector('tbody tr.row, [part~="empty"], [part~="error"]') !== null, 'loaded', { timeout: 5000 });
  await element.updateComplete;
}

async function renderTable(adapter: PartnerKitAdapter, search = '') {
  const element = await fixture<PartnerTable>(html`<partner-table .adapter=${adapter} search=${search}></partner-table>`);
  await settled(element);
  return element;
}

/** Opens a row's menu by keyboard and waits until focus is in it. */
async function openMenu(element: PartnerTable, id: string, key: 'Enter' | 'ArrowDown' | 'ArrowUp' = 'Enter') {
  actionsButton(element, id)!.focus();
  await sendKeys({ press: key });
  await waitUntil(() => !menu(element).hidden && focused(element)?.getAttribute('role') === 'menuitem', 'menu open with focus in it');
}

async function openMenuAndWaitForLinks(element: PartnerTable, id: string) {
  await openMenu(element, id);
  await waitUntil(() => !menuLabels(element).some((label) => label.includes('preparing')), 'the invitation link is ready');
}

async function choose(element: PartnerTable, id: string, label: string) {
  await openMenuAndWaitForLinks(element, id);
  const item = menuItems(element).find((candidate) => candidate.textContent!.trim() === label);
  expect(item, `menu item "${label}" among ${JSON.stringify(menuLabels(element))}`).to.exist;
  item!.focus();
  await sendKeys({ press: 'Enter' });
}

/** Four partners covering the permission cases; every other one is removed. */
function loadCases(backend: Backend): Record<'activeOpen' | 'activeLocked' | 'pending' | 'created', Partner> {
  const [a, b, c, d] = generatePartners(4);
  const cases = {
    activeOpen: { ...a!, id: 'ptn-active-open', status: 'active' as const, allowsProfileUpdates: true, acceptedAt: a!.invitedAt },
    activeLocked: { ...b!, id: 'ptn-active-locked', status: 'active' as const, allowsProfileUpdates: false, acceptedAt: b!.invitedAt },
    pending: { ...c!, id: 'ptn-pending', status: 'pending-opened' as const, allowsProfileUpdates: false, acceptedAt: null },
    created: { ...d!, id: 'ptn-created', status: 'profile-created-not-sent' as const, allowsProfileUpdates: true, acceptedAt: null },
  };
  backend.memory.store.loadPartners(Object.values(cases));
  return cases;
}

function stubClipboard(writeText: (text: string) => Promise<void>) {
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
}

afterEach(() => {
  delete (navigator as unknown as { clipboard?: unknown }).clipboard;
  document.documentElement.style.colorScheme = '';
});

forEachBackend('<partner-table> row actions', (kind) => {
  let backend: Backend;
  beforeEach(async () => {
    backend = await createBackend(kind);
  });
  afterEach(async () => {
    if (kind === 'rest') (await mockWorker()).resetHandlers();
  });

  describe('who sees which action', () => {
    const EDIT = 'Edit';
    const DELETE = 'Delete';
    const COPY = 'Copy Invitation Link';
    const PRIVATE = 'Send Private Email';
    const SEND = 'Send Email';
    const matrix: {
      title: string;
      role: Role;
      profileEditing: boolean;
      capabilities?: PartnerKitAdapter['capabilities'];
      expected: Record<'activeOpen' | 'activeLocked' | 'pending' | 'created', string[]>;
    }[] = [
      {
        title: 'lender, organisation allows profile editing',
        role: 'lender',
        profileEditing: true,
        expected: {
          activeOpen: [EDIT, DELETE, SEND],
          activeLocked: [DELETE, SEND],
          pending: [DELETE, COPY, PRIVATE, SEND],
          created: [EDIT, DELETE, COPY, PRIVATE, SEND],
        },
      },
      {
        title: 'lender, organisation has not opted in to editing',
        role: 'lender',
        profileEditing: false,
        expected: {
          activeOpen: [DELETE, SEND],
          activeLocked: [DELETE, SEND],
          pending: [DELETE, COPY, PRIVATE, SEND],
          created: [DELETE, COPY, PRIVATE, SEND],
        },
      },
      {
        title: 'agent',
        role: 'agent',
        profileEditing: true,
        expected: { activeOpen: [DELETE], activeLocked: [DELETE], pending: [DELETE], created: [DELETE] },
      },
      {
        title: 'lender with an adapter that cannot delete or re-send',
        role: 'lender',
        profileEditing: true,
        capabilities: { deletePartner: false, resendInvitation: false },
        expected: { activeOpen: [EDIT], activeLocked: [], pending: [COPY, PRIVATE], created: [EDIT, COPY, PRIVATE] },
      },
    ];

    for (const row of matrix) {
      it(`${row.title}: each row's menu holds only what is allowed`, async () => {
        const cases = loadCases(backend);
        backend.memory.store.setSession({
          role: row.role,
          switches: { ...backend.memory.store.getSession().switches, profileEditing: row.profileEditing },
        });
        const adapter = row.capabilities ? { ...backend.adapter, capabilities: row.capabilities } : backend.adapter;
        const element = await renderTable(adapter);
        for (const [name, partner] of Object.entries(cases) as [keyof typeof cases, Partner][]) {
          const expected = row.expected[name];
          if (expected.length === 0) {
            expect(actionsButton(element, partner.id), `${name} has no actions button`).to.equal(null);
            continue;
          }
          await openMenuAndWaitForLinks(element, partner.id);
          expect(menuLabels(element), name).to.deep.equal(expected);
          await sendKeys({ press: 'Escape' });
          await waitUntil(() => menu(element).hidden, 'menu closed');
        }
        expect(part(element, 'invite-button') !== null, 'invite button').to.equal(row.role === 'lender');
      });
    }

    it('a broker sees the partners but no actions and no detail link', async () => {
      const cases = loadCases(backend);
      backend.memory.store.setSession({ role: 'broker' });
      const element = await renderTable(backend.adapter);
      expect(actionsButton(element, cases.pending.id)).to.equal(null);
      expect(rowOf(element, cases.pending.id)!.querySelector('[part~="name-button"]')).to.equal(null);
      expect(part(element, 'invite-button')).to.equal(null);
    });
  });

  describe('the actions menu by keyboard', () => {
    it('Enter opens it on the first item; arrows, Home and End move; Escape returns focus to the button', async () => {
      const cases = loadCases(backend);
      const element = await renderTable(backend.adapter);
      const button = actionsButton(element, cases.created.id)!;
      expect(button.getAttribute('aria-haspopup')).to.equal('menu');
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      await openMenuAndWaitForLinks(element, cases.created.id);
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      expect(menu(element).getAttribute('role')).to.equal('menu');
      expect(focused(element)!.textContent!.trim()).to.equal('Edit');

      await sendKeys({ press: 'ArrowDown' });
      expect(focused(element)!.textContent!.trim()).to.equal('Delete');
      await sendKeys({ press: 'End' });
      expect(focused(element)!.textContent!.trim()).to.equal('Send Email');
      await sendKeys({ press: 'ArrowDown' });
      expect(focused(element)!.textContent!.trim()).to.equal('Edit', 'wraps to the first');
      await sendKeys({ press: 'ArrowUp' });
      expect(focused(element)!.textContent!.trim()).to.equal('Send Email', 'wraps to the last');
      await sendKeys({ press: 'Home' });
      expect(focused(element)!.textContent!.trim()).to.equal('Edit');
      await sendKeys({ press: 'c' });
      expect(focused(element)!.textContent!.trim()).to.equal('Copy Invitation Link', 'typeahead');
      await expect(element).to.be.accessible();

      await sendKeys({ press: 'Escape' });
      expect(menu(element).hidden).to.equal(true);
      expect(focused(element)).to.equal(button);
      expect(button.getAttribute('aria-expanded')).to.equal('false');
    });

    it('ArrowDown opens on the first item, ArrowUp on the last; Tab closes it', async () => {
      const cases = loadCases(backend);
      const element = await renderTable(backend.adapter);
      await openMenu(element, cases.activeOpen.id, 'ArrowDown');
      expect(focused(element)!.textContent!.trim()).to.equal('Edit');
      await sendKeys({ press: 'Escape' });
      await openMenu(element, cases.activeOpen.id, 'ArrowUp');
      expect(focused(element)!.textContent!.trim()).to.equal('Send Email');
      await sendKeys({ press: 'Tab' });
      await waitUntil(() => menu(element).hidden, 'Tab closed the menu');
      expect(focused(element)?.getAttribute('role')).not.to.equal('menuitem');
    });

    it('a click outside closes it', async () => {
      const cases = loadCases(backend);
      const element = await renderTable(backend.adapter);
      await openMenu(element, cases.activeOpen.id);
      document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
      await waitUntil(() => menu(element).hidden, 'closed');
    });
  });

  describe('Edit', () => {
    /** The table with the permission cases, and the edit dialog open on the active partner who allows updates. */
    async function openEditor(adapterFor: (adapter: PartnerKitAdapter) => PartnerKitAdapter = (adapter) => adapter) {
      const partner = loadCases(backend).activeOpen;
      const element = await renderTable(adapterFor(backend.adapter));
      await choose(element, partner.id, 'Edit');
      await waitUntil(() => dialog(element)?.open === true, 'dialog open');
      return { partner, element, form: dialog(element)! };
    }

    it('shows the profile fields; the kit’s checks and the adapter’s per-field errors land on their fields; nothing typed is lost; then saves', async () => {
      const updates: unknown[] = [];
      let refuseCity = true;
      const { partner, element, form } = await openEditor((adapter) => ({
        ...adapter,
        updatePartnerProfile: async (id, changes, options) => {
          updates.push(changes);
          if (refuseCity) {
            refuseCity = false;
            throw new PartnerKitError('validation', 'The profile is invalid.', { fieldErrors: { 'profile.city': 'We do not serve this city yet.' } });
          }
          return adapter.updatePartnerProfile!(id, changes, options);
        },
      }));
      expect([...form.querySelectorAll('legend')].map((legend) => legend.textContent!.trim())).to.deep.equal(['General Info', 'MLS Info', 'Images']);
      // The form's styles load with the editor's code: its sections are laid out as grids.
      expect(getComputedStyle(form.querySelector('.form-grid')!).display).to.equal('grid');
      expect(focused(element)!.id).to.equal('field-firstName');
      const field = (key: string) => form.querySelector<HTMLInputElement>(`#field-${key}`)!;
      expect(field('lastName').value).to.equal(partner.profile.lastName ?? partner.lastName);
      expectTimeZoneList(form.querySelector<HTMLSelectElement>('#field-timeZone')!, partner.profile.timeZone ?? '');

      const typeInto = async (key: string, value: string) => {
        field(key).focus();
        field(key).select();
        await sendKeys({ type: value });
      };
      await typeInto('city', 'Springfield');
      await typeInto('zip', 'not a zip!!');
      await typeInto('mlsAgentId', 'MLS-4242');
      await sendKeys({ press: 'Enter' });

      // The kit's ZIP check: the message at the field, in the page's language, and no request.
      await waitUntil(() => field('zip').getAttribute('aria-invalid') === 'true', 'the zip error is on the zip field', { timeout: 4000 });
      const errorOf = (key: string) => form.querySelector(`#${field(key).getAttribute('aria-describedby')!}`)!.textContent;
      expect(errorOf('zip')).to.equal('Enter a ZIP code such as 12345 or 12345-6789, or another country’s postal code.');
      expect(field('city').getAttribute('aria-invalid')).to.equal('false');
      expect(focused(element)).to.equal(field('zip'));
      expect(form.querySelector('#form-error')!.textContent).to.equal('The profile was not saved: correct the marked field.');
      expect(field('city').value).to.equal('Springfield');
      expect(field('mlsAgentId').value).to.equal('MLS-4242');
      expect(updates, 'nothing sent').to.have.length(0);
      expect(backend.memory.store.getPartner(partner.id).partner.profile.city).to.equal(partner.profile.city ?? null);
      await expect(element).to.be.accessible();
      document.documentElement.style.colorScheme = 'dark';
      await expect(element).to.be.accessible();
      document.documentElement.style.colorScheme = '';

      // The adapter's per-field error lands on its field; what was typed stays.
      await typeInto('zip', '62701');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => field('city').getAttribute('aria-invalid') === 'true', 'the adapter’s city error is on the city field', { timeout: 4000 });
      expect(errorOf('city')).to.equal('We do not serve this city yet.');
      expect(field('zip').getAttribute('aria-invalid')).to.equal('false');
      expect(focused(element)).to.equal(field('city'));
      expect([field('city').value, field('zip').value, field('mlsAgentId').value]).to.deep.equal(['Springfield', '62701', 'MLS-4242']);
      expect(updates).to.have.length(1);

      const saved = oneEvent(element, 'pk-partner-updated');
      form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      expect((await saved).detail.reason).to.equal('edit');
      await waitUntil(() => dialog(element) === null, 'dialog closed');
      const profile = backend.memory.store.getPartner(partner.id).partner.profile;
      expect([profile.city, profile.zip, profile.mlsAgentId]).to.deep.equal(['Springfield', '62701', 'MLS-4242']);
      await waitUntil(() => focused(element) === actionsButton(element, partner.id), 'focus back on the actions button');
      await waitUntil(() => currentAnnouncement().includes('was saved'));
    });

    it('an image upload refuses empty files and renamed documents before any request, then uploads and saves an image', async () => {
      const { partner, element, form } = await openEditor();
      const url = form.querySelector<HTMLInputElement>('#field-photoUrl')!;
      const before = url.value;
      const picker = form.querySelector<HTMLInputElement>('#field-photoUrl-file')!;
      expect(picker.accept).to.equal('image/png,image/jpeg,image/webp');
      const pick = (file: File) => {
        const transfer = new DataTransfer();
        transfer.items.add(file);
        picker.files = transfer.files;
        picker.dispatchEvent(new Event('change', { bubbles: true }));
      };
      const error = () => form.querySelector(`#${url.getAttribute('aria-describedby') ?? 'none'}`)?.textContent ?? '';

      pick(new File([], 'empty.png', { type: 'image/png' }));
      await waitUntil(() => error() === 'This file is empty. Choose another image.', 'the empty file refused');
      pick(new File(['%PDF-1.7 quarterly report'], 'report.png', { type: 'image/png' }));
      await waitUntil(() => error() === 'Choose a PNG, JPEG or WebP image.', 'the renamed document refused');
      expect(url.value, 'nothing uploaded').to.equal(before);
      await expect(element).to.be.accessible();

      pick(new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0])], 'me.png', { type: 'image/png' }));
      await waitUntil(() => /\/uploads\/photos\/.+\.png$/.test(url.value), 'the uploaded image in the field', { timeout: 4000 });
      expect(url.getAttribute('aria-invalid')).to.equal('false');
      const uploaded = url.value;
      form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await waitUntil(() => dialog(element) === null, 'dialog closed', { timeout: 4000 });
      expect(backend.memory.store.getPartner(partner.id).partner.profile.photoUrl).to.equal(uploaded);
    });

    it('an image that cannot be loaded is replaced by a sentence, in the edit form and in the drawer', async () => {
      const [base] = generatePartners(1);
      const partner: Partner = {
        ...base!,
        id: 'ptn-dead-images',
        status: 'active',
        allowsProfileUpdates: true,
        acceptedAt: base!.invitedAt,
        profile: { ...base!.profile, photoUrl: deadImageUrl('photo'), logoUrl: deadImageUrl('logo') },
      };
      backend.memory.store.loadPartners([partner]);
      const element = await renderTable(backend.adapter);
      await choose(element, partner.id, 'Edit');
      await waitUntil(() => dialog(element)?.open === true, 'dialog open');
      const shown = () => [...(dialog(element)?.querySelectorAll<HTMLElement>('.image-unavailable:not([hidden])') ?? [])];
      await waitUntil(() => shown().length === 2, 'both previews replaced', { timeout: 8000 });
      expect(shown().map((text) => text.textContent)).to.deep.equal(Array(2).fill('The image at this address cannot be shown.'));
      expect([...dialog(element)!.querySelectorAll('img.preview')].every((image) => getComputedStyle(image).display === 'none'), 'the broken previews are not drawn').to.equal(true);
      await expect(element).to.be.accessible();

      dialog(element)!.querySelector<HTMLButtonElement>('.dialog-actions button[type="button"]')!.click();
      await waitUntil(() => dialog(element) === null, 'dialog closed');
      nameButton(element, partner.id).click();
      await waitUntil(() => dialog(element)?.querySelector('.history') !== null, 'details loaded', { timeout: 4000 });
      await waitUntil(() => shown().length === 1, 'the logo replaced', { timeout: 8000 });
      expect(getComputedStyle(dialog(element)!.querySelector('[part~="detail-photo"]')!).display, 'the broken photo is not drawn').to.equal('none');
      await expect(element).to.be.accessible();
    });

    it('a network failure keeps the dialog and every typed value', async () => {
      const cases = loadCases(backend);
      const element = await renderTable(backend.adapter);
      await choose(element, cases.created.id, 'Edit');
      await waitUntil(() => dialog(element)?.open === true);
      const city = dialog(element)!.querySelector<HTMLInputElement>('#field-city')!;
      city.focus();
      city.select();
      await sendKeys({ type: 'Shelbyville' });
      backend.memory.setFailureRate(1);
      dialog(element)!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await waitUntil(() => dialog(element)!.querySelector('#form-error') !== null, 'the failure is shown', { timeout: 4000 });
      expect(dialog(element)!.open).to.equal(true);
      expect(dialog(element)!.querySelector('#form-error')!.textContent).to.contain('The connection failed.');
      expect(city.value).to.equal('Shelbyville');
      expect(focused(element)!.id).to.equal('form-error');
    });
  });

  describe('Delete', () => {
    it('asks in a native dialog, removes the row at once, and the adapter deletes it', async () => {
      const cases = loadCases(backend);
      const element = await renderTable(backend.adapter);
      backend.memory.setLatency(300);
      await choose(element, cases.pending.id, 'Delete');
      await waitUntil(() => dialog(element)?.open === true, 'confirmation open');
      expect(dialog(element)!.textContent).to.contain(`Delete ${cases.pending.firstName} ${cases.pending.lastName}?`);
      expect(focused(element)!.textContent!.trim()).to.equal('Cancel');
      await expect(element).to.be.accessible();

      const deleted = oneEvent(element, 'pk-partner-deleted');
      dialog(element)!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await waitUntil(() => rowOf(element, cases.pending.id) === null, 'row removed optimistically');
      expect(backend.memory.store.partnerCount, 'the adapter has not answered yet').to.equal(4);
      expect(focused(element)?.getAttribute('part')).to.equal('actions-button');
      expect((await deleted).detail.partner.id).to.equal(cases.pending.id);
      expect(backend.memory.store.partnerCount).to.equal(3);
      // Seed 000: a removed connection can be invited again.
      expect(backend.memory.store.lookupRecipients([cases.pending.email])[0]!.kind).not.to.equal('connected');
      await waitUntil(() => currentAnnouncement().includes('was deleted'));
    });

    it('puts the row back in place and says so when the adapter fails', async () => {
      const cases = loadCases(backend);
      const element = await renderTable(backend.adapter);
      const index = rowOf(element, cases.activeLocked.id)!.getAttribute('aria-rowindex');
      backend.memory.setLatency(200);
      await choose(element, cases.activeLocked.id, 'Delete');
      await waitUntil(() => dialog(element)?.open === true);
      backend.memory.setFailureRate(1);
      dialog(element)!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await waitUntil(() => rowOf(element, cases.activeLocked.id) === null, 'removed optimistically');
      await waitUntil(() => rowOf(element, cases.activeLocked.id) !== null, 'restored', { timeout: 4000 });
      expect(rowOf(element, cases.activeLocked.id)!.getAttribute('aria-rowindex')).to.equal(index);
      expect(part(element, 'notice')!.textContent).to.contain('could not be deleted and is back in the list');
      await waitUntil(() => currentAnnouncement('assertive').includes('back in the list'));
      expect(backend.memory.store.partnerCount).to.equal(4);
    });

    it('a host can veto the deletion with pk-before-delete', async () => {
      const cases = loadCases(backend);
      const element = await renderTable(backend.adapter);
      element.addEventListener('pk-before-delete', (event) => event.preventDefault(), { once: true });
      await choose(element, cases.pending.id, 'Delete');
      await waitUntil(() => dialog(element)?.open === true);
      dialog(element)!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await waitUntil(() => dialog(element) === null);
      expect(rowOf(element, cases.pending.id)).not.to.equal(null);
      expect(backend.memory.store.partnerCount).to.equal(4);
      await waitUntil(() => focused(element) === actionsButton(element, cases.pending.id));
    });
  });

  describe('Copy Invitation Link', () => {
    it('copies the link with the Clipboard API', async () => {
      const cases = loadCases(backend);
      const copied: string[] = [];
      stubClipboard(async (text) => {
        copied.push(text);
      });
      const element = await renderTable(backend.adapter);
      await choose(element, cases.pending.id, 'Copy Invitation Link');
      await waitUntil(() => copied.length === 1, 'written to the clipboard');
      expect(copied[0]).to.equal(backend.memory.store.getInvitationLink(cases.pending.id).url);
      await waitUntil(() => currentAnnouncement().includes('was copied to the clipboard'));
      expect(focused(element)).to.equal(actionsButton(element, cases.pending.id));
    });

    it('when the clipboard is denied, shows the link selected in a read-only field', async () => {
      const cases = loadCases(backend);
      stubClipboard(() => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')));
      const element = await renderTable(backend.adapter);
      await choose(element, cases.pending.id, 'Copy Invitation Link');
      await waitUntil(() => dialog(element)?.open === true, 'fallback dialog open');
      const field = dialog(element)!.querySelector<HTMLInputElement>('#copy-field')!;
      const url = backend.memory.store.getInvitationLink(cases.pending.id).url;
      expect(field.readOnly).to.equal(true);
      expect(field.value).to.equal(url);
      expect(focused(element)).to.equal(field);
      expect([field.selectionStart, field.selectionEnd]).to.deep.equal([0, url.length]);
      expect(dialog(element)!.textContent).to.contain('press Ctrl+C');
      await expect(element).to.be.accessible();
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => focused(element) === actionsButton(element, cases.pending.id), 'focus back on the actions button');
    });

    it('when there is no Clipboard API at all, shows the same fallback', async () => {
      const cases = loadCases(backend);
      Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
      const element = await renderTable(backend.adapter);
      await choose(element, cases.created.id, 'Copy Invitation Link');
      await waitUntil(() => dialog(element)?.open === true);
      expect(dialog(element)!.querySelector<HTMLInputElement>('#copy-field')!.value).to.equal(
        backend.memory.store.getInvitationLink(cases.created.id).url,
      );
    });
  });

  describe('Send Private Email', () => {
    it('is a mailto: link to the pending address with the registration link, every part encoded', async () => {
      const [base] = generatePartners(1);
      const partner: Partner = {
        ...base!,
        id: 'ptn-hostile',
        status: 'pending-delivered',
        firstName: 'Eve\r\nBcc: everyone@example.com',
        lastName: '&cc=x',
        email: 'eve+co@example.com',
        allowsProfileUpdates: false,
        acceptedAt: null,
      };
      backend.memory.store.loadPartners([partner]);
      const element = await renderTable(backend.adapter);
      await openMenuAndWaitForLinks(element, partner.id);
      const link = menuItems(element).find((item) => item.textContent!.trim() === 'Send Private Email') as HTMLAnchorElement;
      expect(link.localName).to.equal('a');
      const href = link.getAttribute('href')!;
      expect(href.startsWith('mailto:eve%2Bco@example.com?')).to.equal(true);
      expect(href).not.to.match(/[\r\n]/);
      const params = new URLSearchParams(href.slice(href.indexOf('?') + 1));
      expect([...params.keys()]).to.deep.equal(['subject', 'body']);
      expect(params.get('subject')).to.equal('Your invitation to co-market with Jordan Ellis');
      const body = params.get('body')!;
      expect(body).to.contain(backend.memory.store.getInvitationLink(partner.id).url);
      expect(body).to.contain('Hi Eve\r\nBcc: everyone@example.com,');
    });
  });

  describe('Send Private Email when the link cannot be loaded', () => {
    it('says so in the menu, and tries again the next time the menu opens', async () => {
      const cases = loadCases(backend);
      const element = await renderTable(backend.adapter);
      backend.memory.setFailureRate(1);
      await openMenu(element, cases.pending.id);
      await waitUntil(() => menuLabels(element).includes('Send Private Email (the link could not be loaded)'), 'failure shown', { timeout: 4000 });
      const disabled = menuItems(element).find((item) => item.textContent!.includes('could not be loaded'))!;
      expect(disabled.getAttribute('aria-disabled')).to.equal('true');
      await sendKeys({ press: 'Escape' });
      backend.memory.setFailureRate(0);
      await openMenuAndWaitForLinks(element, cases.pending.id);
      await waitUntil(() => menuItems(element).some((item) => item.localName === 'a'), 'the link loaded this time', { timeout: 4000 });
    });
  });

  describe('Send Email', () => {
    it('re-sends the invitation and the status updates', async () => {
      const cases = loadCases(backend);
      const element = await renderTable(backend.adapter);
      const updated = oneEvent(element, 'pk-partner-updated');
      await choose(element, cases.pending.id, 'Send Email');
      expect((await updated).detail.reason).to.equal('resend');
      await waitUntil(
        () => rowOf(element, cases.pending.id)!.querySelector('status-badge')!.getAttribute('status') === 'pending-not-delivered',
        'the row shows the new status',
      );
      expect(backend.memory.store.getPartner(cases.pending.id).partner.status).to.equal('pending-not-delivered');
      expect(part(element, 'notice')!.textContent).to.contain('The invitation email was sent to');
    });

    it('a failure is reported, and the status stays', async () => {
      const cases = loadCases(backend);
      const element = await renderTable(backend.adapter);
      backend.memory.setFailureRate(1);
      await choose(element, cases.pending.id, 'Send Email');
      await waitUntil(() => part(element, 'notice')?.textContent?.includes('was not sent') === true, 'failure shown', { timeout: 4000 });
      expect(rowOf(element, cases.pending.id)!.querySelector('status-badge')!.getAttribute('status')).to.equal('pending-opened');
      await waitUntil(() => currentAnnouncement('assertive').includes('was not sent'));
    });
  });

  describe('partner detail', () => {
    it('a name opens the drawer with contact, company, media, leads and history; Escape returns focus', async () => {
      const partner = backend.memory.store.listPartners({ statuses: ['active'], limit: 50 }).items.find(
        (candidate) => backend.memory.store.getPartner(candidate.id).media.length > 0,
      )!;
      const detail = backend.memory.store.getPartner(partner.id);
      const element = await renderTable(backend.adapter, partner.email);
      const name = nameButton(element, partner.id);
      const opened = oneEvent(element, 'pk-partner-open');
      name.focus();
      await sendKeys({ press: 'Enter' });
      expect((await opened).detail.partner.id).to.equal(partner.id);
      await waitUntil(() => dialog(element)?.open === true && dialog(element)!.querySelector('.history') !== null, 'details loaded', {
        timeout: 4000,
      });
      const drawer = dialog(element)!;
      expect(focused(element)!.id).to.equal('dialog-title');
      expect(drawer.querySelector('#dialog-title')!.textContent).to.equal(`${partner.firstName} ${partner.lastName}`);
      expect([...drawer.querySelectorAll('h3')].map((heading) => heading.textContent)).to.deep.equal([
        'Contact info',
        'Company info',
        'Media made together',
        'Leads shared',
        'Status history',
      ]);
      expect(drawer.querySelectorAll('.history li').length).to.equal(detail.statusHistory.length);
      // The drawer's styles load with its code: each section's facts are a two-column grid.
      expect(getComputedStyle(drawer.querySelector('.detail-section dl')!).display).to.equal('grid');
      // Phone numbers are tel: links made of digits only, the number shown as given.
      const phoneLinks = [...drawer.querySelectorAll<HTMLAnchorElement>('a[href^="tel:"]')];
      const phones = [partner.profile.mobilePhone, partner.profile.officePhone].filter((phone): phone is string => Boolean(phone?.trim()));
      expect(phones.length, 'the seed partner has a phone number').to.be.greaterThan(0);
      expect(phoneLinks.map((link) => link.textContent)).to.deep.equal(phones);
      expect(phoneLinks.map((link) => link.getAttribute('href'))).to.deep.equal(phones.map((phone) => `tel:${phone.trim().startsWith('+') ? '+' : ''}${phone.replace(/\D/g, '')}`));
      const mediaLinks = [...drawer.querySelectorAll<HTMLAnchorElement>('.media-item a')].map((link) => link.href);
      expect(mediaLinks).to.deep.equal(detail.media.filter((item) => item.url !== null).map((item) => item.url));
      await expect(element).to.be.accessible();
      document.documentElement.style.colorScheme = 'dark';
      await expect(element).to.be.accessible();
      document.documentElement.style.colorScheme = '';

      await sendKeys({ press: 'Escape' });
      await waitUntil(() => dialog(element) === null, 'drawer closed');
      await waitUntil(() => focused(element) === name, 'focus back on the name');
    });

    it('a host can cancel pk-partner-open to use its own route', async () => {
      const element = await renderTable(backend.adapter);
      const first = root(element).querySelector<HTMLTableRowElement>('tbody tr.row')!;
      element.addEventListener('pk-partner-open', (event) => event.preventDefault(), { once: true });
      first.querySelector<HTMLButtonElement>('[part~="name-button"]')!.click();
      await element.updateComplete;
      expect(dialog(element)).to.equal(null);
    });

    it('a drawer opened before the closed dialog has said so stays open', async () => {
      const partnerId = loadCases(backend).created.id;
      const element = await renderTable(backend.adapter);
      await choose(element, partnerId, 'Edit');
      await waitUntil(() => dialog(element)?.open === true, 'edit dialog open');
      const edit = dialog(element)!;
      let closeEvents = 0;
      edit.addEventListener('close', () => closeEvents++);
      // The browser says a dialog closed a task after `close()`: open the drawer before that.
      dialog(element)!.querySelector<HTMLButtonElement>('.dialog-actions button[type="button"]')!.click();
      await element.updateComplete;
      expect(dialog(element), 'the edit dialog is gone').to.equal(null);
      expect(closeEvents, 'its close event has not come yet').to.equal(0);
      nameButton(element, partnerId).click();
      await element.updateComplete;
      await waitUntil(() => closeEvents === 1, 'the edit dialog said it closed');
      await element.updateComplete;
      expect(dialog(element)?.open, 'the drawer stays open').to.equal(true);
      expect(dialog(element)!.classList.contains('detail')).to.equal(true);
      await waitUntil(() => dialog(element)?.querySelector('.history') !== null, 'details loaded', { timeout: 4000 });
    });

    it('a failed load shows an error with retry inside the drawer', async () => {
      const element = await renderTable(backend.adapter);
      backend.memory.setFailureRate(1);
      root(element).querySelector<HTMLButtonElement>('tbody [part~="name-button"]')!.click();
      await waitUntil(() => (dialog(element)?.querySelector('[part~="error"]') ?? null) !== null, 'error shown', { timeout: 4000 });
      backend.memory.setFailureRate(0);
      dialog(element)!.querySelector<HTMLButtonElement>('[part~="error"] button')!.click();
      await waitUntil(() => dialog(element)!.querySelector('.history') !== null, 'loaded after retry', { timeout: 4000 });
    });
  });

  describe('Invite New Connections', () => {
    it('emits a cancelable pk-invite-request, then opens the wizard in a dialog', async () => {
      const element = await renderTable(backend.adapter);
      const invite = part(element, 'invite-button')!;
      element.addEventListener('pk-invite-request', (event) => event.preventDefault(), { once: true });
      invite.click();
      await element.updateComplete;
      expect(dialog(element)).to.equal(null);

      const requested = oneEvent(element, 'pk-invite-request');
      invite.focus();
      await sendKeys({ press: 'Enter' });
      expect((await requested).detail.source).to.equal('toolbar');
      await waitUntil(() => dialog(element)?.open === true, 'dialog open');
      expect(dialog(element)!.querySelector('#dialog-title')!.textContent).to.equal('Invite New Connections');
      // Loaded on demand, then given this table's adapter.
      await waitUntil(() => dialog(element)!.querySelector('invite-wizard')?.shadowRoot != null, 'the wizard is loaded', { timeout: 5000 });
      expect((dialog(element)!.querySelector('invite-wizard') as HTMLElement & { adapter: unknown }).adapter).to.equal(backend.adapter);
      await expect(element).to.be.accessible();
      await sendKeys({ press: 'Escape' });
      // The wizard is still starting up (its own lazy parts) on a loaded machine: room for it.
      await waitUntil(() => dialog(element) === null, 'Escape closed the dialog', { timeout: 5000 });
      await waitUntil(() => focused(element) === part(element, 'invite-button'), 'focus back on the button', { timeout: 5000 });
    });
  });
});

describe('<partner-table> row actions (keeping the list current)', () => {
  it('a new connection reported by the wizard reloads the list', async () => {
    const backend = await createBackend('memory');
    const element = await renderTable(backend.adapter);
    const before = backend.memory.store.partnerCount;
    backend.memory.store.createInvitations([{ email: 'brand.new.partner@example.com' }], 'key-1');
    element.shadowRoot!.dispatchEvent(new CustomEvent('pk-invited', { bubbles: true, composed: true, detail: { results: [] } }));
    // "61 partners", or "50 of 61 partners loaded" when the seed is larger than the first page.
    const summary = new RegExp(`(^| of )${before + 1} partners( loaded)?$`);
    await waitUntil(() => summary.test(part(element, 'summary')!.textContent!.trim()), 'reloaded');
  });
});
