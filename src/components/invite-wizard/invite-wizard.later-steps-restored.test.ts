/**
 * A draft restored at a step after Contact Selection needs the later steps'
 * module (later-steps.ts), which loads on first use. Each test file runs in a
 * page of its own, so here it is not loaded yet when the wizard opens: the
 * wizard says it is loading until it can show that step, never an empty form.
 * One backend is enough: the module loads once per page.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { createBackend } from '../../../test/support/backends.js';
import type { InviteWizard } from './invite-wizard.component.js';
import { $, heading, root, waitForHeading } from './invite-wizard.harness.test.js';
import { chipsFingerprint, draftStorageKey, emptyDraft, writeDraft } from './wizard-flow.js';

describe('<invite-wizard>: a draft restored at a later step', () => {
  it('shows "Loading…" until that step can show, then the step with what was typed, styled', async () => {
    sessionStorage.clear();
    const draft = emptyDraft();
    draft.chips = [{ id: 'chip-a', raw: 'Ann Lee <ann@newpartner.example>', email: 'ann@newpartner.example', name: 'Ann Lee', valid: true, contactId: null }];
    draft.lookups = [{ email: 'ann@newpartner.example', kind: 'new', name: null, partnerId: null }];
    draft.lookupFor = chipsFingerprint(draft.chips);
    draft.flow = 'prefill';
    draft.step = 'general';
    draft.prefilledFor = 'ann@newpartner.example';
    draft.profile = { firstName: 'Ann', lastName: 'Lee', company: 'Harbor Homes' };
    writeDraft(draftStorageKey('org-harbor', 'usr-lender-jordan'), draft);
    const backend = await createBackend('memory');

    const shown: string[] = [];
    const wizard = await fixture<InviteWizard>(html`<invite-wizard .adapter=${backend.adapter}></invite-wizard>`);
    const observer = new MutationObserver(() => {
      const status = $(wizard, '[role="status"]')?.textContent?.trim();
      shown.push(heading(wizard) || (status ? `status: ${status}` : 'nothing'));
    });
    observer.observe(root(wizard), { subtree: true, childList: true, characterData: true, attributes: true });
    try {
      await waitForHeading(wizard, 'General info for Ann Lee');
      await wizard.updateComplete;
    } finally {
      observer.disconnect();
    }
    expect(
      shown.filter((what) => what !== 'status: Loading…' && what !== 'General info for Ann Lee'),
      'every frame shows the loading state or the restored step',
    ).to.deep.equal([]);
    expect($(wizard, '.notice-bar')!.textContent).to.contain('We kept what you entered last time.');
    expect($<HTMLInputElement>(wizard, '#field-company')!.value).to.equal('Harbor Homes');
    expect(getComputedStyle($(wizard, '.form-grid')!).display, 'the later steps bring their styles').to.equal('grid');
    expect(getComputedStyle($(wizard, '.footer')!).display, 'the wizard keeps its own styles').to.equal('flex');
  });
});
