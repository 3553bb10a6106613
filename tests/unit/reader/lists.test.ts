import { describe, expect, it } from 'vitest';
import { byLetter, letterOf } from '../../../src/lib/letters';
import { bySourceOrder, fileUnder } from '../../../src/lib/citations/order';
import type { Source } from '../../../src/schemas/source';

const source = (id: string, title: string, author?: Source['author']): Source => ({
  id,
  type: 'webpage',
  title,
  ...(author ? { author } : {}),
  issued: { literal: 'n.d.' },
  URL: `https://example.org/${id}`,
});

describe('groups by initial letter (the glossary, the sources)', () => {
  it('files a name under its first letter, in capitals, past quotation marks, brackets and accents', () => {
    expect(letterOf('kTLS')).toBe('K');
    expect(letterOf('“Open Connect”')).toBe('O');
    expect(letterOf(' [Commit 756a541]')).toBe('C');
    expect(letterOf('(mbuf)')).toBe('M');
    expect(letterOf('‘quoted’')).toBe('Q');
    expect(letterOf('Émile')).toBe('E');
  });

  it('files names that start with a digit under 0–9, and anything else under #', () => {
    expect(letterOf('802.3ad')).toBe('0–9');
    expect(letterOf('0 copies')).toBe('0–9');
    expect(letterOf('9P')).toBe('0–9');
    expect(letterOf('_private')).toBe('#');
    expect(letterOf('')).toBe('#');
  });

  it('keeps the items’ order within and across groups, each group with its heading’s anchor', () => {
    const groups = byLetter(['apple', '42', 'avocado', 'banana', '“about”', '-dash', '7'], (s) => s);
    expect(groups).toEqual([
      { letter: 'A', id: 'letter-a', items: ['apple', 'avocado', '“about”'] },
      { letter: '0–9', id: 'letter-0-9', items: ['42', '7'] },
      { letter: 'B', id: 'letter-b', items: ['banana'] },
      { letter: '#', id: 'letter-other', items: ['-dash'] },
    ]);
    expect(byLetter([], (s: string) => s)).toEqual([]);
  });

  it('reads the name through the function it is given', () => {
    const groups = byLetter([{ term: 'NUMA' }, { term: 'kTLS' }], (t) => t.term);
    expect(groups.map((g) => [g.letter, g.items.map((t) => t.term)])).toEqual([
      ['N', ['NUMA']],
      ['K', ['kTLS']],
    ]);
  });
});

describe('bibliography order', () => {
  it('files a source under its first author’s family name, or a literal name, or else its title', () => {
    expect(fileUnder(source('a', 'Netflix and FreeBSD', [{ family: 'Looney', given: 'Jonathan' }]))).toBe('Looney');
    expect(fileUnder(source('b', 'A report', [{ literal: 'The FreeBSD Foundation' }, { family: 'X' }]))).toBe(
      'The FreeBSD Foundation',
    );
    expect(fileUnder(source('c', '[Commit 756a541] ktls: add'))).toBe('Commit 756a541] ktls: add');
    expect(fileUnder(source('d', '“Open Connect” overview'))).toBe('Open Connect” overview');
  });

  it('sorts by author or title, ignoring case, brackets and quotation marks, and numbers by value', () => {
    const sources = [
      source('z-2', '[Commit 9] second', undefined),
      source('gallatin-2021', 'Serving 400 Gb/s', [{ family: 'gallatin', given: 'Drew' }]),
      source('looney-2019', 'Netflix and FreeBSD', [{ family: 'Looney' }]),
      source('z-1', '[Commit 10] first'),
      source('bsd-10', 'FreeBSD 10'),
      source('bsd-9', 'FreeBSD 9'),
    ];
    expect([...sources].sort(bySourceOrder).map((s) => s.id)).toEqual([
      'z-2',
      'z-1',
      'bsd-9',
      'bsd-10',
      'gallatin-2021',
      'looney-2019',
    ]);
  });

  it('breaks a tie of author by title (past its opening quotation mark), and a tie of both by id', () => {
    const beta = source('looney-b', 'Beta', [{ family: 'Looney' }]);
    const alpha = source('looney-a', 'Alpha', [{ family: 'Looney' }]);
    const quoted = source('looney-q', '“Alpha 2”', [{ family: 'Looney' }]);
    const twin = source('looney-0', 'alpha', [{ family: 'looney' }]);
    expect([beta, quoted, alpha, twin].sort(bySourceOrder).map((s) => s.id)).toEqual([
      'looney-0',
      'looney-a',
      'looney-q',
      'looney-b',
    ]);
    expect(bySourceOrder(alpha, alpha)).toBe(0);
  });
});
