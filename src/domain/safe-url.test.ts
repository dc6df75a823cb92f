import { expect } from '@open-wc/testing';
import { MAX_URL_LENGTH, isSafeUrl, safeUrl, telHref, type SafeUrlOptions } from './safe-url.js';

const BASE = 'https://app.example/partners/';
const UUID = '550e8400-e29b-41d4-a716-446655440000';

describe('safeUrl: accepted (normalised)', () => {
  const cases: Array<{ name: string; input: string; options?: SafeUrlOptions; expected: string }> = [
    { name: 'https', input: 'https://example.com', expected: 'https://example.com/' },
    { name: 'http with query and fragment', input: 'http://example.com/a?b=1#c', expected: 'http://example.com/a?b=1#c' },
    { name: 'upper-case scheme and host', input: 'HTTPS://EXAMPLE.COM/Path', expected: 'https://example.com/Path' },
    { name: 'surrounding whitespace is trimmed', input: '  https://example.com/x \n', expected: 'https://example.com/x' },
    { name: 'spaces in the path are encoded', input: 'https://example.com/a b', expected: 'https://example.com/a%20b' },
    { name: 'an international host becomes punycode', input: 'https://exämple.com/', expected: 'https://xn--exmple-cua.com/' },
    { name: 'IPv4 host', input: 'http://127.0.0.1:8080/x', expected: 'http://127.0.0.1:8080/x' },
    { name: 'IPv6 host', input: 'http://[::1]/x', expected: 'http://[::1]/x' },
    { name: 'port and path kept', input: 'https://example.com:8443/p/q.png', expected: 'https://example.com:8443/p/q.png' },
    {
      name: 'query names that look like entity names are fine',
      input: 'https://example.com/?sort=x&period=month&lt=5&tab=2',
      expected: 'https://example.com/?sort=x&period=month&lt=5&tab=2',
    },
    { name: 'protocol-relative URL takes the base scheme', input: '//cdn.example.com/p.png', options: { base: BASE }, expected: 'https://cdn.example.com/p.png' },
    { name: 'root-relative path', input: '/img/p.png', options: { base: BASE }, expected: 'https://app.example/img/p.png' },
    { name: 'document-relative path', input: 'p.png', options: { base: BASE }, expected: 'https://app.example/partners/p.png' },
    { name: 'dot segments are resolved', input: '../a/./b.png', options: { base: BASE }, expected: 'https://app.example/a/b.png' },
    {
      name: 'a percent-encoded scheme is only a harmless path',
      input: '%6Aavascript:alert(1)',
      options: { base: BASE },
      expected: 'https://app.example/partners/%6Aavascript:alert(1)',
    },
    { name: 'blob: of a web origin when allowed', input: `blob:https://app.example/${UUID}`, options: { allowBlob: true }, expected: `blob:https://app.example/${UUID}` },
    {
      name: 'exactly the maximum length',
      input: `https://example.com/${'a'.repeat(MAX_URL_LENGTH - 'https://example.com/'.length)}`,
      expected: `https://example.com/${'a'.repeat(MAX_URL_LENGTH - 'https://example.com/'.length)}`,
    },
  ];
  for (const c of cases) it(c.name, () => expect(safeUrl(c.input, c.options)).to.equal(c.expected));

  it('a relative URL resolves against the page location by default', () =>
    expect(safeUrl('/img/p.png')).to.equal(new URL('/img/p.png', globalThis.location.href).href));
  it('a real object URL is accepted for previews', () => {
    const objectUrl = URL.createObjectURL(new Blob(['x'], { type: 'image/png' }));
    try {
      expect(safeUrl(objectUrl, { allowBlob: true })).to.equal(objectUrl);
    } finally {
      URL.revokeObjectURL(objectUrl);
    }
  });
});

