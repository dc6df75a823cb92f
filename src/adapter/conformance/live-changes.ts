/**
 * subscribe: a mutation made through the adapter is pushed to listeners, and
 * an unsubscribed listener hears nothing more. Changes go through the
 * validating wrapper, which drops (with a console warning) any change that
 * fails its schema — so a malformed push shows up here as a missing one.
 */
import type { AdapterChange } from '../schemas.js';
import { assert, delay, skipCheck, waitFor } from './assert.js';
import type { CheckGroup } from './check.js';
import type { CheckContext } from './context.js';

interface Mutation {
  description: string;
  /** Whether a pushed change reports this mutation. */
  reportedBy: (change: AdapterChange) => boolean;
}

let mutationCounter = 0;

/**
 * Time a fresh subscription gets to connect before the check mutates: a
 * socket or a polled feed starts "from now" once it is up, so a change made in
 * the same instant as subscribe() may legitimately predate it.
 */
const SUBSCRIBE_SETTLE_MS = 250;

/** Makes one change through whichever mutation the adapter has, and says how to recognise its push. */
async function mutate(context: CheckContext): Promise<Mutation> {
  mutationCounter += 1;
  if (context.can('updatePartnerProfile') && context.can('listPartners')) {
    const partner = await context.editablePartner();
    const city = `Live City ${Date.now().toString(36)}-${mutationCounter}`;
    await context.adapter.updatePartnerProfile!(partner.id, { ...partner.profile, city });
    return {
      description: `updatePartnerProfile(${JSON.stringify(partner.id)}, {city: ${JSON.stringify(city)}})`,
      reportedBy: (change) =>
        change.type === 'partner-updated' && change.partner.id === partner.id && change.partner.profile.city === city,
    };
  }
  if (context.can('addNote') && (context.can('listDeals') || context.can('getDeal'))) {
    const deal = await context.deal();
    const body = `Live note ${Date.now().toString(36)}-${mutationCounter}`;
    await context.adapter.addNote!(deal.id, body, { idempotencyKey: context.key() });
    return {
      description: `addNote(${JSON.stringify(deal.id)}, ${JSON.stringify(body)})`,
      reportedBy: (change) => change.type === 'note-added' && change.note.dealId === deal.id && change.note.body === body,
    };
  }
  if (context.can('createInvitations')) {
    const email = context.newEmail();
    const partnerId = await context.invite(email);
    return {
      description: `createInvitations([${JSON.stringify(email)}])`,
      reportedBy: (change) => change.type === 'partner-updated' && change.partner.id === partnerId,
    };
  }
  return skipCheck('needs updatePartnerProfile, addNote or createInvitations to cause a change');
}

function noChangeMessage(mutation: Mutation, timeoutMs: number, received: readonly AdapterChange[]): string {
  const seen = received.map((change) => change.type).join(', ') || 'none';
  return (
    `subscribe: no change reporting ${mutation.description} arrived within ${timeoutMs} ms ` +
    `(changes received: ${seen}; a change that fails its schema is dropped with a console warning)`
  );
}

export const liveChangeChecks: CheckGroup = {
  id: 'subscribe',
  name: 'subscribe',
  checks: [
    {
      name: 'delivers a change after a mutation',
      requires: ['subscribe'],
      async run(context) {
        const received: AdapterChange[] = [];
        const unsubscribe = context.adapter.subscribe!((change) => received.push(change));
        try {
          await delay(SUBSCRIBE_SETTLE_MS);
          const mutation = await mutate(context);
          const timeout = context.options.changeTimeoutMs;
          const arrived = await waitFor(() => received.some(mutation.reportedBy), timeout);
          assert(arrived, noChangeMessage(mutation, timeout, received));
        } finally {
          unsubscribe();
        }
      },
    },
    {
      name: 'after unsubscribe a listener receives nothing more',
      requires: ['subscribe'],
      async run(context) {
        const subscribe = context.adapter.subscribe!;
        // The control listener stays subscribed: it proves the second change was pushed at all.
        const control: AdapterChange[] = [];
        const stopControl = subscribe((change) => control.push(change));
        const received: AdapterChange[] = [];
        const unsubscribe = subscribe((change) => received.push(change));
        try {
          await delay(SUBSCRIBE_SETTLE_MS);
          const timeout = context.options.changeTimeoutMs;
          const started = performance.now();
          const first = await mutate(context);
          assert(await waitFor(() => received.some(first.reportedBy), timeout), noChangeMessage(first, timeout, received));
          const firstDelay = performance.now() - started;
          unsubscribe();
          const countAtUnsubscribe = received.length;
          const second = await mutate(context);
          assert(await waitFor(() => control.some(second.reportedBy), timeout), noChangeMessage(second, timeout, control));
          // Leave time for a late delivery to the unsubscribed listener, as long as the first one took and more.
          await delay(Math.min(timeout, Math.max(100, firstDelay)));
          const late = received.slice(countAtUnsubscribe);
          assert(
            late.length === 0,
            `subscribe: ${late.length} change(s) (${late.map((change) => change.type).join(', ')}) reached a listener after it unsubscribed`,
          );
        } finally {
          unsubscribe();
          stopControl();
        }
      },
    },
  ],
};
