/**
 * Shared, dependency-free helpers for the interactive models in this folder:
 * the shape of the form-control descriptions (RANGES) and the coercion helpers
 * that `sanitize()` uses so that no input, however malformed, produces NaN.
 */

/** A numeric input rendered as a slider / number field. */
export interface NumberRange {
  readonly kind: 'number';
  readonly label: string;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly unit: string;
}

/** An enumerated input rendered as radio buttons / a select. */
export interface EnumRange<T extends string> {
  readonly kind: 'enum';
  readonly label: string;
  readonly options: readonly { readonly value: T; readonly label: string }[];
}

/** A yes/no input rendered as a checkbox. */
export interface BooleanRange {
  readonly kind: 'boolean';
  readonly label: string;
}

/** Raw values as they come from a form, a URL query or a test: anything goes. */
export type RawInputs = object | null | undefined;

/** Parse a number from a number or a numeric string; anything else is NaN. */
export function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '') return Number(value.trim());
  return Number.NaN;
}

/** Coerce to a finite number inside [range.min, range.max]; non-numbers fall back to `fallback`. */
export function clampToRange(value: unknown, range: NumberRange, fallback: number): number {
  const n = toNumber(value);
  if (Number.isNaN(n)) return fallback;
  // +Infinity clamps to max, -Infinity (and negatives) to min.
  return Math.min(range.max, Math.max(range.min, n));
}

/** Pick a valid enum option, or the fallback. */
export function pickOption<T extends string>(value: unknown, range: EnumRange<T>, fallback: T): T {
  const hit = range.options.find((o) => o.value === value);
  return hit ? hit.value : fallback;
}

/** Coerce booleans from form-ish values: true/false, "true"/"on"/"yes"/"1", 0/1. */
export function toBoolean(value: unknown, fallback: boolean): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value !== 0 : fallback;
  if (typeof value === 'string') {
    const v = value.trim().toLowerCase();
    if (['true', 'on', 'yes', '1'].includes(v)) return true;
    if (['false', 'off', 'no', '0'].includes(v)) return false;
  }
  return fallback;
}

/** Read a field from a raw record without trusting its type. */
export function field(raw: RawInputs, key: string): unknown {
  if (raw === null || raw === undefined || typeof raw !== 'object') return undefined;
  return Object.prototype.hasOwnProperty.call(raw, key) ? (raw as Record<string, unknown>)[key] : undefined;
}

/** Guard used on outputs: any non-finite number becomes 0. */
export function finite(n: number): number {
  return Number.isFinite(n) ? n : 0;
}

/** Any one input's description: what the form of an explorable is built from. */
export type Range = NumberRange | EnumRange<string> | BooleanRange;

const ONE_DECIMAL = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** Units written in the plural, and their singular for a value of exactly 1: "1 core", "1 week". */
const SINGULAR: Readonly<Record<string, string>> = {
  cores: 'core',
  weeks: 'week',
  'effort units': 'effort unit',
  times: 'time',
  crossings: 'crossing',
};

/** A count with its unit, singular for exactly 1: plural(1, 'cores') → "1 core", plural(16, 'cores') → "16 cores". */
export function plural(value: number, unit: string): string {
  const v = Number.isFinite(value) ? value : 0;
  const shown = ONE_DECIMAL.format(v);
  return `${shown} ${shown === '1' ? (SINGULAR[unit] ?? unit) : unit}`.trim();
}

/**
 * A slider's value as a reader sees it, with its unit: "2.6 GHz", "1 core". The build renders it beside the
 * label and the figure's script updates it (and the slider's aria-valuetext), so both format it here.
 */
export function valueText(value: number, unit: string): string {
  return plural(value, unit);
}
