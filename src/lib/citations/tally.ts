import type { CitationCounts } from './page';

/**
 * The citation counts of every page rendered in this process, for the totals the build prints (see
 * src/integrations/citation-totals.ts). A page rendered again (in `astro dev`) replaces its earlier count.
 */
const pages = new Map<string, CitationCounts>();

export function recordPage(file: string, counts: CitationCounts): void {
  pages.set(file, { ...counts });
}

export function totals(): CitationCounts & { pages: number } {
  const sum = { citations: 0, withLocator: 0, withPassage: 0, ownReading: 0, unchecked: 0, pages: pages.size };
  for (const c of pages.values()) {
    sum.citations += c.citations;
    sum.withLocator += c.withLocator;
    sum.withPassage += c.withPassage;
    sum.ownReading += c.ownReading;
    sum.unchecked += c.unchecked;
  }
  return sum;
}

export function resetTally(): void {
  pages.clear();
}
