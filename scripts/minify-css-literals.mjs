// Minifies the CSS inside Lit's css`…` tagged templates at build time (a vite/rollup plugin).
//
// Conservative by design: it strips comments, collapses whitespace runs to one space, drops
// the whitespace CSS syntax never needs (next to `{ } ;` and `,`, around a declaration's
// colon, around `> + ~` between compound selectors) and the last `;` of a block. It never
// joins two tokens that were apart (the space in `.a :hover`, before `(` or after `)` stays),
// never touches quoted strings or unquoted url()s, keeps at-rule preludes, custom property
// values and values with var() nearly as written (browsers keep their text), and leaves the
// `${…}` expressions alone: an expression may stand for a whole rule, a value or part of a
// selector, so whitespace next to one stays (as one space) unless the other side is `{ } ; ,`
// or a declaration's colon. Only the static parts of the template are rewritten, on their
// raw source text (escapes such as `\\` or `\n` stay as written), through magic-string, so
// source maps stay exact. A template it cannot read with certainty (a comment or string that
// spans an expression, an invalid escape, unbalanced brackets) is left exactly as written.
import MagicString from 'magic-string';

/** Modules whose `css` export is Lit's tag. */
const litModules = new Set(['lit', '@lit/reactive-element']);

const CSS_WHITESPACE = new Set([' ', '\t', '\n', '\r', '\f']);
/** Whitespace next to these is never needed. */
const BLOCK_PUNCTUATION = new Set(['{', '}', ';', ',']);
const TERMINATORS = new Set(['{', '}', ';']);
/** Selector combinators: whitespace around them is not needed between compound selectors. */
const COMBINATORS = new Set(['>', '+', '~']);
/** A comment between these and anything else separates nothing (no token can merge across them). */
const STANDALONE_BEFORE = new Set(['{', '}', '(', ')', '[', ']', ';', ',', ':']);
const STANDALONE_AFTER = new Set(['{', '}', ')', '[', ']', ';', ',', ':']);

/** Thrown inside the scanner when a template cannot be read with certainty; the template is then left alone. */
class Unreadable extends Error {}

const isHex = (c) => c !== undefined && /^[0-9a-fA-F]$/.test(c);
const isNameChar = (c) => c !== undefined && (/^[\w-]$/.test(c) || c.charCodeAt(0) >= 0x80);

/**
 * Splits one template quasi's raw source text into units, each one cooked character (or none, for a
 * line continuation) with the raw text that wrote it.
 * @returns {{ start: number, end: number, cooked: string }[]}
 */
function decodeRaw(raw) {
  const units = [];
  let i = 0;
  while (i < raw.length) {
    const c = raw[i];
    if (c !== '\\') {
      units.push({ start: i, end: i + 1, cooked: c === '\r' ? '\n' : c });
      i += 1;
      continue;
    }
    const next = raw[i + 1];
    if (next === undefined) throw new Unreadable('template ends in a backslash');
    const simple = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v' };
    if (next in simple) {
      units.push({ start: i, end: i + 2, cooked: simple[next] });
      i += 2;
    } else if (next === '\r' && raw[i + 2] === '\n') {
      units.push({ start: i, end: i + 3, cooked: '' });
      i += 3;
    } else if (next === '\n' || next === '\r' || next === '\u2028' || next === '\u2029') {
      units.push({ start: i, end: i + 2, cooked: '' });
      i += 2;
    } else if (next === '0' && !/[0-9]/.test(raw[i + 2] ?? '')) {
      units.push({ start: i, end: i + 2, cooked: '\0' });
      i += 2;
    } else if (/[0-9]/.test(next)) {
      // Not a valid escape in a template: Lit would read `undefined` for this part.
      throw new Unreadable('octal escape in a template');
    } else if (next === 'x') {
      const hex = raw.slice(i + 2, i + 4);
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) throw new Unreadable('bad \\x escape');
      units.push({ start: i, end: i + 4, cooked: String.fromCharCode(parseInt(hex, 16)) });
      i += 4;
    } else if (next === 'u') {
      const braced = /^\{([0-9a-fA-F]+)\}/.exec(raw.slice(i + 2));
      const plain = /^[0-9a-fA-F]{4}/.exec(raw.slice(i + 2));
      if (braced && parseInt(braced[1], 16) <= 0x10ffff) {
        units.push({ start: i, end: i + 2 + braced[0].length, cooked: String.fromCodePoint(parseInt(braced[1], 16)) });
        i += 2 + braced[0].length;
      } else if (plain) {
        units.push({ start: i, end: i + 6, cooked: String.fromCharCode(parseInt(plain[0], 16)) });
        i += 6;
      } else throw new Unreadable('bad \\u escape');
    } else {
      // `\\`, `` \` ``, `\$`, `\'`, `\"` and any other character stand for themselves.
      units.push({ start: i, end: i + 2, cooked: next });
      i += 2;
    }
  }
  return units;
}

