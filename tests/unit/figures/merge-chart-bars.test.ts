import { describe, expect, it } from 'vitest';
import { MERGE_CHART, mergeGeometry } from '../../../src/lib/charts/merge-chart';
import { DEFAULT_INPUTS, run } from '../../../src/lib/models/merge';

/** The rectangles of a path that rectsPath drew. */
const rects = (d: string) =>
  [...d.matchAll(/M(-?[\d.]+) (-?[\d.]+)h(-?[\d.]+)v(-?[\d.]+)h(-?[\d.]+)z/g)].map((m) => ({
    x: Number(m[1]),
    w: Number(m[3]),
  }));

describe('the merge chart’s bars, merging every week', () => {
  it('keeps each bar inside its own week, with a gap to the next, when the bars are narrower than the cap', () => {
    const input = { ...DEFAULT_INPUTS, mergeIntervalWeeks: 1, horizonWeeks: 52, deferral: false };
    const bars = rects(mergeGeometry(input, run(input)).done);
    const slot = (MERGE_CHART.width - 14 - MERGE_CHART.x0) / 52;
    expect(bars).toHaveLength(52);
    bars.forEach((bar, i) => {
      expect(bar.w).toBeGreaterThan(1);
      expect(bar.x).toBeGreaterThanOrEqual(MERGE_CHART.x0 + i * slot);
      expect(bar.x + bar.w).toBeLessThanOrEqual(MERGE_CHART.x0 + (i + 1) * slot);
    });
    for (let i = 1; i < bars.length; i++) expect(bars[i]!.x).toBeGreaterThan(bars[i - 1]!.x + bars[i - 1]!.w);
  });
});
