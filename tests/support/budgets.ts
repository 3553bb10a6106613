/**
 * What each page may cost, in one place for every test that checks it (budgets, CSP, no-JS, page tests).
 * Prose pages ship no JavaScript at all; only the pages with an explorable figure and the search page do.
 */

/** Pages whose explorable figure is a small script over HTML/SVG that already works without it. */
export const EXPLORABLE_PAGES: readonly string[] = ['/workload/', '/upstreaming/', '/fill/'];

/** The search page, which loads Pagefind. */
export const SEARCH_PAGE = '/search/';

/** Pages that may load JavaScript; every other page has no <script> but JSON-LD data. */
export const JS_PAGES: ReadonlySet<string> = new Set([...EXPLORABLE_PAGES, SEARCH_PAGE]);

/** JavaScript of an explorable page, gzipped. */
export const EXPLORABLE_JS_BUDGET = 6 * 1024;
