// vitest configuration (`npm test`, `npm run coverage`): the tests live in test/, every
// fast-check property gets a fixed seed (test/fast-check-seed.ts), and `--coverage` measures
// the lines and branches of src/ with V8 (@vitest/coverage-v8).
import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    dir: 'test',
    setupFiles: ['test/fast-check-seed.ts'],
    // the adversarial test of every export (test/hardening/adversarial-*.test.ts) runs a fast
    // seeded subset here; `npm run test:adversarial` (POOLED_ADVERSARIAL=1) runs the full sweep
    exclude: configDefaults.exclude,
    // the coverage run is CI's test run: instrumented code on a shared machine needs headroom
    testTimeout: 30_000,
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      reporter: ['text-summary', 'json-summary', ['text', { skipFull: true }]],
      reportsDirectory: 'node_modules/.coverage',
      reportOnFailure: true,
    },
  },
});
