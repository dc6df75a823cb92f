/**
 * The badge's tooltip code and the text that explains each status (English
 * here, Spanish when the page shows it), loaded on the badge's first hover or
 * focus (see `LazyTooltip`).
 */
import type { TooltipModule } from '../../internal/lazy-tooltip.js';
import { TooltipController } from '../../internal/popup-controller.js';
import { statusDetailsEn } from '../../locales/status-details.en.js';

export const statusBadgeTooltip: TooltipModule = {
  TooltipController,
  messages: statusDetailsEn,
  messageLoaders: { es: () => import('../../locales/status-details.es.js').then((module) => module.statusDetailsEs) },
};
