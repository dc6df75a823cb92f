// Classes, types and functions only: importing this module registers no tag.
// Register tags with `partner-kit/define` or one element's own entry.
export * from './adapter/index.js';
export * from './domain/index.js';
export { PartnerKitElement } from './internal/partner-kit-element.js';
export type { PartnerKitEventMap } from './internal/events.js';
export { announce } from './internal/live-region.js';
export { PartnerKitProvider } from './components/partner-kit-provider/partner-kit-provider.component.js';
