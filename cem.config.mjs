export default {
  globs: ['src/components/**/*.component.ts', 'src/internal/kit-element.ts', 'src/internal/partner-kit-element.ts'],
  exclude: ['src/**/*.test.ts'],
  // check-manifest.mjs writes a fresh copy elsewhere to compare with the committed one.
  outdir: process.env.CEM_OUTDIR ?? '.',
  litelement: true,
  packagejson: false,
};
