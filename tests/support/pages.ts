import fs from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';

export interface BuiltPage {
  /** Site path without the base, e.g. "/workload/". */
  path: string;
  file: string;
  html: string;
  $: cheerio.CheerioAPI;
}

/** Every HTML page of a build, in a stable order. */
export function builtPages(outDir: string): BuiltPage[] {
  const files = (fs.readdirSync(outDir, { recursive: true }) as string[]).filter((f) => f.endsWith('.html')).sort();
  return files.map((rel) => {
    const file = path.join(outDir, rel);
    const html = fs.readFileSync(file, 'utf8');
    const sitePath = `/${rel.split(path.sep).join('/')}`.replace(/index\.html$/, '');
    return { path: sitePath, file, html, $: cheerio.load(html) };
  });
}

/** Visible words of a page's main content, without navigation, tooltips and references. */
export function wordCount(page: BuiltPage): number {
  const $ = cheerio.load(page.html);
  $('.toc, .tip, .references, .pagination, nav, script, style').remove();
  return $('main')
    .text()
    .split(/\s+/)
    .filter((w) => /[A-Za-z0-9]/.test(w)).length;
}
