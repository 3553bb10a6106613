import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { pageRecord, setPageRecord } from '../../../src/lib/page-record';

const frontmatter = (file: VFile) =>
  (file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro?.frontmatter ?? {};

describe('the record of a page', () => {
  it('is empty lists and zero counts for a page the plugins recorded nothing for', () => {
    const record = pageRecord({});
    expect(record).toMatchObject({ citations: [], claims: {}, terms: [], figures: [] });
    expect(Object.keys(record.counts).length).toBeGreaterThan(0);
    expect(Object.values(record.counts).every((n) => n === 0)).toBe(true);
  });

  it('gives back what the plugins recorded, each part added to the others', () => {
    const file = new VFile();
    const counts = { citations: 2, withLocator: 1, withPassage: 1, ownReading: 0, unchecked: 1 };
    setPageRecord(file, { citations: ['talk-2019'], claims: { 'talk-2019': 2 }, counts });
    setPageRecord(file, { terms: ['ktls'] });
    setPageRecord(file, { figures: [{ name: 'FillChart', view: 'busy-hour' }] });
    expect(pageRecord(frontmatter(file))).toEqual({
      citations: ['talk-2019'],
      claims: { 'talk-2019': 2 },
      counts,
      terms: ['ktls'],
      figures: [{ name: 'FillChart', view: 'busy-hour' }],
    });
  });
});
