import { describe, expect, it } from 'vitest';
import { excerpt, pageHit, sectionTitle, words, type PagefindPage } from '../../../src/lib/search-results';

// What Pagefind's result.data() gives for a page: its text (the h1, then the body; headings end with "."),
// the word positions that matched, and the elements with an id at their word positions.
const content =
  'Kernel TLS. Why Netflix moved TLS into the kernel. The problem. Encryption and sendfile do not mix in user space. How kTLS works. kTLS splits TLS into two parts, and the kernel does the bulk.';
const w = words(content);
const at = (word: string, from = 0) => w.findIndex((x, i) => i >= from && x.replace(/\W/g, '') === word);
const kernelTls: PagefindPage = {
  url: '/guide/kernel-features/kernel-tls/',
  content,
  locations: [at('kTLS', 20), at('kTLS', 22), at('TLS', 3)],
  anchors: [
    { element: 'header', id: 'top', text: '', location: 0 },
    { element: 'h2', id: 'the-problem', text: 'The problem', location: at('The', 9) },
    { element: 'span', id: 'tip-sendfile', text: '', location: at('sendfile') },
    { element: 'h2', id: 'how-ktls-works', text: 'How kTLS works', location: at('How') },
  ],
  meta: { title: 'Kernel TLS' },
};

describe('excerpt', () => {
  it('marks the matched words, without their punctuation, and shows where the text goes on', () => {
    const all = words('one two three, four five six');
    expect(excerpt(all, 1, 3, new Set([2]))).toEqual([
      { text: '… two ', mark: false },
      { text: 'three', mark: true },
      { text: ', four …', mark: false },
    ]);
  });
  it('stays inside the text', () => {
    expect(excerpt(words('a b c'), 0, 10, new Set())).toEqual([{ text: 'a b c', mark: false }]);
    expect(excerpt(words('a b c'), 7, 10, new Set())).toEqual([{ text: '… c', mark: false }]);
  });
});

describe('pageHit', () => {
  it('lists the sections that matched, linked by their anchor, and skips elements that start no section', () => {
    const hit = pageHit(kernelTls);
    expect(hit.title).toBe('Kernel TLS');
    expect(hit.url).toBe('/guide/kernel-features/kernel-tls/');
    expect(hit.sections.map((s) => [s.title, s.url])).toEqual([
      ['How kTLS works', '/guide/kernel-features/kernel-tls/#how-ktls-works'],
    ]);
  });

  it('starts a section’s excerpt after its heading, which the result already shows', () => {
    const [section] = pageHit(kernelTls).sections;
    expect(section!.excerpt.map((s) => s.text).join('')).toMatch(/^… kTLS splits TLS/);
    expect(section!.excerpt.filter((s) => s.mark).map((s) => s.text)).toEqual(['kTLS']);
  });

  it('finds glossary terms and bibliography entries as sections too', () => {
    const glossary: PagefindPage = {
      url: '/guide/glossary/',
      content:
        'Glossary. Every term. kTLS (kernel TLS) TLS record encryption done in the kernel. NUMA (non-uniform memory access) memory attached to each socket.',
      locations: [3],
      anchors: [
        { element: 'dt', id: 'ktls', text: 'kTLS (kernel TLS)', location: 3 },
        { element: 'dt', id: 'numa', text: 'NUMA (non-uniform memory access)', location: 13 },
      ],
      meta: { title: 'Glossary' },
    };
    expect(pageHit(glossary).sections.map((s) => s.url)).toEqual(['/guide/glossary/#ktls']);
  });

  it('keeps the best sections, in page order', () => {
    const page: PagefindPage = {
      url: '/p/',
      content: 'T. A. x. B. x x. C. x x x. D. x x.',
      locations: [3, 5, 6, 8, 9, 10, 12, 13],
      anchors: ['A', 'B', 'C', 'D'].map((id, i) => ({ element: 'h2', id, text: id, location: [1, 4, 7, 11][i]! })),
      meta: { title: 'T' },
    };
    expect(pageHit(page, { maxSections: 3 }).sections.map((s) => s.title)).toEqual(['B', 'C', 'D']);
  });
});

describe('sectionTitle', () => {
  it('keeps a heading whole and cuts an entry to its first sentence', () => {
    expect(sectionTitle({ element: 'h2', id: 'a', text: 'Why it matters. A lot.', location: 0 })).toBe(
      'Why it matters. A lot.',
    );
    expect(
      sectionTitle({
        element: 'li',
        id: 'b',
        text: 'In-Kernel TLS Framing and Encryption for FreeBSD. Baldwin J. vBSDCon 2019, 2019.',
        location: 0,
      }),
    ).toBe('In-Kernel TLS Framing and Encryption for FreeBSD');
    expect(
      sectionTitle({
        element: 'li',
        id: 'c',
        text: '[D21636: NUMA filter for listen sockets]. FreeBSD Project.',
        location: 0,
      }),
    ).toBe('[D21636: NUMA filter for listen sockets]');
    expect(sectionTitle({ element: 'dt', id: 'ktls', text: 'kTLS (kernel TLS)', location: 0 })).toBe(
      'kTLS (kernel TLS)',
    );
    expect(sectionTitle({ element: 'li', id: 'long', text: 'x'.repeat(120), location: 0 })).toHaveLength(90);
  });
});

describe('the sections chosen for a page', () => {
  it('put the section named for the search first, before sections that only mention it more often', () => {
    const content = 'Glossary pcapng A file format that BBLog writes BBLog BBLog . BBLog Black Box Logging a log';
    const page = {
      url: '/glossary/',
      content,
      meta: { title: 'Glossary' },
      // "BBLog" at word 5, 7, 8 (in pcapng's entry) and 10 (the BBLog entry's own term).
      locations: [5, 7, 8, 10],
      anchors: [
        { element: 'dt', id: 'pcapng', text: 'pcapng', location: 1 },
        { element: 'dt', id: 'bblog', text: 'BBLog Black Box Logging', location: 10 },
      ],
    };
    expect(pageHit(page, { maxSections: 1 }).sections.map((s) => s.url)).toEqual(['/glossary/#bblog']);
  });
});
