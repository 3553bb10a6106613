import { scaleLog } from 'd3-scale';
import { z } from '../schemas/zod';
import { r1 } from '../lib/charts/svg';
import { dataFile, dateField, defineFigure } from './define';

/**
 * Throughput of one server over the years (ThroughputChart.astro): content/figures/throughput.yaml, one
 * record per milestone, drawn as horizontal bars on a log axis.
 */

export const throughputData = dataFile('throughput', ({ cite }) =>
  z.strictObject({
    date: dateField,
    gbps: z.number().positive().max(10_000),
    tls: z.boolean(),
    /** Short label on the chart: the technique that got it there. */
    technique: z.string().min(1).max(40),
    /** What the table adds to the bar: the hardware, the conditions. */
    detail: z.string().optional(),
    cite,
  }),
);

export type Throughput = ReturnType<typeof throughputData.load>[number];

export default defineFigure({
  component: 'ThroughputChart',
  load: throughputData.load,
  cites: (_view, dir) => throughputData.load(dir).map((r) => r.cite),
});

export interface ThroughputRow {
  date: string;
  gbps: number;
  tls: boolean;
  technique: string;
}

export interface ThroughputLayout {
  width: number;
  height: number;
  rows: { year: string; y: number; barY: number; w: number; value: string; text: string; tls: boolean }[];
  ticks: { x: number; label: string }[];
  x0: number;
  axisY: number;
}

/**
 * One row per milestone in time order (rows read top to bottom as years pass), the technique above each bar
 * where it never collides with a neighbour, as point labels on a crowded log-time plot would.
 */
export function layoutThroughput(
  rows: readonly ThroughputRow[],
  { width = 640, rowGap = 38, domain = [5, 1000] as [number, number] } = {},
): ThroughputLayout {
  const x0 = 4;
  const scale = scaleLog()
    .domain(domain)
    .range([x0, width - 28])
    .clamp(true);
  const out = rows.map((row, i) => {
    const y = 18 + i * rowGap;
    return {
      year: row.date.slice(0, 4),
      y,
      barY: y + 6,
      w: r1(scale(row.gbps) - x0),
      value: `${row.gbps} Gb/s`,
      text: row.technique,
      tls: row.tls,
    };
  });
  const axisY = 18 + rows.length * rowGap;
  const ticks = scale
    .ticks(3)
    .filter((t) => Math.log10(t) % 1 === 0)
    .map((t) => ({ x: r1(scale(t)), label: t >= 1000 ? `${t / 1000} Tb/s` : `${t} Gb/s` }));
  return { width, height: axisY + 22, rows: out, ticks, x0, axisY };
}
