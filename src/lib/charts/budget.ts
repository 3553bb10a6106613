import type { ServingInputs, ServingResult } from '../models/serving';
import { fmt, pct, r1 } from './svg';

/**
 * Geometry and words of the serving-budget figure, shared by the build (ServingBudget.astro) and the
 * browser (src/scripts/serving-budget.ts), so the page without JavaScript and the page after a change show
 * the same thing. No library imports: this ships to the browser.
 */

export const BUDGET = {
  width: 400,
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

export function budgetGeometry(result: ServingResult): { mem: BudgetBar; cpu: BudgetBar; crossings: number } {
  return {
    mem: budgetBar(result.memoryUtilisation),
    cpu: budgetBar(result.cpuUtilisation),
    crossings: result.memoryCrossings,
  };
}

/** x of the 100% line. */
export const FULL_X = r1(BUDGET.x0 + BUDGET.barWidth / BUDGET.max);

/** The sentence the <output> shows and a screen reader announces. */
export function describeServing(input: ServingInputs, r: ServingResult): string {
  const head =
    `At ${fmt(input.targetGbps)} Gb/s each byte crosses memory ${r.memoryCrossings} times: ` +
    `${fmt(r.memoryGBps)} of ${fmt(r.memoryAvailableGBps)} GB/s usable (${pct(r.memoryUtilisation)}). ` +
    `CPU: ${pct(r.cpuUtilisation)} of ${fmt(input.cores)} cores at ${fmt(input.clockGHz, 1)} GHz. `;
  const limit = r.limitAtMax === 'cpu' ? 'CPU' : 'memory bandwidth';
  const tail = r.feasible
    ? `It fits; ${limit} would run out first, near ${fmt(r.maxGbps)} Gb/s.`
    : `Too much: ${limit} limits this server to about ${fmt(r.maxGbps)} Gb/s.`;
  return (
    head +
    tail +
    (r.notes.length && r.effectiveSendMode !== input.sendMode ? ' sendfile is not possible with TLS in userspace.' : '')
  );
}
