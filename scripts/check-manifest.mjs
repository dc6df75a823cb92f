// Fails when custom-elements.json is not what the analyzer makes from src/ now.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

// The analyzer resolves its outdir against the working directory, so the fresh copy goes in a scratch folder here.
const out = '.cem-check';
try {
  execFileSync('npx', ['cem', 'analyze', '--config', 'cem.config.mjs'], { stdio: 'pipe', env: { ...process.env, CEM_OUTDIR: out } });
  const fresh = readFileSync(join(out, 'custom-elements.json'), 'utf8');
  let committed = '';
  try {
    committed = readFileSync('custom-elements.json', 'utf8');
  } catch {
    /* missing counts as stale */
  }
  if (fresh.trim() !== committed.trim()) {
    console.error('custom-elements.json is stale: run `npm run analyze` and commit the result.');
    process.exit(1);
  }
  console.log('custom-elements.json is up to date.');
} finally {
  rmSync(out, { recursive: true, force: true });
}
