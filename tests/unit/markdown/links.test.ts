import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../support/render';

describe('internal links (remark-links)', () => {
  it('rewrites root-relative links under the base path', async () => {
    const { code } = await renderMarkdown(
      '[child](/parent/child/#details) and [glossary](/glossary/#ktls) and [home](/)',
      { base: '/guide/' },
    );
    expect(code).toContain('<a href="/guide/parent/child/#details">child</a>');
    expect(code).toContain('<a href="/guide/glossary/#ktls">glossary</a>');
    expect(code).toContain('<a href="/guide/">home</a>');
  });

  it('adds the trailing slash that every page has', async () => {
    const { code } = await renderMarkdown('[child](/parent/child)');
    expect(code).toContain('<a href="/parent/child/">child</a>');
  });

  it('leaves links to other sites alone', async () => {
    const { code } = await renderMarkdown('[FreeBSD](https://www.freebsd.org/releng/)', { base: '/guide/' });
    expect(code).toContain('<a href="https://www.freebsd.org/releng/">FreeBSD</a>');
  });

  it('fails on a page that does not exist', async () => {
    await expect(renderMarkdown('\n[x](/no-such-page/)')).rejects.toThrow(
      /tests\/fixtures\/good\/chapters\/parent\/index\.mdx:2: link to "\/no-such-page\/" points to no page of the guide; pages are: \//,
    );
  });

  it('fails on an anchor that is not on the target page', async () => {
    await expect(renderMarkdown('[x](/parent/child/#nowhere)')).rejects.toThrow(
      'tests/fixtures/good/chapters/parent/index.mdx:1: link to "/parent/child/#nowhere" names anchor "#nowhere", which is not on /parent/child/',
    );
  });

  it('fails on a same-page anchor that does not exist', async () => {
    await expect(renderMarkdown('[x](#missing)')).rejects.toThrow(
      /parent\/index\.mdx:1: link to "#missing" names no heading or anchor on this page; headings here are: main, top, references, first-section, second-section/,
    );
  });

  it('refuses relative paths', async () => {
    await expect(renderMarkdown('[x](../child/)')).rejects.toThrow(
      'link to "../child/" is relative; write a root-relative path',
    );
  });
});
