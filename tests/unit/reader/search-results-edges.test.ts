import { describe, expect, it } from 'vitest';
import {
  excerpt,
  pageHit,
  sectionTitle,
  words,
  type PagefindAnchor,
  type PagefindPage,
} from '../../../src/lib/search-results';

const text = (segments: { text: string }[]) => segments.map((s) => s.text).join('');
const marks = (segments: { text: string; mark: boolean }[]) => segments.filter((s) => s.mark).map((s) => s.text);
const numbered = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `w${i + from}`).join(' ');

describe('words', () => {
  it('splits at runs of white space, line breaks among them, as Pagefind counts words', () => {
    expect(words('Kernel  TLS.\n  Why\r\nNetflix')).toEqual(['Kernel', 'TLS.', 'Why', 'Netflix']);
  });
});

describe('excerpt, around a matched word', () => {
  it('has no empty segments, whether or not the word has punctuation', () => {
    for (const content of ['kTLS', 'kTLS works', 'see kTLS', '(kTLS),', 'see (kTLS).']) {
      const all = words(content);
      const at = all.findIndex((w) => w.includes('kTLS'));
      const segments = excerpt(all, 0, 10, new Set([at]));
      expect(
        segments.every((s) => s.text !== ''),
        content,
      ).toBe(true);
      expect(text(segments), content).toBe(content);
      expect(marks(segments), content).toEqual(['kTLS']);
    }
  });

  it('leaves the brackets and punctuation around a matched word unmarked, on both sides', () => {
    expect(excerpt(words('a (kTLS), b'), 0, 10, new Set([1]))).toEqual([
      { text: 'a (', mark: false },
      { text: 'kTLS', mark: true },
      { text: '), b', mark: false },
    ]);
  });

  it('marks numbers as words, not as punctuation', () => {
    const segments = excerpt(words('RFC (8446).'), 0, 10, new Set([1]));
    expect(marks(segments)).toEqual(['8446']);
    expect(text(segments)).toBe('RFC (8446).');
  });
});

describe('sectionTitle, for anchors with little or odd text', () => {
  it('falls back on the anchor’s id when it has no text', () => {
    expect(sectionTitle({ element: 'dt', id: 'ktls', location: 0 })).toBe('ktls');
    expect(sectionTitle({ element: 'h2', id: 'why', text: '', location: 0 })).toBe('why');
    expect(sectionTitle({ element: 'li', id: 'ref-1', text: ' \n ', location: 0 })).toBe('ref-1');
  });

  it('collapses the white space of a heading that spans lines', () => {
    expect(sectionTitle({ element: 'h3', id: 'a', text: '  How\n  kTLS   works\n', location: 0 })).toBe(
      'How kTLS works',
    );
  });

  it('keeps the dots inside an entry’s first sentence and drops only the one ending it', () => {
    expect(
      sectionTitle({ element: 'li', id: 'r', text: 'FreeBSD 13.0 Release Notes. FreeBSD Project. 2021.', location: 0 }),
    ).toBe('FreeBSD 13.0 Release Notes');
  });

  it('keeps an entry of exactly 90 characters whole, and cuts a longer one to 90 with an ellipsis', () => {
    const ninety = 'n'.repeat(90);
    expect(sectionTitle({ element: 'li', id: 'a', text: ninety, location: 0 })).toBe(ninety);
    const cut = sectionTitle({ element: 'li', id: 'b', text: `${ninety}x`, location: 0 });
    expect(cut).toHaveLength(90);
    expect(cut.endsWith('…')).toBe(true);
  });

  it('never leaves a space before the ellipsis of a cut entry', () => {
    for (let n = 80; n <= 89; n++) {
      const title = sectionTitle({ element: 'li', id: 'a', text: `${'a'.repeat(n)} ${'b'.repeat(40)}`, location: 0 });
      expect(title, String(n)).not.toMatch(/\s…$/);
      expect(title.length, String(n)).toBeLessThanOrEqual(90);
    }
  });
});

