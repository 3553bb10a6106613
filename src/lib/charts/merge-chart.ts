import { DEFAULT_INPUTS, RANGES, type MergeInputs, type MergeResult } from '../models/merge';
import type { NumberRange } from '../models/controls';
import { fmt, pct, rectsPath, r1 } from './svg';

/**
 * Geometry and words of the merge-cycles figure: one bar per merge at its week, as tall as its cost.
 * Shared by the build and the browser; no library imports.
 *
 * The cost axis is logarithmic and FIXED, the same for every input: a weekly merge (about 3 units) and a
 * yearly one (about 1,500) must look as different as they are, so the axis never rescales to the result.
 * It spans every cost the form's ranges can produce (MERGE_COST_DOMAIN; a unit test walks the ranges).
 */

/**
 * The figure's starting point: the model's defaults, with a threshold below the default merge's cost, so that
 * ticking "put merges off" shows the vicious cycle at once.
 */
export const FIGURE_INPUTS: Readonly<MergeInputs> = { ...DEFAULT_INPUTS, deferThreshold: 15 };
/** The threshold slider stops at 200: above that nothing is ever put off in the ranges the form offers. */
export const THRESHOLD_RANGE: NumberRange = { ...RANGES.deferThreshold, max: 200 };

/**
 * The explorable's presets, also the rows of its data table (which the page shows without JavaScript). Each
 * sets every input; a preset's button is pressed while the inputs are exactly its own.
 */
export const MERGE_PRESETS: Readonly<Record<string, { label: string; inputs: Readonly<MergeInputs> }>> = {
  weekly: { label: 'Every week', inputs: { ...FIGURE_INPUTS, mergeIntervalWeeks: 1 } },
  monthly: { label: 'Every 4 weeks', inputs: FIGURE_INPUTS },
  quarterly: { label: 'Every 13 weeks', inputs: { ...FIGURE_INPUTS, mergeIntervalWeeks: 13 } },
  yearly: { label: 'Every 52 weeks', inputs: { ...FIGURE_INPUTS, mergeIntervalWeeks: 52 } },
  putOff: { label: 'Every 4 weeks, putting off merges above 15', inputs: { ...FIGURE_INPUTS, deferral: true } },
};

/** Whether the inputs are exactly a preset's: the threshold counts only while merges are put off. */
export function isMergePreset(input: MergeInputs, preset: MergeInputs): boolean {
  return (Object.keys(preset) as (keyof MergeInputs)[]).every(
    (k) => (k === 'deferThreshold' && !preset.deferral) || input[k] === preset[k],
  );
}

/** 340 units wide, so that its 12-unit text is at least 12 px on a 375 px phone (see Figure.astro). */
export const MERGE_CHART = { width: 340, height: 214, x0: 40, top: 14, bottom: 176 } as const;
/** Every cost the form can produce, in effort units: the fixed log axis (a unit test checks the ranges). */
export const MERGE_COST_DOMAIN: readonly [number, number] = [0.01, 1e6];

/** y of a cost on the fixed log axis; costs outside the domain are drawn at its ends. */
export function costY(cost: number): number {
  const [lo, hi] = MERGE_COST_DOMAIN;
  const v = Math.min(hi, Math.max(lo, Number.isFinite(cost) && cost > 0 ? cost : lo));
  const f = (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo));
  return r1(MERGE_CHART.bottom - f * (MERGE_CHART.bottom - MERGE_CHART.top));
}

/** The fixed ticks of the cost axis, every hundredfold, and a grid line every tenfold. */
export const COST_TICKS: readonly { y: number; label: string }[] = [0.01, 1, 100, 1e4, 1e6].map((v) => ({
  y: costY(v),
  label: v >= 1e6 ? '1M' : v >= 1e4 ? `${v / 1e3}k` : String(v),
}));
export const COST_GRID: string = [0.1, 1, 10, 100, 1e3, 1e4, 1e5, 1e6]
  .map((v) => `M${MERGE_CHART.x0} ${costY(v)}H${MERGE_CHART.width - 4}`)
  .join('');

