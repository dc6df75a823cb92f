export { createMemoryAdapter } from './memory-adapter.js';
export type { Latency, LiveUpdateOptions, MemoryAdapter, MemoryAdapterOptions } from './memory-adapter.js';
export {
  CHANGE_LOG_SIZE,
  IMAGE_TYPES,
  MAX_DOCUMENT_BYTES,
  MAX_IMAGE_BYTES,
  MemoryStore,
  VERIFICATION_TTL_MS,
  isPlausiblePhone,
  isPlausibleZip,
} from './store.js';
export type { FileLike, MemoryStoreOptions, StoreListener } from './store.js';
export {
  APP_BASE_URL,
  DEFAULT_REFERENCE_DATE,
  DEFAULT_SEED,
  FILES_BASE_URL,
  MEDIA_BASE_URL,
  PERSONAS,
  defaultSession,
  generatePartners,
  generateSeedData,
  mulberry32,
  nextInvitationStatus,
  statusPath,
} from './seed-data.js';
export type {
  BrokerRecord,
  ExistingUser,
  PartnerOwnSettings,
  PartnerRecord,
  Random,
  RealtorRecord,
  SeedData,
  SeedOptions,
  SharedClientsData,
} from './seed-data.js';
