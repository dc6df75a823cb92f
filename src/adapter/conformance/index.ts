/**
 * The adapter conformance suite (`partner-kit/testing`): run it from a test
 * file of mocha, vitest (globals) or jest against your own adapter.
 *
 * ```ts
 * import { runAdapterConformance } from 'partner-kit/testing';
 * runAdapterConformance('my CRM adapter', { createAdapter: () => createMyAdapter(testBackend()) });
 * ```
 *
 * Every call goes through `validateAdapter`, so a response that fails its
 * schema fails the check with the method and field path. A check whose
 * methods the adapter lacks (or switches off in `capabilities`) is reported
 * as skipped, so a partial adapter passes what it implements.
 */
import type { AdapterMethod } from '../types.js';
import { cancellationChecks } from './cancellation.js';
import { CONFORMANCE_GROUP_IDS } from './check.js';
import type { Check, CheckGroup } from './check.js';
import { CheckContext, resolveOptions } from './context.js';
import type { ConformanceOptions } from './context.js';
import { skipCheck } from './assert.js';
import { defineGroup, defineTest } from './harness.js';
import { invitationChecks } from './invitations.js';
import { listingChecks } from './listing.js';
import { liveChangeChecks } from './live-changes.js';
import { dealChecks, profileChecks, settingsChecks, unknownIdChecks } from './records.js';
import { shapeChecks } from './shapes.js';

export type { ConformanceFixtures, ConformanceOptions } from './context.js';
export type { ConformanceGroupId } from './check.js';
export { CONFORMANCE_GROUP_IDS };
export { ConformanceError } from './assert.js';

/** Every group, in the order they run; each gets its own fresh adapter. */
export const CONFORMANCE_GROUPS: readonly CheckGroup[] = [
  shapeChecks,
  listingChecks,
  invitationChecks,
  profileChecks,
  dealChecks,
  settingsChecks,
  unknownIdChecks,
  cancellationChecks,
  liveChangeChecks,
];

/** Runs one check, skipping it when the adapter lacks (or switches off) a method it requires. */
export async function runCheck(check: Check, context: CheckContext): Promise<void> {
  const lacking = check.requires.filter((method: AdapterMethod) => !context.can(method));
  if (lacking.length > 0) skipCheck(`the adapter has no ${lacking.join(', ')}`);
  await check.run(context);
}

/**
 * Registers the conformance checks as `describe`/`it` blocks named after
 * `name`. Call it at the top level of a test file.
 */
export function runAdapterConformance(name: string, options: ConformanceOptions): void {
  if (typeof options?.createAdapter !== 'function') {
    throw new TypeError('runAdapterConformance: options.createAdapter must be a function returning an adapter.');
  }
  const unknownGroup = options.groups?.find((id) => !(CONFORMANCE_GROUP_IDS as readonly string[]).includes(id));
  if (unknownGroup !== undefined) {
    throw new TypeError(`runAdapterConformance: unknown group "${unknownGroup}"; groups are ${CONFORMANCE_GROUP_IDS.join(', ')}.`);
  }
  const selected = new Set(options.groups ?? CONFORMANCE_GROUP_IDS);
  const resolved = resolveOptions(options);
  const fixtures = options.fixtures ?? {};
  defineGroup(`${name}: partner-kit adapter conformance`, () => {
    for (const group of CONFORMANCE_GROUPS.filter((candidate) => selected.has(candidate.id))) {
      defineGroup(group.name, () => {
        let context: Promise<CheckContext> | undefined;
        const contextOnce = () =>
          (context ??= (async () => {
            let raw;
            try {
              raw = await options.createAdapter();
            } catch (error) {
              throw new Error(`createAdapter failed: ${error instanceof Error ? error.message : String(error)}`, {
                cause: error,
              });
            }
            return new CheckContext(raw, resolved, fixtures);
          })());
        for (const check of group.checks) {
          const switchedOff = check.requires.filter((method) => resolved.skip.has(method));
          defineTest({
            name: check.name,
            skippedBecause: switchedOff.length > 0 ? `skip: ${switchedOff.join(', ')}` : undefined,
            timeoutMs: resolved.timeoutMs,
            run: async () => runCheck(check, await contextOnce()),
          });
        }
      });
    }
  });
}
