import { describe, expect, it } from 'vitest';
import * as merge from '../../../src/lib/models/merge';
import * as serving from '../../../src/lib/models/serving';
import { plural, valueText, type NumberRange } from '../../../src/lib/models/controls';
import {
  COST_TICKS,
  FIGURE_INPUTS,
  MERGE_CHART,
  MERGE_COST_DOMAIN,
  MERGE_PRESETS,
  THRESHOLD_RANGE,
  conflictShare,
  costPerChange,
  costY,
  describeMerge,
  isMergePreset,
  mergeCycle,
  mergeGeometry,
} from '../../../src/lib/charts/merge-chart';
import { BUDGET, FULL_X, budgetBar, budgetGeometry, describeServing, sendChoice } from '../../../src/lib/charts/budget';
import { fmt, pct } from '../../../src/lib/charts/svg';

/**
 * Property tests over the WHOLE input range of the two explorables: every value of each slider's range (or
 * an even sweep of it with both ends), every option of each choice, in combination. What each label says must
 * be true of the numbers the model computed, for every one of those inputs.
 */

/** Every value a slider can take, or `count` evenly spread ones with both ends when there are more. */
function sweep(r: NumberRange, count = Infinity): number[] {
  const steps = Math.round((r.max - r.min) / r.step);
  const n = Math.min(steps, count - 1);
  return [
    ...new Set(
      Array.from({ length: n + 1 }, (_, i) => Number((r.min + Math.round((i * steps) / n) * r.step).toFixed(6))),
    ),
  ];
}

function* mergeInputs(): Generator<merge.MergeInputs> {
  for (const mergeIntervalWeeks of sweep(merge.RANGES.mergeIntervalWeeks))
    for (const upstreamChangeRate of sweep(merge.RANGES.upstreamChangeRate, 5))
      for (const localChangeRate of sweep(merge.RANGES.localChangeRate, 5))
        for (const deferral of [false, true])
          for (const deferThreshold of deferral ? sweep(THRESHOLD_RANGE, 6) : [FIGURE_INPUTS.deferThreshold])
            yield {
              ...FIGURE_INPUTS,
              mergeIntervalWeeks,
              upstreamChangeRate,
              localChangeRate,
              deferral,
              deferThreshold,
            };
}

function* servingInputs(): Generator<serving.ServingInputs> {
  const R = serving.RANGES;
  for (const targetGbps of sweep(R.targetGbps, 12))
    for (const cores of sweep(R.cores, 6))
      for (const clockGHz of sweep(R.clockGHz, 4))
        for (const memBandwidthGBps of sweep(R.memBandwidthGBps, 5))
          for (const { value: sendMode } of R.sendMode.options)
            for (const { value: tlsMode } of R.tlsMode.options)
              yield { targetGbps, cores, clockGHz, memBandwidthGBps, sendMode, tlsMode };
}

/** Runs a check over every case and collects what fails, so that thousands of cases cost one assertion. */
function failures<T>(cases: readonly T[], check: (c: T) => string | undefined): string[] {
  const out: string[] = [];
  for (const c of cases) {
    const problem = check(c);
    if (problem) out.push(problem);
    if (out.length >= 5) break;
  }
  return out;
}

