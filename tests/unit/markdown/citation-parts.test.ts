import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toHtml } from 'hast-util-to-html';
import {
  findCitations,
  formatLocator,
  locatorPages,
  parseCite,
  parseLocator,
  type CitationItem,
} from '../../../src/lib/citations/syntax';
import {
  comparable,
  evidenceProblem,
  passageIn,
  wordCount,
  type SourceText,
} from '../../../src/lib/citations/evidence';
import { bibliography, hostOf, shortAuthors, shortReference, year } from '../../../src/lib/citations/format';
import { PageCitations, markerWords } from '../../../src/lib/citations/page';
import type { Source } from '../../../src/schemas/source';

const fail = (why: string): never => {
  throw new Error(why);
};
const source = (id: string, more: Partial<Source> = {}): Source => ({
  id,
  type: 'webpage',
  title: `Title of ${id}`,
  issued: { 'date-parts': [[2019, 2, 2]] },
  URL: `https://example.org/${id}`,
  ...more,
});

describe('citations that cannot be read', () => {
  const fails = (text: string, message: string) => expect(() => findCitations(text)).toThrow(message);

  it('name what is wrong with the item, and quote the citation', () => {
    fails(
      '[@a, unchecked; nothing]',
      '"nothing" names no source (a source is @key) in citation [@a, unchecked; nothing]',
    );
    fails('[@a: "x"]', '@a has a passage but no locator; write @a, slide 13: "…" in citation [@a: "x"]');
    fails('[@a, : "x"]', '@a has a passage but no locator; write @a, slide 13: "…" in citation [@a, : "x"]');
    fails('[@a slide 2]', 'expected "," after @a, found "slide 2" in citation [@a slide 2]');
    fails(
      '[@a, slide 2: "x" and more]',
      'the passage after @a must be one quotation, "like this", and end the item in citation [@a, slide 2: "x" and more]',
    );
    fails('[@a, slide 2: ""]', 'the passage after @a must be one quotation');
    fails('[@a, section]', 'locator "section" needs a value, e.g. "section 13" in citation [@a, section]');
    fails('[@a, section "Fill" x]', 'locator "section "Fill" x" must be section "One quotation"');
    fails('[@a, p. 4-]', 'locator "p. 4-" needs a page or slide number, or a range such as 84–94');
  });

  it('fail on a citation cut short by the end of its paragraph, where it starts', () => {
    expect(() => findCitations('See [our reading of @a, slide 2')).toThrow(
      'citation "[our reading of @a, slide 2…" is not closed within its text',
    );
    expect(() => findCitations('See [@a, slide 2\n\nNext paragraph.')).toThrow('is not closed within its text');
    expect(() => findCitations('Text. [@a, slide 2')).toThrow(expect.objectContaining({ offset: 6 }));
    expect(findCitations('[not a citation\n\nand [this] neither')).toEqual([]);
  });

  it('take a citation written in a data file only whole, with nothing around it', () => {
    expect(parseCite('  @a, unchecked; @b, slide 2: "x"  ').items.map((i) => i.key)).toEqual(['a', 'b']);
    expect(() => parseCite('@a, unchecked] and [@b, unchecked')).toThrow(
      '"@a, unchecked] and [@b, unchecked" is not a citation; write @key, slide 13: "…"',
    );
    expect(() => parseCite('no source here')).toThrow('"no source here" is not a citation');
  });
});

describe('citations that can be read', () => {
  it('give each group’s place in the text', () => {
    const [first, second] = findCitations('ab [@a, unchecked] cd [@b, unchecked]');
    expect([first!.start, first!.end, first!.raw]).toEqual([3, 18, '[@a, unchecked]']);
    expect([second!.start, second!.end]).toEqual([22, 37]);
  });

  it('read stances in any case and spacing, unchecked with a locator, and a time that holds a colon', () => {
    const [ok] = findCitations('[Our   Reading of @a, slide 2; @b, slide 3, UNCHECKED; @c, at 12:34]');
    expect(ok!.items).toEqual([
      { key: 'a', stance: 'reading', unchecked: false, locator: { label: 'slide', value: '2' } },
      { key: 'b', stance: 'quoted', unchecked: true, locator: { label: 'slide', value: '3' } },
      { key: 'c', stance: 'quoted', unchecked: false, locator: { label: 'at', value: '12:34' } },
    ]);
  });
});

