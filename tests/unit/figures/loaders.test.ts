import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isCalendarDate } from '../../../src/figures/define';
import { yearOf } from '../../../src/lib/charts/years';
import { throughputData } from '../../../src/figures/throughput';
import { bsdTreeData } from '../../../src/figures/bsd-tree';
import { branchesData, cycleData, releasesData } from '../../../src/figures/release-cycles';
import { openConnectData } from '../../../src/figures/open-connect';
import { calibrationData } from '../../../src/figures/serving-budget';
import { sourceIds } from '../../../src/lib/sources';

const FIXTURES = path.resolve('tests/fixtures/figures');
const bad = (name: string) => path.join(FIXTURES, 'bad', name);
const readThroughput = (name: string) => () => throughputData.read(bad(name), FIXTURES);

describe('figure data loaders', () => {
  it('load every figure data file of the guide, each record with evidence from a known source', () => {
    const ids = sourceIds();
    for (const data of [
      throughputData,
      bsdTreeData,
      releasesData,
      branchesData,
      cycleData,
      openConnectData,
      calibrationData,
    ]) {
      const records = data.load();
      expect(records.length, data.name).toBeGreaterThan(0);
      for (const r of records) {
        expect(r.cite.items.length, `${data.name}: ${r.cite.text}`).toBeGreaterThan(0);
        for (const item of r.cite.items) expect(ids.has(item.key), item.key).toBe(true);
      }
    }
  });

  it('read a good fixture, normalising YAML numbers to date strings and parsing each cite', () => {
    const rows = throughputData.load(FIXTURES);
    expect(rows.map((r) => r.date)).toEqual(['2012', '2019-02-02']);
    expect(rows[1]!.cite).toEqual({
      text: '@talk-2019, slide 2: "90 Gb/s of TLS traffic"',
      items: [
        {
          key: 'talk-2019',
          stance: 'quoted',
          unchecked: false,
          locator: { label: 'slide', value: '2' },
          passage: '90 Gb/s of TLS traffic',
        },
      ],
    });
    expect(bsdTreeData.load(FIXTURES).map((n) => n.from)).toEqual([[], ['v6'], ['Berkeley BSD']]);
    expect(bsdTreeData.load(FIXTURES)[0]!.cite.items[0]).toMatchObject({ stance: 'reading', key: 'tree-file' });
  });

  it('reject an unknown source key at its line, naming the record', () => {
    expect(readThroughput('unknown-source.yaml')).toThrow(
      'tests/fixtures/figures/bad/unknown-source.yaml:10: entry "sendfile": field "cite": unknown source "nobody-2016" in citation [@nobody-2016, p. 3: "over 90"]; add it to content/sources/*.json or use an existing key',
    );
  });

  it('reject a passage that is not on the located slide of the source text', () => {
    expect(readThroughput('passage-elsewhere.yaml')).toThrow(
      'tests/fixtures/figures/bad/passage-elsewhere.yaml:10: entry "kTLS": field "cite": citation [@talk-2019, slide 1: "90 Gb/s of TLS traffic"]: @talk-2019: the passage "90 Gb/s of TLS traffic" is not on slide 1 of tests/fixtures/figures/sources/text/talk-2019.txt; quote the source\'s text exactly (case, spacing and quotation marks aside), with "…" for a gap',
    );
  });

  it('reject a citation without a passage that is not marked as the guide’s own reading', () => {
    expect(readThroughput('no-passage.yaml')).toThrow(
      'tests/fixtures/figures/bad/no-passage.yaml:5: entry "kTLS": field "cite": citation [@talk-2019, slide 2]: @talk-2019, slide 2 has no passage; quote the words that carry the claim, [@talk-2019, slide 2: "…"], or mark the guide\'s own reading, [our reading of @talk-2019, slide 2]',
    );
  });

  it('reject a cite that is not a citation, and the old `source` field', () => {
    expect(readThroughput('not-a-citation.yaml')).toThrow(
      'tests/fixtures/figures/bad/not-a-citation.yaml:5: entry "kTLS": field "cite": "the 2019 talk, slide 2" is not a citation; write @key, slide 13: "…"',
    );
    expect(readThroughput('old-source-field.yaml')).toThrow(
      'tests/fixtures/figures/bad/old-source-field.yaml:1: entry "kTLS": field "cite": a record needs its evidence, in the citation syntax without brackets: cite: \'@key, slide 7: "…"\' (a `source: key` becomes `cite: \'@key, locator: "passage"\'`)',
    );
  });

  it('reject a malformed date at its line', () => {
    expect(readThroughput('malformed-date.yaml')).toThrow(
      'tests/fixtures/figures/bad/malformed-date.yaml:6: entry "kTLS": field "date": malformed date "2019-13-02"; write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 1993-11-01',
    );
    expect(() => releasesData.read(bad('bad-day.yaml'), FIXTURES)).toThrow(
      'tests/fixtures/figures/bad/bad-day.yaml:2: entry "12.0": field "date": malformed date "2018-02-30"; write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 1993-11-01',
    );
    expect(() => bsdTreeData.read(bad('words-date.yaml'), FIXTURES)).toThrow(
      'tests/fixtures/figures/bad/words-date.yaml:4: entry "v1": field "date": malformed date "late 1977"; write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 1993-11-01',
    );
  });

  it('reject a parent that is not an earlier entry or lane, and an empty file', () => {
    expect(() => bsdTreeData.read(bad('unknown-parent.yaml'), FIXTURES)).toThrow(
      'tests/fixtures/figures/bad/unknown-parent.yaml: entry "bsd-1": field "from" names "v5", which is neither an earlier entry\'s id nor an earlier lane',
    );
    expect(readThroughput('empty.yaml')).toThrow(
      'tests/fixtures/figures/bad/empty.yaml:1: the list is empty; a figure needs at least one entry',
    );
  });

  it('name a diagram part that is missing', () => {
    expect(() => openConnectData.read(bad('open-connect-part-missing.yaml'), FIXTURES)).toThrow(
      'tests/fixtures/figures/bad/open-connect-part-missing.yaml: no entry with id "embedded"; the diagram needs entries "control", "embedded", "peered", "fill", "routes", "steer", "stream"',
    );
  });
});

describe('dates', () => {
  it('accept YYYY, YYYY-MM and real YYYY-MM-DD dates only', () => {
    for (const ok of ['1971', '1995-06', '2024-02-29', '1993-11-01']) expect(isCalendarDate(ok), ok).toBe(true);
    for (const no of ['71', '1995-6', '1995-00', '2023-02-29', '2019-04-31', '1995-06-01T00:00', 'late 1977', ''])
      expect(isCalendarDate(no), no).toBe(false);
  });

  it('turn dates into fractional years', () => {
    expect(yearOf('1993')).toBe(1993);
    expect(yearOf('2019-07-02')).toBeCloseTo(2019.5, 2);
    expect(yearOf('2000-12-31')).toBeGreaterThan(2000.99);
  });
});
