import { unsafeCSS, type CSSResult } from '@lit/reactive-element';

/**
 * The kit's design tokens. Hosts theme the kit by setting the public `--pk-*`
 * custom properties anywhere above an element (`:root`, a container, the
 * element itself); each element reads them through a private `--_pk-*` alias
 * that carries the default, so a token nobody set costs nothing.
 *
 * Light and dark: colour defaults use CSS `light-dark()`, which follows the
 * inherited `color-scheme` — and `color-scheme` inherits into shadow roots.
 * A page in dark mode declares `color-scheme: dark` (or `light dark` to follow
 * the operating system) on `:root`; nothing else is needed. Browsers without
 * `light-dark()` get the light set.
 *
 * Text on the page's own background (not on a kit surface) inherits the
 * page's colour and font, so an element fits the page it is dropped into.
 *
 * Every tone pair (foreground on background) meets WCAG AA 4.5:1 in both sets.
 *
 * Public tokens:
 * - `--pk-font-family` (default `inherit`: the host page's font), `--pk-font-size-small`
 * - `--pk-color-surface`, `--pk-color-text`, `--pk-color-text-muted`,
 *   `--pk-color-border`, `--pk-color-border-strong` (edges that must stand
 *   out, 3:1 against the surface: buttons, the wizard's fields),
 *   `--pk-color-accent`, `--pk-color-focus-ring`,
 *   `--pk-color-track` (empty part of a progress bar)
 * - `--pk-color-tooltip-bg`, `--pk-color-tooltip-fg`
 * - `--pk-tone-{success,info,warning,danger,neutral}-bg` and `-fg`
 * - `--pk-radius`, `--pk-radius-pill`
 * - `--pk-space-1` … `--pk-space-4`
 * - `--pk-shadow-popup`, `--pk-z-popup` (used where the top layer is unavailable)
 */

type TokenGroup = Readonly<Record<string, string | readonly [light: string, dark: string]>>;

/** Sizes: public token (without `--pk-`) → default. The alias is `--_pk-<name>`. */
export const SIZE_TOKENS = {
  'font-size-small': '0.8125rem',
  radius: '0.375rem',
  'radius-pill': '999px',
  'space-1': '0.25rem',
  'space-2': '0.5rem',
  'space-3': '0.75rem',
  'space-4': '1rem',
  'shadow-popup': '0 4px 16px rgb(0 0 0 / 0.18)',
  'z-popup': '1000',
} as const satisfies TokenGroup;

// Colours: public token (without `--pk-`) → [light default, dark default]. The alias drops
// `color-` or `tone-`: `--_pk-surface`, `--_pk-success-bg`.

/** Surfaces and text of panels and dialogs. */
export const SURFACE_COLOURS = {
  'color-surface': ['#ffffff', '#1a1e26'],
  'color-text': ['#1d2330', '#e8ebf1'],
  'color-text-muted': ['#5b6475', '#a3acbd'],
  'color-border': ['#d5d9e0', '#3a4150'],
  // The kit's plain border is decorative; the edge of a control needs 3:1 against the surface (WCAG 1.4.11).
  'color-border-strong': ['#6b7385', '#8c95a8'],
} as const satisfies TokenGroup;

/** Accent, focus ring and progress track. */
export const ACCENT_COLOURS = {
  'color-accent': ['#1f5fd1', '#7fb0ff'],
  'color-focus-ring': ['#1f5fd1', '#7fb0ff'],
  'color-track': ['#d5d9e0', '#3a4150'],
} as const satisfies TokenGroup;

export const TOOLTIP_COLOURS = {
  'color-tooltip-bg': ['#1d2330', '#e8ebf1'],
  'color-tooltip-fg': ['#ffffff', '#1d2330'],
} as const satisfies TokenGroup;

/** Status tones (badges, the complete progress bar). */
export const TONE_COLOURS = {
  'tone-success-bg': ['#e6f4ea', '#173d24'],
  'tone-success-fg': ['#1e6b34', '#9be3b0'],
  'tone-info-bg': ['#e7f0fd', '#18304f'],
  'tone-info-fg': ['#1a4fa0', '#a9c8ff'],
  'tone-warning-bg': ['#fff4e0', '#45300e'],
  'tone-warning-fg': ['#8a4b00', '#ffd28a'],
  'tone-danger-bg': ['#fdecec', '#4d1d1d'],
  'tone-danger-fg': ['#b3261e', '#ffb4ab'],
  'tone-neutral-bg': ['#eef0f3', '#2b313c'],
  'tone-neutral-fg': ['#434a57', '#d3d8e0'],
} as const satisfies TokenGroup;

/**
 * The aliases of the tokens of `groups` on `:host` (with the host's font):
 * light and, where `light-dark()` is supported, light and dark. The small
 * elements that are often alone on a page (`<status-badge>`,
 * `<profile-progress>`) declare only the groups they use, so such a page
 * ships only those defaults.
 */
export function hostTokens(...groups: TokenGroup[]): CSSResult {
  let light = '';
  let lightDark = '';
  for (const group of groups) {
    for (const [name, value] of Object.entries(group)) {
      const declaration = (defaultValue: string) => `--_pk-${name.replace(/^(color|tone)-/, '')}: var(--pk-${name}, ${defaultValue});`;
      if (typeof value === 'string') {
        light += declaration(value);
      } else {
        light += declaration(value[0]);
        lightDark += declaration(`light-dark(${value[0]}, ${value[1]})`);
      }
    }
  }
  const supported = lightDark && `@supports (color: light-dark(#000, #fff)) { :host { ${lightDark} } }`;
  // Built from the constant tables above only: no outside text reaches this CSS.
  return unsafeCSS(`:host { ${light} font-family: var(--pk-font-family, inherit); } ${supported}`);
}

/** `tokens` with a rule that makes `hidden` always hide, whatever display a class gives the element. */
function withHiddenHiding(aliases: CSSResult): CSSResult {
  return unsafeCSS(`${aliases.cssText} [hidden] { display: none !important; }`);
}

/**
 * Every token's alias on `:host`: what elements rendered once or a few times
 * per page use. With it, `hidden` always hides (a broken image's placeholder
 * has a display of its own, see `internal/image.ts`).
 */
export const tokens = /* @__PURE__ */ withHiddenHiding(
  /* @__PURE__ */ hostTokens(SIZE_TOKENS, SURFACE_COLOURS, ACCENT_COLOURS, TOOLTIP_COLOURS, TONE_COLOURS),
);
