/**
 * Limits of a chapter's frontmatter that other code needs too (the benchmark's synthetic chapters); no imports,
 * so that plain Node can load it.
 */

/** The longest chapter title: the `<title>` adds " · Open Connect & FreeBSD" (25 characters) and fits 70. */
export const TITLE_MAX = 45;
