import { z } from '../schemas/zod';
import { r1 } from '../lib/charts/svg';
import { yearOf } from '../lib/charts/years';
import { dataFile, dateField, defineFigure, idField } from './define';

/**
 * Release cycles, two views (ReleaseCycles.astro). view="freebsd" (the default): FreeBSD's main branch,
 * stable/N branches (content/figures/freebsd-branches.yaml) and releases (freebsd-releases.yaml) on a time
 * axis. view="netflix": Netflix's overlapping phases (netflix-cycle.yaml), with a merge from head at the
 * start of every cycle.
 */

export const releasesData = dataFile('freebsd-releases', ({ cite }) =>
  z.strictObject({
    version: z.string().regex(/^\d+\.\d+$/, 'write the version as N.M, e.g. "13.0"'),
    date: dateField,
    planned: z.boolean().default(false),
    cite,
  }),
);

export const branchesData = dataFile('freebsd-branches', ({ cite }) =>
  z.strictObject({
    name: z.string().regex(/^stable\/\d+$/, 'write the branch as stable/N, e.g. "stable/13"'),
    start: dateField,
    end: dateField,
    cite,
  }),
);

export const cycleData = dataFile('netflix-cycle', ({ cite }) =>
  z.strictObject({
    id: idField,
    label: z.string().min(1).max(40),
    weeks: z.number().int().positive().max(26),
    cite,
  }),
);

export type Release = ReturnType<typeof releasesData.load>[number];
export type Branch = ReturnType<typeof branchesData.load>[number];
export type CyclePhase = ReturnType<typeof cycleData.load>[number];

export const RELEASE_VIEWS = ['freebsd', 'netflix'] as const;
export type ReleaseView = (typeof RELEASE_VIEWS)[number];

export default defineFigure({
  component: 'ReleaseCycles',
  views: RELEASE_VIEWS,
  cites: (view, dir) =>
    (view === 'netflix' ? cycleData.load(dir) : [...branchesData.load(dir), ...releasesData.load(dir)]).map(
      (r) => r.cite,
    ),
});

export interface BranchIn {
  name: string;
  start: string;
  end: string;
}
export interface ReleaseIn {
  version: string;
  date: string;
  planned: boolean;
}

export interface BranchLayout {
  width: number;
  height: number;
  main: { y: number; x1: number; x2: number };
  lanes: { name: string; y: number; x1: number; x2: number }[];
  /** A release; its label sits above the dot unless it would crowd the previous one on its lane. */
  dots: { x: number; y: number; text: string; planned: boolean; above: boolean }[];
  ticks: { x: number; year: number }[];
  marker: { x: number; label: string } | undefined;
  axisY: number;
}

export function layoutBranches(
  branches: readonly BranchIn[],
  releases: readonly ReleaseIn[],
  {
    width = 640,
    years = [2016, 2030] as [number, number],
    marker,
    tickStep = 2,
    minGap = 0,
  }: {
    width?: number;
    years?: [number, number];
    marker?: { date: string; label: string };
    /** Years between ticks. */
    tickStep?: number;
    /** A release label closer than this (in units) to the previous one on its lane goes below its dot. */
    minGap?: number;
  } = {},
): BranchLayout {
  const gutter = 84;
  const gap = 30;
  const [y0, y1] = years;
  const x = (date: string) =>
    r1(gutter + ((Math.min(Math.max(yearOf(date), y0), y1) - y0) / (y1 - y0)) * (width - 16 - gutter));
  const mainY = 20;
  const lanes = branches.map((b, i) => ({ name: b.name, y: mainY + (i + 1) * gap, x1: x(b.start), x2: x(b.end) }));
  const laneOf = new Map(branches.map((b, i) => [b.name.replace('stable/', ''), lanes[i]!]));
  const lastX = new Map<number, { x: number; above: boolean }>();
  // Labels placed so far, by baseline: a label above its dot must not sit on one below the lane above.
  const placed: { x: number; y: number }[] = [];
  const clashes = (at: number, y: number) => placed.some((p) => Math.abs(p.x - at) < minGap && Math.abs(p.y - y) < 14);
  const dots = releases.map((r) => {
    const lane = laneOf.get(r.version.split('.')[0]!);
    const y = lane && !r.planned ? lane.y : mainY;
    const at = x(r.date);
    const prev = lastX.get(y);
    const above = !(prev && prev.above && at - prev.x < minGap) && !clashes(at, y - 9);
    lastX.set(y, { x: at, above });
    placed.push({ x: at, y: above ? y - 9 : y + 18 });
    return { x: at, y, text: r.planned ? `${r.version} (planned)` : r.version, planned: r.planned, above };
  });
  const axisY = mainY + branches.length * gap + 26;
  const ticks: { x: number; year: number }[] = [];
  for (let year = Math.ceil(y0 / tickStep) * tickStep; year <= y1; year += tickStep)
    ticks.push({ year, x: x(String(year)) });
  return {
    width,
    height: axisY + 22,
    main: { y: mainY, x1: gutter, x2: width - 16 },
    lanes,
    dots,
    ticks,
    marker: marker && { x: x(marker.date), label: marker.label },
    axisY,
  };
}

export interface PhaseIn {
  id: string;
  label: string;
  weeks: number;
}

export interface CycleLayout {
  width: number;
  height: number;
  rows: { label: string; y: number; merge: number; bars: { id: string; x: number; w: number; text: string }[] }[];
  ticks: { x: number; week: number }[];
  axisY: number;
}

/**
 * Netflix's cadence: cycle k starts (with a merge from head) when cycle k−1 finishes its first phase, so the
 * phases overlap and a new head merge happens every cycle.
 */
export function layoutCycles(phases: readonly PhaseIn[], { width = 640, cycles = 4 } = {}): CycleLayout {
  const gutter = 84;
  const gap = 30;
  const stride = phases[0]?.weeks ?? 1;
  const length = phases.reduce((s, p) => s + p.weeks, 0);
  const total = stride * (cycles - 1) + length;
  const perWeek = (width - 16 - gutter) / total;
  const rows = Array.from({ length: cycles }, (_, k) => {
    let week = k * stride;
    const bars = phases.map((p) => {
      const bar = { id: p.id, x: r1(gutter + week * perWeek), w: r1(p.weeks * perWeek), text: p.label };
      week += p.weeks;
      return bar;
    });
    return { label: `Release ${k + 1}`, y: 16 + k * gap, merge: r1(gutter + k * stride * perWeek), bars };
  });
  const axisY = 16 + cycles * gap + 4;
  const ticks: { x: number; week: number }[] = [];
  for (let week = 0; week <= total; week += stride) ticks.push({ week, x: r1(gutter + week * perWeek) });
  return { width, height: axisY + 22, rows, ticks, axisY };
}
