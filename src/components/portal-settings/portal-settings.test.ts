import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../../test/support/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import { createBackend, forEachBackend, type Backend, type BackendKind } from '../../../test/support/backends.js';
import { PartnerKitError } from '../../adapter/errors.js';
import type { CreateOptions, NewPartnerAccount, PartnerKitAdapter, PortalSettingsInput } from '../../adapter/types.js';
import type { Role } from '../../domain/permissions.js';
import { currentAnnouncement } from '../../internal/live-region.js';
import { loadLocale } from '../../locales/index.js';
import './portal-settings.js';
import type { PortalSettingsElement } from './portal-settings.component.js';

const ORG = 'org-harbor';
const ADMIN = { session: { role: 'admin' as Role } };

/** The adapter with some members replaced (methods, or `capabilities`). */
function withOverrides(adapter: PartnerKitAdapter, overrides: Record<string, unknown>): PartnerKitAdapter {
  return new Proxy(adapter, {
    get(target, property, receiver) {
      if (typeof property === 'string' && Object.hasOwn(overrides, property)) return overrides[property];
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}

const shadow = (element: PortalSettingsElement) => element.shadowRoot!;
const part = <T extends HTMLElement = HTMLElement>(element: PortalSettingsElement, name: string) =>
  shadow(element).querySelector<T>(`[part~="${name}"]`);
const parts = <T extends HTMLElement = HTMLElement>(element: PortalSettingsElement, name: string) => [
  ...shadow(element).querySelectorAll<T>(`[part~="${name}"]`),
];
const byId = <T extends HTMLElement = HTMLInputElement>(element: PortalSettingsElement, id: string) =>
  shadow(element).getElementById(id) as T | null;
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const switchOf = (element: PortalSettingsElement, id: string) => byId<HTMLInputElement>(element, id)!;
const isLoaded = (element: PortalSettingsElement) => !!shadow(element).querySelector('form.settings-form');
const accountItem = (element: PortalSettingsElement, name: string) =>
  parts(element, 'account').find((item) => text(item.querySelector('[part~="account-name"]')) === name);

async function renderSettings(adapter: PartnerKitAdapter, wait: 'loaded' | 'settled' = 'loaded') {
  const element = await fixture<PortalSettingsElement>(html`<portal-settings .adapter=${adapter}></portal-settings>`);
  if (wait === 'loaded') await waitUntil(() => isLoaded(element), 'the settings load', { timeout: 5000 });
  else await waitUntil(() => !!part(element, 'state') && !part(element, 'state')!.classList.contains('loading'), 'settled');
  return element;
}

async function toggle(element: PortalSettingsElement, id: string) {
  switchOf(element, id).click();
  await element.updateComplete;
}

async function save(element: PortalSettingsElement) {
  part<HTMLButtonElement>(element, 'save-button')!.click();
  await element.updateComplete;
}

async function fillNewAccount(element: PortalSettingsElement, values: Partial<Record<'name' | 'email' | 'phone', string>>) {
  for (const [field, value] of Object.entries(values)) {
    const input = byId<HTMLInputElement>(element, `new-${field}`)!;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }
  await element.updateComplete;
}

async function submitNewAccount(element: PortalSettingsElement) {
  part<HTMLFormElement>(element, 'create-form')!.requestSubmit();
  await element.updateComplete;
}

async function expectAccessibleInBothThemes(element: Element) {
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

afterEach(() => {
  document.documentElement.lang = 'en';
  delete document.documentElement.dataset.theme;
  document.documentElement.style.colorScheme = '';
});

forEachBackend('<portal-settings>', (kind: BackendKind) => {
  let backend: Backend;

  beforeEach(async () => {
    backend = await createBackend(kind, ADMIN);
  });

  describe('loaded from the store', () => {
    it('shows the default workflow, every switch as stored, and the partner accounts', async () => {
      const element = await renderSettings(backend.adapter);
      const stored = backend.memory.store.getPortalSettings(ORG);
      const select = part<HTMLSelectElement>(element, 'workflow-select')!;
      expect(select.value).to.equal(stored.defaultWorkflowId);
      expect([...select.options].map((option) => option.textContent)).to.deep.equal(['No default workflow', 'Leads', 'Home loans']);

      expect(switchOf(element, 'partner-added-email').checked).to.equal(stored.partnerAddedEmail);
      expect(switchOf(element, 'deal-shared-email').checked).to.equal(stored.dealShared.email);
      expect(switchOf(element, 'deal-shared-sms').checked).to.equal(stored.dealShared.sms);
      for (const key of ['stageChanged', 'fileShared', 'noteAdded'] as const) {
        expect(switchOf(element, `notify-${key}-email`).checked, `${key} email`).to.equal(stored.notifications[key].email);
        expect(switchOf(element, `notify-${key}-sms`).checked, `${key} sms`).to.equal(stored.notifications[key].sms);
      }
      expect(switchOf(element, 'deal-shared-sms').getAttribute('role')).to.equal('switch');
      expect(switchOf(element, 'deal-shared-sms').getAttribute('aria-checked')).to.equal('false');

      const names = parts(element, 'account-name').map(text);
      expect(names).to.deep.equal(backend.memory.store.listPartnerAccounts(ORG).map((account) => account.name));
      expect(text(accountItem(element, 'Sam Patel')!.querySelector('[part~="account-brokers"]'))).to.equal('Brokers: Priya Raman');
      expect(text(accountItem(element, 'Riley Chen')!.querySelector('[part~="account-brokers"]'))).to.equal(
        'Brokers: Priya Raman and Marcus Johnson',
      );
    });

    it('flags every partner allocated to nobody, with the consequence', async () => {
      const element = await renderSettings(backend.adapter);
      const flagged = parts(element, 'account')
        .filter((item) => item.querySelector('[part~="unallocated-flag"]'))
        .map((item) => text(item.querySelector('[part~="account-name"]')));
      expect(flagged).to.deep.equal(['Kenji Watanabe', 'Luis Ortega']);
      const flag = accountItem(element, 'Luis Ortega')!.querySelector('[part~="unallocated-flag"]');
      expect(text(flag)).to.equal(
        'Not allocated to a broker. This partner cannot create deals until you allocate them to a broker.',
      );
      const button = accountItem(element, 'Luis Ortega')!.querySelector('[part~="allocate-button"]')!;
      expect(button.getAttribute('aria-describedby')).to.equal(flag!.id);
    });

    it('is accessible once loaded, in light and dark', async () => {
      const element = await renderSettings(backend.adapter);
      await expectAccessibleInBothThemes(element);
    });
  });

  describe('saving', () => {
    it('toggles, shows unsaved changes, saves with the version, and the store has the new settings', async () => {
      const element = await renderSettings(backend.adapter);
      const before = backend.memory.store.getPortalSettings(ORG);
      expect(text(part(element, 'save-status'))).to.equal('');
      expect(part(element, 'save-button')!.getAttribute('aria-disabled')).to.equal('true');

      await toggle(element, 'deal-shared-sms');
      await toggle(element, 'partner-added-email');
      const select = part<HTMLSelectElement>(element, 'workflow-select')!;
      select.value = 'wf-harbor-loans';
      select.dispatchEvent(new Event('change'));
      await element.updateComplete;
      expect(element.hasUnsavedChanges).to.equal(true);
      expect(text(part(element, 'save-status'))).to.equal('You have unsaved changes.');
      expect(part(element, 'save-button')!.getAttribute('aria-disabled')).to.equal('false');

      const saved = oneEvent(element, 'pk-settings-saved');
      await save(element);
      const event = await saved;
      const stored = backend.memory.store.getPortalSettings(ORG);
      expect(stored.version).to.equal(before.version + 1);
      expect(stored.dealShared).to.deep.equal({ email: before.dealShared.email, sms: !before.dealShared.sms });
      expect(stored.partnerAddedEmail).to.equal(!before.partnerAddedEmail);
      expect(stored.defaultWorkflowId).to.equal('wf-harbor-loans');
      expect(stored.notifications).to.deep.equal(before.notifications);
      expect(event.detail).to.deep.equal({ kind: 'portal', settings: stored });

      await element.updateComplete;
      expect(element.hasUnsavedChanges).to.equal(false);
      expect(text(part(element, 'save-status'))).to.equal('All changes saved.');
      await waitUntil(() => currentAnnouncement() === 'Settings saved.', 'announced');
    });

    it('toggles a switch with the keyboard and saves with Enter', async () => {
      const element = await renderSettings(backend.adapter);
      const before = backend.memory.store.getPortalSettings(ORG);
      switchOf(element, 'notify-fileShared-sms').focus();
      await sendKeys({ press: 'Space' });
      await element.updateComplete;
      expect(switchOf(element, 'notify-fileShared-sms').checked).to.equal(!before.notifications.fileShared.sms);
      part<HTMLButtonElement>(element, 'save-button')!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => backend.memory.store.getPortalSettings(ORG).version === before.version + 1, 'saved');
      expect(backend.memory.store.getPortalSettings(ORG).notifications.fileShared.sms).to.equal(!before.notifications.fileShared.sms);
      expect(shadow(element).activeElement).to.equal(part(element, 'save-button'), 'focus stays on Save');
    });

    it('discards changes back to what is saved', async () => {
      const element = await renderSettings(backend.adapter);
      const before = backend.memory.store.getPortalSettings(ORG);
      await toggle(element, 'notify-noteAdded-email');
      part<HTMLButtonElement>(element, 'discard-button')!.click();
      await element.updateComplete;
      expect(switchOf(element, 'notify-noteAdded-email').checked).to.equal(before.notifications.noteAdded.email);
      expect(element.hasUnsavedChanges).to.equal(false);
      expect(part(element, 'discard-button')).to.equal(null);
      await waitUntil(() => shadow(element).activeElement === part(element, 'save-button'), 'focus on Save');
    });

    it('a failed save keeps the edits, says what failed, and saves on the next try', async () => {
      const element = await renderSettings(backend.adapter);
      const before = backend.memory.store.getPortalSettings(ORG);
      await toggle(element, 'notify-stageChanged-sms');
      backend.memory.setFailureRate(1);
      await save(element);
      await waitUntil(() => !!part(element, 'save-error'), 'save error shown');
      expect(text(part(element, 'save-error'))).to.equal(
        'Your changes were not saved. The connection failed. Your changes are still here: correct them or try again.',
      );
      expect(switchOf(element, 'notify-stageChanged-sms').checked).to.equal(!before.notifications.stageChanged.sms);
      expect(element.hasUnsavedChanges).to.equal(true);
      expect(backend.memory.store.getPortalSettings(ORG)).to.deep.equal(before);
      await waitUntil(() => currentAnnouncement('assertive').startsWith('Your changes were not saved.'), 'announced');
      await expectAccessibleInBothThemes(element);

      backend.memory.setFailureRate(0);
      await save(element);
      await waitUntil(() => backend.memory.store.getPortalSettings(ORG).version === before.version + 1, 'saved on retry');
      await element.updateComplete;
      expect(part(element, 'save-error')).to.equal(null);
    });

    it('names the fields the backend rejected', async () => {
      const adapter = withOverrides(backend.adapter, {
        updatePortalSettings: () =>
          Promise.reject(
            new PartnerKitError('validation', 'Invalid fields', {
              fieldErrors: { 'notifications.fileShared.sms': 'SMS is not part of your plan.', defaultWorkflowId: 'Pick another.' },
            }),
          ),
      });
      const element = await renderSettings(adapter);
      await toggle(element, 'notify-fileShared-sms');
      await save(element);
      await waitUntil(() => !!part(element, 'save-error'), 'save error shown');
      const items = [...part(element, 'save-error')!.querySelectorAll('li')].map(text);
      expect(items).to.deep.equal(['A file is shared – SMS: SMS is not part of your plan.', 'Default workflow: Pick another.']);
      expect(text(part(element, 'save-error'))).to.contain('Some values were not accepted.');
      expect(element.hasUnsavedChanges).to.equal(true);
    });
  });

  describe('another admin saved first', () => {
    async function saveBehindTheElementsBack(change: Partial<PortalSettingsInput>) {
      const current = backend.memory.store.getPortalSettings(ORG);
      const { organisationId: _organisationId, version, ...input } = current;
      return backend.memory.store.updatePortalSettings(ORG, { ...input, ...change }, version);
    }

    it('reports the conflict, overwrites nothing, and loads their version on request', async () => {
      const element = await renderSettings(backend.adapter);
      const theirs = await saveBehindTheElementsBack({ partnerAddedEmail: false, dealShared: { email: false, sms: false } });
      await toggle(element, 'notify-noteAdded-sms');
      await save(element);
      await waitUntil(() => !!part(element, 'conflict-reload-button') && part(element, 'conflict-reload-button')!.getAttribute('aria-disabled') === 'false', 'conflict shown');
      expect(text(part(element, 'conflict'))).to.contain('Another administrator saved these settings while you were editing.');
      expect(backend.memory.store.getPortalSettings(ORG)).to.deep.equal(theirs, 'their version is untouched');
      expect(element.hasUnsavedChanges).to.equal(true);
      await expectAccessibleInBothThemes(element);

      part<HTMLButtonElement>(element, 'conflict-reload-button')!.click();
      await waitUntil(() => !part(element, 'conflict'), 'conflict resolved');
      expect(switchOf(element, 'partner-added-email').checked).to.equal(false);
      expect(switchOf(element, 'deal-shared-email').checked).to.equal(false);
      expect(switchOf(element, 'notify-noteAdded-sms').checked).to.equal(theirs.notifications.noteAdded.sms);
      expect(element.hasUnsavedChanges).to.equal(false);
      await waitUntil(() => shadow(element).activeElement === part(element, 'save-button'), 'focus on Save');
    });

    it('keeps my edits when I choose so, and my next save replaces theirs knowingly', async () => {
      const element = await renderSettings(backend.adapter);
      const theirs = await saveBehindTheElementsBack({ partnerAddedEmail: false });
      await toggle(element, 'notify-noteAdded-sms');
      await save(element);
      await waitUntil(() => part(element, 'conflict-keep-button')?.getAttribute('aria-disabled') === 'false', 'conflict shown');
      expect(part(element, 'save-button')!.getAttribute('aria-disabled')).to.equal('true');
      await save(element);
      expect(backend.memory.store.getPortalSettings(ORG).version, 'Save waits for a choice').to.equal(theirs.version);

      part<HTMLButtonElement>(element, 'conflict-keep-button')!.click();
      await element.updateComplete;
      expect(part(element, 'conflict')).to.equal(null);
      expect(switchOf(element, 'notify-noteAdded-sms').checked).to.equal(!theirs.notifications.noteAdded.sms);
      expect(element.hasUnsavedChanges).to.equal(true);
      await save(element);
      await waitUntil(() => backend.memory.store.getPortalSettings(ORG).version === theirs.version + 1, 'saved over theirs');
      const stored = backend.memory.store.getPortalSettings(ORG);
      expect(stored.notifications.noteAdded.sms).to.equal(!theirs.notifications.noteAdded.sms);
      expect(stored.partnerAddedEmail, 'my version of the other switches').to.equal(true);
    });
  });

  describe('partner accounts', () => {
    it('validates a new account before calling the backend', async () => {
      const calls: NewPartnerAccount[] = [];
      const adapter = withOverrides(backend.adapter, {
        createPartnerAccount: (input: NewPartnerAccount, options: CreateOptions) => {
          calls.push(input);
          return backend.adapter.createPartnerAccount!(input, options);
        },
      });
      const element = await renderSettings(adapter);
      await submitNewAccount(element);
      expect(parts(element, 'field-error').map(text)).to.deep.equal([
        'Enter the partner’s name.',
        'Enter the partner’s email address.',
        'Enter the partner’s phone number.',
      ]);
      const name = byId(element, 'new-name')!;
      expect(name.getAttribute('aria-invalid')).to.equal('true');
      expect(name.getAttribute('aria-describedby')).to.equal('new-name-error');
      await waitUntil(() => shadow(element).activeElement === name, 'focus on the first invalid field');
      await expectAccessibleInBothThemes(element);

      await fillNewAccount(element, { name: 'Ana Ruiz', email: 'ana@', phone: '512 555 0100' });
      expect(parts(element, 'field-error').map(text), 'errors clear as the fields are edited').to.deep.equal([]);
      expect(name.getAttribute('aria-invalid')).to.equal('false');
      await submitNewAccount(element);
      expect(parts(element, 'field-error').map(text)).to.deep.equal(['Enter a valid email address, like name@example.com.']);
      expect(calls).to.deep.equal([]);
    });

    it('creates an account: in the store, in the list flagged as unallocated, with an event', async () => {
      const element = await renderSettings(backend.adapter);
      await fillNewAccount(element, { name: '  Ana Ruiz ', email: 'ana.ruiz@example.com', phone: '(512) 555-0100' });
      const created = oneEvent(element, 'pk-partner-account-created');
      await submitNewAccount(element);
      const event = await created;
      const stored = backend.memory.store.listPartnerAccounts(ORG).find((account) => account.email === 'ana.ruiz@example.com');
      expect(stored).to.include({ name: 'Ana Ruiz', phone: '(512) 555-0100' });
      expect(stored!.brokerIds).to.deep.equal([]);
      expect(event.detail.account).to.deep.equal(stored);
      await element.updateComplete;
      const item = accountItem(element, 'Ana Ruiz')!;
      expect(item.querySelector('[part~="unallocated-flag"]')).to.not.equal(null);
      expect(text(part(element, 'created-notice'))).to.equal(
        'Account created for Ana Ruiz. Allocate them to a broker so they can create deals.',
      );
      expect(byId(element, 'new-name')!.value).to.equal('');
      expect(byId(element, 'new-email')!.value).to.equal('');
      await expectAccessibleInBothThemes(element);
    });

    it('creates once however often it is submitted', async () => {
      const keys: string[] = [];
      const adapter = withOverrides(backend.adapter, {
        createPartnerAccount: (input: NewPartnerAccount, options: CreateOptions) => {
          keys.push(options.idempotencyKey);
          return backend.adapter.createPartnerAccount!(input, options);
        },
      });
      const element = await renderSettings(adapter);
      await fillNewAccount(element, { name: 'Bo Lind', email: 'bo.lind@example.com', phone: '512 555 0101' });
      const form = part<HTMLFormElement>(element, 'create-form')!;
      form.requestSubmit();
      form.requestSubmit();
      part<HTMLButtonElement>(element, 'create-button')!.click();
      await waitUntil(() => !!part(element, 'created-notice'), 'created');
      expect(keys).to.have.length(1);
      const matching = backend.memory.store.listPartnerAccounts(ORG).filter((account) => account.email === 'bo.lind@example.com');
      expect(matching).to.have.length(1);
      expect(parts(element, 'account-name').filter((name) => text(name) === 'Bo Lind')).to.have.length(1);
    });

    it('retries a create whose answer was lost with the same key, so the account exists once', async () => {
      const keys: string[] = [];
      let loseAnswer = true;
      const adapter = withOverrides(backend.adapter, {
        createPartnerAccount: async (input: NewPartnerAccount, options: CreateOptions) => {
          keys.push(options.idempotencyKey);
          const account = await backend.adapter.createPartnerAccount!(input, options);
          if (loseAnswer) {
            loseAnswer = false;
            throw new PartnerKitError('network', 'The connection dropped.');
          }
          return account;
        },
      });
      const element = await renderSettings(adapter);
      await fillNewAccount(element, { name: 'Cy Moss', email: 'cy.moss@example.com', phone: '512 555 0102' });
      await submitNewAccount(element);
      await waitUntil(() => !!part(element, 'create-error'), 'failure shown');
      expect(text(part(element, 'create-error'))).to.equal('The account was not created. The connection failed.');
      expect(byId(element, 'new-email')!.value, 'what was typed is kept').to.equal('cy.moss@example.com');

      await submitNewAccount(element);
      await waitUntil(() => !!part(element, 'created-notice'), 'created');
      expect(keys).to.have.length(2);
      expect(keys[1]).to.equal(keys[0]);
      const matching = backend.memory.store.listPartnerAccounts(ORG).filter((account) => account.email === 'cy.moss@example.com');
      expect(matching).to.have.length(1);
    });

    it('shows the backend’s field error under the field (an email that already has an account)', async () => {
      const element = await renderSettings(backend.adapter);
      await fillNewAccount(element, { name: 'Riley Again', email: 'riley.chen@chenreferrals.example', phone: '512 555 0103' });
      await submitNewAccount(element);
      await waitUntil(() => !!part(element, 'create-error'), 'failure shown');
      expect(parts(element, 'field-error').map(text)).to.deep.equal(['A partner with this email already has an account.']);
      expect(byId(element, 'new-email')!.getAttribute('aria-invalid')).to.equal('true');
      await waitUntil(() => shadow(element).activeElement === byId(element, 'new-email'), 'focus on the email');
    });

    it('allocates a partner to brokers: the flag disappears, and comes back when every broker is removed', async () => {
      const element = await renderSettings(backend.adapter);
      const id = 'pa-harbor-04';
      const luis = () => accountItem(element, 'Luis Ortega')!;
      const button = luis().querySelector<HTMLButtonElement>('[part~="allocate-button"]')!;
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(button.getAttribute('aria-label')).to.equal('Allocate brokers for Luis Ortega');
      button.click();
      await element.updateComplete;
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      const panel = luis().querySelector('[part~="allocation-panel"]')!;
      expect(button.getAttribute('aria-controls')).to.equal(panel.id);
      expect(text(panel.querySelector('legend'))).to.equal('Brokers for Luis Ortega');
      expect(text(panel.querySelector('.notice.warning'))).to.equal('With no broker selected, Luis Ortega cannot create deals.');
      const boxes = [...panel.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
      await waitUntil(() => shadow(element).activeElement === boxes[0], 'focus on the first broker');
      await expectAccessibleInBothThemes(element);

      boxes[2]!.click();
      boxes[0]!.click();
      await element.updateComplete;
      const allocated = oneEvent(element, 'pk-partner-allocated');
      luis().querySelector<HTMLButtonElement>('[part~="allocation-save-button"]')!.click();
      const event = await allocated;
      const stored = () => backend.memory.store.listPartnerAccounts(ORG).find((account) => account.id === id)!;
      expect(stored().brokerIds).to.deep.equal(['brk-harbor-1', 'brk-harbor-3']);
      expect(event.detail.account.brokerIds).to.deep.equal(['brk-harbor-1', 'brk-harbor-3']);
      await element.updateComplete;
      expect(luis().querySelector('[part~="unallocated-flag"]')).to.equal(null);
      expect(text(luis().querySelector('[part~="account-brokers"]'))).to.equal('Brokers: Priya Raman and Elena Vasquez');
      expect(luis().querySelector('[part~="allocation-panel"]')).to.equal(null);
      await waitUntil(() => currentAnnouncement() === 'Luis Ortega is allocated to Priya Raman and Elena Vasquez.', 'announced');
      await waitUntil(() => shadow(element).activeElement === luis().querySelector('[part~="allocate-button"]'), 'focus back');

      luis().querySelector<HTMLButtonElement>('[part~="allocate-button"]')!.click();
      await element.updateComplete;
      for (const box of luis().querySelectorAll<HTMLInputElement>('input[type="checkbox"]:checked')) box.click();
      await element.updateComplete;
      luis().querySelector<HTMLButtonElement>('[part~="allocation-save-button"]')!.click();
      await waitUntil(() => stored().brokerIds.length === 0, 'deallocated');
      await waitUntil(() => !!luis().querySelector('[part~="unallocated-flag"]'), 'flag back');
    });

    it('keeps the allocation open with the reason when it fails; Escape closes it', async () => {
      const element = await renderSettings(backend.adapter);
      const kenji = () => accountItem(element, 'Kenji Watanabe')!;
      kenji().querySelector<HTMLButtonElement>('[part~="allocate-button"]')!.click();
      await element.updateComplete;
      kenji().querySelector<HTMLInputElement>('input[type="checkbox"]')!.click();
      await element.updateComplete;
      backend.memory.setFailureRate(1);
      kenji().querySelector<HTMLButtonElement>('[part~="allocation-save-button"]')!.click();
      await waitUntil(() => !!kenji().querySelector('[part~="allocation-error"]'), 'failure shown');
      expect(text(kenji().querySelector('[part~="allocation-error"]'))).to.equal('The allocation was not saved. The connection failed.');
      expect(kenji().querySelector<HTMLInputElement>('input[type="checkbox"]')!.checked, 'choice kept').to.equal(true);
      expect(kenji().querySelector('[part~="unallocated-flag"]')).to.not.equal(null);
      await expectAccessibleInBothThemes(element);

      kenji().querySelector<HTMLInputElement>('input[type="checkbox"]')!.focus();
      await sendKeys({ press: 'Escape' });
      await element.updateComplete;
      expect(kenji().querySelector('[part~="allocation-panel"]')).to.equal(null);
      await waitUntil(() => shadow(element).activeElement === kenji().querySelector('[part~="allocate-button"]'), 'focus back');
    });

    it('renders hostile names as text', async () => {
      const hostile = '<img src=x onerror="window.__pkPwned = true">';
      const element = await renderSettings(backend.adapter);
      await fillNewAccount(element, { name: hostile, email: 'hostile@example.com', phone: '512 555 0104' });
      await submitNewAccount(element);
      await waitUntil(() => !!part(element, 'created-notice'), 'created');
      expect(parts(element, 'account-name').some((name) => name.textContent === hostile)).to.equal(true);
      expect(shadow(element).querySelector('img')).to.equal(null);
      expect((window as { __pkPwned?: boolean }).__pkPwned).to.equal(undefined);
    });
  });

  describe('states', () => {
    it('shows loading while the backend answers, accessibly', async () => {
      backend.memory.setLatency(10_000);
      const element = await fixture<PortalSettingsElement>(html`<portal-settings .adapter=${backend.adapter}></portal-settings>`);
      expect(text(part(element, 'state'))).to.equal('Loading settings…');
      await expectAccessibleInBothThemes(element);
      element.remove();
    });

    it('shows a load failure with a working retry that moves focus to the settings', async () => {
      backend.memory.setFailureRate(1);
      const element = await renderSettings(backend.adapter, 'settled');
      expect(text(part(element, 'state'))).to.equal('The settings could not be loaded. The connection failed. Try again');
      await expectAccessibleInBothThemes(element);
      backend.memory.setFailureRate(0);
      part<HTMLButtonElement>(element, 'retry-button')!.click();
      await waitUntil(() => isLoaded(element), 'loaded after retry');
      await waitUntil(() => shadow(element).activeElement === shadow(element).querySelector('#workflow-heading'), 'focus');
    });

    it('shows empty states: no workflows, no partner accounts, no brokers', async () => {
      const adapter = withOverrides(backend.adapter, {
        listWorkflows: () => Promise.resolve([]),
        listPartnerAccounts: () => Promise.resolve([]),
        listBrokers: () => Promise.resolve([]),
      });
      const element = await renderSettings(adapter);
      expect(text(shadow(element).querySelector('#workflow-empty'))).to.equal(
        'This organisation has no workflows yet, so deals added by partners have no workflow to go to.',
      );
      const select = part<HTMLSelectElement>(element, 'workflow-select')!;
      expect([...select.options].map((option) => option.textContent)).to.deep.equal([
        'No default workflow',
        'A workflow that no longer exists',
      ]);
      expect(part(element, 'account-list')).to.equal(null);
      expect(text(shadow(element).querySelector('[aria-labelledby="accounts-heading"] .notice'))).to.equal(
        'No partner accounts yet. Create the first one below.',
      );
      await expectAccessibleInBothThemes(element);
    });

    for (const role of ['lender', 'agent', 'broker', 'partner'] as const) {
      it(`tells a ${role} they may not change the portal settings`, async () => {
        backend.memory.store.setSession({ role });
        const element = await renderSettings(backend.adapter, 'settled');
        expect(text(part(element, 'state'))).to.equal(
          'Only organisation administrators can change the partner portal settings.',
        );
        expect(shadow(element).querySelector('form')).to.equal(null);
        await expectAccessibleInBothThemes(element);
      });
    }

    it('hides what the adapter cannot do, and is read-only without updatePortalSettings', async () => {
      const adapter = withOverrides(backend.adapter, {
        capabilities: { updatePortalSettings: false, createPartnerAccount: false, allocatePartner: false },
      });
      const element = await renderSettings(adapter);
      expect(part(element, 'create-form')).to.equal(null);
      expect(part(element, 'allocate-button')).to.equal(null);
      expect(part(element, 'save-button')).to.equal(null);
      expect(switchOf(element, 'partner-added-email').disabled).to.equal(true);
      expect(switchOf(element, 'partner-added-email').checked).to.equal(true, 'still shows the stored value');
      expect(text(part(element, 'save-status'))).to.equal('These settings cannot be changed here.');
      expect(parts(element, 'unallocated-flag')).to.have.length(2);
    });

    it('speaks Spanish', async () => {
      await loadLocale('es');
      document.documentElement.lang = 'es';
      const element = await renderSettings(backend.adapter);
      expect(text(shadow(element).querySelector('#actions-heading'))).to.equal('Acciones y notificaciones');
      expect(text(accountItem(element, 'Luis Ortega')!.querySelector('[part~="unallocated-flag"]'))).to.equal(
        'Sin asignar a un bróker. Este socio no puede crear negocios hasta que lo asigne a un bróker.',
      );
      await expect(element).to.be.accessible();
    });
  });
});

describe('<portal-settings> without an adapter', () => {
  it('shows an error state naming the problem, and no uncaught error', async () => {
    const element = await fixture<PortalSettingsElement>(html`<portal-settings></portal-settings>`);
    await waitUntil(() => !!part(element, 'retry-button'), 'error state');
    expect(text(part(element, 'state'))).to.contain('The settings could not be loaded.');
  });
});
