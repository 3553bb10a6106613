import { afterEach, describe, expect, it } from 'vitest';
import { compileMdx, renderMarkdown } from '../../support/render';
import { brokenAnchorLinks, resetAnchorLinks } from '../../../src/lib/link-check';

const FILE = 'tests/fixtures/good/chapters/parent/index.mdx';

describe('every form of link an author writes (remark-links)', () => {
  afterEach(() => resetAnchorLinks());

  it('checks and rebases reference-style links at their definition', async () => {
    const { code } = await renderMarkdown('See [the child][c].\n\n[c]: /parent/child/', { base: '/guide/' });
    expect(code).toContain('<a href="/guide/parent/child/">the child</a>');
    await expect(renderMarkdown('See [x][d].\n\n[d]: /no-such/')).rejects.toThrow(
      `${FILE}:3: link to "/no-such/" points to no page of the guide`,
    );
  });

  it('leaves a link to a page, without an anchor, out of the checks after the build', async () => {
    await renderMarkdown('[a](/parent/) and [b](/glossary/#ktls) and [c](https://example.org/#x)');
    expect(brokenAnchorLinks(new Map())).toBeUndefined();
  });

  it('checks a same-page anchor only on a page of the guide', async () => {
    const { code } = await renderMarkdown('[x](#anywhere)', { file: '../elsewhere/notes.mdx' });
    expect(code).toContain('<a href="#anywhere">x</a>');
    expect(brokenAnchorLinks(new Map())).toBeUndefined();
  });

  it('checks href of <a> and src of <img> only, and only when written as a string', async () => {
    const { code } = await compileMdx(
      '<a title="/not-a-link/" href="/glossary/">g</a> <a href={"/anything/"}>e</a> <audio src="/sounds/x.mp3" />',
      { base: '/guide/' },
    );
    expect(code).toContain('href: "/guide/glossary/"');
    expect(code).toContain('title: "/not-a-link/"');
    expect(code).toContain('"/anything/"');
    expect(code).toContain('src: "/sounds/x.mp3"');
    await expect(compileMdx('<img alt="" src="/images/none.png" />')).rejects.toThrow(
      `${FILE}:1: image "/images/none.png" names no file of the site`,
    );
  });
});
