import { createContext } from '@lit/context';
import type { PartnerKitAdapter } from './types.js';

/**
 * The adapter context. Keyed by `Symbol.for` so that two copies of the kit on
 * one page (two bundles) still find each other's provider.
 */
export const adapterContext = createContext<PartnerKitAdapter | undefined>(Symbol.for('partner-kit/adapter'));
