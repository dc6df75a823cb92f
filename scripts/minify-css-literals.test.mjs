// Unit tests of the build-time css`` minifier: node --test scripts/minify-css-literals.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { join, relative } from 'node:path';
import { transform } from 'esbuild';
import { parseAst } from 'rollup/parseAst';
import { applyEdits, findCssTemplates, minifyCssInModule, minifyCssTemplate, minifyCssLiterals } from './minify-css-literals.mjs';

const root = join(import.meta.dirname, '..');

/** Minifies one template written as its raw source text, `${X}` marking each expression. */
function minify(source) {
  const raws = source.split('${X}');
  const edits = minifyCssTemplate(raws);
  return edits === null ? null : applyEdits(raws, edits).join('${X}');
}

/** The cooked text (what Lit reads) of a template's raw source without expressions. */
const cook = (raw) => new Function(`return \`${raw}\`;`)();

/** esbuild's minified CSS: two stylesheets that minify alike are the same stylesheet. */
async function normalise(css) {
  const result = await transform(css, { loader: 'css', minify: true, logLevel: 'silent' });
  return result.code;
}

async function assertSameCss(originalRaw, minifiedRaw) {
  assert.equal(await normalise(cook(minifiedRaw)), await normalise(cook(originalRaw)));
}

test('comments go, whitespace collapses, and the last `;` of a block goes', () => {
  assert.equal(
    minify(`
  /* a comment with * stars, / slashes and ** / * inside */
  :host {
    display: block ;
    color : red;
  }
  /**/ .a , .b { margin : 0 }
`),
    ' :host{display:block;color:red}.a,.b{margin:0}',
  );
});

test('the space before `:` and `(` and after `)` in selectors stays', () => {
  assert.equal(minify('.a :focus-visible { x: y; }'), '.a :focus-visible{x:y}');
  assert.equal(minify(':host .a :is(b) .c { x: y; }'), ':host .a :is(b) .c{x:y}');
  assert.equal(minify(':host([hidden]) ::slotted(*) { x: y; }'), ':host([hidden]) ::slotted(*){x:y}');
  assert.equal(minify(':host(:hover)  .a:not(.b)  > .c { x: y; }'), ':host(:hover) .a:not(.b)>.c{x:y}');
});

test('combinators lose their spaces only between compound selectors, not inside parentheses', () => {
  assert.equal(minify('.a > .b + .c ~ .d { x: y; }'), '.a>.b+.c~.d{x:y}');
  assert.equal(minify(':is(.a > .b) :nth-child(2n + 1) { x: y; }'), ':is(.a > .b) :nth-child(2n + 1){x:y}');
});

test('calc keeps the spaces around + and -, values keep their spaces but not around commas', () => {
  assert.equal(minify('.a { width: calc(100% - 2px); height: calc(1rem + 3 * 2px); }'), '.a{width:calc(100% - 2px);height:calc(1rem + 3 * 2px)}');
  assert.equal(minify('.a { box-shadow: 0 1px 2px rgb(0 0 0 / 0.2) , inset 0 0 0 1px red; }'), '.a{box-shadow:0 1px 2px rgb(0 0 0 / 0.2),inset 0 0 0 1px red}');
  assert.equal(minify('.a { position: absolute !important; }'), '.a{position:absolute !important}');
});

test('a value with var() keeps the spaces after its commas (browsers keep it as written until substitution)', () => {
  assert.equal(
    minify('.a { max-width: min(20rem , var(--x,  90vw)); background: color-mix(in srgb, var(--y) 60%, transparent); margin: min(1px, 2px); }'),
    '.a{max-width:min(20rem , var(--x, 90vw));background:color-mix(in srgb, var(--y) 60%, transparent);margin:min(1px,2px)}',
  );
});

