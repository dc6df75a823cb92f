import { ReactiveElement, type PropertyValues } from '@lit/reactive-element';
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
import { defineElement } from '../../internal/define.js';
import { element, setAttribute, setText } from '../../internal/dom.js';
import { LangController } from '../../internal/lang-controller.js';
import { lazyModule } from '../../internal/lazy-module.js';
import { LazyTooltip, type TooltipModule } from '../../internal/lazy-tooltip.js';
import { progressEn } from '../../locales/progress.en.js';
import { formatList, formatPercent, isMessageKey, pluralCategory, registerMessages } from '../../locales/registry.js';
import { profileProgressStyles } from './profile-progress.styles.js';

// The element brings only its own area of the core catalogue: progress and field names.
registerMessages(progressEn);

const tooltipModule = lazyModule<TooltipModule>(() => import('../../internal/popup-controller.js'));

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
  /** The missing fields' names, looked up on first use: a compact bar in a table row shows them only in its tooltip. */
  readonly missingLabels: () => string[];
}

const NOTHING_MISSING = (): string[] => [];

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
 * @csspart tooltip - Compact mode: the tooltip naming the missing fields (in the DOM from the first hover or focus on).
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
export class ProfileProgress extends ReactiveElement {
  static override styles = profileProgressStyles;

  // Declared here rather than with decorators, whose code would add 0.4 KB (gzip) to this small element.
  static override get properties() {
    return {
      profile: { attribute: false },
      percent: { type: Number },
      preset: {},
      fields: { attribute: false },
      compact: { type: Boolean, reflect: true },
      label: {},
      expanded: { state: true, attribute: false },
    };
  }

  /** The partner's profile (as the adapter returns it). Takes precedence over `percent`. */
  declare profile: PartnerProfile | null | undefined;

  /** A plain percentage (0–100) when there is no profile. Out of range is clamped, with a warning. */
  declare percent: number | undefined;

  /** Which fields count: `progress` (profile progress bar, default) or `reminders` (account completion). */
  preset: CompletionPreset = 'progress';

  /** Your own field list; overrides `preset`. */
  declare fields: readonly ProgressField[] | undefined;

  /** One line for a table cell: the missing fields move into a tooltip. */
  compact = false;

  /** The bar's accessible name, if the preset's ("Profile completion") does not fit. */
  declare label: string | undefined;

  private expanded = false;

  private readonly locale = new LangController(this);

  private readonly tooltip = new LazyTooltip(this, {
    module: tooltipModule,
    trigger: () => this.renderRoot.querySelector<HTMLElement>('.bar'),
    tooltip: () => this.renderRoot.querySelector<HTMLElement>('.tooltip'),
    enabled: () => this.hasTooltip(),
    placement: 'top',
  });

  private view: ProgressView = { percent: 0, completion: undefined, missingLabels: NOTHING_MISSING };

  // The DOM, made on the first update (see renderProgress).
  private dom: { base: HTMLDivElement; bar: HTMLDivElement; indicator: HTMLDivElement; percent: HTMLSpanElement } | undefined;
  private done: HTMLSpanElement | undefined;
  private toggle: HTMLButtonElement | undefined;
  private missingList: HTMLUListElement | undefined;
  private missingListText = '';
  private tooltipElement: HTMLDivElement | undefined;

