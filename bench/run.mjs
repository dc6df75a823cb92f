// `npm run bench`: sizes, render timings against vanilla-DOM baselines, and
// memory after repeated mounting, in the system Chromium (headless).
// Prints a table and writes bench/results.json. See bench/README.md.
import { existsSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, release, totalmem, type as osType } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import puppeteer from 'puppeteer-core';
import { formatSizeTable, measureSizes } from '../scripts/check-sizes.mjs';
import { attributeTasks } from './lib/attribution.mjs';
import { buildPages, existingElements } from './lib/build.mjs';
import { serve } from './lib/server.mjs';
import { ratio, summarise } from './lib/stats.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// Build output goes under node_modules/.cache: ignored by git, ESLint and the type checker.
const outDir = join(root, 'node_modules/.cache/partner-kit-bench');

const { values: args } = parseArgs({
  options: {
    samples: { type: 'string', default: '15' },
    'large-samples': { type: 'string' },
    'profile-samples': { type: 'string', default: '3' },
    cycles: { type: 'string', default: '200' },
    warmup: { type: 'string', default: '3' },
    rows: { type: 'string', default: '1000,10000,100000' },
    only: { type: 'string' },
    output: { type: 'string', default: join(root, 'bench/results.json') },
    'eager-compile': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

if (args.help) {
  console.log(`node bench/run.mjs [options]
  --samples N          samples per variant and scenario (default 15)
  --large-samples N    samples for more than 10,000 rows (default: --samples, at most 5)
  --profile-samples N  profiled samples per variant for attribution (default 3 for sort, search, wizard and board-move, 1 elsewhere; 0: none)
  --cycles N           mount/remove cycles per element in the memory scenario (default 200)
  --warmup N           discarded kit/vanilla pairs before each timed scenario (default 3; 1 at 100,000 rows; 0: none)
  --rows LIST          row counts for the first-render scenario (default 1000,10000,100000)
  --only LIST          any of: sizes, table, sort, search, badges, wizard, board, board-move, memory
  --output FILE        where to write the JSON results (default bench/results.json)
  --eager-compile      diagnostic: mark the kit's pages for eager compilation (V8 compile hints), to see how
                       much of a kit time is V8 compiling the kit's code on first use; not a result to report`);
  process.exit(0);
}

const positive = (value, name) => {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new Error(`--${name} must be a positive integer`);
  return number;
};
const SAMPLES = positive(args.samples, 'samples');
// Preparing 100,000 partners in the memory adapter takes ~5 s per fresh page on this machine, hence fewer samples.
const LARGE_SAMPLES = args['large-samples'] ? positive(args['large-samples'], 'large-samples') : Math.min(SAMPLES, 5);
const PROFILE_SAMPLES = Number(args['profile-samples']) || 0;
const CYCLES = positive(args.cycles, 'cycles');
// The first kit page of a scenario is often much slower than the rest (56-59 ms against a 39-43 ms
// median at 1,000 rows; the vanilla page's first is not): cold caches meet the kit's larger code.
// Discarded pairs, the same for both variants, keep that out of the medians.
const WARMUP = Number(args.warmup);
if (!Number.isInteger(WARMUP) || WARMUP < 0) throw new Error('--warmup must be 0 or a positive integer');
const ROWS = args.rows.split(',').map((value) => positive(value.trim(), 'rows'));
const ALL = ['sizes', 'table', 'sort', 'search', 'badges', 'wizard', 'board', 'board-move', 'memory'];
const ONLY = new Set(args.only ? args.only.split(',').map((value) => value.trim()) : ALL);
for (const name of ONLY) if (!ALL.includes(name)) throw new Error(`--only: unknown scenario "${name}" (use ${ALL.join(', ')})`);

/** Scenario time limits: sampling stops (and says so) when one is reached, so a run stays within ~8 minutes. */
const TIME_LIMIT_MS = { table: 40_000, 'table-large': 80_000, sort: 45_000, search: 45_000, badges: 30_000, wizard: 40_000, board: 45_000, 'board-move': 50_000, memoryPerElement: 30_000 };

const runStarted = Date.now();
const log = (message) => console.log(`[${((Date.now() - runStarted) / 1000).toFixed(0).padStart(3)} s] ${message}`);

// ---------------------------------------------------------------------------
// Browser

const CHROME_FLAGS = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-renderer-backgrounding',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--js-flags=--expose-gc',
];

async function launchBrowser() {
  const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';
  if (!existsSync(executablePath)) throw new Error(`no Chromium at ${executablePath}: install one (apt-get install chromium) or set CHROME_PATH`);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return puppeteer.launch({
    executablePath,
    headless: true,
    args: [...CHROME_FLAGS, ...(isRoot ? ['--no-sandbox'] : [])],
    defaultViewport: { width: 1280, height: 800 },
    protocolTimeout: 120_000,
  });
}

let browser;
let origin;
let built;

/** Opens a fresh page on `name`.html, waits for its bench API, runs `work`, closes the page. */
async function withPage(name, work) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  try {
    await page.goto(`${origin}/${name}.html`, { waitUntil: 'load' });
    await page.waitForFunction(() => window.bench || window.benchError, { timeout: 15_000 });
    const pageError = await page.evaluate(() => window.benchError);
    if (pageError) throw new Error(pageError.split('\n')[0]);
    return await work(page);
  } catch (error) {
    const detail = errors.length ? ` (page errors: ${errors.slice(0, 2).join(' | ')})` : '';
    throw new Error(`${firstLine(error.message)}${detail}`);
  } finally {
    await page.close().catch(() => {});
  }
}

const firstLine = (text) => String(text).split('\n')[0].replace(/^Error: /, '').slice(0, 300);
const call = (page, method, ...params) =>
  page.evaluate((name, list) => window.bench[name](...list), method, params).catch((error) => {
    throw new Error(`${method}: ${firstLine(error.message)}`);
  });
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Why a scenario cannot run, or null. */
function unbuilt(...pages) {
  for (const name of pages) if (!built[name]?.ok) return `${name}: ${built[name]?.error ?? 'not built'}`;
  return null;
}

/** Runs kit and vanilla samples interleaved (kit, vanilla, kit, vanilla…), each on a fresh page. */
async function interleaved({ samples, limitMs, kit, vanilla, warmup = WARMUP }) {
  const runs = { kit: [], vanilla: [], errors: [] };
  const variants = [
    ['kit', kit],
    ['vanilla', vanilla],
  ];
  // Discarded pairs first, the same for both variants; a variant that fails here is broken.
  for (let i = 0; i < warmup; i++) {
    for (const [variant, sample] of variants) {
      await sample().catch((error) => {
        throw new Error(`${variant} (warm-up): ${firstLine(error.message)}`);
      });
    }
  }
  const started = Date.now();
  let stoppedEarly = false;
  for (let i = 0; i < samples; i++) {
    if (Date.now() - started > limitMs) {
      stoppedEarly = true;
      break;
    }
    for (const [variant, sample] of variants) {
      try {
        runs[variant].push(await sample());
      } catch (error) {
        runs[variant].push(null);
        runs.errors.push(`${variant} sample ${i + 1}: ${firstLine(error.message)}`);
        // A variant that fails on its first sample is broken, not unlucky: stop here.
        if (i === 0) throw new Error(`${variant}: ${firstLine(error.message)}`);
      }
    }
  }
  const failed = runs.kit.filter((run) => run === null).length + runs.vanilla.filter((run) => run === null).length;
  if (runs.kit.length === 0 || failed > runs.kit.length) {
    throw new Error(`too many failed samples: ${runs.errors.slice(0, 3).join('; ')}`);
  }
  return { ...runs, stoppedEarly, seconds: Math.round((Date.now() - started) / 1000) };
}

/** Median, spread and ratio of one metric across the interleaved runs. */
function compare(runs, pick) {
  const kit = runs.kit.map((run) => (run ? pick(run) : NaN));
  const vanilla = runs.vanilla.map((run) => (run ? pick(run) : NaN));
  return { kit: summarise(kit), vanilla: summarise(vanilla), ratio: ratio(kit, vanilla) };
}

const longTaskStats = (observed) => ({
  count: observed.longTasks.filter((task) => task.duration >= 50).length,
  max: Math.max(0, ...observed.longTasks.map((task) => task.duration)),
});

/**
 * Runs `work` under the V8 sampling profiler and attributes the windows it
 * returns ({ windows: [{ startTime, duration }] }) to kit / host / harness /
 * browser / gc (bench/lib/attribution.mjs).
 */
async function profileDuring(page, name, work) {
  const cdp = await page.createCDPSession();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const mark = await call(page, 'clockMark', 8);
  const outcome = await work();
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.detach();
  return { outcome, attribution: attributeTasks(profile, { [`/${name}.js`]: built[name].modules }, mark, outcome.windows) ?? [] };
}

/** One profiled run of each variant: where the time of one measured window goes (why a ratio is what it is). */
async function breakdown(pages, run) {
  if (PROFILE_SAMPLES < 1) return null;
  const result = {};
  for (const [variant, name] of Object.entries(pages)) {
    try {
      const { attribution } = await withPage(name, (page) => profileDuring(page, name, async () => ({ windows: [await run(page, name)] })));
      result[variant] = attribution[0] ?? null;
    } catch (error) {
      result[variant] = { error: firstLine(error.message) };
    }
  }
  return result;
}

// ---------------------------------------------------------------------------
// Scenarios

async function tableFirstRender(rows) {
  const skip = unbuilt('table-kit', 'table-vanilla');
  if (skip) return { skipped: skip };
  // Calibration (discarded): what the kit fetches and shows before its first paint.
  const calibration = await withPage('table-kit', async (page) => {
    await call(page, 'prepare', { rows });
    return call(page, 'mount', {});
  });
  const queries = calibration.queries;
  const vanillaOptions = { queries, rows: calibration.rows };
  const sample = (name, options) => () =>
    withPage(name, async (page) => {
      const prepared = await call(page, 'prepare', { rows, warmQueries: queries.length ? queries : [{}] });
      const mounted = await call(page, 'mount', options);
      return { ...mounted, setupMs: prepared.setupMs, longTasks: longTaskStats(mounted.observed), observed: undefined, window: undefined };
    });
  const large = rows > 10_000;
  const runs = await interleaved({
    samples: large ? LARGE_SAMPLES : SAMPLES,
    limitMs: large ? TIME_LIMIT_MS['table-large'] : TIME_LIMIT_MS.table,
    // Preparing 100,000 partners takes seconds per page: one discarded pair is enough there.
    warmup: large ? Math.min(WARMUP, 1) : WARMUP,
    kit: sample('table-kit', {}),
    vanilla: sample('table-vanilla', vanillaOptions),
  });
  const rowsShown = { kit: runs.kit.find(Boolean)?.rows ?? null, vanilla: runs.vanilla.find(Boolean)?.rows ?? null };
  const profiled = await breakdown({ kit: 'table-kit', vanilla: 'table-vanilla' }, async (page, name) => {
    await call(page, 'prepare', { rows, warmQueries: queries.length ? queries : [{}] });
    return (await call(page, 'mount', name === 'table-kit' ? {} : vanillaOptions)).window;
  });
  return {
    rows,
    breakdown: profiled,
    kitQueries: queries,
    rowsInDom: rowsShown,
    painted: compare(runs, (run) => run.painted),
    ready: compare(runs, (run) => run.ready),
    longTasks: { kit: runs.kit.filter(Boolean).map((run) => run.longTasks), vanilla: runs.vanilla.filter(Boolean).map((run) => run.longTasks) },
    samples: runs,
  };
}

/** Search terms tried in order; the first whose result's first row differs from that of every prefix (and from the unfiltered first row) is used. */
const SEARCH_TERMS = ['son', 'ley', 'mar', 'ton', 'ner', 'ing', 'berg', 'wood', 'vez', 'ski'];

/** Sort (a click on the Email header) or search (typing into the search field) at 10,000 rows. */
async function tableInteraction(kind) {
  const skip = unbuilt('table-kit', 'table-vanilla');
  if (skip) return { skipped: skip };
  const rows = 10_000;

  // Calibration (discarded): the kit's initial queries, and the query its sort or search makes.
  const calibration = await withPage('table-kit', async (page) => {
    await call(page, 'prepare', { rows });
    const mounted = await call(page, 'mount', {});
    const target = await call(page, 'target', kind);
    let term = null;
    if (kind === 'search') {
      // A term whose result shows only once the whole term is typed: the first row after each
      // shorter prefix is a different one, so a result is never mistaken for an earlier keystroke's.
      const initial = mounted.queries[0] ?? {};
      const firstFor = (search) => call(page, 'expectedFirst', { ...initial, cursor: null, search });
      for (const candidate of SEARCH_TERMS) {
        const expected = await firstFor(candidate);
        if (!expected || expected === mounted.firstEmail) continue;
        let distinct = true;
        for (let length = 1; length < candidate.length && distinct; length++) distinct = (await firstFor(candidate.slice(0, length))) !== expected;
        if (distinct) {
          term = candidate;
          break;
        }
      }
      term ??= SEARCH_TERMS[0];
      await page.mouse.click(target.x, target.y);
      await pause(100);
    }
    await call(page, 'arm', {});
    if (kind === 'sort') await page.mouse.click(target.x, target.y);
    else await page.keyboard.type(term, { delay: 40 });
    const result = await call(page, 'result', kind);
    return { initialQueries: mounted.queries, rows: mounted.rows, query: result.query, term, target: target.label };
  });
  if (!calibration.query) throw new Error(`the kit made no listPartners call for the ${kind}`);
  const { initialQueries, query, term } = calibration;
  const vanillaOptions = { queries: initialQueries, rows: calibration.rows, sortQuery: query, searchQuery: query };

  /** One interaction on a fresh page; `profile` adds a CPU profile for long-task attribution. */
  const interact = async (page, name, profile) => {
    await call(page, 'prepare', { rows, warmQueries: initialQueries.length ? initialQueries : [{}] });
    await call(page, 'mount', name === 'table-vanilla' ? vanillaOptions : {});
    const target = await call(page, 'target', kind);
    if (kind === 'search') {
      await page.mouse.click(target.x, target.y);
      await pause(100);
    }
    const expectFirst = await call(page, 'expectedFirst', query);
    const act = async () => {
      await call(page, 'arm', { expectFirst });
      if (kind === 'sort') await page.mouse.click(target.x, target.y);
      else await page.keyboard.type(term, { delay: 40 });
      const outcome = await call(page, 'result', kind);
      // Attribute every long task, and the whole interaction (the last window).
      return { ...outcome, windows: [...outcome.observed.longTasks, outcome.window] };
    };
    const { outcome: result, attribution } = profile ? await profileDuring(page, name, act) : { outcome: await act(), attribution: null };
    const inputs = result.observed.inputs.filter((input) => (kind === 'sort' ? ['pointerdown', 'pointerup', 'click'] : ['keydown', 'keyup', 'input']).includes(input.type));
    const summary = {
      fromInput: result.fromInput?.painted ?? NaN,
      fromQuery: result.fromQuery?.painted ?? NaN,
      queries: result.queries,
      inputToNextFrameMax: Math.max(0, ...inputs.map((input) => input.toNextFrame)),
      eventTimingMax: Math.max(0, ...result.observed.events.map((event) => event.duration)),
      longTasks: longTaskStats(result.observed),
      longFrames: result.observed.longFrames.map((frame) => ({
        duration: Math.round(frame.duration),
        blocking: Math.round(frame.blockingDuration),
        scripts: frame.scripts.slice(0, 4).map((script) => `${script.invoker} ${Math.round(script.duration)} ms`),
      })),
    };
    if (attribution) {
      summary.attribution = attribution.slice(0, -1);
      summary.whole = attribution.at(-1);
    }
    return summary;
  };

  const runs = await interleaved({
    samples: SAMPLES,
    limitMs: TIME_LIMIT_MS[kind],
    kit: () => withPage('table-kit', (page) => interact(page, 'table-kit', false)),
    vanilla: () => withPage('table-vanilla', (page) => interact(page, 'table-vanilla', false)),
  });
  // Profiled samples apart from the timed ones: the profiler costs a little.
  const profiled = [];
  for (let i = 0; i < PROFILE_SAMPLES; i++) {
    for (const name of ['table-kit', 'table-vanilla']) {
      try {
        profiled.push({ variant: name === 'table-kit' ? 'kit' : 'vanilla', ...(await withPage(name, (page) => interact(page, name, true))) });
      } catch (error) {
        profiled.push({ variant: name === 'table-kit' ? 'kit' : 'vanilla', error: firstLine(error.message) });
      }
    }
  }
  const attributed = profiled.filter((run) => run.attribution).flatMap((run) => run.attribution.map((task) => ({ variant: run.variant, ...task })));
  const wholeInteraction = Object.fromEntries(['kit', 'vanilla'].map((variant) => [variant, profiled.find((run) => run.variant === variant && run.whole)?.whole ?? null]));
  const allLongTasks = (variant) => runs[variant].filter(Boolean).map((run) => run.longTasks);
  return {
    rows,
    term,
    target: calibration.target,
    kitQuery: query,
    inputToResult: compare(runs, (run) => run.fromInput),
    queryToResult: compare(runs, (run) => run.fromQuery),
    inputToNextFrameMax: compare(runs, (run) => run.inputToNextFrameMax),
    eventTimingMax: compare(runs, (run) => run.eventTimingMax),
    longTasks: {
      kit: { samplesWithLongTask: allLongTasks('kit').filter((stats) => stats.count > 0).length, max: Math.max(0, ...allLongTasks('kit').map((stats) => stats.max)) },
      vanilla: { samplesWithLongTask: allLongTasks('vanilla').filter((stats) => stats.count > 0).length, max: Math.max(0, ...allLongTasks('vanilla').map((stats) => stats.max)) },
    },
    attributed,
    breakdown: wholeInteraction,
    kitCausedLongTasks: attributed.filter((task) => task.variant === 'kit' && task.duration >= 50 && task.kitCaused === true).length,
    kitUnattributedLongTasks: attributed.filter((task) => task.variant === 'kit' && task.duration >= 50 && task.kitCaused === null).length,
    kitProfiledLongTasks: attributed.filter((task) => task.variant === 'kit' && task.duration >= 50).length,
    profiledErrors: profiled.filter((run) => run.error).map((run) => `${run.variant}: ${run.error}`),
    samples: runs,
  };
}

async function badges() {
  const skip = unbuilt('badges-kit', 'badges-vanilla');
  if (skip) return { skipped: skip };
  const sample = (name) => () => withPage(name, (page) => call(page, 'mount', { count: 1000 }));
  const runs = await interleaved({ samples: SAMPLES, limitMs: TIME_LIMIT_MS.badges, kit: sample('badges-kit'), vanilla: sample('badges-vanilla') });
  const profiled = await breakdown({ kit: 'badges-kit', vanilla: 'badges-vanilla' }, async (page) => (await call(page, 'mount', { count: 1000 })).window);
  return { count: 1000, painted: compare(runs, (run) => run.painted), ready: compare(runs, (run) => run.ready), breakdown: profiled, samples: dropObserved(runs) };
}

const dropObserved = (runs) => ({
  ...runs,
  kit: runs.kit.map((run) => run && { ...run, observed: undefined, window: undefined }),
  vanilla: runs.vanilla.map((run) => run && { ...run, observed: undefined, window: undefined }),
});

const WIZARD_EMAIL = 'new.partner@bench.example';

async function wizard() {
  const skip = unbuilt('wizard-kit', 'wizard-vanilla');
  if (skip) return { skipped: skip };
  /** Open, type an address and a comma, click Next; returns the open and step windows too (for the profile). */
  const openAndStep = async (page) => {
    await call(page, 'prepare');
    const opened = await call(page, 'open');
    await page.mouse.click(opened.field.x, opened.field.y);
    await page.keyboard.type(`${WIZARD_EMAIL},`, { delay: 10 });
    // Let a debounced contact search settle before the timed click.
    await pause(400);
    const next = await call(page, 'armStep');
    await page.mouse.click(next.x, next.y);
    const step = await call(page, 'stepResult');
    return { opened, step, windows: [opened.window, step.window] };
  };
  const sample = (name) => () =>
    withPage(name, async (page) => {
      const { opened, step } = await openAndStep(page);
      return {
        openReady: opened.ready,
        openPainted: opened.painted,
        stepPainted: step.fromInput?.painted ?? NaN,
        stepReady: step.fromInput?.ready ?? NaN,
        steps: [opened.step, step.step],
        eventTimingMax: Math.max(0, ...step.observed.events.map((event) => event.duration)),
        longTasks: longTaskStats(step.observed),
      };
    });
  const runs = await interleaved({ samples: SAMPLES, limitMs: TIME_LIMIT_MS.wizard, kit: sample('wizard-kit'), vanilla: sample('wizard-vanilla') });
  // Profiled samples apart from the timed ones (the profiler costs a little): the kit's own script in ms.
  const profiled = await profiledRuns({ kit: 'wizard-kit', vanilla: 'wizard-vanilla' }, (page) => openAndStep(page));
  const scriptOf = (variant, index) => profiled.filter((run) => run.variant === variant && run.attribution?.[index]).map((run) => run.attribution[index]);
  return {
    breakdown: { open: breakdownOf(profiled, 0), step: breakdownOf(profiled, 1) },
    open: { painted: compare(runs, (run) => run.openPainted), ready: compare(runs, (run) => run.openReady) },
    step: { painted: compare(runs, (run) => run.stepPainted), ready: compare(runs, (run) => run.stepReady) },
    kitScript: {
      open: summariseScript(scriptOf('kit', 0)),
      step: summariseScript(scriptOf('kit', 1)),
      vanillaOpen: summariseScript(scriptOf('vanilla', 0), 'host'),
      vanillaStep: summariseScript(scriptOf('vanilla', 1), 'host'),
    },
    steps: { kit: runs.kit.find(Boolean)?.steps ?? null, vanilla: runs.vanilla.find(Boolean)?.steps ?? null },
    profiledErrors: profiled.filter((run) => run.error).map((run) => `${run.variant}: ${run.error}`),
    samples: runs,
  };
}

/**
 * PROFILE_SAMPLES profiled runs per variant (interleaved), each on a fresh page:
 * `run(page)` returns { windows } to attribute, and anything else to keep.
 */
async function profiledRuns(pages, run) {
  const profiled = [];
  for (let i = 0; i < PROFILE_SAMPLES; i++) {
    for (const [variant, name] of Object.entries(pages)) {
      try {
        const { outcome, attribution } = await withPage(name, (page) => profileDuring(page, name, () => run(page)));
        profiled.push({ variant, outcome, attribution });
      } catch (error) {
        profiled.push({ variant, error: firstLine(error.message) });
      }
    }
  }
  return profiled;
}

/** The first profiled run's attribution of window `index`, per variant ("where the time goes"). */
const breakdownOf = (profiled, index) =>
  Object.fromEntries(['kit', 'vanilla'].map((variant) => [variant, profiled.find((run) => run.variant === variant && run.attribution?.[index])?.attribution[index] ?? null]));

/**
 * Script ms of one category (kit, or host for the vanilla pages) across profiled windows. Every window
 * counts: a window that waits on the adapter is partly idle, so a low coverage is not a starved sampler here.
 */
function summariseScript(windows, category = 'kit') {
  if (windows.length === 0) return null;
  return {
    ...summarise(windows.map((window) => window.ms[category])),
    windowMs: summarise(windows.map((window) => window.duration)),
    coverage: summarise(windows.map((window) => window.coverage)),
  };
}

/** partner-deal-board with 1,000 deals over 7 stages: mount → every tile painted. */
async function boardFirstRender() {
  const skip = unbuilt('board-kit', 'board-vanilla');
  if (skip) return { skipped: skip };
  const sample = (name) => () =>
    withPage(name, async (page) => {
      const prepared = await call(page, 'prepare');
      const mounted = await call(page, 'mount');
      return { ...mounted, setupMs: prepared.setupMs, longTasks: longTaskStats(mounted.observed), observed: undefined, window: undefined };
    });
  const runs = await interleaved({ samples: SAMPLES, limitMs: TIME_LIMIT_MS.board, kit: sample('board-kit'), vanilla: sample('board-vanilla') });
  const profiled = await breakdown({ kit: 'board-kit', vanilla: 'board-vanilla' }, async (page) => {
    await call(page, 'prepare');
    return (await call(page, 'mount')).window;
  });
  const first = (variant) => runs[variant].find(Boolean);
  return {
    deals: 1000,
    tiles: { kit: first('kit')?.tiles ?? null, vanilla: first('vanilla')?.tiles ?? null },
    columns: { kit: first('kit')?.columns ?? null, vanilla: first('vanilla')?.columns ?? null },
    adapterCalls: { kit: first('kit')?.calls ?? null, vanilla: first('vanilla')?.calls ?? null },
    painted: compare(runs, (run) => run.painted),
    ready: compare(runs, (run) => run.ready),
    breakdown: profiled,
    samples: { ...runs, kit: runs.kit.map((run) => run && { ...run, calls: undefined }), vanilla: runs.vanilla.map((run) => run && { ...run, calls: undefined }) },
  };
}

/** A keyboard move on the 1,000-deal board: focus the first tile, Space, ArrowRight, Space; timed from the dropping key. */
async function boardMove() {
  const skip = unbuilt('board-kit', 'board-vanilla');
  if (skip) return { skipped: skip };
  const move = async (page) => {
    await call(page, 'prepare');
    await call(page, 'mount');
    const focused = await call(page, 'focusTile');
    await call(page, 'armMove');
    // A person's pace: each key is its own interaction, with frames between.
    for (const key of ['Space', 'ArrowRight', 'Space']) {
      await page.keyboard.press(key);
      await pause(120);
    }
    const result = await call(page, 'moveResult');
    if (result.keys !== 3) throw new Error(`expected 3 trusted keydowns, saw ${result.keys}`);
    return { ...result, focused };
  };
  const summaryOf = (result) => ({
    dropPainted: result.fromInput?.painted ?? NaN,
    dropReady: result.fromInput?.ready ?? NaN,
    dropToNextFrame: result.dropToNextFrame,
    keyToNextFrameMax: Math.max(...result.keyToNextFrame),
    movedInStore: result.movedInStore,
    longTasks: longTaskStats(result.observed),
    eventTimingMax: Math.max(0, ...result.observed.events.map((event) => event.duration)),
  });
  const runs = await interleaved({
    samples: SAMPLES,
    limitMs: TIME_LIMIT_MS['board-move'],
    kit: () => withPage('board-kit', async (page) => summaryOf(await move(page))),
    vanilla: () => withPage('board-vanilla', async (page) => summaryOf(await move(page))),
  });
  // Profiled samples: the kit's script in each key's input → next frame (the drop is the last window).
  const profiled = await profiledRuns({ kit: 'board-kit', vanilla: 'board-vanilla' }, (page) => move(page));
  const windowsOf = (variant, pick) => profiled.filter((run) => run.variant === variant && run.attribution?.length === 3).map((run) => pick(run.attribution));
  const allLongTasks = (variant) => runs[variant].filter(Boolean).map((run) => run.longTasks);
  const attributedLongTasks = profiled
    .filter((run) => run.outcome)
    .flatMap((run) => run.outcome.observed.longTasks.filter((task) => task.duration >= 50).map((task) => ({ variant: run.variant, ...task })));
  return {
    dropPainted: compare(runs, (run) => run.dropPainted),
    dropReady: compare(runs, (run) => run.dropReady),
    dropToNextFrame: compare(runs, (run) => run.dropToNextFrame),
    keyToNextFrameMax: compare(runs, (run) => run.keyToNextFrameMax),
    eventTimingMax: compare(runs, (run) => run.eventTimingMax),
    movedInStore: { kit: runs.kit.filter((run) => run?.movedInStore).length, vanilla: runs.vanilla.filter((run) => run?.movedInStore).length },
    longTasks: {
      kit: { samplesWithLongTask: allLongTasks('kit').filter((stats) => stats.count > 0).length, max: Math.max(0, ...allLongTasks('kit').map((stats) => stats.max)) },
      vanilla: { samplesWithLongTask: allLongTasks('vanilla').filter((stats) => stats.count > 0).length, max: Math.max(0, ...allLongTasks('vanilla').map((stats) => stats.max)) },
    },
    profiledLongTasks: attributedLongTasks,
    kitScript: {
      drop: summariseScript(windowsOf('kit', (windows) => windows[2])),
      worstKey: summariseScript(windowsOf('kit', (windows) => windows.reduce((worst, window) => (window.ms.kit > worst.ms.kit ? window : worst)))),
      vanillaDrop: summariseScript(windowsOf('vanilla', (windows) => windows[2]), 'host'),
    },
    breakdown: breakdownOf(profiled, 2),
    profiledErrors: profiled.filter((run) => run.error).map((run) => `${run.variant}: ${run.error}`),
    samples: runs,
  };
}

/** Heap after forced garbage collection (DevTools protocol), in bytes. */
async function heapAfterGc(cdp) {
  for (let i = 0; i < 3; i++) {
    await cdp.send('HeapProfiler.collectGarbage');
    await pause(50);
  }
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

async function listenerCounts(cdp) {
  const counts = {};
  for (const target of ['window', 'document']) {
    const { result } = await cdp.send('Runtime.evaluate', { expression: target, objectGroup: 'bench-listeners' });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId, depth: 0 });
    counts[target] = listeners.length;
  }
  await cdp.send('Runtime.releaseObjectGroup', { objectGroup: 'bench-listeners' });
  return counts;
}

