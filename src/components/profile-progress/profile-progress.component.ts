import { html, nothing, type PropertyValues } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { property, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import {
  COMPLETION_PRESETS,
  computeCompletion,
  isCompletionPreset,
  type Completion,
  type CompletionField,
  type CompletionPreset,
  type PartnerProfile,
  type ProfileKey,
} from '../../domain/completion.js';
import { KitElement } from '../../internal/kit-element.js';
import { LocaleController } from '../../internal/locale-controller.js';
import { TooltipController } from '../../internal/popup-controller.js';
import { isMessageKey } from '../../locales/index.js';
import { focusRing, popupStyles, tooltipStyles } from '../../styles/shared.js';
import { tokens } from '../../styles/tokens.js';
import { profileProgressStyles } from './profile-progress.styles.js';

/**
 * A field of a custom list: a profile key, or a field with its own key, the
 * profile keys it requires, and optionally its label (host text, shown as
 * text; without it the kit's catalogue names the field, or its key is shown).
 */
export type ProgressField = ProfileKey | (CompletionField & { label?: string });

const warned = new Set<string>();

function warnOnce(message: string): void {
  if (warned.has(message) || warned.size >= 100) return;
  warned.add(message);
  console.warn(`[partner-kit] <profile-progress>: ${message}`);
}

/** 0–100; anything else is clamped (NaN → 0) with a warning. */
function clampPercent(value: number): number {
  const clamped = Number.isNaN(value) ? 0 : Math.min(100, Math.max(0, value));
  if (clamped !== value) warnOnce(`percent ${String(value)} is not within 0–100; it shows ${clamped}.`);
  return clamped;
}

interface ProgressView {
  percent: number;
  /** Set when the progress comes from fields (not a plain percent). */
  completion: Completion | undefined;
  missingLabels: string[];
}

/**
 * @summary How complete a partner's profile is: an accessible progress bar,
 * the percentage, and which fields are missing.
 *
 * Give it a `profile` (the `progress` preset of seed 000 by default, or
 * `preset="reminders"`, or your own `fields`), or just a `percent`.
 *
 * @tag profile-progress
 *
 * @csspart base - The whole element.
 * @csspart summary - The bar and the percentage, side by side.
 * @csspart bar - The progress bar (`role="progressbar"`); its empty part is the track.
 * @csspart indicator - The filled part of the bar.
 * @csspart percent - The percentage text.
 * @csspart toggle - The "Show missing (n)" disclosure button.
 * @csspart missing-list - The list of missing fields.
 * @csspart missing-item - One missing field.
 * @csspart done - The "All fields complete" text.
 * @csspart tooltip - Compact mode: the tooltip naming the missing fields.
 *
 * @cssproperty --pk-font-family - Font. Default `inherit` (the page's font).
 * @cssproperty --pk-font-size-small - Text of the toggle, the list, the compact percentage and the tooltip.
 * @cssproperty --pk-color-track - The empty part of the bar.
 * @cssproperty --pk-color-accent - The filled part of the bar, and the toggle's text.
 * @cssproperty --pk-progress-complete-color - The filled bar when complete. Default `--pk-tone-success-fg`.
 * @cssproperty --pk-tone-success-fg - The filled bar when complete, unless `--pk-progress-complete-color` is set.
 * @cssproperty --pk-color-focus-ring - Keyboard focus outline.
 * @cssproperty --pk-color-tooltip-bg - Tooltip background (compact).
 * @cssproperty --pk-color-tooltip-fg - Tooltip text (compact).
 * @cssproperty --pk-shadow-popup - Tooltip shadow (compact).
 * @cssproperty --pk-z-popup - Tooltip stacking where the top layer is unavailable.
 * @cssproperty --pk-radius - Tooltip corner radius.
 * @cssproperty --pk-radius-pill - Bar corner radius.
 * @cssproperty --pk-space-1 - Gaps (compact, list).
 * @cssproperty --pk-space-2 - Gap between bar and percentage; tooltip padding.
 * @cssproperty --pk-space-3 - Tooltip horizontal padding.
 *
 * Text inherits the page's colour; light and dark colours follow the page's
 * `color-scheme` (see `styles/tokens.ts`).
 *
 * @example
 * ```html
 * <profile-progress percent="62"></profile-progress>
 * <profile-progress compact></profile-progress> <!-- then: element.profile = partner.profile -->
 * ```
 */
export class ProfileProgress extends KitElement {
  static override styles = [tokens, focusRing, popupStyles, tooltipStyles, profileProgressStyles];

  /** The partner's profile (as the adapter returns it). Takes precedence over `percent`. */
  @property({ attribute: false }) profile: PartnerProfile | null | undefined;

  /** A plain percentage (0–100) when there is no profile. Out of range is clamped, with a warning. */
  @property({ type: Number }) percent: number | undefined;

  /** Which fields count: `progress` (profile progress bar, default) or `reminders` (account completion). */
  @property() preset: CompletionPreset = 'progress';

  /** Your own field list; overrides `preset`. */
  @property({ attribute: false }) fields: readonly ProgressField[] | undefined;

  /** One line for a table cell: the missing fields move into a tooltip. */
  @property({ type: Boolean, reflect: true }) compact = false;

  /** The bar's accessible name, if the preset's ("Profile completion") does not fit. */
  @property() label: string | undefined;

  @state() private expanded = false;

  private readonly locale = new LocaleController(this);

  private readonly tooltip = new TooltipController(this, {
    trigger: () => this.renderRoot.querySelector<HTMLElement>('.bar'),
    tooltip: () => this.renderRoot.querySelector<HTMLElement>('.tooltip'),
    enabled: () => this.compact && this.view.missingLabels.length > 0,
    placement: 'top',
  });

  private view: ProgressView = { percent: 0, completion: undefined, missingLabels: [] };

  private get resolvedPreset(): CompletionPreset {
    if (isCompletionPreset(this.preset)) return this.preset;
    warnOnce(`preset ${JSON.stringify(String(this.preset).slice(0, 40))} is not "progress" or "reminders"; using "progress".`);
    return 'progress';
  }

  /** The keys of the missing fields, in field order (the element shows their localised names). */
  get missing(): readonly string[] {
    return this.view.completion?.missing ?? [];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.view = this.computeView();
    if (changed.has('compact')) this.expanded = false;
  }

  protected override updated(): void {
    if (this.tooltip.isOpen && !(this.compact && this.view.missingLabels.length > 0)) this.tooltip.popup.close();
  }

  /** The custom field list, if it is one (a host passing something else gets a warning and the preset). */
  private get customFields(): readonly ProgressField[] | undefined {
    if (this.fields == null || Array.isArray(this.fields)) return this.fields ?? undefined;
    warnOnce('fields must be an array of profile keys or { key, requires, label? }; using the preset.');
    return undefined;
  }

  private computeView(): ProgressView {
    const customFields = this.customFields;
    const usesFields = this.profile != null || customFields !== undefined || this.percent == null;
    if (!usesFields) {
      return { percent: clampPercent(Number(this.percent)), completion: undefined, missingLabels: [] };
    }
    const fields = customFields ?? COMPLETION_PRESETS[this.resolvedPreset];
    const completion = computeCompletion(this.profile, fields);
    const labels = new Map<string, string>();
    for (const field of fields as readonly unknown[]) {
      if (typeof field === 'object' && field !== null) {
        const { key, label } = field as { key?: unknown; label?: unknown };
        if (typeof key === 'string' && typeof label === 'string' && label.trim() !== '') labels.set(key, label);
      }
    }
    const missingLabels = completion.missing.map((key) => {
      const catalogueKey = `field.${key}`;
      return labels.get(key) ?? (isMessageKey(catalogueKey) ? this.locale.msg(catalogueKey) : key);
    });
    return { percent: completion.percent, completion, missingLabels };
  }

  private toggleMissing(): void {
    this.expanded = !this.expanded;
  }

  protected override render() {
    const { percent, completion, missingLabels } = this.view;
    const name =
      this.label ??
      this.locale.msg(this.customFields === undefined && this.resolvedPreset === 'reminders' ? 'progress.label.reminders' : 'progress.label.progress');
    const percentText = this.locale.formatPercent(percent);
    const valueText = completion
      ? this.locale.msg(this.locale.pluralCategory(completion.total) === 'one' ? 'progress.valuetext.one' : 'progress.valuetext', {
          filled: completion.filled,
          total: completion.total,
        })
      : percentText;
    const hasTooltip = this.compact && missingLabels.length > 0;
    return html`
      <div part="base" class="base ${percent >= 100 ? 'complete' : ''}" lang=${this.locale.lang}>
        <div part="summary" class="summary">
          <div
            part="bar"
            class="bar focus-ring"
            role="progressbar"
            aria-label=${name}
            aria-valuemin="0"
            aria-valuemax="100"
            aria-valuenow=${percent}
            aria-valuetext=${valueText}
            tabindex=${ifDefined(hasTooltip ? 0 : undefined)}
            aria-describedby=${hasTooltip ? 'tooltip' : nothing}
          >
            <div part="indicator" class="indicator" style=${styleMap({ width: `${percent}%` })}></div>
          </div>
          <span part="percent" class="percent" aria-hidden="true">${percentText}</span>
        </div>
        ${this.compact ? this.renderTooltip(missingLabels) : this.renderMissing(completion, missingLabels)}
      </div>
    `;
  }

  private renderMissing(completion: Completion | undefined, missingLabels: string[]) {
    if (completion === undefined) return nothing;
    if (missingLabels.length === 0) return html`<span part="done" class="done">${this.locale.msg('progress.complete')}</span>`;
    const count = missingLabels.length;
    return html`
      <button
        part="toggle"
        class="toggle focus-ring"
        type="button"
        aria-expanded=${this.expanded ? 'true' : 'false'}
        aria-controls="missing"
        @click=${this.toggleMissing}
      >
        ${this.locale.msg(this.expanded ? 'progress.hide-missing' : 'progress.show-missing', { count })}
      </button>
      <ul id="missing" part="missing-list" class="missing" aria-label=${this.locale.msg('progress.missing-list')} ?hidden=${!this.expanded}>
        ${missingLabels.map((label) => html`<li part="missing-item">${label}</li>`)}
      </ul>
    `;
  }

  private renderTooltip(missingLabels: string[]) {
    if (missingLabels.length === 0) return nothing;
    return html`<div id="tooltip" part="tooltip" class="popup tooltip" role="tooltip" hidden>
      ${this.locale.msg('progress.missing-summary', { fields: this.locale.formatList(missingLabels) })}
    </div>`;
  }
}
