import { describe, expect, it } from 'vitest';
import { fmt, linear, niceMax, pct, r1, rectsPath } from '../../../src/lib/charts/svg';
import { bsdTreeData, layoutTree, piecewise } from '../../../src/figures/bsd-tree';
import { layoutThroughput, throughputData } from '../../../src/figures/throughput';
import { layoutBranches, layoutCycles } from '../../../src/figures/release-cycles';

describe('svg helpers', () => {
  it('round to one decimal and never give NaN', () => {
    expect(r1(1.26)).toBe(1.3);
    expect(r1(Number.NaN)).toBe(0);
    expect(
      rectsPath([
        { x: 1.04, y: 2, w: 3, h: 4 },
        { x: 0, y: 0, w: 0, h: 5 },
      ]),
    ).toBe('M1 2h3v4h-3z');
  });
  it('pick nice axis maxima', () => {
    expect([0, 1, 1.5, 19, 21, 240, 410, 999, Number.NaN, Infinity].map(niceMax)).toEqual([
      1, 1, 2, 20, 25, 250, 500, 1000, 1, 1,
    ]);
  });
  it('map linearly, even with a degenerate domain', () => {
    expect(linear(0, 10, 0, 100)(5)).toBe(50);
    expect(linear(3, 3, 7, 9)(100)).toBe(7);
  });
  it('format numbers and shares', () => {
    expect(fmt(1234.5)).toBe('1,235');
    expect(fmt(2.55, 1)).toBe('2.6');
    expect(pct(0.543)).toBe('54%');
    expect(pct(Number.NaN)).toBe('0%');
  });
});

describe('BSD tree layout', () => {
  const tree = layoutTree(bsdTreeData.load(), {
    stops: [
      [1970, 0],
      [1990, 0.38],
      [2005, 1],
    ],
    ticks: [1970, 1990, 2005],
  });
  it('gives one lane per line, in order of first appearance, and keeps everything inside the view box', () => {
    expect(tree.lanes.map((l) => l.name)).toEqual([
      'Research Unix',
      'Berkeley BSD',
      '386BSD',
      'NetBSD',
      'OpenBSD',
      'FreeBSD',
      'DragonFly BSD',
      'Darwin/macOS',
    ]);
    for (const d of tree.dots) {
      expect(d.x).toBeGreaterThanOrEqual(tree.plotX[0]);
      expect(d.x).toBeLessThanOrEqual(tree.plotX[1]);
    }
    expect(tree.lanes.find((l) => l.name === 'Berkeley BSD')!.ongoing).toBe(false);
    expect(tree.lanes.find((l) => l.name === 'FreeBSD')!.ongoing).toBe(true);
  });
  it('puts the label of an entry with a parent below it, and alternates the others', () => {
    const at = (id: string) => tree.dots.find((d) => d.id === id)!;
    expect(at('bsd-1').above).toBe(false);
    expect(at('bsd-4-2').above).toBe(true);
    expect(at('bsd-4-3').above).toBe(false);
  });
  it('moves a label crowded against its lane neighbour to the other side, when asked to', () => {
    const entries = [
      { id: 'a', label: 'A', line: 'L', date: '1993', from: [] as string[], final: false },
      { id: 'b', label: 'B', line: 'L', date: '1993-06', from: ['a'], final: false },
    ];
    const opts = {
      width: 340,
      stops: [
        [1990, 0],
        [2005, 1],
      ] as [number, number][],
      ticks: [1990],
    };
    // Without minGap, a label goes above unless its entry has a parent or its neighbour's label went above.
    expect(layoutTree(entries, opts).dots.map((d) => d.above)).toEqual([true, false]);
    const apart = layoutTree([entries[0]!, { ...entries[1]!, from: [] }], opts).dots.map((d) => d.above);
    expect(apart).toEqual([true, false]);
    const close = layoutTree([{ ...entries[0]!, from: ['x'] }, entries[1]!], opts);
    expect(close.dots.map((d) => d.above)).toEqual([false, false]);
    expect(
      layoutTree([{ ...entries[0]!, from: ['x'] }, entries[1]!], { ...opts, minGap: 30 }).dots.map((d) => d.above),
    ).toEqual([false, true]);
  });

  it('maps years piecewise', () => {
    const s = piecewise([
      [1970, 0],
      [1990, 0.4],
      [2005, 1],
    ]);
    expect(s(1960)).toBe(0);
    expect(s(1980)).toBeCloseTo(0.2);
    expect(s(1997.5)).toBeCloseTo(0.7);
    expect(s(2030)).toBe(1);
  });
});

describe('throughput layout', () => {
  it('draws longer bars for more throughput, on a log axis', () => {
    const t = layoutThroughput(throughputData.load());
    const widths = t.rows.map((r) => r.w);
    expect(widths[0]).toBeLessThan(widths.at(-1)!);
    expect(t.ticks.map((k) => k.label)).toEqual(['10 Gb/s', '100 Gb/s', '1 Tb/s']);
    // Equal ratios give equal lengths: 10 → 100 is as long as 100 → 1000.
    expect(t.ticks[1]!.x - t.ticks[0]!.x).toBeCloseTo(t.ticks[2]!.x - t.ticks[1]!.x, 0);
  });
});

describe('release layouts', () => {
  it('puts each release on its stable branch and a planned one on main', () => {
    const b = layoutBranches(
      [{ name: 'stable/13', start: '2021-04-13', end: '2026-04-30' }],
      [
        { version: '13.0', date: '2021-04-13', planned: false },
        { version: '16.0', date: '2027-12', planned: true },
      ],
    );
    expect(b.dots[0]!.y).toBe(b.lanes[0]!.y);
    expect(b.dots[1]).toMatchObject({ y: b.main.y, text: '16.0 (planned)' });
  });
  it('puts a release label below its dot when it would crowd the previous one on the lane', () => {
    const branches = [{ name: 'stable/12', start: '2018-12-11', end: '2023-12' }];
    const releases = [
      { version: '12.0', date: '2018-12-11', planned: false },
      { version: '12.1', date: '2019-11-04', planned: false },
    ];
    expect(layoutBranches(branches, releases).dots.map((d) => d.above)).toEqual([true, true]);
    const narrow = layoutBranches(branches, releases, { width: 340, tickStep: 4, minGap: 30 });
    expect(narrow.dots.map((d) => d.above)).toEqual([true, false]);
    expect(narrow.ticks.map((k) => k.year)).toEqual([2016, 2020, 2024, 2028]);
  });

  it('starts a new cycle, with a merge from head, when the previous one starts testing', () => {
    const c = layoutCycles([
      { id: 'develop', label: 'Develop', weeks: 5 },
      { id: 'test', label: 'Test', weeks: 5 },
    ]);
    expect(c.rows).toHaveLength(4);
    expect(c.rows[1]!.bars[0]!.x).toBe(c.rows[0]!.bars[1]!.x);
    expect(c.rows[1]!.merge).toBe(c.rows[1]!.bars[0]!.x);
  });
});