/**
 * Reads a template (its quasis' raw texts) into CSS-level tokens:
 * - `gap`: whitespace, comments and line continuations (never across an expression)
 * - `opaque`: a quoted string, an unquoted url(…) or a CSS escape, kept exactly as written
 * - `char`: any other single character
 * - `expr`: a `${…}` expression between two quasis
 * Each token but `expr` lies in one quasi: `{ quasi, start, end }` are raw offsets in it.
 */
function tokenize(raws) {
  const tokens = [];
  raws.forEach((raw, quasi) => {
    if (quasi > 0) tokens.push({ type: 'expr' });
    const units = decodeRaw(raw);
    const cookedAt = (k) => units[k]?.cooked;
    let k = 0;
    const previousChar = () => {
      const last = tokens.at(-1);
      return last?.type === 'char' ? last.cooked : undefined;
    };
    while (k < units.length) {
      const begin = k;
      const c = cookedAt(k);
      if (c === '/' && cookedAt(k + 1) === '*') {
        k += 2;
        while (k < units.length && !(cookedAt(k) === '*' && cookedAt(k + 1) === '/')) k += 1;
        if (k >= units.length) throw new Unreadable('comment not closed in this part of the template');
        k += 2;
        pushGap(tokens, quasi, units, begin, k, { comment: true });
      } else if (CSS_WHITESPACE.has(c) || c === '') {
        while (k < units.length && (CSS_WHITESPACE.has(cookedAt(k)) || cookedAt(k) === '')) k += 1;
        pushGap(tokens, quasi, units, begin, k, { whitespace: units.slice(begin, k).some((u) => u.cooked !== '') });
      } else if (c === '"' || c === "'") {
        k += 1;
        while (k < units.length && cookedAt(k) !== c) {
          if (cookedAt(k) === '\\') k += 1;
          else if (cookedAt(k) === '\n') throw new Unreadable('newline in a CSS string');
          k += 1;
        }
        if (k >= units.length) throw new Unreadable('string not closed in this part of the template');
        k += 1;
        tokens.push({ type: 'opaque', quasi, start: units[begin].start, end: units[k - 1].end });
      } else if (c === '\\') {
        // A CSS escape: `\` and the character it escapes, or up to six hex digits and one whitespace.
        k += 1;
        if (k >= units.length) throw new Unreadable('CSS escape at the end of a part of the template');
        if (isHex(cookedAt(k))) {
          const limit = k + 6;
          while (k < limit && isHex(cookedAt(k))) k += 1;
          if (CSS_WHITESPACE.has(cookedAt(k))) k += 1;
        } else k += 1;
        tokens.push({ type: 'opaque', escape: true, quasi, start: units[begin].start, end: units[k - 1].end });
      } else if (
        /^[uU]$/.test(c) &&
        /^[rR]$/.test(cookedAt(k + 1) ?? '') &&
        /^[lL]$/.test(cookedAt(k + 2) ?? '') &&
        cookedAt(k + 3) === '(' &&
        !isNameChar(previousChar()) &&
        !isEscape(tokens.at(-1))
      ) {
        // url( with an unquoted address is one token up to `)`: comments and quotes inside are literal.
        let j = k + 4;
        while (j < units.length && CSS_WHITESPACE.has(cookedAt(j))) j += 1;
        if (cookedAt(j) === '"' || cookedAt(j) === "'") {
          for (const unit of units.slice(k, k + 4)) tokens.push({ type: 'char', quasi, start: unit.start, end: unit.end, cooked: unit.cooked });
          k += 4;
          continue;
        }
        while (j < units.length && cookedAt(j) !== ')') j += cookedAt(j) === '\\' ? 2 : 1;
        if (j >= units.length) throw new Unreadable('url( not closed in this part of the template');
        k = j + 1;
        tokens.push({ type: 'opaque', quasi, start: units[begin].start, end: units[k - 1].end });
      } else {
        tokens.push({ type: 'char', quasi, start: units[k].start, end: units[k].end, cooked: c });
        k += 1;
      }
    }
  });
  return tokens;
}