describe('pageHit, for the page’s own excerpt', () => {
  // "T1 T2" is the page's title (the indexed text starts with it), then 40 body words.
  const page = (locations: number[], title = 'T1 T2', body = numbered(40, 2)): PagefindPage => ({
    url: '/p/',
    content: `${title} ${body}`,
    locations,
    anchors: [],
    meta: { title },
  });

  it('starts a few words before the first match after the title, with an ellipsis for what comes before', () => {
    const { excerpt: segments } = pageHit(page([1, 20]));
    expect(text(segments)).toMatch(/^… w14 /);
    expect(marks(segments)).toEqual(['w20']);
  });

  it('takes the first match in page order, whatever order Pagefind lists them in', () => {
    expect(text(pageHit(page([30, 20])).excerpt)).toMatch(/^… w14 /);
    expect(text(pageHit(page([30, 12, 20])).excerpt)).toMatch(/^… w6 /);
  });

  it('counts a match on the first word after the title as past it', () => {
    // Word 2 is the first body word: the excerpt starts at the top, not around the later match.
    expect(text(pageHit(page([2, 30])).excerpt)).toMatch(/^T1 T2 w2 /);
  });

  it('falls back on a match in the title when there is none after it', () => {
    const title = numbered(10, 100);
    // The title's ninth word matched: the excerpt starts six words before it.
    expect(text(pageHit(page([8], title)).excerpt)).toMatch(/^… w102 /);
  });
});

describe('pageHit, for a section’s excerpt', () => {
  const entry = (hits: number[]): PagefindPage => ({
    url: '/glossary/',
    content: `Glossary kTLS ${numbered(40, 2)}`,
    locations: hits,
    anchors: [{ element: 'dt', id: 'ktls', text: 'kTLS', location: 1 }],
    meta: { title: 'Glossary' },
  });
  const sectionText = (hits: number[]) => text(pageHit(entry(hits)).sections[0]!.excerpt);

  it('starts a few words before the first match in the section’s text, past its title', () => {
    // The term itself (word 1) and a word deep in its entry (word 20) matched.
    expect(sectionText([1, 20])).toMatch(/^… w14 /);
    expect(sectionText([20])).toMatch(/^… w14 /);
  });

  it('starts right after the title when the match is the first word of the text', () => {
    expect(sectionText([1, 2, 30])).toMatch(/^… w2 /);
  });
});

describe('pageHit, choosing among the sections', () => {
  const heading = (id: string, location: number, element = 'h2'): PagefindAnchor => ({
    element,
    id,
    text: id,
    location,
  });
  const page = (anchors: PagefindAnchor[], locations: number[]): PagefindPage => ({
    url: '/p/',
    content: `T ${numbered(60, 1)}`,
    locations,
    anchors,
    meta: { title: 'T' },
  });
  const chosen = (p: PagefindPage, maxSections = 3) => pageHit(p, { maxSections }).sections.map((s) => s.title);

  it('puts each match in the section it falls in, whatever order the anchors come in', () => {
    const anchors = [heading('C', 40), heading('A', 10), heading('B', 25)];
    expect(chosen(page(anchors, [12, 27, 28, 42]))).toEqual(['A', 'B', 'C']);
    expect(pageHit(page(anchors, [27])).sections.map((s) => s.url)).toEqual(['/p/#B']);
  });

  it('prefers a section named for the search even when its text matches too', () => {
    // Entry "A" (word 10) matched on its own term and once in its text; "B" three times in its text only.
    const p = page([heading('A', 10, 'dt'), heading('B', 25, 'dt')], [10, 15, 27, 28, 29]);
    expect(chosen(p, 1)).toEqual(['A']);
  });

  it('does not count a match just after a section’s title as naming it', () => {
    // "A" matched on the first word of its text (11), "B" twice further on.
    const p = page([heading('A', 10, 'dt'), heading('B', 25, 'dt')], [11, 28, 29]);
    expect(chosen(p, 1)).toEqual(['B']);
  });

  it('keeps the earliest of sections that match equally well', () => {
    const anchors = [heading('A', 10), heading('B', 20), heading('C', 30), heading('D', 40)];
    expect(chosen(page(anchors, [15, 25, 35, 45]), 1)).toEqual(['A']);
    expect(chosen(page(anchors, [15, 25, 35, 45]), 2)).toEqual(['A', 'B']);
    expect(chosen(page([...anchors].reverse(), [45, 35, 25, 15]), 2)).toEqual(['A', 'B']);
  });
});
