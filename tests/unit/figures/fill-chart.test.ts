import { describe, expect, it } from 'vitest';
import {
  INPUT_NAMES,
  RANGES,
  SLOTS,
  presetInputs,
  run,
  type FillInputs,
  type FillResult,
} from '../../../src/lib/models/fill';
import {
  FILL_CHART,
  MEASURES,
  RESULT_LABELS,
  clock,
  controls,
  describeFill,
  fillGeometry,
  hourRows,
  nightTB,
  resultRows,
  windowText,
} from '../../../src/lib/charts/fill-chart';
import { fmt, pct } from '../../../src/lib/charts/svg';
import { loadFillData } from '../../../src/figures/fill-vs-pull';

/**
 * The fill-versus-pull figure's words and geometry (src/lib/charts/fill-chart.ts): the clock times the key and
 * the table show, the bands and step lines the chart draws, and the sentences and table cells that must say
 * the numbers the simulation computed.
 */

const { params, defaults } = loadFillData();
const at = (over: Partial<FillInputs> = {}): FillResult => run({ ...defaults, ...over }, params);
const base = at();

/** The result with some of each policy's numbers replaced: the words are a function of the numbers alone. */
const withPolicies = (
  r: FillResult,
  fill: Partial<FillResult['fill']>,
  pull: Partial<FillResult['pull']> = {},
): FillResult => ({ ...r, fill: { ...r.fill, ...fill }, pull: { ...r.pull, ...pull } });

/** x of an hour of the day on the chart's time axis: 00:00 at the left end, 24:00 at the right. */
const xAt = (hour: number) => FILL_CHART.x0 + (hour / 24) * (FILL_CHART.x1 - FILL_CHART.x0);

/** The levels of a step line: `M x y` then `H x V y` for each later half hour, then `H x` to the day's end. */
function levels(d: string): { x: number; y: number }[] {
  const m = /^M([\d.]+) ([\d.]+)((?:H[\d.]+V[\d.]+)*)H([\d.]+)$/.exec(d);
  if (!m) throw new Error(`not a step line: ${d}`);
  const out = [{ x: Number(m[1]), y: Number(m[2]) }];
  for (const s of m[3]!.matchAll(/H([\d.]+)V([\d.]+)/g)) out.push({ x: Number(s[1]), y: Number(s[2]) });
  return out;
}

describe('fill chart: clock times', () => {
  it('writes hours of the day as hh:mm, with the minutes of a fraction of an hour', () => {
    expect(clock(0)).toBe('00:00');
    expect(clock(2)).toBe('02:00');
    expect(clock(14.5)).toBe('14:30');
    expect(clock(23.75)).toBe('23:45');
  });

  it('wraps past midnight either way', () => {
    expect(clock(24)).toBe('00:00');
    expect(clock(26)).toBe('02:00');
    expect(clock(-1)).toBe('23:00');
    expect(clock(-0.5)).toBe('23:30');
  });

  it('shows the fill window from its opening to its closing time, past midnight too', () => {
    expect(windowText({ ...defaults, fillStartHour: 2, fillHours: 12 })).toBe('02:00–14:00');
    expect(windowText({ ...defaults, fillStartHour: 22, fillHours: 8 })).toBe('22:00–06:00');
    expect(windowText({ ...defaults, fillStartHour: 23, fillHours: 23 })).toBe('23:00–22:00');
  });

  it('shows a window of the whole day in words, not as a time range, whatever hour it opens at', () => {
    const allDay = windowText({ ...defaults, fillStartHour: 5, fillHours: 24 });
    expect(allDay.trim()).not.toBe('');
    expect(allDay).not.toMatch(/\d/);
    expect(windowText({ ...defaults, fillStartHour: 0, fillHours: 24 })).toBe(allDay);
  });
});

describe('fill chart: the data table, hour by hour', () => {
  const rows = hourRows(base);

  it('has one row for each hour of the day, each ending where the next begins', () => {
    expect(rows).toHaveLength(24);
    expect(rows[0]![0]).toBe('00:00–01:00');
    expect(rows[23]![0]).toBe('23:00–00:00');
    for (let h = 1; h < 24; h++) expect(rows[h]![0].split('–')[0]).toBe(rows[h - 1]![0].split('–')[1]);
  });

  it('gives each hour the mean of its two half hours, for the demand and both policies', () => {
    rows.forEach(([, demand, fill, pull], h) => {
      expect(demand).toBeCloseTo((base.demandGbps[2 * h]! + base.demandGbps[2 * h + 1]!) / 2, 12);
      expect(fill).toBeCloseTo((base.fill.upstreamGbps[2 * h]! + base.fill.upstreamGbps[2 * h + 1]!) / 2, 12);
      expect(pull).toBeCloseTo((base.pull.upstreamGbps[2 * h]! + base.pull.upstreamGbps[2 * h + 1]!) / 2, 12);
    });
  });
});

