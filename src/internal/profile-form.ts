/**
 * What the kit's three profile forms (the table's "Edit", the wizard's
 * pre-fill steps, the registration's profile step) share beyond the domain's
 * field list: the time-zone list and the messages of the phone and ZIP checks.
 */

import { html, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { profileProblems, timeZoneChoices, type ProfileTextKey } from '../domain/profile-fields.js';
import { registerMessages } from '../locales/index.js';
import { profileFormEn } from '../locales/profile-form.en.js';
import type { LocaleController } from './locale-controller.js';

// The profile forms' shared strings come with them.
registerMessages(profileFormEn, { es: () => import('../locales/profile-form.es.js').then((module) => module.profileFormEs) });

let knownZones: readonly string[] | undefined;

/** The IANA time zones this browser knows (the list the server's check accepts). */
function knownTimeZones(): readonly string[] {
  if (knownZones === undefined) {
    try {
      knownZones = Intl.supportedValuesOf('timeZone');
    } catch {
      knownZones = [];
    }
  }
  return knownZones;
}

const zoneLabels = new Map<string, string>();

/** "Eastern Time (New York)" in the given language; the zone's own name where the browser has none. */
export function timeZoneLabel(zone: string, lang: string): string {
  const cacheKey = `${lang}|${zone}`;
  let label = zoneLabels.get(cacheKey);
  if (label === undefined) {
    const city = zone.split('/').pop()?.replace(/_/g, ' ') ?? zone;
    try {
      const name = new Intl.DateTimeFormat(lang, { timeZone: zone, timeZoneName: 'longGeneric' })
        .formatToParts(new Date())
        .find((part) => part.type === 'timeZoneName')?.value;
      label = name ? `${name} (${city})` : zone;
    } catch {
      label = zone;
    }
    zoneLabels.set(cacheKey, label);
  }
  return label;
}

/**
 * The options of every time-zone `<select>` of the kit (the profile forms of
 * the table, the wizard and the registration): "none" first, then the US
 * zones by name, then every other zone the browser knows. A saved value the
 * browser does not know is kept as an option, so opening and saving a form
 * never changes it. The ~400 options are made again only when the value or
 * the language changes.
 */
export function renderTimeZoneOptions(locale: LocaleController, current: string, noneLabel: string): TemplateResult {
  const lang = locale.lang;
  const usLabel = locale.msg('time-zone.group.us');
  const otherLabel = locale.msg('time-zone.group.other');
  return html`<option value="" ?selected=${current === ''}>${noneLabel}</option>
    ${guard([current, lang, usLabel, otherLabel], () => {
      const { featured, others } = timeZoneChoices(current, knownTimeZones());
      return html`<optgroup label=${usLabel}>
          ${featured.map((zone) => html`<option value=${zone} ?selected=${zone === current}>${timeZoneLabel(zone, lang)}</option>`)}
        </optgroup>
        <optgroup label=${otherLabel}>
          ${others.map((zone) => html`<option value=${zone} ?selected=${zone === current}>${zone.replaceAll('_', ' ')}</option>`)}
        </optgroup>`;
    })}`;
}

/**
 * The kit's message for each phone or ZIP value that does not follow its rule
 * (`profileProblems`), by key: what a profile form shows at those fields
 * instead of sending. Empty when every value is fine.
 */
export function profileFieldErrors(
  locale: LocaleController,
  values: Partial<Record<ProfileTextKey, string | null | undefined>>,
): Partial<Record<ProfileTextKey, string>> {
  const errors: Partial<Record<ProfileTextKey, string>> = {};
  for (const [key, problem] of Object.entries(profileProblems(values)) as [ProfileTextKey, 'phone' | 'zip'][]) {
    errors[key] = locale.msg(problem === 'phone' ? 'profile-form.invalid.phone' : 'profile-form.invalid.zip');
  }
  return errors;
}
