/**
 * The profile editor of `<partner-table>` (the row action "Edit"): the form,
 * saving through the adapter with per-field errors, and image uploads.
 *
 * Loaded on the first "Edit" (and prefetched when a row menu opens), not with
 * the table: most visits never edit, and the first render should not pay for
 * the form. The table keeps the dialog shell, its state and where focus
 * returns; this module renders the form inside it and runs its actions
 * through `ProfileEditorHost`.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { isAbortError, PartnerKitError, toPartnerKitError } from '../../adapter/errors.js';
import { newIdempotencyKey } from '../../adapter/idempotency.js';
import type { Partner, PartnerKitAdapter } from '../../adapter/types.js';
import { safeUrl } from '../../domain/safe-url.js';
import { announce } from '../../internal/live-region.js';
import type { LocaleController } from '../../internal/locale-controller.js';
import { registerMessages, type MessageKey } from '../../locales/index.js';
import { partnerTableViewsEn } from '../../locales/partner-table.views.en.js';
import { displayName } from './display-name.js';

export { profileEditorStyles } from './profile-editor.styles.js';
import {
  fieldErrorsOf,
  imageProblem,
  IMAGE_TYPES,
  initialValues,
  MAX_IMAGE_MB,
  PROFILE_SECTIONS,
  profileChanges,
  readForm,
  timeZoneOptions,
  type EditableField,
  type FieldSpec,
  type ProfileValues,
} from './profile-form.js';

// The editor's own strings come with it (Spanish comes with the table's catalogue).
registerMessages(partnerTableViewsEn);

/** The edit dialog's state; `returnTo` is the table's (where focus goes when it closes). */
export interface EditDialog<ReturnTo = unknown> {
  kind: 'edit';
  partner: Partner;
  returnTo: ReturnTo;
  initial: ProfileValues;
  timeZones: string[];
  saving: boolean;
  uploading: EditableField | null;
  errors: Partial<Record<EditableField, string>>;
  formError: string | null;
  /** Images uploaded in this dialog, shown instead of the saved ones. */
  previews: Partial<Record<EditableField, string>>;
}

/** What the editor needs of the table. */
export interface ProfileEditorHost<ReturnTo = unknown> {
  readonly locale: LocaleController;
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly updateComplete: Promise<boolean>;
  /** The open edit dialog, or null when another dialog (or none) is open. */
  current(): EditDialog<ReturnTo> | null;
  /** Replaces the open edit dialog's state (re-renders). */
  set(dialog: EditDialog<ReturnTo>): void;
  close(returnTo: ReturnTo): void;
  adapter(): PartnerKitAdapter;
  /** Aborted when the table is removed. */
  signal(): AbortSignal;
  canUpload(): boolean;
  /** Shows the saved partner in its row. */
  replace(partner: Partner): void;
  /** Tells the person and the host that the profile was saved. */
  saved(partner: Partner): void;
  /** A failure the dialog cannot show (it was closed meanwhile). */
  failed(text: string): void;
  /** A failure in the person's words. */
  reason(error: unknown): string;
  /** The dialog's header with its close button. */
  header(title: string): TemplateResult;
  /** Closes the dialog as its Cancel button does. */
  readonly cancel: () => void;
}

export function editDialogFor<ReturnTo>(partner: Partner, returnTo: ReturnTo): EditDialog<ReturnTo> {
  return {
    kind: 'edit',
    partner,
    returnTo,
    initial: initialValues(partner),
    timeZones: timeZoneOptions(partner.profile.timeZone ?? ''),
    saving: false,
    uploading: null,
    errors: {},
    formError: null,
    previews: {},
  };
}

export async function saveProfile<ReturnTo>(host: ProfileEditorHost<ReturnTo>, form: HTMLFormElement): Promise<void> {
  const dialog = host.current();
  if (!dialog || dialog.saving || dialog.uploading) return;
  const changes = profileChanges(dialog.initial, readForm(form));
  if (Object.keys(changes).length === 0) {
    host.close(dialog.returnTo);
    return;
  }
  host.set({ ...dialog, saving: true, formError: null });
  const { locale } = host;
  try {
    const updated = await host.adapter().updatePartnerProfile!(dialog.partner.id, changes, { signal: host.signal() });
    host.replace(updated);
    if (host.current()?.partner.id === dialog.partner.id) host.close(dialog.returnTo);
    host.saved(updated);
  } catch (error) {
    if (isAbortError(error)) return;
    const current = host.current();
    const problem = toPartnerKitError(error);
    if (current?.partner.id !== dialog.partner.id) {
      host.failed(locale.msg('partner-table.edit.failed', { reason: host.reason(problem) }));
      return;
    }
    const { fields, other } = problem instanceof PartnerKitError && problem.code === 'validation' ? fieldErrorsOf(problem) : { fields: {}, other: [] };
    const invalid = Object.keys(fields).length;
    const formError =
      invalid > 0
        ? [locale.msg(invalid === 1 ? 'partner-table.edit.fix-fields.one' : 'partner-table.edit.fix-fields', { count: invalid }), ...other].join(' ')
        : locale.msg('partner-table.edit.failed', { reason: other.join(' ') || host.reason(problem) });
    // Everything typed stays in the form: only the state around it changes.
    host.set({ ...current, saving: false, errors: fields, formError });
    announce(formError, 'assertive');
    await host.updateComplete;
    const firstInvalid = host.renderRoot.querySelector<HTMLElement>('dialog [aria-invalid="true"]');
    (firstInvalid ?? host.renderRoot.querySelector<HTMLElement>('#form-error'))?.focus();
  }
}

