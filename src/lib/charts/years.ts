/** Year as a fractional number, the x position on a time axis: "1993-07" → 1993.49; "1993" → 1993. */
export function yearOf(date: string): number {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  const start = Date.UTC(y, 0, 1);
  const end = Date.UTC(y + 1, 0, 1);
  return y + (Date.UTC(y, m - 1, d) - start) / (end - start);
}
