import { expect } from '@open-wc/testing';
import {
  backoffDelay,
  codeForStatus,
  errorFromResponse,
  parseRetryAfter,
  readErrorBody,
  sleep,
} from './http.js';

describe('http: status → error code', () => {
  const table: [number, string][] = [
    [400, 'validation'],
    [422, 'validation'],
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'not_found'],
    [410, 'not_found'],
    [408, 'timeout'],
    [409, 'conflict'],
    [412, 'conflict'],
    [429, 'rate_limited'],
    [500, 'network'],
    [502, 'network'],
    [503, 'network'],
    [504, 'network'],
    [501, 'unknown'],
    [418, 'unknown'],
    [302, 'unknown'],
  ];
  for (const [status, code] of table) {
    it(`${status} → ${code}`, () => expect(codeForStatus(status)).to.equal(code));
  }
});

describe('http: Retry-After', () => {
  const now = Date.parse('2025-01-01T00:00:00Z');
  it('reads delay-seconds', () => {
    expect(parseRetryAfter('120', now)).to.equal(120);
    expect(parseRetryAfter(' 0 ', now)).to.equal(0);
    expect(parseRetryAfter('0.25', now)).to.equal(0.25);
  });
  it('reads an HTTP date relative to now, never negative', () => {
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:30 GMT', now)).to.equal(30);
    expect(parseRetryAfter('Tue, 31 Dec 2024 23:00:00 GMT', now)).to.equal(0);
  });
  it('ignores what it cannot read', () => {
    for (const value of [null, undefined, '', 'soon', '-5', '1e3', 'NaN']) {
      expect(parseRetryAfter(value, now), String(value)).to.equal(undefined);
    }
  });
});

describe('http: error bodies', () => {
  it('keeps the message and string field errors only', () => {
    const body = readErrorBody(
      JSON.stringify({ error: { code: 'validation', message: 'Bad email', fieldErrors: { email: 'Invalid', age: 3 } } }),
    );
    expect(body).to.deep.equal({ message: 'Bad email', fieldErrors: { email: 'Invalid' } });
  });
  it('ignores malformed bodies', () => {
    expect(readErrorBody('<html>oops</html>')).to.deep.equal({});
    expect(readErrorBody('{"error":"nope"}')).to.deep.equal({});
    expect(readErrorBody('{"error":{"message":"   "}}')).to.deep.equal({});
  });
  it('bounds a long message', () => {
    const body = readErrorBody(JSON.stringify({ error: { message: 'x'.repeat(5000) } }));
    expect(body.message).to.have.length(500);
  });
  it('falls back to a message naming the method and the status', () => {
    const error = errorFromResponse('getDeal', new Response('<html></html>', { status: 502, statusText: 'Bad Gateway' }), '<html></html>');
    expect(error.code).to.equal('network');
    expect(error.status).to.equal(502);
    expect(error.method).to.equal('getDeal');
    expect(error.message).to.equal('getDeal failed with HTTP 502 Bad Gateway.');
  });
  it('reads Retry-After on 429 and 503 only', () => {
    const headers = { 'Retry-After': '7' };
    expect(errorFromResponse('m', new Response('', { status: 429, headers }), '').retryAfter).to.equal(7);
    expect(errorFromResponse('m', new Response('', { status: 503, headers }), '').retryAfter).to.equal(7);
    expect(errorFromResponse('m', new Response('', { status: 500, headers }), '').retryAfter).to.equal(undefined);
  });
});

describe('http: backoff', () => {
  it('is full jitter under a doubling, capped ceiling', () => {
    expect(backoffDelay(0, 100, 1000, () => 0)).to.equal(0);
    expect(backoffDelay(0, 100, 1000, () => 0.999)).to.equal(99);
    expect(backoffDelay(2, 100, 1000, () => 0.999)).to.equal(399);
    expect(backoffDelay(10, 100, 1000, () => 0.999)).to.equal(999);
  });

  it('sleep rejects with the AbortError as soon as the signal aborts', async () => {
    const controller = new AbortController();
    const started = performance.now();
    const pending = sleep(5000, controller.signal);
    setTimeout(() => controller.abort(), 20);
    const error = await pending.then(
      () => null,
      (reason: unknown) => reason,
    );
    expect((error as Error).name).to.equal('AbortError');
    expect(performance.now() - started).to.be.below(1000);
  });
});
