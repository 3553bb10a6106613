import { z } from '../schemas/zod';
import { ContentError } from '../lib/errors';
import { r1 } from '../lib/charts/svg';
import { yearOf } from '../lib/charts/years';
import { dataFile, dateField, defineFigure, idField, type RecordContext } from './define';

/**
 * The BSD family tree on a time axis (BsdTree.astro): content/figures/bsd-family-tree.yaml, one record per
 * release or event of a lineage; one lane per lineage, a dot per record, a link to each parent.
 */

const node = ({ cite }: RecordContext) =>
  z.strictObject({
    /** Unique key; other entries name it in `from`. */
    id: idField,
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
    cite,
  });

export type BsdNode = z.output<ReturnType<typeof node>>;

/** Checks that each `from` names an earlier entry or lane, and that no entry predates its parent. */
export function checkTree(nodes: BsdNode[], file: string): void {
  const seen = new Map<string, BsdNode>();
  const lanes = new Set<string>();
  for (const n of nodes) {
    if (seen.has(n.id)) throw new ContentError(file, undefined, `entry "${n.id}" is defined twice; ids must be unique`);
    for (const parent of n.from) {
      const p = seen.get(parent);
      if (!p && !lanes.has(parent))
        throw new ContentError(
          file,
          undefined,
          `entry "${n.id}": field "from" names "${parent}", which is neither an earlier entry's id nor an earlier lane`,
        );
      if (p && yearOf(p.date) > yearOf(n.date))
        throw new ContentError(
          file,
          undefined,
          `entry "${n.id}" (${n.date}) is dated before its parent "${parent}" (${p.date})`,
        );
    }
    seen.set(n.id, n);
    lanes.add(n.line);
  }
}

export const bsdTreeData = dataFile('bsd-family-tree', node, checkTree);

export default defineFigure({
  component: 'BsdTree',
  load: bsdTreeData.load,
  cites: (_view, dir) => bsdTreeData.load(dir).map((r) => r.cite),
});

export interface TreeEntry {
  id: string;
  label: string;
  short?: string | undefined;
  line: string;
  date: string;
  from: string[];
  final: boolean;
}

export interface TreeLayout {
  width: number;
  height: number;
  lanes: { name: string; y: number; x1: number; x2: number; ongoing: boolean }[];
  dots: { id: string; x: number; y: number; text: string; above: boolean }[];
  /** One path of all links. */
  links: string;
  ticks: { x: number; year: number }[];
  axisY: number;
  plotX: [number, number];
}

export interface TreeOptions {
  width?: number;
  gutter?: number;
  laneGap?: number;
  /**
   * The time axis as [year, share of the plot width] stops, e.g. [[1970, 0], [1990, 0.4], [2005, 1]]: a
   * piecewise-linear axis that gives the crowded 1990s more room. The caption must say where the scale changes.
   */
  stops: [number, number][];
  ticks: number[];
  /** A label closer than this (in units) to the previous one on its lane goes to the other side of the lane. */
  minGap?: number;
}

/** Maps a year to [0, 1] along piecewise-linear stops; outside the stops it clamps. */
export function piecewise(stops: readonly [number, number][]): (year: number) => number {
  return (year) => {
    const first = stops[0]!;
    const last = stops[stops.length - 1]!;
    if (year <= first[0]) return first[1];
    for (let i = 1; i < stops.length; i++) {
      const [y1, s1] = stops[i]!;
      const [y0, s0] = stops[i - 1]!;
      if (year <= y1) return s0 + ((year - y0) / (y1 - y0)) * (s1 - s0);
    }
    return last[1];
  };
}

export function layoutTree(entries: readonly TreeEntry[], opts: TreeOptions): TreeLayout {
  const { width = 640, gutter = 100, laneGap = 34, minGap = 0 } = opts;
  const plotX: [number, number] = [gutter, width - 16];
  const share = piecewise(opts.stops);
  const x = (date: string) => r1(plotX[0] + share(yearOf(date)) * (plotX[1] - plotX[0]));
  const names = [...new Set(entries.map((e) => e.line))];
  const laneY = new Map(names.map((n, i) => [n, 20 + i * laneGap]));
  const byId = new Map(entries.map((e) => [e.id, e]));
  const previous = new Map<string, { above: boolean; x: number }>();
  const dots = entries.map((e) => {
    // Links arrive from lanes above, so a label with a parent goes below its dot; the others alternate
    // with their lane's previous label so that neighbours never share a side. A label crowded against the
    // previous one takes the other side whatever its parents.
    const at = x(e.date);
    const prev = previous.get(e.line);
    const crowded = prev !== undefined && at - prev.x < minGap;
    const above = crowded ? !prev.above : e.from.length === 0 && !prev?.above;
    previous.set(e.line, { above, x: at });
    return { id: e.id, x: at, y: laneY.get(e.line)!, text: e.short ?? e.label, above };
  });
  const dotOf = new Map(dots.map((d) => [d.id, d]));
  const lanes = names.map((name) => {
    const own = dots.filter((d) => byId.get(d.id)!.line === name);
    const last = entries.filter((e) => e.line === name).at(-1)!;
    const ongoing = !last.final;
    return { name, y: laneY.get(name)!, x1: own[0]!.x, x2: ongoing ? plotX[1] : own.at(-1)!.x, ongoing };
  });
  const links = entries
    .flatMap((e) => {
      const d = dotOf.get(e.id)!;
      return e.from.map((p) => {
        const parent = dotOf.get(p);
        // Along the parent's lane to the child's date, then down to the child (as the tree file draws it);
        // a lane parent: straight down from that lane at the child's date.
        return parent ? `M${parent.x} ${parent.y}H${d.x}V${d.y}` : `M${d.x} ${laneY.get(p) ?? d.y}V${d.y}`;
      });
    })
    .join('');
  const axisY = 20 + (names.length - 1) * laneGap + 26;
  const ticks = opts.ticks.map((year) => ({ year, x: x(String(year)) }));
  return { width, height: axisY + 22, lanes, dots, links, ticks, axisY, plotX };
}
