import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../../test/support/wait.js';
import { LitElement } from 'lit';
import { PartnerKitError } from '../adapter/errors.js';
import { DataController } from './data-controller.js';

interface Call {
  query: string;
  signal: AbortSignal;
  resolve: (value: string) => void;
  reject: (error: unknown) => void;
}

const calls: Call[] = [];

class DataHost extends LitElement {
  static override properties = { query: {} };
  query = 'a';
  data = new DataController(this, {
    args: () => [this.query] as const,
    load: ([query], { signal }) =>
      new Promise<string>((resolve, reject) => {
        calls.push({ query, signal, resolve, reject });
        signal.addEventListener('abort', () => reject(signal.reason));
      }),
  });
  override render() {
    return this.data.render({
      pending: (previous) => html`<p>loading ${previous ?? ''}</p>`,
      complete: (value) => html`<p>value ${value}</p>`,
      error: (error, retry) => html`<p>error ${error.code}</p><button @click=${retry}>Retry</button>`,
    });
  }
}
customElements.define('pk-test-data-host', DataHost);

const text = (element: Element) => element.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();

describe('DataController', () => {
  beforeEach(() => {
    calls.length = 0;
  });

  it('passes a signal, renders pending then the value', async () => {
    const element = await fixture<DataHost>(html`<pk-test-data-host></pk-test-data-host>`);
    expect(text(element)).to.equal('loading');
    expect(calls[0]!.signal).to.be.instanceOf(AbortSignal);
    calls[0]!.resolve('one');
    await waitUntil(() => text(element) === 'value one');
  });

  it('never lets a stale response overwrite a newer one, and aborts the stale call', async () => {
    const element = await fixture<DataHost>(html`<pk-test-data-host></pk-test-data-host>`);
    element.query = 'b';
    await element.updateComplete;
    await waitUntil(() => calls.length === 2);
    expect(calls[0]!.signal.aborted).to.equal(true);
    calls[1]!.resolve('new');
    calls[0]!.resolve('stale');
    await waitUntil(() => text(element) === 'value new');
    await new Promise((r) => setTimeout(r, 20));
    expect(text(element)).to.equal('value new');
  });

  it('aborts the call in flight on disconnect and loads again on reconnect', async () => {
    const element = await fixture<DataHost>(html`<pk-test-data-host></pk-test-data-host>`);
    const parent = element.parentElement!;
    element.remove();
    expect(calls[0]!.signal.aborted).to.equal(true);
    parent.append(element);
    await waitUntil(() => calls.length === 2);
    calls[1]!.resolve('again');
    await waitUntil(() => text(element) === 'value again');
  });

  it('shows adapter failures as PartnerKitErrors with a working retry', async () => {
    const element = await fixture<DataHost>(html`<pk-test-data-host></pk-test-data-host>`);
    calls[0]!.reject(new PartnerKitError('network', 'offline'));
    await waitUntil(() => text(element).startsWith('error network'));
    element.shadowRoot!.querySelector('button')!.click();
    await waitUntil(() => calls.length === 2);
    calls[1]!.resolve('recovered');
    await waitUntil(() => text(element) === 'value recovered');
  });

  it('wraps a non-kit error thrown by a loader as an unknown PartnerKitError', async () => {
    const element = await fixture<DataHost>(html`<pk-test-data-host></pk-test-data-host>`);
    calls[0]!.reject(new TypeError('boom'));
    await waitUntil(() => text(element).startsWith('error unknown'));
    expect(element.data.error).to.be.instanceOf(PartnerKitError);
  });

  it('setValue shows a local value at once and keeps it until the next load completes', async () => {
    const element = await fixture<DataHost>(html`<pk-test-data-host></pk-test-data-host>`);
    calls[0]!.resolve('loaded');
    await waitUntil(() => text(element) === 'value loaded');
    element.data.setValue('optimistic');
    await element.updateComplete;
    expect(element.data.value).to.equal('optimistic');
    expect(text(element)).to.equal('value optimistic');
    element.query = 'b';
    await element.updateComplete;
    await waitUntil(() => calls.length === 2);
    expect(text(element)).to.equal('loading optimistic');
    calls[1]!.resolve('fresh');
    await waitUntil(() => text(element) === 'value fresh');
    expect(element.data.value).to.equal('fresh');
  });
});
