/**
 * Screen-reader announcements. One pair of visually hidden live regions
 * (polite, assertive) in `document.body` serves every element: a live region
 * inside a shadow root that is re-rendered is often missed, and one shared
 * region keeps announcements from talking over each other.
 */
export type Politeness = 'polite' | 'assertive';

const ATTRIBUTE = 'data-partner-kit-live-region';
const CLEAR_AFTER_MS = 7000;

const timers = new Map<Politeness, ReturnType<typeof setTimeout>>();

function region(politeness: Politeness): HTMLElement {
  const existing = document.body.querySelector<HTMLElement>(`[${ATTRIBUTE}="${politeness}"]`);
  if (existing) return existing;
  const element = document.createElement('div');
  element.setAttribute(ATTRIBUTE, politeness);
  element.setAttribute('aria-live', politeness);
  element.setAttribute('aria-atomic', 'true');
  if (politeness === 'assertive') element.setAttribute('role', 'alert');
  else element.setAttribute('role', 'status');
  Object.assign(element.style, {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: '0',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
    border: '0',
  });
  document.body.append(element);
  return element;
}

/**
 * Announces `message` to assistive technology. The same message twice in a
 * row is announced twice (the region is emptied first). Text only: the
 * message is set with `textContent`.
 */
export function announce(message: string, politeness: Politeness = 'polite'): void {
  if (typeof document === 'undefined' || !document.body) return;
  const element = region(politeness);
  element.textContent = '';
  clearTimeout(timers.get(politeness));
  // A new text node in a later task is what screen readers reliably pick up.
  timers.set(
    politeness,
    setTimeout(() => {
      element.textContent = message;
      timers.set(
        politeness,
        setTimeout(() => {
          element.textContent = '';
        }, CLEAR_AFTER_MS),
      );
    }, 50),
  );
}

/** The text currently in a live region (for tests and diagnostics). */
export function currentAnnouncement(politeness: Politeness = 'polite'): string {
  if (typeof document === 'undefined') return '';
  return document.body.querySelector(`[${ATTRIBUTE}="${politeness}"]`)?.textContent ?? '';
}
