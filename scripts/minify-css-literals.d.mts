// Types of minify-css-literals.mjs, for vite.config.ts and vite.demo.config.ts (typechecked with the project).
import type MagicString from 'magic-string';
import type { Plugin } from 'vite';

export interface RawEdit {
  start: number;
  end: number;
  text: string;
}

/** The vite plugin: minifies Lit css`` templates at build time. */
export function minifyCssLiterals(): Plugin;
export function minifyCssTemplate(raws: readonly string[]): RawEdit[][] | null;
export function applyEdits(raws: readonly string[], edits: readonly RawEdit[][]): string[];
export function taggedTemplates(ast: unknown): { tag: unknown; quasi: ReturnType<typeof findCssTemplates>[number] }[];
export function findCssTemplates(ast: unknown): { quasis: { start: number; end: number; value: { raw: string; cooked: string | null } }[]; expressions: unknown[] }[];
export function minifyCssInModule(code: string, ast: unknown): MagicString | null;
