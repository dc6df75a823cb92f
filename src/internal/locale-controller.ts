import { en } from '../locales/en.js';
import { formatDate, formatList, formatNumber, formatPercent, pluralCategory, registerMessages } from '../locales/registry.js';
import { LangController } from './lang-controller.js';

// Every element with a LocaleController may show any core message (statuses, fields, progress).
registerMessages(en);

/**
 * Gives an element its effective locale (own or ancestor `lang`, else the
 * host's `setLocale()`, else `<html lang>`), the core catalogue and the
 * element's own registered messages, and `Intl` formatting in that locale;
 * re-renders the element when its locale changes. Render with
 * `this.locale.msg('key', params)`.
 */
export class LocaleController extends LangController {
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
}
