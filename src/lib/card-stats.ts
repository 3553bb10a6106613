/**
 * What this build did with social cards (src/lib/card-cache.ts), for its timing log (src/integrations/timing.ts).
 * Kept on globalThis: the card route runs in Vite's bundle, the integration in the config's own modules, and
 * this module stays free of the renderer so that the config loads no font or image code.
 */
export interface CardStats {
  reused: number;
  drawn: number;
  workers: number;
  /** performance.now() when drawing started and when the last card was done. */
  started?: number;
  finished?: number;
}

const KEY = Symbol.for('open-connect-guide.card-stats');

export const cardStats = (): CardStats =>
  ((globalThis as Record<symbol, unknown>)[KEY] ??= { reused: 0, drawn: 0, workers: 0 }) as CardStats;
