import { expect } from '@open-wc/testing';
import { waitUntil } from '../../test/support/wait.js';
import { INVITE_STATUSES, STATUS_LABELS } from '../domain/status.js';
import { es } from './es.js';
import { dealBoardEn } from './partner-deal-board.en.js';
import { dealBoardEs } from './partner-deal-board.es.js';
import { inviteWizardEn } from './invite-wizard.en.js';
import { inviteWizardEs } from './invite-wizard.es.js';
import { partnerRegistrationEn } from './partner-registration.en.js';
import { partnerRegistrationEs } from './partner-registration.es.js';
import { partnerTableEn } from './partner-table.en.js';
import { partnerTableEs } from './partner-table.es.js';
import { settingsEn } from './settings.en.js';
import { settingsEs } from './settings.es.js';
import { sharedClientsEn } from './shared-clients.en.js';
import { sharedClientsEs } from './shared-clients.es.js';
import { statusDetailsEn } from './status-details.en.js';
import { statusDetailsEs } from './status-details.es.js';
import { profileFormEn } from './profile-form.en.js';
import { profileFormEs } from './profile-form.es.js';
import {
  en,
  formatDate,
  formatList,
  formatNumber,
  formatPercent,
  getLocale,
  loadLocale,
  msg,
  pluralCategory,
  onLocaleChange,
  registerLocale,
  registerMessages,
  resolveLocale,
  setLocale,
  type MessageKey,
} from './index.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

afterEach(() => {
  setLocale(undefined);
  document.documentElement.lang = 'en';
});

// First in the file: nothing has loaded Spanish yet.
describe('loading a shipped catalogue', () => {
  it('renders English until Spanish has loaded, then tells listeners', async () => {
    const calls: boolean[] = [];
    const stop = onLocaleChange((messagesChanged) => calls.push(messagesChanged));
    try {
      expect(msg('status.label.active', undefined, 'es')).to.equal('Active');
      await loadLocale('es-MX');
      expect(msg('status.label.active', undefined, 'es')).to.equal('Activo');
      expect(calls).to.deep.equal([true]);
      await loadLocale('es');
      expect(calls, 'loaded once').to.deep.equal([true]);
    } finally {
      stop();
    }
  });
});

describe('catalogues', () => {
  it('the English status labels are the exact labels of the product', () => {
    for (const code of INVITE_STATUSES) {
      expect(en[`status.label.${code}`]).to.equal(STATUS_LABELS[code]);
    }
    expect(en['status.label.unknown']).to.equal('Unknown status');
  });

  // The core catalogue and each element's own: Spanish complete for every one of them.
  const PAIRS: [string, Record<string, string>, Record<string, string>][] = [
    ['core', en, es],
    ['partner-table', partnerTableEn, partnerTableEs],
    ['invite-wizard', inviteWizardEn, inviteWizardEs],
    ['partner-deal-board', dealBoardEn, dealBoardEs],
    ['partner-registration', partnerRegistrationEn, partnerRegistrationEs],
    ['settings', settingsEn, settingsEs],
    ['shared-clients', sharedClientsEn, sharedClientsEs],
    ['status-badge tooltip', statusDetailsEn, statusDetailsEs],
    ['profile forms', profileFormEn, profileFormEs],
  ];
  for (const [area, english, spanish] of PAIRS) {
    it(`Spanish has every English key of ${area}, non-empty, with the same placeholders`, () => {
      for (const key of Object.keys(english)) {
        expect(spanish[key], key).to.be.a('string').and.not.equal('');
        expect(placeholders(spanish[key]!), key).to.deep.equal(placeholders(english[key]!));
      }
      expect(Object.keys(spanish).sort()).to.deep.equal(Object.keys(english).sort());
    });
  }

  it('an element registers its own strings in English and loads its Spanish with the locale', async () => {
    const key = 'test-area.greeting' as MessageKey;
    registerMessages({ [key]: 'Hello {name}' }, { es: async () => ({ [key]: 'Hola {name}' }) });
    expect(msg(key, { name: 'Ana' }, 'en')).to.equal('Hello Ana');
    await loadLocale('es');
    await waitUntil(() => msg(key, { name: 'Ana' }, 'es') === 'Hola Ana', 'Spanish of a late registration');
  });
});

