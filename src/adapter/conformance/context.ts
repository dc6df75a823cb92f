/**
 * What every check receives: the adapter behind the validating wrapper, the
 * raw adapter (only the cancellation checks use it), the suite options, and
 * the fixtures — taken from the options when given, otherwise discovered
 * through the adapter's own list methods, once per group.
 */
import { hasCapability, validateAdapter } from '../validate.js';
import { newIdempotencyKey } from '../idempotency.js';
import { isPendingInvitation } from '../../domain/status.js';
import type { AdapterMethod, PartnerKitAdapter } from '../types.js';
import type { Deal, Organisation, Partner, Workflow } from '../schemas.js';
import { ConformanceError, assert, skipCheck } from './assert.js';
import { collectDeals, collectPartners } from './paging.js';
import type { ConformanceGroupId } from './check.js';

/** Ids and emails the suite may use; anything left out is discovered through the adapter. */
export interface ConformanceFixtures {
  /** A partner whose invitation is still pending (getInvitationLink, resendInvitation). */
  pendingPartnerId?: string;
  /** A partner whose profile the viewer may update (updatePartnerProfile). */
  editablePartnerId?: string;
  /** The organisation whose deals, brokers and portal settings the suite uses. */
  organisationId?: string;
  /** A workflow of that organisation with at least two stages. */
  workflowId?: string;
  /** An open deal in that workflow that the suite may move and add notes to. */
  dealId?: string;
  /** The broker for deals the suite creates (`null`: none). */
  brokerId?: string | null;
  /**
   * Makes an email address nobody was ever invited with. Default:
   * `pk-conformance-<run>-<n>@example.com`.
   */
  newEmail?: () => string;
}

export interface ConformanceOptions {
  /** A fresh adapter, seeded with data; called once per group of checks. */
  createAdapter: () => PartnerKitAdapter | Promise<PartnerKitAdapter>;
  fixtures?: ConformanceFixtures;
  /** Methods whose checks are reported as skipped even though the adapter has them. */
  skip?: readonly AdapterMethod[];
  /** Run only these groups (default: all), e.g. `['cancellation']` against a slow adapter. */
  groups?: readonly ConformanceGroupId[];
  /**
   * Every call of this adapter takes at least this long (ms). When given, the
   * suite also aborts calls mid-flight and expects them to reject sooner.
   */
  latencyMs?: number;
  /**
   * How long a pushed change may take to arrive after a mutation (ms, default
   * 6000: longer than the REST adapter's default 5 s poll).
   */
  changeTimeoutMs?: number;
  /** Page size used when walking lists (default 7, so that seeded data spans several pages). */
  pageSize?: number;
  /** Timeout of one check (ms, default 20000, or longer when changeTimeoutMs needs it). */
  timeoutMs?: number;
}

export interface ResolvedOptions {
  skip: ReadonlySet<AdapterMethod>;
  latencyMs: number | undefined;
  changeTimeoutMs: number;
  pageSize: number;
  timeoutMs: number;
}

export function resolveOptions(options: ConformanceOptions): ResolvedOptions {
  const changeTimeoutMs = options.changeTimeoutMs ?? 6000;
  return {
    skip: new Set(options.skip ?? []),
    latencyMs: options.latencyMs !== undefined && options.latencyMs > 0 ? options.latencyMs : undefined,
    changeTimeoutMs,
    pageSize: Math.max(1, Math.floor(options.pageSize ?? 7)),
    // The unsubscribe check may wait for two changes and a quiet period after them.
    timeoutMs: options.timeoutMs ?? Math.max(20_000, 3 * changeTimeoutMs + 5000),
  };
}

let runCounter = 0;

function defaultEmailFactory(): () => string {
  runCounter += 1;
  const run = `${Date.now().toString(36)}${runCounter}${Math.random().toString(36).slice(2, 6)}`;
  let n = 0;
  return () => {
    n += 1;
    return `pk-conformance-${run}-${n}@example.com`;
  };
}

/** Fails (not skips) with a message an integrator can act on. */
function missing(what: string, fixture: keyof ConformanceFixtures): never {
  throw new ConformanceError(`the suite found no ${what} through the adapter: pass fixtures.${fixture}`);
}

export interface Organisational {
  organisation: { id: string; defaultWorkflowId: string | null } | Organisation;
  workflow: Workflow | null;
  workflowId: string;
}

export class CheckContext {
  readonly adapter: PartnerKitAdapter;
  readonly raw: PartnerKitAdapter;
  readonly options: ResolvedOptions;
  readonly newEmail: () => string;
  private readonly fixtures: ConformanceFixtures;
  private readonly memo = new Map<string, Promise<unknown>>();

  constructor(raw: PartnerKitAdapter, options: ResolvedOptions, fixtures: ConformanceFixtures) {
    this.raw = raw;
    this.adapter = validateAdapter(raw);
    this.options = options;
    this.fixtures = fixtures;
    this.newEmail = fixtures.newEmail ?? defaultEmailFactory();
  }

  can(method: AdapterMethod): boolean {
    return hasCapability(this.adapter, method);
  }

  /** The adapter's method, or skips the check when the adapter cannot do it. */
  need<M extends Exclude<AdapterMethod, 'subscribe'>>(method: M): NonNullable<PartnerKitAdapter[M]> {
    if (!this.can(method)) skipCheck(`the adapter has no ${method}`);
    if (this.options.skip.has(method)) skipCheck(`${method} is in options.skip`);
    const fn = this.adapter[method] as NonNullable<PartnerKitAdapter[M]>;
    return (fn as (...args: unknown[]) => unknown).bind(this.adapter) as NonNullable<PartnerKitAdapter[M]>;
  }

