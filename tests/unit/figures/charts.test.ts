import { describe, expect, it } from 'vitest';
import { fmt, linear, niceMax, pct, r1, rectsPath } from '../../../src/lib/charts/svg';
import { bsdTreeData, layoutTree, piecewise } from '../../../src/figures/bsd-tree';
import { layoutThroughput, throughputData } from '../../../src/figures/throughput';
import { layoutBranches, layoutCycles } from '../../../src/figures/release-cycles';
import { BUDGET, FULL_X, budgetBar, describeServing } from '../../../src/lib/charts/budget';
import { FIGURE_INPUTS, describeMerge, mergeGeometry } from '../../../src/lib/charts/merge-chart';
import * as serving from '../../../src/lib/models/serving';
import * as merge from '../../../src/lib/models/merge';

const numbersIn = (s: string) => (s.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);

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

describe('serving budget figure', () => {
  it('draws the 100% line where a full bar of the resource ends', () => {
    expect(budgetBar(1).w + BUDGET.x0).toBeCloseTo(FULL_X, 0);
  });
  it('clips huge values, marks them, and turns NaN or negatives into empty bars', () => {
    expect(budgetBar(40)).toMatchObject({ w: BUDGET.barWidth, over: true, label: '4,000% ▸' });
    expect(budgetBar(Number.NaN)).toMatchObject({ w: 0, over: false, label: '0%' });
    expect(budgetBar(-1).w).toBe(0);
  });
  it('describes the talk’s appliance in words, with the binding limit named', () => {
    const text = describeServing(serving.DEFAULT_INPUTS, serving.run(serving.DEFAULT_INPUTS));
    expect(text).toBe(
      'At 90 Gb/s each byte crosses memory 4 times: 45 of 109 GB/s usable (41%). CPU: 54% of 16 cores at 2.6 GHz. It fits; CPU would run out first, near 166 Gb/s.',
    );
    const over = serving.PRESETS.epyc2021Software;
    expect(describeServing(over, serving.run(over))).toContain(
      'Too much: memory bandwidth limits this server to about 255 Gb/s.',
    );
  });
  it('never shows NaN, whatever the input', () => {
    for (const raw of [{}, { targetGbps: 'x', cores: -3 }, { targetGbps: 1e12, clockGHz: Infinity }, null]) {
      const input = serving.sanitize(raw);
      expect(describeServing(input, serving.run(input))).not.toMatch(/NaN|Infinity|undefined/);
    }
  });
});

describe('merge cycles figure', () => {
  it('draws one bar per merge done and none put off by default', () => {
    const r = merge.run(FIGURE_INPUTS);
    const g = mergeGeometry(FIGURE_INPUTS, r);
    expect(g.done.match(/M/g)).toHaveLength(r.completedMerges);
    expect(g.deferred).toBe('');
    expect(g.yTicks.map((k) => k.label)).toEqual(['0', '10', '20']);
  });
  it('shows put-off merges once deferral is on, and calls it the vicious cycle', () => {
    const input = { ...FIGURE_INPUTS, deferral: true };
    const r = merge.run(input);
    expect(mergeGeometry(input, r).deferred).not.toBe('');
    expect(describeMerge(input, r)).toMatch(/Vicious cycle/);
    expect(describeMerge(FIGURE_INPUTS, merge.run(FIGURE_INPUTS))).toMatch(/Virtuous cycle/);
  });
  it('keeps every coordinate finite and inside the chart, even for extreme inputs', () => {
    for (const raw of [
      { mergeIntervalWeeks: 1, upstreamChangeRate: 200, localChangeRate: 50 },
      { mergeIntervalWeeks: 52, horizonWeeks: 520 },
      { upstreamChangeRate: Number.NaN },
      { localChangeRate: 0 },
    ]) {
      const input = merge.sanitize({ ...FIGURE_INPUTS, ...raw });
      const g = mergeGeometry(input, merge.run(input));
      for (const n of numbersIn(g.done + g.deferred)) expect(Number.isFinite(n)).toBe(true);
      expect(describeMerge(input, merge.run(input))).not.toMatch(/NaN|Infinity/);
    }
  });
});
