import { describe, expect, it } from 'vitest';
import {
  INPUT_NAMES,
  PRESETS,
  RANGES,
  SLOTS,
  demandShape,
  presetInputs,
  run,
  sanitize,
  type FillInputs,
  type FillParams,
  type FillResult,
  type PresetName,
} from '../../../src/lib/models/fill';
import { MEASURES, describeFill, fillGeometry, nightTB, resultRows } from '../../../src/lib/charts/fill-chart';
import { loadFillData } from '../../../src/figures/fill-vs-pull';

// The figure's own numbers, from its data file: the tests pin what the model does with them, not its output.
const { params, defaults } = loadFillData();
const at = (over: Partial<FillInputs> = {}, p: Partial<FillParams> = {}): FillResult =>
  run({ ...defaults, ...over }, { ...params, ...p });
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const SEEDS = [1, 2, 3, 4, 5, 6];

/** Every number anywhere in the result must be finite. */
function allFinite(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(allFinite);
  if (value !== null && typeof value === 'object') return Object.values(value).every(allFinite);
  return true;
}

describe('fill versus pull: what the simulation must show', () => {
  it('at the defaults, proactive fill peaks lower on the upstream than pull-through', () => {
    const r = at();
    expect(r.fill.peakGbps).toBeLessThan(r.pull.peakGbps);
    expect(r.fill.peakHoursUpstream).toBeLessThan(r.pull.peakHoursUpstream);
  });

  it('serves more from the site as the storage grows, for both policies', () => {
    const storages = [10, 40, 100, 248, 400, 744, 1000, 1500, 2000, 2480, 3500, 5000];
    const runs = storages.map((storageTB) => at({ storageTB }));
    for (const policy of ['fill', 'pull'] as const) {
      const hits = runs.map((r) => r[policy].hitRatio);
      for (let i = 1; i < hits.length; i++) {
        const where = `${policy} at ${storages[i]} TB`;
        // Strictly more while part of the catalogue is left out; once it all fits there is nothing more to gain.
        if (storages[i]! < defaults.catalogueTB) expect(hits[i], where).toBeGreaterThan(hits[i - 1]!);
        else expect(hits[i], where).toBeGreaterThanOrEqual(hits[i - 1]! - 1e-12);
      }
    }
  });

  it('brings the two policies together as the storage approaches the catalogue', () => {
    const gap = (share: number) => {
      const r = at({ storageTB: share * defaults.catalogueTB });
      return Math.abs(r.fill.hitRatio - r.pull.hitRatio);
    };
    const whole = at({ storageTB: defaults.catalogueTB });
    expect(whole.fill.hitRatio).toBeGreaterThan(0.97);
    expect(whole.pull.hitRatio).toBeGreaterThan(0.97);
    expect(gap(1)).toBeLessThan(0.02);
    expect(gap(1)).toBeLessThan(gap(0.5));
    expect(gap(0.5)).toBeLessThan(gap(0.1));
  });

  it('with a perfect forecast and room and fill rate to spare, moves all upstream into the fill window', () => {
    for (const fillStartHour of [2, 6, 23]) {
      const r = at({
        forecastPct: 100,
        storageTB: RANGES.storageTB.max,
        catalogueTB: 2000,
        fillRateGbps: RANGES.fillRateGbps.max,
        fillStartHour,
        fillHours: 12,
      });
      const where = `window from ${fillStartHour}:00`;
      expect(r.fill.hitRatio, where).toBeCloseTo(1, 9);
      expect(r.fill.windowShare, where).toBeCloseTo(1, 9);
      expect(r.fill.peakHoursShare, where).toBeCloseTo(0, 9); // these windows miss 19:00–23:00
      expect(r.fill.upstreamTBPerDay).toBeGreaterThan(0.1); // it does fill: the new titles
      const outside = r.fill.upstreamGbps.filter((_, s) => !r.inWindow[s]);
      expect(Math.max(...outside), where).toBeLessThan(1e-9);
    }
  });

  it('with a useless forecast does no better than chance: a random choice of what to store', () => {
    // A random choice holds, on average, the storage's share of the catalogue's views. One run scatters around
    // that by whether it happens to hold the few biggest titles, so the test averages over seeds, at a skew low
    // enough that no title carries much of the demand.
    for (const storageTB of [248, 1000, 2000]) {
      const runs = [...SEEDS, 7, 8, 9, 10, 11, 12].map((seed) =>
        at({ forecastPct: 0, storageTB, skew: 0.6 }, { seed }),
      );
      const chance = runs[0]!.chance;
      expect(chance).toBeCloseTo(storageTB / defaults.catalogueTB, 2);
      const hit = mean(runs.map((r) => r.fill.hitRatio));
      expect(Math.abs(hit - chance), `${storageTB} TB: ${hit} against ${chance}`).toBeLessThan(0.02);
    }
    // At the figure's skew, too, it falls far behind even pull-through.
    expect(at({ forecastPct: 0 }).fill.hitRatio).toBeLessThan(at({ forecastPct: 0 }).pull.hitRatio - 0.2);
  });

  it('does better the better the forecast (on average over seeds)', () => {
    const hit = (forecastPct: number) => mean(SEEDS.map((seed) => at({ forecastPct }, { seed }).fill.hitRatio));
    const hits = [0, 25, 50, 75, 100].map(hit);
    for (let i = 1; i < hits.length; i++) expect(hits[i]).toBeGreaterThan(hits[i - 1]!);
  });

  it('puts the fill inside the window and pull-through’s upstream where the demand is', () => {
    const r = at();
    // Pull-through's upstream follows the demand: its share at peak is the demand's share at peak.
    const demandAtPeak = r.demandGbps.reduce((a, v, s) => (r.inPeak[s] ? a + v : a), 0);
    const demandShare = demandAtPeak / r.demandGbps.reduce((a, v) => a + v, 0);
    expect(r.pull.peakHoursShare).toBeCloseTo(demandShare, 1);
    // Opening the window at the evening peak puts the fill into the peak hours, on top of the misses.
    const evening = at(presetInputs('evening', defaults, params));
    expect(evening.fill.peakHoursShare).toBeGreaterThan(r.fill.peakHoursShare);
    expect(evening.fill.peakGbps).toBeGreaterThan(r.fill.peakGbps);
    expect(evening.fill.fillGbps.some((v, s) => v > 0 && r.inPeak[s])).toBe(true);
  });

  // What the fill chapter says the reader will see when moving the sliders (content/chapters/fill.mdx).
  it('loses its advantage in the peak hours with a poor forecast, and gains it back with a good one', () => {
    const atPeak = (forecastPct: number) => at({ forecastPct });
    expect(atPeak(25).fill.peakHoursUpstream).toBeGreaterThan(atPeak(25).pull.peakHoursUpstream);
    expect(atPeak(100).fill.peakHoursUpstream).toBeLessThan(atPeak(100).pull.peakHoursUpstream);
  });

  it('with storage for the whole catalogue, has its busiest half hour in its own fill window, above pull-through', () => {
    const r = at({ storageTB: defaults.catalogueTB });
    const busiest = r.fill.upstreamGbps.indexOf(r.fill.peakGbps);
    expect(r.inWindow[busiest]).toBe(true);
    expect(r.fill.peakGbps).toBeGreaterThan(r.pull.peakGbps);
  });

  it('at a small ISP, needs more upstream to fill than the ISP’s viewing at its evening peak', () => {
    const small = presetInputs('small', defaults, params);
    const r = at(small);
    expect(Math.max(...r.fill.fillGbps)).toBeGreaterThan(small.peakDemandGbps);
    // Not at the starting point: there the fill is a fraction of the peak.
    expect(Math.max(...at().fill.fillGbps)).toBeLessThan(defaults.peakDemandGbps);
  });

  it('leaves pull-through untouched by the forecast and the fill window, which it does not use', () => {
    const base = at().pull;
    for (const over of [{ forecastPct: 0 }, { fillStartHour: 14, fillHours: 3 }, { fillRateGbps: 0.1 }])
      expect(at(over).pull).toEqual(base);
  });

  it('is deterministic, and another seed tells the same story', () => {
    expect(at()).toEqual(at());
    const other = at({}, { seed: 7 });
    expect(other).not.toEqual(at());
    expect(Math.abs(other.fill.hitRatio - at().fill.hitRatio)).toBeLessThan(0.02);
    expect(other.fill.peakGbps).toBeLessThan(other.pull.peakGbps);
  });

  it('fills less in the window than the rate allows, and notes the nights it could not finish', () => {
    const slow = at({ fillRateGbps: RANGES.fillRateGbps.min, fillHours: 1 });
    expect(slow.fill.unfinishedNights).toBeGreaterThan(0);
    expect(slow.fill.fillTBPerDay).toBeLessThanOrEqual(0.1 * 1 * 0.45 * slow.appliances + 1e-9);
    expect(at().fill.unfinishedNights).toBe(0);
  });
});

