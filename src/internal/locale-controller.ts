import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  formatDate,
  formatList,
  formatNumber,
  formatPercent,
  msg,
  onLocaleChange,
  pluralCategory,
  resolveLocale,
  type MessageKey,
  type MessageParams,
} from '../locales/index.js';

/**
 * Gives an element its effective locale (own or ancestor `lang`, else the
 * host's `setLocale()`, else `<html lang>`) and re-renders it when that
 * changes. Render with `this.locale.msg('key', params)`.
 */
export class LocaleController implements ReactiveController {
  /** The element's effective locale, e.g. `en` or `es-MX`. */
  lang: string;

  private unsubscribe: (() => void) | undefined;

  constructor(private readonly host: ReactiveControllerHost & Element) {
    this.lang = resolveLocale(host);
    host.addController(this);
  }

  hostConnected(): void {
    this.unsubscribe ??= onLocaleChange((messagesChanged) => this.refresh(messagesChanged));
    // Moved to another part of the document: its ancestors' lang may differ.
    this.refresh(false);
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  msg(key: MessageKey, params?: MessageParams): string {
    return msg(key, params, this.lang);
  }

  formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
    return formatNumber(value, options, this.lang);
  }

  /** `percent` is 0–100. */
  formatPercent(percent: number, options?: Intl.NumberFormatOptions): string {
    return formatPercent(percent, options, this.lang);
  }

  formatDate(date: Date | string | number, options?: Intl.DateTimeFormatOptions): string {
    return formatDate(date, options, this.lang);
  }

  formatList(items: readonly string[], options?: Intl.ListFormatOptions): string {
    return formatList(items, options, this.lang);
  }

  /** The plural category of `count` in this element's locale. */
  pluralCategory(count: number): Intl.LDMLPluralRule {
    return pluralCategory(count, this.lang);
  }

  private refresh(messagesChanged: boolean): void {
    const next = resolveLocale(this.host);
    if (next === this.lang && !messagesChanged) return;
    this.lang = next;
    this.host.requestUpdate();
  }
}
