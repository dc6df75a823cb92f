import { expect } from '@open-wc/testing';
import { isValidEmail, parseEmailList, type ParsedEmailList, type ParsedRecipient, type ParseEmailListOptions } from './emails.js';

/** A valid recipient. */
const ok = (raw: string, email: string, name: string | null = null): ParsedRecipient => ({ raw, email, name, valid: true, reason: null });
/** An invalid recipient. */
const bad = (raw: string, email: string = raw, name: string | null = null): ParsedRecipient => ({ raw, email, name, valid: false, reason: 'invalid' });

/** The whole result, derived from the expected recipients plus the duplicates. */
function result(recipients: ParsedRecipient[], duplicates: string[] = []): ParsedEmailList {
  return {
    recipients,
    valid: recipients.filter((r) => r.valid).map((r) => r.email),
    invalid: recipients.filter((r) => !r.valid),
    duplicates,
  };
}

describe('parseEmailList', () => {
  const cases: Array<{ name: string; text: string; options?: ParseEmailListOptions; expected: ParsedEmailList }> = [
    { name: 'one address', text: 'a@b.co', expected: result([ok('a@b.co', 'a@b.co')]) },
    { name: 'commas', text: 'a@b.co,c@d.co', expected: result([ok('a@b.co', 'a@b.co'), ok('c@d.co', 'c@d.co')]) },
    {
      name: 'semicolons with stray spaces',
      text: 'a@b.co; c@d.co ;e@f.co',
      expected: result([ok('a@b.co', 'a@b.co'), ok('c@d.co', 'c@d.co'), ok('e@f.co', 'e@f.co')]),
    },
    {
      name: 'new lines (LF, CRLF, blank lines)',
      text: 'a@b.co\r\nc@d.co\n\n\re@f.co\n',
      expected: result([ok('a@b.co', 'a@b.co'), ok('c@d.co', 'c@d.co'), ok('e@f.co', 'e@f.co')]),
    },
    {
      name: 'whitespace and tabs alone separate',
      text: 'a@b.co c@d.co\te@f.co',
      expected: result([ok('a@b.co', 'a@b.co'), ok('c@d.co', 'c@d.co'), ok('e@f.co', 'e@f.co')]),
    },
    {
      name: 'addresses are lower-cased, raw kept as typed',
      text: 'John.Smith@Example.COM',
      expected: result([ok('John.Smith@Example.COM', 'john.smith@example.com')]),
    },
    {
      name: 'display name with spaces',
      text: 'John Smith <john@x.co>',
      expected: result([ok('John Smith <john@x.co>', 'john@x.co', 'John Smith')]),
    },
    {
      name: 'quoted "Last, First" keeps its comma',
      text: '"Smith, John" <John@X.co>',
      expected: result([ok('"Smith, John" <John@X.co>', 'john@x.co', 'Smith, John')]),
    },
    {
      name: 'Outlook paste: unquoted Last, First; semicolon-separated',
      text: 'Smith, John <j@x.co>; Doe, Jane <jd@x.co>',
      expected: result([ok('Smith, John <j@x.co>', 'j@x.co', 'Smith, John'), ok('Doe, Jane <jd@x.co>', 'jd@x.co', 'Doe, Jane')]),
    },
    {
      name: 'a mixed paste',
      text: 'a@b.co, "Doe, Jane" <jane@x.co>; Bob <bob@x.co>\nc@d.co',
      expected: result([
        ok('a@b.co', 'a@b.co'),
        ok('"Doe, Jane" <jane@x.co>', 'jane@x.co', 'Doe, Jane'),
        ok('Bob <bob@x.co>', 'bob@x.co', 'Bob'),
        ok('c@d.co', 'c@d.co'),
      ]),
    },
    { name: 'no space before the angle bracket', text: 'Bob<bob@x.co>', expected: result([ok('Bob<bob@x.co>', 'bob@x.co', 'Bob')]) },
    { name: 'angle brackets without a name', text: '<bob@x.co>', expected: result([ok('<bob@x.co>', 'bob@x.co')]) },
    { name: 'an empty quoted name is no name', text: '"" <bob@x.co>', expected: result([ok('"" <bob@x.co>', 'bob@x.co')]) },
    {
      name: 'escaped quotes inside a quoted name',
      text: '"John \\"JJ\\" Smith" <jj@x.co>',
      expected: result([ok('"John \\"JJ\\" Smith" <jj@x.co>', 'jj@x.co', 'John "JJ" Smith')]),
    },
    {
      name: 'whitespace inside a name is collapsed',
      text: '  Mary   Ann\tLee   <mal@x.co>',
      expected: result([ok('Mary   Ann\tLee   <mal@x.co>', 'mal@x.co', 'Mary Ann Lee')]),
    },
    {
      name: 'an address followed by a bare address on the same line',
      text: 'Ann <ann@x.co> c@d.co',
      expected: result([ok('Ann <ann@x.co>', 'ann@x.co', 'Ann'), ok('c@d.co', 'c@d.co')]),
    },
    {
      name: 'Outlook style: the address as the quoted name',
      text: '"a@b.co" <a@b.co>',
      expected: result([ok('"a@b.co" <a@b.co>', 'a@b.co', 'a@b.co')]),
    },
    { name: 'a quoted bare address', text: '"a@b.co"', expected: result([ok('"a@b.co"', 'a@b.co')]) },
    {
      name: 'a comma after a quoted address separates',
      text: '"a@b.co", John <j@x.co>',
      expected: result([ok('"a@b.co"', 'a@b.co'), ok('John <j@x.co>', 'j@x.co', 'John')]),
    },
    { name: 'a mailto: prefix is tolerated', text: 'mailto:A@b.co', expected: result([ok('mailto:A@b.co', 'a@b.co')]) },
    {
      name: 'case-insensitive duplicates are folded; the first stays',
      text: 'a@b.co, A@B.CO; c@d.co\na@b.co',
      expected: result([ok('a@b.co', 'a@b.co'), ok('c@d.co', 'c@d.co')], ['a@b.co']),
    },
    {
      name: 'a duplicate with a name does not replace the first',
      text: 'a@b.co, Alice <A@b.co>',
      expected: result([ok('a@b.co', 'a@b.co')], ['a@b.co']),
    },
    {
      name: 'several duplicates are each reported once',
      text: 'a@b.co c@d.co a@b.co c@d.co a@b.co',
      expected: result([ok('a@b.co', 'a@b.co'), ok('c@d.co', 'c@d.co')], ['a@b.co', 'c@d.co']),
    },
    {
      name: 'addresses already chosen are duplicates',
      text: 'a@b.co, c@d.co',
      options: { existing: [' A@B.co '] },
      expected: result([ok('c@d.co', 'c@d.co')], ['a@b.co']),
    },
    {
      name: 'invalid entries are kept, flagged, in order',
      text: 'a@b.co, not-an-email; c@d, e@f.co',
      expected: result([ok('a@b.co', 'a@b.co'), bad('not-an-email'), bad('c@d'), ok('e@f.co', 'e@f.co')]),
    },
    {
      name: 'an invalid address keeps its case as typed',
      text: 'John@Example',
      expected: result([bad('John@Example')]),
    },
    {
      name: 'invalid repeated entries are not folded (each one is shown)',
      text: 'oops oops',
      expected: result([bad('oops'), bad('oops')]),
    },
    {
      name: 'a name with no address: whitespace splits it into invalid entries',
      text: 'John a@b.co',
      expected: result([bad('John'), ok('a@b.co', 'a@b.co')]),
    },
    {
      name: 'a bad address in angle brackets keeps its name',
      text: 'John Smith <not an email>',
      expected: result([bad('John Smith <not an email>', 'not an email', 'John Smith')]),
    },
    { name: 'an unclosed angle bracket still yields the address', text: 'Bob <bob@x.co', expected: result([ok('Bob <bob@x.co', 'bob@x.co', 'Bob')]) },
    { name: 'an unclosed quote is an ordinary character', text: '"Bob <bob@x.co>', expected: result([ok('"Bob <bob@x.co>', 'bob@x.co', 'Bob')]) },
    {
      name: 'a dangling name after a comma at the end is reported',
      text: 'a@b.co, Smith, John',
      expected: result([ok('a@b.co', 'a@b.co'), bad('Smith'), bad('John')]),
    },
    {
      name: 'a semicolon ends a name',
      text: 'bob; alice <a@x.co>',
      expected: result([bad('bob'), ok('alice <a@x.co>', 'a@x.co', 'alice')]),
    },
    {
      name: 'query-string smuggling is invalid',
      text: 'a@b.co?bcc=x@y.z',
      expected: result([bad('a@b.co?bcc=x@y.z')]),
    },
    {
      name: 'markup is inert text, flagged invalid',
      text: '<script>alert(1)</script>',
      expected: result([bad('<script>', 'script'), bad('alert(1)</script>', '/script', 'alert(1)')]),
    },
    { name: 'empty tokens are ignored', text: ',,; \n ,a@b.co,, ;', expected: result([ok('a@b.co', 'a@b.co')]) },
    { name: 'empty text', text: '', expected: result([]) },
    { name: 'whitespace only', text: ' \n\t\r\n ', expected: result([]) },
    { name: 'separators only', text: ',;,;', expected: result([]) },
    { name: 'non-string text at run time', text: 42 as unknown as string, expected: result([]) },
  ];
  for (const c of cases) it(c.name, () => expect(parseEmailList(c.text, c.options)).to.deep.equal(c.expected));

  const hostile: Array<{ name: string; text: string; entries: number }> = [
    { name: '50,000 unclosed "<" on one line', text: '<'.repeat(50_000), entries: 50_000 },
    { name: '30,000 stray quotes on one line', text: '"a '.repeat(30_000), entries: 30_000 },
    { name: '50,000 comma-separated names with no address', text: Array.from({ length: 50_000 }, (_, i) => `n${i}`).join(', '), entries: 50_000 },
  ];
  for (const c of hostile)
    it(`stays linear on hostile input: ${c.name}`, () => {
      const started = performance.now();
      const parsed = parseEmailList(c.text);
      expect({ entries: parsed.recipients.length, fast: performance.now() - started < 1000 }).to.deep.equal({ entries: c.entries, fast: true });
    });

  it('a pasted list of 2,000 addresses stays linear and complete', () => {
    const addresses = Array.from({ length: 2000 }, (_, index) => `user${index}@example.com`);
    const parsed = parseEmailList(addresses.join(';\n'));
    expect(parsed.valid).to.deep.equal(addresses);
  });
});