describe('fill versus pull: the demand curve', () => {
  it('peaks at 21:00, bottoms out at 05:00, with the ratio asked for', () => {
    for (const ratio of [1, 2, 4, 10]) {
      expect(demandShape(21, ratio)).toBeCloseTo(1, 12);
      expect(demandShape(5, ratio)).toBeCloseTo(1 / ratio, 12);
      for (let h = 0; h < 24; h += 0.25) {
        expect(demandShape(h, ratio)).toBeLessThanOrEqual(1 + 1e-12);
        expect(demandShape(h, ratio)).toBeGreaterThanOrEqual(1 / ratio - 1e-12);
      }
    }
  });
});

/** Inputs across every control's whole range: each at its ends with the rest at the defaults, all at once at the ends, and a seeded sample. */
function sweep(): FillInputs[] {
  const out: FillInputs[] = [];
  for (const name of INPUT_NAMES)
    for (const end of ['min', 'max'] as const) out.push({ ...defaults, [name]: RANGES[name][end] });
  for (const end of ['min', 'max'] as const)
    out.push(Object.fromEntries(INPUT_NAMES.map((n) => [n, RANGES[n][end]])) as unknown as FillInputs);
  let a = 12345;
  const next = () => (a = (Math.imul(a, 1103515245) + 12345) >>> 0) / 2 ** 32;
  for (let i = 0; i < 40; i++)
    out.push(
      Object.fromEntries(
        INPUT_NAMES.map((n) => {
          const r = RANGES[n];
          return [n, r.min + Math.round((next() * (r.max - r.min)) / r.step) * r.step];
        }),
      ) as unknown as FillInputs,
    );
  for (const name of Object.keys(PRESETS) as PresetName[]) out.push(presetInputs(name, defaults, params));
  return out;
}

