/**
 * Abort honoured. The validating wrapper itself refuses a call whose signal
 * is already aborted and drops a response that arrives after an abort, so
 * through the wrapper those checks could never fail; the already-aborted
 * checks therefore call the raw adapter, which must honour its signal on its
 * own (so that an element's abandoned request stops costing anything). The
 * mid-flight check goes through the wrapper and measures how soon the call
 * gives up.
 */
import type { PartnerKitAdapter } from '../types.js';
import { ConformanceError, assert, assertEqual, delay, expectAbortError, show, skipCheck } from './assert.js';
import type { CheckGroup } from './check.js';
import type { CheckContext } from './context.js';
import { isAbortError } from '../errors.js';

type SignalCall = (adapter: PartnerKitAdapter, signal: AbortSignal, context: CheckContext) => Promise<unknown> | undefined;

/** Read calls that need no id, each with the arguments the suite gives it. */
const READS: readonly { method: string; call: SignalCall }[] = [
  { method: 'getSession', call: (a, signal) => a.getSession({ signal }) },
  { method: 'listPartners', call: (a, signal) => a.listPartners?.({ limit: 5 }, { signal }) },
  { method: 'searchContacts', call: (a, signal) => a.searchContacts?.('a', { signal }) },
  { method: 'lookupRecipients', call: (a, signal, c) => a.lookupRecipients?.([c.newEmail()], { signal }) },
  { method: 'listOrganisations', call: (a, signal) => a.listOrganisations?.({ signal }) },
  { method: 'getPartnerSettings', call: (a, signal) => a.getPartnerSettings?.({ signal }) },
  { method: 'listRealtorClientCounts', call: (a, signal) => a.listRealtorClientCounts?.({ signal }) },
];

function abortedSignal(): AbortSignal {
  const controller = new AbortController();
  controller.abort();
  return controller.signal;
}

/** Calls the raw adapter, turning a synchronous throw into a rejection. */
function callRaw(call: () => Promise<unknown> | undefined): Promise<unknown> {
  try {
    return Promise.resolve(call());
  } catch (error) {
    return Promise.reject(error);
  }
}

export const cancellationChecks: CheckGroup = {
  id: 'cancellation',
  name: 'cancellation',
  checks: [
    {
      name: 'read calls with an already-aborted signal reject with AbortError',
      requires: ['getSession'],
      async run(context) {
        const failures: string[] = [];
        for (const { method, call } of READS) {
          if (!context.can(method as 'getSession') || context.options.skip.has(method as 'getSession')) continue;
          try {
            const value = await callRaw(() => call(context.raw, abortedSignal(), context));
            failures.push(`${method} resolved with ${show(value, 80)}`);
          } catch (error) {
            if (!isAbortError(error)) failures.push(`${method} rejected with ${show(error, 120)} instead of an AbortError`);
          }
        }
        if (failures.length > 0) {
          throw new ConformanceError(`called with an already-aborted signal: ${failures.join('; ')}`);
        }
      },
    },
    {
      name: 'createInvitations with an already-aborted signal rejects with AbortError and invites nobody',
      requires: ['createInvitations', 'lookupRecipients'],
      async run(context) {
        const email = context.newEmail();
        await expectAbortError(
          callRaw(() =>
            context.raw.createInvitations?.([{ email }], { idempotencyKey: context.key(), signal: abortedSignal() }),
          ),
          `createInvitations([${JSON.stringify(email)}]) with an already-aborted signal`,
        );
        const [lookup] = await context.adapter.lookupRecipients!([email]);
        assertEqual(lookup?.kind, 'new', `lookupRecipients(${JSON.stringify(email)}).kind after the aborted invitation`);
      },
    },
    {
      name: 'a call aborted mid-flight rejects with AbortError before its response would arrive',
      requires: ['getSession'],
      async run(context) {
        const latency = context.options.latencyMs;
        if (latency === undefined) skipCheck('pass latencyMs to check aborts mid-flight');
        const methods: { method: string; call: (signal: AbortSignal) => Promise<unknown> }[] = [
          { method: 'getSession', call: (signal) => context.adapter.getSession({ signal }) },
        ];
        if (context.can('listPartners')) {
          methods.push({ method: 'listPartners', call: (signal) => context.adapter.listPartners!({ limit: 5 }, { signal }) });
        }
        const abortAfter = Math.max(1, Math.floor(latency / 5));
        for (const { method, call } of methods) {
          const controller = new AbortController();
          const started = performance.now();
          const pending = call(controller.signal);
          const settled = expectAbortError(pending, `${method} aborted ${abortAfter} ms into a ${latency} ms call`);
          // Awaited below; until then a failure must not surface as an unhandled rejection.
          settled.catch(() => undefined);
          await delay(abortAfter);
          controller.abort();
          await settled;
          const elapsed = performance.now() - started;
          assert(
            elapsed < latency * 0.8,
            `${method} aborted ${abortAfter} ms into a ${latency} ms call only rejected after ${Math.round(elapsed)} ms: ` +
              'the adapter waits for the response instead of honouring its signal',
          );
        }
      },
    },
  ],
};
