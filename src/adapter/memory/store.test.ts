import { expect } from '@open-wc/testing';
import { computeCompletion } from '../../domain/completion.js';
import { INVITE_STATUSES, type InviteStatus } from '../../domain/status.js';
import { PartnerKitError } from '../errors.js';
import type { AdapterChange, Partner, PartnerQuery } from '../types.js';
import { DEFAULT_REFERENCE_DATE, generatePartners } from './seed-data.js';
import { MAX_IMAGE_BYTES, MemoryStore, VERIFICATION_TTL_MS } from './store.js';

const REFERENCE = new Date(DEFAULT_REFERENCE_DATE);

/** A store whose clock stands still until the test moves it. */
function makeStore(options: { seed?: number } = {}) {
  let nowMs = REFERENCE.getTime();
  const store = new MemoryStore({ ...options, now: () => new Date(nowMs) });
  return {
    store,
    advance(ms: number) {
      nowMs += ms;
    },
  };
}

function caught(run: () => unknown): PartnerKitError {
  try {
    run();
  } catch (error) {
    if (error instanceof PartnerKitError) return error;
    throw error;
  }
  throw new Error('expected a PartnerKitError');
}

function allPages(store: MemoryStore, query: PartnerQuery): Partner[] {
  const items: Partner[] = [];
  let cursor: string | null | undefined = null;
  let pages = 0;
  do {
    const page = store.listPartners({ ...query, cursor });
    items.push(...page.items);
    cursor = page.nextCursor;
    pages++;
    if (pages > 10_000) throw new Error('paging never ends');
  } while (cursor);
  return items;
}

function pendingPartner(store: MemoryStore, prefix: 'pending-' | 'profile-created-'): Partner {
  const partner = allPages(store, { limit: 100 }).find((p) => p.status.startsWith(prefix) && p.status !== 'profile-created');
  if (!partner) throw new Error(`no ${prefix} partner in the seed`);
  return partner;
}

