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
import { checkImageFile, IMAGE_ACCEPT, MAX_IMAGE_MEGABYTES } from '../../domain/images.js';
import {
  GENERAL_FIELDS,
  IMAGE_FIELD,
  IMAGE_KINDS,
  MLS_FIELDS,
  PROFILE_MAX_LENGTH,
  type ProfileDraft,
  type ProfileFieldSpec,
  type ProfileImageKey,
  type ProfileSectionId,
} from '../../domain/profile-fields.js';
import { safeUrl } from '../../domain/safe-url.js';
import { renderImage } from '../../internal/image.js';
import { announce } from '../../internal/live-region.js';
import type { LocaleController } from '../../internal/locale-controller.js';
import { profileFieldErrors, renderTimeZoneOptions } from '../../internal/profile-form.js';
import { registerMessages, type MessageKey } from '../../locales/index.js';
import { partnerTableViewsEn } from '../../locales/partner-table.views.en.js';
import { displayName } from './display-name.js';

export { profileEditorStyles } from './profile-editor.styles.js';
import { fieldErrorsOf, initialValues, profileChanges, readForm, type EditableField } from './profile-form.js';

// The editor's own strings come with it (Spanish comes with the table's catalogue).
registerMessages(partnerTableViewsEn);

/** The edit dialog's state; `returnTo` is the table's (where focus goes when it closes). */
export interface EditDialog<ReturnTo = unknown> {
  kind: 'edit';
  partner: Partner;
  returnTo: ReturnTo;
  initial: ProfileDraft;
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
  const { locale } = host;
  // Only what changed is checked: a saved value the rules would refuse does not block other edits.
  const invalid = profileFieldErrors(locale, changes);
  if (Object.keys(invalid).length > 0) {
    await showFieldErrors(host, dialog, invalid, []);
    return;
  }
  host.set({ ...dialog, saving: true, formError: null });
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
    if (Object.keys(fields).length > 0) await showFieldErrors(host, current, fields, other);
    else await showFormError(host, { ...current, errors: {} }, locale.msg('partner-table.edit.failed', { reason: other.join(' ') || host.reason(problem) }));
  }
}

/** Messages at their fields (the kit's checks or the adapter's), and a summary above the form. */
function showFieldErrors<ReturnTo>(
  host: ProfileEditorHost<ReturnTo>,
  dialog: EditDialog<ReturnTo>,
  fields: Partial<Record<EditableField, string>>,
  other: string[],
): Promise<void> {
  const count = Object.keys(fields).length;
  const summary = host.locale.msg(count === 1 ? 'partner-table.edit.fix-fields.one' : 'partner-table.edit.fix-fields', { count });
  return showFormError(host, { ...dialog, errors: fields }, [summary, ...other].join(' '));
}

/** Shows why the profile was not saved and moves focus to the first marked field, or to the message. */
async function showFormError<ReturnTo>(host: ProfileEditorHost<ReturnTo>, dialog: EditDialog<ReturnTo>, formError: string): Promise<void> {
  // Everything typed stays in the form: only the state around it changes.
  host.set({ ...dialog, saving: false, formError });
  announce(formError, 'assertive');
  await host.updateComplete;
  const firstInvalid = host.renderRoot.querySelector<HTMLElement>('dialog [aria-invalid="true"]');
  (firstInvalid ?? host.renderRoot.querySelector<HTMLElement>('#form-error'))?.focus();
}