describe('safeUrl: rejected', () => {
  const cases: Array<{ name: string; input: unknown; options?: SafeUrlOptions }> = [
    { name: 'javascript:', input: 'javascript:alert(1)' },
    { name: 'mixed-case javascript:', input: 'JaVaScRiPt:alert(1)' },
    { name: 'javascript: with a base', input: 'javascript:alert(1)', options: { base: BASE } },
    { name: 'leading spaces', input: '   javascript:alert(1)' },
    { name: 'leading non-breaking space', input: '\u00a0javascript:alert(1)' },
    { name: 'leading NUL', input: '\u0000javascript:alert(1)' },
    { name: 'leading control character', input: '\u0001javascript:alert(1)' },
    { name: 'tab inside the scheme', input: 'java\tscript:alert(1)' },
    { name: 'newline inside the scheme', input: 'java\nscript:alert(1)' },
    { name: 'carriage return inside the scheme', input: 'java\rscript:alert(1)' },
    { name: 'a tab inside an http URL', input: 'https://exa\tmple.com/' },
    { name: 'C1 control character', input: 'https://example.com/\u0085' },
    { name: '&colon; entity', input: 'javascript&colon;alert(1)', options: { base: BASE } },
    { name: 'decimal character reference', input: '&#106;avascript:alert(1)', options: { base: BASE } },
    { name: 'hex character reference', input: '&#x6A;avascript:alert(1)', options: { base: BASE } },
    { name: 'reference without a semicolon', input: 'jav&#x09ascript:alert(1)', options: { base: BASE } },
    { name: '&tab; entity', input: 'java&tab;script:alert(1)', options: { base: BASE } },
    { name: 'data: HTML', input: 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==' },
    { name: 'data: image', input: 'data:image/png;base64,iVBORw0KGgo=' },
    { name: 'vbscript:', input: 'vbscript:msgbox(1)' },
    { name: 'file:', input: 'file:///etc/passwd' },
    { name: 'ftp:', input: 'ftp://example.com/x' },
    { name: 'mailto:', input: 'mailto:a@b.co' },
    { name: 'about:', input: 'about:blank' },
    { name: 'browser-internal scheme', input: 'chrome://settings' },
    { name: 'blob: unless allowed', input: `blob:https://app.example/${UUID}` },
    { name: 'blob: of an opaque origin', input: `blob:null/${UUID}`, options: { allowBlob: true } },
    { name: 'blob: wrapping javascript:', input: 'blob:javascript:alert(1)', options: { allowBlob: true } },
    { name: 'credentials in the URL', input: 'https://user:pass@example.com/' },
    { name: 'a host disguised as a user name', input: 'https://bank.example@evil.example/' },
    { name: 'http without a host', input: 'https://' },
    { name: 'an invalid host', input: 'http://a b.com/' },
    { name: 'relative when there is no base', input: 'img/p.png', options: { base: null } },
    { name: 'protocol-relative when there is no base', input: '//cdn.example.com/p.png', options: { base: null } },
    { name: 'relative against a file: base', input: 'p.png', options: { base: 'file:///tmp/' } },
    { name: 'empty string', input: '' },
    { name: 'whitespace only', input: ' \t\n ' },
    { name: 'longer than 2048', input: `https://example.com/${'a'.repeat(MAX_URL_LENGTH)}` },
    { name: 'null', input: null },
    { name: 'undefined', input: undefined },
    { name: 'a number', input: 42 },
    { name: 'a URL object (not a string)', input: new URL('https://example.com/') },
    { name: 'an object with a toString', input: { toString: () => 'https://example.com/' } },
  ];
  for (const c of cases) it(c.name, () => expect(safeUrl(c.input, c.options)).to.equal(null));
});

describe('isSafeUrl', () => {
  const cases: Array<{ input: unknown; options?: SafeUrlOptions; expected: boolean }> = [
    { input: 'https://example.com/p.png', expected: true },
    { input: 'javascript:alert(1)', expected: false },
    { input: `blob:https://app.example/${UUID}`, expected: false },
    { input: `blob:https://app.example/${UUID}`, options: { allowBlob: true }, expected: true },
    { input: 'p.png', options: { base: null }, expected: false },
  ];
  for (const c of cases)
    it(`${String(c.input)} ${JSON.stringify(c.options ?? {})} → ${c.expected}`, () => expect(isSafeUrl(c.input, c.options)).to.equal(c.expected));
});

describe('telHref', () => {
  const cases: [string, string | null][] = [
    ['(512) 555-0142', 'tel:5125550142'],
    ['+44 20 7946 0958', 'tel:+442079460958'],
    ['javascript:alert(1)', null],
    ['12', null],
    ['', null],
    // An extension is not dialled with the number (its digits would call another one).
    ['555-0100 ext. 12', 'tel:5550100'],
    ['(512) 555-0142 x7', 'tel:5125550142'],
    ['+1 512 555 0142 #3', 'tel:+15125550142'],
    ['+1 512 555 0142 extension 300', 'tel:+15125550142'],
    // Only digits survive, whatever else was in the text.
    ['tel:+1"onmouseover=alert(1) 555 0100', 'tel:115550100'],
  ];
  for (const [phone, expected] of cases) {
    it(`${JSON.stringify(phone)} → ${String(expected)}`, () => {
      expect(telHref(phone)).to.equal(expected);
    });
  }
});
