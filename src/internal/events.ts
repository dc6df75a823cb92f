/**
 * The typed event map of the kit. Elements add their events here (module
 * augmentation keeps each element's events next to the element), and
 * `PartnerKitElement.emit` only accepts names and details from this map.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PartnerKitEventMap {}

export type PartnerKitEventName = keyof PartnerKitEventMap & string;
