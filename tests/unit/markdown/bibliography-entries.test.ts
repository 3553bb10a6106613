import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bibliography, hostOf, shortReference, year } from '../../../src/lib/citations/format';
import { bySourceOrder, fileUnder } from '../../../src/lib/citations/order';
import type { Source } from '../../../src/schemas/source';

const source = (id: string, more: Partial<Source> = {}): Source => ({
  id,
  type: 'webpage',
  title: `Title of ${id}`,
  issued: { 'date-parts': [[2019, 2, 2]] },
  URL: `https://example.org/${id}`,
  ...more,
});

/** A content folder holding only these sources. */
function contentWith(name: string, sources: Source[]): string {
  const dir = path.resolve('.tmp/bibliography-entries', name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'sources'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'sources/refs.json'), JSON.stringify(sources));
  return dir;
}

describe('bibliography entries as a reader sees them', () => {
  it('read as one clean sentence per part, without the style’s “[Internet]” and “Available from:”', () => {
    const entries = bibliography(
      contentWith('clean', [
        source('slides', { type: 'speech', title: 'Slides.', author: [{ literal: 'Example Inc.' }] }),
        source('report', { type: 'report', title: 'Report', publisher: 'Example Press' }),
      ]),
    );
    expect(entries.get('slides')).toBe(
      'Example Inc. Slides. 2019 Feb 2. <a href="https://example.org/slides">https://example.org/slides</a>',
    );
    expect(entries.get('report')).toBe(
      'Report. Example Press; 2019 Feb. <a href="https://example.org/report">https://example.org/report</a>',
    );
  });

  it('start with the source, not the style’s number, however many sources there are', () => {
    const many = Array.from({ length: 12 }, (_, i) => source(`s${i + 1}`));
    const entries = bibliography(contentWith('many', many));
    expect(entries.size).toBe(12);
    for (const s of many) {
      const entry = entries.get(s.id)!;
      expect(entry.startsWith(`${s.title}. `)).toBe(true);
      expect(entry).toBe(entry.trim());
    }
  });

  it('are kept for each content folder, so that alternating between two formats neither again', () => {
    const one = contentWith('one', [source('a')]);
    const two = contentWith('two', [source('b')]);
    const first = bibliography(one);
    const second = bibliography(two);
    expect([...first.keys()]).toEqual(['a']);
    expect([...second.keys()]).toEqual(['b']);
    expect(bibliography(one)).toBe(first);
    expect(bibliography(two)).toBe(second);
  });
});

describe('how a tooltip names a source', () => {
  it('keeps the full stops inside a title and an author, with never two in a row between parts', () => {
    expect(shortReference(source('a', { title: 'Node.js at scale' }))).toBe('Node.js at scale. 2019.');
    expect(shortReference(source('a', { title: 'Report', author: [{ literal: 'Example Inc.' }] }))).toBe(
      'Example Inc. Report. 2019.',
    );
    for (const title of ['Wait...', 'Slides.', 'Plain']) {
      expect(shortReference(source('a', { title, author: [{ literal: 'Example Inc.' }] }))).not.toMatch(/\.\./);
    }
  });

  it('says n.d. for a source whose date has no parts at all', () => {
    expect(year(source('a', { issued: { 'date-parts': [] } as unknown as Source['issued'] }))).toBe('n.d.');
  });

  it('drops only a leading “www.” from a host', () => {
    expect(hostOf('https://docs.www.example.org/x')).toBe('docs.www.example.org');
    expect(hostOf('https://www.example.org/x')).toBe('example.org');
  });
});

describe('the order of a bibliography', () => {
  /** Checks that `sources` are in bibliography order, comparing every pair both ways. */
  const expectInOrder = (sources: Source[]) => {
    sources.forEach((a, i) =>
      sources.slice(i + 1).forEach((b) => {
        expect(bySourceOrder(a, b), `${a.title} before ${b.title}`).toBeLessThan(0);
        expect(bySourceOrder(b, a), `${b.title} after ${a.title}`).toBeGreaterThan(0);
      }),
    );
  };

  it('files a source without an author under its title, whatever brackets and quotation marks open it', () => {
    expectInOrder([
      source('a', { title: 'Alpha' }),
      source('b', { title: '[“Beta” commit]' }),
      source('d', { title: 'Delta' }),
      source('g', { title: '“(Gamma)”' }),
    ]);
    expect(fileUnder(source('b', { title: ' [“Beta” commit]' }))).toBe('Beta” commit]');
  });

  it('orders one author’s sources by title as written, apart from the marks that open it', () => {
    const by = (id: string, title: string) => source(id, { title, author: [{ family: 'Looney', given: 'Drew' }] });
    expectInOrder([by('1', 'Alpha'), by('2', '“(Beta)”'), by('3', 'Net flow'), by('4', 'Netflix')]);
  });
});
