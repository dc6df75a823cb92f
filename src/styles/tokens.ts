import { css } from 'lit';

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
 *   `--pk-color-border`, `--pk-color-accent`, `--pk-color-focus-ring`,
 *   `--pk-color-track` (empty part of a progress bar)
 * - `--pk-color-tooltip-bg`, `--pk-color-tooltip-fg`
 * - `--pk-tone-{success,info,warning,danger,neutral}-bg` and `-fg`
 * - `--pk-radius`, `--pk-radius-pill`
 * - `--pk-space-1` … `--pk-space-4`
 * - `--pk-shadow-popup`, `--pk-z-popup` (used where the top layer is unavailable)
 */
export const tokens = css`
  :host {
    --_pk-font-size-small: var(--pk-font-size-small, 0.8125rem);
    --_pk-radius: var(--pk-radius, 0.375rem);
    --_pk-radius-pill: var(--pk-radius-pill, 999px);
    --_pk-space-1: var(--pk-space-1, 0.25rem);
    --_pk-space-2: var(--pk-space-2, 0.5rem);
    --_pk-space-3: var(--pk-space-3, 0.75rem);
    --_pk-space-4: var(--pk-space-4, 1rem);
    --_pk-shadow-popup: var(--pk-shadow-popup, 0 4px 16px rgb(0 0 0 / 0.18));
    --_pk-z-popup: var(--pk-z-popup, 1000);

    --_pk-surface: var(--pk-color-surface, #ffffff);
    --_pk-text: var(--pk-color-text, #1d2330);
    --_pk-text-muted: var(--pk-color-text-muted, #5b6475);
    --_pk-border: var(--pk-color-border, #d5d9e0);
    --_pk-accent: var(--pk-color-accent, #1f5fd1);
    --_pk-focus-ring: var(--pk-color-focus-ring, #1f5fd1);
    --_pk-track: var(--pk-color-track, #d5d9e0);
    --_pk-tooltip-bg: var(--pk-color-tooltip-bg, #1d2330);
    --_pk-tooltip-fg: var(--pk-color-tooltip-fg, #ffffff);

    --_pk-success-bg: var(--pk-tone-success-bg, #e6f4ea);
    --_pk-success-fg: var(--pk-tone-success-fg, #1e6b34);
    --_pk-info-bg: var(--pk-tone-info-bg, #e7f0fd);
    --_pk-info-fg: var(--pk-tone-info-fg, #1a4fa0);
    --_pk-warning-bg: var(--pk-tone-warning-bg, #fff4e0);
    --_pk-warning-fg: var(--pk-tone-warning-fg, #8a4b00);
    --_pk-danger-bg: var(--pk-tone-danger-bg, #fdecec);
    --_pk-danger-fg: var(--pk-tone-danger-fg, #b3261e);
    --_pk-neutral-bg: var(--pk-tone-neutral-bg, #eef0f3);
    --_pk-neutral-fg: var(--pk-tone-neutral-fg, #434a57);

    font-family: var(--pk-font-family, inherit);
  }

  @supports (color: light-dark(#000, #fff)) {
    :host {
      --_pk-surface: var(--pk-color-surface, light-dark(#ffffff, #1a1e26));
      --_pk-text: var(--pk-color-text, light-dark(#1d2330, #e8ebf1));
      --_pk-text-muted: var(--pk-color-text-muted, light-dark(#5b6475, #a3acbd));
      --_pk-border: var(--pk-color-border, light-dark(#d5d9e0, #3a4150));
      --_pk-accent: var(--pk-color-accent, light-dark(#1f5fd1, #7fb0ff));
      --_pk-focus-ring: var(--pk-color-focus-ring, light-dark(#1f5fd1, #7fb0ff));
      --_pk-track: var(--pk-color-track, light-dark(#d5d9e0, #3a4150));
      --_pk-tooltip-bg: var(--pk-color-tooltip-bg, light-dark(#1d2330, #e8ebf1));
      --_pk-tooltip-fg: var(--pk-color-tooltip-fg, light-dark(#ffffff, #1d2330));

      --_pk-success-bg: var(--pk-tone-success-bg, light-dark(#e6f4ea, #173d24));
      --_pk-success-fg: var(--pk-tone-success-fg, light-dark(#1e6b34, #9be3b0));
      --_pk-info-bg: var(--pk-tone-info-bg, light-dark(#e7f0fd, #18304f));
      --_pk-info-fg: var(--pk-tone-info-fg, light-dark(#1a4fa0, #a9c8ff));
      --_pk-warning-bg: var(--pk-tone-warning-bg, light-dark(#fff4e0, #45300e));
      --_pk-warning-fg: var(--pk-tone-warning-fg, light-dark(#8a4b00, #ffd28a));
      --_pk-danger-bg: var(--pk-tone-danger-bg, light-dark(#fdecec, #4d1d1d));
      --_pk-danger-fg: var(--pk-tone-danger-fg, light-dark(#b3261e, #ffb4ab));
      --_pk-neutral-bg: var(--pk-tone-neutral-bg, light-dark(#eef0f3, #2b313c));
      --_pk-neutral-fg: var(--pk-tone-neutral-fg, light-dark(#434a57, #d3d8e0));
    }
  }
`;
