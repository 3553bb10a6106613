/**
 * Ids the layout gives its own elements, in one place for the markup that sets them and for the checks that
 * keep authors' ids (headings, glossary terms) off them. An author's `## References` would otherwise take the
 * id of the page's references heading, duplicate it and send the table of contents to the wrong place.
 */
export const LAYOUT_IDS = {
  /** <main>, the skip link's target (every page). */
  main: 'main',
  /** The page's header with its h1 (every page). */
  top: 'top',
  /** The table of contents' heading (chapters). */
  tocTitle: 'toc-title',
  /** The references heading (chapters that cite). */
  references: 'references',
  /** The "Cite this page" heading (chapters). */
  citeThisPage: 'cite-this-page',
} as const;

/** Every id the layout sets, whatever the page. */
export const RESERVED_IDS: readonly string[] = Object.values(LAYOUT_IDS);

/** Prefixes of the ids that citations and tooltips make (cite-3, note-1-2, ref-key, tip-ktls). */
export const RESERVED_ID_PREFIXES = ['cite-', 'note-', 'ref-', 'tip-'] as const;

/** Why an author's id may not be used, or undefined if it may. */
export function reservedIdProblem(id: string): string | undefined {
  if (RESERVED_IDS.includes(id)) return `the layout already uses the id "${id}" (${RESERVED_IDS.join(', ')})`;
  const prefix = RESERVED_ID_PREFIXES.find((p) => id.startsWith(p));
  if (prefix) return `ids starting with "${prefix}" belong to citations and tooltips`;
  return undefined;
}
