/**
 * Fill versus pull at one site — a SIMULATION over several days, run at build time and in the browser alike.
 *
 * Question it answers: why does filling appliances off-peak from a popularity forecast (Open Connect) need so
 * much less upstream capacity at the evening peak than caching on demand (a conventional pull-through CDN)?
 *
 * What it simulates, the same for both policies (common random numbers, so the comparison is not noise):
 *  - A catalogue of `items` equal items with Zipf-like long-run popularity (exponent `skew`). Each day
 *    `releasesPerDay` items are replaced by new titles, which start `hotBoost` times as popular as their
 *    long-run level and cool off with a half-life of `hotHalfLifeDays`.
 *  - A day of demand in 48 half-hour slots with its peak at 21:00 and its trough at 05:00, `peakToTrough`
 *    apart, up to `peakDemandGbps`; each request streams one whole item.
 *  - Proactive fill: every day in the fill window the site's appliances download, at `fillRateGbps` each, the
 *    items of tomorrow's forecast top list that they lack, best first, and evict the worst-ranked when full.
 *    The forecast is the true popularity blurred by noise: `forecastPct` is its correlation with the truth
 *    (log popularity), 0 is a random ranking. A miss is served from elsewhere, over the upstream.
 *  - Pull-through: a least-recently-used (LRU) cache of the same size fetches every missed item upstream when
 *    it is requested, and keeps it.
 *
 * How it stays smooth with few requests: the LRU cache is driven by sampled requests, but the upstream it
 * reports is the EXPECTED miss traffic given what the cache holds at each request (the popularity share it
 * holds), so the chart shows no sampling noise. Byte hit ratios are invariant to how finely the catalogue is
 * cut into items when every request streams one item (the byte-popularity curve is what counts), so a few
 * thousand items stand for millions of files.
 *
 * What it leaves out: files of different sizes and bitrates, copies within a cluster, peer and tier fill
 * (every filled byte counts as upstream), the serving limits of the appliances, misses served from a nearby
 * site at no upstream cost, and fills outside the window.
 *
 * Every number of the figure's starting point comes from content/figures/fill-vs-pull.yaml, with its source
 * or its label as illustrative (src/lib/models/fill-data.ts reads and checks it). No library imports: this
 * module ships to the browser.
 */
// Explicit .ts extensions: `npm run bench` imports this module with Node's type stripping, which does not
// resolve extensionless specifiers.
import { type NumberRange, type RawInputs, clampToRange, field, finite } from './controls.ts';

/** What the reader varies. */
export interface FillInputs {
  storageTB: number;
  catalogueTB: number;
  skew: number;
  forecastPct: number;
  peakToTrough: number;
  fillStartHour: number;
  fillHours: number;
  fillRateGbps: number;
  peakDemandGbps: number;
}

/** What the reader does not vary: the site's hardware and the simulation's structure. */
export interface FillParams {
  /** Storage of one appliance, TB: the site has as many appliances as its storage needs, each filling at the rate. */
  applianceTB: number;
  /** What one appliance serves, Gb/s (only for a note when demand is more). */
  applianceGbps: number;
  /** Fill rate of a Global appliance, Gb/s: a preset. */
  globalFillRateGbps: number;
  /** Peak hours [from, to), hours of the day: the "share at peak" counts upstream in these hours. */
  peakFromHour: number;
  peakToHour: number;
  items: number;
  releasesPerDay: number;
  hotBoost: number;
  hotHalfLifeDays: number;
  /** Days simulated before measuring (so today's cache reflects yesterday's releases), then days measured. */
  warmupDays: number;
  measuredDays: number;
  seed: number;
}

export type InputName = keyof FillInputs;
export type ParamName = keyof FillParams;
export const INPUT_NAMES: readonly InputName[] = [
  'storageTB',
  'catalogueTB',
  'skew',
  'forecastPct',
  'peakToTrough',
  'fillStartHour',
  'fillHours',
  'fillRateGbps',
  'peakDemandGbps',
];
export const PARAM_NAMES: readonly ParamName[] = [
  'applianceTB',
  'applianceGbps',
  'globalFillRateGbps',
  'peakFromHour',
  'peakToHour',
  'items',
  'releasesPerDay',
  'hotBoost',
  'hotHalfLifeDays',
  'warmupDays',
  'measuredDays',
  'seed',
];

/**
 * What each input may be. Their labels, which only the build's form needs, are CONTROLS in
 * src/lib/charts/fill-chart.ts: the browser's copy of this module stays small.
 */