describe('fill versus pull: over the controls’ whole ranges', () => {
  const cases = sweep().map((input) => ({ input, r: run(input, params) }));

  it('gives finite numbers, ratios between 0 and 1, a value for every half hour', () => {
    for (const { input, r } of cases) {
      const where = JSON.stringify(input);
      expect(allFinite(r), where).toBe(true);
      for (const x of [r.fill, r.pull]) {
        for (const ratio of [x.hitRatio, x.peakHoursShare, x.peakHoursUpstream])
          expect(ratio >= 0 && ratio <= 1, `${where}: ${ratio}`).toBe(true);
        expect(x.upstreamGbps).toHaveLength(SLOTS);
        expect(Math.min(...x.upstreamGbps), where).toBeGreaterThanOrEqual(0);
        expect(x.peakGbps).toBe(Math.max(...x.upstreamGbps));
        // No upstream exceeds everything demanded plus the site's whole fill rate: the chart's y axis.
        expect(x.peakGbps).toBeLessThanOrEqual(input.peakDemandGbps + r.appliances * input.fillRateGbps + 1e-9);
      }
      expect(r.fill.windowShare >= 0 && r.fill.windowShare <= 1, where).toBe(true);
      // Proactive fill downloads only inside its window, and never faster than the site's fill rate.
      r.fill.fillGbps.forEach((v, s) => {
        if (!r.inWindow[s]) expect(v, `${where}: fill at half hour ${s}, outside the window`).toBe(0);
        expect(v).toBeLessThanOrEqual(r.appliances * input.fillRateGbps * (1 + 1e-9));
      });
      expect(r.chance >= 0 && r.chance <= 1).toBe(true);
      expect(r.demandGbps).toHaveLength(SLOTS);
      expect(r.inWindow.filter(Boolean)).toHaveLength(input.fillHours * 2);
    }
  });

  it('says only what is true of the result, in words and in the table', () => {
    for (const { input, r } of cases) {
      const text = describeFill(input, r, '19:00–23:00');
      expect(text).not.toMatch(/NaN|Infinity|undefined/);
      const close =
        Math.abs(r.fill.peakGbps - r.pull.peakGbps) <= 0.005 * Math.max(r.fill.peakGbps, r.pull.peakGbps, 1e-9);
      const word = close ? 'about the same as' : r.fill.peakGbps < r.pull.peakGbps ? 'below' : 'above';
      expect(text, JSON.stringify(input)).toContain(
        `Fill’s peak upstream is ${r.fill.peakGbps.toFixed(1).replace(/\.0$/, '')}`,
      );
      expect(text).toContain(word);
      expect(text.includes('closed before the fill was done')).toBe(r.fill.unfinishedNights > 0);
      for (const row of resultRows(r)) for (const cell of row) expect(cell).not.toMatch(/NaN|Infinity|undefined/);
      for (const [name, measure] of Object.entries(MEASURES))
        expect(measure(input, r), name).not.toMatch(/NaN|Infinity|undefined|×$|^ /);
      const g = fillGeometry(input, r);
      for (const d of [g.demand, g.fill, g.pull]) expect(d).toMatch(/^M[\d.]+ [\d.]+(H[\d.]+V[\d.]+)*H[\d.]+$/);
      // The y axis's labels say the values where they stand: evenly spaced ticks, evenly spaced values from 0,
      // up to a top that holds every line drawn.
      const [zero, mid, top] = g.yTicks.map((t) => Number(t.label.replace(/ Gb\/s$/, '').replace(/,/g, '')));
      expect(zero).toBe(0);
      expect(mid! * 2, `${JSON.stringify(input)}: ticks ${g.yTicks.map((t) => t.label).join(', ')}`).toBeCloseTo(
        top!,
        9,
      );
      expect(Math.abs(g.yTicks[0]!.y - 2 * g.yTicks[1]!.y + g.yTicks[2]!.y)).toBeLessThanOrEqual(0.11);
      expect(top).toBeGreaterThanOrEqual(Math.max(r.fill.peakGbps, r.pull.peakGbps, ...r.demandGbps) - 1e-9);
    }
  });
});

