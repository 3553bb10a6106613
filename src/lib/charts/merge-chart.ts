import { DEFAULT_INPUTS, RANGES, type MergeInputs, type MergeResult } from '../models/merge';
import type { NumberRange } from '../models/controls';
import { fmt, linear, niceMax, rectsPath } from './svg';

/**
 * Geometry and words of the merge-cycles figure: one bar per merge at its week, as tall as its cost.
 * Shared by the build and the browser; no library imports.
 */

/**
 * The figure's starting point: the model's defaults, with a threshold below the default merge's cost, so that
 * ticking "put merges off" shows the vicious cycle at once.
 */
export const FIGURE_INPUTS: Readonly<MergeInputs> = { ...DEFAULT_INPUTS, deferThreshold: 15 };
/** The threshold slider stops at 200: above that nothing is ever put off in the ranges the form offers. */
export const THRESHOLD_RANGE: NumberRange = { ...RANGES.deferThreshold, max: 200 };

export const MERGE_CHART = { width: 640, height: 200, x0: 52, top: 24, bottom: 168 } as const;

export interface MergeGeometry {
  /** Merges done: one path of bars. */
  done: string;
  /** Merges put off: outlined bars at the cost that was avoided for now. */
  deferred: string;
  yTicks: { y: number; label: string }[];
  xTicks: { x: number; label: string }[];
}

export function mergeGeometry(input: MergeInputs, r: MergeResult): MergeGeometry {
  const { width, x0, top, bottom } = MERGE_CHART;
  const yMax = niceMax(Math.max(...r.merges.map((m) => m.cost), 1));
  const weeks = Math.max(input.horizonWeeks, 1);
  const x = linear(0, weeks, x0, width - 16);
  const y = linear(0, yMax, bottom, top);
  const slot = (width - 16 - x0) / weeks;
  const w = Math.max(1, Math.min(slot * 0.8, 24));
  // A merge happens at the end of its week: the bar is centred on that week's slot.
  const bar = (m: MergeResult['merges'][number]) => ({
    x: x(m.week) - slot / 2 - w / 2,
    y: y(m.cost),
    w,
    h: bottom - y(m.cost),
  });
  return {
    done: rectsPath(r.merges.filter((m) => !m.deferred).map(bar)),
    deferred: rectsPath(r.merges.filter((m) => m.deferred).map(bar)),
    yTicks: [0, yMax / 2, yMax].map((v) => ({ y: Math.round(y(v) * 10) / 10, label: fmt(v, v < 10 ? 1 : 0) })),
    xTicks: [0, 0.25, 0.5, 0.75, 1]
      .map((f) => Math.round(weeks * f))
      .map((wk) => ({ x: Math.round(x(wk) * 10) / 10, label: String(wk) })),
  };
}

export function describeMerge(input: MergeInputs, r: MergeResult): string {
  const every = input.mergeIntervalWeeks === 1 ? 'every week' : `every ${input.mergeIntervalWeeks} weeks`;
  const deferred = r.deferredMerges ? `, ${r.deferredMerges} put off` : '';
  const cycle =
    r.label === 'vicious'
      ? 'Vicious cycle: each merge put off makes the next one bigger.'
      : 'Virtuous cycle: frequent merges keep each one small.';
  return (
    `Merging ${every} over ${input.horizonWeeks} weeks: ${r.completedMerges} ${r.completedMerges === 1 ? 'merge' : 'merges'} done${deferred}; ` +
    `the largest cost ${fmt(r.maxSingleMergeCost)} units. Total ${fmt(r.totalCost)} units ` +
    `(${fmt(r.mergeCost)} merging, ${fmt(r.driftCost)} working behind upstream). ${cycle}`
  );
}