export const RANGES: Readonly<Record<InputName, Omit<NumberRange, 'kind' | 'label'>>> = {
  storageTB: { min: 10, max: 5000, step: 2, unit: 'TB' },
  catalogueTB: { min: 200, max: 10000, step: 100, unit: 'TB' },
  skew: { min: 0.5, max: 1.4, step: 0.05, unit: '' },
  forecastPct: { min: 0, max: 100, step: 5, unit: '%' },
  peakToTrough: { min: 1, max: 10, step: 0.5, unit: 'to 1' },
  fillStartHour: { min: 0, max: 23, step: 1, unit: 'h' },
  fillHours: { min: 1, max: 24, step: 1, unit: 'h' },
  fillRateGbps: { min: 0.1, max: 10, step: 0.1, unit: 'Gb/s' },
  peakDemandGbps: { min: 0.5, max: 100, step: 0.5, unit: 'Gb/s' },
};

/**
 * Named starting points, as changes to the figure's defaults; `default` is the defaults themselves. (Their names
 * as the buttons show them are PRESET_LABELS in src/lib/charts/fill-chart.ts, which only the build needs.)
 */
export const PRESETS = {
  default: () => ({}),
  three: (p: FillParams) => ({ storageTB: 3 * p.applianceTB }),
  chance: () => ({ forecastPct: 0 }),
  small: () => ({ peakDemandGbps: 1 }),
  evening: (p: FillParams) => ({ fillStartHour: p.peakFromHour }),
  global: (p: FillParams) => ({ fillRateGbps: p.globalFillRateGbps }),
} as const satisfies Record<string, (p: FillParams) => Partial<FillInputs>>;
export type PresetName = keyof typeof PRESETS;

export function presetInputs(name: PresetName, defaults: FillInputs, params: FillParams): FillInputs {
  return { ...defaults, ...PRESETS[name](params) };
}

/** Clamp every field into its range (whole hours for the window); anything that is not a number takes the default. */
export function sanitize(raw: RawInputs, defaults: FillInputs): FillInputs {
  const out = { ...defaults };
  for (const name of INPUT_NAMES)
    out[name] = clampToRange(field(raw, name), { kind: 'number', label: name, ...RANGES[name] }, defaults[name]);
  out.fillStartHour = Math.round(out.fillStartHour);
  out.fillHours = Math.round(out.fillHours);
  return out;
}

export interface PolicyResult {
  /** Bytes served from the site's own storage over bytes demanded: the offload. */
  hitRatio: number;
  /** Upstream over the average measured day, Gb/s, one value per half hour from 00:00. */
  upstreamGbps: number[];
  peakGbps: number;
  /** Upstream bytes in the peak hours over all upstream bytes (0 when there is no upstream). */
  peakHoursShare: number;
  /** Upstream in the peak hours as a share of the demand in those hours: 0 is all served locally. */
  peakHoursUpstream: number;
  upstreamTBPerDay: number;
  /** Bytes written into storage per day over the storage: how much of the cache turns over. */
  churnPerDay: number;
}

export interface FillResult {
  appliances: number;
  /** Items the storage holds, and the catalogue's share of them (the hit ratio of a random choice). */
  capacityItems: number;
  chance: number;
  demandGbps: number[];
  /** Half-hour slots of the day inside the fill window and inside the peak hours. */
  inWindow: boolean[];
  inPeak: boolean[];
  fill: PolicyResult & {
    fillTBPerDay: number;
    /** The fill's own part of the upstream over the average day, Gb/s per half hour: the rest is misses. */
    fillGbps: number[];
    /** Share of its upstream inside the fill window. */
    windowShare: number;
    /** Measured nights on which the window closed before the fill list was done. */
    unfinishedNights: number;
  };
  pull: PolicyResult;
  notes: string[];
}

export const SLOTS = 48;
const SLOT_HOURS = 24 / SLOTS;
/** TB moved in one slot at 1 Gb/s. */
const TB_PER_GBPS_SLOT = (SLOT_HOURS * 3600) / 8 / 1000;

/** Demand at an hour of the day as a share of the peak: half-cosines from the 05:00 trough up to the 21:00 peak and back. */
export function demandShape(hour: number, peakToTrough: number): number {
  const h = (((hour - 5) % 24) + 24) % 24; // hours since the trough
  const up = h < 16 ? (1 - Math.cos((Math.PI * h) / 16)) / 2 : (1 + Math.cos((Math.PI * (h - 16)) / 8)) / 2;
  const floor = 1 / Math.max(1, peakToTrough);
  return floor + (1 - floor) * up;
}

