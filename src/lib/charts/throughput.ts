import { scaleLog } from 'd3-scale';
import { r1 } from './svg';

/**
 * Per-server throughput as horizontal bars on a log axis, one row per milestone in time order (rows read
 * top to bottom as years pass, and the technique sits above each bar where it never collides with a
 * neighbour, as point labels on a crowded log-time plot would).
 */

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
