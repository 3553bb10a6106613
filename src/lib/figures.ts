import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { contentDir } from './content-dir';
import { readRecords } from './data-files';
import { ContentError } from './errors';
import { sourceIds } from './sources';
import { yearOf } from './charts/years';
import { chapterFiles, chapterTree } from './anchors';
import { chapterIdFromFile, chapterPath } from './routes';
import { visit } from 'unist-util-visit';
import {
  branchSchema,
  bsdNodeSchema,
  calibrationSchema,
  cyclePhaseSchema,
  diagramPartSchema,
  releaseSchema,
  throughputSchema,
  type Branch,
  type BsdNode,
  type Calibration,
  type CyclePhase,
  type DiagramPart,
  type Release,
  type Throughput,
} from '../schemas/figures';

/**
 * Loaders of the figures' data (content/figures/*.yaml). Each record is validated with its schema, its
 * `source` against the bibliography and its dates as calendar dates; the first problem stops the build with
 * the file, the line and the bad value.
 */

type SchemaFactory<T> = (known: ReadonlySet<string>) => z.ZodType<T>;

const describe = (raw: unknown): string => {
  const r = (raw ?? {}) as Record<string, unknown>;
  const name = r['id'] ?? r['version'] ?? r['name'] ?? r['label'] ?? r['technique'] ?? r['date'];
  return name === undefined ? 'entry' : `entry ${JSON.stringify(name)}`;
};

/** Reads one figure data file with a schema built from the known source keys. */
export function readFigureFile<T>(file: string, schema: SchemaFactory<T>, known: ReadonlySet<string>): T[] {
  if (!fs.existsSync(file))
    throw new ContentError(file, undefined, 'figure data file is missing; the figure that reads it cannot be drawn');
  const records = readRecords(file, schema(known), describe);
  if (records.length === 0) throw new ContentError(file, 1, 'the list is empty; a figure needs at least one entry');
  return records;
}

const cache = new Map<string, unknown[]>();

function load<T>(name: string, schema: SchemaFactory<T>, dir: string): T[] {
  const file = path.join(dir, 'figures', `${name}.yaml`);
  const hit = cache.get(file);
  if (hit) return hit as T[];
  const records = readFigureFile(file, schema, sourceIds(dir));
  cache.set(file, records);
  return records;
}

export { yearOf };

/** Checks that each `from` names an earlier entry or lane, and that no entry predates its parent. */
export function checkTree(nodes: BsdNode[], file: string): BsdNode[] {
  const seen = new Map<string, BsdNode>();
  const lanes = new Set<string>();
  for (const node of nodes) {
    if (seen.has(node.id))
      throw new ContentError(file, undefined, `entry "${node.id}" is defined twice; ids must be unique`);
    for (const parent of node.from) {
      const p = seen.get(parent);
      if (!p && !lanes.has(parent)) {
        throw new ContentError(
          file,
          undefined,
          `entry "${node.id}": field "from" names "${parent}", which is neither an earlier entry's id nor an earlier lane`,
        );
      }
      if (p && yearOf(p.date) > yearOf(node.date))
        throw new ContentError(
          file,
          undefined,
          `entry "${node.id}" (${node.date}) is dated before its parent "${parent}" (${p.date})`,
        );
    }
    seen.set(node.id, node);
    lanes.add(node.line);
  }
  return nodes;
}

export function loadBsdTree(dir = contentDir()): BsdNode[] {
  return checkTree(load('bsd-family-tree', bsdNodeSchema, dir), path.join(dir, 'figures', 'bsd-family-tree.yaml'));
}
export const loadThroughput = (dir = contentDir()): Throughput[] => load('throughput', throughputSchema, dir);
export const loadReleases = (dir = contentDir()): Release[] => load('freebsd-releases', releaseSchema, dir);
export const loadBranches = (dir = contentDir()): Branch[] => load('freebsd-branches', branchSchema, dir);
export const loadCycle = (dir = contentDir()): CyclePhase[] => load('netflix-cycle', cyclePhaseSchema, dir);
export const loadServingCalibration = (dir = contentDir()): Calibration[] =>
  load('serving-calibration', calibrationSchema, dir);

