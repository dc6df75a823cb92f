/**
 * Registers checks with whichever test framework is running: mocha, vitest
 * (with `globals: true`) and jest all provide `describe` and `it` as globals.
 * The suite declares the little it needs here instead of depending on any
 * framework's types, so it type-checks and runs under all three.
 */
import { CheckSkipped } from './assert.js';

/** `this` inside a mocha test; vitest passes a context with `skip` as the first argument. */
interface TestContextLike {
  skip?: (note?: string) => void;
  timeout?: (ms: number) => unknown;
}

/**
 * A test body. It takes its arguments as a rest parameter on purpose: mocha
 * and jest treat a function declaring a parameter as callback-style (`done`).
 */
type TestBody = (this: TestContextLike | undefined, ...args: unknown[]) => Promise<void>;

interface TestRegistrar {
  (name: string, body: TestBody, timeout?: number): unknown;
  skip?: (name: string, body?: TestBody) => unknown;
}

interface FrameworkGlobals {
  describe?: (name: string, body: () => void) => unknown;
  it?: TestRegistrar;
}

function frameworkGlobals(): { describe: NonNullable<FrameworkGlobals['describe']>; it: TestRegistrar } {
  const globals = globalThis as FrameworkGlobals;
  if (typeof globals.describe !== 'function' || typeof globals.it !== 'function') {
    throw new Error(
      'partner-kit/testing: runAdapterConformance needs the describe/it globals of mocha, jest or vitest ' +
        '(vitest: set test.globals to true). Call it at the top level of a test file.',
    );
  }
  return { describe: globals.describe, it: globals.it };
}

export function defineGroup(name: string, body: () => void): void {
  frameworkGlobals().describe(name, body);
}

/** Marks the running test as skipped in the framework's own way. */
function skipRunningTest(context: TestContextLike | undefined, firstArgument: unknown, reason: string): void {
  if (context && typeof context.skip === 'function') {
    context.skip(); // mocha: throws its Pending marker
    return;
  }
  const vitestContext = firstArgument as TestContextLike | undefined;
  if (vitestContext && typeof vitestContext.skip === 'function') {
    vitestContext.skip(reason); // vitest: throws its skip marker
    return;
  }
  // jest cannot skip a running test: the check passes vacuously and says why.
  console.info(`[partner-kit conformance] skipped: ${reason}`);
}

export interface TestDefinition {
  name: string;
  /** Set when the check is switched off up front (the `skip` option): registered as skipped. */
  skippedBecause?: string | undefined;
  timeoutMs: number;
  run: () => Promise<void>;
}

export function defineTest(test: TestDefinition): void {
  const { it } = frameworkGlobals();
  if (test.skippedBecause !== undefined) {
    if (typeof it.skip === 'function') it.skip(`${test.name} (${test.skippedBecause})`);
    return;
  }
  it(
    test.name,
    async function (this: TestContextLike | undefined, ...args: unknown[]) {
      if (this && typeof this.timeout === 'function') this.timeout(test.timeoutMs);
      try {
        await test.run();
      } catch (error) {
        if (error instanceof CheckSkipped) {
          skipRunningTest(this, args[0], error.message);
          return;
        }
        throw error;
      }
    },
    test.timeoutMs,
  );
}
