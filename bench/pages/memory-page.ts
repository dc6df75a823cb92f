/**
 * Memory scenario: mount and remove one element many times. The runner
 * measures the heap (after forced garbage collection) and the listeners on
 * window and document through the DevTools protocol; this page reports what
 * only it can see: intervals, adapter subscriptions, nodes and popups left.
 */
import type { Role } from '../../src/domain/permissions.js';
import { createBenchAdapter, type BenchAdapter } from './adapter-setup.js';
import { deepQueryAll, exposeBench, nextTask } from './harness.js';
import { activeIntervals } from './timer-census.js';

interface ElementSetup {
  role?: Role;
  props?: (bench: BenchAdapter) => Record<string, unknown>;
}

/** What each element needs to render its real content (not an empty or "missing input" state). */
const SETUPS: Record<string, ElementSetup> = {
  'status-badge': { props: () => ({ status: 'pending-opened' }) },
  'profile-progress': {
    props: () => ({ profile: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', jobTitle: 'Agent' } }),
  },
  'partner-table': { role: 'lender' },
  'invite-wizard': { role: 'lender' },
  'partner-registration': {
    props: (bench) => {
      const pending = bench.adapter.store.listPartners({ statuses: ['pending-opened'], limit: 1 }).items[0];
      return pending ? { token: bench.adapter.store.invitationToken(pending.id) } : {};
    },
  },
  'partner-deal-board': { role: 'partner' },
  'portal-settings': { role: 'admin' },
  'partner-settings': { role: 'partner' },
  'shared-clients': { role: 'lender' },
};

type KitElementLike = HTMLElement & { updateComplete?: Promise<unknown> } & Record<string, unknown>;

export function exposeMemoryPage(tag: string): void {
  const setup = SETUPS[tag] ?? {};
  let bench: BenchAdapter | undefined;
  let mounts = 0;

  /** Lets the element load its data through the adapter (zero latency: a few tasks) and render it. */
  const settle = async (element: KitElementLike) => {
    for (let round = 0; round < 4; round++) {
      await element.updateComplete;
      await nextTask();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  };

  exposeBench({
    prepare() {
      bench = createBenchAdapter({ record: false, ...(setup.role ? { role: setup.role } : {}) });
      if (!customElements.get(tag)) throw new Error(`<${tag}> is not registered`);
      return {};
    },

    async cycles(count: number) {
      if (!bench) throw new Error('prepare() first');
      const props = setup.props?.(bench) ?? {};
      let renderedElements = 0;
      for (let i = 0; i < count; i++) {
        const element = document.createElement(tag) as KitElementLike;
        element['adapter'] = bench.adapter;
        Object.assign(element, props);
        document.body.append(element);
        await settle(element);
        // Proof that each mount rendered its content, not just an empty shell.
        if (i === count - 1) renderedElements = deepQueryAll(element, '*').length;
        element.remove();
        await nextTask();
        mounts++;
      }
      return { mounts, renderedElements };
    },

    census() {
      return {
        intervals: activeIntervals(),
        subscriptions: bench?.activeSubscriptions() ?? 0,
        nodes: document.getElementsByTagName('*').length,
        bodyChildren: document.body.childElementCount,
        openPopovers: document.querySelectorAll(':popover-open').length,
        openDialogs: document.querySelectorAll('dialog[open]').length,
      };
    },
  });
}
