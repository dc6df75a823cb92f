import { expect } from '@open-wc/testing';
import { buildMailto, type MailtoInput } from './mailto.js';

describe('buildMailto: exact output', () => {
  const cases: Array<{ name: string; input: MailtoInput; expected: string | null }> = [
    { name: 'address only', input: { to: 'a@b.co' }, expected: 'mailto:a@b.co' },
    { name: 'address is trimmed', input: { to: '  a@b.co\n' }, expected: 'mailto:a@b.co' },
    { name: 'address case is kept', input: { to: 'Ann.Lee@B.co' }, expected: 'mailto:Ann.Lee@B.co' },
    { name: 'plus in the address is encoded, @ kept', input: { to: 'a+tag@b.co' }, expected: 'mailto:a%2Btag@b.co' },
    { name: 'apostrophe in the address', input: { to: "o'brien@b.ie" }, expected: "mailto:o'brien@b.ie" },
    {
      name: 'subject and body',
      input: { to: 'a@b.co', subject: 'Join me', body: 'Hi,\nclick https://x.co/r?t=1&u=2#top' },
      expected: 'mailto:a@b.co?subject=Join%20me&body=Hi%2C%0D%0Aclick%20https%3A%2F%2Fx.co%2Fr%3Ft%3D1%26u%3D2%23top',
    },
    {
      name: 'every body newline becomes CRLF',
      input: { to: 'a@b.co', body: 'one\ntwo\rthree\r\nfour' },
      expected: 'mailto:a@b.co?body=one%0D%0Atwo%0D%0Athree%0D%0Afour',
    },
    {
      name: 'CR/LF in the subject become one space (no header injection)',
      input: { to: 'a@b.co', subject: 'Hello\r\nBcc: evil@x.co' },
      expected: 'mailto:a@b.co?subject=Hello%20Bcc%3A%20evil%40x.co',
    },
    {
      name: 'Unicode line separators in the subject become spaces',
      input: { to: 'a@b.co', subject: 'a\u2028b\u2029c\u0085d' },
      expected: 'mailto:a@b.co?subject=a%20b%20c%20d',
    },
    {
      name: '&cc= in the subject is text',
      input: { to: 'a@b.co', subject: 'x&cc=evil@x.co' },
      expected: 'mailto:a@b.co?subject=x%26cc%3Devil%40x.co',
    },
    {
      name: '? # + = in the body are text',
      input: { to: 'a@b.co', body: '?bcc=evil@x.co#frag 1+1=2' },
      expected: 'mailto:a@b.co?body=%3Fbcc%3Devil%40x.co%23frag%201%2B1%3D2',
    },
    {
      name: 'cc addresses',
      input: { to: 'a@b.co', cc: ['c@d.co', ' e@f.co '] },
      expected: 'mailto:a@b.co?cc=c@d.co,e@f.co',
    },
    {
      name: 'cc, subject and body together',
      input: { to: 'a@b.co', cc: ['c@d.co'], subject: 'S', body: 'B' },
      expected: 'mailto:a@b.co?cc=c@d.co&subject=S&body=B',
    },
    { name: 'an empty cc list adds nothing', input: { to: 'a@b.co', cc: [] }, expected: 'mailto:a@b.co' },
    { name: 'an empty subject is left out', input: { to: 'a@b.co', subject: '', body: 'x' }, expected: 'mailto:a@b.co?body=x' },
    { name: 'a blank subject is left out', input: { to: 'a@b.co', subject: ' \r\n ' }, expected: 'mailto:a@b.co' },
    { name: 'an empty body is left out', input: { to: 'a@b.co', subject: 'x', body: '' }, expected: 'mailto:a@b.co?subject=x' },
    { name: 'Unicode text', input: { to: 'a@b.co', subject: 'Café 🎉' }, expected: 'mailto:a@b.co?subject=Caf%C3%A9%20%F0%9F%8E%89' },
    { name: 'a lone surrogate becomes U+FFFD instead of throwing', input: { to: 'a@b.co', subject: 'x\uD800y' }, expected: 'mailto:a@b.co?subject=x%EF%BF%BDy' },
    { name: 'NUL and other controls are dropped; tabs kept', input: { to: 'a@b.co', body: 'a\u0000b\u0007c\td' }, expected: 'mailto:a@b.co?body=abc%09d' },
    { name: 'non-string subject and body at run time are ignored', input: { to: 'a@b.co', subject: 5, body: {} } as unknown as MailtoInput, expected: 'mailto:a@b.co' },
  ];
  for (const c of cases) it(c.name, () => expect(buildMailto(c.input)).to.equal(c.expected));
});

