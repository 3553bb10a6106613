/**
 * What each page may cost, in one place for every test that checks it (budgets, CSP, no-JS, page tests).
 *
 * JavaScript: every page loads one shared module (src/scripts/site/, the site's custom elements), the same file
 * everywhere, and carries one inline script in the head that applies a stored colour scheme before the first
 * paint. A prose page carries exactly these two and nothing else; the pages with an explorable figure and the
 * search page add their own script. The one-page edition ships neither the module nor any other file.
 */

/** Pages whose explorable figure is a small script over HTML/SVG that already works without it. */
export const EXPLORABLE_PAGES: readonly string[] = ['/workload/', '/upstreaming/'];

/** The search page, which loads Pagefind. */
export const SEARCH_PAGE = '/search/';

/** The one-page edition: every chapter on one page, for print and offline reading; it loads no script file. */
export const ONE_PAGE_EDITION = '/all/';

/** Pages that load JavaScript of their own besides the shared module. */
export const JS_PAGES: ReadonlySet<string> = new Set([...EXPLORABLE_PAGES, SEARCH_PAGE]);

/**
 * The first round trip of a new TCP connection: an initial congestion window of 10 segments (RFC 6928) of
 * about 1460 bytes is 14 600 bytes; 14 KB leaves room for the response headers. The first this-many bytes of a
 * page's gzip stream must hold its whole <head> (with all its CSS, which is inlined), the header, and its main
 * content through the first <h2>: what a reader sees first arrives in one round trip. The rest of a long page
 * streams after it.
 */
export const FIRST_RENDER_BUDGET = 14 * 1024;

/** The shared module (with anything it imports), gzipped. */
export const SHARED_JS_BUDGET = 2 * 1024;

/** The inline colour-scheme script of the head, in bytes as written (it is too short for gzip to matter). */
export const INLINE_SCRIPT_BUDGET = 300;

/** JavaScript of an explorable page, gzipped, besides the shared module. */
export const EXPLORABLE_JS_BUDGET = 6 * 1024;
