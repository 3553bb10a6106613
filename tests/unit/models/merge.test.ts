import { describe, expect, it } from 'vitest';
import {
  DEFAULT_INPUTS,
  RANGES,
  mergeCost,
  run,
  sanitize,
  type MergeInputs,
  type MergeResult,
} from '../../../src/lib/models/merge';

const at = (over: Partial<MergeInputs>): MergeResult => run({ ...DEFAULT_INPUTS, ...over });

function allFiniteNonNegative(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0;
  if (Array.isArray(value)) return value.every(allFiniteNonNegative);
  if (value !== null && typeof value === 'object') return Object.values(value).every(allFiniteNonNegative);
  return true;
}

describe('merge model: amortized merge cost', () => {
  it('monthly merges cost less in total than yearly merges over two years', () => {
    const monthly = at({ mergeIntervalWeeks: 4, horizonWeeks: 104 });
    const yearly = at({ mergeIntervalWeeks: 52, horizonWeeks: 104 });
    expect(monthly.totalCost).toBeLessThan(yearly.totalCost);
    expect(monthly.maxSingleMergeCost).toBeLessThan(yearly.maxSingleMergeCost);
    expect(monthly.completedMerges).toBe(26);
    expect(yearly.completedMerges).toBe(2);
    expect(monthly.label).toBe('virtuous');
  });

  it('total cost rises with the merge interval', () => {
    const totals = [1, 2, 4, 8, 13, 26, 52].map((w) => at({ mergeIntervalWeeks: w }).totalCost);
    for (let i = 1; i < totals.length; i++) expect(totals[i]).toBeGreaterThan(totals[i - 1]!);
  });

  it('merge cost is super-linear in divergence', () => {
    const small = mergeCost(100, 10).total;
    const big = mergeCost(1000, 100).total;
    expect(big).toBeGreaterThan(10 * small);
  });

  it('zero local changes gives zero conflict cost', () => {
    const r = at({ localChangeRate: 0, mergeIntervalWeeks: 52 });
    expect(r.conflictCost).toBe(0);
    for (const m of r.merges) expect(m.conflictCost).toBe(0);
    expect(r.totalCost).toBeLessThan(at({ mergeIntervalWeeks: 52 }).totalCost);
  });

  it('a horizon that is not a multiple of the interval ends with a final merge', () => {
    const r = at({ mergeIntervalWeeks: 10, horizonWeeks: 25 });
    expect(r.merges.map((m) => m.week)).toEqual([10, 20, 25]);
    expect(r.merges.at(-1)?.final).toBe(true);
    expect(r.divergenceByWeek).toHaveLength(25);
  });
});

describe('merge model: deferral', () => {
  it('a low threshold produces the vicious cycle with rising costs', () => {
    const r = at({ deferral: true, deferThreshold: 10 });
    expect(r.label).toBe('vicious');
    expect(r.deferredMerges).toBeGreaterThan(0);
    const costs = r.merges.map((m) => m.cost);
    for (let i = 1; i < costs.length; i++) expect(costs[i]).toBeGreaterThan(costs[i - 1]!);
    expect(r.totalCost).toBeGreaterThan(at({ deferral: false }).totalCost);
  });

  it('a generous threshold changes nothing', () => {
    const r = at({ deferral: true, deferThreshold: 5000 });
    expect(r.deferredMerges).toBe(0);
    expect(r.label).toBe('virtuous');
    expect(r.totalCost).toBe(at({ deferral: false }).totalCost);
  });

  it('the final merge is never deferred', () => {
    const r = at({ deferral: true, deferThreshold: 1 });
    const last = r.merges.at(-1);
    expect(last?.final).toBe(true);
    expect(last?.deferred).toBe(false);
    expect(r.maxSingleMergeCost).toBe(last?.cost);
  });
});

describe('merge model: robustness', () => {
  it('outputs are finite and non-negative at the range extremes', () => {
    for (const extreme of ['min', 'max'] as const) {
      for (const deferral of [false, true]) {
        const r = run({
          mergeIntervalWeeks: RANGES.mergeIntervalWeeks[extreme],
          upstreamChangeRate: RANGES.upstreamChangeRate[extreme],
          localChangeRate: RANGES.localChangeRate[extreme],
          horizonWeeks: RANGES.horizonWeeks[extreme],
          deferral,
          deferThreshold: RANGES.deferThreshold[extreme],
        });
        expect(allFiniteNonNegative(r)).toBe(true);
      }
    }
  });

  it('sanitize returns defaults for garbage', () => {
    expect(sanitize(undefined)).toEqual(DEFAULT_INPUTS);
    expect(sanitize({})).toEqual(DEFAULT_INPUTS);
    expect(
      sanitize({
        mergeIntervalWeeks: 'often',
        upstreamChangeRate: Number.NaN,
        localChangeRate: null,
        horizonWeeks: [],
        deferral: 'maybe',
        deferThreshold: '',
      }),
    ).toEqual(DEFAULT_INPUTS);
  });

  it('sanitize clamps and rounds numbers, parses strings', () => {
    const s = sanitize({
      mergeIntervalWeeks: 1e9,
      upstreamChangeRate: -5,
      localChangeRate: Infinity,
      horizonWeeks: '10.6',
      deferral: 'on',
      deferThreshold: '250',
    });
    expect(s).toEqual({
      mergeIntervalWeeks: 52,
      upstreamChangeRate: 1,
      localChangeRate: 50,
      horizonWeeks: 11,
      deferral: true,
      deferThreshold: 250,
    });
  });

  it('deferral may be given as a threshold', () => {
    expect(sanitize({ deferral: 300 })).toMatchObject({ deferral: true, deferThreshold: 300 });
    expect(sanitize({ deferral: 0 })).toMatchObject({ deferral: false });
  });

  it('run() survives garbage that bypasses the type system', () => {
    const r = run({
      mergeIntervalWeeks: 0,
      upstreamChangeRate: Number.NaN,
      localChangeRate: -1,
      horizonWeeks: Infinity,
      deferral: 'x',
      deferThreshold: -1,
    } as unknown as MergeInputs);
    expect(allFiniteNonNegative(r)).toBe(true);
    expect(r.divergenceByWeek.length).toBeLessThanOrEqual(RANGES.horizonWeeks.max);
  });
});
