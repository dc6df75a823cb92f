import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../../test/support/wait.js';
import { LitElement } from 'lit';
import { registerLocale, setLocale } from '../locales/index.js';
import { defineElement } from './define.js';
import { LocaleController } from './locale-controller.js';

class LocalisedProbe extends LitElement {
  readonly locale = new LocaleController(this);
  renders = 0;

  protected override render() {
    this.renders++;
    return html`<span>${this.locale.msg('status.label.active')}</span>`;
  }
}
defineElement('pk-test-localised-probe', LocalisedProbe);

const text = (element: LocalisedProbe) => element.shadowRoot!.textContent!.trim();
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  setLocale(undefined);
  document.documentElement.lang = 'en';
});

describe('LocaleController', () => {
  it('changing <html lang> re-renders every element on the page at once', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <pk-test-localised-probe></pk-test-localised-probe>
      <pk-test-localised-probe></pk-test-localised-probe>
      <pk-test-localised-probe></pk-test-localised-probe>
    </div>`);
    const probes = [...wrapper.querySelectorAll<LocalisedProbe>('pk-test-localised-probe')];
    expect(probes.map(text)).to.deep.equal(['Active', 'Active', 'Active']);

    document.documentElement.lang = 'es';
    await waitUntil(() => probes.every((probe) => text(probe) === 'Activo'), 'every element switched to Spanish');
    expect(probes.map((probe) => probe.locale.lang)).to.deep.equal(['es', 'es', 'es']);
  });

  it('follows setLocale() at run time, over <html lang>', async () => {
    const probe = await fixture<LocalisedProbe>(html`<pk-test-localised-probe></pk-test-localised-probe>`);
    setLocale('es');
    await waitUntil(() => text(probe) === 'Activo', 'Spanish, once its catalogue loaded');
    document.documentElement.lang = 'en-US';
    await settle();
    await probe.updateComplete;
    expect(text(probe)).to.equal('Activo');
  });

  it("keeps its own or an ancestor's lang when the page's changes, and follows that ancestor", async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="es"><pk-test-localised-probe></pk-test-localised-probe></div>`,
    );
    const probe = wrapper.querySelector<LocalisedProbe>('pk-test-localised-probe')!;
    await waitUntil(() => text(probe) === 'Activo', 'Spanish from the ancestor');
    document.documentElement.lang = 'en';
    await settle();
    expect(text(probe)).to.equal('Activo');
    wrapper.lang = 'en';
    await waitUntil(() => text(probe) === 'Active', 'follows the ancestor it is in');
  });

  it('re-renders when a catalogue of its locale is registered, not on unrelated lang changes', async () => {
    const probe = await fixture<LocalisedProbe>(html`<pk-test-localised-probe lang="fr"></pk-test-localised-probe>`);
    expect(text(probe)).to.equal('Active');
    registerLocale('fr', { 'status.label.active': 'Actif' });
    await probe.updateComplete;
    expect(text(probe)).to.equal('Actif');

    const renders = probe.renders;
    document.documentElement.lang = 'de';
    await settle();
    await probe.updateComplete;
    expect(probe.renders).to.equal(renders);
  });

  it('stops listening once disconnected, and catches up when connected again', async () => {
    const probe = await fixture<LocalisedProbe>(html`<pk-test-localised-probe></pk-test-localised-probe>`);
    const parent = probe.parentElement!;
    probe.remove();
    const renders = probe.renders;
    document.documentElement.lang = 'es';
    await settle();
    expect(probe.renders).to.equal(renders);
    parent.append(probe);
    await waitUntil(() => text(probe) === 'Activo', 'caught up on reconnect');
  });
});
