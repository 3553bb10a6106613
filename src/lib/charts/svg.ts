/**
 * Small, dependency-free SVG helpers shared by the build-time figures and the two client scripts (which must
 * stay a few KB, so nothing here may import a library).
 */

/** Rounds a coordinate to one decimal: enough for screen and print, and it keeps the inline SVG short. */
export function r1(n: number): number {
  return Number.isFinite(n) ? Math.round(n * 10) / 10 : 0;
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Many rectangles as one path: one element in the DOM instead of hundreds of <rect>s. */
export function rectsPath(rects: readonly Rect[]): string {
  return rects
    .filter((r) => r.w > 0 && r.h > 0)
    .map((r) => `M${r1(r.x)} ${r1(r.y)}h${r1(r.w)}v${r1(r.h)}h${r1(-r.w)}z`)
    .join('');
}

/** A "nice" upper bound for a linear axis (1, 2, 2.5 or 5 × 10^n) that is at least `value` (and at least 1). */
export function niceMax(value: number): number {
  if (!Number.isFinite(value) || value <= 1) return 1;
  const exp = 10 ** Math.floor(Math.log10(value));
  const f = value / exp;
  const step = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
  return step * exp;
}

/** A linear map from [d0, d1] to [r0, r1]; a degenerate domain maps everything to r0. */
export function linear(d0: number, d1: number, r0: number, r1_: number): (v: number) => number {
  const span = d1 - d0;
  return (v) => (span === 0 || !Number.isFinite(v) ? r0 : r0 + ((v - d0) / span) * (r1_ - r0));
}

// One formatter per precision: building one per call (toLocaleString) is a hundred times slower.
const formats = new Map<number, Intl.NumberFormat>();

/** Formats a number for people: 1234.5 → "1,235", 0.42 → "0.42", 12.34 → "12". */
export function fmt(n: number, digits = 0): string {
  const v = Number.isFinite(n) ? n : 0;
  let f = formats.get(digits);
  if (!f) formats.set(digits, (f = new Intl.NumberFormat('en-US', { maximumFractionDigits: digits })));
  return f.format(v);
}

/** A fraction as a whole percentage: 0.543 → "54%". */
export function pct(fraction: number): string {
  return `${fmt((Number.isFinite(fraction) ? fraction : 0) * 100)}%`;
}
