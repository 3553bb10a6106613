import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { brokenAnchorLinks, builtIds, resetAnchorLinks } from '../lib/link-check';
import { timed } from './timing';

/** At the end of a build, checks every recorded link to a chapter's anchor against the built pages. */
export function linkCheckIntegration(): AstroIntegration {
  return {
    name: 'guide:links',
    hooks: {
      'astro:build:start': () => resetAnchorLinks(),
      'astro:build:done': ({ dir, logger }) =>
        timed('links', () => {
          const ids = builtIds(fileURLToPath(dir));
          const error = brokenAnchorLinks(ids);
          if (error) throw error;
          logger.info(`every link to an anchor is on its page (${ids.size} pages)`);
        }),
    },
  };
}
