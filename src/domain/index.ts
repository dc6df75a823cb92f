/**
 * partner-kit's domain rules: pure functions with no DOM and no dependencies,
 * so they run in the browser and in Node (a backend can reuse the co-shared
 * rule, the status labels or the permission table).
 */
export * from './status.js';
export * from './completion.js';
export * from './permissions.js';
export * from './reminders.js';
export * from './emails.js';
export * from './mailto.js';
export * from './safe-url.js';
export * from './co-shared.js';
export * from './profile-fields.js';
export * from './images.js';
