import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtPages, type BuiltPage } from '../support/pages';
import { BASE_PATH, SITE_BASE_DIR, SITE_ROOT_DIR } from '../support/astro';

/** Checks that every link, anchor and asset of a build resolves to a file and an element of that build. */
function brokenLinks(dir: string, base: string): string[] {
  const pages = builtPages(dir);
  const idsByFile = new Map<string, Set<string>>(
    pages.map((p) => [
      p.file,
      new Set(
        p
          .$('[id]')
          .map((_, el) => p.$(el).attr('id')!)
          .get(),
      ),
    ]),
  );
  const broken: string[] = [];
  const check = (page: BuiltPage, url: string) => {
    if (/^(https?:|mailto:|data:)/.test(url) || url.startsWith('//')) return;
    const resolved = new URL(url, `http://site.test${base}${page.path.replace(/^\//, '')}`);
    if (!resolved.pathname.startsWith(base))
      return void broken.push(`${page.path}: ${url} is outside the base ${base}`);
    let file = path.join(dir, decodeURIComponent(resolved.pathname.slice(base.length)));
    if (resolved.pathname.endsWith('/')) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) return void broken.push(`${page.path}: ${url} (no file ${path.relative(dir, file)})`);
    const hash = decodeURIComponent(resolved.hash.slice(1));
    if (hash && file.endsWith('.html') && !idsByFile.get(file)?.has(hash))
      broken.push(`${page.path}: ${url} (no #${hash} there)`);
  };
  for (const page of pages) {
    page.$('a[href], link[href], [src]').each((_, el) => {
      const $el = page.$(el);
      if ($el.attr('rel') === 'canonical') return;
      const url = $el.attr('href') ?? $el.attr('src');
      if (url) check(page, url);
    });
  }
  return broken;
}

describe('links, anchors and assets', () => {
  it('all resolve in the build under "/"', () => {
    expect(brokenLinks(SITE_ROOT_DIR, '/')).toEqual([]);
  });
  it(`all resolve in the build under "${BASE_PATH}"`, () => {
    expect(brokenLinks(SITE_BASE_DIR, BASE_PATH)).toEqual([]);
  });
  it('carry the base path on every internal link of the project-site build', () => {
    const page = builtPages(SITE_BASE_DIR).find((p) => p.path === '/workload/')!;
    const internal = page
      .$('a[href^="/"]')
      .map((_, el) => page.$(el).attr('href')!)
      .get();
    expect(internal.length).toBeGreaterThan(5);
    for (const href of internal) expect(href.startsWith(BASE_PATH), href).toBe(true);
  });
  it('publishes a sitemap and a robots.txt that points to it', () => {
    const robots = fs.readFileSync(path.join(SITE_BASE_DIR, 'robots.txt'), 'utf8');
    expect(robots).toMatch(new RegExp(`Sitemap: https?://[^/]+${BASE_PATH}sitemap-index\\.xml`));
    const sitemap = fs.readFileSync(path.join(SITE_BASE_DIR, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain(`${BASE_PATH}kernel-features/kernel-tls/</loc>`);
    expect(fs.existsSync(path.join(SITE_BASE_DIR, 'favicon.svg'))).toBe(true);
  });
});
