import type { Partner } from '../../adapter/types.js';

/** The name a person sees for a partner: first and last name, or the email when both are empty. */
export function displayName(partner: Pick<Partner, 'firstName' | 'lastName' | 'email'>): string {
  const name = `${partner.firstName} ${partner.lastName}`.trim();
  return name === '' ? partner.email : name;
}