function pushGap(tokens, quasi, units, begin, end, { comment = false, whitespace = false }) {
  const last = tokens.at(-1);
  const start = units[begin].start;
  const stop = units[end - 1].end;
  if (last?.type === 'gap' && last.quasi === quasi && last.end === start) {
    last.end = stop;
    last.comment ||= comment;
    last.whitespace ||= whitespace;
  } else tokens.push({ type: 'gap', quasi, start, end: stop, comment, whitespace });
}

const charIs = (token, set) => token?.type === 'char' && set.has(token.cooked);
const isChar = (token, c) => token?.type === 'char' && token.cooked === c;

/** Index of the next token after `i` that is not a gap (tokens.length at the end). */
function nextSignificant(tokens, i) {
  let j = i + 1;
  while (j < tokens.length && tokens[j].type === 'gap') j += 1;
  return j;
}

/**
 * After `i`: a declaration name (`color`, `-webkit-x`, `--custom`) followed by `:`?
 * @returns the index of that colon, or -1
 */
function declarationColon(tokens, i) {
  let j = i;
  const first = tokens[j];
  if (!(first?.type === 'char' && /^[a-zA-Z_-]$/.test(first.cooked)) && !isEscape(first)) return -1;
  while (j < tokens.length && ((tokens[j].type === 'char' && isNameChar(tokens[j].cooked)) || isEscape(tokens[j]))) j += 1;
  if (j === i) return -1;
  if (tokens[j]?.type === 'gap') j += 1;
  return isChar(tokens[j], ':') ? j : -1;
}

const isEscape = (token) => token?.type === 'opaque' && token.escape === true;

/** The lower-case name of the function whose `(` is token `index` ('' for a bare parenthesis). */
function functionName(tokens, index) {
  let name = '';
  for (let j = index - 1; j >= 0 && tokens[j].type === 'char' && isNameChar(tokens[j].cooked); j -= 1) name = tokens[j].cooked + name;
  return name.toLowerCase();
}

/**
 * Reads the statement that starts at token `i` (its first significant token).
 * @returns {{ kind: 'custom'|'declaration'|'selector'|'at-rule'|'unknown', end: number, colon: number }}
 *   `end` is the index of the token that ends it (`{`, `;`, `}`) or of the end of the template.
 */
