export default {
  globs: ['src/components/**/*.component.ts', 'src/internal/kit-element.ts', 'src/internal/partner-kit-element.ts'],
  exclude: ['src/**/*.test.ts'],
  // check-manifest.mjs writes a fresh copy elsewhere to compare with the committed one.
  outdir: process.env.CEM_OUTDIR ?? '.',
  litelement: true,
  packagejson: false,
  plugins: [
    {
      // The analyzer reads files in parallel, so module order varies between runs: sort it, so the
      // committed manifest is reproducible and the freshness check compares content only.
      name: 'partner-kit-sort-modules',
      packageLinkPhase({ customElementsManifest }) {
        customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
      },
    },
  ],
};