test('at-rule preludes keep their spaces (an @supports condition is kept as written); the `;` of an at-rule statement stays', () => {
  assert.equal(
    minify('@media (max-width: 30rem) and (prefers-reduced-motion) {\n  .a { x: y; }\n}'),
    '@media (max-width: 30rem) and (prefers-reduced-motion){.a{x:y}}',
  );
  assert.equal(
    minify('@supports (color: light-dark(#000, #fff)) { :host { color: light-dark(#000, #fff); } }'),
    '@supports (color: light-dark(#000, #fff)){:host{color:light-dark(#000,#fff)}}',
  );
  assert.equal(minify('@media print { @layer a , b; }'), '@media print{@layer a , b;}');
});

test('quoted strings are kept exactly, whatever they hold', () => {
  assert.equal(minify(`.a::before { content: ' — '; }`), `.a::before{content:' — '}`);
  assert.equal(minify(`.a::before { content: "/* not a comment { ; }"; }`), `.a::before{content:"/* not a comment { ; }"}`);
  assert.equal(minify(`.a { grid-template-areas: "a  b" "c d"; }`), `.a{grid-template-areas:"a  b" "c d"}`);
  assert.equal(minify(`[data-x='a , b'] > .c { x: y; }`), `[data-x='a , b']>.c{x:y}`);
  // A CSS-escaped quote does not end the string.
  assert.equal(minify(`.a { content: 'it\\\\'s /* x */'; }`), `.a{content:'it\\\\'s /* x */'}`);
});

test('an unquoted url() is kept as written: a `/*` in it is not a comment', () => {
  assert.equal(minify('.a { background: url( a/*b*/c.png ) no-repeat; }'), '.a{background:url( a/*b*/c.png ) no-repeat}');
  assert.equal(minify(`.a { background: url( "x y.png" ); }`), `.a{background:url( "x y.png" )}`);
});

test('custom properties keep their values nearly verbatim; an empty value keeps a space', () => {
  assert.equal(minify(':host { --_a: ; }'), ':host{--_a: }');
  assert.equal(minify(':host { --_a:  ;  --b: 1px; --c:2px; }'), ':host{--_a: ;--b: 1px;--c:2px}');
  assert.equal(minify(':host { --x: { a: b ; }; --y:  var(--z,  1px)  ; }'), ':host{--x: { a: b ; };--y: var(--z, 1px)}');
  assert.equal(minify(':host { --x: a /* kept */ b; }'), ':host{--x: a /* kept */ b}');
});

test('a comment with no whitespace around it still separates two tokens', () => {
  assert.equal(minify('.a { margin: 1px/**/2px; }'), '.a{margin:1px/**/2px}');
  assert.equal(minify('.a/**/.b { x: y; }'), '.a/**/.b{x:y}');
  assert.equal(minify('.a { x: y;/* z */}'), '.a{x:y}');
});

test('expressions: never joined to their neighbours, except across { } ; ,', () => {
  // Value position.
  assert.equal(minify('.a { color: ${X} ; margin: 0 ${X}; }'), '.a{color:${X};margin:0 ${X}}');
  // Selector position: a whole selector, or part of one.
  assert.equal(minify('${X} .a > .b { x: y; }\n.c ${X}:hover { x: y; }'), '${X} .a > .b{x:y}.c ${X}:hover{x:y}');
  // Whole rules between rules.
  assert.equal(minify('\n  ${X}\n  .a { x: y; }\n  ${X}\n'), ' ${X} .a{x:y}${X} ');
  // A custom property whose value is an expression keeps a space: the expression may be empty.
  assert.equal(minify(':host { --a: ${X}; }'), ':host{--a: ${X}}');
});

test('templates it cannot read with certainty are left alone', () => {
  assert.equal(minify('.a { x: y; } /* ${X} */ .b { x: y; }'), null);
  assert.equal(minify(`.a::before { content: '\${X}'; }`.replace('\\${X}', '${X}')), null);
  assert.equal(minify('.a { width: f(;) }'), null);
  assert.equal(minify('.a { width: calc(1px + 2px; }'), null);
  assert.equal(minify('.a { x: y; } /* never closed'), null);
  assert.equal(minify('.a { content: "\\1"; }'), null); // \1 is not a valid template escape
});

