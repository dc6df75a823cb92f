/**
 * The vanilla-DOM baseline of invite-wizard: the same visible first step
 * (stepper, heading, recipients chip field, contact search, actions) and the
 * same step change (Next → the adapter's recipient lookup → General Info with
 * its fields, focus on the step heading), hand-written.
 */
import { parseEmailList } from '../../src/domain/emails.js';
import type { BenchAdapter } from './adapter-setup.js';
import { exposeWizardPage } from './wizard-page.js';

const STEPS = ['Contact Selection', 'General Info', 'MLS Info', 'Images', 'Review and Confirm'];
const GENERAL_FIELDS = [
  'First name',
  'Last name',
  'Company',
  'Street address',
  'Suite / unit / building / floor / other',
  'City',
  'State',
  'ZIP',
  'Job title',
  'Office phone',
  'Mobile phone',
  'Time zone',
];

const STYLE = `
.vw { max-width: 720px; border: 1px solid #d0d4da; border-radius: 8px; padding: 16px; }
.vw ol { display: flex; gap: 12px; list-style: none; padding: 0; margin: 0 0 12px; font-size: 12px; color: #475569; }
.vw ol [aria-current="step"] { color: #1d4ed8; font-weight: 600; }
.vw h2 { margin: 0 0 12px; font-size: 18px; }
.vw label { display: block; margin: 8px 0 4px; font-weight: 600; }
.vw input { font: inherit; padding: 6px 8px; width: 100%; box-sizing: border-box; }
.vw .chips { display: flex; flex-wrap: wrap; gap: 4px; border: 1px solid #94a3b8; border-radius: 6px; padding: 4px; }
.vw .chips input { border: 0; flex: 1; width: auto; min-width: 12ch; }
.vw .chip { display: inline-flex; gap: 4px; align-items: center; background: #e2e8f0; border-radius: 999px; padding: 2px 8px; }
.vw .grid { display: grid; grid-template-columns: 1fr 1fr; gap: 0 12px; }
.vw .actions { display: flex; gap: 8px; justify-content: flex-end; margin-top: 16px; }
.vw button { font: inherit; padding: 6px 12px; }
`;

function field(labelText: string, input: HTMLInputElement, id: string): HTMLElement[] {
  const label = document.createElement('label');
  label.textContent = labelText;
  label.htmlFor = id;
  input.id = id;
  return [label, input];
}

function openVanilla(container: HTMLElement, bench: BenchAdapter): Element {
  const wizard = document.createElement('section');
  wizard.className = 'vw';
  wizard.setAttribute('aria-labelledby', 'vw-heading');
  const style = document.createElement('style');
  style.textContent = STYLE;
  const stepper = document.createElement('ol');
  const items = STEPS.map((step) => {
    const item = document.createElement('li');
    item.textContent = step;
    return item;
  });
  stepper.append(...items);
  const heading = document.createElement('h2');
  heading.id = 'vw-heading';
  heading.tabIndex = -1;
  const body = document.createElement('div');
  wizard.append(style, stepper, heading, body);

  const emails: string[] = [];
  const setStep = (index: number) => {
    items.forEach((item, i) => (i === index ? item.setAttribute('aria-current', 'step') : item.removeAttribute('aria-current')));
    heading.textContent = STEPS[index] ?? '';
  };

  const showContactSelection = () => {
    setStep(0);
    const chips = document.createElement('div');
    chips.className = 'chips';
    chips.setAttribute('role', 'group');
    const input = document.createElement('input');
    input.type = 'text';
    input.autocomplete = 'off';
    input.addEventListener('input', () => {
      if (!/[,;]\s*$/.test(input.value)) return;
      for (const entry of parseEmailList(input.value).valid) {
        emails.push(entry);
        const chip = document.createElement('span');
        chip.className = 'chip';
        const remove = document.createElement('button');
        remove.type = 'button';
        remove.textContent = '×';
        remove.setAttribute('aria-label', `Remove ${entry}`);
        chip.append(entry, remove);
        chips.insertBefore(chip, input);
      }
      input.value = '';
    });
    chips.append(input);
    const search = document.createElement('input');
    search.type = 'text';
    search.setAttribute('role', 'combobox');
    search.setAttribute('aria-expanded', 'false');
    const help = document.createElement('p');
    help.textContent = 'Type or paste email addresses, separated by commas, semicolons or new lines.';
    const actions = document.createElement('div');
    actions.className = 'actions';
    const cancel = document.createElement('button');
    cancel.textContent = 'Cancel';
    const create = document.createElement('button');
    create.textContent = 'Create Invitation';
    const next = document.createElement('button');
    next.textContent = 'Next';
    next.addEventListener('click', () => void goNext());
    actions.append(cancel, create, next);
    // The label names the input inside the chip group.
    const [emailLabel] = field('Email addresses', input, 'vw-emails');
    body.replaceChildren(emailLabel as HTMLElement, chips, ...field('Search contacts by name', search, 'vw-search'), help, actions);
  };

  const showGeneralInfo = () => {
    setStep(1);
    const grid = document.createElement('div');
    grid.className = 'grid';
    GENERAL_FIELDS.forEach((label, index) => {
      const cellDiv = document.createElement('div');
      const input = document.createElement('input');
      input.type = 'text';
      cellDiv.append(...field(label, input, `vw-general-${index}`));
      grid.append(cellDiv);
    });
    const actions = document.createElement('div');
    actions.className = 'actions';
    const back = document.createElement('button');
    back.textContent = 'Back';
    const next = document.createElement('button');
    next.textContent = 'Next';
    actions.append(back, next);
    body.replaceChildren(grid, actions);
    heading.focus();
  };

  const goNext = async () => {
    if (emails.length === 0) return;
    await bench.adapter.lookupRecipients(emails);
    showGeneralInfo();
  };

  showContactSelection();
  container.append(wizard);
  return wizard;
}

exposeWizardPage({ open: openVanilla });
