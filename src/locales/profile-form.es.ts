import type { profileFormEn } from './profile-form.en.js';

/** Spanish of what the kit's profile forms share (see `profile-form.en.ts`). */
export const profileFormEs: Record<keyof typeof profileFormEn, string> = {
  'time-zone.group.us': 'Estados Unidos',
  'time-zone.group.other': 'Otras zonas horarias',
  'profile-form.invalid.phone':
    'Escribe un número de teléfono de 7 a 15 dígitos (se admiten espacios, guiones, puntos, paréntesis y una extensión como «x12»).',
  'profile-form.invalid.zip': 'Escribe un código postal como 12345 o 12345-6789, o el código postal de otro país.',
};
