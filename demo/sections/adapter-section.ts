import { html } from 'lit';
import { describeCapabilities } from '../../src/adapter/validate.js';
import type { DemoSection } from './index.js';

/** The adapter itself: what it can do, and its live feed (which the designer can drive). */
export const adapterSection: DemoSection = {
  id: 'adapter',
  title: 'Adapter and session',
  render({ adapter, transport, memory }) {
    const capabilities = Object.entries(describeCapabilities(adapter));
    const advanceInvitation = () => {
      const [partnerId] = memory.store.advanceablePartnerIds();
      const partner = partnerId ? memory.simulateInvitationProgress(partnerId) : null;
      const result = document.getElementById('advance-result');
      if (result) {
        result.textContent = partner
          ? `${partner.firstName || partner.email} is now "${partner.status}".`
          : 'No pending invitation is left to move on.';
      }
    };
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
      <p>
        A timer moves a pending invitation on (Not Delivered → Delivered → Opened → Link Clicked) and a deal to its
        next stage every few seconds; or move an invitation on now:
        <button type="button" @click=${advanceInvitation}>Advance an invitation</button>
        <span id="advance-result" role="status"></span>
      </p>
      <pre class="demo-log" id="change-log" aria-label="Change log"></pre>
    `;
  },
};