/** A small seeded generator (mulberry32): the same seed gives the same run in Node and in every browser. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The k-th smallest value of `a` (from 0), found in place by quickselect: linear time, where a sort is n log n. */
function kth(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const x = a[i]!;
        a[i++] = a[j]!;
        a[j--] = x;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return a[k]!;
}

/**
 * The catalogue day by day, which no input changes (so it is built once per set of parameters): which title
 * each of the `items` places holds each day, the log of its Zipf rank and of its novelty boost, and the
 * forecast's error for each title.
 */
interface Catalogue {
  key: string;
  logRank: Float64Array;
  titles: Int32Array[];
  logBoost: Float64Array[];
  /** Standard normal draws, one per title: a title the forecast misjudges stays misjudged. */
  error: Float64Array;
}

let built: Catalogue | undefined;

function catalogue(p: FillParams, days: number): Catalogue {
  const key = [p.items, p.releasesPerDay, p.hotBoost, p.hotHalfLifeDays, days, p.seed].join();
  if (built?.key === key) return built;
  const n = p.items;
  const r = rng(p.seed);
  // Long-run popularity: the Zipf ranks 1…n in a random order over the places.
  const rank = Int32Array.from({ length: n }, (_, i) => i + 1);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [rank[i], rank[j]] = [rank[j]!, rank[i]!];
  }
  // The titles of day 0 came out as steadily as the releases to come: exponential ages, mean items/releases days.
  const released = Array.from(rank, () => Math.floor(Math.log(1 - r()) * (n / Math.max(p.releasesPerDay, 1e-9))));
  const slotTitle = Int32Array.from(rank, (_, i) => i);
  const titles: Int32Array[] = [];
  const logBoost: Float64Array[] = [];
  for (let d = 0; d <= days; d++) {
    for (let k = 0; d > 0 && k < p.releasesPerDay; k++) {
      slotTitle[Math.floor(r() * n)] = released.length;
      released.push(d);
    }
    titles.push(slotTitle.slice());
    logBoost.push(
      Float64Array.from(slotTitle, (t) => Math.log(1 + p.hotBoost * 2 ** ((released[t]! - d) / p.hotHalfLifeDays))),
    );
  }
  const error = Float64Array.from(released, () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r()));
  built = { key, logRank: Float64Array.from(rank, Math.log), titles, logBoost, error };
  return built;
}

/** TB per slot over the whole run: demand not served locally (misses) and all upstream (misses and fill). */
interface Tally {
  miss: Float64Array;
  up: Float64Array;
  written: number;
}

