import { z, reportingValues } from './zod';
import { TITLE_MAX } from './limits';

/**
 * Frontmatter of a chapter (content/chapters/**.mdx). Every field is checked at build time, and a field not
 * listed here fails the build (a typo such as `navTitel:` would otherwise be dropped without a word).
 */
export const chapterFields = z.strictObject({
  /**
   * The page's h1 and the first part of its <title>, which adds " · Open Connect & FreeBSD" (25 characters):
   * at most 45, so that the whole <title> stays within the 70 characters that search results show.
   */
  title: z.string().min(3).max(TITLE_MAX),
  /** Meta description and the summary under the h1: one or two sentences. */
  description: z.string().min(50).max(200),
  /** Position in reading order; sub-pages are ordered within their chapter. Unique among siblings. */
  order: z.number().int().min(0),
  /** Short label for navigation, breadcrumbs and social cards; defaults to the title. */
  navTitle: z.string().max(40).optional(),
});

/** The chapter's data with its defaults applied, here once, so that no page applies them by hand. */
export const chapterSchema = reportingValues(chapterFields).transform((data) => ({
  ...data,
  navTitle: data.navTitle ?? data.title,
}));