describe('locators', () => {
  it('read the label in any case, a label alone, and ranges', () => {
    expect(parseLocator('Slide 2', fail)).toEqual({ label: 'slide', value: '2' });
    expect(parseLocator('abstract', fail)).toEqual({ label: 'abstract' });
    expect(parseLocator('pp. 3–5', fail)).toEqual({ label: 'pp.', value: '3–5' });
    expect(() => parseLocator('page 4', fail)).toThrow(
      'unknown locator "page 4"; start it with one of: slide, slides, p., pp., section, para., line, lines, table, fig., item, entry, commit, at, chapter, abstract, title, message',
    );
  });

  it('spell out abbreviated labels for readers, with an en dash in ranges and curly quotes around names', () => {
    expect(formatLocator({ label: 'p.', value: '4' })).toBe('page 4');
    expect(formatLocator({ label: 'pp.', value: '3-5' })).toBe('pages 3–5');
    expect(formatLocator({ label: 'para.', value: '2' })).toBe('paragraph 2');
    expect(formatLocator({ label: 'fig.', value: '1' })).toBe('figure 1');
    expect(formatLocator({ label: 'section', value: 'Fill-windows', quoted: true })).toBe('section “Fill-windows”');
    expect(formatLocator({ label: 'title' })).toBe('title');
  });

  it('name the pages of a paged locator only', () => {
    expect(locatorPages({ label: 'slide', value: '7' })).toEqual([7]);
    expect(locatorPages({ label: 'pp.', value: '3–5' })).toEqual([3, 4, 5]);
    expect(locatorPages({ label: 'slides', value: '9-9' })).toEqual([9]);
    expect(locatorPages({ label: 'section', value: '3' })).toBeUndefined();
    expect(locatorPages({ label: 'title' })).toBeUndefined();
    expect(locatorPages(undefined)).toBeUndefined();
  });
});

