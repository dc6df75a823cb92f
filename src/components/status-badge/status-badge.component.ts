import { ReactiveElement, type PropertyValues } from '@lit/reactive-element';
import { describeStatus, type StatusInfo, type StatusTone } from '../../domain/status.js';
import { defineElement } from '../../internal/define.js';
import { element, setAttribute, setText } from '../../internal/dom.js';
import { LangController } from '../../internal/lang-controller.js';
import { lazyModule } from '../../internal/lazy-module.js';
import { LazyTooltip } from '../../internal/lazy-tooltip.js';
import { registerMessages } from '../../locales/registry.js';
import { statusLabelsEn } from '../../locales/status-labels.en.js';
import { statusBadgeStyles } from './status-badge.styles.js';

// The badge brings only the status labels; the tooltip's text comes with the tooltip.
registerMessages(statusLabelsEn);

const tooltipModule = lazyModule(() => import('./status-badge.tooltip.js').then((module) => module.statusBadgeTooltip));

// One warning per distinct unknown value, however many badges show it.
const warnedStatuses = new Set<string>();
const MAX_WARNED = 100;

function warnUnknownStatus(value: string): void {
  if (warnedStatuses.has(value) || warnedStatuses.size >= MAX_WARNED) return;
  warnedStatuses.add(value);
  console.warn(
    `[partner-kit] <status-badge>: unknown status ${JSON.stringify(value.slice(0, 100))}; it shows "Unknown status". ` +
      'Use a status code (e.g. "pending-opened") or its exact label.',
  );
}

let badgeDom: HTMLSpanElement | undefined;

/** The badge's own DOM (made once, on first use, then cloned for each badge). */
function cloneBadgeDom(): HTMLSpanElement {
  badgeDom ??= element(
    'span',
    { part: 'base' },
    element('span', { part: 'indicator', class: 'indicator', 'aria-hidden': 'true' }),
    element('span', { part: 'label', class: 'label' }),
  );
  return badgeDom.cloneNode(true) as HTMLSpanElement;
}

/** Sets a custom state (`:state(name)`); older engines only take the `--name` form, none takes nothing. */
function setCustomState(internals: ElementInternals, name: string, on: boolean): void {
  const states = internals.states;
  if (!states) return;
  for (const candidate of [name, `--${name}`]) {
    try {
      if (on) states.add(candidate);
      else states.delete(candidate);
      return;
    } catch {
      // This engine rejects this spelling: try the next one.
    }
  }
}

/**
 * @summary A co-marketing connection's status as text with a tone, and a
 * tooltip that explains it, says whether co-branded printing is allowed, and
 * what to do next.
 *
 * @tag status-badge
 *
 * @csspart base - The badge; focusable when it has a tooltip.
 * @csspart indicator - The tone's shape before the label (a circle, ring, triangle, diamond or dash); decorative.
 * @csspart label - The status text.
 * @csspart tooltip - The tooltip (meaning, print eligibility, next action); in the DOM from the first hover or focus on.
 *
 * @cssproperty --pk-font-family - Font of the badge and tooltip. Default `inherit` (the page's font).
 * @cssproperty --pk-font-size-small - Badge and tooltip text size.
 * @cssproperty --pk-radius - Tooltip corner radius.
 * @cssproperty --pk-radius-pill - Badge corner radius.
 * @cssproperty --pk-space-1 - Gap between indicator and label; space between tooltip paragraphs.
 * @cssproperty --pk-space-2 - Badge horizontal padding; tooltip vertical padding.
 * @cssproperty --pk-space-3 - Tooltip horizontal padding.
 * @cssproperty --pk-color-focus-ring - Keyboard focus outline.
 * @cssproperty --pk-color-tooltip-bg - Tooltip background.
 * @cssproperty --pk-color-tooltip-fg - Tooltip text.
 * @cssproperty --pk-shadow-popup - Tooltip shadow.
 * @cssproperty --pk-z-popup - Tooltip stacking where the top layer is unavailable.
 * @cssproperty --pk-tone-success-bg - Background of accepted statuses (`Active`, `Active - Profile Created`).
 * @cssproperty --pk-tone-success-fg - Text of accepted statuses.
 * @cssproperty --pk-tone-info-bg - Background of statuses waiting on the partner (sent, delivered, opened, link clicked).
 * @cssproperty --pk-tone-info-fg - Text of statuses waiting on the partner.
 * @cssproperty --pk-tone-warning-bg - Background of "Email Not Sent".
 * @cssproperty --pk-tone-warning-fg - Text of "Email Not Sent".
 * @cssproperty --pk-tone-danger-bg - Background of "Email Not Delivered".
 * @cssproperty --pk-tone-danger-fg - Text of "Email Not Delivered".
 * @cssproperty --pk-tone-neutral-bg - Background of an unknown status.
 * @cssproperty --pk-tone-neutral-fg - Text of an unknown status.
 *
 * @attr {boolean} print-eligible - Read-only, set by the element: co-branded material may go to a printer.
 * @attr {'success' | 'info' | 'warning' | 'danger' | 'neutral'} tone - Read-only, set by the element: the status's tone.
 *
 * @cssstate print-eligible - Co-branded material may go to a printer (also the `print-eligible` attribute).
 *
 * Light and dark colours follow the page's `color-scheme` (see `styles/tokens.ts`).
 *
 * The element itself draws no box (`display: contents`): the badge is its
 * `base` part, so a table with a badge on every row lays out one box per
 * badge. Style it with `::part(base)`; to give the element margins, give it a
 * display of its own (`status-badge { display: inline-block; margin: … }`).
 *
 * @example
 * ```html
 * <status-badge status="pending-opened"></status-badge>
 * <status-badge status="Active - Profile Created"></status-badge>
 * ```
 */
