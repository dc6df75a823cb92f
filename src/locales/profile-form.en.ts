/**
 * What every profile form of the kit shares (`internal/profile-form.ts`): the
 * time-zone list's group names and the messages of the phone and ZIP checks,
 * in English. They load with the forms, not with every element; Spanish in
 * `profile-form.es.ts`.
 */
export const profileFormEn = {
  'time-zone.group.us': 'United States',
  'time-zone.group.other': 'Other time zones',
  'profile-form.invalid.phone': 'Enter a phone number of 7 to 15 digits (spaces, dashes, dots, brackets and an extension such as “x12” are fine).',
  'profile-form.invalid.zip': 'Enter a ZIP code such as 12345 or 12345-6789, or another country’s postal code.',
} as const;
