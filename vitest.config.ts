import { defineConfig } from 'vitest/config';

// Three kinds of tests, as separate projects so that each can be run alone (`vitest run --project unit`):
// unit: pure logic and plugins through the real Markdown processor; site: checks over real builds;
// e2e: the built site in real Chromium. The site and e2e projects share one global setup that builds the
// site once under "/" and once under a project-site base path.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], testTimeout: 30_000 } },
      {
        test: {
          name: 'site',
          include: ['tests/site/**/*.test.ts'],
          globalSetup: ['tests/support/build-once.ts'],
          testTimeout: 240_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
