import { aTimeout, expect } from '@open-wc/testing';
import { waitUntil } from '../../test/support/wait.js';
import { announce, currentAnnouncement } from './live-region.js';

describe('live region', () => {
  it('announces politely in a status region in document.body', async () => {
    announce('42 partners, sorted by name');
    await waitUntil(() => currentAnnouncement('polite') === '42 partners, sorted by name');
    const region = document.body.querySelector('[data-partner-kit-live-region="polite"]');
    expect(region?.getAttribute('aria-live')).to.equal('polite');
    expect(region?.getAttribute('role')).to.equal('status');
  });

  it('announces assertively in an alert region, separate from the polite one', async () => {
    announce('Could not move the deal', 'assertive');
    await waitUntil(() => currentAnnouncement('assertive') === 'Could not move the deal');
    expect(document.body.querySelectorAll('[data-partner-kit-live-region]')).to.have.length(2);
  });

  it('treats markup in a message as text', async () => {
    announce('<img src=x onerror="window.__pkHacked=1">');
    await waitUntil(() => currentAnnouncement('polite').startsWith('<img'));
    const region = document.body.querySelector('[data-partner-kit-live-region="polite"]')!;
    expect(region.children).to.have.length(0);
    expect((window as unknown as { __pkHacked?: number }).__pkHacked).to.equal(undefined);
  });

  it('re-announces the same message by emptying the region first', async () => {
    announce('Saved');
    await waitUntil(() => currentAnnouncement() === 'Saved');
    announce('Saved');
    expect(currentAnnouncement()).to.equal('');
    await aTimeout(80);
    expect(currentAnnouncement()).to.equal('Saved');
  });
});
