import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { contentDir } from './content-dir';
import { readRecords } from './data-files';
import { ContentError } from './errors';
import { sourceIds } from './sources';
import { yearOf } from './charts/years';
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
