/**
 * Vicious and virtuous cycles of a downstream fork — an ILLUSTRATIVE model.
 *
 * NOT MEASURED DATA. The constants are invented to show a shape, not to
 * describe Netflix's (or anyone's) real merge effort. Costs are in abstract
 * "effort units".
 *
 * The story it tells (FOSDEM 2019 talk, Looney; Netflix pulls FreeBSD head at
 * least once per monthly release cycle, facts.md §1): a team keeps local
 * changes on top of an upstream project and merges upstream periodically.
 * Conflicts come from pairs of (upstream change, local change) that touch the
 * same code, so a merge's cost grows roughly with upstream × local changes
 * built up since the last merge — quadratically in the interval. Merging often
 * keeps every merge small ("amortized merge cost", the talk's phrase). If a
 * team instead defers a merge because it looks expensive, divergence keeps
 * growing, the next merge is even more expensive, and it is deferred again:
 * the vicious cycle. At the end of the horizon the bill comes due (a final,
 * forced merge), so every scenario ends in sync and totals are comparable.
 *
 * First-order: constant change rates, no upstreaming of local changes (which
 * would shrink the local diff), no variation in how "conflicty" changes are,
 * no learning, no partial merges, no cost of testing or deployment.
 */
import {
  type BooleanRange,
  type NumberRange,
  type RawInputs,
  clampToRange,
  field,
  finite,
  toBoolean,
  toNumber,
} from './controls';

export interface MergeInputs {
  /** Weeks between scheduled merges from upstream. */
  mergeIntervalWeeks: number;
  /** Upstream changes per week. */
  upstreamChangeRate: number;
  /** Local (downstream-only) changes per week. */
  localChangeRate: number;
  /** Length of the simulation, weeks. */
  horizonWeeks: number;
  /** If true, a scheduled merge whose cost exceeds deferThreshold is put off. */
  deferral: boolean;
  /** Cost (effort units) above which a merge is deferred, when deferral is on. */
  deferThreshold: number;
}

export interface MergeEvent {
  readonly week: number;
  /** Upstream changes not yet merged at this point. */
  readonly upstreamBehind: number;
  /** Local changes made since the last merge. */
  readonly localAhead: number;
  /** upstreamBehind + localAhead. */
  readonly divergence: number;
  /** Cost of the merge at this point (for a deferred merge: the estimate that was put off). */
  readonly cost: number;
  readonly linearCost: number;
  readonly conflictCost: number;
  readonly deferred: boolean;
  /** The end-of-horizon merge that cannot be deferred. */
  readonly final: boolean;
}

export type CycleLabel = 'virtuous' | 'vicious';

export interface MergeResult {
  readonly merges: readonly MergeEvent[];
  readonly completedMerges: number;
  readonly deferredMerges: number;
  /** Cost of the merges actually done. */
  readonly mergeCost: number;
  /** Part of mergeCost due to conflicts (the quadratic term). */
  readonly conflictCost: number;
  /** Running cost of working on an out-of-date base. */
  readonly driftCost: number;
  readonly totalCost: number;
  readonly averageCostPerWeek: number;
  readonly maxSingleMergeCost: number;
  /** Upstream changes behind at the end of each week (before any merge that week). */
  readonly divergenceByWeek: readonly number[];
  readonly label: CycleLabel;
}

// Illustrative constants (invented; chosen only so that the default scenario
// gives readable numbers of the same order for the linear and conflict terms).

/** Effort per change integrated (build, review, retest), upstream or local. */
export const LINEAR_COST_PER_CHANGE = 0.05;
/** Effort per (upstream change × local change) pair: chance of overlap × fix-up effort. */
export const CONFLICT_COST_PER_PAIR = 0.002;
/** Effort per week per upstream change behind: back-porting fixes, rebasing new work. */
export const DRIFT_COST_PER_CHANGE_WEEK = 0.01;

export const DEFAULT_INPUTS: Readonly<MergeInputs> = {
  mergeIntervalWeeks: 4, // monthly, like Netflix's release cycle (facts.md §1)
  upstreamChangeRate: 50,
  localChangeRate: 5,
  horizonWeeks: 104,
  deferral: false,
  deferThreshold: 100,
};

export const RANGES: {
  readonly mergeIntervalWeeks: NumberRange;
  readonly upstreamChangeRate: NumberRange;
  readonly localChangeRate: NumberRange;
  readonly horizonWeeks: NumberRange;
  readonly deferral: BooleanRange;
  readonly deferThreshold: NumberRange;
} = {
  mergeIntervalWeeks: { kind: 'number', label: 'Merge from upstream every', min: 1, max: 52, step: 1, unit: 'weeks' },
  upstreamChangeRate: { kind: 'number', label: 'Upstream changes', min: 1, max: 200, step: 1, unit: 'per week' },
  localChangeRate: { kind: 'number', label: 'Local changes', min: 0, max: 50, step: 1, unit: 'per week' },
  horizonWeeks: { kind: 'number', label: 'Time span', min: 4, max: 520, step: 1, unit: 'weeks' },
  deferral: { kind: 'boolean', label: 'Put off merges that look expensive' },
  deferThreshold: {
    kind: 'number',
    label: 'Put off a merge if it costs more than',
    min: 1,
    max: 5000,
    step: 1,
    unit: 'effort units',
  },
};

