import { r1 } from './svg';
import { yearOf } from './years';

/**
 * Layout of a family tree on a time axis (the BSD tree): one horizontal lane per lineage, a dot per entry,
 * a link to each parent. Pure geometry; the component only draws it.
 */

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
  const { width = 640, gutter = 100, laneGap = 34 } = opts;
  const plotX: [number, number] = [gutter, width - 16];
  const share = piecewise(opts.stops);
  const x = (date: string) => r1(plotX[0] + share(yearOf(date)) * (plotX[1] - plotX[0]));
  const names = [...new Set(entries.map((e) => e.line))];
  const laneY = new Map(names.map((n, i) => [n, 20 + i * laneGap]));
  const byId = new Map(entries.map((e) => [e.id, e]));
  const lastAbove = new Map<string, boolean>();
  const dots = entries.map((e) => {
    // Links arrive from lanes above, so a label with a parent goes below its dot; the others alternate
    // with their lane's previous label so that neighbours never share a side.
    const above = e.from.length === 0 && !lastAbove.get(e.line);
    lastAbove.set(e.line, above);
    return { id: e.id, x: x(e.date), y: laneY.get(e.line)!, text: e.short ?? e.label, above };
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
