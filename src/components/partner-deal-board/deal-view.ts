/**
 * The deal view (seed 004, opened with the tile's "eye"): a modal drawer with
 * the stage progression across the top; the deal's details and clients; the
 * notes exchanged with the broker, newest last, with "add a note"; and the
 * shared documents, with upload where the adapter can.
 *
 * A native modal `<dialog>`: focus moves in (to the title), stays in, Escape
 * closes, and focus returns to the element that opened it. The page outside
 * is inert while it is open, so its messages go to a live region inside it.
 *
 * Loaded on the first "eye" (and prefetched when the page is idle after the
 * board shows, or when an "eye" is pointed at or focused), not with the
 * board: a board that is only looked at should not pay for it. It brings its
 * own strings and the dialogs' styles, which the board adopts.
 */
import { html, nothing, type ReactiveControllerHost } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { isAbortError, PartnerKitError, toPartnerKitError } from '../../adapter/errors.js';
import { newIdempotencyKey } from '../../adapter/idempotency.js';
import type { AdapterChange, Deal, DealDocument, Note, PartnerKitAdapter, Stage, Workflow } from '../../adapter/types.js';
import { buildMailto } from '../../domain/mailto.js';
import { safeUrl, telHref } from '../../domain/safe-url.js';
import { DataController } from '../../internal/data-controller.js';
import type { LocaleController } from '../../internal/locale-controller.js';
import { registerMessages } from '../../locales/index.js';
import { dealBoardViewsEn } from '../../locales/partner-deal-board.views.en.js';
import { checkDocument, DOCUMENT_ACCEPT, MAX_DOCUMENT_BYTES, warnContractOnce } from './board-model.js';
import { dealDialogStyles } from './deal-dialogs.styles.js';
import { isStaleClose } from '../../internal/dialog-close.js';

// The view's own strings come with it (Spanish comes with the board's catalogue).
registerMessages(dealBoardViewsEn);

export { dealDialogStyles };

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

interface Conversation {
  notes: Note[];
  documents: DealDocument[];
}

export interface DealViewOptions {
  adapter: () => PartnerKitAdapter | PartnerKitError;
  adapterKey: () => unknown;
  can: (method: 'listNotes' | 'listDocuments' | 'addNote' | 'uploadDocument') => boolean;
  locale: LocaleController;
  /** Where focus goes when the opener is gone (its tile re-rendered). */
  fallbackFocus: (dealId: string) => HTMLElement | null;
  onNoteAdded: (note: Note) => void;
  onDocumentUploaded: (document: DealDocument) => void;
}

export interface DealViewContext {
  workflow: Workflow | null;
  canAddNote: boolean;
  canUpload: boolean;
}

const byDate = <T extends { createdAt?: string; uploadedAt?: string }>(a: T, b: T) =>
  (a.createdAt ?? a.uploadedAt ?? '').localeCompare(b.createdAt ?? b.uploadedAt ?? '');

export class DealView {
  /** The deal shown (a snapshot kept current by live changes), or null when closed. */
  deal: Deal | null = null;
  private removed = false;
  private opener: HTMLElement | null = null;

  private noteDraft = '';
  private noteIntent: { key: string; body: string } | null = null;
  private noteSending = false;
  private noteError: string | null = null;
  private uploading: string | null = null;
  private uploadError: string | null = null;
  /** What the live region inside the dialog says. */
  private status = '';

  private readonly conversation: DataController<readonly [unknown, string | null], Conversation | null>;

  constructor(
    private readonly host: Host,
    private readonly options: DealViewOptions,
  ) {
    this.conversation = new DataController(host, {
      args: () => [options.adapterKey(), this.deal?.id ?? null] as const,
      load: async ([, dealId], { signal }) => {
        if (dealId === null) return null;
        const adapter = options.adapter();
        if (adapter instanceof PartnerKitError) throw adapter;
        const [notes, documents] = await Promise.all([
          options.can('listNotes') ? adapter.listNotes!(dealId, { signal }) : Promise.resolve([]),
          options.can('listDocuments') ? adapter.listDocuments!(dealId, { signal }) : Promise.resolve([]),
        ]);
        return { notes: [...notes].sort(byDate), documents };
      },
    });
  }

