import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkTree,
  loadBranches,
  loadBsdTree,
  loadCycle,
  loadOpenConnect,
  loadReleases,
  loadServingCalibration,
  loadThroughput,
  readFigureFile,
  sourcesOf,
  yearOf,
} from '../../../src/lib/figures';
import { bsdNodeSchema, isCalendarDate, releaseSchema, throughputSchema } from '../../../src/schemas/figures';
import { sourceIds } from '../../../src/lib/sources';

const FIXTURES = 'tests/fixtures/figures';
const known = sourceIds(path.resolve(FIXTURES));
const bad = (name: string) => path.resolve(FIXTURES, 'bad', name);

describe('figure data loaders', () => {
  it('load every figure data file of the guide, each record with a known source', () => {
    const ids = sourceIds();
    for (const records of [
      loadBsdTree(),
      loadThroughput(),
      loadReleases(),
      loadBranches(),
      loadCycle(),
      loadServingCalibration(),
    ]) {
      expect(records.length).toBeGreaterThan(0);
      for (const r of records) expect(ids.has(r.source), r.source).toBe(true);
    }
    expect(Object.keys(loadOpenConnect(['control', 'fill'] as const))).toEqual(['control', 'fill']);
  });

  it('read a good fixture, normalising YAML numbers to date strings', () => {
    const rows = loadThroughput(path.resolve(FIXTURES));
    expect(rows.map((r) => r.date)).toEqual(['2012', '2019-02-02']);
    expect(sourcesOf(rows)).toEqual(['talk-2019']);
    expect(loadBsdTree(path.resolve(FIXTURES)).map((n) => n.from)).toEqual([[], ['v6'], ['Berkeley BSD']]);
  });

  it('reject an unknown source key at its line', () => {
    expect(() => readFigureFile(bad('unknown-source.yaml'), throughputSchema, known)).toThrow(
      'tests/fixtures/figures/bad/unknown-source.yaml:10: entry "sendfile": field "source": unknown source "nobody-2016"; add it to content/sources/*.json or use an existing key',
    );
  });

  it('reject a malformed date at its line', () => {
    expect(() => readFigureFile(bad('malformed-date.yaml'), throughputSchema, known)).toThrow(
      'tests/fixtures/figures/bad/malformed-date.yaml:6: entry "kTLS": field "date": malformed date "2019-13-02"; write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 1993-11-01',
    );
    expect(() => readFigureFile(bad('bad-day.yaml'), releaseSchema, known)).toThrow(
      'tests/fixtures/figures/bad/bad-day.yaml:2: entry "12.0": field "date": malformed date "2018-02-30"; write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 1993-11-01',
    );
    expect(() => readFigureFile(bad('words-date.yaml'), bsdNodeSchema, known)).toThrow(
      'tests/fixtures/figures/bad/words-date.yaml:4: entry "v1": field "date": malformed date "late 1977"; write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 1993-11-01',
    );
  });

  it('reject a parent that is not an earlier entry or lane, and an empty file', () => {
    const file = bad('unknown-parent.yaml');
    expect(() => checkTree(readFigureFile(file, bsdNodeSchema, known), file)).toThrow(
      'tests/fixtures/figures/bad/unknown-parent.yaml: entry "bsd-1": field "from" names "v5", which is neither an earlier entry\'s id nor an earlier lane',
    );
    expect(() => readFigureFile(bad('empty.yaml'), throughputSchema, known)).toThrow(
      'tests/fixtures/figures/bad/empty.yaml:1: the list is empty; a figure needs at least one entry',
    );
  });

  it('name a missing diagram part', () => {
    expect(() => loadOpenConnect(['control', 'nope'] as never)).toThrow(/open-connect\.yaml: no entry with id "nope"/);
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