describe('merge cycles: true labels for every input', () => {
  const all = [...mergeInputs()];
  const runs = all.map((input) => {
    const r = merge.run(input);
    return { input, r, text: describeMerge(input, r) };
  });

  it('walks every interval of the form, with sweeps of the other inputs (thousands of cases)', () => {
    expect(all.length).toBeGreaterThan(5000); // 52 intervals × 5 × 5 rates × (off + 6 thresholds)
    expect(new Set(all.map((i) => i.mergeIntervalWeeks)).size).toBe(52);
  });

  it('calls a result a virtuous cycle only when no merge is put off and conflicts are under half the effort', () => {
    const bad = failures(runs, ({ input, r, text }) => {
      const share = conflictShare(r);
      const ctx = JSON.stringify(input);
      if (text.includes('Virtuous cycle') !== (r.deferredMerges === 0 && share < 0.5)) return `virtuous: ${ctx}`;
      if (text.includes('Vicious cycle') !== r.deferredMerges > 0) return `vicious: ${ctx}`;
      // Each merge put off made the next one bigger: the costs of consecutive put-off merges rise.
      if (r.merges.some((m, i) => m.deferred && !(r.merges[i + 1]!.cost > m.cost))) return `not rising: ${ctx}`;
      if (
        !text.includes('Vicious cycle') &&
        !(
          text.includes(`conflicts are ${pct(share)} of the merging effort`) &&
          text.includes(`each change merged costs ${fmt(costPerChange(r), 2)} units`)
        )
      )
        return `shares: ${ctx}: ${text}`;
      return undefined;
    });
    expect(bad).toEqual([]);
  });

  it('states the counts and costs the model computed, in words that agree with them', () => {
    const bad = failures(runs, ({ input, r, text }) => {
      const said = [
        input.mergeIntervalWeeks === 1 ? 'Merging every week' : `every ${input.mergeIntervalWeeks} weeks`,
        `${r.completedMerges} ${r.completedMerges === 1 ? 'merge' : 'merges'} done`,
        `the largest cost ${fmt(r.maxSingleMergeCost)} units`,
        `Total ${fmt(r.totalCost)} units`,
      ];
      if (!said.every((w) => text.includes(w))) return `${JSON.stringify(input)}: ${text}`;
      if (text.includes('put off') !== r.deferredMerges > 0) return `put off: ${JSON.stringify(input)}`;
      if (/NaN|Infinity|undefined|\b1 merges\b|\b1 weeks\b/.test(text)) return text;
      return undefined;
    });
    expect(bad).toEqual([]);
  });

  it('draws every merge on one fixed log axis that holds every cost the form can produce', () => {
    const [lo, hi] = MERGE_COST_DOMAIN;
    let least = Infinity;
    let most = 0;
    for (const { input, r } of runs) {
      for (const m of r.merges) {
        least = Math.min(least, m.cost);
        most = Math.max(most, m.cost);
      }
      const g = mergeGeometry(input, r);
      if (/NaN|Infinity/.test(g.done + g.deferred) || (g.threshold === '') !== !input.deferral)
        throw new Error(`geometry: ${JSON.stringify(input)}`);
    }
    expect(least).toBeGreaterThanOrEqual(lo);
    expect(most).toBeLessThanOrEqual(hi);
    // The axis is the same whatever the input: its ticks are constants, and a cost maps to one height.
    expect(COST_TICKS.map((k) => k.label)).toEqual(['0.01', '1', '100', '10k', '1M']);
    expect(costY(lo)).toBe(MERGE_CHART.bottom);
    expect(costY(hi)).toBe(MERGE_CHART.top);
  });

  it('keeps weekly and yearly merges as far apart on the chart as their costs', () => {
    const weekly = merge.run(MERGE_PRESETS['weekly']!.inputs);
    const yearly = merge.run(MERGE_PRESETS['yearly']!.inputs);
    const hw = MERGE_CHART.bottom - costY(weekly.maxSingleMergeCost);
    const hy = MERGE_CHART.bottom - costY(yearly.maxSingleMergeCost);
    expect(yearly.maxSingleMergeCost / weekly.maxSingleMergeCost).toBeGreaterThan(100);
    // Two decades and more apart: at least 35 of the axis's 162 units (about 20 a decade).
    expect(hy - hw).toBeGreaterThan(35);
    expect(describeMerge(MERGE_PRESETS['yearly']!.inputs, yearly)).not.toContain('Virtuous');
  });

  it('presses exactly one preset for each preset’s inputs, and none after another change', () => {
    for (const [key, p] of Object.entries(MERGE_PRESETS)) {
      const pressed = Object.entries(MERGE_PRESETS).filter(([, q]) => isMergePreset(p.inputs, q.inputs));
      expect(pressed.map(([k]) => k)).toEqual([key]);
      expect(isMergePreset({ ...p.inputs, localChangeRate: 6 }, p.inputs)).toBe(false);
    }
    // The threshold counts only while merges are put off (its slider is disabled otherwise).
    expect(isMergePreset({ ...FIGURE_INPUTS, deferThreshold: 150 }, MERGE_PRESETS['monthly']!.inputs)).toBe(true);
    expect(mergeCycle(merge.run(FIGURE_INPUTS))).toBe('virtuous');
  });
});

