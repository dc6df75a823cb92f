/**
 * "Add new deal" (seed 004): a modal dialog with the clients (first name,
 * last name, phone, email: all required; "+ Add New Contact" for more), the
 * summary notes (required), a broker and labels. Save creates the deal with
 * one idempotency key per intent, so a double click or a retry after a lost
 * response never creates two; nothing typed is lost when saving fails.
 *
 * Loaded on the first "Add new deal" (and prefetched when the page is idle
 * after the board shows, or when that button is pointed at or focused), not
 * with the board. It brings its own strings and the dialogs' styles, which
 * the board adopts.
 */
import { html, nothing, type ReactiveControllerHost } from 'lit';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { isAbortError, PartnerKitError, toPartnerKitError } from '../../adapter/errors.js';
import { newIdempotencyKey } from '../../adapter/idempotency.js';
import type { Broker, Deal, NewDealInput, PartnerKitAdapter } from '../../adapter/types.js';
import { isValidEmail } from '../../domain/emails.js';
import { DataController } from '../../internal/data-controller.js';
import type { LocaleController } from '../../internal/locale-controller.js';
import { registerMessages, type MessageKey } from '../../locales/index.js';
import { dealBoardViewsEn } from '../../locales/partner-deal-board.views.en.js';
import { parseLabels } from './board-model.js';
import { dealDialogStyles } from './deal-dialogs.styles.js';
import { isStaleClose } from '../../internal/dialog-close.js';

// The form's own strings come with it (Spanish comes with the board's catalogue).
registerMessages(dealBoardViewsEn);

export { dealDialogStyles };

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

const CLIENT_FIELDS = ['firstName', 'lastName', 'phone', 'email'] as const;
type ClientField = (typeof CLIENT_FIELDS)[number];

const CLIENT_FIELD_LABELS: Record<ClientField, MessageKey> = {
  firstName: 'dealBoard.form.first-name',
  lastName: 'dealBoard.form.last-name',
  phone: 'dealBoard.form.phone',
  email: 'dealBoard.form.email',
};
const CLIENT_FIELD_INPUT: Record<ClientField, { type: 'text' | 'tel' | 'email'; inputmode?: 'tel' | 'email' }> = {
  firstName: { type: 'text' },
  lastName: { type: 'text' },
  phone: { type: 'tel', inputmode: 'tel' },
  email: { type: 'email', inputmode: 'email' },
};

interface ContactDraft extends Record<ClientField, string> {
  /** Stable identity for rendering (contacts can be removed from the middle). */
  key: number;
}

interface Draft {
  contacts: ContactDraft[];
  summary: string;
  brokerId: string;
  labels: string;
}

export interface AddDealFormOptions {
  adapter: () => PartnerKitAdapter | PartnerKitError;
  /** Changes when the adapter does (reloads the brokers). */
  adapterKey: () => unknown;
  organisationId: () => string | null;
  canListBrokers: () => boolean;
  locale: LocaleController;
  onCreated: (deal: Deal) => void;
}

/** Field-error keys are the input paths the adapter uses: `clients.0.email`, `summary`, `brokerId`. */
type FieldErrors = Record<string, string>;

const fieldId = (path: string) => `deal-form-${path.replace(/\./g, '-')}`;

export class AddDealForm {
  private draft: Draft;
  private nextKey = 1;
  private errors: FieldErrors = {};
  private formError: string | null = null;
  private submitting = false;
  /** One key per intent: kept while the same input is retried, renewed when the input changes. */
  private intent: { key: string; payload: string } | null = null;
  private opener: HTMLElement | null = null;
  private isOpen = false;

  private readonly brokers: DataController<readonly [unknown, string | null], Broker[] | null>;

  constructor(
    private readonly host: Host,
    private readonly options: AddDealFormOptions,
  ) {
    this.draft = this.emptyDraft();
    this.brokers = new DataController(host, {
      args: () => [options.adapterKey(), this.isOpen && options.canListBrokers() ? options.organisationId() : null] as const,
      load: async ([, organisationId], { signal }) => {
        if (organisationId === null) return null;
        const adapter = options.adapter();
        if (adapter instanceof PartnerKitError) throw adapter;
        return (await adapter.listBrokers?.(organisationId, { signal })) ?? null;
      },
    });
  }

  private emptyDraft(): Draft {
    return { contacts: [this.emptyContact()], summary: '', brokerId: '', labels: '' };
  }

  private emptyContact(): ContactDraft {
    return { key: this.nextKey++, firstName: '', lastName: '', phone: '', email: '' };
  }

