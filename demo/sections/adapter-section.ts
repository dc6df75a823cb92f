import { html } from 'lit';
import { describeCapabilities } from '../../src/adapter/validate.js';
import type { DemoSection } from './index.js';

/** The adapter itself: what the session says and what the adapter can do. */
export const adapterSection: DemoSection = {
  id: 'adapter',
  title: 'Adapter and session',
  render({ adapter, transport }) {
    const capabilities = Object.entries(describeCapabilities(adapter));
    return html`
      <p>
        Transport: <strong>${transport === 'rest' ? 'REST adapter over MSW (fetch)' : 'in-memory adapter'}</strong>.
        Every element below uses this adapter through <code>&lt;partner-kit-provider&gt;</code>.
      </p>
      <h3>Capabilities</h3>
      <div class="demo-grid">
        ${capabilities.map(([method, available]) => html`<span>${available ? '✔' : '✘'} ${method}</span>`)}
      </div>
      <h3>Live changes (from <code>adapter.subscribe</code>)</h3>
      <pre class="demo-log" id="change-log" aria-live="off"></pre>
    `;
  },
};