  /** Registers this class under `tagName`, safely (see `defineElement`). */
  static define(tagName: string): void {
    defineElement(tagName, this);
  }

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
    // Here, not after rendering: closing asks for an update, which is part of this one.
    if (!this.hasTooltip()) this.tooltip.close();
  }

  /** Compact with fields missing: the bar is focusable and names them in a tooltip. */
  private hasTooltip(): boolean {
    return this.compact && (this.view.completion?.missing.length ?? 0) > 0;
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
      return { percent: clampPercent(Number(this.percent)), completion: undefined, missingLabels: NOTHING_MISSING };
    }
    const fields = customFields ?? COMPLETION_PRESETS[this.resolvedPreset];
    const completion = computeCompletion(this.profile, fields);
    let missingLabels: string[] | undefined;
    const lookUp = () => {
      const labels = new Map<string, string>();
      for (const field of fields as readonly unknown[]) {
        if (typeof field === 'object' && field !== null) {
          const { key, label } = field as { key?: unknown; label?: unknown };
          if (typeof key === 'string' && typeof label === 'string' && label.trim() !== '') labels.set(key, label);
        }
      }
      return completion.missing.map((key) => {
        const catalogueKey = `field.${key}`;
        return labels.get(key) ?? (isMessageKey(catalogueKey) ? this.locale.msg(catalogueKey) : key);
      });
    };
    return { percent: completion.percent, completion, missingLabels: () => (missingLabels ??= lookUp()) };
  }

  private readonly toggleMissing = () => {
    this.expanded = !this.expanded;
  };

  protected override update(changed: PropertyValues<this>): void {
    super.update(changed);
    this.renderProgress();
  }

  /**
   * The DOM is made and updated by hand (no template engine to load or run for
   * the progress bar on every row of a table): the bar and the percentage,
   * then either the tooltip (compact, from the first hover or focus on) or
   * "All fields complete" or the missing-fields disclosure.
   */
  private renderProgress(): void {
    const { percent, completion } = this.view;
    const missingCount = completion?.missing.length ?? 0;
    const { lang } = this.locale;
    const dom = (this.dom ??= this.createDom());
    // Filled in before it is attached (at the end): one style pass for a new element, not one per change.
    setAttribute(dom.base, 'class', percent >= 100 ? 'base complete' : 'base');
    setAttribute(dom.base, 'lang', lang);

    const name =
      this.label ??
      this.locale.msg(this.customFields === undefined && this.resolvedPreset === 'reminders' ? 'progress.label.reminders' : 'progress.label.progress');
    const percentText = formatPercent(percent, undefined, lang);
    const valueText = completion
      ? this.locale.msg(pluralCategory(completion.total, lang) === 'one' ? 'progress.valuetext.one' : 'progress.valuetext', {
          filled: completion.filled,
          total: completion.total,
        })
      : percentText;
    const hasTooltip = this.hasTooltip();
    const tooltipRendered = hasTooltip && this.tooltip.active;
    setAttribute(dom.bar, 'aria-label', name);
    setAttribute(dom.bar, 'aria-valuenow', String(percent));
    setAttribute(dom.bar, 'aria-valuetext', valueText);
    setAttribute(dom.bar, 'tabindex', hasTooltip ? '0' : null);
    setAttribute(dom.bar, 'aria-describedby', tooltipRendered ? 'tooltip' : null);
    // Through the CSSOM, not a style attribute: a page's Content-Security-Policy may forbid those.
    dom.indicator.style.width = `${percent}%`;
    setText(dom.percent, percentText);

    const showDone = !this.compact && completion !== undefined && missingCount === 0;
    const showMissing = !this.compact && completion !== undefined && missingCount > 0;
    if (showDone) {
      this.done ??= dom.base.appendChild(element('span', { part: 'done', class: 'done' }));
      setText(this.done, this.locale.msg('progress.complete'));
    } else {
      this.done = detach(this.done);
    }
    if (showMissing) this.renderMissing(dom.base, this.view.missingLabels());
    else {
      this.toggle = detach(this.toggle);
      this.missingList = detach(this.missingList);
      this.missingListText = '';
    }
    if (tooltipRendered) {
      // Rendered hidden: the tooltip controller shows it (see PopupController).
      this.tooltipElement ??= dom.base.appendChild(
        element('div', { id: 'tooltip', part: 'tooltip', class: 'popup tooltip', role: 'tooltip', hidden: '' }),
      );
      setText(this.tooltipElement, this.locale.msg('progress.missing-summary', { fields: formatList(this.view.missingLabels(), undefined, lang) }));
    } else {
      this.tooltipElement = detach(this.tooltipElement);
    }
    if (dom.base.parentNode === null) this.renderRoot.append(dom.base);
  }

  private createDom() {
    const indicator = element('div', { part: 'indicator', class: 'indicator' });
    const bar = element('div', { part: 'bar', class: 'bar focus-ring', role: 'progressbar', 'aria-valuemin': '0', 'aria-valuemax': '100' }, indicator);
    const percent = element('span', { part: 'percent', class: 'percent', 'aria-hidden': 'true' });
    const base = element('div', { part: 'base' }, element('div', { part: 'summary', class: 'summary' }, bar, percent));
    return { base, bar, indicator, percent };
  }

  private renderMissing(base: HTMLDivElement, missingLabels: string[]): void {
    if (this.toggle === undefined) {
      this.toggle = base.appendChild(
        element('button', { part: 'toggle', class: 'toggle focus-ring', type: 'button', 'aria-controls': 'missing' }),
      );
      this.toggle.addEventListener('click', this.toggleMissing);
    }
    setAttribute(this.toggle, 'aria-expanded', this.expanded ? 'true' : 'false');
    setText(this.toggle, this.locale.msg(this.expanded ? 'progress.hide-missing' : 'progress.show-missing', { count: missingLabels.length }));
    this.missingList ??= base.appendChild(element('ul', { id: 'missing', part: 'missing-list', class: 'missing' }));
    setAttribute(this.missingList, 'aria-label', this.locale.msg('progress.missing-list'));
    this.missingList.hidden = !this.expanded;
    if (missingLabels.join('\n') !== this.missingListText) {
      this.missingListText = missingLabels.join('\n');
      this.missingList.replaceChildren(...missingLabels.map((label) => element('li', { part: 'missing-item' }, label)));
    }
  }
}

/** Removes `node` from the DOM; returns undefined, for `this.node = detach(this.node)`. */
function detach(node: Element | undefined): undefined {
  node?.remove();
  return undefined;
}