test('template escapes are read as Lit reads them (cooked), and written back as they were (raw)', async () => {
  const cases = [
    // A CSS hex escape ends with one whitespace, which belongs to it: `.\31  .b` is `.1 .b`.
    '.\\\\31  .b { x: y; }',
    '.\\\\31 0 { x: y; }',
    '.\\\\31\\n  .b { x: y; }',
    // \n, \t and a line continuation written in the template.
    '.a\\n{\\tx:\\n  y;\\n}',
    '.a { x: y; }\\\n.b { x: y; }',
    // An escaped backtick and dollar.
    ".a::after { content: '\\`\\$'; }",
    // \x and \u escapes that stand for whitespace and punctuation.
    '.a\\x20{\\u0020x:y\\u003B\\u{7D}',
  ];
  for (const raw of cases) {
    const out = minify(raw);
    assert.notEqual(out, null, raw);
    await assertSameCss(raw, out);
  }
  assert.equal(minify('.\\\\31  .b { x: y; }'), '.\\\\31  .b{x:y}');
  assert.equal(minify('.a\\n{\\tx:\\n  y;\\n}'), '.a{x:y}');
});

test('the tricky cases minify to the same stylesheet (esbuild minifies both alike)', async () => {
  const stylesheet = `
  /* ** / * */
  :host { display: block; --_a: ; --_b: var(--pk-x,  1px); }
  :host([hidden]) { display: none; }
  ::slotted(*) { margin: 0; }
  .a :focus-visible, .a:focus-visible , .a > .b ~ .c + .d { outline: 2px solid red; }
  @media (max-width: 30rem) and (prefers-reduced-motion) { .a { transition: none; } }
  @supports (color: light-dark(#000, #fff)) { :host { color: light-dark(#000, #fff); } }
  .g { width: calc(100% - 2px); grid-template-areas: "a b" "c d"; }
  .s::after { content: ' — '; }
  .t::after { content: "/* { */"; }
  .u { background: url(data:image/png;base64,AA//BB) center; }
  .n { margin: 1px/**/2px; }
  .m {
    &:hover { color: red; }
    > .child { color: blue; }
  }
`;
  const out = minify(stylesheet);
  await assertSameCss(stylesheet, out);
  assert.ok(out.length < stylesheet.length * 0.8);
  assert.equal(minify(out), out, 'minifying twice changes nothing');
});

const moduleWith = (body) => `import { css, unsafeCSS, html } from 'lit';\n${body}`;

test('only css`` tagged with Lit\'s css is minified, under any local name', () => {
  const code = [
    "import { css as litCss, html } from 'lit';",
    "import { css as otherCss } from 'other';",
    'export const a = litCss`\n  .a { x: y; }\n`;',
    'export const b = otherCss`\n  .b { x: y; }\n`;',
    'export const c = html`\n  <p> x </p>\n`;',
    'export const d = `\n  .d { x: y; }\n`;',
  ].join('\n');
  const out = minifyCssInModule(code, parseAst(code)).toString();
  assert.match(out, /litCss` \.a\{x:y\}`/);
  assert.ok(out.includes('otherCss`\n  .b { x: y; }\n`'));
  assert.ok(out.includes('html`\n  <p> x </p>\n`'));
  assert.ok(out.includes('`\n  .d { x: y; }\n`'));
});

test('from @lit/reactive-element too; a module where `css` is redeclared is left alone', () => {
  const fromReactiveElement = "import { css } from '@lit/reactive-element';\nexport const a = css`.a { x: y; }`;";
  assert.ok(minifyCssInModule(fromReactiveElement, parseAst(fromReactiveElement)).toString().includes('css`.a{x:y}`'));
  const shadowed = moduleWith('const f = (css) => css`.a { x: y; }`;\nexport const a = css`.b { x: y; }`;');
  assert.equal(minifyCssInModule(shadowed, parseAst(shadowed)), null);
});

