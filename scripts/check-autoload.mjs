// The built autoloader (dist/autoload/) in headless Chromium, as a CRM page uses it: a page with
// one <status-badge> and the script tag loads the badge's code and not the table's; a tag added
// later loads then; nothing logs an error. Run after `npm run build`.
import { existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { serve } from '../bench/lib/server.mjs';

const root = resolve(import.meta.dirname, '..');
const built = join(root, 'dist/autoload/partner-kit.autoload.js');
if (!existsSync(built)) {
  console.error('Autoload check: dist/autoload/partner-kit.autoload.js is missing (run `npm run build`).');
  process.exit(1);
}
const chrome = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/google-chrome'].find((path) => path && existsSync(path));
if (!chrome) {
  console.error('No Chromium found: install one (Debian: apt-get install -y chromium) or set CHROME_PATH.');
  process.exit(1);
}

const site = mkdtempSync(join(tmpdir(), 'partner-kit-autoload-'));
symlinkSync(join(root, 'dist/autoload'), join(site, 'autoload'));
writeFileSync(
  join(site, 'index.html'),
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>autoload</title></head><body>
<p>Status: <status-badge status="active"></status-badge></p>
<script type="module" src="./autoload/partner-kit.autoload.js"></script>
</body></html>`,
);

// The README's integration: a provider around a table, the adapter given from a module script.
// A plain adapter object (the static server has no API), with one partner.
writeFileSync(
  join(site, 'table.html'),
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>autoload table</title></head><body>
<partner-kit-provider id="kit"><partner-table></partner-table></partner-kit-provider>
<script type="module">
  import { loadElement } from './autoload/partner-kit.autoload.js';
  const at = '2026-11-01T12:00:00.000Z';
  const partner = { id: 'p-1', email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace', status: 'pending-opened',
    allowsProfileUpdates: true, profile: {}, invitedAt: at, acceptedAt: null, updatedAt: at };
  document.getElementById('kit').adapter = {
    getSession: async () => ({ viewer: { id: 'u-1', name: 'Lee Officer', email: 'lee@example.com' }, role: 'lender',
      organisation: { id: 'o-1', name: 'Harbor Lending' }, switches: { profilePrefill: true, profileEditing: true, partnersAddDeals: true } }),
    listPartners: async () => ({ items: [partner], total: 1 }),
  };
  window.tableClass = await loadElement('partner-table');
</script>
</body></html>`,
);

// A CRM page with a strict Content-Security-Policy: no inline script or style, no eval. The same
// table from an external module, with 300 partners so that the windowed table draws a spacer for
// the rows off screen (its height is set through the CSSOM: a style attribute would be blocked).
const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https: data:";
writeFileSync(
  join(site, 'strict.html'),
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>strict CSP</title></head><body>
<partner-kit-provider id="kit"><partner-table></partner-table></partner-kit-provider>
<script type="module" src="./strict.js"></script>
</body></html>`,
);
writeFileSync(
  join(site, 'strict.js'),
  `window.violations = [];
document.addEventListener('securitypolicyviolation', (event) => window.violations.push(event.violatedDirective + ' ' + (event.blockedURI || '') + ' ' + (event.sourceFile || '') + ':' + event.lineNumber));
const { loadElement } = await import('./autoload/partner-kit.autoload.js');
const at = '2026-11-01T12:00:00.000Z';
const items = Array.from({ length: 300 }, (_, index) => ({ id: 'p-' + index, email: 'partner' + index + '@example.com', firstName: 'Partner', lastName: String(index),
  status: 'pending-opened', allowsProfileUpdates: true, profile: { photoUrl: 'https://example.com/p.png' }, invitedAt: at, acceptedAt: null, updatedAt: at }));
document.getElementById('kit').adapter = {
  getSession: async () => ({ viewer: { id: 'u-1', name: 'Lee Officer', email: 'lee@example.com' }, role: 'lender',
    organisation: { id: 'o-1', name: 'Harbor Lending' }, switches: { profilePrefill: true, profileEditing: true, partnersAddDeals: true } }),
  listPartners: async () => ({ items, total: items.length }),
};
await loadElement('partner-table');
`,
);

const problems = [];
const server = await serve(site);
const strictServer = await serve(site, { headers: { 'content-security-policy': STRICT_CSP } });
const browser = await puppeteer.launch({ executablePath: chrome, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
try {
  const page = await browser.newPage();
  const requested = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  page.on('console', (message) => message.type() === 'error' && problems.push(`console.error: ${message.text()}`));
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  await page.goto(`${server.origin}/index.html`, { waitUntil: 'networkidle0', timeout: 30000 });
  const badgeText = () => page.evaluate(() => document.querySelector('status-badge')?.shadowRoot?.textContent?.trim() ?? '');
  await page.waitForFunction(() => document.querySelector('status-badge')?.shadowRoot?.textContent?.includes('Active'), { timeout: 10000 }).catch(() => {});
  if (!(await badgeText()).includes('Active')) problems.push(`the badge on the page did not render (shadow text: ${JSON.stringify(await badgeText())})`);
  const chunks = requested.filter((path) => path.includes('/chunks/'));
  if (!chunks.some((path) => /\/status-badge-[^/]+\.js$/.test(path))) problems.push(`the badge's chunk was not loaded (loaded: ${chunks.join(', ')})`);
  const unneeded = chunks.filter((path) => /\/(partner-table|invite-wizard|partner-deal-board|portal-settings|shared-clients)-[^/]+\.js$/.test(path));
  if (unneeded.length) problems.push(`a page with one badge loaded other elements' code: ${unneeded.join(', ')}`);
  const badgePage = { files: requested.filter((path) => path.endsWith('.js')).length };

  // A tag added later, inside another element, loads when it is added.
  await page.evaluate(() => {
    const wrapper = document.createElement('div');
    const progress = document.createElement('profile-progress');
    progress.setAttribute('percent', '50');
    wrapper.append(progress);
    document.body.append(wrapper);
  });
  await page.waitForFunction(() => document.querySelector('profile-progress')?.shadowRoot?.textContent?.includes('50%'), { timeout: 10000 }).catch(() => {
    problems.push('a <profile-progress> added after load did not render');
  });
  const exported = await page.evaluate(async () => {
    const module = await import('./autoload/partner-kit.autoload.js');
    return Object.keys(module).sort();
  });
  for (const name of ['createRestAdapter', 'discover', 'loadElement', 'PartnerKitError', 'setLocale']) {
    if (!exported.includes(name)) problems.push(`the autoloader does not export ${name} (it exports ${exported.join(', ')})`);
  }
  console.log(`autoload: a page with one badge loaded ${badgePage.files} script files; a tag added later loaded on its own; exports ${exported.join(', ')}`);

  const tablePage = await browser.newPage();
  tablePage.on('console', (message) => message.type() === 'error' && problems.push(`table page: console.error: ${message.text()}`));
  tablePage.on('pageerror', (error) => problems.push(`table page: uncaught: ${error.message}`));
  await tablePage.goto(`${server.origin}/table.html`, { waitUntil: 'networkidle0', timeout: 30000 });
  const tableText = () => tablePage.evaluate(() => (document.querySelector('partner-table')?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' '));
  await tablePage.waitForFunction(() => document.querySelector('partner-table')?.shadowRoot?.textContent?.includes('Ada Lovelace'), { timeout: 10000 }).catch(() => {});
  const shown = await tableText();
  if (!shown.includes('Ada Lovelace')) problems.push(`the table inside the provider did not show the adapter's partner (it shows: ${JSON.stringify(shown.slice(-200))})`);
  if (shown.includes('has no adapter')) problems.push('the table inside the provider says it has no adapter');
  console.log('autoload: a provider around a table, adapter given from a module script: the table shows the partner');

  // Under the strict policy: the table shows its rows, the spacer below them has its height (the
  // scroller scrolls the 300 rows, not the ~20 drawn), and nothing the kit does is refused.
  const strictPage = await browser.newPage();
  strictPage.on('pageerror', (error) => problems.push(`strict-CSP page: uncaught: ${error.message}`));
  await strictPage.goto(`${strictServer.origin}/strict.html`, { waitUntil: 'networkidle0', timeout: 30000 });
  await strictPage.waitForFunction(() => document.querySelector('partner-table')?.shadowRoot?.textContent?.includes('Partner 0'), { timeout: 10000 }).catch(() => {});
  const strict = await strictPage.evaluate(async () => {
    const root = document.querySelector('partner-table')?.shadowRoot;
    await new Promise((resolve) => setTimeout(resolve, 300));
    const scroller = root?.querySelector('[part="scroller"]');
    const rows = root?.querySelectorAll('tr.row') ?? [];
    const rowHeight = rows[0]?.getBoundingClientRect().height ?? 0;
    return { rows: rows.length, rowHeight, scrollHeight: scroller?.scrollHeight ?? 0, violations: window.violations ?? ['the page script did not run'] };
  });
  if (strict.rows === 0) problems.push('under a strict Content-Security-Policy the table showed no rows');
  else if (strict.scrollHeight < 250 * strict.rowHeight) {
    problems.push(`under a strict Content-Security-Policy the table scrolls ${strict.scrollHeight}px for 300 rows of ${strict.rowHeight.toFixed(0)}px: the spacer has no height`);
  }
  if (strict.violations.length) problems.push(`under a strict Content-Security-Policy the page reported: ${strict.violations.slice(0, 5).join('; ')}`);
  console.log(`autoload: under a strict Content-Security-Policy (${STRICT_CSP}) the table shows ${strict.rows} of 300 rows, scrolls ${strict.scrollHeight}px, ${strict.violations.length} violations`);
} catch (error) {
  problems.push(`the autoload page did not run: ${error.message}`);
} finally {
  await browser.close();
  await server.close();
  await strictServer.close();
  rmSync(site, { recursive: true, force: true });
}
if (problems.length) {
  console.error(`Autoload check failed:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log('Autoload check passed.');
