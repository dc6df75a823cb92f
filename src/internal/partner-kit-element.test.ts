import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { defineElement } from './define.js';
import { PartnerKitElement } from './partner-kit-element.js';

class EmittingElement extends PartnerKitElement {
  fire(cancelable: boolean) {
    return (this.emit as (name: string, detail: unknown, options: { cancelable: boolean }) => boolean)(
      'pk-test',
      { answer: 42 },
      { cancelable },
    );
  }
}
EmittingElement.define('pk-test-emitting');

describe('PartnerKitElement', () => {
  it('emit() dispatches a bubbling, composed event with its detail', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div><pk-test-emitting></pk-test-emitting></div>`);
    const element = wrapper.querySelector('pk-test-emitting') as EmittingElement;
    let received: CustomEvent | undefined;
    wrapper.addEventListener('pk-test', (event) => (received = event as CustomEvent));
    const notCancelled = element.fire(false);
    expect(notCancelled).to.equal(true);
    expect(received?.detail).to.deep.equal({ answer: 42 });
    expect(received?.bubbles).to.equal(true);
    expect(received?.composed).to.equal(true);
  });

  it('emit() reports a veto on a cancelable event', async () => {
    const element = await fixture<EmittingElement>(html`<pk-test-emitting></pk-test-emitting>`);
    element.addEventListener('pk-test', (event) => event.preventDefault());
    expect(element.fire(true)).to.equal(false);
  });

  it('define() is a no-op when the same class registers the tag again', () => {
    expect(() => EmittingElement.define('pk-test-emitting')).not.to.throw();
    expect(customElements.get('pk-test-emitting')).to.equal(EmittingElement);
  });

  it('define() warns, and keeps the first class, when another class holds the tag', () => {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      defineElement('pk-test-emitting', class Other extends LitElement {});
    } finally {
      console.warn = original;
    }
    expect(customElements.get('pk-test-emitting')).to.equal(EmittingElement);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('<pk-test-emitting> is already defined by another class');
  });
});