function readStatement(tokens, i) {
  const first = tokens[i];
  if (isChar(first, '-') && isChar(tokens[i + 1], '-')) {
    const colon = declarationColon(tokens, i);
    if (colon !== -1) {
      // A custom property: its value may hold any balanced brackets, `{}` included.
      const closers = [];
      let j = colon + 1;
      for (; j < tokens.length; j += 1) {
        const token = tokens[j];
        if (token.type !== 'char') continue;
        const c = token.cooked;
        if (closers.length === 0 && (c === ';' || c === '}')) break;
        if (c === '(' || c === '[' || c === '{') closers.push({ '(': ')', '[': ']', '{': '}' }[c]);
        else if (c === ')' || c === ']' || c === '}') {
          if (closers.pop() !== c) throw new Unreadable('unbalanced brackets in a custom property');
        }
      }
      if (closers.length) throw new Unreadable('unbalanced brackets in a custom property');
      return { kind: 'custom', end: j, colon };
    }
  }
  let depth = 0;
  let firstExpression = -1;
  let j = i;
  for (; j < tokens.length; j += 1) {
    const token = tokens[j];
    if (token.type === 'expr' && firstExpression === -1) firstExpression = j;
    if (token.type !== 'char') continue;
    const c = token.cooked;
    if (c === '(' || c === '[') depth += 1;
    else if (c === ')' || c === ']') {
      depth -= 1;
      if (depth < 0) throw new Unreadable('unbalanced brackets');
    } else if (c === '{' || c === '}' || c === ';') {
      if (depth !== 0) throw new Unreadable('block punctuation inside brackets');
      break;
    }
  }
  if (depth !== 0) throw new Unreadable('unbalanced brackets');
  if (isChar(first, '@')) return { kind: 'at-rule', end: j, colon: -1 };
  if (isChar(tokens[j], '{')) {
    // An expression in a selector may be any part of it: no combinator is known for sure.
    return { kind: firstExpression === -1 ? 'selector' : 'unknown', end: j, colon: -1 };
  }
  // `name:` then anything up to `;` or `}`: a declaration, even with expressions in its value.
  const colon = declarationColon(tokens, i);
  if (colon === -1 || (firstExpression !== -1 && firstExpression < colon)) return { kind: 'unknown', end: j, colon: -1 };
  let substitutes = false;
  for (let k = colon + 1; k < j; k += 1) {
    if (isChar(tokens[k], '(') && ['var', 'env'].includes(functionName(tokens, k))) substitutes = true;
  }
  return { kind: 'declaration', end: j, colon, substitutes };
}

/**
 * What to write for one gap, given its neighbours and the statement it lies in.
 * @returns {string} the replacement ('' drops it)
 */
function gapReplacement(gap, before, after, statement, depth) {
  const rawGapIsNothing = !gap.whitespace && !gap.comment;
  if (rawGapIsNothing) return ''; // only line continuations: the cooked text has nothing here
  const separator = gap.whitespace ? ' ' : '/**/';
  const atEdge = (token) => token === undefined || token.type === 'expr';
  if (statement?.kind === 'custom' && before !== undefined && statement.inValue) {
    // A custom property's value is kept nearly as written: comments stay, whitespace becomes one space,
    // the leading one included (`--x: ;` must keep it, and what getPropertyValue() returns keeps it).
    if (gap.comment) return null;
    const trailing = after === statement.endToken;
    if (trailing && before !== statement.colonToken && !atEdge(before) && !atEdge(after)) return '';
    return ' ';
  }
  // Around a declaration's colon whitespace means nothing, whatever an expression on the other side holds.
  if (statement?.colonToken && (before === statement.colonToken || after === statement.colonToken)) return '';
  if (atEdge(before) || atEdge(after)) {
    const other = atEdge(before) ? after : before;
    return charIs(other, BLOCK_PUNCTUATION) ? '' : separator;
  }
  // A value with var() or env() is kept as tokens until substitution (browsers serialise it as written):
  // its commas keep their spaces, as in a custom property.
  if (statement?.inValue && statement.substitutes && (isChar(before, ',') || isChar(after, ','))) return separator;
  // An at-rule's prelude keeps its commas' spaces: browsers keep an @supports condition's text as written.
  const dropsBeside = statement?.kind === 'at-rule' ? TERMINATORS : BLOCK_PUNCTUATION;
  if (charIs(before, dropsBeside) || charIs(after, dropsBeside)) return '';
  if (statement?.kind === 'selector' && depth === 0 && (charIs(before, COMBINATORS) || charIs(after, COMBINATORS))) return '';
  if (gap.whitespace) return ' ';
  // Only a comment, no whitespace: dropping it must not join two tokens into one.
  if (charIs(before, STANDALONE_BEFORE) || charIs(after, STANDALONE_AFTER)) return '';
  return '/**/';
}

