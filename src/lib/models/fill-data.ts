import fs from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument, isNode } from 'yaml';
import { z } from '../../schemas/zod';
import { contentDir } from '../content-dir';
import { readRecords } from '../data-files';
import { ContentError } from '../errors';
import { fresh } from '../content-cache';
import { loadSources, sourceFiles } from '../sources';
import { CitationSyntaxError, parseCite, type CitationItem } from '../citations/syntax';
import { evidenceProblem } from '../citations/evidence';
import { INPUT_NAMES, PARAM_NAMES, PRESETS, RANGES, type FillInputs, type FillParams } from './fill';
import { MEASURES } from '../charts/fill-chart';

/**
 * Reads the numbers of the fill-versus-pull simulation (content/figures/fill-vs-pull.yaml) and the published
 * figures it is checked against (fill-vs-pull-checks.yaml), at build time only (the browser gets the result
 * as JSON in the page). Every entry's `cite` is read with the guide's citation syntax and checked against the
 * bibliography like a chapter's citations; the first problem stops the build with the file, the line and the
 * bad value:
 *
 *   content/figures/fill-vs-pull.yaml:12: entry "fillRateGbps": field "cite": unknown source "netflix-fill" in …
 *   content/figures/fill-vs-pull.yaml:40: entry "catalogueTB": field "value": 20000 is outside the range the
 *     reader can set (200–10000 TB)
 *   content/figures/fill-vs-pull.yaml: no entry sets "skew"; add one with set, value, basis, label, unit and cite
 */

const NAMES = [...INPUT_NAMES, ...PARAM_NAMES] as [string, ...string[]];
type Name = (typeof INPUT_NAMES)[number] | (typeof PARAM_NAMES)[number];

const valueSchema = z
  .strictObject({
    /** The inputs or parameters this value is for. */
    set: z.array(z.enum(NAMES)).min(1),
    value: z.number(),
    /** published: a record gives it; fitted: chosen to match a published figure; illustrative: no record. */
    basis: z.enum(['published', 'fitted', 'illustrative']),
    label: z.string().min(1),
    unit: z.string(),
    /** Why this value, for what is fitted or illustrative. */
    note: z.string().min(1).optional(),
    cite: z.string().min(1).optional(),
  })
  .refine((e) => e.basis === 'illustrative' || e.cite !== undefined, {
    path: ['cite'],
    error: 'a published or fitted value needs a cite with the passage it rests on',
  })
  .refine((e) => e.basis === 'published' || e.note !== undefined, {
    path: ['note'],
    error: 'a fitted or illustrative value needs a note saying why this value',
  });

const checkSchema = z.strictObject({
  check: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lower-case kebab-case, e.g. "offload-one"'),
  label: z.string().min(1),
  /** The published figure, in words, as the data table shows it. */
  published: z.string().min(1),
  preset: z.enum(Object.keys(PRESETS) as [string, ...string[]]),
  measure: z.enum(['none', ...Object.keys(MEASURES)] as [string, ...string[]]),
  cite: z.string().min(1),
});

export type ValueEntry = z.output<typeof valueSchema> & { items: CitationItem[] };
export type CheckEntry = z.output<typeof checkSchema> & {
  preset: keyof typeof PRESETS;
  measure: keyof typeof MEASURES | 'none';
  items: CitationItem[];
};

export interface FillData {
  params: FillParams;
  defaults: FillInputs;
  values: ValueEntry[];
  checks: CheckEntry[];
  /** Bibliography keys of both files, in order of first use: the figure's "Sources:" line. */
  sources: string[];
}

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

/** The line of a field of the index-th entry of a YAML list, or of the entry itself. */
function lineOf(file: string): (index: number, field?: string) => number | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(fs.readFileSync(file, 'utf8'), { lineCounter });
  return (index, field) => {
    const node = (field === undefined ? undefined : doc.getIn([index, field], true)) ?? doc.getIn([index], true);
    return isNode(node) && node.range ? lineCounter.linePos(node.range[0]).line : undefined;
  };
}

/** Reads one entry's `cite` and checks each cited item against the bibliography, or fails at its line. */
function citeItems(cite: string, fail: (problem: string) => never, dir: string): CitationItem[] {
  let group;
  try {
    group = parseCite(cite);
  } catch (error) {
    if (error instanceof CitationSyntaxError) fail(error.message);
    throw error;
  }
  const sources = loadSources(dir);
  for (const item of group.items) {
    const problem = evidenceProblem(item, group.raw, sources);
    if (problem) fail(problem);
    if (item.unchecked)
      fail(`${group.raw}: a figure's number may not rest on an unchecked citation; quote the passage`);
  }
  return group.items;
}

