import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

/** The text after an image that shows in its place when it fails to load (see `renderImage`). */
function fallbackOf(image: HTMLImageElement): HTMLElement | null {
  const next = image.nextElementSibling;
  return next instanceof HTMLElement && next.classList.contains('image-unavailable') ? next : null;
}

function onImageError(event: Event): void {
  const image = event.currentTarget as HTMLImageElement;
  image.hidden = true;
  const fallback = fallbackOf(image);
  if (fallback) fallback.hidden = false;
}

// A hidden image still loads: when its address changes to one that works, it comes back.
function onImageLoad(event: Event): void {
  const image = event.currentTarget as HTMLImageElement;
  image.hidden = false;
  const fallback = fallbackOf(image);
  if (fallback) fallback.hidden = true;
}

export interface ImageOptions {
  /** The address, already through `safeUrl` (or a `blob:` URL the element made itself). */
  src: string;
  alt: string;
  className?: string;
  part?: string;
  /** What shows instead when the image cannot be loaded; without it, the image is only hidden. */
  unavailable?: string;
  /** The class and part of that text (it has the class `image-unavailable` in any case). */
  unavailableClassName?: string;
  unavailablePart?: string;
}

/**
 * An image from data the kit does not control (a profile photo, a logo, a
 * thumbnail). The address may be dead or blocked: a broken-image icon and
 * its alt text squeezed into the box would then say nothing useful, so the
 * image is hidden and, where given, a sentence says the image cannot be
 * shown. No referrer is sent to the host of the image.
 */
export function renderImage({ src, alt, className, part, unavailable, unavailableClassName, unavailablePart }: ImageOptions): TemplateResult {
  return html`<img
      class=${ifDefined(className)}
      part=${ifDefined(part)}
      src=${src}
      alt=${alt}
      referrerpolicy="no-referrer"
      @error=${onImageError}
      @load=${onImageLoad}
    />${unavailable === undefined
      ? nothing
      : html`<span class="image-unavailable ${unavailableClassName ?? ''}" part=${ifDefined(unavailablePart)} hidden>${unavailable}</span>`}`;
}