  private readonly msg: LocaleController['msg'] = (key, params) => this.options.locale.msg(key, params);

  private get dialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector<HTMLDialogElement>('dialog.deal-view-dialog');
  }

  get isOpen(): boolean {
    return this.deal !== null;
  }

  async show(deal: Deal, opener: HTMLElement | null): Promise<void> {
    if (this.deal?.id !== deal.id) {
      this.noteDraft = '';
      this.noteIntent = null;
      this.noteError = null;
      this.uploadError = null;
    }
    this.deal = deal;
    this.removed = false;
    this.status = '';
    this.opener = opener;
    this.host.requestUpdate();
    await this.host.updateComplete;
    const dialog = this.dialog;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    this.host.renderRoot.querySelector<HTMLElement>('#deal-view-title')?.focus();
  }

  hide(): void {
    this.dialog?.close();
  }

  private readonly onClose = (event: Event) => {
    if (isStaleClose(event)) return;
    const dealId = this.deal?.id;
    const opener = this.opener;
    this.deal = null;
    this.opener = null;
    this.host.requestUpdate();
    if (opener?.isConnected) opener.focus();
    else if (dealId !== undefined) this.options.fallbackFocus(dealId)?.focus();
  };

  /** A change pushed by the adapter: the open deal's notes, documents and stage stay current. */
  applyChange(change: AdapterChange): void {
    const deal = this.deal;
    if (!deal) return;
    const value = this.conversation.value;
    switch (change.type) {
      case 'deal-updated':
        if (change.deal.id === deal.id && change.deal.version >= deal.version) {
          this.deal = change.deal;
          this.host.requestUpdate();
        }
        break;
      case 'deal-removed':
        if (change.dealId === deal.id) {
          this.removed = true;
          this.host.requestUpdate();
        }
        break;
      case 'note-added':
        if (change.note.dealId === deal.id && value) this.addNoteToList(change.note);
        break;
      case 'document-added':
        if (change.document.dealId === deal.id && value) this.addDocumentToList(change.document);
        break;
      default:
        break;
    }
  }

  private addNoteToList(note: Note): void {
    const value = this.conversation.value;
    if (!value || value.notes.some((existing) => existing.id === note.id)) return;
    this.conversation.setValue({ ...value, notes: [...value.notes, note].sort(byDate) });
    void this.scrollNotesToEnd();
  }

  private addDocumentToList(document: DealDocument): void {
    const value = this.conversation.value;
    if (!value || value.documents.some((existing) => existing.id === document.id)) return;
    this.conversation.setValue({ ...value, documents: [document, ...value.documents] });
  }

  private async scrollNotesToEnd(): Promise<void> {
    await this.host.updateComplete;
    const list = this.host.renderRoot.querySelector<HTMLElement>('.notes-list');
    if (list) list.scrollTop = list.scrollHeight;
  }

  private readonly onNoteSubmit = async (event: Event) => {
    event.preventDefault();
    const deal = this.deal;
    if (!deal || this.noteSending) return;
    const body = this.noteDraft.trim();
    if (body === '') {
      this.noteError = this.msg('dealBoard.deal.note-empty');
      this.host.requestUpdate();
      await this.host.updateComplete;
      this.host.renderRoot.querySelector<HTMLElement>('#deal-note')?.focus();
      return;
    }
    const adapter = this.options.adapter();
    if (adapter instanceof PartnerKitError || !adapter.addNote) return;
    // The same text retried keeps its key (a lost response never adds it twice); new text gets a new one.
    if (this.noteIntent?.body !== body) this.noteIntent = { key: newIdempotencyKey(), body };
    this.noteSending = true;
    this.noteError = null;
    this.host.requestUpdate();
    try {
      const note = await adapter.addNote(deal.id, body, { idempotencyKey: this.noteIntent.key });
      this.noteIntent = null;
      if (this.deal?.id === deal.id) {
        this.noteDraft = '';
        this.addNoteToList(note);
        this.status = this.msg('dealBoard.deal.note-added');
      }
      this.options.onNoteAdded(note);
    } catch (error) {
      if (isAbortError(error)) return;
      const failure = toPartnerKitError(error) as PartnerKitError;
      const detail = failure.fieldErrors['body'];
      this.noteError = `${this.msg('dealBoard.deal.note-failed')} ${detail ?? this.msg(`dealBoard.error.${failure.code}`)}`;
    } finally {
      this.noteSending = false;
      this.host.requestUpdate();
    }
  };

  private readonly onFileChange = async (event: Event) => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    const deal = this.deal;
    input.value = '';
    if (!file || !deal || this.uploading !== null) return;
    const problem = checkDocument(file);
    if (problem !== null) {
      this.uploadError =
        problem === 'empty'
          ? this.msg('dealBoard.deal.upload-empty')
          : problem === 'too-large'
            ? this.msg('dealBoard.deal.upload-too-large', { size: this.formatSize(MAX_DOCUMENT_BYTES) })
            : this.msg('dealBoard.deal.upload-type');
      this.host.requestUpdate();
      return;
    }
    const adapter = this.options.adapter();
    if (adapter instanceof PartnerKitError || !adapter.uploadDocument) return;
    this.uploading = file.name;
    this.uploadError = null;
    this.status = this.msg('dealBoard.deal.uploading', { name: file.name });
    this.host.requestUpdate();
    try {
      // One chosen file is one intent.
      const document = await adapter.uploadDocument(deal.id, file, { idempotencyKey: newIdempotencyKey() });
      if (this.deal?.id === deal.id) {
        this.addDocumentToList(document);
        this.status = this.msg('dealBoard.deal.uploaded', { name: document.name });
      }
      this.options.onDocumentUploaded(document);
    } catch (error) {
      if (isAbortError(error)) return;
      const failure = toPartnerKitError(error) as PartnerKitError;
      this.uploadError = `${this.msg('dealBoard.deal.upload-failed', { name: file.name })} ${
        failure.fieldErrors['file'] ?? this.msg(`dealBoard.error.${failure.code}`)
      }`;
      this.status = '';
    } finally {
      this.uploading = null;
      this.host.requestUpdate();
    }
  };

  private formatSize(bytes: number): string {
    const { locale } = this.options;
    if (bytes >= 1024 * 1024) {
      return locale.formatNumber(bytes / (1024 * 1024), { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 });
    }
    return locale.formatNumber(Math.max(1, Math.round(bytes / 1024)), { style: 'unit', unit: 'kilobyte' });
  }

  private roleName(role: Note['author']['role']): string {
    return this.msg(`dealBoard.role.${role}`);
  }

  /** The stages across the top: the open ones in order, then the closed one the deal is in (if any). */
  private renderProgress(deal: Deal, workflow: Workflow | null) {
    const stages: Stage[] = workflow?.stages.filter((stage) => !stage.closed || stage.id === deal.stageId) ?? [];
    const currentIndex = stages.findIndex((stage) => stage.id === deal.stageId);
    return html`<ol part="progress" class="progress" aria-label=${this.msg('dealBoard.deal.progress')}>
      ${stages.map((stage, index) => {
        const state = index === currentIndex ? 'current' : currentIndex !== -1 && index < currentIndex ? 'done' : 'upcoming';
        return html`<li
          part="progress-step progress-step-${state}"
          class="progress-step ${state}"
          aria-current=${ifDefined(state === 'current' ? 'step' : undefined)}
        >
          <span class="progress-marker" aria-hidden="true">${state === 'done' ? '✓' : index + 1}</span>
          <span class="progress-name">${stage.name}</span>
          ${state === 'done' ? html`<span class="visually-hidden">, ${this.msg('dealBoard.deal.stage-done')}</span>` : nothing}
        </li>`;
      })}
    </ol>
    ${currentIndex === -1 ? html`<p class="hint">${this.msg('dealBoard.deal.unassigned')}</p>` : nothing}`;
  }

  private renderDetails(deal: Deal) {
    const msg = this.msg;
    const none = html`<span class="muted">${msg('dealBoard.deal.none')}</span>`;
    return html`<section part="deal-details" class="deal-section" aria-labelledby="deal-details-title">
      <h3 id="deal-details-title">${msg('dealBoard.deal.details')}</h3>
      <dl class="details">
        <dt>${msg('dealBoard.deal.broker')}</dt>
        <dd>${deal.broker?.name ?? none}</dd>
        ${deal.partner ? html`<dt>${msg('dealBoard.deal.partner')}</dt><dd>${deal.partner.name}</dd>` : nothing}
        <dt>${msg('dealBoard.deal.labels')}</dt>
        <dd>
          ${deal.labels.length > 0
            ? html`<ul class="labels">${deal.labels.map((label) => html`<li part="label" class="deal-label">${label}</li>`)}</ul>`
            : none}
        </dd>
        <dt>${msg('dealBoard.deal.created')}</dt>
        <dd><time datetime=${deal.createdAt}>${this.options.locale.formatDate(deal.createdAt)}</time></dd>
      </dl>
      <h3>${msg('dealBoard.deal.clients')}</h3>
      <ul part="clients" class="clients">
        ${deal.clients.map((client) => {
          const tel = telHref(client.phone);
          const mailto = buildMailto({ to: client.email });
          return html`<li part="client" class="client">
            <span class="client-name">${client.firstName} ${client.lastName}</span>
            <span class="client-contact">
              <span class="visually-hidden">${msg('dealBoard.deal.phone')}: </span>
              ${tel ? html`<a part="client-phone" href=${tel}>${client.phone}</a>` : html`<span>${client.phone}</span>`}
            </span>
            <span class="client-contact">
              <span class="visually-hidden">${msg('dealBoard.deal.email')}: </span>
              ${mailto ? html`<a part="client-email" href=${mailto}>${client.email}</a>` : html`<span>${client.email}</span>`}
            </span>
          </li>`;
        })}
      </ul>
      ${deal.summary.trim() !== ''
        ? html`<h3>${msg('dealBoard.deal.summary')}</h3><p part="summary" class="long-text">${deal.summary}</p>`
        : nothing}
    </section>`;
  }

  private renderNotes(conversation: Conversation | null, context: DealViewContext) {
    const msg = this.msg;
    const notes = conversation?.notes ?? [];
    return html`<section part="deal-notes" class="deal-section notes" aria-labelledby="deal-notes-title">
      <h3 id="deal-notes-title">${msg('dealBoard.deal.notes')}</h3>
      ${conversation === null
        ? nothing
        : notes.length === 0
          ? html`<p class="muted">${msg('dealBoard.deal.no-notes')}</p>`
          : html`<ol part="notes" class="notes-list" tabindex="0" aria-labelledby="deal-notes-title">
              ${notes.map(
                (note) => html`<li part="note" class="note">
                  <p class="note-meta">
                    <span class="note-author">${note.author.name}</span>
                    <span class="muted">(${this.roleName(note.author.role)})</span>
                    <time class="muted" datetime=${note.createdAt}>
                      ${this.options.locale.formatDate(note.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}
                    </time>
                  </p>
                  <p class="note-body long-text">${note.body}</p>
                </li>`,
              )}
            </ol>`}
      ${context.canAddNote && conversation !== null
        ? html`<form part="note-form" class="note-form" novalidate @submit=${this.onNoteSubmit}>
            <label class="label" for="deal-note">${msg('dealBoard.deal.add-note')}</label>
            <textarea
              part="note-input"
              class="input"
              id="deal-note"
              rows="3"
              maxlength="20000"
              aria-invalid=${this.noteError ? 'true' : 'false'}
              aria-describedby=${this.noteError ? 'deal-note-error' : nothing}
              .value=${live(this.noteDraft)}
              @input=${(event: Event) => {
                this.noteDraft = (event.target as HTMLTextAreaElement).value;
                if (this.noteError) {
                  this.noteError = null;
                  this.host.requestUpdate();
                }
              }}
            ></textarea>
            ${this.noteError ? html`<p id="deal-note-error" part="field-error" class="field-error">${this.noteError}</p>` : nothing}
            <button part="note-submit" class="button primary" type="submit" aria-disabled=${this.noteSending ? 'true' : 'false'}>
              ${this.noteSending ? msg('dealBoard.deal.note-sending') : msg('dealBoard.deal.note-submit')}
            </button>
          </form>`
        : nothing}
    </section>`;
  }

  private renderDocuments(conversation: Conversation | null, context: DealViewContext) {
    const msg = this.msg;
    const documents = conversation?.documents ?? [];
    return html`<section part="deal-documents" class="deal-section" aria-labelledby="deal-documents-title">
      <h3 id="deal-documents-title">${msg('dealBoard.deal.documents')}</h3>
      ${conversation === null
        ? nothing
        : documents.length === 0
          ? html`<p class="muted">${msg('dealBoard.deal.no-documents')}</p>`
          : html`<ul part="documents" class="documents">
              ${documents.map((document) => {
                const href = safeUrl(document.url);
                const meta = msg('dealBoard.deal.document-meta', {
                  size: this.formatSize(document.size),
                  date: this.options.locale.formatDate(document.uploadedAt),
                  name: document.uploadedBy.name,
                });
                return html`<li part="document" class="document">
                  ${href
                    ? html`<a part="document-link" href=${href} download target="_blank" rel="noopener noreferrer">${document.name}</a>`
                    : html`<span>${document.name} <span class="muted">${msg('dealBoard.deal.document-unsafe')}</span></span>`}
                  <span class="muted">${meta}</span>
                </li>`;
              })}
            </ul>`}
      ${context.canUpload && conversation !== null
        ? html`<div part="upload" class="upload">
            <label class="label" for="deal-upload">${msg('dealBoard.deal.upload')}</label>
            <input
              part="upload-input"
              id="deal-upload"
              type="file"
              accept=${DOCUMENT_ACCEPT}
              aria-describedby=${this.uploadError ? 'deal-upload-error' : nothing}
              ?disabled=${this.uploading !== null}
              @change=${this.onFileChange}
            />
            ${this.uploadError ? html`<p id="deal-upload-error" part="field-error" class="field-error">${this.uploadError}</p>` : nothing}
          </div>`
        : nothing}
    </section>`;
  }

  render(context: DealViewContext) {
    const deal = this.deal;
    const msg = this.msg;
    return html`<dialog
      part="deal-dialog"
      class="dialog drawer deal-view-dialog"
      aria-labelledby="deal-view-title"
      @close=${this.onClose}
    >
      ${deal
        ? html`<header class="dialog-header">
              <h2 id="deal-view-title" part="deal-title" tabindex="-1">${deal.name}</h2>
              <button part="close-button" class="icon-button" type="button" aria-label=${msg('dealBoard.deal.close')} @click=${() => this.hide()}>
                <span aria-hidden="true">✕</span>
              </button>
            </header>
            <div class="dialog-body">
              ${this.removed ? html`<p class="notice" role="alert">${msg('dealBoard.deal.removed')}</p>` : nothing}
              ${this.renderProgress(deal, context.workflow)}
              ${this.conversation.render<unknown>({
                pending: () => html`<p class="muted">${msg('dealBoard.deal.loading')}</p>`,
                complete: () => nothing,
                error: (error, retry) => {
                  warnContractOnce(error);
                  return html`<div part="error" class="inline-error" role="alert">
                  <p>${msg(`dealBoard.error.${error.code}`)}</p>
                  <button class="button" type="button" @click=${retry}>${msg('dealBoard.retry')}</button>
                </div>`;
                },
              })}
              <div class="deal-layout">
                ${this.renderDetails(deal)}
                ${this.renderNotes(this.conversation.pending || this.conversation.error ? null : (this.conversation.value ?? null), context)}
                ${this.renderDocuments(this.conversation.pending || this.conversation.error ? null : (this.conversation.value ?? null), context)}
              </div>
              <p class="visually-hidden" role="status">${this.status}</p>
            </div>`
        : nothing}
    </dialog>`;
  }
}
