import { describe, expect, it } from 'vitest';
import { builtPages, wordCount } from '../support/pages';
import { SITE_BASE_DIR, SITE_ROOT_DIR } from '../support/astro';
import { JS_PAGES } from '../support/budgets';

const CHAPTERS = [
  '/',
  '/open-connect/',
  '/appliance/',
  '/workload/',
  '/kernel-features/',
  '/freebsd/',
  '/tracking-head/',
  '/upstreaming/',
  '/timeline/',
  '/glossary/',
  '/sources/',
];
const KERNEL_FEATURES = [
  'numa',
  'async-sendfile',
  'kernel-tls',
  'pbuf-allocation',
  'unmapped-mbufs',
  'io-scheduling',
  'tcp-algorithms',
  'tcp-logging',
];
// Pages that are not chapters: the home page, reference lists and tools.
const SHORT_ALLOWED = new Set(['/', '/glossary/', '/sources/', '/search/', '/talk/', '/404.html']);

describe.each([
  ['/', SITE_ROOT_DIR],
  ['/open-connect-guide/', SITE_BASE_DIR],
])('every page of the build under base %s', (_base, dir) => {
  const pages = builtPages(dir);

  it('has each chapter of the guide and a page per kernel feature', () => {
    const paths = pages.map((p) => p.path);
    for (const chapter of CHAPTERS) expect(paths).toContain(chapter);
    for (const feature of KERNEL_FEATURES) expect(paths).toContain(`/kernel-features/${feature}/`);
    expect(paths).toContain('/404.html');
  });

  it.each(pages.map((p) => [p.path, p] as const))('%s has the required head and one h1', (_path, { $ }) => {
    expect($('html').attr('lang')).toBe('en');
    expect($('title').text().length).toBeGreaterThan(5);
    expect($('meta[name="description"]').attr('content')?.length ?? 0).toBeGreaterThan(40);
    expect($('link[rel="canonical"]').attr('href')).toMatch(/^https?:\/\//);
    for (const property of ['og:title', 'og:description', 'og:url', 'og:type', 'og:site_name']) {
      expect($(`meta[property="${property}"]`).attr('content'), property).toBeTruthy();
    }
    expect($('h1')).toHaveLength(1);
    expect($('a.skip-link[href="#main"]')).toHaveLength(1);
    expect($('main#main')).toHaveLength(1);
  });

  it('gives every page a unique title and description', () => {
    const titles = pages.map((p) => p.$('title').text());
    const descriptions = pages.map((p) => p.$('meta[name="description"]').attr('content'));
    expect(new Set(titles).size).toBe(titles.length);
    expect(new Set(descriptions).size).toBe(descriptions.length);
  });

  it('ships no JavaScript of its own on the pages of the guide but the explorables and search', () => {
    // Every page has the site's shared module and its inline colour-scheme script (tests/site/budgets.test.ts).
    const shared = pages
      .find((p) => p.path === '/')!
      .$('head script[type="module"][src]')
      .attr('src');
    for (const page of pages.filter((p) => !JS_PAGES.has(p.path))) {
      const files = page.$('script[src]').filter((_, el) => page.$(el).attr('src') !== shared);
      expect(files.length, page.path).toBe(0);
      expect(page.$('script:not([src]):not([type="application/ld+json"])').length, page.path).toBe(1);
      expect(page.html, page.path).not.toMatch(/\son[a-z]+=["']/);
    }
  });

  it('makes no request to another origin', () => {
    for (const { path, $, html } of pages) {
      const requested = [
        ...$('[src]')
          .map((_, el) => $(el).attr('src'))
          .get(),
        ...$('link[href]')
          .not('[rel="canonical"]')
          .map((_, el) => $(el).attr('href'))
          .get(),
      ];
      for (const url of requested) expect(url, `${path} requests ${url}`).not.toMatch(/^(https?:)?\/\//);
      expect(html, path).not.toMatch(/url\(\s*["']?(https?:)?\/\//);
      expect(html, path).not.toMatch(/@import/);
    }
  });

  it('gives every chapter real substance (600 words or more)', () => {
    for (const page of pages.filter((p) => !SHORT_ALLOWED.has(p.path))) {
      expect(wordCount(page), page.path).toBeGreaterThanOrEqual(600);
    }
  });
});
