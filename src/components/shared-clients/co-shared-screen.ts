/**
 * The element's own privacy check: the adapter promises co-shared clients
 * only, but the element does not rely on that promise. Every item is checked
 * again with the domain rule; an item that fails is dropped whole and only
 * counted, so none of its details can reach the page.
 */
import type { Address, CoSharedClient } from '../../adapter/types.js';
import { isCoShared } from '../../domain/co-shared.js';

export interface ScreenedClients {
  /** The items that are co-shared by the domain rule, in the adapter's order. */
  shown: CoSharedClient[];
  /** How many items were dropped because they are not co-shared. */
  withheld: number;
}

export function screenCoSharedClients(items: readonly CoSharedClient[]): ScreenedClients {
  const shown: CoSharedClient[] = [];
  let withheld = 0;
  for (const item of items) {
    if (isCoShared(item.agentRecord, item.realtorRecord)) shown.push(item);
    else withheld++;
  }
  return { shown, withheld };
}

const clean = (value: string | null | undefined): string => (value ?? '').replace(/\s+/g, ' ').trim();

/** One line: street, unit, city, state and zip (empty parts left out). */
export function formatAddress(address: Address): string {
  const stateAndZip = [clean(address.state), clean(address.zip)].filter(Boolean).join(' ');
  return [clean(address.street), clean(address.unit), clean(address.city), stateAndZip].filter(Boolean).join(', ');
}
