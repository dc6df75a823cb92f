export default {
  globs: ['src/components/**/*.component.ts', 'src/internal/partner-kit-element.ts'],
  exclude: ['src/**/*.test.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
};
