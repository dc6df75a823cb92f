import { html, nothing, type PropertyValues } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { property } from 'lit/decorators.js';
import { describeStatus, type StatusInfo, type StatusTone } from '../../domain/status.js';
import { KitElement } from '../../internal/kit-element.js';
import { LocaleController } from '../../internal/locale-controller.js';
import { TooltipController } from '../../internal/popup-controller.js';
import { focusRing, popupStyles, tooltipStyles } from '../../styles/shared.js';
import { tokens } from '../../styles/tokens.js';
import { statusBadgeStyles } from './status-badge.styles.js';

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

/** Sets a custom state (`:state(name)`); older engines only take the `--name` form, none takes nothing. */
function setCustomState(internals: ElementInternals | undefined, name: string, on: boolean): void {
  const states = internals?.states;
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
 * @csspart tooltip - The tooltip (meaning, print eligibility, next action).
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
 * @example
 * ```html
 * <status-badge status="pending-opened"></status-badge>
 * <status-badge status="Active - Profile Created"></status-badge>
 * ```
 */
export class StatusBadge extends KitElement {
  static override styles = [tokens, focusRing, popupStyles, tooltipStyles, statusBadgeStyles];

  /**
   * The status: a code (`pending-opened`, `profile-created-sent`…) as the
   * adapter gives it, or an exact label (`Pending - Email Opened`). Anything
   * else shows "Unknown status".
   */
  @property({ reflect: true }) status: string | undefined;

  /** No tooltip (and no tab stop): for dense places that explain statuses elsewhere. */
  @property({ type: Boolean, reflect: true, attribute: 'no-tooltip' }) noTooltip = false;

  private readonly locale = new LocaleController(this);

  private readonly tooltip = new TooltipController(this, {
    trigger: () => this.renderRoot.querySelector<HTMLElement>('.badge'),
    tooltip: () => this.renderRoot.querySelector<HTMLElement>('.tooltip'),
    enabled: () => !this.noTooltip,
    placement: 'top',
  });

  private readonly internals: ElementInternals | undefined =
    typeof this.attachInternals === 'function' ? this.attachInternals() : undefined;

  private described: { status: string | undefined; info: StatusInfo } | undefined;

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
    if (changed.has('status') && this.status && this.info.code === 'unknown') warnUnknownStatus(this.status);
    if (changed.has('noTooltip') && this.noTooltip) this.tooltip.popup.close();
  }

  protected override updated(): void {
    const { printEligible, tone } = this.info;
    this.toggleAttribute('print-eligible', printEligible);
    this.setAttribute('tone', tone);
    setCustomState(this.internals, 'print-eligible', printEligible);
  }

  protected override render() {
    const { code, tone, printEligible, nextAction } = this.info;
    const hasTooltip = !this.noTooltip;
    return html`
      <span
        part="base"
        class="badge tone-${tone} focus-ring"
        lang=${this.locale.lang}
        tabindex=${ifDefined(hasTooltip ? 0 : undefined)}
        aria-describedby=${hasTooltip ? 'tooltip' : nothing}
      >
        <span part="indicator" class="indicator" aria-hidden="true"></span>
        <span part="label" class="label">${this.locale.msg(`status.label.${code}`)}</span>
      </span>
      ${hasTooltip
        ? html`<div id="tooltip" part="tooltip" class="popup tooltip" role="tooltip" lang=${this.locale.lang} hidden>
            <p>${this.locale.msg(`status.description.${code}`)}</p>
            <p>${this.locale.msg(printEligible ? 'status.print.allowed' : 'status.print.not-allowed')}</p>
            ${code === 'unknown' ? nothing : html`<p>${this.locale.msg(`status.hint.${nextAction}`)}</p>`}
          </div>`
        : nothing}
    `;
  }
}
