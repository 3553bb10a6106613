import fs from 'node:fs';
import { LineCounter, isNode, parseDocument } from 'yaml';
import { z } from '../schemas/zod';
import { contentDir } from '../lib/content-dir';
import { ContentError } from '../lib/errors';
import {
  INPUT_NAMES,
  PARAM_NAMES,
  PRESETS,
  RANGES,
  run,
  type FillInputs,
  type FillParams,
  type FillResult,
  type PresetName,
} from '../lib/models/fill';
import { MEASURES } from '../lib/charts/fill-chart';
import { dataFile, defineFigure, describeRecord, idField, type Cite, type RecordContext } from './define';
import type { NumberRange } from '../lib/models/controls';

/**
 * Fill versus pull at one site (FillVsPull.astro), an explorable over the simulation in src/lib/models/fill.ts.
 * Two data files: content/figures/fill-vs-pull.yaml holds every number the model takes, once, each published,
 * fitted or labelled illustrative; fill-vs-pull-checks.yaml holds the published figures the model is set
 * beside. Every `cite` is checked like a chapter's citation; the rules below stop the build with the file, the
 * line and the value, e.g.
 *
 *   content/figures/fill-vs-pull.yaml:40: entry "Catalogue": field "value": 20000 is outside what "catalogueTB"
 *     can be (200–10000 TB)
 *   content/figures/fill-vs-pull.yaml: no entry sets "skew"; add one with set, value, basis, label, unit and a
 *     cite or note
 *
 * The geometry and words, shared with the browser, are in src/lib/charts/fill-chart.ts.
 */

const NAMES = [...INPUT_NAMES, ...PARAM_NAMES] as const;
type Name = (typeof NAMES)[number];

/** content/figures/fill-vs-pull.yaml: one value the model takes, for one or more of its inputs or parameters. */
const valueRecord = ({ cite }: RecordContext) =>
  z
    .strictObject({
      /** The inputs or parameters this value is for. */
      set: z.array(z.enum(NAMES as unknown as [Name, ...Name[]])).min(1),
      value: z.number(),
      /** published: a record gives it; fitted: chosen to match a published figure; illustrative: no record. */
      basis: z.enum(['published', 'fitted', 'illustrative']),
      label: z.string().min(1),
      unit: z.string(),
      /** Why this value, for a fitted or illustrative one. */
      note: z.string().min(1).optional(),
      /** Required but for an illustrative value, where it gives an outside measurement if there is one. */
      cite: cite.optional(),
    })
    .refine((e) => e.basis === 'illustrative' || e.cite !== undefined, {
      path: ['cite'],
      error: 'a published or fitted value needs a cite with the passage it rests on',
    })
    .refine((e) => e.basis === 'published' || e.note !== undefined, {
      path: ['note'],
      error: 'a fitted or illustrative value needs a note saying why this value',
    });

/** content/figures/fill-vs-pull-checks.yaml: a published figure set beside what the model gives. */
const checkRecord = ({ cite }: RecordContext) =>
  z.strictObject({
    check: idField,
    label: z.string().min(1),
    /** The published figure, in words, as the data table shows it. */
    published: z.string().min(1),
    /** The model's starting point it is compared at (PRESETS in src/lib/models/fill.ts). */
    preset: z.enum(Object.keys(PRESETS) as [PresetName, ...PresetName[]]),
    /** The model's output that corresponds (MEASURES in src/lib/charts/fill-chart.ts), or none: context only. */
    measure: z.enum(['none', ...Object.keys(MEASURES)] as [string, ...string[]]),
    cite,
  });

export type ValueEntry = z.output<ReturnType<typeof valueRecord>>;
export type CheckEntry = z.output<ReturnType<typeof checkRecord>>;

/** Limits of the fixed parameters the model needs to run at all (the inputs' limits are RANGES). */
const PARAM_LIMITS: Readonly<Record<(typeof PARAM_NAMES)[number], { min: number; max: number; whole?: true }>> = {
  applianceTB: { min: 1, max: 10_000 },
  applianceGbps: { min: 0.1, max: 10_000 },
  globalFillRateGbps: { min: RANGES.fillRateGbps.min, max: RANGES.fillRateGbps.max },
  peakFromHour: { min: 0, max: 23.5 },
  peakToHour: { min: 0.5, max: 24 },
  items: { min: 10, max: 20_000, whole: true },
  releasesPerDay: { min: 0, max: 1000, whole: true },
  hotBoost: { min: 0, max: 1000 },
  hotHalfLifeDays: { min: 0.1, max: 1000 },
  warmupDays: { min: 0, max: 30, whole: true },
  measuredDays: { min: 1, max: 30, whole: true },
  seed: { min: 0, max: 2 ** 31, whole: true },
};

/** The line of a field of the index-th record of a YAML list, or of the record itself. */
function lines(file: string): (index: number, field?: string) => number | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(fs.readFileSync(file, 'utf8'), { lineCounter });
  return (index, field) => {
    const node = (field === undefined ? undefined : doc.getIn([index, field], true)) ?? doc.getIn([index], true);
    return isNode(node) && node.range ? lineCounter.linePos(node.range[0]).line : undefined;
  };
}

