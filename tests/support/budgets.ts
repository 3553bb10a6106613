/**
 * What each page may cost, in one place for every test that checks it (budgets, CSP, no-JS, page tests).
 * Prose pages ship no JavaScript at all; only the pages with an explorable figure and the search page do.
 */

/** Pages whose explorable figure is a small script over HTML/SVG that already works without it. */
export const EXPLORABLE_PAGES: readonly string[] = ['/workload/', '/upstreaming/'];

/** The search page, which loads Pagefind. */
export const SEARCH_PAGE = '/search/';

/** The one-page edition: every chapter on one page, so exempt from the first-round-trip budget only. */
export const ONE_PAGE_EDITION = '/all/';

/** Pages that may load JavaScript; every other page has no <script> but JSON-LD data. */
export const JS_PAGES: ReadonlySet<string> = new Set([...EXPLORABLE_PAGES, SEARCH_PAGE]);

/**
 * A page's first render (HTML and the CSS it links, gzipped) must fit the first round trip of a new TCP
 * connection: an initial congestion window of 10 segments (RFC 6928) of about 1460 bytes is 14 600 bytes;
 * 14 KB leaves room for the response headers.
 */
export const FIRST_RENDER_BUDGET = 14 * 1024;

/** JavaScript of an explorable page, gzipped. */
export const EXPLORABLE_JS_BUDGET = 6 * 1024;