/**
 * Minifies the CSS of one css`` template.
 * @param {string[]} raws the raw source text of each quasi
 * @returns {{ start: number, end: number, text: string }[][] | null} per quasi, the edits to its raw text
 *   (offsets in that quasi); null when the template cannot be read with certainty
 */
export function minifyCssTemplate(raws) {
  let tokens;
  try {
    tokens = tokenize(raws);
  } catch (error) {
    if (error instanceof Unreadable) return null;
    throw error;
  }
  const edits = raws.map(() => []);
  const edit = (token, text) => {
    if (raws[token.quasi].slice(token.start, token.end) !== text) edits[token.quasi].push({ start: token.start, end: token.end, text });
  };
  // Which statement each token belongs to, and how many brackets are open before it.
  const statementOf = new Array(tokens.length);
  const depthOf = new Array(tokens.length).fill(0);
  const endsStatement = new Map();
  try {
    let i = nextSignificant(tokens, -1);
    while (i < tokens.length) {
      if (charIs(tokens[i], BLOCK_PUNCTUATION) && tokens[i].cooked !== ',') {
        i = nextSignificant(tokens, i);
        continue;
      }
      const read = readStatement(tokens, i);
      const statement = {
        kind: read.kind,
        substitutes: read.substitutes === true,
        colonToken: read.colon === -1 ? undefined : tokens[read.colon],
        endToken: tokens[read.end],
        inValue: false,
      };
      let depth = 0;
      for (let j = i; j < read.end; j += 1) {
        statementOf[j] = j > read.colon && read.colon !== -1 ? { ...statement, inValue: true } : statement;
        depthOf[j] = depth;
        const c = tokens[j].type === 'char' ? tokens[j].cooked : undefined;
        if (c === '(' || c === '[') depth += 1;
        else if (c === ')' || c === ']') depth -= 1;
      }
      if (read.end < tokens.length) endsStatement.set(read.end, statement);
      i = read.end < tokens.length ? nextSignificant(tokens, read.end) : tokens.length;
    }
  } catch (error) {
    if (error instanceof Unreadable) return null;
    throw error;
  }
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i];
    if (token.type === 'gap') {
      const before = i > 0 ? tokens[i - 1] : undefined;
      const after = tokens[i + 1];
      // A gap inside a statement belongs to it; one between statements has a terminator on one side.
      const statement = statementOf[i];
      const text = gapReplacement(token, before, after, statement, depthOf[i]);
      if (text !== null) edit(token, text);
    } else if (isChar(token, ';')) {
      // The last declaration of a block needs no `;` (an at-rule statement keeps it: older parsers read on to the next `;`).
      const ended = endsStatement.get(i);
      const following = tokens[nextSignificant(tokens, i)];
      if ((ended?.kind === 'declaration' || ended?.kind === 'custom') && isChar(following, '}')) edit(token, '');
    }
  }
  return edits;
}

/** Applies the edits of minifyCssTemplate to raw texts (for tests and checks). */
export function applyEdits(raws, edits) {
  return raws.map((raw, quasi) => {
    let out = '';
    let at = 0;
    for (const { start, end, text } of edits[quasi]) {
      out += raw.slice(at, start) + text;
      at = end;
    }
    return out + raw.slice(at);
  });
}

function walk(node, visit) {
  if (!node || typeof node.type !== 'string') return;
  visit(node);
  for (const key of Object.keys(node)) {
    const value = node[key];
    if (Array.isArray(value)) for (const child of value) walk(child, visit);
    else if (value && typeof value === 'object' && typeof value.type === 'string') walk(value, visit);
  }
}

function patternNames(pattern, names) {
  if (!pattern) return;
  if (pattern.type === 'Identifier') names.push(pattern.name);
  else if (pattern.type === 'ObjectPattern') for (const p of pattern.properties) patternNames(p.type === 'RestElement' ? p.argument : p.value, names);
  else if (pattern.type === 'ArrayPattern') for (const p of pattern.elements) patternNames(p, names);
  else if (pattern.type === 'AssignmentPattern') patternNames(pattern.left, names);
  else if (pattern.type === 'RestElement') patternNames(pattern.argument, names);
}

