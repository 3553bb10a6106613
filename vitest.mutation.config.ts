import { defineConfig } from 'vitest/config';

// The unit tests alone, for mutation testing (stryker.config.json, `npm run mutation`): each mutant of src/lib
// and src/markdown is run against them, so they must not need a build or a browser.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    setupFiles: ['tests/support/fresh-content-cache.ts'],
    testTimeout: 30_000,
  },
});