describe('fill chart: geometry', () => {
  it('draws the fill window as one band from its opening to its closing time', () => {
    const input = { ...defaults, fillStartHour: 2, fillHours: 12 };
    expect(fillGeometry(input, run(input, params)).window).toEqual([{ x: xAt(2), w: xAt(14) - xAt(2) }]);
  });

  it('draws a window that wraps past midnight as two bands, left to right, meeting the ends of the axis', () => {
    const input = { ...defaults, fillStartHour: 22, fillHours: 8 };
    expect(fillGeometry(input, run(input, params)).window).toEqual([
      { x: xAt(0), w: xAt(6) - xAt(0) },
      { x: xAt(22), w: xAt(24) - xAt(22) },
    ]);
  });

  it('draws a lone half hour as a band one half hour wide', () => {
    const inWindow = Array.from({ length: SLOTS }, (_, s) => s === 10 || s === 20 || s === 21);
    const bands = fillGeometry(defaults, { ...base, inWindow }).window;
    expect(bands).toHaveLength(2);
    // Coordinates are rounded to a tenth.
    expect(bands[0]!.x).toBeCloseTo(xAt(5), 0);
    expect(bands[0]!.w).toBeCloseTo(xAt(5.5) - xAt(5), 0);
    expect(bands[1]!.x).toBeCloseTo(xAt(10), 0);
    expect(bands[1]!.w).toBeCloseTo(xAt(11) - xAt(10), 0);
  });

  it('draws a window of the whole day as one band across the chart, and the peak hours as theirs', () => {
    const input = { ...defaults, fillHours: 24 };
    const g = fillGeometry(input, run(input, params));
    expect(g.window).toEqual([{ x: FILL_CHART.x0, w: FILL_CHART.x1 - FILL_CHART.x0 }]);
    expect(g.peak).toHaveLength(1);
    // Coordinates are rounded to a tenth: within half a unit, where a half hour is six units wide.
    expect(g.peak[0]!.x).toBeCloseTo(xAt(params.peakFromHour), 0);
    expect(g.peak[0]!.x + g.peak[0]!.w).toBeCloseTo(xAt(params.peakToHour), 0);
  });

  it('steps each line at every half hour, at the height of that half hour’s value on the y axis', () => {
    const g = fillGeometry(defaults, base);
    const top = Number(g.yTicks[2]!.label.replace(/,/g, ''));
    const { top: yTop, bottom } = FILL_CHART;
    for (const [d, values] of [
      [g.demand, base.demandGbps],
      [g.fill, base.fill.upstreamGbps],
      [g.pull, base.pull.upstreamGbps],
    ] as const) {
      const steps = levels(d);
      expect(steps).toHaveLength(SLOTS);
      steps.forEach((step, s) => {
        expect(step.x).toBeCloseTo(xAt((s * 24) / SLOTS), 0);
        expect(step.y).toBeCloseTo(bottom - (values[s]! / top) * (bottom - yTop), 0);
      });
      expect(d.endsWith(`H${FILL_CHART.x1}`)).toBe(true);
    }
  });

  it('marks the time axis every six hours, from 00:00 at its left end to 24:00 at its right', () => {
    const ticks = fillGeometry(defaults, base).xTicks;
    expect(ticks.map((t) => t.label)).toEqual(['00:00', '06:00', '12:00', '18:00', '24:00']);
    ticks.forEach((t, i) => expect(t.x).toBeCloseTo(xAt(6 * i), 0));
  });
});

describe('fill chart: the measures set beside published figures', () => {
  const three = presetInputs('three', defaults, params);
  const r3 = run(three, params);

  it('says the number each measure is about', () => {
    expect(r3.appliances).toBe(3);
    expect(MEASURES['fill.hitRatio']!(three, r3)).toContain(pct(r3.fill.hitRatio));
    expect(MEASURES['pull.hitRatio']!(three, r3)).toContain(pct(r3.pull.hitRatio));
    expect(MEASURES['fill.peakHoursCut']!(three, r3)).toContain(pct(1 - r3.fill.peakHoursUpstream));
    const rate = MEASURES['fill.rateOverPeak']!(three, r3);
    expect(rate).toContain(`${fmt(3 * three.fillRateGbps, 1)} Gb/s`);
    expect(rate).toContain(`${fmt(three.peakDemandGbps, 1)} Gb/s`);
    expect(MEASURES['fill.churnPerDay']!(three, r3)).toContain(`${fmt(r3.fill.churnPerDay * 100, 1)}%`);
    const night = MEASURES['window.applianceTB']!(three, r3);
    expect(night).toContain(`${fmt(nightTB(three), 2)} TB`);
    expect(night).toContain(`${fmt(three.fillRateGbps, 1)} Gb/s`);
    expect(night).toContain(`${three.fillHours} hours`);
  });

  it('gives how many times pull-through’s bytes are fill’s, to one decimal below ten and whole from ten', () => {
    const peak = MEASURES['ratio.peakHours']!;
    const written = MEASURES['ratio.written']!;
    expect(peak(defaults, withPolicies(base, { peakHoursUpstream: 0.1 }, { peakHoursUpstream: 0.254 }))).toMatch(
      /^×2\.5 /,
    );
    expect(peak(defaults, withPolicies(base, { peakHoursUpstream: 0.02 }, { peakHoursUpstream: 0.51 }))).toMatch(
      /^×26 /,
    );
    expect(written(defaults, withPolicies(base, { churnPerDay: 0.01 }, { churnPerDay: 0.3 }))).toContain('×30 ');
    expect(written(defaults, withPolicies(base, { churnPerDay: 0.04 }, { churnPerDay: 0.13 }))).toContain('×3.3 ');
  });

  it('puts words, not a ratio, where fill has nothing to compare with', () => {
    const peak = MEASURES['ratio.peakHours']!;
    const fillNone = peak(defaults, withPolicies(base, { peakHoursUpstream: 0 }, { peakHoursUpstream: 0.3 }));
    const bothNone = peak(defaults, withPolicies(base, { peakHoursUpstream: 0 }, { peakHoursUpstream: 0 }));
    for (const text of [fillNone, bothNone]) expect(text).toMatch(/^[a-z]+ [a-z ]+ in the peak hours/);
    expect(fillNone).toContain('fill has none');
    expect(bothNone).not.toBe(fillNone);
  });

  it('says how much pull-through rewrites when fill rewrites nothing', () => {
    const text = MEASURES['ratio.written']!(defaults, withPolicies(base, { churnPerDay: 0 }, { churnPerDay: 0.034 }));
    expect(text).not.toContain('×');
    expect(text).not.toMatch(/ {2}/);
    expect(text).toContain('3.4%');
  });
});