describe('isValidEmail', () => {
  const local64 = 'a'.repeat(64);
  const domain = (lastLabel: number) => `${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(lastLabel)}.com`;
  const cases: Array<{ input: string; expected: boolean; why?: string }> = [
    { input: 'a@b.co', expected: true },
    { input: 'first.last@example.com', expected: true },
    { input: "o'brien@example.ie", expected: true, why: 'apostrophes are common' },
    { input: 'user+tag@sub.example.co.uk', expected: true },
    { input: 'a-b_c@my-domain.io', expected: true },
    { input: 'UPPER@EXAMPLE.COM', expected: true },
    { input: '1@2.co', expected: true },
    { input: 'a@xn--80ak6aa92e.xn--p1ai', expected: true, why: 'punycode TLD' },
    { input: `${local64}@${domain(57)}`, expected: true, why: 'exactly 254 characters' },
    { input: `${local64}@${domain(58)}`, expected: false, why: '255 characters' },
    { input: `a${local64}@b.co`, expected: false, why: 'local part of 65' },
    { input: `a@${'b'.repeat(64)}.co`, expected: false, why: 'label of 64' },
    { input: '', expected: false },
    { input: 'plain', expected: false },
    { input: '@b.co', expected: false },
    { input: 'a@', expected: false },
    { input: 'a@b', expected: false, why: 'no dot in the domain' },
    { input: 'a@b.c', expected: false, why: 'one-letter TLD' },
    { input: 'a@b.c0', expected: false, why: 'digit in the TLD' },
    { input: 'a@1.23', expected: false, why: 'numeric TLD' },
    { input: 'a b@c.co', expected: false },
    { input: 'a@b c.co', expected: false },
    { input: ' a@b.co', expected: false, why: 'callers trim' },
    { input: 'a@@b.co', expected: false },
    { input: 'a@b@c.co', expected: false },
    { input: '"a"@b.co', expected: false },
    { input: '<a@b.co>', expected: false },
    { input: 'a,b@c.co', expected: false },
    { input: 'a;b@c.co', expected: false },
    { input: 'a@-b.co', expected: false },
    { input: 'a@b-.co', expected: false },
    { input: 'a@b_c.co', expected: false },
    { input: 'a@b..co', expected: false },
    { input: 'a@.b.co', expected: false },
    { input: 'a@b.co.', expected: false },
    { input: '.a@b.co', expected: false },
    { input: 'a.@b.co', expected: false },
    { input: 'a..b@c.co', expected: false },
    { input: 'a\r\n@b.co', expected: false },
    { input: 'a@b.co\nbcc:x@y.z', expected: false },
    { input: 'a@b.co?bcc=x@y.z', expected: false },
    { input: 'a@b.co?subject=x', expected: false },
    { input: 'a\u202e@b.co', expected: false, why: 'bidi override' },
    { input: 'a\u200b@b.co', expected: false, why: 'zero-width space' },
    { input: 'a@exämple.com', expected: false, why: 'non-ASCII domain (punycode it)' },
    { input: 'a@b.co\u0000', expected: false },
    { input: 42 as unknown as string, expected: false, why: 'not a string' },
  ];
  for (const c of cases)
    it(`${JSON.stringify(c.input).slice(0, 60)} → ${c.expected}${c.why ? ` (${c.why})` : ''}`, () =>
      expect(isValidEmail(c.input)).to.equal(c.expected));
});
