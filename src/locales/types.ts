import type { en } from './en.js';

/** Every message key of the kit (the English catalogue is the reference). */
export type MessageKey = keyof typeof en;

/** A complete catalogue: one string per key. */
export type Messages = Record<MessageKey, string>;

/** Values for the `{name}` placeholders of a message. Numbers are formatted for the locale. */
export type MessageParams = Readonly<Record<string, string | number>>;