describe('MemoryStore', () => {
  describe('listPartners', () => {
    it('pages to the end with no duplicates or gaps, for every sort', () => {
      const { store } = makeStore();
      const total = store.listPartners({}).total ?? 0;
      for (const field of ['name', 'email', 'status', 'completion', 'invitedAt', 'updatedAt'] as const) {
        for (const direction of ['asc', 'desc'] as const) {
          const items = allPages(store, { sort: { field, direction }, limit: 7 });
          expect(items, `${field} ${direction}`).to.have.length(total);
          expect(new Set(items.map((p) => p.id)).size).to.equal(total);
        }
      }
    });

    it('sorts by completion with ties broken by id', () => {
      const { store } = makeStore();
      const items = allPages(store, { sort: { field: 'completion', direction: 'desc' }, limit: 20 });
      const keys = items.map((p) => [computeCompletion(p.profile).percent, p.id] as const);
      for (let i = 1; i < keys.length; i++) {
        const [previousPercent, previousId] = keys[i - 1] as readonly [number, string];
        const [percent, id] = keys[i] as readonly [number, string];
        expect(previousPercent >= percent, `${previousPercent} before ${percent}`).to.equal(true);
        if (previousPercent === percent) expect(previousId < id).to.equal(true);
      }
    });

    it('sorts by date and by status order', () => {
      const { store } = makeStore();
      const byInvite = allPages(store, { sort: { field: 'invitedAt', direction: 'asc' }, limit: 100 }).map((p) => Date.parse(p.invitedAt));
      expect(byInvite).to.deep.equal([...byInvite].sort((a, b) => a - b));
      const byStatus = allPages(store, { sort: { field: 'status', direction: 'asc' }, limit: 100 }).map((p) =>
        INVITE_STATUSES.indexOf(p.status),
      );
      expect(byStatus).to.deep.equal([...byStatus].sort((a, b) => a - b));
    });

    it('searches name and email case-insensitively', () => {
      const { store } = makeStore();
      const someone = allPages(store, { limit: 100 }).find((p) => p.lastName !== '') as Partner;
      const byName = store.listPartners({ search: `  ${someone.firstName.toUpperCase()} ${someone.lastName.toLowerCase()} ` });
      expect(byName.items.map((p) => p.id)).to.include(someone.id);
      for (const partner of byName.items) {
        expect(`${partner.firstName} ${partner.lastName}`.toLowerCase()).to.include(someone.firstName.toLowerCase());
      }
      const domain = someone.email.split('@')[1] as string;
      const byEmail = store.listPartners({ search: domain.toUpperCase(), limit: 1000 });
      expect(byEmail.items.length).to.be.at.least(1);
      for (const partner of byEmail.items) expect(partner.email).to.include(domain);
      expect(store.listPartners({ search: 'zz-no-such-partner-zz' }).total).to.equal(0);
    });

    it('filters by status; counts follow the search but not the status filter', () => {
      const { store } = makeStore();
      const all = store.listPartners({ limit: 1000 });
      const filtered = store.listPartners({ statuses: ['active', 'pending-opened'], limit: 1000 });
      expect(filtered.items.every((p) => p.status === 'active' || p.status === 'pending-opened')).to.equal(true);
      expect(filtered.total).to.equal((all.counts?.active ?? 0) + (all.counts?.['pending-opened'] ?? 0));
      expect(filtered.counts).to.deep.equal(all.counts);
      for (const status of INVITE_STATUSES) {
        expect(all.counts?.[status], status).to.equal(all.items.filter((p) => p.status === status).length);
      }

      const searched = store.listPartners({ search: 'example', statuses: ['active'], limit: 1000 });
      const searchedAll = store.listPartners({ search: 'example', limit: 1000 });
      expect(searched.counts).to.deep.equal(searchedAll.counts);
    });

    it('combines search, filter and sort', () => {
      const { store } = makeStore();
      const statuses: InviteStatus[] = ['active', 'profile-created', 'pending-delivered'];
      const items = allPages(store, { search: '.example', statuses, sort: { field: 'email', direction: 'desc' }, limit: 3 });
      expect(items.length).to.be.at.least(3);
      expect(items.every((p) => statuses.includes(p.status))).to.equal(true);
      const emails = items.map((p) => p.email);
      expect(emails).to.deep.equal([...emails].sort().reverse());
    });

    it('rejects an invalid cursor, an unknown status and an unknown sort field', () => {
      const { store } = makeStore();
      expect(caught(() => store.listPartners({ cursor: 'not-a-cursor' })).fieldErrors).to.have.property('cursor');
      expect(caught(() => store.listPartners({ statuses: ['bogus' as InviteStatus] })).code).to.equal('validation');
      expect(caught(() => store.listPartners({ sort: { field: 'phone' as 'name', direction: 'asc' } })).code).to.equal('validation');
    });

    it('pages through 100,000 generated partners with no duplicates', () => {
      const { store } = makeStore();
      store.loadPartners(generatePartners(100_000, 11));
      const first = store.listPartners({ sort: { field: 'completion', direction: 'desc' }, limit: 1000 });
      expect(first.total).to.equal(100_000);
      expect(first.items).to.have.length(1000);
      const second = store.listPartners({ sort: { field: 'completion', direction: 'desc' }, limit: 1000, cursor: first.nextCursor });
      const ids = new Set([...first.items, ...second.items].map((p) => p.id));
      expect(ids.size).to.equal(2000);
      expect(computeCompletion(first.items[0]?.profile).percent).to.equal(100);
    });
  });

  describe('partner detail and profile', () => {
    it('returns copies: mutating a result leaves the store alone', () => {
      const { store } = makeStore();
      const page = store.listPartners({ limit: 1 });
      const partner = page.items[0] as Partner;
      partner.firstName = 'Mutated';
      partner.profile.city = 'Nowhere';
      const detail = store.getPartner(partner.id);
      expect(detail.partner.firstName).not.to.equal('Mutated');
      expect(detail.partner.profile.city).not.to.equal('Nowhere');
    });

    it('has a status history that ends at the current status', () => {
      const { store } = makeStore();
      for (const partner of store.listPartners({ limit: 100 }).items) {
        const { statusHistory } = store.getPartner(partner.id);
        expect(statusHistory[statusHistory.length - 1]?.status).to.equal(partner.status);
      }
    });

    it('throws not_found for an unknown id', () => {
      const { store } = makeStore();
      expect(caught(() => store.getPartner('ptn-nope')).code).to.equal('not_found');
      expect(caught(() => store.deletePartner('ptn-nope')).code).to.equal('not_found');
    });

    it('updates a profile, trimming text and bumping updatedAt', () => {
      const { store, advance } = makeStore();
      const partner = store.listPartners({ limit: 100 }).items.find((p) => p.allowsProfileUpdates) as Partner;
      advance(60_000);
      const updated = store.updatePartnerProfile(partner.id, { jobTitle: '  Team Lead ', zip: '78701-1234', mobilePhone: '+1 (512) 555-0199' });
      expect(updated.profile.jobTitle).to.equal('Team Lead');
      expect(updated.profile.zip).to.equal('78701-1234');
      expect(updated.updatedAt).to.equal(new Date(REFERENCE.getTime() + 60_000).toISOString());
      expect(store.getPartner(partner.id).partner.profile.jobTitle).to.equal('Team Lead');
    });

    it('reports every bad field at once', () => {
      const { store } = makeStore();
      const partner = store.listPartners({ limit: 100 }).items.find((p) => p.allowsProfileUpdates) as Partner;
      const error = caught(() =>
        store.updatePartnerProfile(partner.id, {
          email: 'not-an-email',
          zip: '!!',
          officePhone: '12',
          firstName: 'x'.repeat(201),
          photoUrl: 'javascript:alert(1)',
          timeZone: 'Mars/Olympus_Mons',
        }),
      );
      expect(error.code).to.equal('validation');
      expect(Object.keys(error.fieldErrors).sort()).to.deep.equal(
        ['email', 'firstName', 'officePhone', 'photoUrl', 'timeZone', 'zip'].sort(),
      );
      expect(store.getPartner(partner.id).partner.profile).to.deep.equal(partner.profile);
    });

    it('forbids editing a partner who does not allow updates', () => {
      const { store } = makeStore();
      const partner = store.listPartners({ limit: 100 }).items.find((p) => !p.allowsProfileUpdates) as Partner;
      expect(caught(() => store.updatePartnerProfile(partner.id, { jobTitle: 'Realtor' })).code).to.equal('forbidden');
    });
  });

  describe('invitation link and resending', () => {
    it('gives an https link with a token while pending, and conflict once accepted', () => {
      const { store } = makeStore();
      const pending = pendingPartner(store, 'pending-');
      const link = store.getInvitationLink(pending.id);
      expect(link.url).to.match(/^https:\/\//);
      expect(link.url).to.include(encodeURIComponent(store.invitationToken(pending.id)));
      const active = store.listPartners({ statuses: ['active'], limit: 1 }).items[0] as Partner;
      expect(caught(() => store.getInvitationLink(active.id)).code).to.equal('conflict');
    });

    it('moves a legacy invitation back to "not delivered" and a created profile to "email sent"', () => {
      const { store } = makeStore();
      const legacy = store.listPartners({ statuses: ['pending-opened'], limit: 1 }).items[0] as Partner;
      expect(store.resendInvitation(legacy.id, 'k1').status).to.equal('pending-not-delivered');
      const created = store.listPartners({ statuses: ['profile-created-not-sent'], limit: 1 }).items[0] as Partner;
      expect(store.resendInvitation(created.id, 'k2').status).to.equal('profile-created-sent');
      const history = store.getPartner(created.id).statusHistory;
      expect(history[history.length - 1]?.status).to.equal('profile-created-sent');
      const active = store.listPartners({ statuses: ['active'], limit: 1 }).items[0] as Partner;
      expect(store.resendInvitation(active.id, 'k3').status).to.equal('active');
    });
  });

  describe('recipients and invitations', () => {
    it('tells new, existing-user and connected addresses apart', () => {
      const { store } = makeStore();
      const partner = store.listPartners({ limit: 1 }).items[0] as Partner;
      const user = store.seedData.existingUsers[0];
      if (!user) throw new Error('no existing user in the seed');
      const lookups = store.lookupRecipients([partner.email.toUpperCase(), user.email, 'brand.new@example.com']);
      expect(lookups.map((l) => l.kind)).to.deep.equal(['connected', 'existing-user', 'new']);
      expect(lookups[0]?.partnerId).to.equal(partner.id);
      expect(lookups[0]?.email).to.equal(partner.email);
      expect(lookups[1]?.name).to.equal(`${user.firstName} ${user.lastName}`);
    });

    it('rejects invalid addresses in a lookup with one field error each', () => {
      const { store } = makeStore();
      const error = caught(() => store.lookupRecipients(['ok@example.com', 'nope', 'also@bad']));
      expect(Object.keys(error.fieldErrors)).to.deep.equal(['emails.1', 'emails.2']);
    });

    it('reports per recipient: sent, already connected, failed', () => {
      const { store } = makeStore();
      const partner = store.listPartners({ limit: 1 }).items[0] as Partner;
      const before = store.partnerCount;
      const { results } = store.createInvitations(
        [{ email: 'New.Person@Example.com', name: 'Lopez, Maria' }, { email: partner.email }, { email: 'double..dot@example.com' }],
        'batch-1',
      );
      expect(results.map((r) => r.outcome)).to.deep.equal(['sent', 'already-connected', 'failed']);
      expect(results[1]?.partnerId).to.equal(partner.id);
      expect(results[2]?.error?.code).to.equal('validation');
      expect(store.partnerCount).to.equal(before + 1);
      const created = store.getPartner(results[0]?.partnerId as string).partner;
      expect(created).to.include({ email: 'new.person@example.com', firstName: 'Maria', lastName: 'Lopez', status: 'pending-not-delivered' });
    });

    it('creates once per idempotency key', () => {
      const { store } = makeStore();
      const before = store.partnerCount;
      const first = store.createInvitations([{ email: 'once@example.com' }], 'same-key');
      const second = store.createInvitations([{ email: 'once@example.com' }], 'same-key');
      expect(second).to.deep.equal(first);
      expect(store.partnerCount).to.equal(before + 1);
      expect(store.listPartners({ search: 'once@example.com' }).total).to.equal(1);
    });

    it('lets a deleted partner be invited again', () => {
      const { store } = makeStore();
      const partner = store.listPartners({ statuses: ['active'], limit: 1 }).items[0] as Partner;
      store.deletePartner(partner.id);
      expect(store.listPartners({ search: partner.email }).total).to.equal(0);
      expect(store.lookupRecipients([partner.email])[0]?.kind).to.equal('new');
      const { results } = store.createInvitations([{ email: partner.email }], 'reinvite');
      expect(results[0]?.outcome).to.equal('sent');
      expect(results[0]?.partnerId).not.to.equal(partner.id);
      expect(store.lookupRecipients([partner.email])[0]?.kind).to.equal('connected');
    });

    it('builds the preview HTML from escaped text only', () => {
      const { store } = makeStore();
      const preview = store.previewInvitation([{ email: 'a@example.com', name: '<img src=x onerror=alert(1)> Smith' }]);
      expect(preview.text).to.include('<img src=x onerror=alert(1)>');
      expect(preview.html).not.to.include('<img');
      expect(preview.html).to.include('&lt;img src=x onerror=alert(1)&gt;');
      expect(preview.subject).to.include(store.getSession().viewer.name);
    });
  });

  describe('pre-filled accounts and linking', () => {
    it('creates the account from the profile and never changes the contact', () => {
      const { store } = makeStore();
      const contact = store.seedData.contacts.find(
        (c) => c.email !== null && store.lookupRecipients([c.email])[0]?.kind === 'new',
      );
      if (!contact?.email) throw new Error('no new contact in the seed');
      const before = store.searchContacts(contact.email, 5).find((c) => c.id === contact.id);
      const partner = store.createPrefilledAccount(
        { email: contact.email, contactId: contact.id, profile: { ...contact.profile, jobTitle: 'Changed Title', city: 'Elsewhere' }, sendEmail: false },
        'prefill-1',
      );
      expect(partner.status).to.equal('profile-created-not-sent');
      expect(partner.profile.jobTitle).to.equal('Changed Title');
      const after = store.searchContacts(contact.email, 5).find((c) => c.id === contact.id);
      expect(after).to.deep.equal(before);
    });

    it('sends the email when asked, and keys profile errors by path', () => {
      const { store } = makeStore();
      const sent = store.createPrefilledAccount({ email: 'pre@example.com', profile: { firstName: 'Pat' }, sendEmail: true }, 'p1');
      expect(sent.status).to.equal('profile-created-sent');
      const error = caught(() => store.createPrefilledAccount({ email: 'bad', profile: { zip: '?' }, sendEmail: true }, 'p2'));
      expect(Object.keys(error.fieldErrors).sort()).to.deep.equal(['email', 'profile.zip']);
      expect(caught(() => store.createPrefilledAccount({ email: 'pre@example.com', profile: {}, sendEmail: true }, 'p3')).code).to.equal('conflict');
    });

    it('links an existing user, and refuses an unknown one', () => {
      const { store } = makeStore();
      const user = store.seedData.existingUsers[1];
      if (!user) throw new Error('no existing user in the seed');
      const linked = store.linkExistingUser({ email: user.email, sendEmail: true }, 'link-1');
      expect(linked).to.include({ email: user.email, firstName: user.firstName, status: 'profile-created-sent' });
      expect(store.lookupRecipients([user.email])[0]?.kind).to.equal('connected');
      expect(caught(() => store.linkExistingUser({ email: 'nobody@example.com', sendEmail: false }, 'link-2')).code).to.equal('not_found');
    });

    it('accepts PNG, JPEG and WebP up to 5 MB only', () => {
      const { store } = makeStore();
      const png = store.uploadImage(new Blob([new Uint8Array(10)], { type: 'image/png' }), 'photo', 'img-1');
      expect(png.url).to.match(/^https:\/\/.+\.png$/);
      expect(caught(() => store.uploadImage(new Blob(['<svg/>'], { type: 'image/svg+xml' }), 'logo', 'img-2')).fieldErrors).to.have.property('file');
      const big = { type: 'image/jpeg', size: MAX_IMAGE_BYTES + 1 };
      expect(caught(() => store.uploadImage(big, 'photo', 'img-3')).code).to.equal('validation');
      expect(store.uploadImage({ type: 'image/webp', size: MAX_IMAGE_BYTES }, 'logo', 'img-4').url).to.match(/\.webp$/);
    });
  });

  describe('registration', () => {
    it('verifies within 30 minutes and expires after, with the injected clock', () => {
      const { store, advance } = makeStore();
      const partner = pendingPartner(store, 'pending-');
      const token = store.invitationToken(partner.id);
      const registration = store.getRegistration(token);
      expect(registration).to.include({ email: partner.email, emailVerified: false });
      expect(store.getPartner(partner.id).partner.status).to.equal('pending-link-clicked');

      const sent = store.sendVerificationEmail(token, partner.email, 'verify-1');
      expect(Date.parse(sent.expiresAt) - Date.parse(sent.sentAt)).to.equal(VERIFICATION_TTL_MS);
      const code = store.peekVerificationCode(token) as string;
      expect(store.verifyEmail(token, 'wrong').status).to.equal('invalid');
      advance(VERIFICATION_TTL_MS);
      expect(store.verifyEmail(token, code).status).to.equal('expired');

      // A new email restarts the 30 minutes.
      store.sendVerificationEmail(token, partner.email, 'verify-2');
      const fresh = store.peekVerificationCode(token) as string;
      advance(VERIFICATION_TTL_MS - 1000);
      expect(store.verifyEmail(token, fresh).status).to.equal('verified');
      expect(store.getRegistration(token).emailVerified).to.equal(true);
    });

    it('completes only after verification, making the partner active', () => {
      const { store } = makeStore();
      const partner = pendingPartner(store, 'profile-created-');
      const token = store.invitationToken(partner.id);
      expect(caught(() => store.completeRegistration(token, { jobTitle: 'Realtor' }, 'done-1')).code).to.equal('forbidden');
      store.sendVerificationEmail(token, partner.email, 'v');
      store.verifyEmail(token, store.peekVerificationCode(token) as string);
      const done = store.completeRegistration(token, { jobTitle: 'Realtor' }, 'done-2');
      expect(done.status).to.equal('profile-created');
      expect(done.acceptedAt).to.equal(REFERENCE.toISOString());
      expect(caught(() => store.getRegistration(token)).code).to.equal('conflict');
      expect(caught(() => store.getRegistration('inv_unknown')).code).to.equal('not_found');
    });
  });

  describe('deals', () => {
    it('lists a workflow newest first, closed deals only on request, in pages', () => {
      const { store } = makeStore();
      const query = { organisationId: 'org-harbor', workflowId: 'wf-harbor-leads' };
      const open = store.listDeals(query);
      const all = store.listDeals({ ...query, includeClosed: true });
      expect(open.items.every((deal) => !deal.closed && deal.workflowId === query.workflowId)).to.equal(true);
      expect(all.total).to.be.above(open.total ?? 0);
      const paged = [];
      let cursor: string | null | undefined = null;
      do {
        const page = store.listDeals({ ...query, includeClosed: true, limit: 4, cursor });
        paged.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      expect(paged.map((d) => d.id)).to.deep.equal(all.items.map((d) => d.id));
      expect(caught(() => store.listDeals({ organisationId: 'org-summit', workflowId: 'wf-harbor-leads' })).code).to.equal('not_found');
    });

    it('creates a deal in the first stage of the default workflow, with field errors keyed by path', () => {
      const { store } = makeStore();
      const error = caught(() =>
        store.createDeal(
          {
            organisationId: 'org-harbor',
            brokerId: null,
            labels: [],
            summary: '   ',
            clients: [
              { firstName: 'Ana', lastName: 'Ruiz', phone: '(512) 555-0100', email: 'ana@example.com' },
              { firstName: '', lastName: 'Ruiz', phone: 'call me', email: 'nope' },
            ],
          },
          'deal-bad',
        ),
      );
      expect(Object.keys(error.fieldErrors).sort()).to.deep.equal(['clients.1.email', 'clients.1.firstName', 'clients.1.phone', 'summary']);

      const deal = store.createDeal(
        {
          organisationId: 'org-harbor',
          brokerId: 'brk-harbor-2',
          labels: ['Urgent', 'Urgent', 'Investor'],
          summary: 'Wants to buy before the school year.',
          clients: [{ firstName: 'Ana', lastName: 'Ruiz', phone: '(512) 555-0100', email: 'Ana@Example.com' }],
        },
        'deal-ok',
      );
      expect(deal).to.include({ workflowId: 'wf-harbor-leads', stageId: 'stg-leads-1', name: 'Ana Ruiz', version: 0, closed: false });
      expect(deal.labels).to.deep.equal(['Urgent', 'Investor']);
      expect(deal.broker).to.deep.equal({ id: 'brk-harbor-2', name: 'Marcus Johnson' });
      expect(store.createDeal({} as never, 'deal-ok').id).to.equal(deal.id);
    });

    it('lets a partner add deals only where allowed and allocated', () => {
      const { store } = makeStore();
      store.setSession({ role: 'partner' });
      const input = {
        brokerId: null,
        labels: [],
        summary: 'Referral from an open house.',
        clients: [{ firstName: 'Lee', lastName: 'Park', phone: '(612) 555-0144', email: 'lee.park@example.com' }],
      };
      const deal = store.createDeal({ ...input, organisationId: 'org-harbor' }, 'partner-deal-1');
      expect(deal.partner).to.deep.equal({ id: 'pa-harbor-01', name: 'Riley Chen' });
      // Summit does not let partners add deals.
      expect(caught(() => store.createDeal({ ...input, organisationId: 'org-summit' }, 'partner-deal-2')).code).to.equal('forbidden');
      // Without a broker, a partner cannot add deals either.
      store.allocatePartner('pa-harbor-01', []);
      expect(caught(() => store.createDeal({ ...input, organisationId: 'org-harbor' }, 'partner-deal-3')).code).to.equal('forbidden');
    });

    it('moves a deal only at the expected version, bumping it', () => {
      const { store } = makeStore();
      const deal = store.listDeals({ organisationId: 'org-harbor', workflowId: 'wf-harbor-loans' }).items[0];
      if (!deal) throw new Error('no deal');
      const target = deal.stageId === 'stg-loans-2' ? 'stg-loans-3' : 'stg-loans-2';
      const moved = store.moveDeal(deal.id, target, deal.version);
      expect(moved).to.include({ stageId: target, version: deal.version + 1 });
      const stale = caught(() => store.moveDeal(deal.id, 'stg-loans-1', deal.version));
      expect(stale.code).to.equal('conflict');
      expect(store.getDeal(deal.id).stageId).to.equal(target);
      const closed = store.moveDeal(deal.id, 'stg-loans-6', moved.version);
      expect(closed.closed).to.equal(true);
      expect(caught(() => store.moveDeal(deal.id, 'stg-leads-1', closed.version)).fieldErrors).to.have.property('stageId');
    });

    it('adds notes and documents as the viewer', () => {
      const { store } = makeStore();
      store.setSession({ role: 'partner' });
      const dealId = 'deal-001';
      const note = store.addNote(dealId, '  Call them after 5pm.  ', 'note-1');
      expect(note).to.include({ body: 'Call them after 5pm.', dealId });
      expect(note.author).to.include({ role: 'partner', name: 'Riley Chen' });
      expect(store.listNotes(dealId).at(-1)?.id).to.equal(note.id);
      expect(caught(() => store.addNote(dealId, ' ', 'note-2')).fieldErrors).to.have.property('body');
      const file = new File(['%PDF-1.4'], 'Offer <final>.pdf', { type: 'application/pdf' });
      const document = store.uploadDocument(dealId, file, 'doc-1');
      expect(document.url).to.match(/^https:\/\//);
      expect(document.name).to.equal('Offer <final>.pdf');
      expect(store.listDocuments(dealId)[0]?.id).to.equal(document.id);
    });
  });

  describe('settings and partner accounts', () => {
    it('updates portal settings at the expected version only', () => {
      const { store } = makeStore();
      const current = store.getPortalSettings('org-harbor');
      const { organisationId: _o, version, ...input } = current;
      const saved = store.updatePortalSettings('org-harbor', { ...input, defaultWorkflowId: 'wf-harbor-loans' }, version);
      expect(saved.version).to.equal(version + 1);
      expect(store.listOrganisations().find((o) => o.id === 'org-harbor')?.defaultWorkflowId).to.equal('wf-harbor-loans');
      expect(caught(() => store.updatePortalSettings('org-harbor', input, version)).code).to.equal('conflict');
      expect(
        caught(() => store.updatePortalSettings('org-harbor', { ...input, defaultWorkflowId: 'wf-summit-referrals' }, saved.version)).fieldErrors,
      ).to.have.property('defaultWorkflowId');
    });

    it('gives the partner their settings with what the organisation allows', () => {
      const { store } = makeStore();
      store.setSession({ role: 'partner' });
      const settings = store.getPartnerSettings();
      const portal = store.getPortalSettings('org-harbor');
      expect(settings.email).to.equal('riley.chen@chenreferrals.example');
      expect(settings.organisationAllows.newFiles).to.deep.equal(portal.notifications.fileShared);
      const saved = store.updatePartnerSettings({ name: 'Riley C.', country: 'Canada', phone: '+1 604 555 0100', updates: settings.updates }, settings.version);
      expect(saved).to.include({ name: 'Riley C.', country: 'Canada', email: settings.email, version: settings.version + 1 });
      expect(caught(() => store.updatePartnerSettings(saved, settings.version)).code).to.equal('conflict');
      expect(caught(() => store.updatePartnerSettings({ ...saved, name: '' }, saved.version)).fieldErrors).to.have.property('name');
    });

    it('creates accounts unallocated and allocates them to brokers of the same organisation', () => {
      const { store } = makeStore();
      const account = store.createPartnerAccount(
        { organisationId: 'org-summit', name: 'Jo Park', email: 'jo.park@example.com', phone: '(612) 555-0101' },
        'acct-1',
      );
      expect(account.brokerIds).to.deep.equal([]);
      expect(store.listPartnerAccounts('org-summit').map((a) => a.id)).to.include(account.id);
      const allocated = store.allocatePartner(account.id, ['brk-summit-1', 'brk-summit-1', 'brk-summit-2']);
      expect(allocated.brokerIds).to.deep.equal(['brk-summit-1', 'brk-summit-2']);
      expect(caught(() => store.allocatePartner(account.id, ['brk-harbor-1'])).fieldErrors).to.have.property('brokerIds.0');
      const duplicate = caught(() =>
        store.createPartnerAccount({ organisationId: 'org-summit', name: 'Jo', email: 'JO.PARK@example.com', phone: '(612) 555-0101' }, 'acct-2'),
      );
      expect(duplicate.fieldErrors).to.have.property('email');
    });
  });

  describe('shared clients', () => {
    it('gives counts per realtor only', () => {
      const { store } = makeStore();
      const counts = store.listRealtorClientCounts();
      expect(counts.length).to.be.at.least(5);
      for (const entry of counts) expect(Object.keys(entry).sort()).to.deep.equal(['clientCount', 'realtor']);
    });

    it('finds exactly the co-shared pairs, with the realtor sending the subscription', () => {
      const { store } = makeStore();
      const { coSharedPairs, nearMisses } = store.seedData.sharedClients;
      const found = store.listCoSharedClients(null);
      const pairs = found.map((c) => [c.agentRecord.id, c.realtorRecord.id, c.realtor.id]);
      expect(pairs).to.have.deep.members(coSharedPairs);
      const nearMissIds = new Set(nearMisses.flat());
      for (const client of found) {
        expect(nearMissIds.has(client.agentRecord.id)).to.equal(false);
        expect(client.subscription).to.deep.equal({ sentFrom: 'realtor', mortgageAgentPaused: true });
      }
      const [, , realtorId] = coSharedPairs[0] as [string, string, string];
      expect(store.listCoSharedClients(realtorId).every((c) => c.realtor.id === realtorId)).to.equal(true);
      expect(caught(() => store.listCoSharedClients('rlt-none')).code).to.equal('not_found');
    });
  });

  describe('session and changes', () => {
    it('switches persona with the role, and org switches with the session', () => {
      const { store } = makeStore();
      const session = store.setSession({ role: 'broker' });
      expect(session.viewer.name).to.equal('Priya Raman');
      store.setSession({ switches: { profilePrefill: false, profileEditing: true, partnersAddDeals: true } });
      expect(store.getSession().switches.profilePrefill).to.equal(false);
      expect(store.listOrganisations().find((o) => o.id === 'org-harbor')?.switches.profilePrefill).to.equal(false);
      expect(caught(() => store.setSession({ role: 'root' as never })).code).to.equal('validation');
    });

    it('tells subscribers about every mutation until they unsubscribe', () => {
      const { store } = makeStore();
      const changes: AdapterChange[] = [];
      const unsubscribe = store.subscribe((change) => changes.push(change));
      const partner = store.listPartners({ statuses: ['pending-delivered'], limit: 1 }).items[0] as Partner;
      store.advanceInvitation(partner.id);
      store.deletePartner(partner.id);
      const deal = store.getDeal('deal-001');
      store.moveDeal('deal-001', deal.stageId === 'stg-leads-1' ? 'stg-leads-2' : 'stg-leads-1', deal.version);
      expect(changes.map((c) => c.type)).to.deep.equal(['partner-updated', 'partner-removed', 'deal-updated']);
      expect(changes[0]).to.have.nested.property('partner.status', 'pending-opened');
      unsubscribe();
      store.addNote('deal-001', 'After unsubscribing', 'n-after');
      expect(changes).to.have.length(3);
      expect(store.changeLog.map((c) => c.type)).to.deep.equal(['partner-updated', 'partner-removed', 'deal-updated', 'note-added']);
    });
  });
});
