import { describe, expect, it } from 'vitest';
import { mergeHtml, mergedHref, type MergedTarget } from '../../../src/lib/merge-html';

describe('ids on the merged page, in every attribute that refers to one', () => {
  it('prefixes single-id attributes, SVG links and lists of ids, and leaves empty ones alone', () => {
    expect(
      mergeHtml(
        '<input list="opts" form="f" aria-controls="a b" aria-labelledby=""><datalist id="opts"></datalist><svg><use xlink:href="#icon"></use></svg><p id="">x</p>',
        { prefix: 'p' },
      ),
    ).toBe(
      '<input list="p--opts" form="p--f" aria-controls="p--a p--b" aria-labelledby=""><datalist id="p--opts"></datalist><svg><use xlink:href="#p--icon"></use></svg><p id="">x</p>',
    );
  });

  it('keeps links to other pages as they are when nothing rewrites them, and drops scripts whatever their case', () => {
    expect(
      mergeHtml(
        '<a href="/x/">x</a><script type="text/javascript">1</script><script type="Application/JSON">{}</script>',
        {
          prefix: 'p',
        },
      ),
    ).toBe('<a href="/x/">x</a><script type="Application/JSON">{}</script>');
  });

  it('names a labelled region after its page before its own label', () => {
    expect(mergeHtml('<nav aria-labelledby="a b"></nav><div></div>', { prefix: 'p', label: 'p' })).toBe(
      '<nav aria-labelledby="p p--a p--b"></nav><div></div>',
    );
  });

  it('moves headings down by as many levels as asked, never past h6', () => {
    expect(mergeHtml('<h1>a</h1><h4>b</h4>', { prefix: 'p', demote: 2 })).toBe('<h3>a</h3><h6>b</h6>');
  });
});

describe('links within the merged page', () => {
  const targets = new Map<string, MergedTarget>([['/a/', { prefix: 'a' }]]);

  it('finds a page with or without its trailing slash, and any anchor on a page that does not say which it has', () => {
    expect(mergedHref('/g/a', '/g/', targets)).toBe('#a');
    expect(mergedHref('/g/a#x', '/g/', targets)).toBe('#a--x');
    expect(mergedHref('/g/a/#', '/g/', targets)).toBe('#a');
    expect(mergedHref('/g/b/', '/g/', targets)).toBeUndefined();
  });
});
