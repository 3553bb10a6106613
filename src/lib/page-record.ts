import type { VFile } from 'vfile';
import type { CitationCounts } from './citations/page';

/**
 * What the Markdown plugins record about a page for the pages that list it (/sources/, /all/, the build's
 * totals). Astro hands it over as `remarkPluginFrontmatter`, an untyped record; this module is the one place
 * that writes and reads it, so both sides agree on its shape.
 */
export interface PageRecord {
  /** Keys of the sources the page cites, in order of first citation. */
  citations: string[];
  /** Number of citations that rest on each source. */
  claims: Record<string, number>;
  counts: CitationCounts;
  /** Ids of the glossary terms the page marks, in order of first use. */
  terms: string[];
  /** The figures the page shows, in order of first appearance (src/markdown/remark-figures.ts). */
  figures: FigureUse[];
}

/** A figure a chapter shows: its component's name, and the `view` it asks for, if any. */
export interface FigureUse {
  name: string;
  view?: string;
}

const KEY = 'guide';

type AstroData = { astro?: { frontmatter?: Record<string, unknown> } };

/** Adds to the record of the page that `file` is. */
export function setPageRecord(file: VFile, part: Partial<PageRecord>): void {
  const data = file.data as AstroData;
  data.astro ??= {};
  data.astro.frontmatter ??= {};
  const record = (data.astro.frontmatter[KEY] ?? {}) as Partial<PageRecord>;
  data.astro.frontmatter[KEY] = { ...record, ...part };
}

const EMPTY_COUNTS: CitationCounts = { citations: 0, withLocator: 0, withPassage: 0, ownReading: 0, unchecked: 0 };

/** The record of a rendered page, from `render(entry).remarkPluginFrontmatter`. */
export function pageRecord(remarkPluginFrontmatter: Record<string, unknown>): PageRecord {
  const record = (remarkPluginFrontmatter[KEY] ?? {}) as Partial<PageRecord>;
  return {
    citations: record.citations ?? [],
    claims: record.claims ?? {},
    counts: record.counts ?? EMPTY_COUNTS,
    terms: record.terms ?? [],
    figures: record.figures ?? [],
  };
}
