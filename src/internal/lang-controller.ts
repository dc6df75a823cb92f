import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { getLocale, msg, onLocaleChange, resolveLocale, type MessageKey, type MessageParams } from '../locales/registry.js';

// One subscription for every connected controller, rather than one per element (a table shows two
// localised elements per row).
const connected = new Set<LangController>();
let unsubscribe: (() => void) | undefined;

/**
 * Gives an element its effective locale (own or ancestor `lang`, else the
 * host's `setLocale()`, else `<html lang>`) and re-renders it when that
 * changes. Render with `this.locale.msg('key', params)`.
 *
 * Messages come from the catalogues registered so far, so the element
 * registers the ones it shows (`registerMessages`). This is what
 * `<status-badge>` and `<profile-progress>` use to ship only their own
 * strings; `LocaleController` adds the whole core catalogue and `Intl`
 * formatting.
 */
export class LangController implements ReactiveController {
  /** The element's effective locale, e.g. `en` or `es-MX` (resolved again whenever it connects). */
  lang: string = getLocale();

  constructor(protected readonly host: ReactiveControllerHost & Element) {
    host.addController(this);
  }

  hostConnected(): void {
    connected.add(this);
    unsubscribe ??= onLocaleChange((messagesChanged) => {
      for (const controller of connected) controller.refresh(messagesChanged);
    });
    // Its ancestors' lang decides (and may differ from where it was before).
    this.refresh(false);
  }

  hostDisconnected(): void {
    connected.delete(this);
    if (connected.size === 0) {
      unsubscribe?.();
      unsubscribe = undefined;
    }
  }

  msg(key: MessageKey, params?: MessageParams): string {
    return msg(key, params, this.lang);
  }

  private refresh(messagesChanged: boolean): void {
    const next = resolveLocale(this.host);
    if (next === this.lang && !messagesChanged) return;
    this.lang = next;
    this.host.requestUpdate();
  }
}