/**
 * Clamp and default every field. `deferral` may also be given as a number:
 * a positive number switches deferral on and, if deferThreshold is absent,
 * is used as the threshold.
 */
export function sanitize(raw: RawInputs): MergeInputs {
  const d = DEFAULT_INPUTS;
  const rawDeferral = field(raw, 'deferral');
  const deferralAsNumber = typeof rawDeferral === 'number' ? rawDeferral : Number.NaN;
  const thresholdFromDeferral =
    Number.isFinite(deferralAsNumber) && deferralAsNumber > 0 ? deferralAsNumber : undefined;
  const rawThreshold = field(raw, 'deferThreshold');
  const whole = (key: string, range: NumberRange, fallback: number): number =>
    Math.round(clampToRange(field(raw, key), range, fallback));
  return {
    mergeIntervalWeeks: whole('mergeIntervalWeeks', RANGES.mergeIntervalWeeks, d.mergeIntervalWeeks),
    upstreamChangeRate: clampToRange(field(raw, 'upstreamChangeRate'), RANGES.upstreamChangeRate, d.upstreamChangeRate),
    localChangeRate: clampToRange(field(raw, 'localChangeRate'), RANGES.localChangeRate, d.localChangeRate),
    horizonWeeks: whole('horizonWeeks', RANGES.horizonWeeks, d.horizonWeeks),
    deferral: toBoolean(rawDeferral, d.deferral),
    deferThreshold: clampToRange(
      Number.isNaN(toNumber(rawThreshold)) ? thresholdFromDeferral : rawThreshold,
      RANGES.deferThreshold,
      d.deferThreshold,
    ),
  };
}

/** Cost of merging `u` upstream changes against `l` local changes. */
export function mergeCost(u: number, l: number): { linear: number; conflict: number; total: number } {
  const linear = LINEAR_COST_PER_CHANGE * (u + l);
  const conflict = CONFLICT_COST_PER_PAIR * u * l;
  return { linear, conflict, total: linear + conflict };
}

/** Pure: simulate week by week. */
export function run(inputs: MergeInputs): MergeResult {
  const s = sanitize(inputs);
  const merges: MergeEvent[] = [];
  const divergenceByWeek: number[] = [];
  let behind = 0; // upstream changes not yet merged
  let ahead = 0; // local changes since the last merge
  let mergeTotal = 0;
  let conflictTotal = 0;
  let drift = 0;
  let maxSingle = 0;

  for (let week = 1; week <= s.horizonWeeks; week++) {
    behind += s.upstreamChangeRate;
    ahead += s.localChangeRate;
    divergenceByWeek.push(behind);
    drift += DRIFT_COST_PER_CHANGE_WEEK * behind;

    const final = week === s.horizonWeeks;
    if (week % s.mergeIntervalWeeks !== 0 && !final) continue;

    const c = mergeCost(behind, ahead);
    const deferred = !final && s.deferral && c.total > s.deferThreshold;
    merges.push({
      week,
      upstreamBehind: behind,
      localAhead: ahead,
      divergence: behind + ahead,
      cost: finite(c.total),
      linearCost: finite(c.linear),
      conflictCost: finite(c.conflict),
      deferred,
      final,
    });
    if (deferred) continue; // the vicious cycle: divergence keeps growing
    mergeTotal += c.total;
    conflictTotal += c.conflict;
    maxSingle = Math.max(maxSingle, c.total);
    behind = 0;
    ahead = 0;
  }

  const deferredMerges = merges.filter((m) => m.deferred).length;
  const first = merges[0]?.cost ?? 0;
  const last = merges[merges.length - 1]?.cost ?? 0;
  // Vicious: merges were put off and the cost per merge rose as a result.
  const label: CycleLabel = deferredMerges > 0 && last > first ? 'vicious' : 'virtuous';
  const totalCost = finite(mergeTotal + drift);

  return {
    merges,
    completedMerges: merges.length - deferredMerges,
    deferredMerges,
    mergeCost: finite(mergeTotal),
    conflictCost: finite(conflictTotal),
    driftCost: finite(drift),
    totalCost,
    averageCostPerWeek: finite(totalCost / s.horizonWeeks),
    maxSingleMergeCost: finite(maxSingle),
    divergenceByWeek,
    label,
  };
}
