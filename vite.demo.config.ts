/** The designers' demo page: `npm start` (dev) and `npm run build:demo` (static files in demo-dist/). */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { minifyCssLiterals } from './scripts/minify-css-literals.mjs';

const require = createRequire(import.meta.url);
const workerPath = require.resolve('msw/mockServiceWorker.js');

/** Serves MSW's service worker from node_modules in dev and emits it in the static build. */
function mswWorker(): Plugin {
  return {
    name: 'partner-kit-msw-worker',
    configureServer(server) {
      server.middlewares.use('/mockServiceWorker.js', (_request, response) => {
        response.setHeader('Content-Type', 'application/javascript');
        response.end(readFileSync(workerPath, 'utf8'));
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'mockServiceWorker.js', source: readFileSync(workerPath, 'utf8') });
    },
  };
}

export default defineConfig({
  root: resolve(import.meta.dirname, 'demo'),
  base: './',
  // The static build ships its css`` styles minified, as the library does; `npm start` serves them as written.
  plugins: [mswWorker(), minifyCssLiterals()],
  server: { port: 5173, host: '127.0.0.1' },
  preview: { port: 4173, host: '127.0.0.1' },
  build: {
    outDir: resolve(import.meta.dirname, 'demo-dist'),
    emptyOutDir: true,
    target: 'es2022',
  },
});
