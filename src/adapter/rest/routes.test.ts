import { expect } from '@open-wc/testing';
import { PartnerKitError } from '../errors.js';
import { REST_ROUTES, buildPath, encodePathSegment, joinUrl, pathParams } from './routes.js';

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('routes: path building', () => {
  const hostile: [string, string][] = [
    ['a/b', 'a%2Fb'],
    ['../admin', '..%2Fadmin'],
    ['x?admin=1#frag', 'x%3Fadmin%3D1%23frag'],
    ['100%', '100%25'],
    ['%2e%2e', '%252e%252e'],
    ['back\\slash', 'back%5Cslash'],
    ['spa ce', 'spa%20ce'],
    ['ünï😀', '%C3%BCn%C3%AF%F0%9F%98%80'],
  ];
  for (const [id, encoded] of hostile) {
    it(`encodes ${JSON.stringify(id)} into one segment`, () => {
      const path = buildPath(REST_ROUTES.getPartner.path, { partnerId: id });
      expect(path).to.equal(`/partners/${encoded}`);
      const url = joinUrl('https://api.example.test/v1', path);
      expect(url.pathname).to.equal(`/v1/partners/${encoded}`);
      expect(url.search).to.equal('');
      expect(url.hash).to.equal('');
      expect(decodeURIComponent(url.pathname.split('/')[3] ?? '')).to.equal(id);
    });
  }

  for (const id of ['', '.', '..']) {
    it(`refuses the id ${JSON.stringify(id)}, which would address another resource`, () => {
      const error = thrown(() => buildPath('/deals/:dealId/notes', { dealId: id }));
      expect(error).to.be.instanceOf(PartnerKitError);
      expect((error as PartnerKitError).code).to.equal('validation');
      expect((error as PartnerKitError).fieldErrors).to.have.property('dealId');
    });
  }

  it('refuses a missing parameter', () => {
    const error = thrown(() => buildPath('/deals/:dealId', {}));
    expect((error as PartnerKitError).code).to.equal('validation');
    expect((error as PartnerKitError).message).to.contain('dealId');
  });

  it('fills several placeholders in order', () => {
    expect(pathParams('/a/:first/b/:second')).to.deep.equal(['first', 'second']);
    expect(buildPath('/a/:first/b/:second', { first: '1/1', second: '2' })).to.equal('/a/1%2F1/b/2');
  });

  it('encodePathSegment leaves ordinary ids readable', () => {
    expect(encodePathSegment('p_123-abc.v2', 'id')).to.equal('p_123-abc.v2');
  });
});

describe('routes: base URLs', () => {
  it('keeps the base path prefix, with or without a trailing slash', () => {
    expect(joinUrl('https://x.test/api/v1', '/session').href).to.equal('https://x.test/api/v1/session');
    expect(joinUrl('https://x.test/api/v1/', '/session').href).to.equal('https://x.test/api/v1/session');
    expect(joinUrl('https://x.test', '/session').href).to.equal('https://x.test/session');
  });

  it('drops a query or fragment on the base URL', () => {
    expect(joinUrl('https://x.test/api?x=1#y', '/session').href).to.equal('https://x.test/api/session');
  });

  it('resolves a relative base URL against the page', () => {
    expect(joinUrl('/api', '/session').href).to.equal(new URL('/api/session', location.href).href);
  });
});

describe('routes: the table', () => {
  it('every create sends an idempotency key and every GET is read-only', () => {
    for (const [name, route] of Object.entries(REST_ROUTES)) {
      if (route.method === 'GET') expect(route.readOnly, name).to.equal(true);
      if (route.idempotent) expect(route.method, name).to.equal('POST');
    }
    const creates = Object.entries(REST_ROUTES)
      .filter(([, route]) => route.idempotent)
      .map(([name]) => name)
      .sort();
    expect(creates).to.deep.equal(
      [
        'addNote',
        'completeRegistration',
        'createDeal',
        'createInvitations',
        'createPartnerAccount',
        'createPrefilledAccount',
        'linkExistingUser',
        'resendInvitation',
        'sendVerificationEmail',
        'uploadDocument',
        'uploadImage',
      ].sort(),
    );
  });

  it('no two routes share a method and path', () => {
    const seen = new Set<string>();
    for (const route of Object.values(REST_ROUTES)) {
      const key = `${route.method} ${route.path}`;
      expect(seen.has(key), key).to.equal(false);
      seen.add(key);
    }
  });
});