test('expressions stay intact: unsafeCSS in value and selector positions', async () => {
  const code = moduleWith(
    [
      "const selector = unsafeCSS('.tile'), colour = unsafeCSS('red'), rule = unsafeCSS('.r { color: blue; }');",
      'export const styles = css`',
      '  ${rule}',
      '  ${selector} > .a,',
      '  .b ${selector} {',
      '    color: ${colour};',
      '    border: 1px solid ${colour === undefined ? unsafeCSS(`x`) : colour};',
      '  }',
      '`;',
    ].join('\n'),
  );
  const out = minifyCssInModule(code, parseAst(code)).toString();
  assert.ok(out.includes('css` ${rule} ${selector} > .a,.b ${selector}{color:${colour};border:1px solid ${colour === undefined ? unsafeCSS(`x`) : colour}}`'), out);
  // Lit's css joins static parts and values: with these values both give the same stylesheet.
  const values = ['.r { color: blue; }', '.tile', '.tile', 'red', 'red'];
  const evaluate = (source) => {
    const template = findCssTemplates(parseAst(source))[0];
    return template.quasis.map((q) => q.value.cooked).reduce((text, part, i) => text + values[i - 1] + part);
  };
  assert.equal(await normalise(evaluate(out)), await normalise(evaluate(code)));
});

test('source maps point back at the source', () => {
  const code = moduleWith('export const a = css`\n  /* long comment */\n  .a {\n    color: red;\n  }\n`;\nexport const marker = 1;\n');
  const s = minifyCssInModule(code, parseAst(code));
  const out = s.toString();
  const map = new SourceMap(s.generateMap({ hires: 'boundary', source: 'x.js', includeContent: true }));
  const at = (text, index) => {
    const before = text.slice(0, index).split('\n');
    return { line: before.length - 1, column: before.at(-1).length };
  };
  const generated = at(out, out.indexOf('marker'));
  const entry = map.findEntry(generated.line, generated.column);
  assert.deepEqual({ line: entry.originalLine, column: entry.originalColumn }, at(code, code.indexOf('marker')));
  const colour = at(out, out.indexOf('color:red'));
  const colourEntry = map.findEntry(colour.line, colour.column);
  assert.deepEqual({ line: colourEntry.originalLine, column: colourEntry.originalColumn }, at(code, code.indexOf('color: red')));
});

test('the plugin runs at build time only and skips what is not a module of ours', () => {
  const plugin = minifyCssLiterals();
  assert.equal(plugin.apply, 'build');
  const context = { parse: (code) => parseAst(code) };
  const code = moduleWith('export const a = css`\n  .a { x: y; }\n`;');
  assert.equal(plugin.transform.call(context, code, '/x/node_modules/y/z.js'), null);
  assert.equal(plugin.transform.call(context, code, '\0virtual'), null);
  const result = plugin.transform.call(context, code, '/x/src/a.ts');
  assert.ok(result.code.includes('css` .a{x:y}`'));
  assert.equal(result.map.sources[0], '/x/src/a.ts');
});

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

test('every stylesheet of the kit minifies to the same CSS (esbuild-minified alike)', async () => {
  const files = walk(join(root, 'src')).filter((file) => file.endsWith('.styles.ts') || /src\/styles\/[^/]+\.ts$/.test(file));
  assert.ok(files.length >= 10, `found ${files.length} styles modules`);
  let checked = 0;
  for (const file of files) {
    const { code } = await transform(readFileSync(file, 'utf8'), { loader: 'ts' });
    for (const template of findCssTemplates(parseAst(code))) {
      if (template.expressions.length > 0) continue;
      const raw = code.slice(template.quasis[0].start, template.quasis[0].end);
      const out = minify(raw);
      const where = relative(root, file);
      assert.notEqual(out, null, `${where}: a template was left unminified`);
      await assertSameCss(raw, out);
      assert.equal(minify(out), out, `${where}: minifying twice changes something`);
      checked += 1;
    }
  }
  // A floor, not a count: it fails if the search finds (almost) nothing, e.g. after a change in how templates are written.
  assert.ok(checked >= 10, `checked ${checked} templates`);
});
