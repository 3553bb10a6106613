import type { AstroIntegration } from 'astro';
import { holdContentSteady } from '../lib/content-cache';

/**
 * `astro build` reads content that does not change while it runs: from the start of a build, each loader's
 * value (glossary, sources, pages, the MDX cache's digest of code and data) is computed once and not checked
 * against its files again (src/lib/content-cache.ts). `astro dev` keeps checking, so that a new term, source
 * or chapter shows without a restart.
 */
export function contentLifetimeIntegration(): AstroIntegration {
  return {
    name: 'guide:content-lifetime',
    hooks: {
      'astro:config:setup': ({ command }) => {
        if (command === 'build') holdContentSteady();
      },
    },
  };
}
