import { describe, expect, it } from 'vitest';
import { linear, niceMax, rectsPath } from '../../../src/lib/charts/svg';
import { budgetBar, budgetGeometry, modelSummary } from '../../../src/lib/charts/budget';
import { MERGE_CHART, costY, mergeGeometry } from '../../../src/lib/charts/merge-chart';
import { DEFAULT_INPUTS as MERGE_DEFAULTS, run as runMerge } from '../../../src/lib/models/merge';
import { PRESETS, run as runServing } from '../../../src/lib/models/serving';

/** The rectangles of a path that rectsPath drew. */
const rects = (d: string) =>
  [...d.matchAll(/M(-?[\d.]+) (-?[\d.]+)h(-?[\d.]+)v(-?[\d.]+)h(-?[\d.]+)z/g)].map((m) => ({
    x: Number(m[1]),
    y: Number(m[2]),
    w: Number(m[3]),
    h: Number(m[4]),
  }));

describe('svg helpers at their edges', () => {
  it('draw only rectangles that have an area', () => {
    expect(rectsPath([{ x: 0, y: 0, w: 2, h: 0 }])).toBe('');
    expect(
      rectsPath([
        { x: 0, y: 0, w: 1, h: 1 },
        { x: 5, y: 5, w: 1, h: 1 },
      ]),
    ).toBe('M0 0h1v1h-1zM5 5h1v1h-1z');
  });

  it('pick the next nice maximum at each step', () => {
    expect([10, 11, 20, 21, 25, 26, 50, 51].map(niceMax)).toEqual([10, 20, 20, 25, 25, 50, 50, 100]);
  });

  it('map from a domain that does not start at 0 to a range that does not', () => {
    expect(linear(10, 20, 100, 200)(15)).toBe(150);
    expect(linear(10, 20, 100, 200)(Number.NaN)).toBe(100);
  });
});

describe('the serving budget’s bars and words', () => {
  it('draws a bar in proportion up to 150% of the resource, and marks what goes past it', () => {
    expect(budgetBar(0.75)).toEqual({ w: 147, over: false, label: '75%' });
    expect(budgetBar(1)).toEqual({ w: 196, over: false, label: '100%' });
    expect(budgetBar(1.5)).toEqual({ w: 294, over: true, label: '150%' });
    expect(budgetBar(3)).toEqual({ w: 294, over: true, label: '300% ▸' });
    expect(budgetBar(-1)).toEqual({ w: 0, over: false, label: '0%' });
    expect(budgetBar(Number.POSITIVE_INFINITY)).toEqual({ w: 0, over: false, label: '0%' });
  });

  it('shows each step from the target to the memory traffic, and what is usable of the nominal bandwidth', () => {
    const input = PRESETS.fosdem2019;
    const geometry = budgetGeometry(input, runServing(input));
    expect(geometry.memoryStep).toBe('11.25 GB/s × 4 crossings = 45 GB/s');
    expect(geometry.usableStep).toBe('85% of 128 GB/s = 109 GB/s usable');
  });

  it('sums up a server as its CPU load at the target and the limit that binds', () => {
    const cpuBound = { ...PRESETS.fosdem2019, cores: 4, clockGHz: 1 };
    expect(modelSummary(cpuBound, runServing(cpuBound))).toMatch(/^CPU [\d,]+% at 90 Gb\/s; limit \d+ Gb\/s \(CPU\)$/);
    const memoryBound = PRESETS.epyc2021Software;
    expect(modelSummary(memoryBound, runServing(memoryBound))).toMatch(/; limit 2\d\d Gb\/s \(memory\)$/);
  });
});

describe('the merge chart’s geometry', () => {
  const input = { ...MERGE_DEFAULTS, horizonWeeks: 8, mergeIntervalWeeks: 2, deferral: false };

  it('centres one bar per merge in its week’s slot, as tall as its cost on the log axis', () => {
    const result = runMerge(input);
    const bars = rects(mergeGeometry(input, result).done);
    const slot = (MERGE_CHART.width - 14 - MERGE_CHART.x0) / 8;
    expect(bars).toHaveLength(4);
    bars.forEach((bar, i) => {
      const merge = result.merges[i]!;
      expect(bar.w).toBe(24);
      expect(bar.x + bar.w / 2).toBeCloseTo(MERGE_CHART.x0 + (merge.week - 0.5) * slot, 0);
      expect(bar.y).toBeCloseTo(costY(merge.cost), 1);
      expect(bar.y + bar.h).toBeCloseTo(MERGE_CHART.bottom, 1);
    });
    expect(mergeGeometry(input, result).deferred).toBe('');
  });

  it('keeps bars at least a unit wide when the slots are narrow, and puts ticks at every quarter', () => {
    const long = { ...input, horizonWeeks: 520 };
    const geometry = mergeGeometry(long, runMerge(long));
    expect(rects(geometry.done).every((b) => b.w === 1)).toBe(true);
    expect(geometry.xTicks.map((t) => t.label)).toEqual(['0', '130', '260', '390', '520']);
    expect(geometry.xTicks[0]!.x).toBe(MERGE_CHART.x0);
    expect(geometry.xTicks[4]!.x).toBe(MERGE_CHART.width - 14);
  });

  it('outlines the merges put off apart from those done, and draws the threshold while merges are put off', () => {
    const putOff = { ...input, deferral: true, deferThreshold: 5, horizonWeeks: 12 };
    const result = runMerge(putOff);
    const geometry = mergeGeometry(putOff, result);
    expect(rects(geometry.deferred)).toHaveLength(result.deferredMerges);
    expect(rects(geometry.done)).toHaveLength(result.completedMerges);
    expect(result.deferredMerges).toBeGreaterThan(0);
    const y = costY(5);
    expect(geometry.threshold).toBe(`M${MERGE_CHART.x0} ${y}H${MERGE_CHART.width - 14}`);
    expect(geometry.thresholdY).toBeCloseTo(y - 4, 1);
    expect(mergeGeometry(input, runMerge(input)).threshold).toBe('');
  });
});