/** A figure's number may not rest on a citation that is not yet checked. */
function unchecked(cite: Cite | undefined): string | undefined {
  return cite?.items.some((i) => i.unchecked)
    ? `a figure's number may not rest on an unchecked citation; quote the passage: ${cite.text}`
    : undefined;
}

/** Rules across the values: each set once, inside what the model can take, with evidence of the right kind. */
function checkValues(records: ValueEntry[], file: string): void {
  const line = lines(file);
  const seen = new Map<Name, number>();
  records.forEach((entry, index) => {
    const fail = (field: string, problem: string): never => {
      throw new ContentError(file, line(index, field), `${describeRecord(entry)}: field "${field}": ${problem}`);
    };
    for (const name of entry.set) {
      if (seen.has(name))
        fail('set', `"${name}" is already set by the entry at line ${line(seen.get(name)!)}; set each value once`);
      seen.set(name, index);
      const range = (RANGES as Partial<Record<Name, NumberRange>>)[name];
      const {
        min,
        max,
        whole = false,
      }: { min: number; max: number; whole?: boolean } = range ?? PARAM_LIMITS[name as keyof typeof PARAM_LIMITS];
      if (entry.value < min || entry.value > max || (whole && !Number.isInteger(entry.value)))
        fail(
          'value',
          `${entry.value} is outside what "${name}" can be (${whole ? 'a whole number, ' : ''}${min}–${max}${range?.unit ? ` ${range.unit}` : ''})`,
        );
    }
    const items = entry.cite?.items ?? [];
    const problem = unchecked(entry.cite);
    if (problem) fail('cite', problem);
    if (entry.basis === 'published' && items.some((i) => i.stance !== 'quoted' || !i.passage))
      fail('cite', 'a published value quotes its source: @key, locator: "passage"');
    if (entry.basis === 'fitted' && items[0]?.stance !== 'calculation')
      fail('cite', 'a fitted value is the guide\'s own calculation: start the cite with "our calculation from @key"');
  });
  const missing = NAMES.find((n) => !seen.has(n));
  if (missing)
    throw new ContentError(
      file,
      undefined,
      `no entry sets "${missing}"; add one with set, value, basis, label, unit and a cite or note`,
    );
  const value = (n: Name) => records[seen.get(n)!]!.value;
  if (value('peakFromHour') >= value('peakToHour'))
    throw new ContentError(
      file,
      line(seen.get('peakToHour')!, 'value'),
      `${describeRecord(records[seen.get('peakToHour')!])}: field "value": the peak hours end (${value('peakToHour')}) before they begin (${value('peakFromHour')})`,
    );
}

function checkChecks(records: CheckEntry[], file: string): void {
  const line = lines(file);
  const ids = new Map<string, number>();
  records.forEach((entry, index) => {
    const fail = (field: string, problem: string): never => {
      throw new ContentError(file, line(index, field), `${describeRecord(entry)}: field "${field}": ${problem}`);
    };
    if (ids.has(entry.check))
      fail(
        'check',
        `"${entry.check}" is already the id of the check at line ${line(ids.get(entry.check)!)}; ids must be unique`,
      );
    ids.set(entry.check, index);
    const problem = unchecked(entry.cite);
    if (problem) fail('cite', problem);
  });
}

export const valueData = dataFile('fill-vs-pull', valueRecord, checkValues);
export const checkData = dataFile('fill-vs-pull-checks', checkRecord, checkChecks);

export interface FillData {
  params: FillParams;
  defaults: FillInputs;
  values: ValueEntry[];
  checks: CheckEntry[];
}

export function loadFillData(dir = contentDir()): FillData {
  const values = valueData.load(dir);
  const checks = checkData.load(dir);
  const valueOf = (n: Name) => values.find((v) => (v.set as readonly Name[]).includes(n))!.value;
  return {
    params: Object.fromEntries(PARAM_NAMES.map((n) => [n, valueOf(n)])) as unknown as FillParams,
    defaults: Object.fromEntries(INPUT_NAMES.map((n) => [n, valueOf(n)])) as unknown as FillInputs,
    values,
    checks,
  };
}

const runs = new Map<string, FillResult>();

/**
 * The model's result for these inputs, computed once per build: every page that shows the figure (and /all/)
 * draws the same three cases, and each run simulates weeks of a catalogue. The model is pure, so a result
 * depends on its inputs alone; the browser's script runs the model itself.
 */
export function runOnce(input: FillInputs, params: FillParams): FillResult {
  const key = JSON.stringify([input, params]);
  let result = runs.get(key);
  if (!result) runs.set(key, (result = run(input, params)));
  return result;
}

export default defineFigure({
  component: 'FillVsPull',
  load: loadFillData,
  cites: (_view, dir) => {
    const { values, checks } = loadFillData(dir);
    return [...values, ...checks].flatMap((e) => (e.cite ? [e.cite] : []));
  },
});