export async function uploadImage<ReturnTo>(host: ProfileEditorHost<ReturnTo>, input: HTMLInputElement): Promise<void> {
  const dialog = host.current();
  const field = input.dataset.field as EditableField;
  const file = input.files?.[0];
  input.value = '';
  if (!dialog || !file) return;
  const { locale } = host;
  const problem = await checkImageFile(file);
  // The dialog may have closed or moved on while the file was read.
  const checked = host.current();
  if (checked?.partner.id !== dialog.partner.id || checked.uploading) return;
  if (problem) {
    const message = {
      type: locale.msg('partner-table.edit.image.type'),
      empty: locale.msg('partner-table.edit.image.empty'),
      size: locale.msg('partner-table.edit.image.size', { size: MAX_IMAGE_MEGABYTES }),
    }[problem];
    host.set({ ...checked, errors: { ...checked.errors, [field]: message } });
    return;
  }
  const errors = { ...checked.errors };
  delete errors[field];
  host.set({ ...checked, uploading: field, errors });
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
    ${renderSection(host, 'general', GENERAL_FIELDS.map((field) => renderField(host, field, dialog)))}
    ${renderSection(host, 'mls', MLS_FIELDS.map((field) => renderField(host, field, dialog)))}
    ${renderSection(host, 'images', IMAGE_KINDS.map((kind) => renderImageField(host, IMAGE_FIELD[kind], dialog)))}
    <div class="dialog-actions">
      <button type="button" class="button focus-ring" @click=${host.cancel}>${locale.msg('partner-table.cancel')}</button>
      <button type="submit" class="button primary focus-ring" aria-disabled=${busy ? 'true' : 'false'}>
        ${locale.msg(dialog.saving ? 'partner-table.edit.saving' : 'partner-table.edit.save')}
      </button>
    </div>
  </form>`;
}

function renderSection<ReturnTo>(host: ProfileEditorHost<ReturnTo>, id: ProfileSectionId, fields: TemplateResult[]): TemplateResult {
  return html`<fieldset class="form-section ${id}">
    <legend>${host.locale.msg(`partner-table.edit.${id}`)}</legend>
    <div class="form-grid">${fields}</div>
  </fieldset>`;
}

/** What every field of the form shares: its id, label, initial value and error wiring. */
function fieldParts<ReturnTo>(host: ProfileEditorHost<ReturnTo>, key: EditableField, dialog: EditDialog<ReturnTo>) {
  const id = `field-${key}`;
  const error = dialog.errors[key];
  const errorId = `${id}-error`;
  return {
    id,
    label: host.locale.msg(`field.${key}` as MessageKey),
    initial: dialog.initial[key],
    invalid: error ? ('true' as const) : ('false' as const),
    describedBy: ifDefined(error ? errorId : undefined),
    errorText: error ? html`<p class="field-error" id=${errorId}>${error}</p>` : nothing,
  };
}

/** A text, phone or time-zone field. The partner's profile, not the lender's: no autofill. */
function renderField<ReturnTo>(host: ProfileEditorHost<ReturnTo>, field: ProfileFieldSpec, dialog: EditDialog<ReturnTo>) {
  const { locale } = host;
  const { id, label, initial, invalid, describedBy, errorText } = fieldParts(host, field.key, dialog);
  if (field.input === 'time-zone') {
    return html`<div class="field">
      <label class="label" for=${id}>${label}</label>
      <select id=${id} class="input" name=${field.key} aria-invalid=${invalid} aria-describedby=${describedBy}>
        ${renderTimeZoneOptions(locale, initial, locale.msg('partner-table.edit.time-zone.none'))}
      </select>
      ${errorText}
    </div>`;
  }
  return html`<div class="field ${field.wide ? 'wide' : ''}">
    <label class="label" for=${id}>${label}</label>
    <input
      id=${id}
      class="input"
      name=${field.key}
      type=${field.input === 'tel' ? 'tel' : 'text'}
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

/** A profile image: its URL, a preview, and an upload where the adapter can take one. */
function renderImageField<ReturnTo>(host: ProfileEditorHost<ReturnTo>, key: ProfileImageKey, dialog: EditDialog<ReturnTo>) {
  const { locale } = host;
  const { id, label, initial, invalid, describedBy, errorText } = fieldParts(host, key, dialog);
  const preview = safeUrl(dialog.previews[key] ?? initial);
  return html`<div class="field image-field">
    <label class="label" for=${id}>${locale.msg('partner-table.edit.image.url', { field: label })}</label>
    <input id=${id} class="input" name=${key} type="url" inputmode="url" maxlength=${PROFILE_MAX_LENGTH[key]} value=${initial} aria-invalid=${invalid} aria-describedby=${describedBy} autocomplete="off" />
    ${preview
      ? renderImage({
          src: preview,
          alt: locale.msg('partner-table.edit.image.preview', { field: label }),
          className: 'preview',
          unavailable: locale.msg('partner-table.image.unavailable'),
        })
      : nothing}
    ${host.canUpload()
      ? html`<label for=${`${id}-file`} class="label upload-label">${locale.msg('partner-table.edit.image.upload', { field: label })}</label>
          <input
            id=${`${id}-file`}
            type="file"
            accept=${IMAGE_ACCEPT}
            data-field=${key}
            aria-describedby=${describedBy}
            @change=${(event: Event) => void uploadImage(host, event.target as HTMLInputElement)}
          />`
      : nothing}
    ${dialog.uploading === key ? html`<p class="muted">${locale.msg('partner-table.edit.image.uploading')}</p>` : nothing}
    ${errorText}
  </div>`;
}
