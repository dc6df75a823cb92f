/**
 * `partner-kit/testing`: the adapter conformance suite an integrator runs
 * against their own adapter (mocha, vitest with globals, or jest). It needs no
 * test library at runtime. See README "Write your own adapter".
 */
export { runAdapterConformance, ConformanceError, CONFORMANCE_GROUP_IDS } from './adapter/conformance/index.js';
export type { ConformanceFixtures, ConformanceGroupId, ConformanceOptions } from './adapter/conformance/index.js';
