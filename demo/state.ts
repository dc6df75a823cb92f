/** The demo's controls, kept in the URL so a designer can share or screenshot a state. */
import type { Role } from '../src/domain/permissions.js';

export interface DemoState {
  role: Role;
  profilePrefill: boolean;
  profileEditing: boolean;
  partnersAddDeals: boolean;
  latency: number;
  failureRate: number;
  theme: 'light' | 'dark' | 'brand';
  locale: 'en' | 'es';
  transport: 'rest' | 'memory';
}

const DEFAULTS: DemoState = {
  role: 'lender',
  profilePrefill: true,
  profileEditing: true,
  partnersAddDeals: true,
  latency: 300,
  failureRate: 0,
  theme: 'light',
  locale: 'en',
  transport: 'rest',
};

export function readState(search = location.search): DemoState {
  const params = new URLSearchParams(search);
  const bool = (key: keyof DemoState) => (params.has(key) ? params.get(key) === 'true' : (DEFAULTS[key] as boolean));
  const num = (key: keyof DemoState, min: number, max: number) => {
    const value = Number(params.get(key));
    return params.has(key) && Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : (DEFAULTS[key] as number);
  };
  const pick = <T extends string>(key: keyof DemoState, allowed: readonly T[]) => {
    const value = params.get(key) as T | null;
    return value && allowed.includes(value) ? value : (DEFAULTS[key] as T);
  };
  return {
    role: pick('role', ['lender', 'agent', 'broker', 'admin', 'partner']),
    profilePrefill: bool('profilePrefill'),
    profileEditing: bool('profileEditing'),
    partnersAddDeals: bool('partnersAddDeals'),
    latency: num('latency', 0, 5000),
    failureRate: num('failureRate', 0, 1),
    theme: pick('theme', ['light', 'dark', 'brand']),
    locale: pick('locale', ['en', 'es']),
    transport: pick('transport', ['rest', 'memory']),
  };
}

export function writeState(state: DemoState): void {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(state)) {
    if (value !== DEFAULTS[key as keyof DemoState]) params.set(key, String(value));
  }
  const query = params.toString();
  history.replaceState(null, '', query ? `?${query}${location.hash}` : `${location.pathname}${location.hash}`);
}
