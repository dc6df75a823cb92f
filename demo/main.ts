import { html, render } from 'lit';
import '../src/define.js';
import { createMemoryAdapter } from '../src/adapter/memory/index.js';
import { createRestAdapter } from '../src/adapter/rest/rest-adapter.js';
import type { PartnerKitAdapter } from '../src/adapter/types.js';
import { ROLES } from '../src/domain/permissions.js';
import { startMockBackend } from '../src/mocks/browser.js';
import { SECTIONS, type DemoContext } from './sections/index.js';
import { readState, writeState, type DemoState } from './state.js';

const API_BASE = new URL('api/', location.href).href;

let state = readState();
// Dates are relative to today so reminders and "invited 3 days ago" read naturally.
const memory = createMemoryAdapter({ seed: 7, referenceDate: new Date(), latency: state.latency, failureRate: state.failureRate });
const rest = createRestAdapter({ baseUrl: API_BASE, pollIntervalMs: 2000 });
/** Whether the MSW service worker is serving the REST contract (else the demo uses the memory adapter directly). */
let mockBackendReady = false;

const provider = document.getElementById('kit') as HTMLElement & { adapter: PartnerKitAdapter | undefined };
const sectionsRoot = document.querySelector('.demo-sections') as HTMLElement;
const controlsRoot = document.querySelector('.demo-controls') as HTMLFormElement;
const navRoot = document.querySelector('.demo-nav') as HTMLElement;

function applyState(next: DemoState): void {
  state = next;
  writeState(state);
  document.documentElement.dataset.theme = state.theme;
  document.documentElement.lang = state.locale;
  memory.store.setSession({
    role: state.role,
    switches: {
      profilePrefill: state.profilePrefill,
      profileEditing: state.profileEditing,
      partnersAddDeals: state.partnersAddDeals,
    },
  });
  memory.setLatency(state.latency);
  memory.setFailureRate(state.failureRate);
  const adapter = state.transport === 'rest' && mockBackendReady ? rest : memory;
  provider.adapter = adapter;
  renderPage({ state, adapter, memory, transport: adapter === rest ? 'rest' : 'memory' });
}

function update<K extends keyof DemoState>(key: K, value: DemoState[K]) {
  applyState({ ...state, [key]: value });
}

function renderControls() {
  const checkbox = (key: 'profilePrefill' | 'profileEditing' | 'partnersAddDeals', label: string) => html`
    <label><input type="checkbox" .checked=${state[key]} @change=${(e: Event) => update(key, (e.target as HTMLInputElement).checked)} /> ${label}</label>
  `;
  return html`
    <label>Role
      <select @change=${(e: Event) => update('role', (e.target as HTMLSelectElement).value as DemoState['role'])}>
        ${ROLES.map((role) => html`<option value=${role} ?selected=${state.role === role}>${role}</option>`)}
      </select>
    </label>
    <fieldset>
      <legend>Organisation switches</legend>
      ${checkbox('profilePrefill', 'Profile pre-fill')} ${checkbox('profileEditing', 'Partner profile editing')}
      ${checkbox('partnersAddDeals', 'Partners add deals')}
    </fieldset>
    <label>Latency (ms)
      <input type="number" min="0" max="5000" step="100" .value=${String(state.latency)}
        @change=${(e: Event) => update('latency', Number((e.target as HTMLInputElement).value) || 0)} />
    </label>
    <label>Failure rate
      <select @change=${(e: Event) => update('failureRate', Number((e.target as HTMLSelectElement).value))}>
        ${[0, 0.1, 0.3, 1].map((rate) => html`<option value=${rate} ?selected=${state.failureRate === rate}>${rate * 100}%</option>`)}
      </select>
    </label>
    <label>Theme
      <select @change=${(e: Event) => update('theme', (e.target as HTMLSelectElement).value as DemoState['theme'])}>
        ${(['light', 'dark', 'brand'] as const).map((theme) => html`<option value=${theme} ?selected=${state.theme === theme}>${theme}</option>`)}
      </select>
    </label>
    <label>Locale
      <select @change=${(e: Event) => update('locale', (e.target as HTMLSelectElement).value as DemoState['locale'])}>
        <option value="en" ?selected=${state.locale === 'en'}>English</option>
        <option value="es" ?selected=${state.locale === 'es'}>Español</option>
      </select>
    </label>
    <label>Transport
      <select @change=${(e: Event) => update('transport', (e.target as HTMLSelectElement).value as DemoState['transport'])}>
        <option value="rest" ?selected=${state.transport === 'rest'}>REST over MSW</option>
        <option value="memory" ?selected=${state.transport === 'memory'}>In-memory</option>
      </select>
    </label>
  `;
}

function renderPage(context: DemoContext) {
  render(renderControls(), controlsRoot);
  render(
    html`<ul>${SECTIONS.map((section) => html`<li><a href="#${section.id}">${section.title}</a></li>`)}</ul>`,
    navRoot,
  );
  render(
    SECTIONS.map(
      (section) => html`<section class="demo-section" id=${section.id} aria-labelledby="${section.id}-title">
        <h2 id="${section.id}-title">${section.title}</h2>
        ${section.render(context)}
      </section>`,
    ),
    sectionsRoot,
  );
}

applyState(state);

// MSW needs a service worker; where none can start (some embedded or headless
// browsers), the demo says so and stays on the in-memory adapter.
try {
  await Promise.race([
    startMockBackend(memory, {
      baseUrl: API_BASE,
      quiet: true,
      serviceWorkerUrl: new URL('mockServiceWorker.js', location.href).pathname,
    }),
    new Promise((_, reject) => setTimeout(() => reject(new Error('the service worker did not start within 3 s')), 3000)),
  ]);
  mockBackendReady = true;
  applyState(state);
} catch (error) {
  document.querySelector('.demo-header p')!.textContent =
    `The mock REST backend could not start (${(error as Error).message}): every element uses the in-memory adapter directly.`;
}

// The change log: what the live feed pushes, as text.
const log: string[] = [];
memory.subscribe((change) => {
  log.unshift(`${new Date().toLocaleTimeString()} ${change.type}`);
  log.length = Math.min(log.length, 50);
  const element = document.getElementById('change-log');
  if (element) element.textContent = log.join('\n');
});
memory.startLiveUpdates({ intervalMs: 6000 });