  private get dialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector<HTMLDialogElement>('dialog.deal-form-dialog');
  }

  private focusField(path: string): void {
    this.host.renderRoot.querySelector<HTMLElement>(`#${fieldId(path)}`)?.focus();
  }

  get open(): boolean {
    return this.isOpen;
  }

  async show(opener: HTMLElement | null): Promise<void> {
    this.opener = opener;
    this.isOpen = true;
    this.host.requestUpdate();
    await this.host.updateComplete;
    const dialog = this.dialog;
    if (!dialog || dialog.open) return;
    dialog.showModal();
    this.focusField('clients.0.firstName');
  }

  hide(): void {
    this.dialog?.close();
  }

  /** The organisation changed: a draft for another organisation's brokers starts over on the broker. */
  resetBroker(): void {
    this.draft = { ...this.draft, brokerId: '' };
  }

  private readonly onClose = (event: Event) => {
    if (isStaleClose(event)) return;
    this.isOpen = false;
    this.host.requestUpdate();
    const opener = this.opener;
    this.opener = null;
    // Back to where the dialog was opened from (the element may have re-rendered: the host finds a fallback).
    if (opener?.isConnected) opener.focus();
    else this.host.renderRoot.querySelector<HTMLElement>('[data-action="add-deal"]')?.focus();
  };

  private setContact(index: number, field: ClientField, value: string): void {
    const contacts = this.draft.contacts.map((contact, i) => (i === index ? { ...contact, [field]: value } : contact));
    this.draft = { ...this.draft, contacts };
    this.clearError(`clients.${index}.${field}`);
  }

  private clearError(path: string): void {
    if (!(path in this.errors)) return;
    const { [path]: _removed, ...rest } = this.errors;
    this.errors = rest;
    this.host.requestUpdate();
  }

  private async addContact(): Promise<void> {
    this.draft = { ...this.draft, contacts: [...this.draft.contacts, this.emptyContact()] };
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.focusField(`clients.${this.draft.contacts.length - 1}.firstName`);
  }

  private async removeContact(index: number): Promise<void> {
    this.draft = { ...this.draft, contacts: this.draft.contacts.filter((_, i) => i !== index) };
    // Errors of later contacts move up with them.
    const errors: FieldErrors = {};
    for (const [path, message] of Object.entries(this.errors)) {
      const match = /^clients\.(\d+)\.(.+)$/.exec(path);
      if (!match) errors[path] = message;
      else if (Number(match[1]) < index) errors[path] = message;
      else if (Number(match[1]) > index) errors[`clients.${Number(match[1]) - 1}.${match[2]}`] = message;
    }
    this.errors = errors;
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>('[data-action="add-contact"]')?.focus();
  }

  private validate(): FieldErrors {
    const msg = this.msg;
    const errors: FieldErrors = {};
    this.draft.contacts.forEach((contact, index) => {
      for (const field of CLIENT_FIELDS) {
        const value = contact[field].trim();
        const path = `clients.${index}.${field}`;
        if (value === '') errors[path] = msg('dealBoard.form.error.required', { field: msg(CLIENT_FIELD_LABELS[field]) });
        else if (field === 'email' && !isValidEmail(value)) errors[path] = msg('dealBoard.form.error.email');
      }
    });
    if (this.draft.summary.trim() === '') {
      errors['summary'] = msg('dealBoard.form.error.required', { field: msg('dealBoard.form.summary') });
    }
    return errors;
  }

  private readonly msg: LocaleController['msg'] = (key, params) => this.options.locale.msg(key, params);

  private input(organisationId: string): NewDealInput {
    return {
      organisationId,
      brokerId: this.draft.brokerId === '' ? null : this.draft.brokerId,
      labels: parseLabels(this.draft.labels),
      summary: this.draft.summary.trim(),
      clients: this.draft.contacts.map((contact) => ({
        firstName: contact.firstName.trim(),
        lastName: contact.lastName.trim(),
        phone: contact.phone.trim(),
        email: contact.email.trim(),
      })),
    };
  }

  /** The first field (in form order) that has an error. */
  private firstErrorPath(errors: FieldErrors): string | undefined {
    const order = [
      ...this.draft.contacts.flatMap((_, index) => CLIENT_FIELDS.map((field) => `clients.${index}.${field}`)),
      'summary',
      'brokerId',
      'labels',
    ];
    return order.find((path) => path in errors);
  }

  private readonly onSubmit = async (event: Event) => {
    event.preventDefault();
    // A second click while the first save is in flight does nothing.
    if (this.submitting) return;
    const msg = this.msg;
    const errors = this.validate();
    this.errors = errors;
    if (Object.keys(errors).length > 0) {
      this.formError = msg('dealBoard.form.error.fix');
      this.host.requestUpdate();
      await this.host.updateComplete;
      const first = this.firstErrorPath(errors);
      if (first) this.focusField(first);
      return;
    }
    const adapter = this.options.adapter();
    const organisationId = this.options.organisationId();
    if (adapter instanceof PartnerKitError || organisationId === null || !adapter.createDeal) return;
    const input = this.input(organisationId);
    const payload = JSON.stringify(input);
    if (this.intent?.payload !== payload) this.intent = { key: newIdempotencyKey(), payload };
    this.submitting = true;
    this.formError = null;
    this.host.requestUpdate();
    try {
      const deal = await adapter.createDeal(input, { idempotencyKey: this.intent.key });
      this.intent = null;
      this.draft = this.emptyDraft();
      this.errors = {};
      this.submitting = false;
      this.hide();
      this.options.onCreated(deal);
    } catch (error) {
      this.submitting = false;
      if (isAbortError(error)) return;
      const failure = toPartnerKitError(error) as PartnerKitError;
      this.errors = this.fieldErrorsFrom(failure);
      const unplaced = Object.keys(failure.fieldErrors).filter((path) => this.placeOf(path) === null);
      this.formError =
        failure.code === 'validation' && unplaced.length === 0 && Object.keys(this.errors).length > 0
          ? msg('dealBoard.form.error.fix')
          : [msg(`dealBoard.error.${failure.code}`), ...unplaced.map((path) => failure.fieldErrors[path])].join(' ');
      this.host.requestUpdate();
      await this.host.updateComplete;
      const first = this.firstErrorPath(this.errors);
      if (first) this.focusField(first);
      else this.host.renderRoot.querySelector<HTMLElement>('.deal-form-error')?.focus();
    } finally {
      this.host.requestUpdate();
    }
  };

  /** The form field an adapter's error path belongs to, or null when it names none of them. */
  private placeOf(path: string): string | null {
    const client = /^clients\.(\d+)\.(firstName|lastName|phone|email)$/.exec(path);
    if (client) return Number(client[1]) < this.draft.contacts.length ? path : null;
    if (path === 'summary' || path === 'brokerId') return path;
    if (path === 'labels' || /^labels\.\d+$/.test(path)) return 'labels';
    return null;
  }

  private fieldErrorsFrom(error: PartnerKitError): FieldErrors {
    const errors: FieldErrors = {};
    for (const [path, message] of Object.entries(error.fieldErrors)) {
      const place = this.placeOf(path);
      if (place !== null && !(place in errors)) errors[place] = message;
    }
    return errors;
  }

  private renderField(
    path: string,
    label: string,
    control: (describedBy: string | typeof nothing, invalid: boolean) => unknown,
    options: { required?: boolean; hint?: string } = {},
  ) {
    const error = this.errors[path];
    const id = fieldId(path);
    const describedBy = [options.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
    return html`<div part="form-field" class="field">
      <label part="form-label" class="label" for=${id}>${label}${options.required ? html`<span class="required" aria-hidden="true"> *</span>` : nothing}</label>
      ${options.hint ? html`<p id="${id}-hint" class="hint">${options.hint}</p>` : nothing}
      ${control(describedBy || nothing, error !== undefined)}
      ${error ? html`<p id="${id}-error" part="field-error" class="field-error">${error}</p>` : nothing}
    </div>`;
  }

  private renderContact(contact: ContactDraft, index: number) {
    const msg = this.msg;
    const number = index + 1;
    return html`<fieldset part="form-contact" class="contact">
      <legend>${msg('dealBoard.form.contact', { number })}</legend>
      <div class="form-grid contact-grid">
        ${CLIENT_FIELDS.map((field) => {
          const path = `clients.${index}.${field}`;
          const { type, inputmode } = CLIENT_FIELD_INPUT[field];
          return this.renderField(
            path,
            msg(CLIENT_FIELD_LABELS[field]),
            (describedBy, invalid) => html`<input
              part="form-input"
              class="input"
              id=${fieldId(path)}
              type=${type}
              inputmode=${inputmode ?? nothing}
              autocomplete="off"
              aria-required="true"
              aria-invalid=${invalid ? 'true' : 'false'}
              aria-describedby=${describedBy}
              maxlength=${field === 'phone' ? 40 : field === 'email' ? 254 : 200}
              .value=${live(contact[field])}
              @input=${(event: Event) => this.setContact(index, field, (event.target as HTMLInputElement).value)}
            />`,
            { required: true },
          );
        })}
      </div>
      ${index > 0
        ? html`<button part="form-remove-contact" class="button quiet" type="button" @click=${() => this.removeContact(index)}>
            ${msg('dealBoard.form.remove-contact', { number })}
          </button>`
        : nothing}
    </fieldset>`;
  }

  private renderBrokers() {
    if (!this.options.canListBrokers()) return nothing;
    const msg = this.msg;
    const brokers = this.brokers.value ?? [];
    return this.renderField('brokerId', msg('dealBoard.form.broker'), (describedBy, invalid) => html`
      <select
        part="form-select"
        class="input"
        id=${fieldId('brokerId')}
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${describedBy}
        aria-busy=${this.brokers.pending ? 'true' : 'false'}
        @change=${(event: Event) => {
          this.draft = { ...this.draft, brokerId: (event.target as HTMLSelectElement).value };
          this.clearError('brokerId');
        }}
      >
        <option value="" ?selected=${this.draft.brokerId === ''}>${msg('dealBoard.form.broker-any')}</option>
        ${brokers.map((broker) => html`<option value=${broker.id} ?selected=${broker.id === this.draft.brokerId}>${broker.name}</option>`)}
      </select>
      ${this.brokers.pending ? html`<p class="hint">${msg('dealBoard.form.brokers-loading')}</p>` : nothing}
      ${this.brokers.error
        ? html`<p class="hint">${msg('dealBoard.form.brokers-error')}
            <button class="button quiet" type="button" @click=${() => void this.brokers.run()}>${msg('dealBoard.retry')}</button></p>`
        : nothing}
    `);
  }

  render() {
    const msg = this.msg;
    const busy = this.submitting;
    return html`<dialog
      part="form-dialog"
      class="dialog deal-form-dialog"
      aria-labelledby="deal-form-title"
      @close=${this.onClose}
    >
      ${this.isOpen
        ? html`<form part="form" class="deal-form" novalidate @submit=${this.onSubmit}>
            <header class="dialog-header">
              <h2 id="deal-form-title" part="form-title">${msg('dealBoard.form.title')}</h2>
              <button part="close-button" class="icon-button" type="button" aria-label=${msg('dealBoard.deal.close')} @click=${() => this.hide()}>
                <span aria-hidden="true">✕</span>
              </button>
            </header>
            <div class="dialog-body">
              <p class="hint">${msg('dealBoard.form.required-note')}</p>
              ${this.formError
                ? html`<p part="form-error" class="deal-form-error" role="alert" tabindex="-1">${this.formError}</p>`
                : nothing}
              ${repeat(this.draft.contacts, (contact) => contact.key, (contact, index) => this.renderContact(contact, index))}
              <button part="form-add-contact" class="button" type="button" data-action="add-contact" @click=${() => this.addContact()}>
                ${msg('dealBoard.form.add-contact')}
              </button>
              ${this.renderField(
                'summary',
                msg('dealBoard.form.summary'),
                (describedBy, invalid) => html`<textarea
                  part="form-textarea"
                  class="input"
                  id=${fieldId('summary')}
                  rows="4"
                  maxlength="20000"
                  aria-required="true"
                  aria-invalid=${invalid ? 'true' : 'false'}
                  aria-describedby=${describedBy}
                  .value=${live(this.draft.summary)}
                  @input=${(event: Event) => {
                    this.draft = { ...this.draft, summary: (event.target as HTMLTextAreaElement).value };
                    this.clearError('summary');
                  }}
                ></textarea>`,
                { required: true, hint: msg('dealBoard.form.summary-hint') },
              )}
              ${this.renderBrokers()}
              ${this.renderField(
                'labels',
                msg('dealBoard.form.labels'),
                (describedBy, invalid) => html`<input
                  part="form-input"
                  class="input"
                  id=${fieldId('labels')}
                  type="text"
                  autocomplete="off"
                  aria-invalid=${invalid ? 'true' : 'false'}
                  aria-describedby=${describedBy}
                  .value=${live(this.draft.labels)}
                  @input=${(event: Event) => {
                    this.draft = { ...this.draft, labels: (event.target as HTMLInputElement).value };
                    this.clearError('labels');
                  }}
                />`,
                { hint: msg('dealBoard.form.labels-hint') },
              )}
            </div>
            <footer class="dialog-footer">
              <button part="form-cancel" class="button" type="button" @click=${() => this.hide()}>${msg('dealBoard.form.cancel')}</button>
              <button part="form-save" class="button primary" type="submit" aria-disabled=${busy ? 'true' : 'false'}>
                ${busy ? msg('dealBoard.form.saving') : msg('dealBoard.form.save')}
              </button>
            </footer>
          </form>`
        : nothing}
    </dialog>`;
  }
}
