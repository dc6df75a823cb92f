/**
 * The page opened from the emailed link needs the steps after the first (later-steps.ts), which
 * load on first use. Each test file runs in a page of its own, so here they are not loaded yet,
 * and their first request fails (the MSW worker answers it with a network error): the element
 * keeps checking the link while they load, then says they could not load, with "Try again",
 * which loads them and shows the profile. One backend is enough: the module loads once per page.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../../../test/support/wait.js';
import { http, HttpResponse } from 'msw';
import { createBackend, mockWorker } from '../../../test/support/backends.js';
import { INVITE_STATUSES, isPendingInvitation } from '../../domain/status.js';
import './partner-registration.js';
import type { PartnerRegistration } from './partner-registration.component.js';

const root = (element: PartnerRegistration) => element.shadowRoot!;
const squash = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();
const heading = (element: PartnerRegistration) => squash(root(element).querySelector('[part~="heading"]')?.textContent);

describe('<partner-registration>: the emailed link loads the later steps', () => {
  it('checks the link while they load; a failed load says so with "Try again", which shows the profile', async () => {
    const worker = await mockWorker();
    worker.use(http.get(/\/partner-registration\/later-steps\.(js|ts)/, () => HttpResponse.error()));
    const { memory } = await createBackend('memory', { latency: 50 });
    const partner = memory.store.listPartners({ statuses: INVITE_STATUSES.filter(isPendingInvitation), limit: 1 }).items[0]!;
    const token = memory.store.invitationToken(partner.id);
    memory.store.sendVerificationEmail(token, 'landing@example.com', 'arranged-send');
    const code = memory.store.peekVerificationCode(token) ?? '';

    const shown: string[] = [];
    const element = await fixture<PartnerRegistration>(
      html`<partner-registration .adapter=${memory} token=${token} code=${code}></partner-registration>`,
    );
    const observer = new MutationObserver(() => shown.push(heading(element)));
    observer.observe(root(element), { subtree: true, childList: true, characterData: true });
    try {
      await waitUntil(() => heading(element) === "We couldn't load the next step", 'the failure', { timeout: 4000 });
    } finally {
      observer.disconnect();
    }
    expect(
      shown.filter((text) => !['', 'Loading your invitation…', 'Checking your link…', "We couldn't load the next step"].includes(text)),
      'every frame shows the wait or the failure',
    ).to.deep.equal([]);
    expect(element.step, 'the link was verified').to.equal('profile');
    expect(squash(root(element).querySelector('[part="error"]')?.textContent)).to.contain(
      "We couldn't reach the server. Check your connection and try again.",
    );
    expect(root(element).querySelector('[part="step"]')!.getAttribute('aria-busy')).to.equal('false');
    // The first screen the page shows does not take focus from the page.
    expect(root(element).activeElement).to.equal(null);
    await expect(element).to.be.accessible();

    worker.resetHandlers();
    const retry = [...root(element).querySelectorAll<HTMLButtonElement>('button')].find((button) => squash(button.textContent) === 'Try again')!;
    retry.focus();
    retry.click();
    await waitUntil(() => heading(element) === 'Complete your profile', 'the profile', { timeout: 4000 });
    expect(root(element).activeElement, 'focus moves to the new heading').to.equal(root(element).querySelector('[part~="heading"]'));
    expect(squash(root(element).textContent)).to.contain('Your account email: landing@example.com');
    expect(getComputedStyle(root(element).querySelector('.form-grid')!).display, 'the later steps bring their styles').to.equal('grid');
    await expect(element).to.be.accessible();
  });
});
