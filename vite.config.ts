/**
 * Production build (library mode), three outputs:
 * - `vite build`: one ESM entry per element plus the shared modules, every
 *   dependency external (for npm users and their bundlers) → dist/
 * - `vite build --mode bundle`: one self-contained ESM file for a
 *   `<script type="module">` tag on a CRM page → dist/partner-kit.bundle.js
 * - `vite build --mode autoload`: the same for a script tag, code-split: a
 *   small entry that loads each tag's chunk when the tag first appears on the
 *   page → dist/autoload/partner-kit.autoload.js and dist/autoload/chunks/
 * msw and the demo never enter either: no entry imports src/mocks or demo/.
 */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { writeFileSync, mkdirSync } from 'node:fs';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { minifyCssLiterals } from './scripts/minify-css-literals.mjs';

const root = import.meta.dirname;
const componentsDir = resolve(root, 'src/components');

/** One entry per element folder: `components/<tag>/<tag>` (the registering module). */
function elementEntries(): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const tag of readdirSync(componentsDir)) {
    entries[`components/${tag}/${tag}`] = resolve(componentsDir, tag, `${tag}.ts`);
    entries[`components/${tag}/${tag}.component`] = resolve(componentsDir, tag, `${tag}.component.ts`);
  }
  return entries;
}

const isExternal = (id: string) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0') && !/^[A-Za-z]:/.test(id);

/**
 * Writes which source modules went into each output chunk (dist/modules.<mode>.json),
 * so `npm run test:build` can prove msw, classic zod and dev-mode Lit never ship.
 */
function moduleReport(mode: string): Plugin {
  return {
    name: 'partner-kit-module-report',
    generateBundle(_options, bundle) {
      const report: Record<string, string[]> = {};
      for (const [fileName, output] of Object.entries(bundle)) {
        if (output.type === 'chunk') {
          report[fileName] = [...Object.keys(output.modules), ...output.imports, ...output.dynamicImports].map((id) =>
            id.replace(root, ''),
          );
        }
      }
      mkdirSync(resolve(root, 'dist'), { recursive: true });
      writeFileSync(resolve(root, `dist/modules.${mode}.json`), JSON.stringify(report, null, 1));
    },
  };
}

/**
 * Vite's library mode keeps whitespace in ES output; the script-tag bundle is
 * shipped as is, so it is minified fully here (esbuild, already a dependency).
 * In `generateBundle`, after every `renderChunk`: Vite's own esbuild pass runs
 * in `renderChunk` after user plugins and printed a minified chunk out again
 * with whitespace (the bundle was ~9,600 formatted lines).
 */
function minifyBundle(): Plugin {
  return {
    name: 'partner-kit-minify-bundle',
    async generateBundle(_options, bundle) {
      const { transform } = await import('esbuild');
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        const result = await transform(output.code, { minify: true, format: 'esm', target: 'es2022', legalComments: 'none' });
        output.code = result.code;
        output.map = null;
      }
    },
  };
}

export default defineConfig(({ mode }): UserConfig => {
  if (mode === 'autoload') {
    // The code-split script-tag build: a small entry that loads each tag's chunk on first use.
    return {
      plugins: [minifyCssLiterals(), moduleReport('autoload'), minifyBundle()],
      build: {
        outDir: 'dist/autoload',
        emptyOutDir: true,
        target: 'es2022',
        sourcemap: false,
        lib: {
          entry: { 'partner-kit.autoload': resolve(root, 'src/autoload.ts') },
          formats: ['es'],
        },
        // Rollup's own split, by importer. Grouping Lit and the kit's shared modules into a few
        // chunks (fewer files for a page with one badge) measured larger: the badge then loads
        // Lit's template engine, which it does not use.
        rollupOptions: { output: { chunkFileNames: 'chunks/[name]-[hash].js' } },
      },
    };
  }
  if (mode === 'bundle') {
    return {
      plugins: [minifyCssLiterals(), moduleReport('bundle'), minifyBundle()],
      build: {
        outDir: 'dist',
        emptyOutDir: false,
        target: 'es2022',
        // The fully minified bundle has no source map (see minifyBundle); dist/ keeps readable modules with maps.
        sourcemap: false,
        lib: {
          entry: { 'partner-kit.bundle': resolve(root, 'src/bundle.ts') },
          formats: ['es'],
        },
        // One file for one <script> tag: lazily loaded modules are inlined, not split out.
        rollupOptions: { output: { inlineDynamicImports: true } },
      },
    };
  }
  return {
    // Both outputs ship their css`` styles minified (the sources keep them readable).
    plugins: [minifyCssLiterals(), moduleReport('lib')],
    build: {
      outDir: 'dist',
      emptyOutDir: false,
      target: 'es2022',
      sourcemap: true,
      minify: false,
      lib: {
        entry: {
          index: resolve(root, 'src/index.ts'),
          define: resolve(root, 'src/define.ts'),
          adapter: resolve(root, 'src/adapter/index.ts'),
          memory: resolve(root, 'src/adapter/memory/index.ts'),
          domain: resolve(root, 'src/domain/index.ts'),
          testing: resolve(root, 'src/testing.ts'),
          ...elementEntries(),
        },
        formats: ['es'],
      },
      rollupOptions: {
        external: isExternal,
        output: {
          preserveModules: true,
          preserveModulesRoot: 'src',
          entryFileNames: '[name].js',
        },
      },
    },
  };
});
