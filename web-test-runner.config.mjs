// Tests run in the real system Chromium (no downloaded browsers on these machines).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';

const require = createRequire(import.meta.url);

function findChrome() {
  const candidates = [
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  ].filter(Boolean);
  const found = candidates.find((path) => existsSync(path));
  if (!found) {
    console.error(
      'No Chromium found: install one (Debian: apt-get install -y chromium) or set CHROME_PATH to a Chrome binary.',
    );
    process.exit(1);
  }
  return found;
}

const mswWorkerPath = require.resolve('msw/mockServiceWorker.js');

/** Serves MSW's service worker at the site root, straight from node_modules. */
function mswWorkerMiddleware(context, next) {
  if (context.path === '/mockServiceWorker.js') {
    context.type = 'application/javascript';
    context.body = readFileSync(mswWorkerPath, 'utf8');
    return undefined;
  }
  return next();
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

export default {
  files: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  concurrency: 2,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 300000,
  middleware: [mswWorkerMiddleware],
  // "ResizeObserver loop completed with undelivered notifications" is a notice the browser reports
  // when an observer callback changes layout (floating-ui's autoUpdate, the table's window): the
  // remaining notifications simply arrive next frame and nothing breaks. Mocha would count it as a
  // failed test, so it is stopped before mocha's window.onerror sees it. Every other error still fails.
  testRunnerHtml: (testFramework) => `<!doctype html><html><body>
    <script>
      window.addEventListener('error', (event) => {
        if (String(event.message).startsWith('ResizeObserver loop')) event.stopImmediatePropagation();
      });
    </script>
    <script type="module" src="${testFramework}"></script>
  </body></html>`,
  // Tests run against Lit's dev build on purpose (its warnings are useful); the banner is noise.
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' })],
  browsers: [
    chromeLauncher({
      // Two test pages run side by side; only one tab is "visible", so the other
      // would get no animation frames and no focus. Emulate both for every page.
      async createPage({ context }) {
        const page = await context.newPage();
        const session = await page.createCDPSession();
        await session.send('Emulation.setFocusEmulationEnabled', { enabled: true });
        await session.send('Page.enable');
        await session.send('Page.setWebLifecycleState', { state: 'active' });
        return page;
      },
      launchOptions: {
        executablePath: findChrome(),
        headless: true,
        args: [
          ...(isRoot ? ['--no-sandbox'] : []),
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          // Test pages run side by side: keep timers and animation frames running in background tabs.
          '--disable-renderer-backgrounding',
          '--disable-background-timer-throttling',
          '--disable-backgrounding-occluded-windows',
        ],
      },
    }),
  ],
};
