/**
 * Invitations: recipient lookup, idempotent creation, delete and re-invite,
 * re-send and the invitation link.
 */
import type { RecipientLookup } from '../schemas.js';
import { assert, assertEqual, assertHttpUrl, expectErrorCode } from './assert.js';
import type { CheckGroup } from './check.js';
import type { CheckContext } from './context.js';
import { partnersWithEmail } from './paging.js';

async function lookupOne(context: CheckContext, email: string): Promise<RecipientLookup> {
  const results = await context.adapter.lookupRecipients!([email]);
  const found = results.find((result) => result.email.toLowerCase() === email.toLowerCase());
  assert(found, `lookupRecipients([${JSON.stringify(email)}]) returned no entry for that email: ${JSON.stringify(results)}`);
  return found;
}

export const invitationChecks: CheckGroup = {
  id: 'invitations',
  name: 'invitations',
  checks: [
    {
      name: "lookupRecipients answers each email, 'new' for an email nobody invited",
      requires: ['lookupRecipients'],
      async run(context) {
        const first = context.newEmail();
        const second = context.newEmail();
        const results = await context.adapter.lookupRecipients!([first, second]);
        assertEqual(results.length, 2, `lookupRecipients of two emails: number of entries`);
        for (const email of [first, second]) {
          const entry = results.find((result) => result.email.toLowerCase() === email.toLowerCase());
          assert(entry, `lookupRecipients([${first}, ${second}]) has no entry for ${email}`);
          assertEqual(entry.kind, 'new', `lookupRecipients(${JSON.stringify(email)}).kind of a never-invited email`);
          assertEqual(entry.partnerId, null, `lookupRecipients(${JSON.stringify(email)}).partnerId of a never-invited email`);
        }
      },
    },
    {
      name: 'createInvitations twice with the same idempotency key creates one partner',
      requires: ['createInvitations', 'listPartners'],
      async run(context) {
        const email = context.newEmail();
        assertEqual((await partnersWithEmail(context.adapter, email)).length, 0, `partners with ${email} before inviting`);
        const idempotencyKey = context.key();
        const firstId = await context.invite(email, idempotencyKey);
        const secondId = await context.invite(email, idempotencyKey);
        assertEqual(secondId, firstId, 'createInvitations repeated with the same idempotency key: partnerId');
        const partners = await partnersWithEmail(context.adapter, email);
        assertEqual(partners.length, 1, `createInvitations twice with one idempotency key: partners with ${email}`);
        assertEqual(partners[0]?.id, firstId, `listPartners(search: ${email}): the invited partner's id`);
      },
    },
    {
      name: "an invited email is 'connected' to the partner it became",
      requires: ['createInvitations', 'lookupRecipients'],
      async run(context) {
        const email = context.newEmail();
        const partnerId = await context.invite(email);
        const lookup = await lookupOne(context, email);
        assertEqual(lookup.kind, 'connected', `lookupRecipients(${JSON.stringify(email)}).kind after inviting it`);
        assertEqual(lookup.partnerId, partnerId, `lookupRecipients(${JSON.stringify(email)}).partnerId after inviting it`);
      },
    },
    {
      name: 'createInvitations reports one result per recipient',
      requires: ['createInvitations'],
      async run(context) {
        const emails = [context.newEmail(), context.newEmail(), context.newEmail()];
        const { results } = await context.adapter.createInvitations!(
          emails.map((email) => ({ email })),
          { idempotencyKey: context.key() },
        );
        assertEqual(results.length, emails.length, 'createInvitations of three new emails: number of results');
        const partnerIds = new Set<string>();
        for (const email of emails) {
          const result = results.find((entry) => entry.email.toLowerCase() === email.toLowerCase());
          assert(result, `createInvitations: no result for ${email} in ${JSON.stringify(results)}`);
          assertEqual(result.outcome, 'sent', `createInvitations: outcome for new email ${email}`);
          assert(result.partnerId !== null, `createInvitations: result for ${email} has no partnerId`);
          partnerIds.add(result.partnerId);
        }
        assertEqual(partnerIds.size, emails.length, 'createInvitations of three emails: distinct partner ids');
      },
    },
    {
      name: "inviting an email that is already connected reports 'already-connected' and creates nothing",
      requires: ['createInvitations'],
      async run(context) {
        const email = context.newEmail();
        const partnerId = await context.invite(email);
        const { results } = await context.adapter.createInvitations!([{ email }], { idempotencyKey: context.key() });
        const result = results.find((entry) => entry.email.toLowerCase() === email.toLowerCase());
        assert(result, `createInvitations (second, new key): no result for ${email}`);
        assertEqual(result.outcome, 'already-connected', `createInvitations of an invited email with a new key: outcome`);
        assertEqual(result.partnerId, partnerId, `createInvitations of an invited email with a new key: partnerId`);
        if (context.can('listPartners')) {
          assertEqual(
            (await partnersWithEmail(context.adapter, email)).length,
            1,
            `partners with ${email} after inviting it twice with different keys`,
          );
        }
      },
    },
    {
      name: "a deleted partner is 'new' again and can be invited again",
      requires: ['createInvitations', 'deletePartner', 'lookupRecipients'],
      async run(context) {
        const email = context.newEmail();
        const partnerId = await context.invite(email);
        await context.adapter.deletePartner!(partnerId);
        const lookup = await lookupOne(context, email);
        assertEqual(lookup.kind, 'new', `lookupRecipients(${JSON.stringify(email)}).kind after deletePartner`);
        if (context.can('getPartner')) {
          await expectErrorCode(
            context.adapter.getPartner!(partnerId),
            'not_found',
            `getPartner(${JSON.stringify(partnerId)}) after deletePartner`,
          );
        }
        if (context.can('listPartners')) {
          assertEqual((await partnersWithEmail(context.adapter, email)).length, 0, `partners with ${email} after deletePartner`);
        }
        const invitedAgain = await context.invite(email);
        const again = await lookupOne(context, email);
        assertEqual(again.kind, 'connected', `lookupRecipients(${JSON.stringify(email)}).kind after inviting it again`);
        assertEqual(again.partnerId, invitedAgain, `lookupRecipients(${JSON.stringify(email)}).partnerId after inviting it again`);
      },
    },
    {
      name: 'resendInvitation returns the partner it re-sent to',
      requires: ['resendInvitation'],
      async run(context) {
        const partnerId = await context.pendingPartner();
        const partner = await context.adapter.resendInvitation!(partnerId, { idempotencyKey: context.key() });
        assertEqual(partner.id, partnerId, `resendInvitation(${JSON.stringify(partnerId)}).id`);
      },
    },
    {
      name: 'getInvitationLink of a pending partner is an http(s) URL',
      requires: ['getInvitationLink'],
      async run(context) {
        const partnerId = await context.pendingPartner();
        const link = await context.adapter.getInvitationLink!(partnerId);
        assertHttpUrl(link.url, `getInvitationLink(${JSON.stringify(partnerId)}).url`);
        if (link.expiresAt !== null) {
          assert(
            Date.parse(link.expiresAt) > Date.now(),
            `getInvitationLink(${JSON.stringify(partnerId)}).expiresAt ${link.expiresAt} is already past`,
          );
        }
      },
    },
  ],
};