/** Live instances of the element's class after garbage collection (Runtime.queryObjects walks the heap). */
async function liveInstances(cdp, tag) {
  const group = 'bench-instances';
  const { result: prototype } = await cdp.send('Runtime.evaluate', { expression: `customElements.get(${JSON.stringify(tag)}).prototype`, objectGroup: group });
  const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: prototype.objectId, objectGroup: group });
  const { result } = await cdp.send('Runtime.callFunctionOn', { functionDeclaration: 'function () { return this.length; }', objectId: objects.objectId, returnByValue: true });
  await cdp.send('Runtime.releaseObjectGroup', { objectGroup: group });
  return result.value;
}

/** Heap, listeners, live instances and the page's own census, after forced GC. */
async function snapshot(cdp, page, tag) {
  const heap = await heapAfterGc(cdp);
  return { heap, instances: await liveInstances(cdp, tag), listeners: await listenerCounts(cdp), census: await call(page, 'census') };
}

async function memory() {
  const results = [];
  for (const tag of existingElements(root)) {
    const name = `memory-${tag}`;
    if (!built[name]?.ok) {
      results.push({ tag, skipped: built[name]?.error ?? 'not built' });
      continue;
    }
    try {
      results.push(
        await withPage(name, async (page) => {
          const cdp = await page.createCDPSession();
          await call(page, 'prepare');
          // Warm-up: first-use caches (templates, style sheets, catalogues, optimised code) are not leaks.
          const warmStart = Date.now();
          await call(page, 'cycles', 10);
          const perCycle = (Date.now() - warmStart) / 10;
          const cycles = 2 * Math.max(10, Math.floor(Math.min(CYCLES, TIME_LIMIT_MS.memoryPerElement / Math.max(perCycle, 1)) / 2));
          const before = await snapshot(cdp, page, tag);
          await call(page, 'cycles', cycles / 2);
          const middle = await snapshot(cdp, page, tag);
          const { renderedElements } = await call(page, 'cycles', cycles / 2);
          const after = await snapshot(cdp, page, tag);
          await cdp.detach();
          const growth = (after.heap - before.heap) / before.heap;
          // A leak keeps growing; code optimisation and caches level off: the second half tells them apart.
          const secondHalfGrowth = (after.heap - middle.heap) / before.heap;
          const leftovers = [];
          if (after.instances > before.instances) leftovers.push(`${after.instances - before.instances} <${tag}> instance(s) still alive`);
          for (const target of ['window', 'document']) {
            if (after.listeners[target] > before.listeners[target]) leftovers.push(`${after.listeners[target] - before.listeners[target]} listener(s) on ${target}`);
          }
          for (const key of ['intervals', 'subscriptions', 'bodyChildren', 'openPopovers', 'openDialogs']) {
            if (after.census[key] > before.census[key]) leftovers.push(`${after.census[key] - before.census[key]} ${key}`);
          }
          return {
            tag,
            cycles,
            cyclesRequested: CYCLES,
            msPerCycle: Math.round(perCycle * 10) / 10,
            renderedElements,
            before,
            middle,
            after,
            growth,
            secondHalfGrowth,
            leftovers,
            ok: growth <= 0.1 && leftovers.length === 0,
          };
        }),
      );
    } catch (error) {
      results.push({ tag, skipped: `failed: ${firstLine(error.message)}` });
    }
    log(`memory <${tag}>: ${describeMemory(results.at(-1))}`);
  }
  return { elements: results };
}