const files = (dir: string) => [
  path.join(dir, 'figures', 'fill-vs-pull.yaml'),
  path.join(dir, 'figures', 'fill-vs-pull-checks.yaml'),
];

/** The figure's data, read again whenever one of its files or a source file changes. */
export function loadFillData(dir = contentDir()): FillData {
  return fresh(
    `fill-vs-pull:${dir}`,
    () => [...files(dir), ...sourceFiles(dir)],
    () => readFillData(dir),
  );
}

function readFillData(dir: string): FillData {
  const [file, checksFile] = files(dir) as [string, string];
  for (const f of [file, checksFile])
    if (!fs.existsSync(f))
      throw new ContentError(f, undefined, 'figure data file is missing; the fill-versus-pull figure cannot be drawn');

  const raw = readRecords(file, valueSchema, (r) => {
    const set = (r as { set?: unknown } | null)?.set;
    return `entry "${Array.isArray(set) ? set.join(', ') : '?'}"`;
  });
  const line = lineOf(file);
  const seen = new Map<Name, number>();
  const values: ValueEntry[] = raw.map((entry, index) => {
    const name = `entry "${entry.set.join(', ')}"`;
    const fail = (field: string, problem: string): never => {
      throw new ContentError(file, line(index, field), `${name}: field "${field}": ${problem}`);
    };
    for (const n of entry.set as Name[]) {
      if (seen.has(n))
        fail('set', `"${n}" is already set by the entry at line ${line(seen.get(n)!)}; set each value once`);
      seen.set(n, index);
      const limits = n in RANGES ? RANGES[n as keyof typeof RANGES] : PARAM_LIMITS[n as keyof typeof PARAM_LIMITS];
      const whole = 'whole' in limits && limits.whole;
      if (entry.value < limits.min || entry.value > limits.max || (whole && !Number.isInteger(entry.value)))
        fail(
          'value',
          `${entry.value} is outside what "${n}" can be (${whole ? 'a whole number, ' : ''}${limits.min}–${limits.max}${'unit' in limits && limits.unit ? ` ${limits.unit}` : ''})`,
        );
    }
    const items = entry.cite === undefined ? [] : citeItems(entry.cite, (p) => fail('cite', p), dir);
    if (entry.basis === 'published' && items.some((i) => i.stance !== 'quoted' || !i.passage))
      fail('cite', 'a published value quotes its source: @key, locator: "passage"');
    if (entry.basis === 'fitted' && items[0]?.stance !== 'calculation')
      fail('cite', 'a fitted value is the guide\'s own calculation: start the cite with "our calculation from @key"');
    return { ...entry, items };
  });
  const missing = NAMES.find((n) => !seen.has(n as Name));
  if (missing)
    throw new ContentError(
      file,
      undefined,
      `no entry sets "${missing}"; add one with set, value, basis, label, unit and a cite or note`,
    );
  const valueOf = (n: Name) => raw[seen.get(n)!]!.value;
  const params = Object.fromEntries(PARAM_NAMES.map((n) => [n, valueOf(n)])) as unknown as FillParams;
  const defaults = Object.fromEntries(INPUT_NAMES.map((n) => [n, valueOf(n)])) as unknown as FillInputs;
  if (params.peakFromHour >= params.peakToHour)
    throw new ContentError(
      file,
      line(seen.get('peakToHour')!, 'value'),
      `entry "peakToHour": field "value": peak hours end (${params.peakToHour}) before they begin (${params.peakFromHour})`,
    );

  const rawChecks = readRecords(
    checksFile,
    checkSchema,
    (r) => `check ${JSON.stringify((r as { check?: unknown })?.check ?? '?')}`,
  );
  const checkLine = lineOf(checksFile);
  const ids = new Set<string>();
  const checks = rawChecks.map((entry, index) => {
    const fail = (field: string, problem: string): never => {
      throw new ContentError(
        checksFile,
        checkLine(index, field),
        `check "${entry.check}": field "${field}": ${problem}`,
      );
    };
    if (ids.has(entry.check)) fail('check', `"${entry.check}" is used twice; ids must be unique`);
    ids.add(entry.check);
    const items = citeItems(entry.cite, (p) => fail('cite', p), dir);
    return { ...entry, items } as CheckEntry;
  });

  const sources = [...new Set([...values, ...checks].flatMap((e) => e.items.map((i) => i.key)))];
  return { params, defaults, values, checks, sources };
}
