import { afterEach, describe, expect, it } from 'vitest';
import { compileMdx, renderMarkdown } from '../../support/render';
import { brokenAnchorLinks, resetAnchorLinks } from '../../../src/lib/link-check';

const FILE = 'tests/fixtures/good/chapters/parent/index.mdx';

describe('links and images that authors write (remark-links)', () => {
  afterEach(() => resetAnchorLinks());

  it('rewrites root-relative links under the base path, query and anchor kept', async () => {
    const { code } = await renderMarkdown(
      '[child](/parent/child/#details) and [glossary](/glossary/#ktls) and [home](/) and [search](/search/?q=tls)',
      { base: '/guide/' },
    );
    expect(code).toContain('<a href="/guide/parent/child/#details">child</a>');
    expect(code).toContain('<a href="/guide/glossary/#ktls">glossary</a>');
    expect(code).toContain('<a href="/guide/">home</a>');
    expect(code).toContain('<a href="/guide/search/?q=tls">search</a>');
  });

  it('adds the trailing slash that every page has', async () => {
    const { code } = await renderMarkdown('[child](/parent/child)');
    expect(code).toContain('<a href="/parent/child/">child</a>');
  });

  it('leaves links to other sites alone', async () => {
    const { code } = await renderMarkdown('[FreeBSD](https://www.freebsd.org/releng/) [me](mailto:a@b.org)', {
      base: '/guide/',
    });
    expect(code).toContain('<a href="https://www.freebsd.org/releng/">FreeBSD</a>');
    expect(code).toContain('<a href="mailto:a@b.org">me</a>');
  });

  it('checks and rebases links and images written as elements in MDX', async () => {
    const { code } = await compileMdx('<a href="/glossary/">the glossary</a> and <img src="/favicon.svg" alt="" />', {
      base: '/guide/',
    });
    expect(code).toContain('href: "/guide/glossary/"');
    expect(code).toContain('src: "/guide/favicon.svg"');
    await expect(compileMdx('\n\n<a href="/glosary/">x</a>')).rejects.toThrow(
      `${FILE}:3: link to "/glosary/" points to no page of the guide`,
    );
  });

  it('fails on a page that does not exist', async () => {
    await expect(renderMarkdown('\n[x](/no-such-page/)')).rejects.toThrow(
      `${FILE}:2: link to "/no-such-page/" points to no page of the guide; pages are: /, /all/, /glossary/, /parent/, /parent/child/, /search/, /sources/, /talk/`,
    );
  });

  it('fails at once on an anchor that the data defines (a glossary term)', async () => {
    await expect(renderMarkdown('[x](/glossary/#no-such-term)')).rejects.toThrow(
      `${FILE}:1: link to "/glossary/#no-such-term" names anchor "#no-such-term", which is not on /glossary/`,
    );
  });

  it('records an anchor on a chapter page, to check once the pages are built', async () => {
    await renderMarkdown('One [x](/parent/child/#nowhere).\n\nTwo [y](#missing).');
    const error = brokenAnchorLinks(
      new Map([
        ['/parent/', new Set(['main'])],
        ['/parent/child/', new Set(['details'])],
      ]),
    );
    expect(error?.message).toBe(
      `${FILE}:1: link to "/parent/child/#nowhere" names anchor "#nowhere", which is not on /parent/child/\n` +
        `${FILE}:3: link to "#missing" names anchor "#missing", which is not on /parent/`,
    );
    expect(
      brokenAnchorLinks(
        new Map([
          ['/parent/', new Set(['missing'])],
          ['/parent/child/', new Set(['nowhere'])],
        ]),
      ),
    ).toBeUndefined();
  });

  it('refuses relative paths, other schemes and a missing scheme', async () => {
    await expect(renderMarkdown('[x](../child/)')).rejects.toThrow(
      'link to "../child/" is relative; write a root-relative path',
    );
    await expect(renderMarkdown('[x](javascript:alert(1))')).rejects.toThrow(
      `${FILE}:1: link to "javascript:alert(1)" uses the scheme "javascript:"; a link goes to a page of the guide or to an http, https or mailto URL`,
    );
    await expect(renderMarkdown('[x](data:text/html,hi)')).rejects.toThrow('uses the scheme "data:"');
    await expect(renderMarkdown('[x](//example.org/)')).rejects.toThrow(
      'link to "//example.org/" leaves out its scheme',
    );
  });

  it('fails on an image that is not a file of the site, or on another site', async () => {
    await expect(renderMarkdown('![](/images/missing.png)')).rejects.toThrow(
      `${FILE}:1: image "/images/missing.png" names no file of the site; there is no public/images/missing.png`,
    );
    await expect(renderMarkdown('![](https://example.org/x.png)')).rejects.toThrow(
      'image "https://example.org/x.png" is on another site or inline; put the image in public/',
    );
    const { code } = await renderMarkdown('![a dot](/favicon.svg)', { base: '/guide/' });
    expect(code).toContain('src="/guide/favicon.svg"');
  });
});

describe('directives and components (remark-known-directives, remark-mdx-components)', () => {
  it('fails on a directive that no plugin handles, and gives back text that only looks like one', async () => {
    await expect(renderMarkdown('Intro.\n\n:::note\nHello\n:::')).rejects.toThrow(
      `${FILE}:3: unknown directive ":::note"; the guide knows only :term[…] (a glossary term). For a note or an aside, write a plain paragraph or a blockquote`,
    );
    await expect(renderMarkdown('A :tip[hint] here.')).rejects.toThrow(`${FILE}:1: unknown directive ":tip"`);
    await expect(renderMarkdown('::youtube{id=x}')).rejects.toThrow(`${FILE}:1: unknown directive "::youtube"`);
    const { code } = await renderMarkdown('TCP:RACK and label:thing stay.');
    expect(code).toContain('TCP:RACK and label:thing stay.');
  });

  it('fails on a component that the file does not import, on its own line', async () => {
    await expect(
      compileMdx("import ThroughputChart from '../x.astro';\n\nText.\n\n<ThroughputChrt />\n"),
    ).rejects.toThrow(
      `${FILE}:5: component <ThroughputChrt> is not imported in this file; add import ThroughputChrt from '…' at the top, or fix its name (imported here: ThroughputChart)`,
    );
  });
});

describe('authors’ ids stay off the layout’s (remark-ids)', () => {
  it('fails on a heading that would take a layout id or a citation prefix', async () => {
    await expect(renderMarkdown('Intro.\n\n## References')).rejects.toThrow(
      `${FILE}:3: heading "References" would take the id "references": the layout already uses the id "references"`,
    );
    await expect(renderMarkdown('## Cite this page')).rejects.toThrow('would take the id "cite-this-page"');
    await expect(renderMarkdown('## Note 1 2')).rejects.toThrow(
      'heading "Note 1 2" would take the id "note-1-2": ids starting with "note-" belong to citations and tooltips',
    );
  });
});
