import { expect, fixture } from '@open-wc/testing';
import { html, render } from 'lit';
import { cssProperty } from './css-property.js';

describe('cssProperty()', () => {
  it('sets, changes and removes one property of the element, through the CSSOM', async () => {
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    const show = (height: string | null) => render(html`<div class="box" ${cssProperty('height', height)}></div>`, container);
    show('40px');
    const box = container.querySelector<HTMLElement>('.box')!;
    expect(box.getBoundingClientRect().height).to.equal(40);
    expect(box.style.getPropertyValue('height')).to.equal('40px');

    show('75px');
    expect(container.querySelector('.box'), 'the same element').to.equal(box);
    expect(box.getBoundingClientRect().height).to.equal(75);

    show(null);
    expect(box.style.getPropertyValue('height')).to.equal('');
    expect(box.getBoundingClientRect().height).to.equal(0);
  });

  it('leaves the element\'s other inline styles alone', async () => {
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    const show = (height: string) => render(html`<div class="box" ${cssProperty('height', height)}></div>`, container);
    show('10px');
    const box = container.querySelector<HTMLElement>('.box')!;
    box.style.width = '20px';
    show('30px');
    expect(container.querySelector('.box'), 'the same element').to.equal(box);
    expect(box.style.width).to.equal('20px');
    expect(box.style.height).to.equal('30px');
  });

  it('says where it belongs when bound to an attribute', async () => {
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    expect(() => render(html`<div style=${cssProperty('height', '10px')}></div>`, container)).to.throw(/element position/);
  });
});
