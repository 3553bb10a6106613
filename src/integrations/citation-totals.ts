import type { AstroIntegration } from 'astro';
import { resetTally, totals } from '../lib/citations/tally';

/**
 * Prints, at the end of a build, how the guide's citations stand: how many there are, how many carry a
 * locator and a passage, how many mark the guide's own reading, and how many are not yet checked (the goal
 * is none). The counts come from remark-citations as it renders each chapter.
 */
export function citationTotalsIntegration(): AstroIntegration {
  return {
    name: 'guide:citations',
    hooks: {
      'astro:build:start': () => resetTally(),
      'astro:build:done': ({ logger }) => {
        const t = totals();
        logger.info(
          `${t.citations} citations on ${t.pages} pages: ${t.withLocator} with a locator, ${t.withPassage} with a passage, ${t.ownReading} marked as the guide's own reading, ${t.unchecked} not yet checked`,
        );
      },
    },
  };
}