function describeMemory(result) {
  if (result.skipped) return `skipped: ${result.skipped}`;
  const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;
  const percent = (value) => `${value >= 0 ? '+' : ''}${(value * 100).toFixed(1)}%`;
  return `${kb(result.before.heap)} → ${kb(result.middle.heap)} → ${kb(result.after.heap)} (${percent(result.growth)}; second half ${percent(result.secondHalfGrowth)}) after ${result.cycles} cycles (${result.renderedElements} elements rendered each, ${result.msPerCycle} ms); ${result.after.instances} live instance(s)${result.leftovers.length ? `; left: ${result.leftovers.join(', ')}` : ''}`;
}

// ---------------------------------------------------------------------------
// Report

const ms = (value) => (value === null || value === undefined || !Number.isFinite(value) ? '—' : value >= 100 ? value.toFixed(0) : value.toFixed(1));
// The sample count shows when it is not --samples (a time limit, failed samples, or --large-samples).
const cellOf = (summary) => (summary ? `${ms(summary.median)} ms (${ms(summary.p25)}–${ms(summary.p75)})${summary.n === SAMPLES ? '' : ` n=${summary.n}`}` : '—');
const ratioCell = (r) => (r ? `${r.ofMedians.toFixed(2)}× (${r.pairedP25?.toFixed(2)}–${r.pairedP75?.toFixed(2)})` : '—');

