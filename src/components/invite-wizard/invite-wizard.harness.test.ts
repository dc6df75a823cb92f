/**
 * Shared helpers of the invite wizard's test files (no tests here; the
 * `.test.ts` name keeps it out of the library build, like the tests).
 */
import { fixture, html } from '@open-wc/testing';
import { waitUntil } from '../../../test/support/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import { createBackend, type Backend, type BackendKind } from '../../../test/support/backends.js';
import { PartnerKitError } from '../../adapter/errors.js';
import type { MemoryAdapterOptions } from '../../adapter/memory/index.js';
import type { Contact } from '../../adapter/schemas.js';
import type { InviteWizard } from './invite-wizard.component.js';
import './invite-wizard.js';

/** Seed 1 contacts with a known kind (see seed-data.ts). */
export const NEW_CONTACT = 'Siobhan Anderson';
export const EXISTING_USER_CONTACT = 'Leilani Adams';
export const CONNECTED_CONTACT = 'Omar Cohen';
export const NO_EMAIL_CONTACT = 'Isabella Lee';

/** waitUntil with room for a loaded machine (other suites run at the same time). */
export function until(predicate: () => unknown, message: string): Promise<void> {
  return waitUntil(predicate, message, { timeout: 5000 });
}

export const root = (wizard: InviteWizard): ShadowRoot => wizard.shadowRoot!;
export const $ = <T extends Element = HTMLElement>(wizard: InviteWizard, selector: string): T | null =>
  root(wizard).querySelector<T>(selector);
export const $$ = <T extends Element = HTMLElement>(wizard: InviteWizard, selector: string): T[] => [
  ...root(wizard).querySelectorAll<T>(selector),
];

export const heading = (wizard: InviteWizard): string => $(wizard, '#step-heading')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
export const input = (wizard: InviteWizard): HTMLInputElement => $<HTMLInputElement>(wizard, '#recipient-input')!;
export const chips = (wizard: InviteWizard): HTMLLIElement[] => $$<HTMLLIElement>(wizard, '.chip');
export const chipTexts = (wizard: InviteWizard): string[] =>
  chips(wizard).map((chip) => chip.querySelector('.chip-text')!.textContent!.trim());
export const invalidChipTexts = (wizard: InviteWizard): string[] =>
  chips(wizard)
    .filter((chip) => chip.classList.contains('invalid'))
    .map((chip) => chip.querySelector('.chip-text')!.textContent!.trim());
export const currentStep = (wizard: InviteWizard): string =>
  $(wizard, '.stepper [aria-current="step"] .stepper-label')?.textContent?.trim() ?? '';
export const stepperLabels = (wizard: InviteWizard): string[] =>
  $$(wizard, '.stepper .stepper-label').map((label) => label.textContent!.trim());
export const activeInWizard = (wizard: InviteWizard): Element | null => root(wizard).activeElement;

/** The button whose visible text is `text` (exact, whitespace collapsed). */
export function button(wizard: InviteWizard, text: string | RegExp): HTMLButtonElement | null {
  return (
    $$<HTMLButtonElement>(wizard, 'button').find((candidate) => {
      const label = candidate.textContent!.replace(/\s+/g, ' ').trim();
      return typeof text === 'string' ? label === text : text.test(label);
    }) ?? null
  );
}

export async function click(wizard: InviteWizard, text: string | RegExp): Promise<void> {
  const target = button(wizard, text);
  if (!target) throw new Error(`No button "${String(text)}" in: ${$$(wizard, 'button').map((b) => b.textContent!.trim()).join(' | ')}`);
  target.click();
  await wizard.updateComplete;
}

export async function waitForHeading(wizard: InviteWizard, text: string | RegExp, message?: string): Promise<void> {
  await waitUntil(
    () => (typeof text === 'string' ? heading(wizard) === text : text.test(heading(wizard))),
    message ?? `the step heading becomes ${String(text)} (it is "${heading(wizard)}"; error: ${$(wizard, '#step-error')?.textContent ?? 'none'})`,
    { timeout: 5000 },
  );
}

/** Waits until the session loaded and Contact Selection shows. */
export async function ready(wizard: InviteWizard): Promise<void> {
  await waitUntil(() => $(wizard, '#recipient-input') !== null, 'Contact Selection is shown', { timeout: 5000 });
}

export interface Setup {
  wizard: InviteWizard;
  backend: Backend;
}

/** A fresh backend and a wizard on it (no draft left from another test). */
export async function setup(
  kind: BackendKind,
  options: { memory?: MemoryAdapterOptions; contact?: Contact; prepare?: (backend: Backend) => void; wait?: boolean } = {},
): Promise<Setup> {
  sessionStorage.clear();
  const backend = await createBackend(kind, options.memory);
  options.prepare?.(backend);
  const wizard = await fixture<InviteWizard>(
    html`<invite-wizard .adapter=${backend.adapter} .contact=${options.contact ?? null}></invite-wizard>`,
  );
  if (options.wait !== false && !options.contact) await ready(wizard);
  return { wizard, backend };
}

