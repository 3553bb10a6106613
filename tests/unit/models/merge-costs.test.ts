import { describe, expect, it } from 'vitest';
import { DEFAULT_INPUTS, mergeCost, run, type MergeInputs, type MergeResult } from '../../../src/lib/models/merge';
import { MERGE_CHART, conflictShare, costPerChange, costY } from '../../../src/lib/charts/merge-chart';

/**
 * The merge model's accounts (src/lib/models/merge.ts) and the figure's shares of them
 * (src/lib/charts/merge-chart.ts): what the total is made of, what each merge records, where the threshold
 * cuts, and what the chart does with costs it cannot draw.
 */

const at = (over: Partial<MergeInputs>): MergeResult => run({ ...DEFAULT_INPUTS, ...over });

describe('merge model: the accounts', () => {
  it('charges the same for an upstream change as for a local one, and something for each', () => {
    expect(mergeCost(10, 0).linear).toBeGreaterThan(0);
    expect(mergeCost(0, 10).linear).toBeCloseTo(mergeCost(10, 0).linear, 12);
    expect(mergeCost(30, 10).linear).toBeCloseTo(mergeCost(40, 0).linear, 12);
  });

  it('totals the merging and the working behind upstream, and spreads the total over the weeks', () => {
    for (const over of [{}, { mergeIntervalWeeks: 13 }, { deferral: true, deferThreshold: 10 }]) {
      const r = at(over);
      expect(r.driftCost).toBeGreaterThan(0);
      expect(r.totalCost).toBeCloseTo(r.mergeCost + r.driftCost, 9);
      expect(r.averageCostPerWeek).toBeCloseTo(r.totalCost / DEFAULT_INPUTS.horizonWeeks, 9);
    }
  });

  it('costs more to work behind upstream the longer merges wait', () => {
    const drift = [1, 4, 13, 52].map((mergeIntervalWeeks) => at({ mergeIntervalWeeks }).driftCost);
    for (let i = 1; i < drift.length; i++) expect(drift[i]).toBeGreaterThan(drift[i - 1]!);
  });

  it('records each merge’s divergence as the upstream changes behind plus the local ones ahead', () => {
    for (const m of at({ deferral: true, deferThreshold: 10 }).merges) {
      expect(m.localAhead).toBeGreaterThan(0);
      expect(m.divergence).toBe(m.upstreamBehind + m.localAhead);
    }
  });

  it('does a merge that costs exactly the threshold, and puts off only one that costs more', () => {
    // 20 upstream changes a week and no local ones: each weekly merge costs exactly 1 unit.
    const input = { upstreamChangeRate: 20, localChangeRate: 0, mergeIntervalWeeks: 1, deferral: true };
    const atThreshold = at({ ...input, deferThreshold: 1 });
    expect(atThreshold.merges[0]!.cost).toBe(1);
    expect(atThreshold.deferredMerges).toBe(0);
    expect(at({ ...input, upstreamChangeRate: 21, deferThreshold: 1 }).deferredMerges).toBeGreaterThan(0);
  });
});

describe('merge chart: shares of the accounts', () => {
  it('gives a share of 0, not NaN, when nothing was merged', () => {
    const r = at({});
    expect(conflictShare({ ...r, mergeCost: 0, conflictCost: 0 })).toBe(0);
  });

  it('counts each change merged once, however often its merge was put off', () => {
    const r = at({ deferral: true, deferThreshold: 10 });
    expect(r.deferredMerges).toBeGreaterThan(0);
    const changes = (DEFAULT_INPUTS.upstreamChangeRate + DEFAULT_INPUTS.localChangeRate) * DEFAULT_INPUTS.horizonWeeks;
    expect(costPerChange(r)).toBeCloseTo(r.mergeCost / changes, 9);
  });

  it('draws a cost that is not a number, or none at all, at the foot of the axis', () => {
    for (const cost of [Number.NaN, 0, -5]) expect(costY(cost), String(cost)).toBe(MERGE_CHART.bottom);
    expect(costY(1e9)).toBe(MERGE_CHART.top);
  });
});