  key(): string {
    return newIdempotencyKey();
  }

  private once<T>(name: string, load: () => Promise<T>): Promise<T> {
    let value = this.memo.get(name) as Promise<T> | undefined;
    if (!value) {
      value = load();
      this.memo.set(name, value);
      // A failed discovery is retried by the next check rather than cached.
      value.catch(() => this.memo.delete(name));
    }
    return value;
  }

  /** Every partner, walked once per group (listing checks compare against it). */
  allPartners(): Promise<Partner[]> {
    return this.once('allPartners', async () => {
      this.need('listPartners');
      return (await collectPartners(this.adapter, { limit: this.options.pageSize })).items;
    });
  }

  /** The organisation and workflow of the deal checks. */
  organisational(): Promise<Organisational> {
    return this.once('organisational', async () => {
      let organisation: Organisational['organisation'] | undefined;
      if (this.fixtures.organisationId !== undefined) {
        organisation = { id: this.fixtures.organisationId, defaultWorkflowId: null };
        if (this.can('listOrganisations')) {
          const all = await this.adapter.listOrganisations!();
          organisation = all.find((org) => org.id === this.fixtures.organisationId) ?? organisation;
        }
      } else if (this.can('listOrganisations')) {
        organisation = (await this.adapter.listOrganisations!())[0];
      }
      if (!organisation) {
        const session = await this.adapter.getSession();
        organisation = { id: session.organisation.id, defaultWorkflowId: null };
      }
      let workflows: Workflow[] = [];
      if (this.can('listWorkflows')) workflows = await this.adapter.listWorkflows!(organisation.id);
      const workflowId =
        this.fixtures.workflowId ??
        organisation.defaultWorkflowId ??
        workflows.find((workflow) => workflow.stages.length >= 2)?.id ??
        missing(`workflow of organisation ${organisation.id}`, 'workflowId');
      const workflow = workflows.find((candidate) => candidate.id === workflowId) ?? null;
      return { organisation, workflow, workflowId };
    });
  }

  /** A workflow with its stages (moving a deal needs somewhere to move it to). */
  async workflowWithStages(): Promise<Workflow> {
    this.need('listWorkflows');
    const { workflow, workflowId, organisation } = await this.organisational();
    assert(workflow, `listWorkflows(${JSON.stringify(organisation.id)}) does not include workflow ${workflowId}`);
    assert(workflow.stages.length >= 2, `workflow ${workflowId} has fewer than two stages: pass fixtures.workflowId`);
    return workflow;
  }

  brokerId(): Promise<string | null> {
    return this.once('brokerId', async () => {
      if (this.fixtures.brokerId !== undefined) return this.fixtures.brokerId;
      if (!this.can('listBrokers')) return null;
      const { organisation } = await this.organisational();
      return (await this.adapter.listBrokers!(organisation.id))[0]?.id ?? null;
    });
  }

  /** An open deal the checks may move and annotate. */
  deal(): Promise<Deal> {
    return this.once('deal', async () => {
      if (this.fixtures.dealId !== undefined) return this.need('getDeal')(this.fixtures.dealId);
      this.need('listDeals');
      const { organisation, workflowId } = await this.organisational();
      const { items } = await collectDeals(this.adapter, {
        organisationId: organisation.id,
        workflowId,
        limit: this.options.pageSize,
      });
      return items.find((deal) => !deal.closed) ?? missing(`open deal in workflow ${workflowId}`, 'dealId');
    });
  }

  /** A partner with a pending invitation: the fixture, one from the list, or a freshly invited one. */
  pendingPartner(): Promise<string> {
    return this.once('pendingPartner', async () => {
      if (this.fixtures.pendingPartnerId !== undefined) return this.fixtures.pendingPartnerId;
      if (this.can('listPartners')) {
        const pending = (await this.allPartners()).find((partner) => isPendingInvitation(partner.status));
        if (pending) return pending.id;
      }
      if (this.can('createInvitations')) return this.invite(this.newEmail());
      return skipCheck('needs a pending partner: pass fixtures.pendingPartnerId or implement listPartners');
    });
  }

  /** A partner whose profile may be updated. */
  editablePartner(): Promise<Partner> {
    return this.once('editablePartner', async () => {
      if (this.fixtures.editablePartnerId !== undefined) {
        if (this.can('getPartner')) return (await this.adapter.getPartner!(this.fixtures.editablePartnerId)).partner;
        return skipCheck('needs getPartner to read fixtures.editablePartnerId');
      }
      if (!this.can('listPartners')) return skipCheck('needs fixtures.editablePartnerId or listPartners');
      const partners = await this.allPartners();
      return (
        partners.find((partner) => partner.allowsProfileUpdates) ?? partners[0] ?? missing('partner', 'editablePartnerId')
      );
    });
  }

  /** Invites one new email and returns the partner id the adapter reports. */
  async invite(email: string, idempotencyKey = this.key()): Promise<string> {
    const { results } = await this.need('createInvitations')([{ email }], { idempotencyKey });
    const result = results.find((entry) => entry.email.toLowerCase() === email.toLowerCase());
    assert(result, `createInvitations([${JSON.stringify(email)}]): no result for that email in ${JSON.stringify(results)}`);
    assert(
      result.outcome === 'sent' && result.partnerId !== null,
      `createInvitations([${JSON.stringify(email)}]) of a new email: expected outcome 'sent' with a partnerId, got ${JSON.stringify(result)}`,
    );
    return result.partnerId;
  }
}
