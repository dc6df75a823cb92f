import type { AdapterMethod } from '../types.js';
import type { CheckContext } from './context.js';

/** One promise of the contract, checked against a live adapter. */
export interface Check {
  name: string;
  /** Methods the check calls; without any of them it is reported as skipped. */
  requires: readonly AdapterMethod[];
  run(context: CheckContext): Promise<void>;
}

/** The groups of the suite, as the `groups` option names them. */
export const CONFORMANCE_GROUP_IDS = [
  'shapes',
  'listPartners',
  'invitations',
  'profile',
  'deals',
  'settings',
  'unknownIds',
  'cancellation',
  'subscribe',
] as const;

export type ConformanceGroupId = (typeof CONFORMANCE_GROUP_IDS)[number];

/** Checks that share one fresh adapter, run in order. */
export interface CheckGroup {
  id: ConformanceGroupId;
  name: string;
  checks: readonly Check[];
}