describe('the evidence of a citation', () => {
  const text = (pages: Record<number, string>, paged = true): SourceText => ({
    file: path.resolve('content/sources/text/x.txt'),
    pages: new Map(Object.entries(pages).map(([n, t]) => [Number(n), comparable(t)])),
    paged,
  });
  const ctx = (t?: SourceText) => ({
    byId: new Map([['x', source('x')]]),
    textOf: () => t,
  });
  const item = (more: Partial<CitationItem>): CitationItem => ({
    key: 'x',
    stance: 'quoted',
    unchecked: false,
    ...more,
  });
  const slide = (value: string) => ({ label: 'slide', value });

  it('finds a passage on any of the pages a range names, and fails on a page the text lacks', () => {
    const t = text({ 1: 'Alpha', 2: 'Beta gamma', 3: 'Delta' });
    expect(evidenceProblem(item({ locator: slide('1-2'), passage: 'gamma' }), '[…]', ctx(t))).toBeUndefined();
    expect(evidenceProblem(item({ locator: slide('2-4'), passage: 'gamma' }), '[c]', ctx(t))).toBe(
      'citation [c]: @x: x has 3 pages in content/sources/text/x.txt; slide 2–4 is not one of them',
    );
    expect(evidenceProblem(item({ locator: slide('3'), passage: 'gamma' }), '[c]', ctx(t))).toMatch(
      /^citation \[c\]: @x: the passage "gamma" is not on slide 3 of content\/sources\/text\/x.txt;/,
    );
  });

  it('looks on every page of a text without page marks, whatever the locator says', () => {
    const t = text({ 1: 'The whole text, one page.' }, false);
    expect(evidenceProblem(item({ locator: slide('9'), passage: 'one page' }), '[c]', ctx(t))).toBeUndefined();
    expect(evidenceProblem(item({ locator: slide('9'), passage: 'two pages' }), '[c]', ctx(t))).toMatch(
      /the passage "two pages" is not on any page of content\/sources\/text\/x.txt/,
    );
  });

  it('lets the guide’s own reading go without a passage, and a source without a text go unchecked', () => {
    const t = text({ 1: 'Alpha' });
    expect(evidenceProblem(item({ stance: 'reading', locator: slide('1') }), '[c]', ctx(t))).toBeUndefined();
    expect(evidenceProblem(item({ locator: slide('1'), passage: 'not there' }), '[c]', ctx())).toBeUndefined();
  });

  it('counts the words of a passage, and takes 40 but not 41', () => {
    expect(wordCount(' — one, two  — three … ')).toBe(3);
    const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');
    expect(evidenceProblem(item({ locator: slide('1'), passage: words(40) }), '[c]', ctx())).toBeUndefined();
    expect(evidenceProblem(item({ locator: slide('1'), passage: words(41) }), '[c]', ctx())).toBe(
      'citation [c]: @x: the passage has 41 words; quote at most 40 (about 30 is right)',
    );
  });

  it('compares text without soft hyphens, with any ellipsis for a gap, and never matches an empty passage', () => {
    expect(comparable('Trans\u00admission…')).toBe('transmission...');
    const t = comparable('one two three four');
    expect(passageIn('one [...] four', t)).toBe(false);
    expect(passageIn('one [...] four'.replace('[...]', '[…]'), t)).toBe(true);
    expect(passageIn('one ... three', t)).toBe(true);
    expect(passageIn('…', t)).toBe(false);
  });
});

describe('how sources read', () => {
  it('shortens authors to family names and initials, and more than three to “et al”', () => {
    const people = (n: number) => Array.from({ length: n }, (_, i) => ({ family: `F${i}`, given: 'Jean-Paul Marie' }));
    expect(shortAuthors(source('a', { author: people(1) }))).toBe('F0 JPM');
    expect(shortAuthors(source('a', { author: [{ family: 'Looney' }, { literal: 'Netflix' }] }))).toBe(
      'Looney, Netflix',
    );
    expect(shortAuthors(source('a', { author: people(3) }))).toBe('F0 JPM, F1 JPM, F2 JPM');
    expect(shortAuthors(source('a', { author: people(4) }))).toBe('F0 JPM, F1 JPM, F2 JPM, et al');
    expect(shortAuthors(source('a'))).toBe('');
  });

  it('gives the year, or what the source says instead, or n.d.', () => {
    expect(year(source('a'))).toBe('2019');
    expect(year(source('a', { issued: { literal: 'undated' } }))).toBe('undated');
    expect(year(source('a', { issued: { 'date-parts': [[]] } as unknown as Source['issued'] }))).toBe('n.d.');
  });

  it('names a source in a tooltip with one full stop between parts', () => {
    expect(shortReference(source('a', { title: 'Slides.', author: [{ family: 'Looney', given: 'J.' }] }))).toBe(
      'Looney J. Slides. 2019.',
    );
    expect(shortReference(source('a', { title: 'No author' }))).toBe('No author. 2019.');
    expect(hostOf('https://www.freebsd.org/releng/')).toBe('freebsd.org');
    expect(hostOf('https://man.freebsd.org/ktls(4)')).toBe('man.freebsd.org');
  });

  it('formats each entry once, links its exact URL, escapes its text, and names a copy that was read', () => {
    const dir = path.resolve('.tmp/citation-parts/bibliography');
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(path.join(dir, 'sources'), { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'sources/refs.json'),
      JSON.stringify([
        source('ktls-4', { title: 'ktls(4) & friends', URL: 'https://man.freebsd.org/ktls(4)' }),
        source('gone', { copy: 'https://web.archive.org/web/2019/https://example.org/gone' }),
      ]),
    );
    const entries = bibliography(dir);
    expect(entries.get('ktls-4')).toContain('ktls(4) &amp; friends');
    expect(entries.get('ktls-4')).toContain(
      '<a href="https://man.freebsd.org/ktls(4)">https://man.freebsd.org/ktls(4)</a>',
    );
    expect(entries.get('ktls-4')).not.toMatch(/\[Internet\]|Available from|\.\.|^\d/);
    expect(entries.get('gone')).toMatch(
      / Read via a copy on web\.archive\.org: <a href="https:\/\/web\.archive\.org\/web\/2019\/https:\/\/example\.org\/gone">https:\/\/web\.archive\.org\/web\/2019\/https:\/\/example\.org\/gone<\/a>\.$/,
    );
    expect(bibliography(dir)).toBe(entries);
  });
});