/** Every tagged template of a program (any tag). */
export function taggedTemplates(ast) {
  const found = [];
  walk(ast, (node) => {
    if (node.type === 'TaggedTemplateExpression') found.push(node);
  });
  return found;
}

/**
 * The css`` templates of a module whose tag is Lit's `css` (imported from 'lit' or
 * '@lit/reactive-element', under any local name). A module that declares another binding
 * with that name anywhere (a shadowing parameter, say) is skipped whole.
 * @param {import('estree').Program} ast an ESTree program with `start`/`end` offsets
 * @returns {import('estree').TemplateLiteral[]}
 */
export function findCssTemplates(ast) {
  const tags = new Set();
  for (const statement of ast.body) {
    if (statement.type !== 'ImportDeclaration' || !litModules.has(statement.source.value)) continue;
    if (statement.importKind === 'type') continue;
    for (const specifier of statement.specifiers) {
      if (specifier.type === 'ImportSpecifier' && (specifier.imported.name ?? specifier.imported.value) === 'css') tags.add(specifier.local.name);
    }
  }
  if (tags.size === 0) return [];
  const declared = [];
  const templates = [];
  walk(ast, (node) => {
    if (node.type === 'VariableDeclarator') patternNames(node.id, declared);
    else if (node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression') {
      if (node.id) declared.push(node.id.name);
      for (const param of node.params) patternNames(param, declared);
    } else if ((node.type === 'ClassDeclaration' || node.type === 'ClassExpression') && node.id) declared.push(node.id.name);
    else if (node.type === 'CatchClause') patternNames(node.param, declared);
    else if (node.type === 'TaggedTemplateExpression' && node.tag.type === 'Identifier' && tags.has(node.tag.name)) templates.push(node.quasi);
  });
  if (declared.some((name) => tags.has(name))) return [];
  return templates;
}

/**
 * Minifies every css`` template of one module.
 * @param {string} code the module's JavaScript
 * @param {import('estree').Program} ast its ESTree AST (with `start`/`end` offsets)
 * @returns {MagicString | null} the edited module, or null when nothing changed
 */
export function minifyCssInModule(code, ast) {
  const s = new MagicString(code);
  let changed = false;
  for (const template of findCssTemplates(ast)) {
    const raws = template.quasis.map((quasi) => code.slice(quasi.start, quasi.end));
    // The AST must describe this very text; if it does not, leave the template alone.
    if (template.quasis.some((quasi, index) => quasi.value.raw !== raws[index].replace(/\r\n?/g, '\n'))) continue;
    const edits = minifyCssTemplate(raws);
    if (!edits) continue;
    template.quasis.forEach((quasi, index) => {
      for (const { start, end, text } of edits[index]) {
        changed = true;
        if (text === '') s.remove(quasi.start + start, quasi.start + end);
        else s.overwrite(quasi.start + start, quasi.start + end, text);
      }
    });
  }
  return changed ? s : null;
}

/**
 * The vite plugin (build only: the dev server and tests run the sources as written).
 * @returns {import('vite').Plugin}
 */
export function minifyCssLiterals() {
  return {
    name: 'partner-kit-minify-css-literals',
    apply: 'build',
    transform(code, id) {
      // After vite's esbuild step, so TypeScript is already JavaScript here.
      if (id.startsWith('\0') || id.includes('/node_modules/') || !/\.[cm]?[jt]sx?$/.test(id.split('?')[0])) return null;
      if (!code.includes('`') || !/['"](lit|@lit\/reactive-element)['"]/.test(code)) return null;
      const s = minifyCssInModule(code, this.parse(code));
      if (!s) return null;
      return { code: s.toString(), map: s.generateMap({ hires: 'boundary', source: id, includeContent: true }) };
    },
  };
}