describe('msg', () => {
  before(() => loadLocale('es'));

  it('fills placeholders and formats numbers for the locale', () => {
    expect(msg('progress.valuetext', { filled: 5, total: 8 }, 'en')).to.equal('5 of 8 fields');
    expect(msg('progress.valuetext', { filled: 5, total: 8 }, 'es')).to.equal('5 de 8 campos');
    expect(msg('progress.show-missing', { count: 1234 }, 'en')).to.equal('Show missing (1,234)');
    expect(msg('progress.show-missing', { count: 1234 }, 'de')).to.equal('Show missing (1.234)');
  });

  it('keeps a placeholder without a value, and never evaluates parameter text', () => {
    expect(msg('progress.valuetext', { filled: 1 }, 'en')).to.equal('1 of {total} fields');
    expect(msg('progress.missing-summary', { fields: '{fields} <b>x</b>' }, 'en')).to.equal('Missing: {fields} <b>x</b>');
  });

  it('falls back to the base language, then to English', () => {
    expect(msg('status.label.active', undefined, 'es-MX')).to.equal('Activo');
    expect(msg('status.label.active', undefined, 'fr')).to.equal('Active');
    expect(msg('status.label.active', undefined, 'not a tag')).to.equal('Active');
  });

  it('a regional catalogue falls back to its base language, key by key', () => {
    registerLocale('es-MX', { 'status.label.active': 'Activo (MX)' });
    expect(msg('status.label.active', undefined, 'es-MX')).to.equal('Activo (MX)');
    expect(msg('status.label.pending-opened', undefined, 'es-MX')).to.equal('Pendiente - Correo abierto');
  });

  it('uses a registered locale, and English for the keys it lacks', () => {
    registerLocale('fr', { 'status.label.active': 'Actif' });
    expect(msg('status.label.active', undefined, 'fr')).to.equal('Actif');
    expect(msg('status.label.pending-opened', undefined, 'fr')).to.equal('Pending - Email Opened');
  });
});

describe('the current locale', () => {
  it('follows <html lang>, unless the host set one', () => {
    document.documentElement.lang = 'es';
    expect(getLocale()).to.equal('es');
    expect(msg('status.label.active')).to.equal('Activo');
    setLocale('en-GB');
    expect(getLocale()).to.equal('en-GB');
    setLocale(undefined);
    expect(getLocale()).to.equal('es');
  });

  it('ignores a malformed <html lang> or setLocale() value', () => {
    document.documentElement.lang = 'not a tag!';
    expect(getLocale()).to.equal('en');
    const warn = console.warn;
    const warnings: unknown[] = [];
    console.warn = (message: unknown) => warnings.push(message);
    try {
      setLocale('%%%');
    } finally {
      console.warn = warn;
    }
    expect(getLocale()).to.equal('en');
    expect(warnings).to.have.length(1);
  });

  it("an element's closest lang wins, across shadow roots", () => {
    const outer = document.createElement('div');
    outer.lang = 'es';
    const host = document.createElement('div');
    outer.append(host);
    document.body.append(outer);
    const inner = document.createElement('span');
    host.attachShadow({ mode: 'open' }).append(inner);
    try {
      setLocale('de');
      expect(resolveLocale(inner)).to.equal('es');
      outer.removeAttribute('lang');
      expect(resolveLocale(inner)).to.equal('de');
    } finally {
      outer.remove();
    }
  });

  it('tells listeners about <html lang> changes and setLocale()', async () => {
    let calls = 0;
    const stop = onLocaleChange(() => calls++);
    try {
      document.documentElement.lang = 'es';
      await new Promise((resolve) => setTimeout(resolve));
      expect(calls).to.equal(1);
      setLocale('fr');
      expect(calls).to.equal(2);
    } finally {
      stop();
    }
    document.documentElement.lang = 'de';
    await new Promise((resolve) => setTimeout(resolve));
    expect(calls).to.equal(2);
  });
});

describe('Intl formatting', () => {
  it('formats numbers, percentages, dates and lists per locale', () => {
    expect(formatNumber(1234.5, undefined, 'en')).to.equal('1,234.5');
    expect(formatNumber(1234.5, undefined, 'es')).to.equal('1234,5');
    expect(formatPercent(62.5, undefined, 'en')).to.equal('63%');
    expect(formatPercent(62, undefined, 'es')).to.equal('62\u00a0%');
    const date = new Date(Date.UTC(2025, 0, 15, 12));
    expect(formatDate(date, { dateStyle: 'long', timeZone: 'UTC' }, 'en')).to.equal('January 15, 2025');
    expect(formatDate(date, { dateStyle: 'long', timeZone: 'UTC' }, 'es')).to.equal('15 de enero de 2025');
    expect(formatList(['Name', 'Email', 'Time zone'], undefined, 'en')).to.equal('Name, Email, and Time zone');
    expect(formatList(['Nombre', 'Cargo'], undefined, 'es')).to.equal('Nombre y Cargo');
  });

  it('gives the plural category per locale', () => {
    expect(pluralCategory(1, 'en')).to.equal('one');
    expect(pluralCategory(8, 'en')).to.equal('other');
    expect(pluralCategory(1, 'es')).to.equal('one');
    expect(pluralCategory(0, 'es')).to.equal('other');
  });

  it('returns an empty string for an invalid date, and survives a bad locale', () => {
    expect(formatDate('not a date')).to.equal('');
    expect(formatNumber(5, undefined, 'not a tag')).to.equal('5');
  });
});