export async function uploadImage<ReturnTo>(host: ProfileEditorHost<ReturnTo>, input: HTMLInputElement): Promise<void> {
  const dialog = host.current();
  const field = input.dataset.field as EditableField;
  const file = input.files?.[0];
  input.value = '';
  if (!dialog || !file) return;
  const { locale } = host;
  const problem = imageProblem(file);
  if (problem) {
    const message = problem === 'type' ? locale.msg('partner-table.edit.image.type') : locale.msg('partner-table.edit.image.size', { size: MAX_IMAGE_MB });
    host.set({ ...dialog, errors: { ...dialog.errors, [field]: message } });
    return;
  }
  const errors = { ...dialog.errors };
  delete errors[field];
  host.set({ ...dialog, uploading: field, errors });
  try {
    const image = await host.adapter().uploadImage!(file, field === 'photoUrl' ? 'photo' : 'logo', {
      idempotencyKey: newIdempotencyKey(),
      signal: host.signal(),
    });
    const current = host.current();
    if (current?.partner.id !== dialog.partner.id) return;
    const urlInput = host.renderRoot.querySelector<HTMLInputElement>(`#field-${field}`);
    if (urlInput) urlInput.value = image.url;
    host.set({ ...current, uploading: null, previews: { ...current.previews, [field]: image.url } });
  } catch (error) {
    if (isAbortError(error)) return;
    const current = host.current();
    if (!current) return;
    const message = locale.msg('partner-table.edit.image.failed', { reason: host.reason(error) });
    host.set({ ...current, uploading: null, errors: { ...current.errors, [field]: message } });
  }
}

export function renderEditDialog<ReturnTo>(host: ProfileEditorHost<ReturnTo>, dialog: EditDialog<ReturnTo>): TemplateResult {
  const { locale } = host;
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    void saveProfile(host, event.currentTarget as HTMLFormElement);
  };
  const busy = dialog.saving || dialog.uploading !== null;
  return html`<form class="dialog-body edit-form" novalidate @submit=${onSubmit}>
    ${host.header(locale.msg('partner-table.edit.title', { name: displayName(dialog.partner) }))}
    <p class="muted">${locale.msg('partner-table.edit.intro')}</p>
    ${dialog.formError ? html`<p id="form-error" class="form-error" tabindex="-1">${dialog.formError}</p>` : nothing}
    ${PROFILE_SECTIONS.map(
      (section) => html`<fieldset class="form-section ${section.id}">
        <legend>${locale.msg(`partner-table.edit.${section.id}`)}</legend>
        <div class="form-grid">${section.fields.map((field) => renderField(host, field, dialog))}</div>
      </fieldset>`,
    )}
    <div class="dialog-actions">
      <button type="button" class="button focus-ring" @click=${host.cancel}>${locale.msg('partner-table.cancel')}</button>
      <button type="submit" class="button primary focus-ring" aria-disabled=${busy ? 'true' : 'false'}>
        ${locale.msg(dialog.saving ? 'partner-table.edit.saving' : 'partner-table.edit.save')}
      </button>
    </div>
  </form>`;
}

function renderField<ReturnTo>(host: ProfileEditorHost<ReturnTo>, field: FieldSpec, dialog: EditDialog<ReturnTo>) {
  const { locale } = host;
  const id = `field-${field.key}`;
  const error = dialog.errors[field.key];
  const errorId = `${id}-error`;
  const label = locale.msg(`field.${field.key}` as MessageKey);
  const initial = dialog.initial[field.key];
  const invalid = error ? 'true' : 'false';
  const describedBy = ifDefined(error ? errorId : undefined);
  const errorText = error ? html`<p class="field-error" id=${errorId}>${error}</p>` : nothing;
  if (field.kind === 'time-zone') {
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <select id=${id} name=${field.key} aria-invalid=${invalid} aria-describedby=${describedBy}>
        <option value="" ?selected=${initial === ''}>${locale.msg('partner-table.edit.time-zone.none')}</option>
        ${dialog.timeZones.map((zone) => html`<option value=${zone} ?selected=${zone === initial}>${zone}</option>`)}
      </select>
      ${errorText}
    </div>`;
  }
  if (field.kind === 'image') {
    const preview = safeUrl(dialog.previews[field.key] ?? initial);
    return html`<div class="field image-field">
      <label for=${id}>${locale.msg('partner-table.edit.image.url', { field: label })}</label>
      <input id=${id} name=${field.key} type="url" inputmode="url" maxlength=${field.maxLength} value=${initial} aria-invalid=${invalid} aria-describedby=${describedBy} autocomplete="off" />
      ${preview
        ? html`<img class="preview" src=${preview} alt=${locale.msg('partner-table.edit.image.preview', { field: label })} referrerpolicy="no-referrer" />`
        : nothing}
      ${host.canUpload()
        ? html`<label for=${`${id}-file`} class="upload-label">${locale.msg('partner-table.edit.image.upload', { field: label })}</label>
            <input
              id=${`${id}-file`}
              type="file"
              accept=${IMAGE_TYPES.join(',')}
              data-field=${field.key}
              aria-describedby=${describedBy}
              @change=${(event: Event) => void uploadImage(host, event.target as HTMLInputElement)}
            />`
        : nothing}
      ${dialog.uploading === field.key ? html`<p class="muted">${locale.msg('partner-table.edit.image.uploading')}</p>` : nothing}
      ${errorText}
    </div>`;
  }
  return html`<div class="field ${field.key === 'street' ? 'wide' : ''}">
    <label for=${id}>${label}</label>
    <input
      id=${id}
      name=${field.key}
      type=${field.kind === 'tel' ? 'tel' : 'text'}
      maxlength=${field.maxLength}
      value=${initial}
      aria-invalid=${invalid}
      aria-describedby=${describedBy}
      autocomplete="off"
      ?autofocus=${field.key === 'firstName'}
    />
    ${errorText}
  </div>`;
}
