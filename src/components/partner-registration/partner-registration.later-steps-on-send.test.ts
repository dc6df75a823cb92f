/**
 * The steps after the first load on first use (later-steps.ts). Each test file runs in a page of
 * its own, so here they are not loaded yet: the idle-time preload is held back and the module's
 * first request fails (the MSW worker answers it with a network error), so "Send Email" is what
 * loads them, and fails. The partner sees a clear message on the verify step, nothing is sent,
 * and "Try again" loads them and sends. One backend is enough: the module loads once per page.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../../../test/support/wait.js';
import { http, HttpResponse } from 'msw';
import { createBackend, mockWorker } from '../../../test/support/backends.js';
import { INVITE_STATUSES, isPendingInvitation } from '../../domain/status.js';
import { currentAnnouncement } from '../../internal/live-region.js';
import './partner-registration.js';
import type { PartnerRegistration } from './partner-registration.component.js';
import { holdBackIdleWork } from '../../../test/support/idle.js';

const root = (element: PartnerRegistration) => element.shadowRoot!;
const squash = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();
const heading = (element: PartnerRegistration) => squash(root(element).querySelector('[part~="heading"]')?.textContent);
const button = (element: PartnerRegistration, name: string) =>
  [...root(element).querySelectorAll<HTMLButtonElement>('button')].find((candidate) => squash(candidate.textContent) === name);

describe('<partner-registration>: "Send Email" loads the later steps', () => {
  holdBackIdleWork();

  it('a failed load says so on the verify step and sends nothing; "Try again" loads them and sends', async () => {
    const worker = await mockWorker();
    let failedRequests = 0;
    worker.use(
      http.get(/\/partner-registration\/later-steps\.(js|ts)/, () => {
        failedRequests++;
        return HttpResponse.error();
      }),
    );
    const { memory } = await createBackend('memory');
    const partner = memory.store.listPartners({ statuses: INVITE_STATUSES.filter(isPendingInvitation), limit: 1 }).items[0]!;
    const token = memory.store.invitationToken(partner.id);
    const element = await fixture<PartnerRegistration>(
      html`<partner-registration .adapter=${memory} token=${token} resend-cooldown="0"></partner-registration>`,
    );
    await waitUntil(() => heading(element) === 'Please Verify Your Email', 'the verify step');

    button(element, 'Send Email')!.click();
    await waitUntil(() => root(element).querySelector('[part="error"]') !== null, 'the error', { timeout: 4000 });
    expect(failedRequests, 'the module was asked for').to.be.greaterThan(0);
    expect(heading(element)).to.equal('Please Verify Your Email');
    expect(squash(root(element).querySelector('[part="error"]')!.textContent)).to.contain(
      "We couldn't reach the server. Check your connection and try again.",
    );
    await waitUntil(() => currentAnnouncement('assertive').includes("We couldn't reach the server."), 'the error is announced');
    expect(memory.store.peekVerificationCode(token), 'no email without the step that follows').to.equal(null);
    await expect(element).to.be.accessible();

    worker.resetHandlers();
    const retry = button(element, 'Try again')!;
    retry.focus();
    retry.click();
    await waitUntil(() => heading(element) === 'Check your email', 'the sent step', { timeout: 4000 });
    expect(root(element).activeElement, 'focus moves to the new heading').to.equal(root(element).querySelector('[part~="heading"]'));
    expect(memory.store.peekVerificationCode(token)).to.match(/^\d{6}$/);
    expect(squash(root(element).querySelector('[part="countdown"]')?.textContent)).to.equal('Time left: 30 minutes.');
    expect(getComputedStyle(root(element).querySelector('[part~="expiry"]')!).borderRadius, 'the later steps bring their styles').to.not.equal(
      '0px',
    );
    await expect(element).to.be.accessible();
  });
});
