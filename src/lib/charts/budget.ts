import { SUSTAINED_MEMORY_FRACTION, type SendMode, type ServingInputs, type ServingResult } from '../models/serving';
import { plural } from '../models/controls';
import { fmt, pct, r1 } from './svg';

/**
 * Geometry and words of the serving-budget figure, shared by the build (ServingBudget.astro) and the
 * browser (src/scripts/serving-budget.ts), so the page without JavaScript and the page after a change show
 * the same thing. No library imports: this ships to the browser. Every number the words give is one the
 * model computed, and each step from the input to it is shown: Gb/s ÷ 8 = GB/s, × crossings, the usable
 * share of nominal memory bandwidth.
 */

export const BUDGET = {
  width: 400,
  height: 150,
  x0: 92,
  /** Bars run to 150% of a resource; the 100% line marks what is available. */
  max: 1.5,
  barWidth: 294,
} as const;

export interface BudgetBar {
  w: number;
  over: boolean;
  label: string;
}

/** Bar for a utilisation (1 = all of the resource). Clipped at 150% so a huge target stays on the chart. */
export function budgetBar(utilisation: number): BudgetBar {
  const u = Number.isFinite(utilisation) && utilisation > 0 ? utilisation : 0;
  const w = r1((Math.min(u, BUDGET.max) / BUDGET.max) * BUDGET.barWidth);
  const label = u > BUDGET.max ? `${pct(u)} ▸` : pct(u);
  return { w, over: u > 1, label };
}

/** GB/s with the precision a reader needs: 11.25 stays 11.25, 45 stays 45. */
const gb = (n: number) => fmt(n, n < 100 ? 2 : 0);

export interface BudgetGeometry {
  mem: BudgetBar;
  cpu: BudgetBar;
  /** The memory step: "11.25 GB/s × 4 crossings = 45 GB/s". */
  memoryStep: string;
  /** The usable rule: "85% of 128 GB/s nominal = 108.8 GB/s usable". */
  usableStep: string;
}

export function budgetGeometry(input: ServingInputs, result: ServingResult): BudgetGeometry {
  return {
    mem: budgetBar(result.memoryUtilisation),
    cpu: budgetBar(result.cpuUtilisation),
    memoryStep: `${gb(input.targetGbps / 8)} GB/s × ${plural(result.memoryCrossings, 'crossings')} = ${gb(result.memoryGBps)} GB/s`,
    usableStep: `${pct(SUSTAINED_MEMORY_FRACTION)} of ${fmt(input.memBandwidthGBps)} GB/s = ${gb(result.memoryAvailableGBps)} GB/s usable`,
  };
}

/** x of the 100% line. */
export const FULL_X = r1(BUDGET.x0 + BUDGET.barWidth / BUDGET.max);

/**
 * What the form must show for an input: sendfile cannot be chosen with TLS in userspace (the plaintext must
 * be in a user buffer), so its radio button is disabled then and read/write is the one checked.
 */
export function sendChoice(input: ServingInputs): { sendMode: SendMode; sendfileAllowed: boolean } {
  const sendfileAllowed = input.tlsMode !== 'userspace';
  return { sendMode: sendfileAllowed ? input.sendMode : 'readwrite', sendfileAllowed };
}

/** What the model says of a server, to set beside its published result (data table and preset line). */
export function modelSummary(input: ServingInputs, r: ServingResult): string {
  const limit = r.limitAtMax === 'cpu' ? 'CPU' : 'memory';
  return `CPU ${pct(r.cpuUtilisation)} at ${fmt(input.targetGbps)} Gb/s; limit ${fmt(r.maxGbps)} Gb/s (${limit})`;
}

/** The sentence the <output> shows and a screen reader announces. */
export function describeServing(input: ServingInputs, r: ServingResult): string {
  const bytes = input.targetGbps / 8;
  const memory =
    `At ${fmt(input.targetGbps)} Gb/s ÷ 8 bits = ${gb(bytes)} GB/s, each byte crosses memory ` +
    `${plural(r.memoryCrossings, 'times')}: ${gb(r.memoryGBps)} GB/s of the ${gb(r.memoryAvailableGBps)} GB/s usable ` +
    `(${pct(SUSTAINED_MEMORY_FRACTION)} of ${fmt(input.memBandwidthGBps)} GB/s nominal), ${pct(r.memoryUtilisation)}. `;
  const cpu =
    `CPU: ${fmt(r.cyclesPerByte, 2)} cycles per byte × ${gb(bytes)} GB/s = ${fmt(r.cyclesPerByte * bytes, 1)} of ` +
    `${fmt(input.cores * input.clockGHz, 1)} billion cycles a second (${plural(input.cores, 'cores')} at ` +
    `${fmt(input.clockGHz, 1)} GHz), ${pct(r.cpuUtilisation)}. `;
  const limit = r.limitAtMax === 'cpu' ? 'CPU' : 'memory bandwidth';
  const tail = r.feasible
    ? `It fits; ${limit} would run out first, near ${fmt(r.maxGbps)} Gb/s.`
    : `Too much: ${limit} limits this server to about ${fmt(r.maxGbps)} Gb/s.`;
  const fallback =
    input.tlsMode === 'userspace'
      ? ' TLS in userspace needs the data in a user buffer: read() and write(), not sendfile().'
      : '';
  return memory + cpu + tail + fallback;
}
