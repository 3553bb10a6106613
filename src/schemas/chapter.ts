import { z, reportingValues } from './zod';

/** Frontmatter of a chapter (content/chapters/**.mdx). Every field is checked at build time. */
export const chapterFields = z.object({
  /** The page's h1 and the first part of its <title>. */
  title: z.string().min(3).max(80),
  /** Meta description and the summary under the h1: one or two sentences. */
  description: z.string().min(50).max(200),
  /** Position in reading order; sub-pages are ordered within their chapter. */
  order: z.number().int().min(0),
  /** Short label for navigation; defaults to the title. */
  navTitle: z.string().max(40).optional(),
  /** Sources every reader should know about; shown even if not cited inline. */
  furtherReading: z.array(z.string()).default([]),
});

export const chapterSchema = reportingValues(chapterFields);