export class StatusBadge extends ReactiveElement {
  static override styles = statusBadgeStyles;

  // Declared here rather than with decorators, whose code would add 0.4 KB (gzip) to this small element.
  static override get properties() {
    return {
      status: { reflect: true },
      noTooltip: { type: Boolean, reflect: true, attribute: 'no-tooltip' },
    };
  }

  /**
   * The status: a code (`pending-opened`, `profile-created-sent`…) as the
   * adapter gives it, or an exact label (`Pending - Email Opened`). Anything
   * else shows "Unknown status".
   */
  declare status: string | undefined;

  /** No tooltip (and no tab stop): for dense places that explain statuses elsewhere. */
  noTooltip = false;

  private readonly locale = new LangController(this);

  private readonly tooltip = new LazyTooltip(this, {
    module: tooltipModule,
    trigger: () => this.renderRoot.querySelector<HTMLElement>('.badge'),
    tooltip: () => this.renderRoot.querySelector<HTMLElement>('.tooltip'),
    enabled: () => !this.noTooltip,
    placement: 'top',
  });

  // Attached when the badge is first print-eligible: most badges never need it.
  private internals: ElementInternals | undefined;

  private described: { status: string | undefined; info: StatusInfo } | undefined;

  private base: HTMLSpanElement | undefined;
  private tooltipElement: HTMLDivElement | undefined;
  private tooltipText = '';

  /** Registers this class under `tagName`, safely (see `defineElement`). */
  static define(tagName: string): void {
    defineElement(tagName, this);
  }

  /** Everything known about the current status (code, label, tone, print eligibility, next action). */
  get info(): StatusInfo {
    if (this.described === undefined || this.described.status !== this.status) {
      this.described = { status: this.status, info: describeStatus(this.status) };
    }
    return this.described.info;
  }

  /** Whether co-branded material may be sent to a printer (cost sharing). Read-only. */
  get printEligible(): boolean {
    return this.info.printEligible;
  }

  /** The tone of the status. Read-only; reflected as the `tone` attribute for styling. */
  get tone(): StatusTone {
    return this.info.tone;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.hasUpdated || changed.has('status')) {
      const { code, printEligible, tone } = this.info;
      if (this.status && code === 'unknown') warnUnknownStatus(this.status);
      // Before the first render, with the other attributes: no second style pass for these two.
      this.setAttribute('tone', tone);
      this.toggleAttribute('print-eligible', printEligible);
      if (printEligible && this.internals === undefined && typeof this.attachInternals === 'function') {
        this.internals = this.attachInternals();
      }
      if (this.internals !== undefined) setCustomState(this.internals, 'print-eligible', printEligible);
    }
    if (changed.has('noTooltip') && this.noTooltip) this.tooltip.close();
  }

  protected override update(changed: PropertyValues<this>): void {
    super.update(changed);
    this.renderBadge();
  }

  /**
   * The badge's DOM does not change shape (a span with the indicator and the
   * label, and from the first hover or focus on the tooltip), so it is made
   * and updated by hand: no template engine to load or run for each of the
   * thousand badges a table may show.
   */
  private renderBadge(): void {
    const { code, tone, printEligible, nextAction } = this.info;
    const { lang } = this.locale;
    const hasTooltip = !this.noTooltip;
    const tooltipRendered = hasTooltip && this.tooltip.active;
    const base = (this.base ??= cloneBadgeDom());
    setAttribute(base, 'class', `badge tone-${tone} focus-ring`);
    setAttribute(base, 'lang', lang);
    setAttribute(base, 'tabindex', hasTooltip ? '0' : null);
    setAttribute(base, 'aria-describedby', tooltipRendered ? 'tooltip' : null);
    setText(base.lastChild!, this.locale.msg(`status.label.${code}`));
    // Filled in before it is attached: one style pass for the new badge, not one per change.
    if (base.parentNode === null) this.renderRoot.prepend(base);

    if (!tooltipRendered) {
      this.tooltipElement?.remove();
      this.tooltipElement = undefined;
      this.tooltipText = '';
      return;
    }
    if (this.tooltipElement === undefined) {
      // Rendered hidden: the tooltip controller shows it (see PopupController).
      this.tooltipElement = element('div', { id: 'tooltip', part: 'tooltip', class: 'popup tooltip', role: 'tooltip', hidden: '' });
      this.renderRoot.append(this.tooltipElement);
    }
    setAttribute(this.tooltipElement, 'lang', lang);
    const texts = [
      this.locale.msg(`status.description.${code}`),
      this.locale.msg(printEligible ? 'status.print.allowed' : 'status.print.not-allowed'),
      ...(code === 'unknown' ? [] : [this.locale.msg(`status.hint.${nextAction}`)]),
    ];
    // Opening and closing the tooltip update the badge too: the text is replaced only when it changed.
    if (texts.join('\n') === this.tooltipText) return;
    this.tooltipText = texts.join('\n');
    this.tooltipElement.replaceChildren(...texts.map((text) => element('p', {}, text)));
  }
}
