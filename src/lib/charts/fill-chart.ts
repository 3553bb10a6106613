import {
  INPUT_NAMES,
  RANGES,
  SLOTS,
  type FillInputs,
  type FillResult,
  type InputName,
  type PresetName,
} from '../models/fill.ts';
import type { NumberRange } from '../models/controls.ts';
import { fmt, linear, niceMax, pct, r1 } from './svg.ts';

/**
 * Geometry and words of the fill-versus-pull figure, shared by the build (FillVsPull.astro) and the browser
 * (src/scripts/fill-vs-pull.ts), so the page without JavaScript and the page after a change show the same
 * thing. No library imports: this ships to the browser. (Explicit .ts extensions: `npm run bench` imports it
 * with Node's type stripping.)
 */

export const FILL_CHART = { width: 380, height: 214, x0: 66, x1: 372, top: 10, bottom: 186 } as const;

export interface Band {
  x: number;
  w: number;
}

export interface FillGeometry {
  /** Step lines over the day: demand at the site, and the upstream of each policy. */
  demand: string;
  fill: string;
  pull: string;
  /** The fill window (two pieces when it wraps past midnight) and the peak hours. */
  window: Band[];
  peak: Band[];
  yTicks: { y: number; label: string }[];
  xTicks: { x: number; label: string }[];
}

