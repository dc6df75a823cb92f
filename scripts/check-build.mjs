// Checks the production build: every entry exists, only allowed packages are
// imported, and msw, classic zod and dev-mode Lit never reach an output.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { parseAst } from 'rollup/parseAst';
import { findCssTemplates, minifyCssTemplate, taggedTemplates } from './minify-css-literals.mjs';

const dist = 'dist';
const failures = [];
const fail = (message) => failures.push(message);

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const files = walk(dist);
const jsFiles = files.filter((file) => file.endsWith('.js'));

// 1. package.json exports and sideEffects point at files that exist.
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
for (const [entry, target] of Object.entries(pkg.exports)) {
  const paths = typeof target === 'string' ? [target] : Object.values(target);
  for (const path of paths) if (!existsSync(path)) fail(`exports["${entry}"] points at missing ${path}`);
}
for (const path of pkg.sideEffects) if (!path.includes('*') && !existsSync(path)) fail(`sideEffects lists missing ${path}`);
const components = readdirSync('src/components');
for (const tag of components) {
  if (!pkg.exports[`./${tag}`]) fail(`package.json exports has no "./${tag}" entry`);
  if (!pkg.sideEffects.includes(`./dist/components/${tag}/${tag}.js`)) fail(`sideEffects does not list ${tag}'s registering module`);
  // The source too: bundlers (ours included) apply sideEffects to src/, and would drop the registration.
  if (!pkg.sideEffects.includes(`./src/components/${tag}/${tag}.ts`)) fail(`sideEffects does not list src/components/${tag}/${tag}.ts`);
}