describe('a page’s citations', () => {
  const html = (node: Parameters<typeof toHtml>[0]) => toHtml(node);

  it('says what the guide’s own reading rests on, in the marker and in the note', () => {
    const page = new PageCitations();
    const x = source('x');
    expect(markerWords({ key: 'x', stance: 'summary', unchecked: false })).toBe('our summary of it');
    expect(markerWords({ key: 'x', stance: 'quoted', unchecked: false })).toBeUndefined();
    const marker = html(
      page.cite(
        { key: 'x', stance: 'calculation', unchecked: false, locator: { label: 'p.', value: '4' }, passage: '9 of 10' },
        x,
      ),
    );
    expect(marker).toContain('>1: our calculation from page 4</a>');
    expect(marker).toContain(
      '<span class="stance">Our calculation from page 4: the guide’s own, not the source’s words.</span> It reads: <q>9 of 10</q>',
    );
    expect(html(page.cite({ key: 'x', stance: 'summary', unchecked: false }, x))).toContain(
      'Our summary of the source: the guide’s own',
    );
  });

  it('gives a passage without a locator as the quotation alone', () => {
    const page = new PageCitations();
    expect(html(page.cite({ key: 'x', stance: 'quoted', unchecked: false, passage: 'words' }, source('x')))).toContain(
      '</span> <q>words</q></span>',
    );
  });

  it('keeps one note per distinct evidence, and links a note back to each of its markers by letter', () => {
    const page = new PageCitations();
    const x = source('x');
    const at = (value: string): CitationItem => ({
      key: 'x',
      stance: 'quoted',
      unchecked: false,
      locator: { label: 'slide', value },
    });
    for (let i = 0; i < 27; i++) page.cite(at('1'), x);
    page.cite(at('2'), x);
    page.cite({ ...at('1'), stance: 'reading' }, x);
    page.cite({ ...at('1'), unchecked: true }, x);
    expect(page.claims()).toEqual({ x: 30 });
    expect(page.uses[0]!.notes.map((n) => [n.id, n.markers.length])).toEqual([
      ['note-1-1', 27],
      ['note-1-2', 1],
      ['note-1-3', 1],
      ['note-1-4', 1],
    ]);
    const refs = html(page.references(new Map([['x', 'Entry of <i>x</i>.']]))!);
    expect(refs).toContain('<span class="ref-entry">Entry of <i>x</i>.</span>');
    expect(refs).toContain('aria-label="Back to the text, citation 26 of 27">z</a>');
    expect(refs).toContain(
      '<a href="#cite-27" class="backlink" aria-label="Back to the text, citation 27 of 27">a</a>',
    );
    expect(page.counts).toEqual({ citations: 30, withLocator: 30, withPassage: 0, ownReading: 1, unchecked: 1 });
    expect(new PageCitations().references(new Map())).toBeUndefined();
  });
});
