import { expect } from '@open-wc/testing';
import { computeCompletion } from '../../domain/completion.js';
import { isCoShared, normaliseAddress, normaliseEmail } from '../../domain/co-shared.js';
import { isValidEmail } from '../../domain/emails.js';
import { safeUrl } from '../../domain/safe-url.js';
import { INVITE_STATUSES } from '../../domain/status.js';
import {
  DEFAULT_REFERENCE_DATE,
  generatePartners,
  generateSeedData,
  mulberry32,
  nextInvitationStatus,
  statusPath,
} from './seed-data.js';

const DAY_MS = 86_400_000;
const REFERENCE_MS = Date.parse(DEFAULT_REFERENCE_DATE);
const data = generateSeedData();

describe('mulberry32', () => {
  it('gives the same sequence for the same seed and another one for another seed', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, mulberry32(seed));
    expect(draw(42)).to.deep.equal(draw(42));
    expect(draw(42)).not.to.deep.equal(draw(43));
    for (const value of draw(7)) expect(value).to.be.within(0, 1).and.not.equal(1);
  });
});

describe('generateSeedData', () => {
  it('is deterministic: the same seed and date give equal data', () => {
    expect(generateSeedData({ seed: 99 })).to.deep.equal(generateSeedData({ seed: 99 }));
    expect(generateSeedData()).to.deep.equal(data);
  });

  it('differs between seeds', () => {
    const other = generateSeedData({ seed: 12345 });
    expect(other.partners.map((r) => r.partner.email)).not.to.deep.equal(data.partners.map((r) => r.partner.email));
  });

  it('dates everything relative to the reference date', () => {
    const reference = new Date('2030-06-15T00:00:00Z');
    const moved = generateSeedData({ referenceDate: reference });
    for (const { partner } of moved.partners) {
      const invited = Date.parse(partner.invitedAt);
      expect(invited).to.be.within(reference.getTime() - 61 * DAY_MS, reference.getTime());
    }
  });

  describe('co-marketing partners', () => {
    it('has 60+ partners with at least three of every status', () => {
      expect(data.partners.length).to.be.at.least(60);
      for (const status of INVITE_STATUSES) {
        const count = data.partners.filter((record) => record.partner.status === status).length;
        expect(count, status).to.be.at.least(3);
      }
    });

    it('has unique ids and emails, all valid', () => {
      const ids = new Set(data.partners.map((r) => r.partner.id));
      const emails = new Set(data.partners.map((r) => r.partner.email));
      expect(ids.size).to.equal(data.partners.length);
      expect(emails.size).to.equal(data.partners.length);
      for (const email of emails) expect(isValidEmail(email), email).to.equal(true);
    });

    it('varies profile completion from empty to complete', () => {
      const percents = data.partners.map((r) => computeCompletion(r.partner.profile).percent);
      expect(percents.filter((p) => p === 100).length).to.be.at.least(5);
      expect(percents.filter((p) => p === 0).length).to.be.at.least(5);
      expect(percents.filter((p) => p > 0 && p < 100).length).to.be.at.least(10);
    });

    it('has partners that do not allow profile updates, and partners that do', () => {
      const allows = data.partners.map((r) => r.partner.allowsProfileUpdates);
      expect(allows).to.include(true);
      expect(allows).to.include(false);
    });

    it('spreads dates over the last ~60 days, in order invited ≤ accepted ≤ updated ≤ reference', () => {
      const invited = data.partners.map((r) => Date.parse(r.partner.invitedAt));
      expect(Math.min(...invited)).to.be.below(REFERENCE_MS - 40 * DAY_MS);
      expect(Math.max(...invited)).to.be.above(REFERENCE_MS - 10 * DAY_MS);
      for (const { partner } of data.partners) {
        const start = Date.parse(partner.invitedAt);
        const updated = Date.parse(partner.updatedAt);
        expect(start).to.be.at.least(REFERENCE_MS - 61 * DAY_MS);
        expect(updated).to.be.within(start, REFERENCE_MS);
        if (partner.acceptedAt !== null) expect(Date.parse(partner.acceptedAt)).to.be.within(start, updated);
      }
    });

    it('sets acceptedAt exactly for the accepted statuses', () => {
      for (const { partner } of data.partners) {
        const accepted = partner.status === 'active' || partner.status === 'profile-created';
        expect(partner.acceptedAt !== null, `${partner.id} ${partner.status}`).to.equal(accepted);
      }
    });

    it('has a status history that starts at the invitation and ends at the current status', () => {
      for (const { partner, statusHistory } of data.partners) {
        expect(statusHistory.length, partner.id).to.be.at.least(1);
        expect(statusHistory[0]?.at).to.equal(partner.invitedAt);
        expect(statusHistory[statusHistory.length - 1]?.status).to.equal(partner.status);
        const times = statusHistory.map((change) => Date.parse(change.at));
        expect(times).to.deep.equal([...times].sort((a, b) => a - b));
      }
    });

    it('only has media and leads where co-marketing has started', () => {
      for (const { partner, media, leads } of data.partners) {
        if (partner.status.startsWith('pending-')) expect(media, partner.id).to.deep.equal([]);
        if (partner.acceptedAt === null) expect(leads, partner.id).to.deep.equal([]);
        for (const item of media) {
          if (item.url !== null) expect(safeUrl(item.url)).to.match(/^https:/);
        }
      }
      expect(data.partners.some((r) => r.media.length > 0)).to.equal(true);
      expect(data.partners.some((r) => r.leads.length > 0)).to.equal(true);
    });
  });

  describe('statusPath and nextInvitationStatus', () => {
    it('follows the legacy email path to "active"', () => {
      expect(statusPath('active')).to.deep.equal([
        'pending-not-delivered',
        'pending-delivered',
        'pending-opened',
        'pending-link-clicked',
        'active',
      ]);
    });

    it('starts new-style connections with the created profile, with or without an email', () => {
      expect(statusPath('profile-created-not-sent')).to.deep.equal(['profile-created-not-sent']);
      expect(statusPath('profile-created-not-delivered')).to.deep.equal(['profile-created-sent', 'profile-created-not-delivered']);
      expect(statusPath('profile-created-opened', true)).to.deep.equal([
        'profile-created-not-sent',
        'profile-created-sent',
        'profile-created-delivered',
        'profile-created-opened',
      ]);
    });

    it('advances a pending invitation up to "link clicked" and no further', () => {
      let status: (typeof INVITE_STATUSES)[number] | null = 'pending-not-delivered';
      const seen: string[] = [];
      while (status !== null) {
        seen.push(status);
        status = nextInvitationStatus(status);
      }
      expect(seen).to.deep.equal(['pending-not-delivered', 'pending-delivered', 'pending-opened', 'pending-link-clicked']);
      expect(nextInvitationStatus('profile-created-not-sent')).to.equal(null);
      expect(nextInvitationStatus('active')).to.equal(null);
    });
  });

  describe('contacts and users elsewhere', () => {
    const partnerEmails = new Set(data.partners.map((r) => r.partner.email));
    const userEmails = new Set(data.existingUsers.map((user) => user.email));

    it('has ~40 contacts: some connected, some users elsewhere, most new', () => {
      expect(data.contacts.length).to.be.within(35, 45);
      const withEmail = data.contacts.filter((c) => c.email !== null);
      const connected = withEmail.filter((c) => partnerEmails.has(c.email as string));
      const users = withEmail.filter((c) => userEmails.has(c.email as string));
      const fresh = withEmail.filter((c) => !partnerEmails.has(c.email as string) && !userEmails.has(c.email as string));
      expect(connected.length).to.be.at.least(3);
      expect(users.length).to.be.at.least(3);
      expect(fresh.length).to.be.at.least(15);
    });

    it('gives new contacts profile data to pre-fill from', () => {
      const rich = data.contacts.filter((c) => computeCompletion(c.profile).percent >= 75);
      expect(rich.length).to.be.at.least(5);
    });

    it('never lets a user elsewhere already be a partner', () => {
      for (const email of userEmails) expect(partnerEmails.has(email), email).to.equal(false);
    });
  });

  describe('partner portal', () => {
    it('has two organisations, each with switches and a default workflow of its own', () => {
      expect(data.organisations).to.have.length(2);
      for (const organisation of data.organisations) {
        const workflow = data.workflows.find((w) => w.id === organisation.defaultWorkflowId);
        expect(workflow?.organisationId).to.equal(organisation.id);
        expect(Object.keys(organisation.switches).sort()).to.deep.equal(['partnersAddDeals', 'profileEditing', 'profilePrefill']);
      }
    });

    it('has workflows of 5–7 stages that end with closed stages', () => {
      expect(data.workflows.length).to.be.at.least(2);
      for (const workflow of data.workflows) {
        expect(workflow.stages.length).to.be.within(5, 7);
        const closed = workflow.stages.map((stage) => stage.closed);
        expect(closed[closed.length - 1]).to.equal(true);
        expect(closed[0]).to.equal(false);
        // Once closed, always closed: closed stages come last.
        expect(closed).to.deep.equal([...closed].sort((a, b) => Number(a) - Number(b)));
      }
    });

    it('has 40+ deals with 1–3 clients, consistent with their workflow and stage', () => {
      expect(data.deals.length).to.be.at.least(40);
      for (const deal of data.deals) {
        expect(deal.clients.length).to.be.within(1, 3);
        const workflow = data.workflows.find((w) => w.id === deal.workflowId);
        expect(workflow?.organisationId).to.equal(deal.organisationId);
        const stage = workflow?.stages.find((s) => s.id === deal.stageId);
        expect(stage, deal.id).to.not.equal(undefined);
        expect(deal.closed).to.equal(stage?.closed);
        for (const client of deal.clients) expect(isValidEmail(client.email)).to.equal(true);
      }
      expect(data.deals.some((deal) => deal.closed)).to.equal(true);
      expect(data.deals.some((deal) => deal.labels.length > 0)).to.equal(true);
    });

    it('has notes from brokers and partners, and documents at https URLs', () => {
      const roles = new Set(data.notes.map((note) => note.author.role));
      expect([...roles].sort()).to.deep.equal(['broker', 'partner']);
      expect(data.documents.length).to.be.at.least(10);
      for (const document of data.documents) expect(safeUrl(document.url)).to.match(/^https:\/\//);
    });

    it('has partner accounts, some allocated to no broker', () => {
      expect(data.partnerAccounts.some((account) => account.brokerIds.length === 0)).to.equal(true);
      expect(data.partnerAccounts.some((account) => account.brokerIds.length > 0)).to.equal(true);
      for (const account of data.partnerAccounts) {
        for (const brokerId of account.brokerIds) {
          expect(data.brokers.find((b) => b.id === brokerId)?.organisationId).to.equal(account.organisationId);
        }
      }
    });

    it('has portal settings per organisation', () => {
      expect(data.portalSettings.map((s) => s.organisationId).sort()).to.deep.equal(data.organisations.map((o) => o.id).sort());
    });
  });

  describe('shared clients', () => {
    const { agentClients, realtors, coSharedPairs, nearMisses } = data.sharedClients;
    const byId = new Map([...agentClients, ...realtors.flatMap((r) => r.clients)].map((client) => [client.id, client]));

    it('has five or more realtors with different client counts', () => {
      expect(realtors.length).to.be.at.least(5);
      expect(new Set(realtors.map((r) => r.clients.length)).size).to.be.at.least(3);
    });

    it('co-shares pairs that only match after normalisation', () => {
      expect(coSharedPairs.length).to.be.at.least(5);
      let spelledDifferently = 0;
      for (const [agentId, realtorId] of coSharedPairs) {
        const mine = byId.get(agentId);
        const theirs = byId.get(realtorId);
        if (!mine || !theirs) throw new Error('missing client record');
        expect(isCoShared(mine, theirs), `${agentId} ~ ${realtorId}`).to.equal(true);
        if (mine.address.street !== theirs.address.street) spelledDifferently++;
      }
      // Street → St., upper case, extra spaces: the normalisation is what makes them match.
      expect(spelledDifferently).to.equal(coSharedPairs.length);
      const raw = coSharedPairs.map(([a, r]) => byId.get(a)?.email === byId.get(r)?.email);
      expect(raw).to.include(false);
    });

    it('has near misses with the same email and another home', () => {
      expect(nearMisses.length).to.be.at.least(2);
      for (const [agentId, realtorId] of nearMisses) {
        const mine = byId.get(agentId);
        const theirs = byId.get(realtorId);
        if (!mine || !theirs) throw new Error('missing client record');
        expect(normaliseEmail(mine.email)).to.equal(normaliseEmail(theirs.email));
        expect(normaliseAddress(mine.address)).not.to.equal(normaliseAddress(theirs.address));
      }
    });
  });
});

describe('generatePartners', () => {
  it('makes 100,000 partners with unique ids and emails and every status', () => {
    const partners = generatePartners(100_000, 5);
    expect(partners).to.have.length(100_000);
    expect(new Set(partners.map((p) => p.id)).size).to.equal(100_000);
    expect(new Set(partners.map((p) => p.email)).size).to.equal(100_000);
    expect(new Set(partners.map((p) => p.status)).size).to.equal(INVITE_STATUSES.length);
  });

  it('is deterministic per seed', () => {
    expect(generatePartners(200, 3)).to.deep.equal(generatePartners(200, 3));
    expect(generatePartners(200, 3)).not.to.deep.equal(generatePartners(200, 4));
  });

  it('varies completion and keeps dates before the reference date', () => {
    const partners = generatePartners(1000, 8);
    const percents = new Set(partners.map((p) => computeCompletion(p.profile).percent));
    expect(percents.has(0)).to.equal(true);
    expect(percents.has(100)).to.equal(true);
    for (const partner of partners) {
      expect(Date.parse(partner.updatedAt)).to.be.at.most(REFERENCE_MS);
      // Dates are formatted without Date objects for speed: they must equal toISOString() exactly.
      for (const value of [partner.invitedAt, partner.updatedAt, partner.acceptedAt]) {
        if (value !== null) expect(new Date(value).toISOString()).to.equal(value);
      }
    }
  });
});
