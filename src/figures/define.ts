import fs from 'node:fs';
import path from 'node:path';
import { z } from '../schemas/zod';
import { contentDir } from '../lib/content-dir';
import { fresh } from '../lib/content-cache';
import { readRecords } from '../lib/data-files';
import { ContentError } from '../lib/errors';
import { loadSources, sourceFiles, type Sources } from '../lib/sources';
import { CitationSyntaxError, parseCite, type CitationItem } from '../lib/citations/syntax';
import { evidenceProblem } from '../lib/citations/evidence';

/**
 * How a figure declares itself: once, in one module of src/figures/ (the registry, ./index.ts, finds it).
 * The module holds the schema of its data file's records, the loader (`dataFile`), the evidence behind the
 * figure (`cites`) and its layout; the component in src/components/figures/ that draws it only renders.
 *
 *   // src/figures/throughput.ts
 *   const data = dataFile('throughput', ({ cite }) => z.strictObject({ date: dateField, gbps: z.number(), cite }));
 *   export default defineFigure({
 *     component: 'ThroughputChart',
 *     load: data.load,
 *     cites: (_view, dir) => data.load(dir).map((r) => r.cite),
 *   });
 *   export function layoutThroughput(rows: …) { … }
 *
 * Every record that rests on a source carries a `cite` field in the citation syntax without brackets
 * (README, "Cite a source"): `cite: '@gallatin-eurobsdcon-2022-slides, slide 94: "…"'`. It is checked at load
 * exactly as a chapter's citation is (a known key, a locator, a passage found on that page of the source's
 * text, or the guide's own reading marked as such); a problem stops the build with the file, the line and the
 * record: `content/figures/throughput.yaml:44: entry "2022": field "cite": citation [@x, …]: …`.
 */

/** A record's evidence: the `cite` field as written, and the items it cites. */
export interface Cite {
  /** As written in the data file, without brackets. */
  text: string;
  items: CitationItem[];
}

/** What a record schema is built with: the bibliography, and the `cite` field checked against it. */
export interface RecordContext {
  sources: Sources;
  /** The `cite` field, required: a citation with its evidence, parsed and checked (see above). */
  cite: z.ZodType<Cite, string>;
}

/** A `cite` field checked against the bibliography and the source texts (the file and line come from the loader). */
export function citeField(sources: Sources): z.ZodType<Cite, string> {
  const missing =
    'a record needs its evidence, in the citation syntax without brackets: cite: \'@key, slide 7: "…"\' (a `source: key` becomes `cite: \'@key, locator: "passage"\'`)';
  return z
    .string({ error: (issue) => (issue.input === undefined ? missing : undefined) })
    .transform((text, ctx): Cite => {
      let items: CitationItem[];
      let raw: string;
      try {
        const group = parseCite(text);
        items = group.items;
        raw = group.raw;
      } catch (error) {
        if (!(error instanceof CitationSyntaxError)) throw error;
        ctx.addIssue({ code: 'custom', input: text, message: error.message });
        return z.NEVER;
      }
      for (const item of items) {
        const problem = evidenceProblem(item, raw, sources);
        if (problem) {
          ctx.addIssue({ code: 'custom', input: text, message: problem });
          return z.NEVER;
        }
      }
      return { text: text.trim(), items };
    });
}

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

/** A record's key: lower-case kebab-case. */
export const idField = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lower-case kebab-case, e.g. "freebsd-1-0"');

/** How an error names a record: by its id, version, name, label or date, whichever it has first. */
export function describeRecord(raw: unknown): string {
  const r = (raw ?? {}) as Record<string, unknown>;
  const name = r['id'] ?? r['version'] ?? r['name'] ?? r['label'] ?? r['technique'] ?? r['date'];
  return name === undefined ? 'entry' : `entry ${JSON.stringify(name)}`;
}

/** The folder of the figures' data files, in a content folder. */
export const figureDataDir = (dir = contentDir()): string => path.join(dir, 'figures');

/** Reads one figure data file with a record schema; the first bad record stops with file, line and value. */
export function readFigureFile<T>(file: string, schema: z.ZodType<T>): T[] {
  if (!fs.existsSync(file))
    throw new ContentError(file, undefined, 'figure data file is missing; the figure that reads it cannot be drawn');
  const records = readRecords(file, schema, describeRecord);
  if (records.length === 0) throw new ContentError(file, 1, 'the list is empty; a figure needs at least one entry');
  return records;
}

export interface DataFile<T> {
  /** The file's name in content/figures/, without ".yaml". */
  name: string;
  /** The data file's path in a content folder. */
  file(dir?: string): string;
  /** Its records, checked; read again only when the file or the sources change. */
  load(dir?: string): T[];
  /** Reads another file with the same schema and checks, against the sources of `dir` (tests, fixtures). */
  read(file: string, dir?: string): T[];
}

/**
 * A figure's data file, content/figures/<name>.yaml: a list of records, each validated with the schema that
 * `record` builds (it gets the bibliography and the `cite` field), then with `check` over the whole list (for
 * rules between records, e.g. a parent must come first). Use a strictObject: a misspelt field then fails.
 */
export function dataFile<T>(
  name: string,
  record: (ctx: RecordContext) => z.ZodType<T>,
  check?: (records: T[], file: string) => void,
): DataFile<T> {
  const file = (dir = contentDir()) => path.join(figureDataDir(dir), `${name}.yaml`);
  const read = (at: string, dir = contentDir()) => {
    const sources = loadSources(dir);
    const records = readFigureFile(at, record({ sources, cite: citeField(sources) }));
    check?.(records, at);
    return records;
  };
  return {
    name,
    file,
    read,
    load: (dir = contentDir()) =>
      fresh(
        `figure-data:${file(dir)}`,
        () => [file(dir), ...sourceFiles(dir)],
        () => read(file(dir), dir),
      ),
  };
}

export type { FigureUse } from '../lib/page-record';

/** One figure, as its module declares it; the registry (./index.ts) collects them. */
export interface Figure {
  /**
   * The component that draws it: src/components/figures/<component>.astro. A chapter shows the figure by
   * importing that component and writing `<Component />` (or `<Component view="…" />`).
   */
  component: string;
  /** The values a chapter may give `view`, the default first; leave out for a figure with one view. */
  views?: readonly string[];
  /**
   * The evidence behind the figure in a view: one citation per record that rests on a source, in the order
   * of its data. /sources/ counts each item as a claim of the page that shows the figure; the figure's
   * caption lists their sources.
   */
  cites(view?: string, dir?: string): readonly Cite[];
  /** The figure's data, checked: for a chapter's figure, what its component draws. */
  load?(dir?: string): unknown;
}

/** Declares a figure; the module's default export. */
export function defineFigure(figure: Figure): Figure {
  return figure;
}

/** Distinct source keys of some citations, in order of first use: a figure's "Sources:" line. */
export function sourceKeys(cites: readonly Cite[]): string[] {
  return [...new Set(cites.flatMap((c) => c.items.map((i) => i.key)))];
}

/**
 * A citation a module writes in code (a figure without a data file, e.g. an illustrative model), checked like
 * a data file's `cite`; a problem names the module.
 */
export function moduleCite(module: string, text: string, dir = contentDir()): Cite {
  const result = citeField(loadSources(dir)).safeParse(text);
  if (!result.success) throw new ContentError(module, undefined, `cite: ${result.error.issues[0]!.message}`);
  return result.data;
}
