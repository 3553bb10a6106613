import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../support/render';

describe('citations (remark-citations + rehype-citation + rehype-references)', () => {
  it('numbers citations in order of first use and links each to its entry', async () => {
    const { code, metadata } = await renderMarkdown('One [@paper-2021]. Two [@talk-2019; @paper-2021].');
    expect(code).toContain('<a href="#bib-paper-2021">1</a>');
    expect(code).toContain('<a href="#bib-talk-2019">2</a>');
    // rehype-citation sorts "(1,2)" but links in written order; we relink by number.
    expect(code).toMatch(/\(<a href="#bib-paper-2021">1<\/a>,<a href="#bib-talk-2019">2<\/a>\)/);
    expect(metadata.frontmatter['citations']).toEqual(['paper-2021', 'talk-2019']);
  });

  it('appends a References section whose entries link their URLs', async () => {
    const { code, metadata } = await renderMarkdown('Claim [@talk-2019].');
    expect(code).toContain(
      '<section class="references" aria-labelledby="references"><h2 id="references"><a class="heading-link" href="#references">References</a></h2>',
    );
    expect(code).toContain(
      'Speaker A. A talk about serving video. 2019 Feb 2. <a href="https://example.org/talk">https://example.org/talk</a>',
    );
    expect(metadata.headings.map((h) => h.slug)).toContain('references');
  });

  it('leaves no empty class attribute on a citation', async () => {
    const { code } = await renderMarkdown('Claim [@talk-2019].');
    expect(code).toContain('<span id="citation--talk-2019--1">(<a href="#bib-talk-2019">1</a>)</span>');
  });

  it('adds no References section to a page that cites nothing', async () => {
    const { code, metadata } = await renderMarkdown('No claims here.');
    expect(code).not.toContain('References');
    expect(metadata.frontmatter['citations']).toEqual([]);
  });

  it('fails on an unknown key, naming file, line and key', async () => {
    await expect(renderMarkdown('Fine.\n\nBad claim [@no-such-source].')).rejects.toThrow(
      'tests/fixtures/good/chapters/parent/index.mdx:3: unknown source "no-such-source" in citation [@no-such-source]; add it to content/sources/*.json or use an existing key',
    );
  });
});
