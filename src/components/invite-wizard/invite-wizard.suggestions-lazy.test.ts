/**
 * The contact suggestions' popup code (internal/popup-controller.ts) loads on
 * first use. This test file runs in a page of its own, so it is not loaded
 * yet, and the MSW worker makes its request fail (as a dropped connection or a
 * missing chunk would) until the test lets it through.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse, passthrough } from 'msw';
import { mockWorker } from '../../../test/support/backends.js';
import { $, chipTexts, input, NEW_CONTACT, setup, typeRecipients, until } from './invite-wizard.harness.test.js';

const expanded = (wizard: Parameters<typeof $>[0]) => input(wizard).getAttribute('aria-expanded') === 'true';

describe('<invite-wizard>: contact suggestions whose code cannot load', () => {
  let failing = true;
  let requests = 0;
  const warnings: string[] = [];
  const originalWarn = console.warn;

  before(async () => {
    const worker = await mockWorker();
    worker.use(
      http.get(/\/internal\/popup-controller\.[jt]s(\?.*)?$/, () => {
        requests++;
        return failing ? HttpResponse.error() : passthrough();
      }),
    );
  });
  beforeEach(() => {
    console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  });
  afterEach(() => {
    console.warn = originalWarn;
  });

  it('says so in the console, keeps the field usable, and shows the suggestions once the code arrives', async () => {
    const { wizard } = await setup('memory');
    await typeRecipients(wizard, 'Siobhan');
    await until(() => warnings.some((warning) => warning.includes('could not load the contact suggestions')), 'the console says why');
    expect(requests, 'the popup code was asked for').to.be.greaterThan(0);
    expect(expanded(wizard), 'no listbox').to.equal(false);
    expect($(wizard, '#contact-popup')!.hidden).to.equal(true);

    // Typing addresses still works without the suggestions.
    for (let typed = 'Siobhan'.length; typed > 0; typed--) await sendKeys({ press: 'Backspace' });
    await typeRecipients(wizard, 'ann@example.com,');
    await until(() => chipTexts(wizard).includes('ann@example.com'), 'the address became a chip');

    failing = false;
    await typeRecipients(wizard, 'Siobhan');
    await until(() => expanded(wizard), 'the listbox opens once the code loads');
    const names = [...$(wizard, '#contact-listbox')!.querySelectorAll('.option-name')].map((name) => name.textContent);
    expect(names).to.include(NEW_CONTACT);
  });
});
