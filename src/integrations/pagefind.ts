import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import { timed } from './timing';
import { GUIDE_PAGES } from '../lib/pages';

/**
 * What is left out of the index inside a page's `data-pagefind-body`: the page's own table of contents,
 * glossary tooltips (their text belongs to the glossary, which is indexed), citation lists (the sources page
 * is indexed) and the sources page's back-links, the appendix, the previous/next links, and the letters that
 * group the glossary and the sources (single letters that Pagefind would match against the first letter of
 * any word searched). Listed here once rather than as an attribute on every element, which would add bytes
 * to every page.
 */
export const PAGEFIND_EXCLUDE = [
  '.toc',
  '.tip',
  '.references',
  '.pagination',
  '.chapter-appendix',
  '.cited-by',
  '.letter-index',
  '.letter-heading',
];

/**
 * Builds the Pagefind search index after the site, into `<outDir>/pagefind/`. The index stores URLs relative
 * to the site's root; the search page tells Pagefind the base path at run time, so one index works under any
 * BASE_PATH and for any --outDir. Only pages whose <main> carries `data-pagefind-body` are indexed (the
 * chapters, the glossary and the sources), not /all/, which repeats them, nor /search/ or the 404 page.
 */
export function pagefindIntegration(): AstroIntegration {
  return {
    name: 'guide:pagefind',
    hooks: {
      'astro:build:done': ({ dir, logger }) => timed('pagefind', () => indexSite(fileURLToPath(dir), logger)),
    },
  };
}

/** A page's file in the output, as the build writes it (format "directory"): "/all/" → "all/index.html". */
const fileOf = (sitePath: string) => (sitePath.endsWith('/') ? `${sitePath}index.html` : sitePath).replace(/^\//, '');

/**
 * The HTML files that Pagefind is given: every page of the output but those the page registry (src/lib/pages.ts)
 * does not index. Pagefind would otherwise parse them to find no `data-pagefind-body`, and /all/, which holds
 * every chapter, is 40% of the HTML of a 500-page guide and took two thirds of the indexing time.
 */
export function indexedFiles(outDir: string): string[] {
  const skipped = new Set(GUIDE_PAGES.filter((p) => !p.indexed).map((p) => fileOf(p.path)));
  return fs
    .readdirSync(outDir, { recursive: true, encoding: 'utf8' })
    .map((file) => file.split(path.sep).join('/'))
    .filter((file) => file.endsWith('.html') && !skipped.has(file))
    .sort();
}

/**
 * Pagefind's glob for exactly these files, relative to the output folder; undefined when a name holds a character
 * other than letters, digits, ".", "_", "-" and "/" (Pagefind's glob syntax gives meaning, or an error, to most
 * others), and Pagefind then reads the whole folder as before.
 */
export function globOf(files: readonly string[]): string | undefined {
  if (files.length === 0 || files.some((f) => !/^[\w./-]+$/.test(f))) return undefined;
  return `{${files.join(',')}}`;
}

async function indexSite(outDir: string, logger: AstroIntegrationLogger): Promise<void> {
  const started = performance.now();
  const { index, errors } = await pagefind.createIndex({
    forceLanguage: 'en',
    excludeSelectors: PAGEFIND_EXCLUDE,
  });
  try {
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const glob = globOf(indexedFiles(outDir));
    const added = await index.addDirectory({ path: outDir, ...(glob ? { glob } : {}) });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index ${outDir}: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    logger.info(
      `indexed ${added.page_count} pages into ${path.relative(process.cwd(), written.outputPath) || written.outputPath} in ${((performance.now() - started) / 1000).toFixed(2)} s`,
    );
  } finally {
    await pagefind.close();
  }
}
