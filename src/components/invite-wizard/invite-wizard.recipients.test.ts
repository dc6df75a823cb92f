import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { forEachBackend } from '../../../test/support/backends.js';
import { MemoryStore } from '../../adapter/memory/store.js';
import { generateSeedData } from '../../adapter/memory/seed-data.js';
import { currentAnnouncement } from '../../internal/live-region.js';
import {
  $,
  $$,
  activeInWizard,
  chips,
  chipTexts,
  click,
  input,
  invalidChipTexts,
  NEW_CONTACT,
  NO_EMAIL_CONTACT,
  paste,
  recordCalls,
  setup,
  typeRecipients,
  until,
} from './invite-wizard.harness.test.js';

const options = (wizard: Parameters<typeof $>[0]) => $$(wizard, '[role="option"]');
const expanded = (wizard: Parameters<typeof $>[0]) => input(wizard).getAttribute('aria-expanded') === 'true';

forEachBackend('<invite-wizard> recipients', (kind) => {
  describe('chip input', () => {
    it('turns a pasted list into chips: commas, semicolons, spaces, new lines and "Name <address>"', async () => {
      const { wizard } = await setup(kind);
      await paste(wizard, 'ann@example.com, bob@example.com; carl@example.com\ndora@example.com  "Smith, John" <JOHN@Smith.example>');
      expect(chipTexts(wizard)).to.deep.equal([
        'ann@example.com',
        'bob@example.com',
        'carl@example.com',
        'dora@example.com',
        'john@smith.example',
      ]);
      expect($$(wizard, '.chip-name').map((name) => name.textContent)).to.deep.equal(['Smith, John']);
      expect(input(wizard).value, 'the input is empty again').to.equal('');
      expect($(wizard, '.chips')!.getAttribute('aria-label')).to.equal('Recipients (5)');
    });

    it('keeps invalid entries as highlighted chips and folds repeated addresses into one', async () => {
      const { wizard } = await setup(kind);
      await paste(wizard, 'ann@example.com, not-an-address, bob@example, ann@example.com, ANN@example.com');
      expect(chipTexts(wizard)).to.deep.equal(['ann@example.com', 'not-an-address', 'bob@example']);
      expect(invalidChipTexts(wizard)).to.deep.equal(['not-an-address', 'bob@example']);
      expect(input(wizard).getAttribute('aria-invalid')).to.equal('true');
      const described = input(wizard).getAttribute('aria-describedby')!.split(' ');
      expect(described).to.include('recipient-invalid');
      expect($(wizard, '#recipient-invalid')!.textContent).to.contain('2 entries are not valid email addresses');
      expect($(wizard, '#recipient-notice')!.textContent).to.contain('Already in the list: ann@example.com');
      expect(chips(wizard)[1]!.getAttribute('part')).to.equal('chip chip-invalid');
      await until(() => currentAnnouncement().includes('2 of them are not valid'), 'the invalid entries are announced');
    });

    it('makes a chip when a typed address is followed by a comma or Enter, and keeps a name typed to search', async () => {
      const { wizard } = await setup(kind);
      await typeRecipients(wizard, 'ann@example.com,');
      expect(chipTexts(wizard)).to.deep.equal(['ann@example.com']);
      await sendKeys({ type: 'bob@example.com carl@example.com' });
      await sendKeys({ press: 'Enter' });
      await wizard.updateComplete;
      expect(chipTexts(wizard)).to.deep.equal(['ann@example.com', 'bob@example.com', 'carl@example.com']);
      await sendKeys({ type: 'Smith, John' });
      await wizard.updateComplete;
      expect(chipTexts(wizard), 'a comma after a name does not end an entry').to.have.length(3);
      expect(input(wizard).value).to.equal('Smith, John');
    });

    it('turns an address left in the input into a chip when focus leaves, and all text on Next', async () => {
      const { wizard } = await setup(kind);
      await typeRecipients(wizard, 'ann@example.com');
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      await until(() => chipTexts(wizard).length === 1, 'the address became a chip on blur');
      await typeRecipients(wizard, 'Smithers');
      expect(chipTexts(wizard), 'a name typed to search stays text').to.have.length(1);
      await click(wizard, 'Next');
      await until(() => chipTexts(wizard).length === 2, 'the text became a chip');
      expect(invalidChipTexts(wizard), 'kept, not dropped').to.deep.equal(['Smithers']);
    });

    it('is fully usable by keyboard: Backspace and arrows reach the chips, Delete removes, Enter edits', async () => {
      const { wizard } = await setup(kind);
      await paste(wizard, 'ann@example.com, bob@exmaple, carl@example.com');
      input(wizard).focus();
      await sendKeys({ press: 'Backspace' });
      expect(activeInWizard(wizard)?.closest('.chip')?.textContent).to.contain('carl@example.com');
      await sendKeys({ press: 'ArrowLeft' });
      expect(activeInWizard(wizard)?.closest('.chip')?.textContent).to.contain('bob@exmaple');
      expect((activeInWizard(wizard) as HTMLElement).getAttribute('aria-describedby')).to.equal('chip-hint');

      // Enter on the invalid chip puts its text back in the input for editing.
      await sendKeys({ press: 'Enter' });
      await wizard.updateComplete;
      expect(activeInWizard(wizard)).to.equal(input(wizard));
      expect(input(wizard).value).to.equal('bob@exmaple');
      expect(chipTexts(wizard)).to.deep.equal(['ann@example.com', 'carl@example.com']);
      for (let i = 0; i < 'maple'.length; i++) await sendKeys({ press: 'Backspace' });
      await sendKeys({ type: 'ample.com' });
      await sendKeys({ press: 'Enter' });
      await wizard.updateComplete;
      expect(chipTexts(wizard)).to.deep.equal(['ann@example.com', 'carl@example.com', 'bob@example.com']);
      expect(invalidChipTexts(wizard)).to.deep.equal([]);
      expect(input(wizard).getAttribute('aria-invalid')).to.equal('false');

      // Delete removes the focused chip; focus moves to the next one.
      await sendKeys({ press: 'Backspace' });
      await sendKeys({ press: 'Home' });
      expect(activeInWizard(wizard)?.closest('.chip')?.textContent).to.contain('ann@example.com');
      await sendKeys({ press: 'Delete' });
      await wizard.updateComplete;
      expect(chipTexts(wizard)).to.deep.equal(['carl@example.com', 'bob@example.com']);
      expect(activeInWizard(wizard)?.closest('.chip')?.textContent).to.contain('carl@example.com');
      await until(() => currentAnnouncement() === 'Removed ann@example.com.', 'the removal is announced');
      await sendKeys({ press: 'End' });
      await sendKeys({ press: 'ArrowRight' });
      expect(activeInWizard(wizard)).to.equal(input(wizard));
    });

    it('keeps one tab stop for the chips (roving tabindex)', async () => {
      const { wizard } = await setup(kind);
      await paste(wizard, 'ann@example.com, bob@example.com, carl@example.com');
      const tabbable = $$<HTMLButtonElement>(wizard, '.chip button').filter((button) => button.tabIndex === 0);
      expect(tabbable).to.have.length(1);
    });

    it('removes a chip with its × button', async () => {
      const { wizard } = await setup(kind);
      await paste(wizard, 'ann@example.com, bob@example.com');
      const remove = $$<HTMLButtonElement>(wizard, '.chip-remove')[0]!;
      expect(remove.getAttribute('aria-label')).to.equal('Remove ann@example.com');
      remove.click();
      await wizard.updateComplete;
      expect(chipTexts(wizard)).to.deep.equal(['bob@example.com']);
      expect(activeInWizard(wizard)).to.equal(input(wizard));
    });

    it('asks for a recipient, and for invalid entries to be fixed, before going on (no adapter call)', async () => {
      let lookups: unknown[][] = [];
      const { wizard } = await setup(kind, { prepare: (backend) => (lookups = recordCalls(backend, 'lookupRecipients')) });
      await click(wizard, 'Next');
      expect($(wizard, '#recipient-error')!.textContent).to.contain('Enter at least one email address');
      expect(input(wizard).getAttribute('aria-describedby')).to.contain('recipient-error');
      await until(() => activeInWizard(wizard) === input(wizard), 'focus goes to the field in error');
      await paste(wizard, 'ann@example.com, oops');
      await click(wizard, 'Create Invitation');
      expect($(wizard, '#recipient-error')!.textContent).to.contain('One entry is not a valid email address');
      expect(lookups).to.have.length(0);
      expect(chipTexts(wizard)).to.deep.equal(['ann@example.com', 'oops']);
    });
  });

  describe('contact search (combobox)', () => {
    it('is a combobox with a listbox, searched after a pause, operated by keyboard', async () => {
      let searches: unknown[][] = [];
      const { wizard } = await setup(kind, { prepare: (backend) => (searches = recordCalls(backend, 'searchContacts')) });
      const field = input(wizard);
      expect(field.getAttribute('role')).to.equal('combobox');
      expect(field.getAttribute('aria-controls')).to.equal('contact-listbox');
      expect(field.getAttribute('aria-autocomplete')).to.equal('list');
      expect(field.getAttribute('aria-expanded')).to.equal('false');

      await typeRecipients(wizard, 'Siobhan');
      await until(() => expanded(wizard), 'the listbox opens');
      expect(searches.length, 'debounced: not one search per key').to.be.lessThan('Siobhan'.length);
      expect(searches[searches.length - 1]![0]).to.equal('Siobhan');
      const names = options(wizard).map((option) => option.querySelector('.option-name')!.textContent);
      expect(names).to.include(NEW_CONTACT);
      expect($(wizard, '#contact-listbox')!.getAttribute('role')).to.equal('listbox');
      expect(field.hasAttribute('aria-activedescendant')).to.equal(false);

      await sendKeys({ press: 'ArrowDown' });
      await wizard.updateComplete;
      expect(field.getAttribute('aria-activedescendant')).to.equal('contact-option-0');
      expect(options(wizard)[0]!.getAttribute('aria-selected')).to.equal('true');
      expect(activeInWizard(wizard), 'focus stays in the input').to.equal(field);
      await sendKeys({ press: 'ArrowUp' });
      await wizard.updateComplete;
      const last = options(wizard).length - 1;
      expect(field.getAttribute('aria-activedescendant'), 'ArrowUp from the first wraps to the last').to.equal(`contact-option-${last}`);

      // Escape closes the listbox and does not reach a surrounding dialog.
      let escapes = 0;
      const onKeydown = (event: KeyboardEvent) => {
        if (event.key === 'Escape') escapes++;
      };
      document.addEventListener('keydown', onKeydown);
      await sendKeys({ press: 'Escape' });
      await wizard.updateComplete;
      document.removeEventListener('keydown', onKeydown);
      expect(escapes).to.equal(0);
      await until(() => !expanded(wizard), 'closed by Escape');
      expect(field.hasAttribute('aria-activedescendant')).to.equal(false);

      // ArrowDown opens it again; Enter picks the active contact.
      await sendKeys({ press: 'ArrowDown' });
      await until(() => expanded(wizard), 'opened by ArrowDown');
      const picked = options(wizard)[0]!.querySelector('.option-name')!.textContent!;
      await sendKeys({ press: 'Enter' });
      await wizard.updateComplete;
      expect($$(wizard, '.chip-name').map((name) => name.textContent)).to.deep.equal([picked]);
      expect(field.value).to.equal('');
      await until(() => !expanded(wizard), 'closed after picking');
      await until(() => currentAnnouncement() === `Added ${picked}.`, 'the pick is announced');
    });

    it('offers the contact whose email matches a typed address, and links the typed chip to it', async () => {
      const { wizard } = await setup(kind);
      await typeRecipients(wizard, 'siobhan.anderson@');
      await until(() => expanded(wizard), 'the matching contact is offered');
      expect(options(wizard).map((option) => option.querySelector('.option-name')!.textContent)).to.deep.equal([NEW_CONTACT]);
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Enter' });
      await wizard.updateComplete;
      expect($$(wizard, '.chip-name').map((name) => name.textContent)).to.deep.equal([NEW_CONTACT]);
      expect(chipTexts(wizard)).to.deep.equal(['siobhan.anderson@lakesiderealty.example']);
      // The same address typed again is folded into the contact's chip.
      await paste(wizard, 'Siobhan.Anderson@lakesiderealty.example');
      expect(chipTexts(wizard)).to.have.length(1);
    });

    it('picks a contact with the mouse without losing focus', async () => {
      const { wizard } = await setup(kind);
      await typeRecipients(wizard, 'Siobhan And');
      await until(() => expanded(wizard), 'offered');
      const option = options(wizard)[0]!;
      option.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, cancelable: true, composed: true }));
      option.click();
      await wizard.updateComplete;
      expect($$(wizard, '.chip-name').map((name) => name.textContent)).to.deep.equal([NEW_CONTACT]);
      expect(activeInWizard(wizard)).to.equal(input(wizard));
    });

    it('shows a contact without an email address as unavailable, and does not add it', async () => {
      const { wizard } = await setup(kind);
      await typeRecipients(wizard, NO_EMAIL_CONTACT);
      await until(() => expanded(wizard), 'offered');
      const option = options(wizard)[0]!;
      expect(option.getAttribute('aria-disabled')).to.equal('true');
      expect(option.textContent).to.contain('No email address');
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Enter' });
      await wizard.updateComplete;
      expect(chips(wizard)).to.have.length(0);
      await until(() => currentAnnouncement('assertive').includes('has no email address'), 'said why');
    });

    it('says when nothing matches, and keeps the typed text', async () => {
      const { wizard } = await setup(kind);
      await typeRecipients(wizard, 'Zzyzx');
      await until(() => $(wizard, '.search-status')?.textContent?.includes('No contacts match “Zzyzx”') === true, 'no match said');
      expect(expanded(wizard)).to.equal(false);
      expect(input(wizard).value).to.equal('Zzyzx');
    });

    it('says when the search fails, without an uncaught error', async () => {
      const { wizard, backend } = await setup(kind);
      backend.memory.setFailureRate(1);
      await typeRecipients(wizard, 'Siobhan');
      await until(() => $(wizard, '.search-status')?.textContent?.includes('could not be searched') === true, 'the failure is said');
      backend.memory.setFailureRate(0);
      await sendKeys({ type: ' And' });
      await until(() => expanded(wizard), 'typing again searches again');
    });

    it('shows hostile contact names as text', async () => {
      const hostile = '<img src=x onerror="window.__pkHostile=1">';
      const data = generateSeedData({ seed: 1 });
      const target = data.contacts.find((contact) => `${contact.firstName} ${contact.lastName}` === NEW_CONTACT)!;
      target.firstName = hostile;
      const { wizard } = await setup(kind, { memory: { store: new MemoryStore({ data }) } });
      await typeRecipients(wizard, 'Anderson');
      await until(() => expanded(wizard), 'offered');
      const option = options(wizard).find((candidate) => candidate.textContent!.includes('Anderson'))!;
      expect(option.querySelector('.option-name')!.textContent).to.equal(`${hostile} Anderson`);
      expect(option.querySelector('img')).to.equal(null);
      expect((window as { __pkHostile?: number }).__pkHostile).to.equal(undefined);
    });
  });
});
