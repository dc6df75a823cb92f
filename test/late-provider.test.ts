/**
 * An element whose `<partner-kit-provider>` is registered after it — the
 * provider's code arrived later (the script-tag autoloader loads each tag's
 * chunk on its own), or a host defines the tags in another order — asked for
 * the adapter before anyone could answer. It gets the adapter once the
 * provider is registered, without a reload or a Retry (src/internal/
 * partner-kit-element.ts keeps such requests with Lit's ContextRoot). Its own
 * page: the provider must not be registered before the test runs.
 */
import { expect } from '@open-wc/testing';
import { waitUntil } from './support/wait.js';
import { createBackend } from './support/backends.js';

describe('an element registered before its provider', () => {
  it('shows its data once the provider is registered', async () => {
    await import('../src/components/partner-table/partner-table.js');
    expect(customElements.get('partner-kit-provider'), 'the provider is not registered yet').to.equal(undefined);
    const { adapter } = await createBackend('memory');
    const provider = document.createElement('partner-kit-provider') as HTMLElement & { adapter?: unknown };
    provider.adapter = adapter;
    const table = document.createElement('partner-table');
    provider.append(table);
    document.body.append(provider);
    const rows = () => table.shadowRoot?.querySelectorAll('tbody tr.row').length ?? 0;
    try {
      // Until the provider is registered, nobody answers the table's request.
      await waitUntil(() => (table.shadowRoot?.textContent ?? '').includes('has no adapter'), 'no adapter yet', { timeout: 5000 });
      expect(rows()).to.equal(0);

      await import('../src/components/partner-kit-provider/partner-kit-provider.js');
      await waitUntil(() => rows() > 0, 'the rows appear once the provider is registered', { timeout: 5000 });
      expect(table.shadowRoot?.textContent).not.to.contain('has no adapter');
      await expect(table).to.be.accessible();
    } finally {
      provider.remove();
    }
  });
});