/** "02:00" for 2, "14:30" for 14.5. */
export function clock(hour: number): string {
  const h = ((Math.floor(hour) % 24) + 24) % 24;
  const m = Math.round((hour - Math.floor(hour)) * 60);
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** The fill window as the key shows it: "02:00–14:00", or "all day". */
export function windowText(input: FillInputs): string {
  return input.fillHours >= 24
    ? 'all day'
    : `${clock(input.fillStartHour)}–${clock(input.fillStartHour + input.fillHours)}`;
}

/** Upstream and demand hour by hour (two half-hour slots each), Gb/s: the rows of the data table. */
export function hourRows(r: FillResult): [hour: string, demand: number, fill: number, pull: number][] {
  const mean = (v: readonly number[], h: number) => (v[2 * h]! + v[2 * h + 1]!) / 2;
  return Array.from({ length: 24 }, (_, h) => [
    `${clock(h)}–${clock(h + 1)}`,
    mean(r.demandGbps, h),
    mean(r.fill.upstreamGbps, h),
    mean(r.pull.upstreamGbps, h),
  ]);
}

/** Runs of true slots as bands, left to right. */
function bands(on: readonly boolean[], x: (slot: number) => number): Band[] {
  const out: Band[] = [];
  on.forEach((v, s) => {
    if (!v) return;
    const last = out[out.length - 1];
    if (last && on[s - 1]) last.w = r1(x(s + 1) - last.x);
    else out.push({ x: r1(x(s)), w: r1(x(s + 1) - x(s)) });
  });
  return out;
}

/**
 * The chart's geometry. The y axis is fixed by the inputs, not by the result: it runs to the most the upstream
 * can ever carry (all of the peak demand missed, plus the site's whole fill rate), so that two policies, or two
 * settings, are always drawn on the same scale.
 */
export function fillGeometry(input: FillInputs, r: FillResult): FillGeometry {
  const { x0, x1, top, bottom } = FILL_CHART;
  const yMax = niceMax(input.peakDemandGbps + r.appliances * input.fillRateGbps);
  const x = linear(0, SLOTS, x0, x1);
  const y = linear(0, yMax, bottom, top);
  const steps = (v: readonly number[]) =>
    v.map((g, s) => (s ? `H${r1(x(s))}V${r1(y(g))}` : `M${r1(x(0))} ${r1(y(g))}`)).join('') + `H${r1(x(SLOTS))}`;
  return {
    demand: steps(r.demandGbps),
    fill: steps(r.fill.upstreamGbps),
    pull: steps(r.pull.upstreamGbps),
    window: bands(r.inWindow, x),
    peak: bands(r.inPeak, x),
    // Two decimals at most: half of a 2.5 or 25 Gb/s axis is 1.25 or 12.5, which one decimal or none would misstate.
    yTicks: [0, yMax / 2, yMax].map((v) => ({ y: r1(y(v)), label: fmt(v, 2) })),
    // The day ends at 24:00, not at the next day's 00:00; its label ends at the axis so it stays inside the chart.
    xTicks: [0, 6, 12, 18, 24].map((h) => ({ x: r1(x((h * SLOTS) / 24)), label: h === 24 ? '24:00' : clock(h) })),
  };
}

/** TB one appliance can take in one night at the fill rate: the window's length at the rate. */
export function nightTB(input: FillInputs): number {
  return (input.fillRateGbps * input.fillHours * 3600) / 8 / 1000;
}

/** "×1.3" for how many times `a` is `b`; words where `b` is nothing. */
function times(a: number, b: number, none: string): string {
  if (b > 0) return `×${fmt(a / b, a / b < 10 ? 1 : 0)}`;
  return a > 0 ? none : 'none either way';
}

/** Model outputs that a published figure can be set beside (content/figures/fill-vs-pull-checks.yaml). */
export const MEASURES: Readonly<Record<string, (input: FillInputs, r: FillResult) => string>> = {
  'fill.hitRatio': (_, r) => `${pct(r.fill.hitRatio)} served from the site`,
  'pull.hitRatio': (_, r) => `${pct(r.pull.hitRatio)} with pull-through at the same storage`,
  'fill.peakHoursCut': (_, r) => `cut by ${pct(1 - r.fill.peakHoursUpstream)}`,
  'fill.rateOverPeak': (input, r) =>
    `fill at up to ${fmt(r.appliances * input.fillRateGbps, 1)} Gb/s against ${fmt(input.peakDemandGbps, 1)} Gb/s of demand at the peak`,
  'fill.churnPerDay': (_, r) => `${fmt(r.fill.churnPerDay * 100, 1)}% a day`,
  'window.applianceTB': (input) =>
    `${fmt(nightTB(input), 2)} TB: ${fmt(input.fillRateGbps, 1)} Gb/s for ${input.fillHours} hours`,
  'ratio.written': (_, r) =>
    r.fill.churnPerDay > 0
      ? `pull-through writes ${times(r.pull.churnPerDay, r.fill.churnPerDay, '')} the bytes fill writes`
      : `fill writes nothing, pull-through ${fmt(r.pull.churnPerDay * 100, 1)}% of its storage a day`,
  'ratio.peakHours': (_, r) =>
    `${times(r.pull.peakHoursUpstream, r.fill.peakHoursUpstream, 'fill has none')} in the peak hours, at this one site`,
};

/** Compares two amounts in words that are true for any pair: lower, higher or about the same. */
function compare(a: number, b: number, unit: string): string {
  const close = Math.abs(a - b) <= 0.005 * Math.max(Math.abs(a), Math.abs(b), 1e-9);
  const word = close ? 'about the same as' : a < b ? 'below' : 'above';
  return `${fmt(a, 1)} ${unit}, ${word} pull-through’s ${fmt(b, 1)} ${unit}`;
}

/** The sentence the <output> shows and a screen reader announces. */
export function describeFill(input: FillInputs, r: FillResult, peakHours: string): string {
  const f = r.fill;
  const p = r.pull;
  const unfinished = f.unfinishedNights
    ? ` On ${f.unfinishedNights} of the nights the window closed before the fill was done.`
    : '';
  return (
    `Proactive fill serves ${pct(f.hitRatio)} of the demand from the site’s ${fmt(input.storageTB)} TB, pull-through ${pct(p.hitRatio)}. ` +
    `In the peak hours (${peakHours}) the upstream carries ${pct(f.peakHoursUpstream)} of the demand with fill and ${pct(p.peakHoursUpstream)} with pull-through. ` +
    `Fill’s peak upstream is ${compare(f.peakGbps, p.peakGbps, 'Gb/s')}; ${pct(f.windowShare)} of fill’s upstream is inside the fill window.` +
    unfinished +
    (r.notes.length ? ` ${r.notes.join(' ')}` : '')
  );
}

/** The results table's row labels; the build renders them, so the browser, which only updates values, needs none. */
export const RESULT_LABELS = [
  'Served from the site (byte hit ratio)',
  'Peak upstream',
  'Upstream in the peak hours, as a share of demand then',
  'Share of the day’s upstream in the peak hours',
  'Upstream a day',
  'Storage rewritten a day',
] as const;

/** The values of the results table, one row per RESULT_LABELS entry: [fill, pull-through]. */
export function resultRows(r: FillResult): [fill: string, pull: string][] {
  const both = (f: (x: FillResult['pull']) => string): [string, string] => [f(r.fill), f(r.pull)];
  return [
    both((x) => pct(x.hitRatio)),
    both((x) => `${fmt(x.peakGbps, 1)} Gb/s`),
    both((x) => pct(x.peakHoursUpstream)),
    both((x) => pct(x.peakHoursShare)),
    both((x) => `${fmt(x.upstreamTBPerDay, 1)} TB`),
    both((x) => `${fmt(x.churnPerDay * 100, 1)}%`),
  ];
}

/** Each input's slider, for the build's form (ExplorableControls): its range and the label it is shown with. */
const LABELS: Readonly<Record<InputName, string>> = {
  storageTB: 'Storage at the site',
  catalogueTB: 'Catalogue',
  skew: 'Popularity skew (Zipf exponent)',
  forecastPct: 'Forecast accuracy',
  peakToTrough: 'Evening peak over early-morning trough',
  fillStartHour: 'Fill window opens at',
  fillHours: 'Fill window length',
  fillRateGbps: 'Fill rate per appliance',
  peakDemandGbps: 'Demand at the evening peak',
};
// A function, not a constant: the bundler then leaves it, and LABELS, out of the browser's script.
export function controls(): Readonly<Record<InputName, NumberRange>> {
  return Object.fromEntries(INPUT_NAMES.map((n) => [n, { kind: 'number', label: LABELS[n], ...RANGES[n] }])) as Record<
    InputName,
    NumberRange
  >;
}

/** The presets' names as the buttons show them (build time only, like the form's labels). */
export const PRESET_LABELS: Readonly<Record<PresetName, string>> = {
  default: 'One Storage appliance',
  three: 'Three appliances clustered',
  chance: 'A forecast no better than chance',
  small: 'A small ISP, 1 Gb/s at peak',
  evening: 'Fill window opening at the evening peak',
  global: 'Fill at a Global appliance’s rate',
};
