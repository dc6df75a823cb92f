/**
 * The script-tag autoloader (src/autoload.ts): a tag's code loads when the tag
 * first appears — in the page when the module runs, added later anywhere in
 * the document, or in a shadow root the host hands to `discover`. The module
 * is imported inside the tests, after the page has its first tags, the way a
 * `<script type="module">` at the end of a page runs. The built output
 * (dist/autoload/) is checked by scripts/check-build.mjs and measured by
 * scripts/check-sizes.mjs.
 */
import { expect } from '@open-wc/testing';
import { waitUntil } from './support/wait.js';
import { http, HttpResponse, passthrough } from 'msw';
import { createMemoryAdapter } from '../src/adapter/memory/index.js';
import type * as Autoload from '../src/autoload.js';
import { mockWorker } from './support/backends.js';

const shadowText = (element: Element) => (element.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('autoload (script-tag entry)', () => {
  let autoload: typeof Autoload;
  const added: Element[] = [];

  const add = <T extends Element>(element: T): T => {
    document.body.append(element);
    added.push(element);
    return element;
  };

  before(async () => {
    // On the page before the script runs, like markup above a script tag.
    const badge = document.createElement('status-badge');
    badge.setAttribute('status', 'pending-opened');
    add(badge);
    expect(customElements.get('status-badge'), 'nothing registers the badge before the autoloader runs').to.equal(undefined);
    autoload = await import('../src/autoload.js');
  });

  after(() => {
    for (const element of added) element.remove();
  });

  it('loads a tag that is on the page when it runs, and the element renders', async () => {
    const badge = document.querySelector('status-badge')!;
    await customElements.whenDefined('status-badge');
    await waitUntil(() => shadowText(badge).includes('Pending - Email Opened'), 'the badge shows its label', { timeout: 5000 });
  });

  it('does not see into shadow roots by itself; discover(root) loads what a shadow root holds', async () => {
    const host = add(document.createElement('div'));
    const root = host.attachShadow({ mode: 'open' });
    const progress = document.createElement('profile-progress');
    progress.setAttribute('percent', '40');
    root.append(progress);
    // Give the document's observer time to (wrongly) react.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(customElements.get('profile-progress'), 'a tag inside a shadow root is not found by the document observer').to.equal(undefined);

    await autoload.discover(root);
    expect(customElements.get('profile-progress')).to.be.a('function');
    await waitUntil(() => shadowText(progress).includes('40%'), 'the progress bar renders', { timeout: 5000 });
  });

  it('loads a tag added later inside another element, keeping the properties set before its code arrived', async () => {
    expect(customElements.get('partner-kit-provider')).to.equal(undefined);
    const adapter = createMemoryAdapter();
    const provider = document.createElement('partner-kit-provider') as HTMLElement & { adapter?: unknown };
    provider.adapter = adapter;
    const wrapper = document.createElement('section');
    wrapper.append(provider);
    add(wrapper);

    await waitUntil(() => customElements.get('partner-kit-provider') !== undefined, 'the provider is registered', { timeout: 5000 });
    await customElements.whenDefined('partner-kit-provider');
    expect(provider.adapter, 'the adapter set before the upgrade is the one the provider has').to.equal(adapter);
    expect(provider.constructor).to.equal(customElements.get('partner-kit-provider'));
  });

  it('a tag whose code cannot load: the console says which, and the next appearance tries again', async () => {
    // The worker fails the request for <shared-clients>' registering module, as a dropped connection
    // or a missing chunk would, until the test lets it through.
    let failing = true;
    const worker = await mockWorker();
    worker.use(
      http.get(/\/src\/components\/shared-clients\/shared-clients\.[jt]s(\?.*)?$/, () => (failing ? HttpResponse.error() : passthrough())),
    );
    const errors: string[] = [];
    const originalError = console.error;
    console.error = (...args: unknown[]) => errors.push(args.map(String).join(' '));
    try {
      add(document.createElement('shared-clients'));
      await waitUntil(() => errors.some((message) => message.includes('could not load <shared-clients>')), 'the failure is logged', { timeout: 5000 });
      expect(customElements.get('shared-clients')).to.equal(undefined);
      let rejected: unknown;
      await autoload.loadElement('shared-clients').catch((error: unknown) => (rejected = error));
      expect((rejected as Error | undefined)?.message, 'loadElement names the tag').to.contain('could not load <shared-clients>');

      failing = false;
      add(document.createElement('shared-clients'));
      await waitUntil(() => customElements.get('shared-clients') !== undefined, 'loaded on the next appearance', { timeout: 5000 });
    } finally {
      console.error = originalError;
    }
  });

  it('loadElement resolves with the class, once, for every call', async () => {
    const first = autoload.loadElement('status-badge');
    const second = autoload.loadElement('status-badge');
    expect(first).to.equal(second);
    expect(await first).to.equal(customElements.get('status-badge'));
  });

  it('loadElement rejects a tag that is not a partner-kit element, naming the elements', async () => {
    let error: unknown;
    try {
      await autoload.loadElement('partner-tabel' as Autoload.PartnerKitTag);
    } catch (caught) {
      error = caught;
    }
    expect(error).to.be.instanceOf(TypeError);
    expect((error as Error).message).to.contain('"partner-tabel" is not a partner-kit element');
    expect((error as Error).message).to.contain('partner-table');
  });

  it('lists every tag it loads, and exports what a page without a bundler needs', () => {
    expect([...autoload.PARTNER_KIT_TAGS].sort()).to.deep.equal(
      [
        'invite-wizard',
        'partner-deal-board',
        'partner-kit-provider',
        'partner-registration',
        'partner-settings',
        'partner-table',
        'portal-settings',
        'profile-progress',
        'shared-clients',
        'status-badge',
      ].sort(),
    );
    expect(autoload.createRestAdapter).to.be.a('function');
    expect(autoload.setLocale).to.be.a('function');
    expect(new autoload.PartnerKitError('network', 'offline')).to.be.instanceOf(Error);
  });
});
