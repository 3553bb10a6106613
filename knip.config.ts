import type { KnipConfig } from 'knip';

/**
 * knip (part of `npm run lint`): files, dependencies and exports that nothing uses. Its Astro and Vitest plugins
 * find the pages, configs and tests by themselves; what they cannot know is named here.
 */
const config: KnipConfig = {
  entry: [
    // The chapters live outside src/ (src/content.config.ts loads them with a glob); they import the figures.
    'content/**/*.{md,mdx}',
    // Content for the fixture builds of tests/site/build-errors.test.ts (GUIDE_CONTENT_DIR).
    'tests/fixtures/**/*.{md,mdx}',
    // The unit tests alone, which stryker.config.json names for mutation testing (npm run mutation).
    'vitest.mutation.config.ts',
    // Started by path as a worker thread (src/lib/card-pool.ts), not imported.
    'src/lib/card-worker.ts',
    // Run as its own process by tests/unit/reader/card-worker-memory.test.ts.
    'tests/support/card-memory.ts',
  ],
  // An export that its own module also uses is part of that module's documented surface (the models' constants,
  // the schemas' field types), not dead code.
  ignoreExportsUsedInFile: true,
  // The Nu checker's Java comes from the system (.ci/run installs it), not from npm.
  ignoreBinaries: ['java'],
  ignoreDependencies: [
    // Loaded by path, which knip cannot follow: the social card's font files (src/lib/card-fonts.ts) and the
    // Starlight peer site that `npm run bench -- --peers` writes and builds (scripts/bench/starlight.ts).
    '@fontsource/inter',
    '@fontsource/noto-emoji',
    '@fontsource/noto-sans-arabic',
    '@fontsource/noto-sans-devanagari',
    '@fontsource/noto-sans-hebrew',
    '@fontsource/noto-sans-jp',
    '@fontsource/noto-sans-kr',
    '@fontsource/noto-sans-sc',
    '@fontsource/noto-sans-symbols-2',
    '@fontsource/noto-sans-thai',
    '@astrojs/starlight',
  ],
};

export default config;
