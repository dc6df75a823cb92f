// Opens the demo in headless Chromium, served under a strict Content-Security-Policy, and fails on
// any console error (a refused inline style or script is one) or uncaught exception.
// Usage: node scripts/check-demo.mjs [url]
// Without a URL it builds nothing: it serves demo-dist/ (npm run build:demo) with vite preview.
import { existsSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { preview } from 'vite';

const chrome = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/google-chrome'].find((p) => p && existsSync(p));
if (!chrome) {
  console.error('No Chromium found: install one (Debian: apt-get install -y chromium) or set CHROME_PATH.');
  process.exit(1);
}

// Served as a CRM page with a strict Content-Security-Policy would be: no inline script or style, no
// eval. Chromium reports each refused thing as a console error, which fails the check below.
const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https: data: blob:; frame-src 'self'";

let server;
let url = process.argv[2];
if (!url) {
  server = await preview({ configFile: 'vite.demo.config.ts', preview: { port: 0, host: '127.0.0.1', headers: { 'Content-Security-Policy': STRICT_CSP } } });
  url = server.resolvedUrls.local[0];
}

const browser = await puppeteer.launch({
  executablePath: chrome,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const problems = [];
try {
  const themes = ['light', 'dark'];
  for (const theme of themes) {
    const page = await browser.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`[${theme}] console.error: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`[${theme}] uncaught: ${error.message}`));
    const target = `${url}${url.includes('?') ? '&' : '?'}theme=${theme}&latency=0`;
    await page.goto(target, { waitUntil: 'networkidle0', timeout: 30000 });
    await page.waitForFunction(() => document.querySelectorAll('.demo-section').length > 0, { timeout: 15000 });
    // The demo must run on the REST adapter over MSW, not on its in-memory fallback.
    await page.waitForFunction(() => document.querySelector('#adapter strong')?.textContent?.includes('REST'), { timeout: 15000 })
      .catch(() => problems.push(`[${theme}] the demo fell back to the in-memory adapter: the MSW service worker did not start`));
    const sections = await page.$$eval('.demo-section', (nodes) => nodes.map((node) => node.id));
    // Every element is registered and rendered (a registration dropped by tree-shaking would leave bare tags).
    const undefinedTags = await page.evaluate(() =>
      [...new Set([...document.querySelectorAll('*')].map((node) => node.localName).filter((name) => name.includes('-')))]
        .filter((name) => !customElements.get(name)),
    );
    if (undefinedTags.length) problems.push(`[${theme}] tags never defined: ${undefinedTags.join(', ')}`);
    const unrendered = await page.$$eval('.demo-section', (nodes) =>
      // The adapter section describes the adapter itself and holds no element.
      nodes.filter((node) => node.id !== 'adapter' && ![...node.querySelectorAll('*')].some((child) => child.shadowRoot)).map((node) => node.id),
    );
    if (unrendered.length) problems.push(`[${theme}] sections without a rendered element: ${unrendered.join(', ')}`);
    console.log(`demo (${theme}): ${sections.length} sections: ${sections.join(', ')}`);
    await page.close();
  }
} catch (error) {
  problems.push(`demo did not render: ${error.message}`);
} finally {
  await browser.close();
  await server?.close();
}
if (problems.length) {
  console.error(`Demo check failed:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log('Demo check passed: no console error, no uncaught exception.');