/** Pure: simulate both policies. Inputs are clamped again, so no input yields NaN. */
export function run(raw: FillInputs, p: FillParams): FillResult {
  const inp = sanitize(raw, raw);
  const days = p.warmupDays + p.measuredDays;
  const n = p.items;
  const cat = catalogue(p, days);
  const count = cat.error.length;
  const itemTB = inp.catalogueTB / n;
  const capacity = Math.floor(inp.storageTB / itemTB + 1e-9);
  const keep = Math.min(capacity, n);
  const appliances = Math.max(1, Math.ceil(inp.storageTB / p.applianceTB - 1e-9));
  const fillPerSlot = appliances * inp.fillRateGbps * TB_PER_GBPS_SLOT;
  const accuracy = inp.forecastPct / 100;
  const blur = Math.sqrt(1 - accuracy * accuracy);
  const start = inp.fillStartHour / SLOT_HOURS;
  const length = inp.fillHours / SLOT_HOURS;
  const demandGbps = Array.from({ length: SLOTS }, (_, s) => {
    return inp.peakDemandGbps * demandShape((s + 0.5) * SLOT_HOURS, inp.peakToTrough);
  });
  const inWindow = demandGbps.map((_, s) => (s - start + SLOTS) % SLOTS < length);
  const inPeak = demandGbps.map((_, s) => s * SLOT_HOURS >= p.peakFromHour && s * SLOT_HOURS < p.peakToHour);

  // Each title's share of today's views, by title id, and their running total by place, to draw requests from.
  // (Plain loops, not forEach or map: this runs on every redraw, and they are several times faster.)
  const share = new Float64Array(count);
  const cdf = new Float64Array(n);
  const logPop = (d: number, j: number) => cat.logBoost[d]![j]! - inp.skew * cat.logRank[j]!;
  const today = (d: number) => {
    share.fill(0);
    const titles = cat.titles[d]!;
    let total = 0;
    for (let j = 0; j < n; j++) cdf[j] = total += Math.exp(logPop(d, j));
    for (let j = 0; j < n; j++) share[titles[j]!] = (cdf[j]! - (j ? cdf[j - 1]! : 0)) / total;
  };

  // The forecast of day d ranks its titles by their log popularity, standardised, blurred by each title's error;
  // the titles it ranks in the top `keep` are what the site should hold, by title id.
  const score = new Float64Array(count);
  const scratch = new Float64Array(n);
  const want = new Uint8Array(count);
  const forecast = (d: number) => {
    const titles = cat.titles[d]!;
    let sum = 0;
    let squares = 0;
    for (let j = 0; j < n; j++) {
      const l = logPop(d, j);
      sum += l;
      squares += l * l;
    }
    const mean = sum / n;
    const sd = Math.sqrt(Math.max(0, squares / n - mean * mean)) || 1;
    score.fill(-Infinity);
    want.fill(0);
    for (let j = 0; j < n; j++) {
      const t = titles[j]!;
      scratch[j] = score[t] = (accuracy * (logPop(d, j) - mean)) / sd + blur * cat.error[t]!;
    }
    const cut = keep ? kth(scratch, n - keep) : Infinity;
    let taken = 0;
    for (let j = 0; j < n && taken < keep; j++) if (score[titles[j]!]! >= cut) taken += want[titles[j]!] = 1;
  };

  // Proactive fill starts with what yesterday's fill left: the forecast top list of day 0.
  forecast(0);
  const stored = want.slice();
  let storedCount = keep;

  // Pull-through starts where LRU settles once day 0's popularity has held for long: its most-recent-first order
  // is then a draw without replacement weighted by popularity (exponential clocks, Efraimidis–Spirakis).
  today(0);
  const warm = rng(p.seed + 1);
  const clock = new Float64Array(count);
  for (let t = 0; t < count; t++) clock[t] = share[t]! > 0 ? -Math.log(1 - warm()) / share[t]! : Infinity;
  for (let j = 0; j < n; j++) scratch[j] = clock[cat.titles[0]![j]!]!;
  const last = keep ? kth(scratch, keep - 1) : -Infinity;
  const order = cat.titles[0]!.filter((t) => clock[t]! <= last).sort((a, b) => clock[a]! - clock[b]!);
  const prev = new Int32Array(count).fill(-1);
  const next = new Int32Array(count).fill(-1);
  const cached = new Uint8Array(count);
  let head = -1;
  let tail = -1;
  const unlink = (t: number) => {
    if (prev[t]! >= 0) next[prev[t]!] = next[t]!;
    else head = next[t]!;
    if (next[t]! >= 0) prev[next[t]!] = prev[t]!;
    else tail = prev[t]!;
  };
  const pushFront = (t: number) => {
    prev[t] = -1;
    next[t] = head;
    if (head >= 0) prev[head] = t;
    head = t;
    if (tail < 0) tail = t;
    cached[t] = 1;
  };
  for (let i = keep - 1; i >= 0; i--) pushFront(order[i]!);
  let cachedCount = keep;

  const slots = days * SLOTS;
  const fill: Tally = { miss: new Float64Array(slots), up: new Float64Array(slots), written: 0 };
  const pull: Tally = { miss: new Float64Array(slots), up: new Float64Array(slots), written: 0 };
  const requests = rng(p.seed + 2);
  const held = (set: Uint8Array) => {
    let sum = 0;
    for (let t = 0; t < count; t++) if (set[t]) sum += share[t]!;
    return sum;
  };
  let heldFill = 0;
  let heldPull = 0;
  let pending = 0;
  let queue: number[] = [];
  let evictable: number[] = [];
  let windowEnd = -1;
  let progress = 0;
  let unfinished = 0;

  for (let g = 0; g < slots; g++) {
    const d = Math.floor(g / SLOTS);
    const s = g % SLOTS;
    const measured = d >= p.warmupDays;
    if (s === 0) {
      today(d);
      heldFill = held(stored);
      heldPull = held(cached);
    }
    if (s === start) {
      // Tonight's fill prepares tomorrow: what the forecast of day d+1 wants and the site lacks, best first;
      // what it no longer wants goes when room is needed, worst first.
      forecast(d + 1);
      queue = [];
      evictable = [];
      for (let t = 0; t < count; t++) {
        if (want[t] && !stored[t]) queue.push(t);
        if (stored[t] && !want[t]) evictable.push(t);
      }
      queue.sort((a, b) => score[a]! - score[b]!);
      evictable.sort((a, b) => score[b]! - score[a]!);
      windowEnd = g + length;
      progress = 0;
    }
    const demandTB = demandGbps[s]! * TB_PER_GBPS_SLOT;

    // Proactive: download inside the window, one item after another, at the site's fill rate.
    const before = heldFill;
    let filled = 0;
    if (g < windowEnd) {
      let budget = fillPerSlot;
      while (queue.length && budget > 0) {
        const step = Math.min(budget, itemTB - progress);
        budget -= step;
        filled += step;
        progress += step;
        if (progress < itemTB * (1 - 1e-9)) break;
        progress = 0;
        const t = queue.pop()!;
        if (storedCount >= capacity) {
          const out = evictable.pop()!;
          stored[out] = 0;
          heldFill -= share[out]!;
          storedCount--;
        }
        stored[t] = 1;
        storedCount++;
        heldFill += share[t]!;
      }
      if (g === windowEnd - 1 && queue.length && measured) unfinished++;
    }
    fill.miss[g] = demandTB * Math.max(0, 1 - (before + heldFill) / 2);
    fill.up[g] = fill.miss[g]! + filled;
    if (measured) fill.written += filled;

    // Pull-through: this slot's requests, each streaming one item; its upstream is the expected miss traffic.
    pending += demandTB / itemTB;
    const asks = Math.floor(pending);
    pending -= asks;
    let missing = 0;
    for (let i = 0; i < asks; i++) {
      missing += 1 - heldPull;
      const u = requests() * cdf[n - 1]!;
      let lo = 0;
      let hi = n - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cdf[mid]! < u) lo = mid + 1;
        else hi = mid;
      }
      const t = cat.titles[d]![lo]!;
      if (cached[t]) {
        unlink(t);
        pushFront(t);
      } else if (capacity > 0) {
        pushFront(t);
        cachedCount++;
        heldPull += share[t]!;
        if (measured) pull.written += itemTB;
        if (cachedCount > capacity) {
          const out = tail;
          unlink(out);
          cached[out] = 0;
          cachedCount--;
          heldPull -= share[out]!;
        }
      }
    }
    pull.up[g] = pull.miss[g] = demandTB * Math.max(0, asks ? missing / asks : 1 - heldPull);
  }

  const from = p.warmupDays * SLOTS;
  const demandTB = demandGbps.reduce((a, v) => a + v, 0) * TB_PER_GBPS_SLOT;
  const peakDemandTB = demandGbps.reduce((a, v, s) => (inPeak[s] ? a + v : a), 0) * TB_PER_GBPS_SLOT;
  const summary = (t: Tally): PolicyResult => {
    const perSlot = demandGbps.map((_, s) => {
      let up = 0;
      for (let g = from + s; g < slots; g += SLOTS) up += t.up[g]!;
      return up / p.measuredDays;
    });
    const missed = t.miss.subarray(from).reduce((a, b) => a + b, 0) / p.measuredDays;
    const total = perSlot.reduce((a, b) => a + b, 0);
    const atPeak = perSlot.reduce((a, v, s) => (inPeak[s] ? a + v : a), 0);
    const upstreamGbps = perSlot.map((v) => finite(v / TB_PER_GBPS_SLOT));
    return {
      hitRatio: finite(1 - missed / demandTB),
      upstreamGbps,
      peakGbps: Math.max(...upstreamGbps),
      peakHoursShare: total > 0 ? finite(atPeak / total) : 0,
      peakHoursUpstream: finite(atPeak / peakDemandTB),
      upstreamTBPerDay: finite(total),
      churnPerDay: finite(t.written / p.measuredDays / inp.storageTB),
    };
  };
  const f = summary(fill);
  const fillGbps = demandGbps.map((_, s) => {
    let filled = 0;
    for (let g = from + s; g < slots; g += SLOTS) filled += fill.up[g]! - fill.miss[g]!;
    return finite(filled / p.measuredDays / TB_PER_GBPS_SLOT);
  });
  const inWindowTB = f.upstreamGbps.reduce((a, v, s) => (inWindow[s] ? a + v : a), 0) * TB_PER_GBPS_SLOT;

  const notes: string[] = [];
  if (inp.peakDemandGbps > appliances * p.applianceGbps)
    notes.push(
      `${appliances} ${appliances === 1 ? 'appliance' : 'appliances'} could serve about ${appliances * p.applianceGbps} Gb/s, less than the peak; the model does not limit serving.`,
    );
  return {
    appliances,
    capacityItems: capacity,
    chance: Math.min(1, capacity / n),
    demandGbps,
    inWindow,
    inPeak,
    fill: {
      ...f,
      fillTBPerDay: finite(fill.written / p.measuredDays),
      fillGbps,
      windowShare: f.upstreamTBPerDay > 0 ? finite(inWindowTB / f.upstreamTBPerDay) : 0,
      unfinishedNights: unfinished,
    },
    pull: summary(pull),
    notes,
  };
}
