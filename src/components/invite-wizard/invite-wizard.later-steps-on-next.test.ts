/**
 * The steps after Contact Selection load on first use (later-steps.ts). Each
 * test file runs in a page of its own, and here the idle-time preload is held
 * back, so the first "Next" is what loads them: the step must not go blank
 * while they load, and the step change must look as it does when they are in.
 * One backend is enough: the module loads once per page.
 */
import { expect } from '@open-wc/testing';
import {
  $,
  activeInWizard,
  addRecipients,
  button,
  currentStep,
  heading,
  root,
  setup,
  waitForHeading,
} from './invite-wizard.harness.test.js';
import { holdBackIdleWork } from '../../../test/support/idle.js';

describe('<invite-wizard>: the first "Next" loads the later steps', () => {
  holdBackIdleWork();

  it('keeps Contact Selection on screen while they load, then shows General Info, styled, with focus on its heading', async () => {
    const { wizard } = await setup('memory');
    await addRecipients(wizard, 'ann@newpartner.example');
    const headings: string[] = [];
    const observer = new MutationObserver(() => headings.push(heading(wizard)));
    observer.observe(root(wizard), { subtree: true, childList: true, characterData: true, attributes: true });
    try {
      button(wizard, 'Next')!.click();
      await waitForHeading(wizard, 'General info for ann@newpartner.example');
      await wizard.updateComplete;
    } finally {
      observer.disconnect();
    }
    expect(headings.length, 'the step change was observed').to.be.greaterThan(0);
    expect(
      headings.filter((text) => text !== 'Who do you want to co-market with?' && text !== 'General info for ann@newpartner.example'),
      'every frame shows one of the two steps, never an empty or loading one',
    ).to.deep.equal([]);
    expect(currentStep(wizard)).to.equal('General Info');
    expect(activeInWizard(wizard)?.id, 'focus moves to the new step heading').to.equal('step-heading');
    expect(getComputedStyle($(wizard, '.form-grid')!).display, 'the later steps bring their styles').to.equal('grid');
    expect(getComputedStyle($(wizard, '.footer')!).display, 'the wizard keeps its own styles').to.equal('flex');
  });
});
