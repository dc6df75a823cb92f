// The same runner on the PRODUCTION builds of Lit and @lit/task (what an npm user's bundler ships).
// The main run uses the development builds for their warnings; a code path that depends on a
// dev-only detail (a private field name, a dev-only check) passes there and breaks here.
import base from './web-test-runner.config.mjs';

export default {
  ...base,
  nodeResolve: { exportConditions: ['browser', 'production'] },
  files: [
    'src/internal/data-controller.test.ts',
    'src/components/partner-deal-board/partner-deal-board.move.test.ts',
    'src/components/partner-table/partner-table.test.ts',
  ],
};
