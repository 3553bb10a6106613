/**
 * What each page may cost, in one place for every test that checks it (budgets, CSP, no-JS, page tests).
 *
 * JavaScript: every page loads one shared module (src/scripts/site/, the site's custom elements), the same file
 * everywhere, and carries one inline script in the head that applies a stored colour scheme before the first
 * paint. A prose page carries exactly these two and nothing else; the pages with an explorable figure and the
 * search page add their own script. The one-page edition ships no script file at all.
 * The first round trip is tests/site/first-round-trip.test.ts (FIRST_ROUND_TRIP in scripts/bench/sizes.ts).
 */

/** Pages whose explorable figure is a small script over HTML/SVG that already works without it. */
export const EXPLORABLE_PAGES: readonly string[] = ['/workload/', '/upstreaming/', '/fill/'];

/** The search page, which loads Pagefind. */
export const SEARCH_PAGE = '/search/';

/** The one-page edition: every chapter on one page, for print and offline reading; it loads no script file. */
export const ONE_PAGE_EDITION = '/all/';

/** Pages that load JavaScript of their own besides the shared module. */
export const JS_PAGES: ReadonlySet<string> = new Set([...EXPLORABLE_PAGES, SEARCH_PAGE]);

/** The shared module (with anything it imports), gzipped. */
export const SHARED_JS_BUDGET = 2 * 1024;

/** The inline colour-scheme script of the head, in bytes as written (it is too short for gzip to matter). */
export const INLINE_SCRIPT_BUDGET = 300;

/** JavaScript of an explorable page, gzipped, besides the shared module. */
export const EXPLORABLE_JS_BUDGET = 6 * 1024;
