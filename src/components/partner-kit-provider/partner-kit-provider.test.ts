import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { ContextConsumer } from '@lit/context';
import type { adapterContext } from '../../adapter/context.js';
import type { PartnerKitAdapter, Session } from '../../adapter/types.js';
import { PartnerKitElement } from '../../internal/partner-kit-element.js';
import type { PartnerKitProvider } from './partner-kit-provider.component.js';
import './partner-kit-provider.js';

const session: Session = {
  viewer: { id: 'u1', name: 'Lena Lender', email: 'lena@example.com' },
  role: 'lender',
  organisation: { id: 'o1', name: 'Acme Mortgage' },
  switches: { profilePrefill: true, profileEditing: true, partnersAddDeals: false },
};
const makeAdapter = (name: string): PartnerKitAdapter => ({
  getSession: async () => ({ ...session, viewer: { ...session.viewer, name } }),
});

class AdapterProbe extends PartnerKitElement {
  get usable() {
    return this.adapterOrError();
  }
}
AdapterProbe.define('pk-test-adapter-probe');

/** A consumer built with plain Lit and a fresh context object from Symbol.for: what a second bundle does. */
class ForeignConsumer extends LitElement {
  value: unknown;
  constructor() {
    super();
    new ContextConsumer(this, {
      context: Symbol.for('partner-kit/adapter') as unknown as typeof adapterContext,
      subscribe: true,
      callback: (value) => (this.value = value),
    });
  }
}
customElements.define('pk-test-foreign-consumer', ForeignConsumer);

describe('<partner-kit-provider>', () => {
  it('gives its adapter, validated, to the elements inside', async () => {
    const provider = await fixture<PartnerKitProvider>(
      html`<partner-kit-provider .adapter=${makeAdapter('from provider')}><pk-test-adapter-probe></pk-test-adapter-probe></partner-kit-provider>`,
    );
    const probe = provider.querySelector('pk-test-adapter-probe') as AdapterProbe;
    const adapter = probe.usable as PartnerKitAdapter;
    expect((await adapter.getSession()).viewer.name).to.equal('from provider');
  });

  it("lets an element's own adapter property win over the provider's", async () => {
    const provider = await fixture<PartnerKitProvider>(
      html`<partner-kit-provider .adapter=${makeAdapter('from provider')}>
        <pk-test-adapter-probe .adapter=${makeAdapter('own')}></pk-test-adapter-probe>
      </partner-kit-provider>`,
    );
    const probe = provider.querySelector('pk-test-adapter-probe') as AdapterProbe;
    expect((await (probe.usable as PartnerKitAdapter).getSession()).viewer.name).to.equal('own');
  });

  it('updates consumers when the host swaps the adapter', async () => {
    const provider = await fixture<PartnerKitProvider>(
      html`<partner-kit-provider .adapter=${makeAdapter('first')}><pk-test-adapter-probe></pk-test-adapter-probe></partner-kit-provider>`,
    );
    provider.adapter = makeAdapter('second');
    await provider.updateComplete;
    const probe = provider.querySelector('pk-test-adapter-probe') as AdapterProbe;
    expect((await (probe.usable as PartnerKitAdapter).getSession()).viewer.name).to.equal('second');
  });

  it('is found by a consumer from another bundle (context keyed by Symbol.for)', async () => {
    const adapter = makeAdapter('shared');
    const provider = await fixture<PartnerKitProvider>(
      html`<partner-kit-provider .adapter=${adapter}><pk-test-foreign-consumer></pk-test-foreign-consumer></partner-kit-provider>`,
    );
    const consumer = provider.querySelector('pk-test-foreign-consumer') as ForeignConsumer;
    expect(consumer.value).to.equal(adapter);
  });

  it('says clearly when there is no adapter, and when the value is not an adapter', async () => {
    const probe = await fixture<AdapterProbe>(html`<pk-test-adapter-probe></pk-test-adapter-probe>`);
    expect(String((probe.usable as Error).message)).to.contain('has no adapter');
    probe.adapter = {} as PartnerKitAdapter;
    const error = probe.usable as Error & { code: string };
    expect(error.code).to.equal('contract');
    expect(error.message).to.contain('getSession');
  });
});