export interface MergeGeometry {
  /** Merges done: one path of bars. */
  done: string;
  /** Merges put off: outlined bars at the cost that was avoided for now. */
  deferred: string;
  /** The put-off threshold as a line, while merges are put off; else empty. */
  threshold: string;
  /** y of the threshold's label. */
  thresholdY: number;
  xTicks: { x: number; label: string }[];
}

export function mergeGeometry(input: MergeInputs, r: MergeResult): MergeGeometry {
  const { width, x0, bottom } = MERGE_CHART;
  const weeks = Math.max(input.horizonWeeks, 1);
  // Room on the right for the last week's tick label, centred on it.
  const right = width - 14;
  const slot = (right - x0) / weeks;
  const x = (week: number) => x0 + week * slot;
  const w = Math.max(1, Math.min(slot * 0.8, 24));
  // A merge happens at the end of its week: the bar is centred on that week's slot.
  const bar = (m: MergeResult['merges'][number]) => {
    const y = costY(m.cost);
    return { x: x(m.week) - slot / 2 - w / 2, y, w, h: bottom - y };
  };
  const ty = costY(input.deferThreshold);
  return {
    done: rectsPath(r.merges.filter((m) => !m.deferred).map(bar)),
    deferred: rectsPath(r.merges.filter((m) => m.deferred).map(bar)),
    threshold: input.deferral ? `M${x0} ${ty}H${right}` : '',
    thresholdY: r1(ty - 4),
    xTicks: [0, 0.25, 0.5, 0.75, 1]
      .map((f) => Math.round(weeks * f))
      .map((wk) => ({ x: r1(x(wk)), label: String(wk) })),
  };
}

/** Share of the merging effort that conflicts take (0 when nothing was merged). */
export const conflictShare = (r: MergeResult): number => (r.mergeCost > 0 ? r.conflictCost / r.mergeCost : 0);

/** Effort per change merged: what a merge costs for each upstream or local change it brings in. */
export function costPerChange(r: MergeResult): number {
  const changes = r.merges.filter((m) => !m.deferred).reduce((n, m) => n + m.divergence, 0);
  return changes > 0 ? r.mergeCost / changes : 0;
}

/**
 * Which cycle the result shows, in the talk's words (slides 17–18), by rules that hold for every input:
 * "vicious" when merges were put off and each made the next bigger (the model's label); "virtuous" when no
 * merge was put off and conflicts are under half the merging effort; "costly" otherwise, merges so far
 * apart that conflicts are most of the work.
 */
export function mergeCycle(r: MergeResult): 'vicious' | 'virtuous' | 'costly' {
  if (r.label === 'vicious') return 'vicious';
  return conflictShare(r) < 0.5 ? 'virtuous' : 'costly';
}

export function describeMerge(input: MergeInputs, r: MergeResult): string {
  const every = input.mergeIntervalWeeks === 1 ? 'every week' : `every ${input.mergeIntervalWeeks} weeks`;
  const deferred = r.deferredMerges ? `, ${r.deferredMerges} put off` : '';
  const share = pct(conflictShare(r));
  const perChange = fmt(costPerChange(r), 2);
  const cycle = {
    vicious: `Vicious cycle: each merge put off made the next one bigger, and the largest merge done cost ${fmt(r.maxSingleMergeCost)} units.`,
    virtuous: `Virtuous cycle: conflicts are ${share} of the merging effort, so each change merged costs ${perChange} units.`,
    costly: `Merges this far apart are large: conflicts are ${share} of the merging effort, and each change merged costs ${perChange} units.`,
  }[mergeCycle(r)];
  return (
    `Merging ${every} over ${input.horizonWeeks} weeks: ${r.completedMerges} ${r.completedMerges === 1 ? 'merge' : 'merges'} done${deferred}; ` +
    `the largest cost ${fmt(r.maxSingleMergeCost)} units. Total ${fmt(r.totalCost)} units ` +
    `(${fmt(r.mergeCost)} merging, ${fmt(r.driftCost)} working behind upstream). ${cycle}`
  );
}