describe('buildMailto: refuses bad addresses', () => {
  const cases: Array<{ name: string; input: unknown }> = [
    { name: 'query smuggled in the address', input: { to: 'a@b.co?bcc=x@y.z' } },
    { name: 'parameter smuggled in the address', input: { to: 'a@b.co&cc=x@y.z' } },
    { name: 'header smuggled in the address', input: { to: 'a@b.co\r\nBcc: x@y.z' } },
    { name: 'fragment in the address', input: { to: 'a@b.co#x' } },
    { name: 'a second address in to', input: { to: 'a@b.co,c@d.co' } },
    { name: 'a script URL as the address', input: { to: 'javascript:alert(1)//@b.co' } },
    { name: 'an empty address', input: { to: '' } },
    { name: 'no address', input: {} },
    { name: 'a non-string address', input: { to: ['a@b.co'] } },
    { name: 'one bad cc', input: { to: 'a@b.co', cc: ['c@d.co', 'nope'] } },
    { name: 'a cc with a smuggled header', input: { to: 'a@b.co', cc: ['c@d.co\r\nBcc: x@y.z'] } },
    { name: 'cc that is not an array', input: { to: 'a@b.co', cc: 'c@d.co' } },
    { name: 'null input', input: null },
  ];
  for (const c of cases) it(c.name, () => expect(buildMailto(c.input as MailtoInput)).to.equal(null));
});

describe('buildMailto: hostile values decode back to exactly what was meant', () => {
  const cases: Array<{ name: string; input: MailtoInput; subject: string | null; body: string | null; cc: string | null }> = [
    {
      name: 'header injection in the subject',
      input: { to: 'a@b.co', subject: 'Hi\r\nBcc: evil@x.co\r\n\r\nbody', body: 'ok' },
      subject: 'Hi Bcc: evil@x.co body',
      body: 'ok',
      cc: null,
    },
    {
      name: 'parameter injection in the body',
      input: { to: 'a@b.co', body: 'x&cc=evil@x.co&bcc=evil@x.co?subject=pwn' },
      subject: null,
      body: 'x&cc=evil@x.co&bcc=evil@x.co?subject=pwn',
      cc: null,
    },
    {
      name: 'percent signs stay literal (no double decoding)',
      input: { to: 'a@b.co', subject: '100%25 off %0D%0ABcc:x@y.z' },
      subject: '100%25 off %0D%0ABcc:x@y.z',
      body: null,
      cc: null,
    },
    {
      name: 'a registration link in the body',
      input: { to: 'a@b.co', cc: ['c@d.co'], body: 'Register: https://x.co/r?i=1&t=a+b\nThanks' },
      subject: null,
      body: 'Register: https://x.co/r?i=1&t=a+b\r\nThanks',
      cc: 'c@d.co',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const url = new URL(buildMailto(c.input) ?? 'about:blank');
      expect({
        protocol: url.protocol,
        keys: [...url.searchParams.keys()].sort(),
        subject: url.searchParams.get('subject'),
        body: url.searchParams.get('body'),
        cc: url.searchParams.get('cc'),
      }).to.deep.equal({
        protocol: 'mailto:',
        keys: (['cc', 'subject', 'body'] as const).filter((key) => c[key] !== null).sort(),
        subject: c.subject,
        body: c.body,
        cc: c.cc,
      });
    });
  }
});
