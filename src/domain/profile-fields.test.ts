import { expect } from '@open-wc/testing';
import { partnerProfileSchema } from '../adapter/schemas.js';
import {
  GENERAL_FIELDS,
  isPlausiblePhone,
  isPlausibleZip,
  isProfileFormKey,
  profileDraft,
  profileFromDraft,
  profileProblems,
  MLS_FIELDS,
  PROFILE_FORM_KEYS,
  PROFILE_MAX_LENGTH,
  sectionOfProfileField,
  timeZoneChoices,
  US_TIME_ZONES,
} from './profile-fields.js';

describe('the profile form (domain/profile-fields)', () => {
  it('lists General Info, MLS Info and Images in the order of seed 001', () => {
    const general = GENERAL_FIELDS.map((field) => field.key);
    expect(general.slice(0, 3)).to.deep.equal(['firstName', 'lastName', 'company']);
    expect(general.slice(3, 8), 'the address, in postal order').to.deep.equal(['street', 'unit', 'city', 'state', 'zip']);
    expect(general.slice(8)).to.deep.equal(['jobTitle', 'officePhone', 'mobilePhone', 'timeZone']);
    expect(MLS_FIELDS.map((field) => field.key)).to.deep.equal(['licenseNumber', 'mlsAgentId', 'mlsAssociation']);
    expect(PROFILE_FORM_KEYS).to.deep.equal([...[...GENERAL_FIELDS, ...MLS_FIELDS].map((field) => field.key), 'photoUrl', 'logoUrl']);
    expect(GENERAL_FIELDS.filter((field) => field.input === 'tel').map((field) => field.key)).to.deep.equal(['officePhone', 'mobilePhone']);
    expect(GENERAL_FIELDS.find((field) => field.key === 'zip')?.autocomplete).to.equal('postal-code');
  });

  it('knows which section shows a key, and nothing else is a form key', () => {
    expect(sectionOfProfileField('zip')).to.equal('general');
    expect(sectionOfProfileField('timeZone')).to.equal('general');
    expect(sectionOfProfileField('mlsAgentId')).to.equal('mls');
    expect(sectionOfProfileField('logoUrl')).to.equal('images');
    expect(sectionOfProfileField('email')).to.equal(undefined);
    expect(isProfileFormKey('officePhone')).to.equal(true);
    expect(isProfileFormKey('email')).to.equal(false);
    expect(isProfileFormKey('__proto__')).to.equal(false);
  });

  it('has the contract’s limits: the schema takes the longest value a form allows and rejects one more character', () => {
    for (const { key, maxLength } of [...GENERAL_FIELDS, ...MLS_FIELDS]) {
      expect(maxLength, key).to.equal(PROFILE_MAX_LENGTH[key]);
      expect(partnerProfileSchema.safeParse({ [key]: 'x'.repeat(maxLength) }).success, `${key} at the limit`).to.equal(true);
      expect(partnerProfileSchema.safeParse({ [key]: 'x'.repeat(maxLength + 1) }).success, `${key} over the limit`).to.equal(false);
    }
  });

  it('offers the US time zones first, then every other known zone alphabetically, and never loses a saved one', () => {
    const known = ['Europe/Paris', 'America/Chicago', 'Asia/Tokyo', 'America/New_York', 'Africa/Abidjan'];
    expect(timeZoneChoices('', known)).to.deep.equal({ featured: US_TIME_ZONES, others: ['Africa/Abidjan', 'Asia/Tokyo', 'Europe/Paris'] });
    expect(timeZoneChoices('Asia/Tokyo', known).others).to.deep.equal(['Africa/Abidjan', 'Asia/Tokyo', 'Europe/Paris']);
    expect(timeZoneChoices('America/Chicago', known).others).to.not.include('America/Chicago');
    expect(timeZoneChoices('Mars/Olympus_Mons', known).others[0]).to.equal('Mars/Olympus_Mons');
    expect(timeZoneChoices('Mars/Olympus_Mons', []).others).to.deep.equal(['Mars/Olympus_Mons']);
    expect(US_TIME_ZONES[0]).to.equal('America/New_York');
  });

  it('names only real zones in the US list, each once, all known to the browser', () => {
    const known = new Set(Intl.supportedValuesOf('timeZone'));
    expect(new Set(US_TIME_ZONES).size).to.equal(US_TIME_ZONES.length);
    for (const zone of US_TIME_ZONES) expect(known.has(zone), zone).to.equal(true);
  });

  it('turns a profile into what a form holds and back: every key as text, then trimmed with blanks cleared', () => {
    const draft = profileDraft({ firstName: 'Dana', zip: null, city: '  Portland ', email: 'dana@example.com' });
    expect(Object.keys(draft)).to.deep.equal([...PROFILE_FORM_KEYS]);
    expect([draft.firstName, draft.zip, draft.city, draft.logoUrl]).to.deep.equal(['Dana', '', '  Portland ', '']);
    const sent = profileFromDraft({ ...draft, mlsAgentId: '   ' });
    expect([sent.firstName, sent.city, sent.zip, sent.mlsAgentId]).to.deep.equal(['Dana', 'Portland', null, null]);
    expect(Object.keys(sent)).to.deep.equal([...PROFILE_FORM_KEYS]);
    expect(profileDraft(undefined).company).to.equal('');
  });

  it('finds the phone numbers and ZIP codes that break their rule, and nothing else', () => {
    expect(profileProblems({ officePhone: 'call me', mobilePhone: ' 207-555-0100 ', zip: 'no zip', city: 'x'.repeat(5000) })).to.deep.equal({
      officePhone: 'phone',
      zip: 'zip',
    });
    expect(profileProblems({ officePhone: '', mobilePhone: null, zip: '   ' }), 'blank is fine: every field is optional').to.deep.equal({});
    expect(profileProblems({})).to.deep.equal({});
  });

  it('checks phone numbers and postal codes as the backend does', () => {
    for (const phone of ['555-0100 x12', '+1 (207) 555-0100', '207.555.0100 ext. 4']) expect(isPlausiblePhone(phone), phone).to.equal(true);
    for (const phone of ['555', 'call me', '+1 207 555 0100 0100 0100', '<b>5550100</b>']) expect(isPlausiblePhone(phone), phone).to.equal(false);
    for (const zip of ['04101', '04101-1234', 'SW1A 1AA', 'K1A 0B1']) expect(isPlausibleZip(zip), zip).to.equal(true);
    for (const zip of ['ABCDE', '04101-', '<script>']) expect(isPlausibleZip(zip), zip).to.equal(false);
  });
});
