import { z } from '../schemas/zod';
import { linear, r1 } from '../lib/charts/svg';
import { ContentError } from '../lib/errors';
import { dataFile, defineFigure } from './define';

/**
 * Step by step to a single server's limit (RoadSteps.astro): content/figures/road-steps.yaml, one record per
 * measured step of a series and one for the series' port capacity, drawn as horizontal bars on a linear axis
 * with the ports' line rate marked. Two views: view="prototype-2022" (the default), the 800 Gb/s
 * prototype's four results and what limited each; view="nic-2021", NIC kTLS on the 2021 server, firmware
 * release by firmware release, beside software kTLS.
 */

export const ROAD_VIEWS = ['prototype-2022', 'nic-2021'] as const;
export type RoadView = (typeof ROAD_VIEWS)[number];

const series = z.enum(ROAD_VIEWS);

export const roadStepsData = dataFile(
  'road-steps',
  ({ cite }) =>
    z
      .strictObject({
        series,
        /** A step: what changed, short enough for one line of a phone-wide chart. */
        label: z.string().min(1).max(36).optional(),
        /** Instead of a label, the series' port capacity (e.g. "8 × 100 GbE"), drawn as a vertical line. */
        ports: z.string().min(1).max(30).optional(),
        gbps: z.number().positive().max(2000),
        /** What limited the step's result, as the source says it (left out where it says nothing). */
        limit: z.string().min(1).max(38).optional(),
        /** A step measured with software rather than NIC encryption, drawn hatched. */
        software: z.boolean().default(false),
        cite,
      })
      .refine((r) => (r.label === undefined) !== (r.ports === undefined), {
        message: 'give a step a label, or the series its ports (the port capacity), not both and not neither',
      }),
  (records, file) => {
    for (const view of ROAD_VIEWS) {
      const mine = records.filter((r) => r.series === view);
      if (!mine.some((r) => r.label !== undefined))
        throw new ContentError(file, undefined, `series "${view}" has no step; add one with label, gbps and cite`);
      if (mine.filter((r) => r.ports !== undefined).length !== 1)
        throw new ContentError(file, undefined, `series "${view}" needs exactly one record with ports, gbps and cite`);
    }
  },
);

export type RoadRecord = ReturnType<typeof roadStepsData.load>[number];
export type RoadStep = RoadRecord & { label: string };
export type RoadPorts = RoadRecord & { ports: string };

/** The records of one view: its steps in the data file's order, and its port capacity. */
export function roadSeries(records: readonly RoadRecord[], view: RoadView): { steps: RoadStep[]; ports: RoadPorts } {
  const mine = records.filter((r) => r.series === view);
  return {
    steps: mine.filter((r): r is RoadStep => r.label !== undefined),
    ports: mine.find((r): r is RoadPorts => r.ports !== undefined)!,
  };
}

export default defineFigure({
  component: 'RoadSteps',
  views: ROAD_VIEWS,
  cites: (view, dir) =>
    roadStepsData
      .load(dir)
      .filter((r) => r.series === (view ?? ROAD_VIEWS[0]))
      .map((r) => r.cite),
});

export interface StepIn {
  label: string;
  gbps: number;
  limit?: string | undefined;
  software: boolean;
}

export interface StepsLayout {
  width: number;
  height: number;
  x0: number;
  rows: {
    y: number;
    barY: number;
    w: number;
    value: string;
    label: string;
    limit?: string;
    limitY: number;
    software: boolean;
  }[];
  /** Axis ticks; the last, at the right edge, is right-aligned and carries the unit. */
  ticks: { x: number; label: string; end: boolean }[];
  /** The port capacity: its vertical line, and a legend line under the axis. */
  ceiling: { x: number; label: string; legendY: number };
  axisY: number;
}

/**
 * One row per step, top to bottom in order: the step's result and what changed on one line, its bar, and
 * what limited it on the line below, so no label ever collides with a bar or a neighbour. The axis runs from
 * 0 to a round number at or above the port capacity, which is drawn as a vertical line: how far each bar
 * stops short of it is the point of the figure.
 */
export function layoutSteps(
  steps: readonly StepIn[],
  ceilingGbps: number,
  ceilingLabel: string,
  { width = 340, tickStep = 200 } = {},
): StepsLayout {
  const x0 = 4;
  const right = width - 4;
  const max = Math.ceil(ceilingGbps / tickStep) * tickStep;
  const x = linear(0, max, x0, right);
  const rowGap = 56;
  const rows = steps.map((s, i) => {
    const y = 16 + i * rowGap;
    return {
      y,
      barY: y + 6,
      w: r1(x(s.gbps) - x0),
      value: `${s.gbps} Gb/s`,
      label: s.label,
      ...(s.limit ? { limit: s.limit } : {}),
      limitY: y + 34,
      software: s.software,
    };
  });
  const axisY = 16 + steps.length * rowGap - 8;
  const ticks: StepsLayout['ticks'] = [];
  for (let v = 0; v <= max; v += tickStep)
    ticks.push({ x: r1(x(v)), label: v === max ? `${v} Gb/s` : `${v}`, end: v === max });
  return {
    width,
    height: axisY + 40,
    x0,
    rows,
    ticks,
    ceiling: { x: r1(x(ceilingGbps)), label: ceilingLabel, legendY: axisY + 32 },
    axisY,
  };
}