describe('fill chart: the sentence under the chart', () => {
  it('says the numbers of both policies, with their units, in whole sentences', () => {
    const r = base;
    const text = describeFill(defaults, r, '19:00–23:00');
    for (const part of [
      pct(r.fill.hitRatio),
      pct(r.pull.hitRatio),
      `${fmt(defaults.storageTB)} TB`,
      '(19:00–23:00)',
      pct(r.fill.peakHoursUpstream),
      pct(r.pull.peakHoursUpstream),
      `${fmt(r.fill.peakGbps, 1)} Gb/s`,
      `${fmt(r.pull.peakGbps, 1)} Gb/s`,
      pct(r.fill.windowShare),
    ])
      expect(text).toContain(part);
    expect(text).toMatch(/^[A-Z].*\.$/);
    expect(text).not.toMatch(/\.[A-Za-z]/);
  });

  it('adds the model’s notes as sentences of their own', () => {
    const notes = ['The first note.', 'The second note.'];
    const text = describeFill(defaults, { ...base, notes }, '19:00–23:00');
    expect(text).toContain(' The first note. The second note.');
    expect(text).toMatch(/\.$/);
  });

  it('says whether fill’s peak is below, above or about the same as pull-through’s, within half a percent', () => {
    const word = (fillPeak: number, pullPeak: number) => {
      const text = describeFill(defaults, withPolicies(base, { peakGbps: fillPeak }, { peakGbps: pullPeak }), 'x');
      return /Gb\/s, (below|above|about the same as) pull-through/.exec(text)?.[1];
    };
    expect(word(10, 10.02)).toBe('about the same as');
    expect(word(10.02, 10)).toBe('about the same as');
    expect(word(199, 200)).toBe('about the same as');
    expect(word(0, 0)).toBe('about the same as');
    expect(word(190, 200)).toBe('below');
    expect(word(210, 200)).toBe('above');
  });
});

describe('fill chart: the results table and the form', () => {
  /** The number a cell shows, without its unit and thousands separators. */
  const num = (cell: string) => Number(cell.replace(/[^\d.]/g, ''));

  it('gives one row per label, fill then pull-through, each number with its unit', () => {
    const rows = resultRows(base);
    expect(rows).toHaveLength(RESULT_LABELS.length);
    const [hit, peak, peakHours, peakShare, upstream, churn] = rows;
    (['fill', 'pull'] as const).forEach((policy, i) => {
      const x = base[policy];
      expect(hit![i]).toBe(pct(x.hitRatio));
      expect(peak![i]).toMatch(/^[\d,.]+ Gb\/s$/);
      expect(num(peak![i]!)).toBeCloseTo(x.peakGbps, 1);
      expect(peakHours![i]).toBe(pct(x.peakHoursUpstream));
      expect(peakShare![i]).toBe(pct(x.peakHoursShare));
      expect(upstream![i]).toMatch(/^[\d,.]+ TB$/);
      expect(num(upstream![i]!)).toBeCloseTo(x.upstreamTBPerDay, 1);
      expect(churn![i]).toMatch(/^[\d,.]+%$/);
      expect(num(churn![i]!)).toBeCloseTo(x.churnPerDay * 100, 1);
    });
  });

  it('has a number slider for every input, with its own label and the model’s range', () => {
    const form = controls();
    expect(Object.keys(form)).toEqual([...INPUT_NAMES]);
    for (const name of INPUT_NAMES) {
      expect(form[name]).toMatchObject({ kind: 'number', ...RANGES[name] });
      expect(form[name].label.trim()).not.toBe('');
    }
    expect(new Set(INPUT_NAMES.map((n) => form[n].label)).size).toBe(INPUT_NAMES.length);
  });
});
