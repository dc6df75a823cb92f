/**
 * Whether a `<dialog>`'s `close` event is stale. The browser fires it a task
 * after `close()`; by then the dialog may be open again (a quick user, a busy
 * page), or no longer the one the element shows (`shown`, for an element that
 * renders a new dialog each time). A stale event must not close what is open.
 */
export function isStaleClose(event: Event, shown?: HTMLDialogElement | null): boolean {
  const dialog = event.currentTarget as HTMLDialogElement;
  return dialog.open || (shown !== undefined && dialog !== shown);
}
