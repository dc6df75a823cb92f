import type { timeZonesEn } from './time-zones.en.js';

/** Spanish of the time-zone list's group names (see `time-zones.en.ts`). */
export const timeZonesEs: Record<keyof typeof timeZonesEn, string> = {
  'time-zone.group.us': 'Estados Unidos',
  'time-zone.group.other': 'Otras zonas horarias',
};
