import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { builtPages, type BuiltPage } from '../support/pages';
import { BASE_PATH, SITE_BASE_DIR } from '../support/astro';
import { schemaOrgProblems, topTypes } from '../support/schema-org';

// The reader tools over the real build under a project-site base path: search index, /all/, JSON-LD, cards.
const dir = SITE_BASE_DIR;
const pages = builtPages(dir);
const page = (p: string) => pages.find((x) => x.path === p)!;
/** Chapter pages: those made by the chapter layout, which ends each with "cite this page". */
const chapters = pages.filter((p) => p.$('.chapter-appendix').length > 0);
const chapterAnchor = (sitePath: string) => (sitePath === '/' ? 'home' : sitePath.slice(1, -1).replace(/\//g, '-'));

/** Pagefind's fragments (gzip, after an 12-byte signature, JSON): one per indexed page. */
function indexedPages(): { url: string; content: string; anchors: { id: string; element: string }[] }[] {
  const folder = path.join(dir, 'pagefind/fragment');
  return fs.readdirSync(folder).map((f) => {
    const raw = zlib.gunzipSync(fs.readFileSync(path.join(folder, f))).toString('utf8');
    return JSON.parse(raw.slice(raw.indexOf('{')));
  });
}

describe('search', () => {
  const indexed = indexedPages();

  it('has a Pagefind index, written after the build, holding every chapter, the glossary and the sources', () => {
    expect(fs.existsSync(path.join(dir, 'pagefind/pagefind.js'))).toBe(true);
    const entry = JSON.parse(fs.readFileSync(path.join(dir, 'pagefind/pagefind-entry.json'), 'utf8'));
    const expected = pages
      .filter((p) => p.$('main[data-pagefind-body]').length > 0)
      .map((p) => p.path)
      .sort();
    expect(expected).toEqual(expect.arrayContaining([...chapters.map((c) => c.path), '/glossary/', '/sources/']));
    expect(indexed.map((p) => p.url).sort()).toEqual(expected);
    expect(entry.languages.en.page_count).toBe(expected.length);
  });

  it('leaves out the pages that only repeat or serve the others', () => {
    for (const p of ['/all/', '/search/', '/404.html']) expect(page(p).$('[data-pagefind-body]'), p).toHaveLength(0);
  });

  it('indexes the text of the chapter, not its navigation, tooltips or appendix', () => {
    const ktls = indexed.find((p) => p.url === '/kernel-features/kernel-tls/')!;
    expect(ktls.content).toMatch(/kTLS/);
    expect(ktls.content).not.toMatch(/Cite this page|BibTeX|On this page|Skip to content/);
  });

  it('can find every glossary term and every source as a section of its page', () => {
    const glossary = indexed.find((p) => p.url === '/glossary/')!;
    const terms = page('/glossary/')
      .$('dt[id]')
      .map((_, el) => el.attribs['id'])
      .get();
    expect(glossary.anchors.filter((a) => a.element === 'dt').map((a) => a.id)).toEqual(terms);
    const sources = indexed.find((p) => p.url === '/sources/')!;
    const ids = page('/sources/')
      .$('.bibliography > li[id]')
      .map((_, el) => el.attribs['id'])
      .get();
    expect(sources.anchors.filter((a) => a.element === 'li').map((a) => a.id)).toEqual(ids);
    expect(sources.content).toContain('In-Kernel TLS Framing and Encryption for FreeBSD');
  });

  it('puts a plain GET search form in the header of every page but /search/', () => {
    for (const p of pages.filter((x) => x.path !== '/search/')) {
      const form = p.$('header.site-header form[role="search"]');
      expect(form.attr('action'), p.path).toBe(`${BASE_PATH}search/`);
      expect(form.attr('method')).toBe('get');
      expect(form.find('input[name="q"]')).toHaveLength(1);
    }
  });

  it('loads the search script from a file on /search/ only, and allows WebAssembly there only', () => {
    const search = page('/search/');
    // Besides the shared module of every page (tests/site/budgets.test.ts).
    const shared = page('/').$('head script[type="module"][src]').attr('src');
    const scripts = search
      .$('script[src]')
      .map((_, el) => el.attribs['src'])
      .get()
      .filter((src) => src !== shared);
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toMatch(new RegExp(`^${BASE_PATH}_astro/.+\\.js$`));
    expect(fs.existsSync(path.join(dir, scripts[0]!.slice(BASE_PATH.length)))).toBe(true);
    expect(search.$('guide-search').attr('data-bundle')).toBe(`${BASE_PATH}pagefind/`);
    for (const p of pages) {
      const csp = p.$('meta[http-equiv="Content-Security-Policy"]').attr('content')!;
      expect(csp.includes("'wasm-unsafe-eval'"), p.path).toBe(p.path === '/search/');
    }
  });

  it('lists every chapter and term on /search/ for readers without JavaScript', () => {
    const links = new Set(
      page('/search/')
        .$('.search-index a')
        .map((_, el) => el.attribs['href'])
        .get(),
    );
    for (const c of chapters) expect(links, c.path).toContain(`${BASE_PATH}${c.path.slice(1)}`);
    for (const id of page('/glossary/')
      .$('dt[id]')
      .map((_, el) => el.attribs['id'])
      .get())
      expect(links).toContain(`${BASE_PATH}glossary/#${id}`);
  });
});

describe('the whole guide on one page (/all/)', () => {
  const all = page('/all/');
  const ids = all
    .$('[id]')
    .map((_, el) => el.attribs['id'])
    .get();

  it('holds every chapter in reading order, each under its title', () => {
    const order = all
      .$('.all-chapter > h2')
      .map((_, el) => el.attribs['id'])
      .get();
    // Reading order as the chapters' own "next" links give it, from the home page on.
    const expected: string[] = [];
    for (let at: string | undefined = '/'; at;) {
      expected.push(chapterAnchor(at));
      at = page(at)
        .$('a[rel="next"]')
        .attr('href')
        ?.slice(BASE_PATH.length - 1);
    }
    expect(order.slice(0, chapters.length)).toEqual(expected);
    expect(order.slice(chapters.length)).toEqual(['glossary', 'sources']);
    for (const c of chapters) expect(all.$(`#${chapterAnchor(c.path)}`).text(), c.path).toBe(c.$('h1').text());
  });

  it('keeps each chapter’s text and anchors, prefixed so that no id repeats', () => {
    expect(ids.length - new Set(ids).size).toBe(0);
    const idSet = new Set(ids);
    for (const c of chapters) {
      // The explorables' form controls are left out of /all/, which is static (for print and offline reading).
      for (const id of c
        .$('.prose [id]')
        .not('form[hidden] [id], form[hidden]')
        .map((_, el) => el.attribs['id'])
        .get()) {
        expect(idSet.has(`${chapterAnchor(c.path)}--${id}`), `${c.path}#${id}`).toBe(true);
      }
    }
  });

  it('resolves every same-page link, and points links between chapters within the page', () => {
    const idSet = new Set(ids);
    const broken = all
      .$('a[href^="#"]')
      .map((_, el) => el.attribs['href']!)
      .get()
      .filter((h) => !idSet.has(decodeURIComponent(h.slice(1))));
    expect(broken).toEqual([]);
    // Links to chapters and glossary terms stay on the page; only pages that it does not hold are linked away.
    const inPage = new Set([...chapters.map((c) => c.path), '/glossary/']);
    const away = all
      .$('.all-chapter a[href^="/"]')
      .map((_, el) => el.attribs['href']!)
      .get();
    for (const href of away) {
      const [sitePath, hash] = href.slice(BASE_PATH.length - 1).split('#');
      if (hash === 'cite-this-page') continue;
      expect(inPage.has(sitePath!), `${href} should link within /all/`).toBe(false);
    }
  });

  it('ends with the glossary and one bibliography of every source cited anywhere', () => {
    const terms = page('/glossary/')
      .$('dt[id]')
      .map((_, el) => el.attribs['id'])
      .get();
    for (const t of terms) expect(all.$(`#glossary--${t}`), t).toHaveLength(1);
    const bibliography = new Set(
      all
        .$('#sources')
        .parent()
        .find('li[id]')
        .map((_, el) => el.attribs['id'])
        .get(),
    );
    for (const c of chapters) {
      for (const entry of c
        .$('.references .csl-entry[id]')
        .map((_, el) => el.attribs['id']!.replace(/^bib-/, ''))
        .get()) {
        expect(bibliography.has(`sources--${entry}`), `${c.path} cites ${entry}`).toBe(true);
      }
    }
  });
});

describe('citing and sharing', () => {
  const canonical = (p: BuiltPage) => p.$('link[rel="canonical"]').attr('href')!;

  it.each(pages.filter((p) => p.path !== '/404.html').map((p) => [p.path, p] as const))(
    '%s has valid JSON-LD: a TechArticle and its breadcrumbs',
    (_path, p) => {
      const blocks = p.$('script[type="application/ld+json"]');
      expect(blocks).toHaveLength(1);
      const data = JSON.parse(blocks.text());
      expect(topTypes(data)).toEqual(['TechArticle', 'BreadcrumbList']);
      expect(schemaOrgProblems(data)).toEqual([]);
      const [article, breadcrumbs] = data['@graph'];
      expect(article.url).toBe(canonical(p));
      expect(article.headline).toBe(p.$('meta[property="og:title"]').attr('content'));
      expect(breadcrumbs.itemListElement.at(-1).item).toBe(canonical(p));
      expect(breadcrumbs.itemListElement[0].item).toBe(canonical(page('/')));
    },
  );

  it.each(pages.map((p) => [p.path, p] as const))('%s has a social card that exists, 1200×630', (_path, p) => {
    const image = p.$('meta[property="og:image"]').attr('content')!;
    expect(image).toMatch(/^https?:\/\//);
    const { pathname } = new URL(image);
    expect(pathname.startsWith(`${BASE_PATH}og/`)).toBe(true);
    const png = fs.readFileSync(path.join(dir, pathname.slice(BASE_PATH.length)));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    expect(p.$('meta[property="og:image:width"]').attr('content')).toBe('1200');
    expect(p.$('meta[property="og:image:height"]').attr('content')).toBe('630');
    expect(p.$('meta[property="og:image:alt"]').attr('content')).toBeTruthy();
    expect(p.$('meta[name="twitter:card"]').attr('content')).toBe('summary_large_image');
  });

  it('gives each page of the guide its own card', () => {
    const cards = pages
      .filter((p) => p.path !== '/404.html')
      .map((p) => p.$('meta[property="og:image"]').attr('content'));
    expect(new Set(cards).size).toBe(cards.length);
  });

  it.each(chapters.map((p) => [p.path, p] as const))(
    '%s ends with "cite this page" and when it last changed',
    (_path, p) => {
      const appendix = p.$('.chapter-appendix');
      expect(appendix.find('h2#cite-this-page').text()).toBe('Cite this page');
      expect(appendix.find('p').first().text()).toContain(canonical(p));
      const bibtex = appendix.find('details pre').text();
      expect(bibtex).toMatch(/^@misc\{open-connect-freebsd:/);
      expect(bibtex).toContain(`url = {${canonical(p)}}`);
      const changed = appendix.find('.last-changed');
      const time = changed.find('time').attr('datetime');
      // A date from history, or a plainly labelled unknown (a shallow clone): never the build's own clock.
      if (time) expect(time).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      else expect(changed.text()).toMatch(/date unknown \((history too shallow|not yet committed|no git history)\)/);
    },
  );
});
