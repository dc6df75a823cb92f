import { progressEn } from './progress.en.js';
import { statusLabelsEn } from './status-labels.en.js';

/**
 * The core English catalogue: status labels, profile fields and progress,
 * shared by every element. It is made of two areas, so that `<status-badge>`
 * and `<profile-progress>`, which are small and often alone on a page,
 * register only their own (see `./registry.ts`); every other element gets
 * the whole catalogue through `LocaleController`. Each element adds its own
 * strings with `registerMessages` (the badge's tooltip text is its own:
 * `status-details.en.ts`). Every other language falls back to English key by
 * key.
 */
export const en = { ...statusLabelsEn, ...progressEn } as const;
