/**
 * The group names of the kit's time-zone list (`internal/time-zone-options.ts`),
 * in English. They load with the profile forms that show the list, not with
 * every element; Spanish in `time-zones.es.ts`.
 */
export const timeZonesEn = {
  'time-zone.group.us': 'United States',
  'time-zone.group.other': 'Other time zones',
} as const;
