/**
 * The Contact Selection field of the invite wizard: a chip input for email
 * addresses (typed or pasted lists, `Name <address>`, invalid entries kept
 * as invalid chips) and a contact search on the WAI-ARIA combobox pattern
 * (listbox popup on the shared PopupController, debounced search through the
 * adapter, full keyboard). It renders into the wizard's shadow root, so the
 * wizard's labels and error messages reference it directly.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Contact } from '../../adapter/schemas.js';
import type { PartnerKitAdapter } from '../../adapter/types.js';
import { hasCapability } from '../../adapter/validate.js';
import { parseEmailList } from '../../domain/emails.js';
import { DataController } from '../../internal/data-controller.js';
import { announce } from '../../internal/live-region.js';
import type { LocaleController } from '../../internal/locale-controller.js';
import { LazyPopup } from '../../internal/lazy-popup.js';
import { contactName, newChipId, type RecipientChip } from './wizard-flow.js';

/** Wait this long after the last keystroke before searching contacts. */
export const SEARCH_DEBOUNCE_MS = 250;
/** Shortest text that searches contacts. */
export const MIN_QUERY_LENGTH = 2;
/** How many contacts the listbox offers. */
export const SEARCH_LIMIT = 8;

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

export interface RecipientFieldOptions {
  adapter(): PartnerKitAdapter | undefined;
  /** Whether contact search is available (adapter capability). */
  canSearch(): boolean;
  /** The current chips and the text not yet turned into a chip. */
  value(): { chips: readonly RecipientChip[]; text: string };
  change(chips: RecipientChip[], text: string): void;
  /** A contact was picked from the listbox (the wizard keeps it for the pre-fill). */
  pickContact(contact: Contact): void;
  locale: LocaleController;
}

export interface RecipientFieldView {
  /** The field's error (e.g. no recipient), besides the invalid-chips message. */
  error: string | null;
  /** While the wizard checks the recipients: nothing can change (focus stays where it is). */
  readonly: boolean;
}

const SEPARATOR_AT_END = /[,;]\s*$/;

