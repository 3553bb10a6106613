import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../support/render';
import { firstSentence } from '../../../src/markdown/remark-glossary';

describe('glossary terms (remark-glossary)', () => {
  it('marks up the first use with a link, a <dfn>, an <abbr> and a tooltip', async () => {
    const { code, metadata } = await renderMarkdown(':term[kTLS] is fast.', { base: '/guide/' });
    expect(code.trimEnd()).toBe(
      '<p><span class="term tip-host"><a href="/guide/glossary/#ktls" aria-describedby="tip-ktls"><dfn><abbr title="kernel Transport Layer Security">kTLS</abbr></dfn></a>' +
        '<span class="tip" role="tooltip" id="tip-ktls">kTLS (kernel Transport Layer Security): TLS record encryption done inside the kernel, so that sendfile keeps working.</span></span> is fast.</p>',
    );
    expect(metadata.frontmatter['guide']).toMatchObject({ terms: ['ktls'] });
  });

  it('resolves aliases and ids, and leaves later uses as plain text', async () => {
    const { code } = await renderMarkdown(
      ':term[kernel TLS] first, then :term[kTLS], then :term[the buffer]{id=mbuf}.',
    );
    expect(code.match(/class="term tip-host"/g)).toHaveLength(2);
    expect(code).toContain('first, then kTLS, then');
    expect(code).toContain('<dfn>the buffer</dfn>');
  });

  it('keeps terms in headings and links as plain text', async () => {
    const { code } = await renderMarkdown('## About :term[kTLS]\n\n[:term[mbuf]](/glossary/)');
    expect(code).not.toContain('class="term');
    expect(code).toContain('About kTLS');
  });

  it('gives back text that only looks like a directive', async () => {
    const { code } = await renderMarkdown('A ratio of 3:1 and a label:thing here.');
    expect(code.trimEnd()).toBe('<p>A ratio of 3:1 and a label:thing here.</p>');
  });

  it('fails on an unknown term, naming file, line and term', async () => {
    await expect(renderMarkdown('Line one.\n\nUses :term[kTSL] here.')).rejects.toThrow(
      'tests/fixtures/good/chapters/parent/index.mdx:3: unknown glossary term "kTSL" in :term[kTSL]; add it to content/glossary/*.yaml or give an existing id with {id=...}',
    );
  });

  it('puts only the first sentence of a definition in the tooltip', () => {
    expect(firstSentence('Kernel TLS frames records. It also encrypts them.')).toBe('Kernel TLS frames records.');
    expect(firstSentence('A buffer, e.g. an mbuf. (See also pbuf.)')).toBe('A buffer, e.g. an mbuf.');
    expect(firstSentence('No full stop at all')).toBe('No full stop at all');
    expect(firstSentence('Version 2.6 GHz parts are common.')).toBe('Version 2.6 GHz parts are common.');
  });
});