/** The parts the Open Connect diagram (OpenConnectMap.astro) draws, by id. */
export const OPEN_CONNECT_PARTS = ['control', 'embedded', 'peered', 'fill', 'routes', 'steer', 'stream'] as const;

/** The labelled parts of the Open Connect diagram, by id; every id the diagram draws must be present. */
export function loadOpenConnect<K extends string>(ids: readonly K[], dir = contentDir()): Record<K, DiagramPart> {
  const parts = load('open-connect', diagramPartSchema, dir);
  const byId = new Map(parts.map((p) => [p.id, p]));
  const out = {} as Record<K, DiagramPart>;
  for (const id of ids) {
    const part = byId.get(id);
    if (!part)
      throw new ContentError(
        path.join(dir, 'figures', 'open-connect.yaml'),
        undefined,
        `no entry with id "${id}"; the diagram needs entries ${ids.map((i) => `"${i}"`).join(', ')}`,
      );
    out[id] = part;
  }
  return out;
}

/** Distinct source keys in order of first use: the figure's "Sources:" line. */
export function sourcesOf(records: readonly { source: string }[]): string[] {
  return [...new Set(records.map((r) => r.source))];
}

/** A figure a chapter shows: its component's name, and the `view` it asks for, if any. */
export interface FigureUse {
  name: string;
  view?: string;
}

/**
 * The bibliography keys behind each figure, by component name, in order of first use: the figure's "Sources:"
 * line, and the figure's entries in the "Cited by" lists of /sources/. MergeCycles draws an invented model; the
 * talk is the source of the argument it illustrates.
 */
const FIGURE_SOURCES: Record<string, (view: string | undefined, dir: string) => string[]> = {
  BsdTree: (_, dir) => sourcesOf(loadBsdTree(dir)),
  OpenConnectMap: (_, dir) => sourcesOf(Object.values(loadOpenConnect(OPEN_CONNECT_PARTS, dir))),
  ReleaseCycles: (view, dir) =>
    sourcesOf(view === 'netflix' ? loadCycle(dir) : [...loadBranches(dir), ...loadReleases(dir)]),
  ThroughputChart: (_, dir) => sourcesOf(loadThroughput(dir)),
  ServingBudget: (_, dir) => sourcesOf(loadServingCalibration(dir)),
  MergeCycles: () => ['looney-fosdem-2019-slides'],
};

/** The sources of one figure (see FIGURE_SOURCES). */
export function figureSources({ name, view }: FigureUse, dir = contentDir()): string[] {
  const of = FIGURE_SOURCES[name];
  if (!of)
    throw new ContentError(
      'src/lib/figures.ts',
      undefined,
      `figure component "${name}" has no entry in FIGURE_SOURCES; add one that returns the keys of its data's sources`,
    );
  return of(view, dir);
}

/**
 * Which figures each chapter page shows, in order of appearance: the tags of components that the chapter
 * imports from src/components/figures/, e.g. `<ReleaseCycles view="netflix" />` after
 * `import ReleaseCycles from '../../src/components/figures/ReleaseCycles.astro'`. Keyed by site path (no base).
 */
export function figuresByPage(dir = contentDir()): Map<string, FigureUse[]> {
  const pages = new Map<string, FigureUse[]>();
  for (const rel of chapterFiles(dir)) {
    const tree = chapterTree(rel, dir);
    const figures = new Set<string>();
    const uses: FigureUse[] = [];
    visit(tree, (node) => {
      if (node.type === 'mdxjsEsm')
        for (const m of node.value.matchAll(/import\s+(\w+)\s+from\s+['"][^'"]*\/components\/figures\/[^'"]+['"]/g))
          figures.add(m[1]!);
      if (
        (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') &&
        node.name &&
        figures.has(node.name)
      ) {
        const view = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'view')?.value;
        const use: FigureUse = typeof view === 'string' ? { name: node.name, view } : { name: node.name };
        if (!uses.some((u) => u.name === use.name && u.view === use.view)) uses.push(use);
      }
    });
    if (uses.length) pages.set(chapterPath(chapterIdFromFile(rel)), uses);
  }
  return pages;
}
