import { expect } from '@open-wc/testing';
import type { Contact, RecipientLookup } from '../../adapter/schemas.js';
import {
  chipsFingerprint,
  emptyDraft,
  initialProfile,
  isRetryableFailure,
  keyForIntent,
  mergeResults,
  predictedFlow,
  profileToSend,
  routeAfterContacts,
  splitName,
  withoutIntent,
  writeDraft,
  type ResultRow,
} from './wizard-flow.js';
import { readDraft } from './wizard-input.js';

const lookup = (email: string, kind: RecipientLookup['kind']): RecipientLookup => ({
  email,
  kind,
  name: null,
  partnerId: kind === 'connected' ? `ptn-${email}` : null,
});

describe('invite wizard rules', () => {
  describe('routeAfterContacts', () => {
    const NEW = lookup('a@x.example', 'new');
    const OTHER_NEW = lookup('b@x.example', 'new');
    const USER = lookup('u@x.example', 'existing-user');
    const CONNECTED = lookup('c@x.example', 'connected');
    const cases: [string, Parameters<typeof routeAfterContacts>[0], ReturnType<typeof routeAfterContacts>][] = [
      ['Next, one new, pre-fill on → General Info', { intent: 'next', lookups: [NEW], canPrefill: true, canLink: true }, { flow: 'prefill', step: 'general' }],
      ['Next, one new, pre-fill off → preview', { intent: 'next', lookups: [NEW], canPrefill: false, canLink: false }, { flow: 'invite', step: 'preview' }],
      ['Next, one user elsewhere → Review (link)', { intent: 'next', lookups: [USER], canPrefill: true, canLink: true }, { flow: 'link', step: 'review' }],
      ['Next, one user elsewhere, linking off → preview', { intent: 'next', lookups: [USER], canPrefill: false, canLink: false }, { flow: 'invite', step: 'preview' }],
      ['Next, several → preview', { intent: 'next', lookups: [NEW, OTHER_NEW], canPrefill: true, canLink: true }, { flow: 'invite', step: 'preview' }],
      ['Next, one new and one connected → preview', { intent: 'next', lookups: [NEW, CONNECTED], canPrefill: true, canLink: true }, { flow: 'invite', step: 'preview' }],
      ['Next, only connected → already connected', { intent: 'next', lookups: [CONNECTED], canPrefill: true, canLink: true }, { flow: 'connected', step: 'connected' }],
      ['Create Invitation, one new → preview', { intent: 'create-invitation', lookups: [NEW], canPrefill: true, canLink: true }, { flow: 'invite', step: 'preview' }],
      ['Create Invitation, one user elsewhere → preview', { intent: 'create-invitation', lookups: [USER], canPrefill: true, canLink: true }, { flow: 'invite', step: 'preview' }],
      ['Create Invitation, only connected → already connected', { intent: 'create-invitation', lookups: [CONNECTED], canPrefill: true, canLink: true }, { flow: 'connected', step: 'connected' }],
    ];
    for (const [title, input, expected] of cases) {
      it(title, () => expect(routeAfterContacts(input)).to.deep.equal(expected));
    }

    it('predicts the pre-fill steps for one recipient, the invitation for several', () => {
      expect(predictedFlow(0, true)).to.equal('prefill');
      expect(predictedFlow(1, true)).to.equal('prefill');
      expect(predictedFlow(2, true)).to.equal('invite');
      expect(predictedFlow(1, false)).to.equal('invite');
    });
  });

  describe('idempotency keys', () => {
    let made = 0;
    const newKey = () => `key-${++made}`;

    it('keeps the key while the input is the same, and makes a new one when it changes', () => {
      const first = keyForIntent({}, 'invite', [{ email: 'a@x.example' }], newKey);
      const again = keyForIntent(first.intents, 'invite', [{ email: 'a@x.example' }], newKey);
      expect(again.key).to.equal(first.key);
      const changed = keyForIntent(again.intents, 'invite', [{ email: 'b@x.example' }], newKey);
      expect(changed.key).not.to.equal(first.key);
      const other = keyForIntent(changed.intents, 'link-account', { email: 'b@x.example' }, newKey);
      expect(other.key).not.to.equal(changed.key);
      expect(keyForIntent(other.intents, 'invite', [{ email: 'b@x.example' }], newKey).key, 'actions keep separate keys').to.equal(changed.key);
    });

    it('forgets the key after success', () => {
      const first = keyForIntent({}, 'invite', ['a'], newKey);
      const after = keyForIntent(withoutIntent(first.intents, 'invite'), 'invite', ['a'], newKey);
      expect(after.key).not.to.equal(first.key);
    });
  });

  describe('results', () => {
    const row = (email: string, outcome: ResultRow['outcome'], code: string | null = null): ResultRow => ({
      email,
      outcome,
      partnerId: outcome === 'failed' ? null : `ptn-${email}`,
      error: code === null ? null : { code, message: code },
      name: null,
      contactId: null,
    });

    it('retries transient failures only', () => {
      expect(isRetryableFailure(row('a@x.example', 'failed', 'network'))).to.equal(true);
      expect(isRetryableFailure(row('a@x.example', 'failed', 'rate_limited'))).to.equal(true);
      expect(isRetryableFailure(row('a@x.example', 'failed', 'validation'))).to.equal(false);
      expect(isRetryableFailure(row('a@x.example', 'failed', 'not_found'))).to.equal(false);
      expect(isRetryableFailure(row('a@x.example', 'sent'))).to.equal(false);
      expect(isRetryableFailure(row('a@x.example', 'already-connected'))).to.equal(false);
    });

    it('merges a retry into the rows of the same address, leaving the others', () => {
      const rows = [row('a@x.example', 'sent'), row('b@x.example', 'failed', 'network'), row('c@x.example', 'failed', 'network')];
      const merged = mergeResults(rows, [{ email: 'B@x.example', outcome: 'sent', partnerId: 'ptn-b', error: null }]);
      expect(merged.map((entry) => entry.outcome)).to.deep.equal(['sent', 'sent', 'failed']);
      expect(merged[0]).to.equal(rows[0]);
    });
  });

  describe('pre-fill', () => {
    const contact: Contact = {
      id: 'con-1',
      firstName: 'Johnny',
      lastName: 'Smith',
      email: 'smith.john@example.com',
      profile: { firstName: null, company: 'Smith Realty', street: '  ', photoUrl: 'https://cdn.example/j.png', email: 'smith.john@example.com' },
    };

    it('copies the contact profile, names from the contact when the profile has none, and never changes the contact', () => {
      const before = structuredClone(contact);
      const profile = initialProfile(contact, null);
      expect(profile).to.deep.equal({ firstName: 'Johnny', lastName: 'Smith', company: 'Smith Realty', photoUrl: 'https://cdn.example/j.png' });
      profile.company = 'Changed';
      expect(contact).to.deep.equal(before);
    });

    it('uses the typed name without a contact', () => {
      expect(initialProfile(undefined, 'Mary Ann Smith')).to.deep.equal({ firstName: 'Mary Ann', lastName: 'Smith' });
      expect(initialProfile(undefined, null)).to.deep.equal({});
      expect(splitName('Cher')).to.deep.equal({ firstName: 'Cher', lastName: '' });
    });

    it('sends trimmed values and leaves blanks out', () => {
      expect(profileToSend({ firstName: ' Ann ', lastName: '', city: '   ', zip: '02134' })).to.deep.equal({ firstName: 'Ann', zip: '02134' });
    });

  });

  describe('the draft', () => {
    beforeEach(() => sessionStorage.clear());

    it('round-trips through sessionStorage', () => {
      const draft = emptyDraft();
      draft.chips = [
        { id: 'x', raw: 'Ann <ann@x.example>', email: 'ann@x.example', name: 'Ann', valid: true, contactId: null },
        { id: 'y', raw: 'oops', email: 'oops', name: null, valid: false, contactId: null },
      ];
      draft.flow = 'prefill';
      draft.step = 'mls';
      draft.profile = { company: 'Acme' };
      draft.lookups = [lookup('ann@x.example', 'new')];
      draft.lookupFor = chipsFingerprint(draft.chips);
      draft.intents = { 'create-account': { fingerprint: '{}', key: 'k1' } };
      writeDraft('k', draft);
      const read = readDraft('k')!;
      expect(read.chips.map(({ raw, email, valid }) => ({ raw, email, valid }))).to.deep.equal(
        draft.chips.map(({ raw, email, valid }) => ({ raw, email, valid })),
      );
      expect(read.step).to.equal('mls');
      expect(read.profile.company).to.equal('Acme');
      expect(read.intents).to.deep.equal(draft.intents);
      expect(read.lookups).to.deep.equal(draft.lookups);
    });

    it('rejects what this version did not write, and never trusts a stored "valid"', () => {
      sessionStorage.setItem('a', 'not json');
      sessionStorage.setItem('b', JSON.stringify({ version: 2 }));
      sessionStorage.setItem('c', JSON.stringify({ version: 1, chips: [{ raw: 1 }] }));
      sessionStorage.setItem(
        'd',
        JSON.stringify({
          version: 1,
          chips: [{ raw: 'x', email: 'javascript:alert(1)', name: null, valid: true, contactId: null }],
          step: 'review',
          flow: 'nonsense',
          profile: { photoUrl: 'javascript:alert(1)' },
        }),
      );
      expect(readDraft('a')).to.equal(null);
      expect(readDraft('b')).to.equal(null);
      expect(readDraft('c')).to.equal(null);
      const d = readDraft('d')!;
      expect(d.chips[0]!.valid).to.equal(false);
      expect(d.step, 'a step without its flow starts over').to.equal('contacts');
      expect(d.profile).to.deep.equal({});
      expect(readDraft('missing')).to.equal(null);
    });
  });
});