function row(label, comparison, target, verdict) {
  return [label, cellOf(comparison?.kit), cellOf(comparison?.vanilla), ratioCell(comparison?.ratio), target, verdict];
}

function table(rows) {
  const header = ['scenario', 'kit median (p25–p75)', 'vanilla median (p25–p75)', 'kit/vanilla (paired p25–p75)', 'target', 'result'];
  const all = [header, ...rows];
  const widths = header.map((_, column) => Math.max(...all.map((cells) => String(cells[column]).length)));
  const format = (cells) => cells.map((cell, column) => String(cell).padEnd(widths[column])).join('  ');
  return [format(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(format)].join('\n');
}

/** Kit script ms (profiled samples) against the 16 ms target; the vanilla column is the baseline's own script. */
function scriptRow(label, kit, vanilla) {
  const cell = (summary) => (summary ? `${ms(summary.median)} ms (${ms(summary.p25)}–${ms(summary.p75)}) n=${summary.n}` : '—');
  const verdict = kit ? (kit.median <= 16 ? 'met' : `MISSED by ${((kit.median / 16 - 1) * 100).toFixed(0)}%`) : 'no profile';
  return [label, cell(kit), cell(vanilla), '', '≤ 16 ms', verdict];
}

const verdictRatio = (comparison, limit) => (comparison?.ratio ? (comparison.ratio.ofMedians <= limit ? 'met' : `MISSED by ${((comparison.ratio.ofMedians / limit - 1) * 100).toFixed(0)}%`) : '—');

function summaryRows(scenarios) {
  const rows = [];
  const skipped = (label, result) => rows.push([label, `skipped: ${result.skipped ?? result.error}`, '', '', '', '']);
  for (const result of scenarios.table ?? []) {
    const label = `table first render, ${result.rows?.toLocaleString('en-US') ?? ''} rows`;
    if (result.skipped || result.error) skipped(label, result);
    else rows.push(row(`${label} (painted)`, result.painted, '≤ 1.5×', verdictRatio(result.painted, 1.5)), row(`${label} (ready)`, result.ready, '', ''));
  }
  const byRows = Object.fromEntries((scenarios.table ?? []).filter((result) => result.painted).map((result) => [result.rows, result]));
  if (byRows[10_000] && byRows[100_000]) {
    const growth = byRows[100_000].painted.kit.median / byRows[10_000].painted.kit.median;
    rows.push(['kit 100,000 rows ÷ 10,000 rows (painted)', `${growth.toFixed(2)}×`, '', '', '≤ 1.3×', growth <= 1.3 ? 'met' : `MISSED by ${((growth / 1.3 - 1) * 100).toFixed(0)}%`]);
  }
  for (const kind of ['sort', 'search']) {
    const result = scenarios[kind];
    if (!result) continue;
    const label = `${kind} at 10,000 rows`;
    if (result.skipped || result.error) {
      skipped(label, result);
      continue;
    }
    const verdict =
      result.kitCausedLongTasks > 0
        ? `MISSED: ${result.kitCausedLongTasks} of ${result.kitProfiledLongTasks} profiled long task(s) mostly kit code`
        : result.kitUnattributedLongTasks > 0
          ? `unverified: ${result.kitUnattributedLongTasks} long task(s) the profile saw too little of`
          : result.longTasks.kit.samplesWithLongTask > 0 && result.kitProfiledLongTasks === 0
            ? 'unverified: long tasks in timed samples only'
            : result.kitProfiledLongTasks > 0
              ? `met (${result.kitProfiledLongTasks} long task(s), none mostly kit code)`
              : 'met';
    rows.push(
      row(`${label}: input → result painted`, result.inputToResult, '', ''),
      row(`${label}: adapter call → painted`, result.queryToResult, '', ''),
      row(`${label}: input → next frame (max)`, result.inputToNextFrameMax, '', ''),
      [
        `${label}: long tasks ≥ 50 ms`,
        `${result.longTasks.kit.samplesWithLongTask}/${result.samples.kit.length} samples, max ${ms(result.longTasks.kit.max)} ms`,
        `${result.longTasks.vanilla.samplesWithLongTask}/${result.samples.vanilla.length} samples, max ${ms(result.longTasks.vanilla.max)} ms`,
        '',
        'none from kit code',
        verdict,
      ],
    );
  }
  if (scenarios.badges) {
    if (scenarios.badges.skipped || scenarios.badges.error) skipped('1,000 status badges', scenarios.badges);
    else rows.push(row('1,000 status badges (painted)', scenarios.badges.painted, '≤ 1.5×', verdictRatio(scenarios.badges.painted, 1.5)), row('1,000 status badges (ready)', scenarios.badges.ready, '', ''));
  }
  if (scenarios.wizard) {
    if (scenarios.wizard.skipped || scenarios.wizard.error) skipped('invite-wizard', scenarios.wizard);
    else
      rows.push(
        row('invite-wizard open → interactive (painted)', scenarios.wizard.open.painted, '', ''),
        row('invite-wizard open → interactive (ready)', scenarios.wizard.open.ready, '', ''),
        row('invite-wizard step change (painted)', scenarios.wizard.step.painted, '', ''),
        row('invite-wizard step change (ready)', scenarios.wizard.step.ready, '', ''),
        scriptRow('invite-wizard open: kit script', scenarios.wizard.kitScript?.open, scenarios.wizard.kitScript?.vanillaOpen),
        scriptRow('invite-wizard step change: kit script', scenarios.wizard.kitScript?.step, scenarios.wizard.kitScript?.vanillaStep),
      );
  }
  const board = scenarios.board;
  if (board) {
    if (board.skipped || board.error) skipped('deal board first render, 1,000 deals', board);
    else
      rows.push(
        row('deal board first render, 1,000 deals (painted)', board.painted, '≤ 1.5×', verdictRatio(board.painted, 1.5)),
        row('deal board first render, 1,000 deals (ready)', board.ready, '', ''),
      );
  }
  const moved = scenarios['board-move'];
  if (moved) {
    if (moved.skipped || moved.error) skipped('deal board keyboard move', moved);
    else {
      const kitDrop = moved.kitScript?.drop;
      rows.push(
        row('deal board move: drop key → dropped painted', moved.dropPainted, '', ''),
        row('deal board move: drop key → next frame', moved.dropToNextFrame, '', ''),
        row('deal board move: any key → next frame (max)', moved.keyToNextFrameMax, '', ''),
        scriptRow('deal board move: kit script, drop → next frame', kitDrop, moved.kitScript?.vanillaDrop),
        scriptRow('deal board move: kit script, worst key', moved.kitScript?.worstKey, null),
        [
          'deal board move: long tasks ≥ 50 ms',
          `${moved.longTasks.kit.samplesWithLongTask}/${moved.samples.kit.length} samples, max ${ms(moved.longTasks.kit.max)} ms`,
          `${moved.longTasks.vanilla.samplesWithLongTask}/${moved.samples.vanilla.length} samples, max ${ms(moved.longTasks.vanilla.max)} ms`,
          '',
          'none',
          moved.longTasks.kit.samplesWithLongTask === 0 ? 'met' : 'MISSED',
        ],
      );
    }
  }
  return rows;
}

// ---------------------------------------------------------------------------

async function main() {
  const report = {
    startedAt: new Date().toISOString(),
    machine: {
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      freeMemoryGiB: Math.round(freemem() / 2 ** 30),
      os: `${osType()} ${release()}`,
      node: process.version,
      loadAverageAtStart: loadavg().map((value) => Math.round(value * 100) / 100),
    },
    options: { samples: SAMPLES, warmup: WARMUP, largeSamples: LARGE_SAMPLES, profileSamples: PROFILE_SAMPLES, cycles: CYCLES, rows: ROWS, only: [...ONLY], eagerCompile: args['eager-compile'] },
    sizes: null,
    scenarios: {},
  };

  if (ONLY.has('sizes')) {
    try {
      report.sizes = await measureSizes();
      console.log(`\nSizes (each element entry bundled alone with its dependencies; gzip -9; brotli q11):\n${formatSizeTable(report.sizes)}\n`);
    } catch (error) {
      report.sizes = { skipped: firstLine(error.message) };
      log(`sizes skipped: ${firstLine(error.message)}`);
    }
  }

  const timed = [...ONLY].some((name) => name !== 'sizes');
  if (timed) {
    log('building the bench pages (esbuild, production Lit)…');
    built = await buildPages(root, outDir, { eagerCompile: args['eager-compile'] });
    if (args['eager-compile']) log('DIAGNOSTIC RUN: the kit pages are marked for eager compilation (--eager-compile); these kit times are not the kit\'s');
    for (const [name, page] of Object.entries(built)) if (!page.ok) log(`page ${name} not built: ${page.error}`);
    const server = await serve(outDir);
    origin = server.origin;
    browser = await launchBrowser();
    report.machine.chromium = await browser.version();
    log(`${report.machine.chromium}, ${report.machine.cpu} × ${report.machine.cores}`);
    const guard = async (label, run) => {
      log(`${label}…`);
      try {
        return await run();
      } catch (error) {
        return { error: firstLine(error.message) };
      }
    };
    try {
      if (ONLY.has('table')) {
        report.scenarios.table = [];
        for (const rows of ROWS) {
          const result = await guard(`table first render, ${rows} rows`, () => tableFirstRender(rows));
          report.scenarios.table.push({ rows, ...result });
        }
      }
      if (ONLY.has('sort')) report.scenarios.sort = await guard('sort at 10,000 rows', () => tableInteraction('sort'));
      if (ONLY.has('search')) report.scenarios.search = await guard('search at 10,000 rows', () => tableInteraction('search'));
      if (ONLY.has('badges')) report.scenarios.badges = await guard('1,000 status badges', badges);
      if (ONLY.has('wizard')) report.scenarios.wizard = await guard('invite-wizard open and step change', wizard);
      if (ONLY.has('board')) report.scenarios.board = await guard('deal board first render, 1,000 deals', boardFirstRender);
      if (ONLY.has('board-move')) report.scenarios['board-move'] = await guard('deal board keyboard move, 1,000 deals', boardMove);
      if (ONLY.has('memory')) report.scenarios.memory = await guard('memory: mount and remove each element', memory);
    } finally {
      await browser.close();
      await server.close();
    }
    report.pages = Object.fromEntries(Object.entries(built).map(([name, page]) => [name, page.ok ? { ok: true, bytes: page.bytes } : { ok: false, error: page.error }]));
  }

  report.seconds = Math.round((Date.now() - runStarted) / 1000);
  writeFileSync(args.output, `${JSON.stringify(report, null, 1)}\n`);

  if (timed) {
    console.log(`\nTimings (ms; median and p25–p75 of ${SAMPLES} interleaved samples per variant, fresh page each):`);
    console.log(table(summaryRows(report.scenarios)));
    for (const kind of ['sort', 'search']) {
      const result = report.scenarios[kind];
      if (result?.attributed?.length) {
        console.log(`\nLong tasks during ${kind} (profiled samples; ms of kit / host (memory adapter, vanilla code) / harness / browser / gc):`);
        for (const task of result.attributed) {
          console.log(
            `  ${task.variant.padEnd(7)} ${ms(task.duration).padStart(5)} ms: kit ${task.ms.kit}, host ${task.ms.host}, harness ${task.ms.harness}, browser ${task.ms.browser}, gc ${task.ms.gc}` +
              `${task.kitCaused === true ? '  ← kit' : task.kitCaused === null ? `  (profile saw ${Math.round(task.coverage * 100)}%)` : ''}\n      ${task.top.slice(0, 3).join('; ')}`,
          );
        }
      }
    }
    const breakdowns = [
      ...(report.scenarios.table ?? []).map((result) => [`table first render, ${result.rows} rows`, result.breakdown]),
      ['sort at 10,000 rows (input → painted)', report.scenarios.sort?.breakdown],
      ['search at 10,000 rows (last key → painted)', report.scenarios.search?.breakdown],
      ['1,000 status badges', report.scenarios.badges?.breakdown],
      ['invite-wizard open', report.scenarios.wizard?.breakdown?.open],
      ['invite-wizard step change (click → painted)', report.scenarios.wizard?.breakdown?.step],
      ['deal board first render, 1,000 deals', report.scenarios.board?.breakdown],
      ['deal board move (drop key → next frame)', report.scenarios['board-move']?.breakdown],
    ].filter(([, value]) => value);
    if (breakdowns.length) {
      console.log('\nWhere the time goes (one profiled sample per variant; ms of kit / host / harness / browser / gc, then the largest kit and browser items):');
      for (const [label, value] of breakdowns) {
        for (const variant of ['kit', 'vanilla']) {
          const item = value[variant];
          if (!item) continue;
          if (item.error) console.log(`  ${label}, ${variant}: ${item.error}`);
          else
            console.log(
              `  ${label}, ${variant} (${ms(item.duration)} ms): kit ${item.ms.kit}, host ${item.ms.host}, harness ${item.ms.harness}, browser ${item.ms.browser}, gc ${item.ms.gc}` +
                (variant === 'kit' ? `\n      ${item.topModules.filter((entry) => /^(kit|browser)/.test(entry)).slice(0, 5).join('; ')}` : ''),
            );
        }
      }
    }
    if (report.scenarios.memory?.elements) {
      console.log('\nMemory (heap after forced GC, before → after mount/remove cycles; target ≤ +10%, nothing left behind):');
      for (const result of report.scenarios.memory.elements) console.log(`  ${result.tag.padEnd(22)} ${describeMemory(result)}${result.ok === false ? '  ← MISSED' : ''}`);
    }
  }
  console.log(`\nWrote ${args.output} (${report.seconds} s).`);
}

// Keep a crashed run from leaving Chromium behind.
process.on('unhandledRejection', async (error) => {
  console.error(error);
  await browser?.close().catch(() => {});
  process.exit(1);
});

await main();