// 2. The npm build imports only its declared dependencies, and zod only as zod/mini.
const allowed = /^(lit|lit\/.+|@lit\/(context|task|reactive-element)(\/.*)?|@floating-ui\/dom|zod\/mini)$/;
for (const file of jsFiles.filter((f) => !f.endsWith('.bundle.js'))) {
  const source = readFileSync(file, 'utf8');
  for (const match of source.matchAll(/\bfrom\s*["']([^"'.][^"']*)["']|\bimport\s*\(?\s*["']([^"'.][^"']*)["']/g)) {
    const specifier = match[1] ?? match[2];
    if (!allowed.test(specifier)) fail(`${relative(dist, file)} imports "${specifier}" (not an allowed runtime dependency)`);
  }
}

// 3. What went into each output, module by module.
const banned = [
  [/node_modules\/msw\//, 'msw'],
  [/node_modules\/@mswjs\//, 'msw interceptors'],
  [/zod\/v4\/classic\//, 'classic zod'],
  [/node_modules\/zod\/(index|v4\/index)\./, 'classic zod entry'],
  [/\/development\//, 'dev-mode Lit'],
  [/\/src\/mocks\//, 'the mock backend'],
  [/\/demo\//, 'the demo'],
];
for (const mode of ['lib', 'bundle', 'autoload']) {
  const reportPath = join(dist, `modules.${mode}.json`);
  if (!existsSync(reportPath)) {
    fail(`missing ${reportPath}`);
    continue;
  }
  const report = JSON.parse(readFileSync(reportPath, 'utf8'));
  for (const [chunk, modules] of Object.entries(report)) {
    for (const id of modules) {
      for (const [pattern, what] of banned) if (pattern.test(id)) fail(`${what} reached ${chunk} (${id})`);
    }
  }
}
for (const file of jsFiles) {
  const source = readFileSync(file, 'utf8');
  if (source.includes('Lit is in dev mode')) fail(`${relative(dist, file)} contains dev-mode Lit`);
  if (/setupWorker|mockServiceWorker/.test(source)) fail(`${relative(dist, file)} contains msw`);
}

// 4. Styles ship minified: every css`` template is as the build's minifier leaves it (no comment,
// no indentation, nothing left to take out), and each styles module has one.
function unminifiedTemplates(code, templates) {
  return templates.filter((template) => {
    const raws = template.quasis.map((quasi) => code.slice(quasi.start, quasi.end));
    const edits = minifyCssTemplate(raws);
    return edits === null || edits.some((quasiEdits) => quasiEdits.length > 0);
  });
}
let cssTemplates = 0;
for (const file of jsFiles.filter((f) => !f.endsWith('.bundle.js'))) {
  const code = readFileSync(file, 'utf8');
  const templates = findCssTemplates(parseAst(code));
  cssTemplates += templates.length;
  if (file.endsWith('.styles.js') && templates.length === 0) fail(`${relative(dist, file)} has no css\`\` template (Lit's css tag)`);
  for (const template of unminifiedTemplates(code, templates)) {
    fail(`${relative(dist, file)}: the css\`\` template at offset ${template.start} is not minified`);
  }
}
if (cssTemplates === 0) fail('no css`` template found in dist/');
const bundleForStyles = join(dist, 'partner-kit.bundle.js');
if (existsSync(bundleForStyles)) {
  // The bundle inlines Lit and renames its css tag: its stylesheets are the templates that style a :host.
  const code = readFileSync(bundleForStyles, 'utf8');
  const stylesheets = taggedTemplates(parseAst(code))
    .map((tagged) => tagged.quasi)
    .filter((quasi) => quasi.quasis.some((part) => part.value.raw.includes(':host')));
  if (stylesheets.length === 0) fail('partner-kit.bundle.js: no stylesheet (a template styling :host) found');
  for (const template of unminifiedTemplates(code, stylesheets)) {
    fail(`partner-kit.bundle.js: the stylesheet at offset ${template.start} is not minified`);
  }
}

// 5. The self-contained bundle: sizes (budgets arrive with the performance issue).
const bundlePath = join(dist, 'partner-kit.bundle.js');
if (existsSync(bundlePath)) {
  const bundle = readFileSync(bundlePath);
  // Every tag is registered by the bundle (a side-effect import dropped by tree-shaking registers nothing).
  for (const tag of components) {
    if (!new RegExp(`define\\(\\s*["']${tag}["']\\s*\\)`).test(bundle.toString('utf8'))) fail(`partner-kit.bundle.js does not register <${tag}>`);
  }
  // Minified as shipped: a class member on its own indented line means a later pass printed it out again.
  if (/\n {2,}constructor\(/.test(bundle.toString('utf8'))) fail('partner-kit.bundle.js is not minified (indented code found)');
  // Self-contained: one file, loading nothing else.
  if (/\bimport\s*\(|\bfrom\s*["']|^import\s/m.test(bundle.toString('utf8'))) fail('partner-kit.bundle.js imports another file: it must be self-contained');
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log(
    `partner-kit.bundle.js: ${kb(bundle.length)} minified, ${kb(gzipSync(bundle, { level: 9 }).length)} gzip, ${kb(brotliCompressSync(bundle).length)} brotli`,
  );
} else fail('missing dist/partner-kit.bundle.js');

// 6. The code-split script-tag build: a small entry that loads each tag's chunk on first use.
const autoloadDir = join(dist, 'autoload');
const autoloadEntry = join(autoloadDir, 'partner-kit.autoload.js');
if (existsSync(autoloadEntry)) {
  const autoloadFiles = walk(autoloadDir).filter((file) => file.endsWith('.js'));
  const code = new Map(autoloadFiles.map((file) => [file, readFileSync(file, 'utf8')]));
  for (const [file, source] of code) {
    const name = relative(dist, file);
    // Loads only its own files, by relative path: no bare specifier a page without a bundler cannot resolve.
    for (const match of source.matchAll(/\bfrom\s*["']([^"']+)["']|\bimport\s*\(?\s*["']([^"']+)["']/g)) {
      const specifier = match[1] ?? match[2];
      if (!specifier.startsWith('./') && !specifier.startsWith('../')) fail(`${name} imports "${specifier}": the autoload build must load only its own files`);
      else if (!existsSync(join(file, '..', specifier))) fail(`${name} imports ${specifier}, which is not in dist/autoload`);
    }
    if (/\n {2,}constructor\(/.test(source)) fail(`${name} is not minified (indented code found)`);
  }
  const everything = [...code.values()].join('\n');
  for (const tag of components) {
    if (!new RegExp(`define\\(\\s*["']${tag}["']\\s*\\)`).test(everything)) fail(`dist/autoload does not register <${tag}>`);
    if (!code.get(autoloadEntry).includes(tag) && !everything.includes(`"${tag}":()=>import(`)) fail(`the autoloader has no loader for <${tag}>`);
  }
} else fail('missing dist/autoload/partner-kit.autoload.js');

if (failures.length) {
  console.error(`Build check failed:\n- ${failures.join('\n- ')}`);
  process.exit(1);
}
console.log(`Build check passed: ${jsFiles.length} JS files, no msw, no classic zod, no dev-mode Lit, ${cssTemplates} css\`\` templates minified.`);
