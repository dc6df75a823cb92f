/**
 * What `<shared-clients>` shows before its screen, and the screen uses for its
 * own list: loading, and a failed load with "Try again" (announced, with focus
 * moved to what the retried load shows). This is all of the element that loads
 * with the page; the screen (shared-clients-screen.ts) loads on first use
 * together with the overview (`withModule`).
 */
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { PartnerKitError, type ErrorCode } from '../../adapter/errors.js';
import type { PartnerKitAdapter } from '../../adapter/types.js';
import { announce } from '../../internal/live-region.js';
import type { LocaleController } from '../../internal/locale-controller.js';
import { registerMessages, type MessageKey } from '../../locales/index.js';
import { sharedClientsStatesEn } from '../../locales/shared-clients.en.js';

// The states' strings now, the screen's with it, Spanish (all of them) when the page needs it.
registerMessages(sharedClientsStatesEn, {
  es: () => import('../../locales/shared-clients.es.js').then((module) => module.sharedClientsEs),
});

/** What failed to load: the whole element (`overview`) or the co-shared list. */
export type Scope = 'overview' | 'clients';

const ERROR_MESSAGES: Readonly<Partial<Record<ErrorCode, MessageKey>>> = {
  network: 'shared-clients.error.network',
  timeout: 'shared-clients.error.timeout',
  unauthorized: 'shared-clients.error.unauthorized',
  forbidden: 'shared-clients.error.forbidden',
  not_found: 'shared-clients.error.not_found',
  rate_limited: 'shared-clients.error.rate_limited',
  contract: 'shared-clients.error.contract',
};

/** The adapter, or the reason there is none, as a string: a stable task argument (a new error object each time would re-run the load forever). */
export function usableAdapter(adapterOrReason: PartnerKitAdapter | string): PartnerKitAdapter {
  if (typeof adapterOrReason === 'string') throw new PartnerKitError('contract', adapterOrReason);
  return adapterOrReason;
}

type StatesHost = ReactiveControllerHost & { readonly renderRoot: ParentNode };

/** Loading and failed-load blocks, their announcements, and focus after "Try again". */
export class SharedClientsStates implements ReactiveController {
  private readonly reported = new WeakSet<PartnerKitError>();
  /** After "Try again": where focus goes once the retried load is no longer pending. */
  private focusAfterLoad: { selector: string; settled: () => boolean } | null = null;

  constructor(
    private readonly host: StatesHost,
    private readonly locale: LocaleController,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const focus = this.focusAfterLoad;
    if (focus === null || !focus.settled()) return;
    this.focusAfterLoad = null;
    this.host.renderRoot.querySelector<HTMLElement>(focus.selector)?.focus();
  }

  /** Once the retried load has settled, `selector` (its heading, or "Try again" again) takes focus. */
  focusWhenSettled(selector: string, settled: () => boolean): void {
    this.focusAfterLoad = { selector, settled };
  }

  /** Announces a failed load once; a contract failure also tells the integrator which field of which response. */
  report(scope: Scope, error: PartnerKitError | undefined): void {
    if (error === undefined || this.reported.has(error)) return;
    this.reported.add(error);
    announce(`${this.title(scope)}. ${this.message(error)}`, 'assertive');
    if (error.code === 'contract') console.warn(`[partner-kit] <shared-clients>: ${error.message}`);
  }

  loading(): TemplateResult {
    return html`<p part="loading" class="loading" role="status">
      <span class="spinner" aria-hidden="true"></span>${this.locale.msg('shared-clients.loading')}
    </p>`;
  }

  error(scope: Scope, error: PartnerKitError, retry: () => void): TemplateResult {
    return html`<div part="error" class="error">
      <p part="error-title" class="error-title">${this.title(scope)}</p>
      <p part="error-message" class="error-message">${this.message(error)}</p>
      <button part="retry-button" class="button small focus-ring" type="button" @click=${retry}>
        ${this.locale.msg('shared-clients.retry')}
      </button>
    </div>`;
  }

  private title(scope: Scope): string {
    return this.locale.msg(scope === 'overview' ? 'shared-clients.error.title' : 'shared-clients.error.list-title');
  }

  private message(error: PartnerKitError): string {
    return this.locale.msg(ERROR_MESSAGES[error.code] ?? 'shared-clients.error.other');
  }
}
