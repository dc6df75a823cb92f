// Who spent the time in a long task: a V8 CPU profile (DevTools protocol)
// taken during the interaction, aligned with performance.now() through a busy
// loop in a function named __benchClockMarker, and each sample assigned to:
//   kit      — Lit, the elements, the kit's internals, zod/mini, floating-ui
//   host     — the memory adapter (the stand-in for the host's backend) and
//              the vanilla page's own code
//   harness  — the bench's measuring code (polling, observers)
//   browser  — no JS on the stack: style, layout, paint, parsing ("(program)")
//   gc       — garbage collection
// A sample is decided by the nearest frame (from the leaf up) in a known
// module; src/domain is skipped over, because both the kit and the memory
// adapter call those pure rules and the caller is the one doing the work.

const MARKER = '__benchClockMarker';

function categoryOfModule(module) {
  if (module.startsWith('src/domain/')) return null;
  if (module.startsWith('src/adapter/memory/')) return 'host';
  if (/^bench\/pages\/(table|badges|wizard)-vanilla\.ts$|^bench\/pages\/(adapter-setup|vanilla-badge)\.ts$/.test(module)) return 'host';
  if (module.startsWith('bench/')) return 'harness';
  if (module.startsWith('src/') || module.startsWith('node_modules/')) return 'kit';
  return null;
}

function moduleAt(table, line) {
  let low = 0;
  let high = table.length - 1;
  let found = null;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (table[middle].line <= line) {
      found = table[middle].module;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

/**
 * @param profile   Profiler.stop()'s profile
 * @param modulesByPath  { '/table-kit.js': [{ line, module }] }
 * @param mark      { start, end } performance.now() around the marker loop
 * @param tasks     [{ startTime, duration }] in performance.now() ms: long tasks, or any window
 * @returns per task { startTime, duration, ms: { kit, host, harness, browser, gc }, top, topModules, kitCaused }
 */
export function attributeTasks(profile, modulesByPath, mark, tasks) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

  const frameModule = (frame) => {
    if (!frame.url) return null;
    const table = modulesByPath[new URL(frame.url).pathname];
    return table ? moduleAt(table, frame.lineNumber) : null;
  };
  /** Leaf function and module of a sample: where the time was spent. */
  const whereOfNode = (id) => {
    const frame = nodes.get(id).callFrame;
    const module = frameModule(frame);
    return `${frame.functionName || '(anonymous)'}${module ? ` [${module}]` : ''}`;
  };

  const categoryCache = new Map();
  const categoryOfNode = (id) => {
    if (categoryCache.has(id)) return categoryCache.get(id);
    const leaf = nodes.get(id);
    let category = null;
    const name = leaf.callFrame.functionName;
    if (name === '(garbage collector)') category = 'gc';
    else if (name === '(program)') category = 'browser';
    else if (name === '(idle)') category = 'idle';
    else {
      for (let current = id; current !== undefined && category === null; current = parent.get(current)) {
        const frame = nodes.get(current).callFrame;
        if (frame.functionName === MARKER) category = 'harness';
        // The harness's layout reads (bench/pages/harness.ts): style and layout work.
        if (frame.functionName.startsWith('__benchLayout')) category = 'browser';
        const module = frameModule(frame);
        if (module) category = categoryOfModule(module);
      }
      // The harness only reads the DOM (layout, queries): time inside a native DOM call it
      // makes is the browser's rendering work (e.g. the forced layout of the "ready" time).
      if (category === 'harness' && !leaf.callFrame.url && name !== MARKER) category = 'browser';
      category ??= 'browser';
    }
    categoryCache.set(id, category);
    return category;
  };

  // Sample times in µs on the profile's clock. A sample stands for the time to the next one,
  // capped: on a busy machine the sampler thread can stall, and a gap is not the last function's.
  const intervalUs = profile.samples.length > 1 ? (profile.endTime - profile.startTime) / profile.samples.length : 200;
  const capUs = Math.max(1000, 4 * Math.min(intervalUs, 500));
  const times = [];
  let time = profile.startTime;
  for (const delta of profile.timeDeltas) {
    time += delta;
    times.push(time);
  }
  const markerTimes = [];
  profile.samples.forEach((id, index) => {
    if (nodes.get(id).callFrame.functionName === MARKER) markerTimes.push(times[index]);
  });
  if (markerTimes.length < 2) return null;
  // performance.now() ms → profile µs.
  const offset = (markerTimes[0] - mark.start * 1000 + (markerTimes.at(-1) - mark.end * 1000)) / 2;

  return tasks.map((task) => {
    const from = task.startTime * 1000 + offset;
    const to = (task.startTime + task.duration) * 1000 + offset;
    const ms = { kit: 0, host: 0, harness: 0, browser: 0, gc: 0 };
    const where = new Map();
    const byModule = new Map();
    const add = (map, key, span) => map.set(key, (map.get(key) ?? 0) + span);
    profile.samples.forEach((id, index) => {
      const at = times[index];
      if (at < from || at > to) return;
      const category = categoryOfNode(id);
      const span = Math.min((times[index + 1] ?? at) - at, capUs) / 1000;
      if (category in ms) ms[category] += span;
      add(where, `${category}: ${whereOfNode(id)}`, span);
      add(byModule, `${category}: ${frameModule(nodes.get(id).callFrame) ?? nodes.get(id).callFrame.functionName ?? '(native)'}`, span);
    });
    const largest = (map) =>
      [...map.entries()]
        .filter(([key]) => !key.startsWith('idle'))
        .sort((a, b) => b[1] - a[1])
        .slice(0, 8)
        .map(([key, value]) => `${key} ${value.toFixed(1)} ms`);
    const script = ms.kit + ms.host + ms.harness;
    // Share of the window the profile saw (samples other than idle); below half, no verdict.
    const coverage = (ms.kit + ms.host + ms.harness + ms.browser + ms.gc) / Math.max(task.duration, 1e-9);
    return {
      startTime: task.startTime,
      duration: task.duration,
      coverage: Math.round(coverage * 100) / 100,
      ms: Object.fromEntries(Object.entries(ms).map(([key, value]) => [key, Math.round(value * 10) / 10])),
      // Where the time went (self time of the leaf function, and per module), largest first.
      top: largest(where),
      topModules: largest(byModule),
      // The task is the kit's when the kit ran most of its script (null: the profile saw too little of it).
      kitCaused: coverage < 0.5 ? null : script > 0 && ms.kit >= ms.host && ms.kit >= ms.harness,
    };
  });
}
