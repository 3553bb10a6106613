import { afterEach, describe, expect, it } from 'vitest';
import { GUIDE_PAGES, baseProps, guidePage } from '../../../src/lib/pages';
import { contentSecurityPolicy, href } from '../../../src/lib/site';
import { recordPage, resetTally, totals } from '../../../src/lib/citations/tally';
import type { CitationCounts } from '../../../src/lib/citations/page';

describe('the pages that are not chapters', () => {
  it('gives a page’s entry by id, and names the pages there are for an unknown one', () => {
    expect(guidePage('glossary').path).toBe('/glossary/');
    expect(() => guidePage('glosary')).toThrow(
      'src/lib/pages.ts declares no page "glosary"; pages are talk, glossary, sources, all, search, 404',
    );
  });

  it('gives the layout what it needs of a page, under the page’s own id', () => {
    expect(baseProps('search')).toEqual({
      title: 'Search',
      path: '/search/',
      current: 'search',
      indexed: false,
      headerSearch: false,
    });
    expect(baseProps('sources')).toMatchObject({ current: 'sources', path: '/sources/', headerSearch: true });
  });

  it('keeps the search form off the search page only, and pages that repeat others out of the index', () => {
    expect(GUIDE_PAGES.filter((p) => !p.headerSearch).map((p) => p.id)).toEqual(['search']);
    expect(GUIDE_PAGES.filter((p) => !p.indexed).map((p) => p.id)).toEqual(['all', 'search', '404']);
    expect(GUIDE_PAGES.filter((p) => !p.linkable).map((p) => p.id)).toEqual(['404']);
  });
});

describe('the site', () => {
  it('puts a site path under the base path', () => {
    expect(href('/glossary/')).toBe(`${import.meta.env.BASE_URL}glossary/`);
  });

  it('allows everything from this origin only, inline scripts by their hash, and more script sources only when asked', () => {
    expect(contentSecurityPolicy([])).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'",
    );
    expect(contentSecurityPolicy(['sha256-abc'], ["'wasm-unsafe-eval'"])).toContain(
      "; script-src 'self' 'sha256-abc' 'wasm-unsafe-eval'; ",
    );
  });
});

describe('the build’s citation totals', () => {
  afterEach(() => resetTally());
  const counts = (citations: number, more: Partial<CitationCounts> = {}): CitationCounts => ({
    citations,
    withLocator: 0,
    withPassage: 0,
    ownReading: 0,
    unchecked: 0,
    ...more,
  });

  it('adds up every page, each counted once however often it is rendered', () => {
    recordPage('a.mdx', counts(3, { withLocator: 3, withPassage: 2, ownReading: 1 }));
    recordPage('b.mdx', counts(1, { unchecked: 1 }));
    recordPage('b.mdx', counts(2, { withLocator: 1, unchecked: 1 }));
    expect(totals()).toEqual({ citations: 5, withLocator: 4, withPassage: 2, ownReading: 1, unchecked: 1, pages: 2 });
  });

  it('keeps what a page counted when it was recorded, and starts again from nothing when reset', () => {
    const live = counts(1);
    recordPage('a.mdx', live);
    live.citations = 9;
    expect(totals().citations).toBe(1);
    resetTally();
    expect(totals()).toEqual({ citations: 0, withLocator: 0, withPassage: 0, ownReading: 0, unchecked: 0, pages: 0 });
  });
});
