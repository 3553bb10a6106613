import { afterEach, describe, expect, it } from 'vitest';
import { ContentError } from '../../../src/lib/errors';
import { anchorLinksOf, brokenAnchorLinks, recordAnchorLinks, resetAnchorLinks } from '../../../src/lib/link-check';
import { chapterIdFromFile, chapterPath } from '../../../src/lib/routes';

const link = (file: string, anchor: string, line?: number) => ({
  file,
  ...(line === undefined ? {} : { line }),
  url: `/x/#${anchor}`,
  page: '/x/',
  anchor,
});

afterEach(() => resetAnchorLinks());

describe('the links each file recorded', () => {
  it('are none for a file that recorded nothing', () => {
    expect(anchorLinksOf('content/chapters/never.mdx')).toEqual([]);
  });

  it('are what it recorded last, and none once reset for a new build', () => {
    recordAnchorLinks('content/chapters/a.mdx', [link('content/chapters/a.mdx', 'one', 3)]);
    recordAnchorLinks('content/chapters/a.mdx', [link('content/chapters/a.mdx', 'two', 4)]);
    expect(anchorLinksOf('content/chapters/a.mdx').map((l) => l.anchor)).toEqual(['two']);
    resetAnchorLinks();
    expect(anchorLinksOf('content/chapters/a.mdx')).toEqual([]);
    expect(brokenAnchorLinks(new Map())).toBeUndefined();
  });
});

describe('broken links to anchors', () => {
  it('include links to a page that was not built at all', () => {
    recordAnchorLinks('a', [link('content/chapters/a.mdx', 'why', 5)]);
    expect(brokenAnchorLinks(new Map([['/y/', new Set(['why'])]]))?.message).toBe(
      'content/chapters/a.mdx:5: link to "/x/#why" names anchor "#why", which is not on /x/',
    );
  });

  it('leave the location to the file being compiled, even when the first of them has a line', () => {
    recordAnchorLinks('a', [link('content/chapters/a.mdx', 'why', 5)]);
    const error = brokenAnchorLinks(new Map());
    expect(error?.message).toMatch(/^content\/chapters\/a\.mdx:5: /);
    expect([error?.line, error?.column]).toEqual([undefined, undefined]);
  });

  it('name a line only for the links that have one', () => {
    recordAnchorLinks('a', [
      link('content/a.mdx', 'one', 1),
      link('content/b.yaml', 'two'),
      link('content/c.mdx', 'three', 7),
    ]);
    expect(brokenAnchorLinks(new Map())?.message.split('\n')).toEqual([
      'content/a.mdx:1: link to "/x/#one" names anchor "#one", which is not on /x/',
      'content/b.yaml: link to "/x/#two" names anchor "#two", which is not on /x/',
      'content/c.mdx:7: link to "/x/#three" names anchor "#three", which is not on /x/',
    ]);
  });
});

describe('a content error without a line', () => {
  it('gives Astro no location to print', () => {
    const error = new ContentError('content/glossary/terms.yaml', undefined, 'bad');
    expect(error.message).toBe('content/glossary/terms.yaml: bad');
    expect([error.line, error.column]).toEqual([undefined, undefined]);
  });
});

describe('the home page’s file', () => {
  it('is the home page, as .md or .mdx', () => {
    expect(chapterIdFromFile('index.md')).toBe('index');
    expect(chapterPath(chapterIdFromFile('index.mdx'))).toBe('/');
  });
});
