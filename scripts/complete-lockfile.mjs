// The npm mirror on our build machines serves only the Linux x64/arm64
// builds of rollup's native binaries, so `npm install` writes a lock file
// without the other platforms' optional packages, and `npm ci` then refuses
// it ("Missing: @rollup/rollup-… from lock file"). This adds those entries
// back with their os/cpu/libc, so npm ci skips them on this platform as it
// would with a lock written against the full registry.
// Run after `npm install` changes package-lock.json: node scripts/complete-lockfile.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const packages = lock.packages;
const platform = (name) => {
  const suffix = name.replace('@rollup/rollup-', '');
  const [os, cpuPart, abi] = suffix.split('-');
  const cpu = { 'arm': 'arm', 'arm64': 'arm64', 'x64': 'x64', 'ia32': 'ia32', 'loong64': 'loong64', 'ppc64': 'ppc64', 'riscv64': 'riscv64', 's390x': 's390x' }[cpuPart];
  const entry = { os: [os === 'win32' ? 'win32' : os], cpu: [cpu] };
  if (abi === 'gnu' || abi === 'gnueabihf') entry.libc = ['glibc'];
  if (abi === 'musl' || abi === 'musleabihf') entry.libc = ['musl'];
  return entry;
};
let added = 0;
for (const [path, info] of Object.entries(packages)) {
  if (!path.endsWith('node_modules/rollup')) continue;
  for (const [name, version] of Object.entries(info.optionalDependencies ?? {})) {
    const key = `${path.slice(0, -'rollup'.length)}${name}`;
    if (packages[key]) continue;
    packages[key] = { version, ...platform(name), dev: info.dev ?? undefined, license: 'MIT', optional: true };
    added += 1;
  }
}
const sorted = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : 1)));
lock.packages = sorted;
writeFileSync('package-lock.json', `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lockfile: added ${added} optional platform entries.`);