describe('serving budget: true labels for every input', () => {
  const all = [...servingInputs()];

  it('walks every choice with sweeps of every slider (tens of thousands of cases)', () => {
    expect(all.length).toBeGreaterThan(10_000);
  });

  it('shows each step from Gb/s to the verdict with the numbers the model computed', () => {
    const gb = (n: number) => fmt(n, n < 100 ? 2 : 0);
    const bad = failures(all, (asked) => {
      const input = { ...asked, sendMode: sendChoice(asked).sendMode };
      const r = serving.run(input);
      const text = describeServing(input, r);
      const bytes = input.targetGbps / 8;
      const fits = r.cpuUtilisation <= 1 && r.memoryUtilisation <= 1;
      const limit = r.cpuCapGbps <= r.memoryCapGbps ? 'CPU' : 'memory bandwidth';
      const said = [
        `At ${fmt(input.targetGbps)} Gb/s ÷ 8 bits = ${gb(bytes)} GB/s`,
        `crosses memory ${r.memoryCrossings} times: ${gb(r.memoryGBps)} GB/s`,
        `of the ${gb(r.memoryAvailableGBps)} GB/s usable (85% of ${fmt(input.memBandwidthGBps)} GB/s nominal)`,
        `(${plural(input.cores, 'cores')} at`,
        fits
          ? `${limit} would run out first, near ${fmt(r.maxGbps)} Gb/s`
          : `${limit} limits this server to about ${fmt(r.maxGbps)} Gb/s`,
      ];
      const missing = said.find((w) => !text.includes(w));
      if (missing) return `${JSON.stringify(input)}: missing "${missing}" in ${text}`;
      if (Math.abs(r.memoryGBps - bytes * r.memoryCrossings) > 1e-9) return `GB/s: ${JSON.stringify(input)}`;
      if (Math.abs(r.memoryAvailableGBps - input.memBandwidthGBps * 0.85) > 1e-9)
        return `usable: ${JSON.stringify(input)}`;
      if (text.includes('It fits') !== fits) return `fits: ${JSON.stringify(input)}`;
      if (text.includes('not sendfile()') !== (input.tlsMode === 'userspace')) return `tls: ${JSON.stringify(input)}`;
      if (/\b1 cores\b|NaN|Infinity|undefined/.test(text)) return text;
      return undefined;
    });
    expect(bad).toEqual([]);
  });

  it('never lets the form show sendfile with TLS in userspace: the choice shown is the one the numbers use', () => {
    const bad = failures(all, (asked) => {
      const choice = sendChoice(asked);
      const r = serving.run({ ...asked, sendMode: choice.sendMode });
      return choice.sendfileAllowed === (asked.tlsMode !== 'userspace') &&
        choice.sendMode === r.effectiveSendMode &&
        !r.notes.some((n) => n.includes('falls back'))
        ? undefined
        : JSON.stringify(asked);
    });
    expect(bad).toEqual([]);
  });

  it('draws bars inside the chart and the 100% line where a full bar ends, for every input', () => {
    expect(budgetBar(1).w + BUDGET.x0).toBeCloseTo(FULL_X, 0);
    const bad = failures(all, (input) => {
      const r = serving.run(input);
      const g = budgetGeometry(input, r);
      for (const [bar, u] of [
        [g.mem, r.memoryUtilisation],
        [g.cpu, r.cpuUtilisation],
      ] as const)
        if (
          bar.w < 0 ||
          bar.w > BUDGET.barWidth ||
          bar.over !== u > 1 ||
          bar.label !== (u > BUDGET.max ? `${pct(u)} ▸` : pct(u))
        )
          return `bar: ${JSON.stringify(input)}`;
      if (!/^[\d,.]+ GB\/s × \d+ crossings = [\d,.]+ GB\/s$/.test(g.memoryStep)) return g.memoryStep;
      const usable = `85% of ${fmt(input.memBandwidthGBps)} GB/s = ${fmt(r.memoryAvailableGBps, r.memoryAvailableGBps < 100 ? 2 : 0)} GB/s usable`;
      return g.usableStep === usable ? undefined : g.usableStep;
    });
    expect(bad).toEqual([]);
  });

  it('describes the talk’s appliance in words', () => {
    const d = serving.DEFAULT_INPUTS;
    expect(describeServing(d, serving.run(d))).toBe(
      'At 90 Gb/s ÷ 8 bits = 11.25 GB/s, each byte crosses memory 4 times: 45 GB/s of the 109 GB/s usable (85% of 128 GB/s nominal), 41%. CPU: 2 cycles per byte × 11.25 GB/s = 22.5 of 41.6 billion cycles a second (16 cores at 2.6 GHz), 54%. It fits; CPU would run out first, near 166 Gb/s.',
    );
  });
});

describe('slider values as a reader sees them', () => {
  it('say "1 core", "1 week" and "1 effort unit" at 1, and the plural elsewhere, across every range', () => {
    const ranges: NumberRange[] = [
      ...Object.values(serving.RANGES).filter((r): r is NumberRange => r.kind === 'number'),
      ...Object.values(merge.RANGES).filter((r): r is NumberRange => r.kind === 'number'),
      THRESHOLD_RANGE,
    ];
    for (const r of ranges)
      for (const v of sweep(r)) {
        const text = valueText(v, r.unit);
        expect(text).not.toMatch(/^1 (cores|weeks|effort units)$/);
        if (v !== 1) expect(text.endsWith(r.unit)).toBe(true);
      }
    expect(valueText(1, 'cores')).toBe('1 core');
    expect(valueText(1, 'weeks')).toBe('1 week');
    expect(valueText(2.6, 'GHz')).toBe('2.6 GHz');
  });
});
