// Builds the bench pages with esbuild, production Lit, from src/:
// one self-contained ES module + HTML page per scenario variant in
// node_modules/.cache/partner-kit-bench/.
//
// Each kit page imports its element's registering module
// (src/components/<tag>/<tag>.ts) through a generated entry, so a page whose
// element does not exist (or does not compile) fails alone and its scenario
// is skipped. Identifiers and syntax are minified; whitespace is not, because
// esbuild then keeps a `// <module path>` comment at the start of every
// module, which maps a CPU profile's line numbers back to modules (kit code
// vs. the memory adapter vs. the harness) without a source-map library.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const DEV_MODE_LIT = /node_modules\/(lit-html|lit-element|lit|@lit\/[^/]+)\/development\//;

/**
 * package.json's `sideEffects` names the dist/ registering modules only, so
 * esbuild would drop the bare `import '…/<tag>.ts'` of a source file. The
 * bench builds from src/: its own files and src/ keep their side effects.
 */
function keepSourceSideEffects() {
  return {
    name: 'keep-source-side-effects',
    setup(build) {
      build.onResolve({ filter: /^[./]/ }, async (args) => {
        if (args.pluginData?.fromPlugin) return undefined;
        const result = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: { fromPlugin: true } });
        if (result.errors.length > 0) return { errors: result.errors };
        // Our own sources (anything outside node_modules) keep their side effects.
        return /[/\\]node_modules[/\\]/.test(result.path) ? result : { path: result.path, sideEffects: true };
      });
    },
  };
}

/** The elements that exist: a folder with its registering module. */
export function existingElements(root) {
  const dir = join(root, 'src/components');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((tag) => existsSync(join(dir, tag, `${tag}.ts`)))
    .sort();
}

/** The pages: name, the element tags it needs, and its generated entry. */
export function pageList(root) {
  const pages = [
    { name: 'table-kit', elements: ['partner-table'], source: 'table-kit.ts' },
    { name: 'table-vanilla', elements: [], source: 'table-vanilla.ts' },
    { name: 'badges-kit', elements: ['status-badge'], source: 'badges-kit.ts' },
    { name: 'badges-vanilla', elements: [], source: 'badges-vanilla.ts' },
    { name: 'wizard-kit', elements: ['invite-wizard'], source: 'wizard-kit.ts' },
    { name: 'wizard-vanilla', elements: [], source: 'wizard-vanilla.ts' },
    { name: 'board-kit', elements: ['partner-deal-board'], source: 'board-kit.ts' },
    { name: 'board-vanilla', elements: [], source: 'board-vanilla.ts' },
  ];
  for (const tag of existingElements(root)) pages.push({ name: `memory-${tag}`, elements: [tag], memoryOf: tag });
  return pages;
}

function entrySource(root, page) {
  const imports = page.elements.map((tag) => `import ${JSON.stringify(join(root, 'src/components', tag, `${tag}.ts`))};`);
  if (page.memoryOf) {
    // The interval census first, so it sees every setInterval the element makes.
    return [
      `import './timer-census.ts';`,
      ...imports,
      `import { exposeMemoryPage } from './memory-page.ts';`,
      `exposeMemoryPage(${JSON.stringify(page.memoryOf)});`,
    ].join('\n');
  }
  return [...imports, `import './${page.source}';`].join('\n');
}

/** Line → module table of an unminified-whitespace esbuild output. */
function moduleLines(text) {
  const table = [];
  text.split('\n').forEach((line, index) => {
    const match = /^\/\/ ((?:src|bench|node_modules)\/\S+)$/.exec(line);
    if (match) table.push({ line: index, module: match[1] });
  });
  return table;
}

/** V8's explicit compile hint (Chrome 136+): every function of the file is compiled when the file loads. */
const EAGER_COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

/**
 * Builds every page. Returns { pages: { name → { ok, error?, elements, modules } } }.
 * `modules` is the line → module table of the page's script. With `eagerCompile`, the kit pages
 * (not the vanilla ones) start with V8's compile hint: a diagnostic of how much of a kit time is
 * compiling the kit's code on first use.
 */
export async function buildPages(root, outDir, { eagerCompile = false } = {}) {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const pagesDir = join(root, 'bench/pages');
  copyFileSync(join(pagesDir, 'page.css'), join(outDir, 'page.css'));
  const results = {};
  for (const page of pageList(root)) {
    const missing = page.elements.filter((tag) => !existsSync(join(root, 'src/components', tag, `${tag}.ts`)));
    if (missing.length) {
      results[page.name] = { ok: false, error: `<${missing.join('>, <')}> does not exist yet (no src/components/${missing[0]}/${missing[0]}.ts)`, elements: page.elements };
      continue;
    }
    try {
      const result = await build({
        stdin: { contents: entrySource(root, page), resolveDir: pagesDir, sourcefile: `${page.name}.entry.ts`, loader: 'ts' },
        absWorkingDir: root,
        tsconfig: join(root, 'tsconfig.json'),
        bundle: true,
        format: 'esm',
        platform: 'browser',
        target: 'es2022',
        conditions: ['production'],
        define: { 'process.env.NODE_ENV': '"production"' },
        minifySyntax: true,
        minifyIdentifiers: true,
        minifyWhitespace: false,
        legalComments: 'none',
        metafile: true,
        outfile: join(outDir, `${page.name}.js`),
        logLevel: 'silent',
        plugins: [keepSourceSideEffects()],
      });
      const devMode = Object.keys(result.metafile.inputs).filter((path) => DEV_MODE_LIT.test(path));
      if (devMode.length) throw new Error(`dev-mode Lit in the bench build: ${devMode.join(', ')}`);
      let text = readFileSync(join(outDir, `${page.name}.js`), 'utf8');
      if (eagerCompile && page.name.endsWith('-kit')) {
        text = EAGER_COMPILE_HINT + text;
        writeFileSync(join(outDir, `${page.name}.js`), text);
      }
      if (text.includes('Lit is in dev mode')) throw new Error('dev-mode Lit in the bench build');
      writeFileSync(
        join(outDir, `${page.name}.html`),
        `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${page.name}</title>\n<link rel="stylesheet" href="page.css">\n</head>\n<body>\n<div id="app"></div>\n<script type="module" src="./${page.name}.js"></script>\n</body>\n</html>\n`,
      );
      results[page.name] = { ok: true, elements: page.elements, modules: moduleLines(text), bytes: text.length };
    } catch (error) {
      const message = (error.errors?.[0] && `${error.errors[0].text}${error.errors[0].location ? ` (${error.errors[0].location.file}:${error.errors[0].location.line})` : ''}`) || error.message;
      results[page.name] = { ok: false, error: `build failed: ${message}`, elements: page.elements };
    }
  }
  return results;
}
