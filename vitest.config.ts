import { defineConfig } from 'vitest/config';

// Three kinds of tests, as separate projects so that each can be run alone (`vitest run --project unit`):
// unit: pure logic and plugins through the real Markdown processor; site: checks over real builds;
// e2e: the built site in real Chromium. site and e2e share one global setup that builds the real site once
// under "/" and once under a project-site base path (see tests/support/build-once.ts).
const built = { globalSetup: ['tests/support/build-once.ts'], testTimeout: 240_000, hookTimeout: 240_000 };

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          setupFiles: ['tests/support/fresh-content-cache.ts'],
          testTimeout: 30_000,
        },
      },
      { test: { name: 'site', include: ['tests/site/**/*.test.ts'], ...built } },
      // One browser suite at a time: two cores, and each suite starts its own Chromium.
      { test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], ...built, fileParallelism: false } },
    ],
  },
});