export function contactNamed(backend: Backend, name: string): Contact {
  const contact = backend.memory.store.searchContacts(name, 5).find((entry) => `${entry.firstName} ${entry.lastName}` === name);
  if (!contact) throw new Error(`No contact ${name}`);
  return contact;
}

/** Types into the recipient input with real key presses. */
export async function typeRecipients(wizard: InviteWizard, text: string): Promise<void> {
  input(wizard).focus();
  await sendKeys({ type: text });
  await wizard.updateComplete;
}

/** Pastes `text` into the recipient input as the browser would (a paste event with clipboard data). */
export async function paste(wizard: InviteWizard, text: string): Promise<void> {
  const target = input(wizard);
  target.focus();
  const data = new DataTransfer();
  data.setData('text/plain', text);
  target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true }));
  await wizard.updateComplete;
}

/** Adds the recipients as chips: paste then wait for the render. */
export async function addRecipients(wizard: InviteWizard, ...emails: string[]): Promise<void> {
  await paste(wizard, emails.join(', '));
}

/** Picks a contact through the combobox, by keyboard. */
export async function pickContact(wizard: InviteWizard, query: string): Promise<void> {
  await typeRecipients(wizard, query);
  await waitUntil(() => $$(wizard, '[role="option"]').length > 0 && input(wizard).getAttribute('aria-expanded') === 'true', 'contacts offered', {
    timeout: 5000,
  });
  await sendKeys({ press: 'ArrowDown' });
  await wizard.updateComplete;
  await sendKeys({ press: 'Enter' });
  await wizard.updateComplete;
}

export function partnersWithEmail(backend: Backend, email: string) {
  return backend.memory.store.listPartners({ search: email, limit: 100 }).items.filter((partner) => partner.email === email.toLowerCase());
}

/**
 * Makes the next call of `method` reach the backend (it is created) and then
 * fail as if the response was lost on the way back; records every key used.
 * Works for both backends: the REST handlers call the memory adapter too.
 */
export function loseFirstResponse<M extends 'createPrefilledAccount' | 'linkExistingUser' | 'createInvitations'>(
  backend: Backend,
  method: M,
): { keys: string[] } {
  const memory = backend.memory as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  const original = memory[method]!;
  const keys: string[] = [];
  let calls = 0;
  memory[method] = async (...args: unknown[]) => {
    const options = args[args.length - 1] as { idempotencyKey: string };
    keys.push(options.idempotencyKey);
    const result = await original(...args);
    if (++calls === 1) throw new PartnerKitError('network', 'The connection dropped after the server answered.');
    return result;
  };
  return { keys };
}

/** Records the calls of `method` the backend received (both backends). */
export function recordCalls(backend: Backend, method: string): unknown[][] {
  const memory = backend.memory as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  const original = memory[method]!;
  const calls: unknown[][] = [];
  memory[method] = (...args: unknown[]) => {
    calls.push(args);
    return original(...args);
  };
  return calls;
}

/** A real (decodable) 8×8 image of `type`, padded with trailing bytes to `size` when given. */
export async function imageFile(type: 'image/png' | 'image/jpeg' | 'image/webp', name: string, size?: number): Promise<File> {
  const canvas = new OffscreenCanvas(8, 8);
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#1f5fd1';
  context.fillRect(0, 0, 8, 8);
  const blob = await canvas.convertToBlob({ type });
  if (blob.type !== type) throw new Error(`This browser cannot encode ${type}`);
  const parts: BlobPart[] = [blob];
  if (size !== undefined) {
    if (size < blob.size) throw new Error(`${size} bytes is smaller than the image itself`);
    parts.push(new Uint8Array(size - blob.size));
  }
  return new File(parts, name, { type });
}

/** Chooses `file` in the image picker of `kind`, as the file dialog would. */
export async function chooseImage(wizard: InviteWizard, kind: 'photo' | 'logo', file: File): Promise<void> {
  const fileInput = $<HTMLInputElement>(wizard, `#image-${kind}-input`)!;
  const data = new DataTransfer();
  data.items.add(file);
  fileInput.files = data.files;
  fileInput.dispatchEvent(new Event('change', { bubbles: true }));
  await wizard.updateComplete;
}

/** Drops `file` on the drop zone of `kind`. */
export async function dropImage(wizard: InviteWizard, kind: 'photo' | 'logo', file: File): Promise<void> {
  const zone = $(wizard, `#image-${kind}-choose`)!.closest('.drop-zone')!;
  const data = new DataTransfer();
  data.items.add(file);
  zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
  zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  await wizard.updateComplete;
}

export function resetTheme(): void {
  delete document.documentElement.dataset.theme;
  document.documentElement.style.colorScheme = '';
}

export function darkTheme(): void {
  document.documentElement.dataset.theme = 'dark';
  document.documentElement.style.colorScheme = 'dark';
}
