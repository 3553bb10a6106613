import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../support/render';

const FILE = 'tests/fixtures/good/chapters/parent/index.mdx';

describe('citations with their evidence (remark-citations)', () => {
  it('numbers sources in order of first use; each marker links to its note and carries its evidence as a tooltip', async () => {
    const { code, metadata } = await renderMarkdown(
      'One [@paper-2021, p. 4: "bandwidth"]. Two [@talk-2019, slide 2: "Kernel TLS moves"; @paper-2021, p. 4: "bandwidth"].',
    );
    expect(code).toContain(
      '<span class="cite tip-host"><a href="#note-1-1" id="cite-1" aria-describedby="cite-1-tip">1</a><span class="tip" role="tooltip" id="cite-1-tip"><span class="tip-source">Example Org. A paper about memory bandwidth. 2021.</span> <span class="locator">Page 4</span>: <q>bandwidth</q></span></span>',
    );
    expect(code).toMatch(
      /\[<span class="cite tip-host"><a href="#note-2-1" id="cite-2"[^]*?, <span class="cite tip-host"><a href="#note-1-1" id="cite-3"/,
    );
    expect(metadata.frontmatter['guide']).toMatchObject({
      citations: ['paper-2021', 'talk-2019'],
      claims: { 'paper-2021': 2, 'talk-2019': 1 },
      counts: { citations: 3, withLocator: 3, withPassage: 3, ownReading: 0, unchecked: 0 },
    });
  });

  it('lists, per source, what the page cites it for, with a link back to each marker', async () => {
    const { code } = await renderMarkdown(
      'A [@talk-2019, slide 2: "Kernel TLS moves"]. B [@talk-2019, slide 2: "Kernel TLS moves"]. C [@talk-2019, slide 3: "caps a server"].',
    );
    expect(code).toContain(
      '<section class="references" aria-labelledby="references"><h2 id="references"><a class="heading-link" href="#references">References</a></h2><ol class="reference-list"><li id="ref-talk-2019"><span class="ref-entry">Speaker A. A talk about serving video. FOSDEM 2019. 2019 Feb 2. <a href="https://example.org/talk">https://example.org/talk</a></span>',
    );
    expect(code).toContain(
      '<li id="note-1-1"><span class="locator">Slide 2</span>: <q>Kernel TLS moves</q> <span class="backlink" aria-hidden="true">↩</span> <a href="#cite-1" class="backlink" aria-label="Back to the text, citation 1 of 2">a</a> <a href="#cite-2" class="backlink" aria-label="Back to the text, citation 2 of 2">b</a></li>',
    );
    expect(code).toContain(
      '<li id="note-1-2"><span class="locator">Slide 3</span>: <q>caps a server</q> <a href="#cite-3" class="backlink" aria-label="Back to the text">↩</a></li>',
    );
  });

  it('marks the guide’s own reading as such, in the marker and in its tooltip', async () => {
    const { code, metadata } = await renderMarkdown('Five plus five [our calculation from @talk-2019, slide 3].');
    expect(code).toContain('aria-describedby="cite-1-tip">1: our calculation from slide 3</a>');
    expect(code).toContain('Our calculation from slide 3: the guide’s own, not the source’s words.');
    expect(metadata.frontmatter['guide']).toMatchObject({ counts: { ownReading: 1, withPassage: 0 } });
  });

  it('renders a citation marked unchecked visibly as unverified, and counts it', async () => {
    const { code, metadata } = await renderMarkdown('Claim [@talk-2019, unchecked].');
    expect(code).toContain('<span class="cite tip-host cite-unchecked">');
    expect(code).toContain('>1: not yet checked</a>');
    expect(code).toContain('Not yet checked against the source.');
    expect(metadata.frontmatter['guide']).toMatchObject({ counts: { citations: 1, unchecked: 1, withLocator: 0 } });
  });

  it('never reads code, inline or fenced, as a citation', async () => {
    const { code } = await renderMarkdown('Write `[@no-such-key]` like this.\n\n```md\n[@another-missing-key]\n```\n');
    expect(code).toContain('<code>[@no-such-key]</code>');
    expect(code).toContain('@another-missing-key');
    expect(code).not.toContain('References');
  });

  it('adds no References section to a page that cites nothing', async () => {
    const { code, metadata } = await renderMarkdown('No claims here, [sic], [1] and [write to x@y].');
    expect(code).not.toContain('References');
    expect(code).toContain('No claims here, [sic], [1] and [write to x@y].');
    expect(metadata.frontmatter['guide']).toMatchObject({ citations: [] });
  });
});

describe('citations that fail the build, naming file, line and the citation', () => {
  const fails = (markdown: string, message: string) => expect(renderMarkdown(markdown)).rejects.toThrow(message);

  it('an unknown key, whatever characters it has', async () => {
    await fails(
      'Fine.\n\nBad claim [@no-such-source, slide 1: "x"].',
      `${FILE}:3: unknown source "no-such-source" in citation [@no-such-source, slide 1: “x”]; add it to content/sources/*.json or use an existing key`,
    );
    await fails('[@BSDNOW-159, unchecked]', `${FILE}:1: unknown source "BSDNOW-159"`);
    await fails('[@x.y, unchecked]', `${FILE}:1: unknown source "x.y"`);
    await fails('[@x:p5]', `${FILE}:1: unknown source "x:p5"`);
  });

  it('an empty key', async () => {
    await fails('Claim [@ key].', `${FILE}:1: empty source key after "@" in citation [@ key]`);
  });

  it('words before @ that mark no stance', async () => {
    await fails(
      'Claim [see @talk-2019, slide 1: "x"].',
      `${FILE}:1: unknown words "see" before @; write "our reading of", "our calculation from", "our summary of" or nothing in citation [see @talk-2019, slide 1: “x”]`,
    );
  });

  it('a citation without a locator', async () => {
    await fails(
      'Claim [@talk-2019].',
      `${FILE}:1: citation [@talk-2019]: @talk-2019 has no locator; say where in the source the claim is, e.g. [@talk-2019, slide 13: "…"], or mark it [@talk-2019, unchecked]`,
    );
  });

  it('a citation without a passage', async () => {
    await fails(
      'Claim [@talk-2019, slide 2].',
      `${FILE}:1: citation [@talk-2019, slide 2]: @talk-2019, slide 2 has no passage; quote the words that carry the claim, [@talk-2019, slide 2: "…"], or mark the guide's own reading, [our reading of @talk-2019, slide 2]`,
    );
  });

  it('an unknown locator', async () => {
    await fails(
      'Claim [@talk-2019, slid 2: "x"].',
      `${FILE}:1: unknown locator "slid 2"; start it with one of: slide, slides, p., pp., section,`,
    );
  });

  it('a locator of several words, unquoted', async () => {
    await fails(
      'Claim [@talk-2019, section Fill windows: "x"].',
      'quote a locator of several words: section "Fill windows"',
    );
  });

  it('a passage that is not in the source’s text, or not on the page the locator names', async () => {
    await fails(
      'Claim [@talk-2019, slide 3: "moves encryption into the kernel"].',
      `${FILE}:1: citation [@talk-2019, slide 3: “moves encryption into the kernel”]: @talk-2019: the passage "moves encryption into the kernel" is not on slide 3 of tests/fixtures/good/sources/text/talk-2019.txt; quote the source's text exactly (case, spacing and quotation marks aside), with "…" for a gap`,
    );
    await fails(
      'Claim [@talk-2019, slide 9: "x"].',
      '@talk-2019: talk-2019 has 3 pages in tests/fixtures/good/sources/text/talk-2019.txt; slide 9 is not one of them',
    );
  });

  it('a passage of more than 40 words', async () => {
    const long = Array.from({ length: 41 }, (_, i) => `w${i}`).join(' ');
    await fails(
      `Claim [@paper-2021, p. 1: "${long}"].`,
      'the passage has 41 words; quote at most 40 (about 30 is right)',
    );
  });

  it('a citation that holds markup, so its closing bracket is in another node', async () => {
    await fails(
      'Claim [@talk-2019, slide 2: "*Kernel* TLS"].',
      `${FILE}:1: citation "[@talk-2019, slide 2: “…" is not closed within its text; a citation may not hold markup (emphasis, code, links): write the passage as plain text`,
    );
  });

  it('on the line where the citation is, inside a paragraph of several lines', async () => {
    await fails('First line.\nSecond line.\nThird [@nope, unchecked].', `${FILE}:3: unknown source "nope"`);
  });
});
