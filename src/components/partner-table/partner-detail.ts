/**
 * The partner detail drawer's content (seed 000: "a detailed overview of
 * your connection": contact and company info, media made together, leads
 * shared; plus the status history). Every link and image goes through
 * `safeUrl`; everything from the adapter is rendered as text.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Lead, MediaItem, Partner, PartnerDetail, StatusChange } from '../../adapter/types.js';
import { buildMailto } from '../../domain/mailto.js';
import { safeUrl, telHref } from '../../domain/safe-url.js';
import { renderImage } from '../../internal/image.js';
import type { LocaleController } from '../../internal/locale-controller.js';
import { registerMessages, type MessageKey } from '../../locales/index.js';
import { partnerTableViewsEn } from '../../locales/partner-table.views.en.js';
import { displayName } from './display-name.js';

export { partnerDetailStyles } from './partner-detail.styles.js';

// The drawer's own strings come with it (Spanish comes with the table's catalogue).
registerMessages(partnerTableViewsEn);


const dateTime: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

function entry(locale: LocaleController, label: string, value: string | null | undefined | TemplateResult) {
  const empty = value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
  return html`<div class="entry">
    <dt>${label}</dt>
    <dd class=${empty ? 'muted' : ''}>${empty ? locale.msg('partner-table.detail.not-provided') : value}</dd>
  </div>`;
}

/** A phone number as a `tel:` link (the text as given), or as text when it cannot be dialled. */
function phone(value: string | null | undefined): string | null | undefined | TemplateResult {
  const href = telHref(value);
  return href ? html`<a class="focus-ring" href=${href}>${value}</a>` : value;
}

function addressLines(partner: Partner): string[] {
  const { street, unit, city, state, zip } = partner.profile;
  const cityLine = [city, [state, zip].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return [street, unit, cityLine].filter((line): line is string => typeof line === 'string' && line.trim() !== '');
}

function renderContact(locale: LocaleController, partner: Partner) {
  const { profile } = partner;
  const mailto = buildMailto({ to: partner.email });
  const address = addressLines(partner);
  return html`<section class="detail-section" part="detail-section" aria-labelledby="detail-contact">
    <h3 id="detail-contact">${locale.msg('partner-table.detail.contact')}</h3>
    <dl>
      ${entry(locale, locale.msg('field.email'), mailto ? html`<a class="focus-ring" href=${mailto}>${partner.email}</a>` : partner.email)}
      ${entry(locale, locale.msg('field.mobilePhone'), phone(profile.mobilePhone))}
      ${entry(locale, locale.msg('field.officePhone'), phone(profile.officePhone))}
      ${entry(
        locale,
        locale.msg('partner-table.detail.address'),
        address.length === 0 ? null : html`${address.map((line, index) => html`${index > 0 ? html`<br />` : nothing}${line}`)}`,
      )}
      ${entry(locale, locale.msg('field.jobTitle'), profile.jobTitle)}
      ${entry(locale, locale.msg('field.timeZone'), profile.timeZone)}
    </dl>
  </section>`;
}

function renderCompany(locale: LocaleController, partner: Partner) {
  const { profile } = partner;
  const logo = safeUrl(profile.logoUrl);
  return html`<section class="detail-section" part="detail-section" aria-labelledby="detail-company">
    <h3 id="detail-company">${locale.msg('partner-table.detail.company')}</h3>
    ${logo
      ? renderImage({
          src: logo,
          alt: locale.msg('partner-table.detail.logo', { company: profile.company ?? displayName(partner) }),
          className: 'logo',
          part: 'detail-logo',
          unavailable: locale.msg('partner-table.image.unavailable'),
        })
      : nothing}
    <dl>
      ${entry(locale, locale.msg('field.company'), profile.company)}
      ${entry(locale, locale.msg('field.licenseNumber'), profile.licenseNumber)}
      ${entry(locale, locale.msg('field.mlsAgentId'), profile.mlsAgentId)}
      ${entry(locale, locale.msg('field.mlsAssociation'), profile.mlsAssociation)}
    </dl>
  </section>`;
}

function renderMediaItem(locale: LocaleController, item: MediaItem) {
  const href = safeUrl(item.url);
  const thumbnail = safeUrl(item.thumbnailUrl);
  const kind = locale.msg(`partner-table.detail.media.${item.kind}` as MessageKey);
  return html`<li class="media-item">
    ${thumbnail ? renderImage({ src: thumbnail, alt: '', className: 'thumbnail' }) : nothing}
    <div>
      ${href
        ? html`<a class="focus-ring" href=${href} target="_blank" rel="noopener noreferrer">${item.title}</a>`
        : html`<span>${item.title}</span>`}
      <div class="muted">${kind} · ${locale.formatDate(item.createdAt)}</div>
    </div>
  </li>`;
}

function renderLead(locale: LocaleController, lead: Lead) {
  const mailto = lead.email ? buildMailto({ to: lead.email }) : null;
  return html`<li class="lead">
    <div><strong>${lead.name}</strong> ${mailto ? html`<a class="focus-ring" href=${mailto}>${lead.email}</a>` : nothing}</div>
    <div class="muted">
      ${locale.msg(lead.direction === 'received' ? 'partner-table.detail.lead.received' : 'partner-table.detail.lead.sent')} ·
      ${locale.formatDate(lead.sharedAt)}
    </div>
    ${lead.note ? html`<div>${lead.note}</div>` : nothing}
  </li>`;
}

function renderHistory(locale: LocaleController, history: readonly StatusChange[]) {
  // Newest first: what happened last is what the lender looks for.
  const ordered = [...history].sort((a, b) => b.at.localeCompare(a.at));
  return html`<ol class="history" part="detail-history">
    ${ordered.map(
      (change) => html`<li>
        <status-badge status=${change.status} no-tooltip></status-badge>
        <time datetime=${change.at}>${locale.formatDate(change.at, dateTime)}</time>
      </li>`,
    )}
  </ol>`;
}

/** Everything below the drawer's heading. */
export function renderPartnerDetail(locale: LocaleController, detail: PartnerDetail) {
  const { partner, media, leads, statusHistory } = detail;
  const photo = safeUrl(partner.profile.photoUrl);
  return html`
    <div class="detail-summary">
      ${photo
        ? renderImage({
            src: photo,
            alt: locale.msg('partner-table.detail.photo', { name: displayName(partner) }),
            className: 'photo',
            part: 'detail-photo',
          })
        : nothing}
      <status-badge status=${partner.status}></status-badge>
    </div>
    ${renderContact(locale, partner)} ${renderCompany(locale, partner)}
    <section class="detail-section" part="detail-section" aria-labelledby="detail-media">
      <h3 id="detail-media">${locale.msg('partner-table.detail.media')}</h3>
      ${media.length === 0
        ? html`<p class="muted">${locale.msg('partner-table.detail.media.none')}</p>`
        : html`<ul class="plain-list">${media.map((item) => renderMediaItem(locale, item))}</ul>`}
    </section>
    <section class="detail-section" part="detail-section" aria-labelledby="detail-leads">
      <h3 id="detail-leads">${locale.msg('partner-table.detail.leads')}</h3>
      ${leads.length === 0
        ? html`<p class="muted">${locale.msg('partner-table.detail.leads.none')}</p>`
        : html`<ul class="plain-list">${leads.map((lead) => renderLead(locale, lead))}</ul>`}
    </section>
    <section class="detail-section" part="detail-section" aria-labelledby="detail-history">
      <h3 id="detail-history">${locale.msg('partner-table.detail.history')}</h3>
      ${renderHistory(locale, statusHistory)}
    </section>
  `;
}