/** A typed entry that a trailing comma or semicolon may end: an address, brackets and quotes closed. */
function looksComplete(text: string): boolean {
  if (!text.includes('@')) return false;
  const opens = (text.match(/</g) ?? []).length;
  const closes = (text.match(/>/g) ?? []).length;
  const quotes = (text.match(/"/g) ?? []).length;
  return opens === closes && quotes % 2 === 0;
}

export class RecipientField implements ReactiveController {
  /** The debounced search text (what was last searched). */
  private query = '';
  private activeIndex = -1;
  private rovingIndex = 0;
  private focused = false;
  // Escape closed the listbox: it stays closed until the text changes.
  private dismissed = false;
  private notice = '';
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastResults: readonly Contact[] | undefined;
  private syncQueued = false;
  private readonly = false;

  private readonly search: DataController<readonly [PartnerKitAdapter | undefined, string], Contact[]>;
  // Not needed until the first suggestions: its code loads when the page is idle, or then.
  private readonly popup: LazyPopup;

  constructor(
    private readonly host: Host,
    private readonly options: RecipientFieldOptions,
  ) {
    this.search = new DataController(host, {
      args: () => [this.options.adapter(), this.query] as const,
      load: async ([adapter, query], { signal }) => {
        if (!adapter || query === '' || !hasCapability(adapter, 'searchContacts') || !adapter.searchContacts) return [];
        const contacts = await adapter.searchContacts(query, { signal, limit: SEARCH_LIMIT });
        if (!signal.aborted) {
          announce(
            contacts.length === 0
              ? this.msg('invite-wizard.recipients.search.none', { query })
              : this.msg(contacts.length === 1 ? 'invite-wizard.recipients.search.count.one' : 'invite-wizard.recipients.search.count', { count: contacts.length }),
          );
        }
        return contacts;
      },
    });
    this.popup = new LazyPopup(host, 'the contact suggestions', {
      anchor: () => this.root.querySelector('.recipient-box'),
      popup: () => this.root.querySelector<HTMLElement>('#contact-popup'),
      placement: 'bottom-start',
      matchAnchorWidth: true,
    });
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
    this.query = '';
  }

  hostUpdated(): void {
    const results = this.search.value;
    if (results !== this.lastResults) {
      this.lastResults = results;
      this.activeIndex = -1;
    }
    this.queueSync();
  }

  /** Turns whatever text is left in the input into chips (the wizard calls it before going on). */
  commitPending(): void {
    const { text } = this.options.value();
    if (text.trim() !== '') this.commit(text);
  }

  focusInput(): void {
    this.input()?.focus();
  }

  /** Whether the listbox is open (for tests and the wizard). */
  get expanded(): boolean {
    return this.popup.isOpen;
  }

  private get root(): ParentNode {
    return this.host.renderRoot;
  }

  private msg(key: Parameters<LocaleController['msg']>[0], params?: Parameters<LocaleController['msg']>[1]): string {
    return this.options.locale.msg(key, params);
  }

  private input(): HTMLInputElement | null {
    return this.root.querySelector<HTMLInputElement>('#recipient-input');
  }

  private results(): readonly Contact[] {
    return this.query === '' ? [] : (this.search.value ?? []);
  }

  private queueSync(): void {
    if (this.syncQueued) return;
    this.syncQueued = true;
    // After the update, not inside it: opening the popup requests another render.
    queueMicrotask(() => {
      this.syncQueued = false;
      this.syncPopup();
    });
  }

  /** Whether the suggestions should show now. */
  private get wantsPopup(): boolean {
    return this.host.isConnected && this.focused && !this.dismissed && this.query !== '' && !this.search.pending && this.results().length > 0;
  }

  private syncPopup(): void {
    const open = this.wantsPopup;
    // Without its code (offline) there is no suggestions list; typing addresses still works.
    if (open && !this.popup.isOpen) void this.popup.openAfterRender(() => this.wantsPopup);
    else if (!open && this.popup.isOpen) this.popup.close();
  }


  private setValue(chips: RecipientChip[], text: string): void {
    if (this.readonly) return;
    this.rovingIndex = Math.min(this.rovingIndex, Math.max(0, chips.length - 1));
    this.options.change(chips, text);
  }

  private scheduleSearch(text: string): void {
    clearTimeout(this.timer);
    this.dismissed = false;
    const query = text.trim();
    if (!this.options.canSearch() || query.length < MIN_QUERY_LENGTH) {
      if (this.query !== '') {
        this.query = '';
        this.host.requestUpdate();
      }
      return;
    }
    this.timer = setTimeout(() => {
      this.query = query;
      this.activeIndex = -1;
      this.host.requestUpdate();
    }, SEARCH_DEBOUNCE_MS);
  }

  /** Parses `text` into chips after the existing ones; a repeated address is folded into the first. */
  private commit(text: string): void {
    if (this.readonly) return;
    const { chips } = this.options.value();
    const existing = chips.filter((chip) => chip.valid).map((chip) => chip.email);
    const parsed = parseEmailList(text, { existing });
    const added: RecipientChip[] = parsed.recipients.map((recipient) => ({
      id: newChipId(),
      raw: recipient.raw,
      email: recipient.email,
      name: recipient.name,
      valid: recipient.valid,
      contactId: null,
    }));
    clearTimeout(this.timer);
    this.query = '';
    this.notice =
      parsed.duplicates.length > 0
        ? this.msg('invite-wizard.recipients.duplicates', { emails: this.options.locale.formatList(parsed.duplicates) })
        : '';
    this.setValue([...chips, ...added], '');
    const messages: string[] = [];
    if (added.length > 0) {
      messages.push(this.msg(added.length === 1 ? 'invite-wizard.recipients.added.one' : 'invite-wizard.recipients.added', { count: added.length }));
    }
    const invalid = added.filter((chip) => !chip.valid).length;
    if (invalid > 0) messages.push(this.msg(invalid === 1 ? 'invite-wizard.recipients.added-invalid.one' : 'invite-wizard.recipients.added-invalid', { count: invalid }));
    if (this.notice) messages.push(this.notice);
    if (messages.length > 0) announce(messages.join(' '));
  }

  private pick(contact: Contact): void {
    if (this.readonly) return;
    if (!contact.email) {
      announce(this.msg('invite-wizard.recipients.contact-no-email', { name: contactName(contact) }), 'assertive');
      return;
    }
    const { chips } = this.options.value();
    const email = contact.email.toLowerCase();
    const name = contactName(contact) || null;
    const chip: RecipientChip = {
      id: newChipId(),
      raw: name ? `${name} <${email}>` : email,
      email,
      name,
      valid: true,
      contactId: contact.id,
    };
    // The contact whose address was typed replaces the typed chip: one recipient, now linked to the contact.
    const index = chips.findIndex((existing) => existing.valid && existing.email === email);
    const next = index === -1 ? [...chips, chip] : chips.map((existing, i) => (i === index ? { ...chip, id: existing.id } : existing));
    clearTimeout(this.timer);
    this.query = '';
    this.notice = '';
    this.options.pickContact(contact);
    this.setValue(next, '');
    announce(this.msg('invite-wizard.recipients.contact-added', { name: name ?? email }));
  }

  private focusChip(index: number): void {
    const buttons = this.root.querySelectorAll<HTMLButtonElement>('.chip-main');
    const target = buttons[index];
    if (!target) {
      this.focusInput();
      return;
    }
    this.rovingIndex = index;
    this.host.requestUpdate();
    target.focus();
  }

  private async removeChip(index: number, focusInput: boolean): Promise<void> {
    if (this.readonly) return;
    const { chips, text } = this.options.value();
    const removed = chips[index];
    if (!removed) return;
    const next = chips.filter((_, i) => i !== index);
    this.notice = '';
    this.setValue(next, text);
    announce(this.msg('invite-wizard.recipients.removed', { email: removed.valid ? removed.email : removed.raw }));
    await this.host.updateComplete;
    if (focusInput || next.length === 0) this.focusInput();
    else this.focusChip(Math.min(index, next.length - 1));
  }

  private async editChip(index: number): Promise<void> {
    if (this.readonly) return;
    const { chips, text } = this.options.value();
    const chip = chips[index];
    if (!chip) return;
    const rest = chips.filter((_, i) => i !== index);
    // Text already in the input becomes chips first, so nothing typed is lost.
    if (text.trim() !== '') {
      this.setValue(rest, text);
      this.commit(text);
      this.setValue(this.options.value().chips as RecipientChip[], chip.raw);
    } else {
      this.setValue(rest, chip.raw);
    }
    this.notice = '';
    announce(this.msg('invite-wizard.recipients.editing', { text: chip.raw }));
    await this.host.updateComplete;
    const input = this.input();
    input?.focus();
    input?.setSelectionRange(input.value.length, input.value.length);
  }

  private readonly onInput = (event: InputEvent) => {
    const value = (event.target as HTMLInputElement).value;
    if (SEPARATOR_AT_END.test(value) && looksComplete(value.replace(SEPARATOR_AT_END, ''))) {
      this.commit(value);
      return;
    }
    this.notice = '';
    this.setValue([...this.options.value().chips], value);
    this.scheduleSearch(value);
  };

  private readonly onPaste = (event: ClipboardEvent) => {
    const pasted = event.clipboardData?.getData('text/plain') ?? '';
    if (pasted === '' || this.readonly) return;
    event.preventDefault();
    const input = event.target as HTMLInputElement;
    const start = input.selectionStart ?? input.value.length;
    const end = input.selectionEnd ?? start;
    const value = input.value.slice(0, start) + pasted + input.value.slice(end);
    // A pasted address or list becomes chips at once; other text (a name) is searched.
    if (pasted.includes('@') || /[,;\n\r\t]/.test(pasted)) {
      this.commit(value);
      return;
    }
    const flat = value.replace(/\s+/g, ' ');
    input.value = flat;
    const caret = Math.min(flat.length, start + pasted.length);
    input.setSelectionRange(caret, caret);
    this.setValue([...this.options.value().chips], flat);
    this.scheduleSearch(flat);
  };

  private readonly onKeydown = (event: KeyboardEvent) => {
    const input = event.target as HTMLInputElement;
    const results = this.results();
    const open = this.popup.isOpen;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        if (results.length === 0) return;
        event.preventDefault();
        if (!open) {
          this.dismissed = false;
          this.activeIndex = event.key === 'ArrowDown' ? 0 : results.length - 1;
        } else if (event.key === 'ArrowDown') {
          this.activeIndex = (this.activeIndex + 1) % results.length;
        } else {
          this.activeIndex = this.activeIndex <= 0 ? results.length - 1 : this.activeIndex - 1;
        }
        this.host.requestUpdate();
        return;
      }
      case 'Enter': {
        // Never submits the step: Enter picks or makes chips here.
        event.preventDefault();
        const active = open ? results[this.activeIndex] : undefined;
        if (active) this.pick(active);
        else if (input.value.trim() !== '') this.commit(input.value);
        return;
      }
      case 'Escape':
        if (open) {
          // The listbox's Escape, not a surrounding dialog's.
          event.preventDefault();
          event.stopPropagation();
          this.dismissed = true;
          this.activeIndex = -1;
          this.popup.close();
        }
        return;
      case 'Backspace':
      case 'ArrowLeft': {
        const atStart = input.selectionStart === 0 && input.selectionEnd === 0;
        const { chips } = this.options.value();
        if (atStart && chips.length > 0) {
          event.preventDefault();
          this.focusChip(chips.length - 1);
        }
        return;
      }
      case 'Tab':
        this.popup.close();
        return;
    }
  };

  private readonly onFocus = () => {
    this.focused = true;
    this.queueSync();
  };

  private readonly onBlur = () => {
    this.focused = false;
    this.activeIndex = -1;
    // Not during the render that moved focus away: after it.
    queueMicrotask(() => {
      // An address typed and left behind becomes a chip; a name typed to search stays as text.
      const { text } = this.options.value();
      if (text.includes('@') && !this.focused) this.commit(text);
      else this.host.requestUpdate();
      this.syncPopup();
    });
  };

  private onChipKeydown(event: KeyboardEvent, index: number): void {
    const { chips } = this.options.value();
    switch (event.key) {
      case 'ArrowLeft':
        event.preventDefault();
        this.focusChip(Math.max(0, index - 1));
        return;
      case 'ArrowRight':
        event.preventDefault();
        if (index >= chips.length - 1) this.focusInput();
        else this.focusChip(index + 1);
        return;
      case 'Home':
        event.preventDefault();
        this.focusChip(0);
        return;
      case 'End':
        event.preventDefault();
        this.focusChip(chips.length - 1);
        return;
      case 'Backspace':
      case 'Delete':
        event.preventDefault();
        void this.removeChip(index, false);
        return;
      case 'F2':
        event.preventDefault();
        void this.editChip(index);
        return;
      case 'Escape':
        event.preventDefault();
        this.focusInput();
        return;
    }
  }

  render(view: RecipientFieldView) {
    this.readonly = view.readonly;
    const { chips, text } = this.options.value();
    const searchable = this.options.canSearch();
    const results = this.results();
    const expanded = this.popup.isOpen;
    const active = expanded ? this.activeIndex : -1;
    const invalid = chips.filter((chip) => !chip.valid);
    const chosen = new Set(chips.filter((chip) => chip.valid).map((chip) => chip.email));
    const describedBy = [
      'recipient-hint',
      view.error ? 'recipient-error' : '',
      invalid.length > 0 ? 'recipient-invalid' : '',
      this.notice ? 'recipient-notice' : '',
    ]
      .filter(Boolean)
      .join(' ');
    const status = this.searchStatus(searchable);
    return html`
      <div class="field recipients" part="recipients">
        <label id="recipient-label" class="label" part="label" for="recipient-input">${this.msg('invite-wizard.recipients.label')}</label>
        <p id="recipient-hint" class="hint" part="hint">
          ${this.msg(searchable ? 'invite-wizard.recipients.hint.search' : 'invite-wizard.recipients.hint')}
        </p>
        <div
          class="recipient-box ${view.error || invalid.length > 0 ? 'has-error' : ''}"
          part="recipient-box"
          @click=${this.onBoxClick}
        >
          ${chips.length > 0
            ? html`<ul class="chips" part="chips" aria-label=${this.msg('invite-wizard.recipients.chips-label', { count: chips.length })}>
                ${repeat(
                  chips,
                  (chip) => chip.id,
                  (chip, index) => this.renderChip(chip, index),
                )}
              </ul>`
            : nothing}
          <input
            id="recipient-input"
            class="recipient-input"
            part="recipient-input"
            type="text"
            role=${ifDefined(searchable ? 'combobox' : undefined)}
            aria-autocomplete=${ifDefined(searchable ? 'list' : undefined)}
            aria-expanded=${ifDefined(searchable ? (expanded ? 'true' : 'false') : undefined)}
            aria-controls=${ifDefined(searchable ? 'contact-listbox' : undefined)}
            aria-activedescendant=${ifDefined(active >= 0 ? `contact-option-${active}` : undefined)}
            aria-describedby=${describedBy}
            aria-invalid=${view.error || invalid.length > 0 ? 'true' : 'false'}
            autocomplete="off"
            autocapitalize="off"
            spellcheck="false"
            ?readonly=${view.readonly}
            .value=${live(text)}
            @input=${this.onInput}
            @paste=${this.onPaste}
            @keydown=${this.onKeydown}
            @focus=${this.onFocus}
            @blur=${this.onBlur}
          />
        </div>
        <span id="chip-hint" class="visually-hidden">${this.msg('invite-wizard.recipients.chip-hint')}</span>
        ${view.error ? html`<p id="recipient-error" class="field-error" part="field-error">${view.error}</p>` : nothing}
        ${invalid.length > 0
          ? html`<p id="recipient-invalid" class="field-error" part="field-error">
              ${invalid.length === 1
                ? this.msg('invite-wizard.recipients.invalid.one', { text: invalid[0]?.raw ?? '' })
                : this.msg('invite-wizard.recipients.invalid', { count: invalid.length })}
            </p>`
          : nothing}
        ${this.notice ? html`<p id="recipient-notice" class="notice" part="notice">${this.notice}</p>` : nothing}
        ${status ? html`<p class="search-status" part="search-status">${status}</p>` : nothing}
        <div id="contact-popup" class="popup listbox-popup" part="listbox" hidden @mousedown=${this.keepFocus}>
          <ul id="contact-listbox" role="listbox" aria-label=${this.msg('invite-wizard.recipients.listbox-label')}>
            ${results.map((contact, index) => this.renderOption(contact, index, index === active, chosen))}
          </ul>
        </div>
      </div>
    `;
  }

  private searchStatus(searchable: boolean): string {
    if (!searchable || this.query === '') return '';
    if (this.search.pending) return this.msg('invite-wizard.recipients.search.pending');
    if (this.search.error) return this.msg('invite-wizard.recipients.search.error');
    if (this.results().length === 0) return this.msg('invite-wizard.recipients.search.none', { query: this.query });
    return '';
  }

  private renderChip(chip: RecipientChip, index: number) {
    const text = chip.valid ? chip.email : chip.raw;
    return html`<li class="chip ${chip.valid ? '' : 'invalid'}" part=${chip.valid ? 'chip' : 'chip chip-invalid'}>
      <button
        type="button"
        class="chip-main focus-ring"
        tabindex=${index === this.rovingIndex ? 0 : -1}
        aria-describedby="chip-hint"
        @click=${() => void this.editChip(index)}
        @keydown=${(event: KeyboardEvent) => this.onChipKeydown(event, index)}
        @focus=${() => {
          this.rovingIndex = index;
        }}
      >
        ${chip.valid ? nothing : html`<span class="chip-icon" aria-hidden="true">!</span>`}
        ${chip.valid && chip.name ? html`<span class="chip-name">${chip.name}</span>` : nothing}
        <span class="chip-text">${text}</span>
        ${chip.valid ? nothing : html`<span class="visually-hidden">${this.msg('invite-wizard.recipients.chip-invalid')}</span>`}
      </button>
      <button
        type="button"
        class="chip-remove"
        part="chip-remove"
        tabindex="-1"
        aria-label=${this.msg('invite-wizard.recipients.remove', { email: text })}
        @click=${(event: Event) => {
          event.stopPropagation();
          void this.removeChip(index, true);
        }}
      >
        <span aria-hidden="true">×</span>
      </button>
    </li>`;
  }

  private renderOption(contact: Contact, index: number, active: boolean, chosen: ReadonlySet<string>) {
    const name = contactName(contact) || contact.email || contact.id;
    const email = contact.email?.toLowerCase() ?? null;
    const added = email !== null && chosen.has(email);
    return html`<li
      id="contact-option-${index}"
      class="option ${active ? 'active' : ''}"
      part=${active ? 'option option-active' : 'option'}
      role="option"
      aria-selected=${active ? 'true' : 'false'}
      aria-disabled=${ifDefined(email === null ? 'true' : undefined)}
      @click=${() => this.pick(contact)}
    >
      <span class="option-name">${name}</span>
      <span class="option-detail">
        ${email ?? this.msg('invite-wizard.recipients.option.no-email')}${added ? html` · ${this.msg('invite-wizard.recipients.option.added')}` : nothing}
      </span>
    </li>`;
  }

  private readonly onBoxClick = (event: Event) => {
    if (event.target === event.currentTarget) this.focusInput();
  };

  // A click on an option must not blur the input (that would close the listbox first).
  private readonly keepFocus = (event: Event) => event.preventDefault();
}
