import { z } from './zod';

/**
 * Schemas of the figures' data files (content/figures/*.yaml). Every record names the source that backs it;
 * `source` is checked against the bibliography by the loaders in src/lib/figures.ts, which build these
 * schemas with the set of known keys so that an unknown key is reported at its own line.
 */

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Is "YYYY", "YYYY-MM" or "YYYY-MM-DD" a real calendar date? */
export function isCalendarDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [, y, mo, d] = m;
  if (mo === undefined) return true;
  const month = Number(mo);
  if (month < 1 || month > 12) return false;
  if (d === undefined) return true;
  const day = Number(d);
  return day >= 1 && day <= new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
}

/**
 * A date as YAML gives it: 1993 (a number), "1993-11" or "1993-11-01" (unquoted dates stay strings in YAML 1.2).
 * Normalised to a string.
 */
export const dateField = z.union([z.string(), z.number()]).transform((value, ctx) => {
  const text = String(value).trim();
  if (!isCalendarDate(text)) {
    ctx.addIssue({
      code: 'custom',
      input: value,
      message: `malformed date ${JSON.stringify(value)}; write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 1993-11-01`,
    });
    return z.NEVER;
  }
  return text;
});

/** A bibliography key that must exist in content/sources/*.json. */
export function sourceField(known: ReadonlySet<string>) {
  return z.string().refine((id) => known.has(id), {
    error: (issue) =>
      `unknown source ${JSON.stringify(issue.input)}; add it to content/sources/*.json or use an existing key`,
  });
}

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lower-case kebab-case, e.g. "freebsd-1-0"');

/** content/figures/bsd-family-tree.yaml: one release or event of a BSD lineage. */
export function bsdNodeSchema(known: ReadonlySet<string>) {
  return z.object({
    /** Unique key; other entries name it in `from`. */
    id,
    /** Full name, as the data table shows it, e.g. "4.4BSD-Lite2". */
    label: z.string().min(1).max(32),
    /** Shorter text beside the dot when the lane's name already says the rest, e.g. "Lite2". */
    short: z.string().min(1).max(12).optional(),
    /** Lane (lineage) the entry sits on; lanes are drawn in order of first appearance. */
    line: z.string().min(1),
    date: dateField,
    /** Earlier entries (by id) or lanes (by name) this one descends from or draws on. */
    from: z.array(z.string().min(1)).default([]),
    /** The lane ends here (e.g. the last CSRG release); other lanes run on to the present. */
    final: z.boolean().default(false),
    /** Dates the tree file gives as uncertain or conflicting. */
    note: z.string().optional(),
    source: sourceField(known),
  });
}

/** content/figures/throughput.yaml: one per-server throughput milestone. */
export function throughputSchema(known: ReadonlySet<string>) {
  return z.object({
    date: dateField,
    gbps: z.number().positive().max(10_000),
    tls: z.boolean(),
    /** Short label on the chart: the technique that got it there. */
    technique: z.string().min(1).max(40),
    detail: z.string().optional(),
    source: sourceField(known),
  });
}

/** content/figures/freebsd-releases.yaml: one FreeBSD release (a dot on its stable/N branch). */
export function releaseSchema(known: ReadonlySet<string>) {
  return z.object({
    version: z.string().regex(/^\d+\.\d+$/, 'write the version as N.M, e.g. "13.0"'),
    date: dateField,
    planned: z.boolean().default(false),
    source: sourceField(known),
  });
}

/** content/figures/freebsd-branches.yaml: one stable/N branch and its support period. */
export function branchSchema(known: ReadonlySet<string>) {
  return z.object({
    name: z.string().regex(/^stable\/\d+$/, 'write the branch as stable/N, e.g. "stable/13"'),
    start: dateField,
    end: dateField,
    source: sourceField(known),
  });
}

/** content/figures/netflix-cycle.yaml: one phase of Netflix's OCA release cycle. */
export function cyclePhaseSchema(known: ReadonlySet<string>) {
  return z.object({
    id,
    label: z.string().min(1).max(40),
    weeks: z.number().int().positive().max(26),
    source: sourceField(known),
  });
}

/** content/figures/open-connect.yaml: one labelled part of the Open Connect diagram. */
export function diagramPartSchema(known: ReadonlySet<string>) {
  return z.object({
    id,
    label: z.string().min(1).max(40),
    detail: z.string().min(1).max(120),
    source: sourceField(known),
  });
}

/** content/figures/serving-calibration.yaml: a published result the serving model is checked against. */
export function calibrationSchema(known: ReadonlySet<string>) {
  return z.object({
    label: z.string().min(1),
    date: dateField,
    preset: z.enum(['fosdem2019', 'epyc2021Software', 'epyc2021Nic']),
    published: z.string().min(1),
    source: sourceField(known),
  });
}

export type BsdNode = z.output<ReturnType<typeof bsdNodeSchema>>;
export type Throughput = z.output<ReturnType<typeof throughputSchema>>;
export type Branch = z.output<ReturnType<typeof branchSchema>>;
export type Release = z.output<ReturnType<typeof releaseSchema>>;
export type CyclePhase = z.output<ReturnType<typeof cyclePhaseSchema>>;
export type DiagramPart = z.output<ReturnType<typeof diagramPartSchema>>;
export type Calibration = z.output<ReturnType<typeof calibrationSchema>>;