describe('fill versus pull: inputs', () => {
  it('clamps into the ranges and rounds the window to whole hours; rubbish takes the default', () => {
    const s = sanitize(
      { storageTB: 1e9, catalogueTB: -5, skew: 'x', forecastPct: '50', fillStartHour: 2.4, fillHours: 30 },
      defaults,
    );
    expect(s.storageTB).toBe(RANGES.storageTB.max);
    expect(s.catalogueTB).toBe(RANGES.catalogueTB.min);
    expect(s.skew).toBe(defaults.skew);
    expect(s.forecastPct).toBe(50);
    expect(s.fillStartHour).toBe(2);
    expect(s.fillHours).toBe(24);
    expect(sanitize(null, defaults)).toEqual(defaults);
  });

  it('has presets that change only what their names say', () => {
    expect(presetInputs('default', defaults, params)).toEqual(defaults);
    expect(presetInputs('three', defaults, params)).toEqual({ ...defaults, storageTB: 3 * params.applianceTB });
    expect(presetInputs('chance', defaults, params).forecastPct).toBe(0);
    expect(presetInputs('global', defaults, params).fillRateGbps).toBe(params.globalFillRateGbps);
  });
});

describe('fill versus pull: calibrated on the published figures', () => {
  // The thresholds are the published figures (content/figures/fill-vs-pull-checks.yaml), not the model's output.
  it('offloads 70% or more with one appliance and 90% or more with three (Temkin, 2014)', () => {
    expect(at().fill.hitRatio).toBeGreaterThanOrEqual(0.7);
    expect(at(presetInputs('three', defaults, params)).fill.hitRatio).toBeGreaterThanOrEqual(0.9);
  });

  it('uses the smallest skew, in steps of 0.05, that does so, as the data file says', () => {
    const less = { skew: defaults.skew - 0.05 };
    const one = at(less).fill.hitRatio;
    const three = at({ ...presetInputs('three', defaults, params), ...less }).fill.hitRatio;
    expect(one < 0.7 || three < 0.9).toBe(true);
  });

  it('rewrites less than 1% of its storage a day (Temkin, 2014)', () => {
    expect(at().fill.churnPerDay).toBeLessThan(0.01);
    expect(at().fill.churnPerDay).toBeGreaterThan(0);
  });

  it('cuts the upstream at peak by 75–100% against serving it all upstream (Fullagar, 2014)', () => {
    const cut = 1 - at().fill.peakHoursUpstream;
    expect(cut).toBeGreaterThanOrEqual(0.75);
    expect(cut).toBeLessThanOrEqual(1);
  });

  it('takes a night’s volume limit as the window at the rate: 6.5 TB for Storage, 2.1 TB for Global', () => {
    expect(nightTB(defaults) / 6.5).toBeCloseTo(1, 2);
    expect(nightTB(presetInputs('global', defaults, params)) / 2.1).toBeGreaterThan(0.97);
    expect(nightTB(presetInputs('global', defaults, params)) / 2.1).toBeLessThan(1.05);
  });
});
