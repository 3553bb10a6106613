import { z } from '../../schemas/zod';
import { r1 } from '../../lib/charts/svg';

/**
 * The vocabulary of the guide's redrawn diagrams (the talk's own pictures, slides 5, 6, 12, 13, 17 and 18):
 * a figure's layout function (pure geometry, in its module) returns a `Drawing`, a list of shapes in painting
 * order, and src/components/figures/Diagram.astro renders it as one <svg role="img">. Text is measured here,
 * before any browser sees it, so that a unit test can prove what a reader would otherwise have to check by
 * eye: every label placed, inside the view box, none on another, every arrow in its place.
 *
 * This folder is not a figure module (the registry reads only ./*.ts of src/figures/); the figures import it.
 */

/** A point in the drawing's units. */
export interface Pt {
  x: number;
  y: number;
}

/** An axis-aligned box: a shape's or a label's extent. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** One line of text; `y` is its baseline. Classes come from src/styles/figures.css (b: bold, m: muted, i: on a fill). */
export interface TextShape {
  kind: 'text';
  text: string;
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  bold?: boolean;
  cls?: string;
  /** The record the text is the label of, if any (tests find every record's label by it). */
  of?: string;
}
export interface RectShape extends Box {
  kind: 'rect';
  cls: string;
  rx?: number;
  /** The record the box stands for, if any. */
  of?: string;
}
export interface PathShape {
  kind: 'path';
  d: string;
  cls: string;
  /** The points the path runs through, in order (its arrowhead, if any, sits at the last). */
  points: Pt[];
  /** A path that is an arrow: its arrowhead's outline, drawn with the path's colour class. */
  head?: string;
  /** The record the path draws, and its place among the figure's arrows (from 1), if it is one. */
  of?: string;
  order?: number;
  dash?: string;
}
export interface CircleShape {
  kind: 'circle';
  cx: number;
  cy: number;
  r: number;
  cls: string;
}
export interface EllipseShape {
  kind: 'ellipse';
  cx: number;
  cy: number;
  rx: number;
  ry: number;
  cls: string;
  of?: string;
}
export type Shape = TextShape | RectShape | PathShape | CircleShape | EllipseShape;

export interface Drawing {
  width: number;
  height: number;
  shapes: Shape[];
}

/** Body text of the figures (src/styles/figures.css sets 12px on every figure's SVG). */
export const TEXT_SIZE = 12;
/** Baseline to baseline, for labels of more than one line. */
export const LINE_HEIGHT = 15;

/**
 * Advance widths in em of DejaVu Sans, the widest of the fonts `system-ui` resolves to on common systems
 * (Linux's default; macOS's and Windows' UI fonts are narrower): measuring with it errs on the side of room.
 */
const EM: Record<string, number> = {
  ' ': 0.318,
  '/': 0.337,
  '-': 0.361,
  '.': 0.318,
  ',': 0.318,
  ':': 0.337,
  '(': 0.39,
  ')': 0.39,
  '’': 0.318,
  "'": 0.275,
  '→': 0.838,
  '↓': 0.838,
  '–': 0.5,
  '·': 0.318,
  a: 0.613,
  b: 0.635,
  c: 0.55,
  d: 0.635,
  e: 0.615,
  f: 0.352,
  g: 0.635,
  h: 0.634,
  i: 0.278,
  j: 0.278,
  k: 0.579,
  l: 0.278,
  m: 0.974,
  n: 0.634,
  o: 0.612,
  p: 0.635,
  q: 0.635,
  r: 0.411,
  s: 0.521,
  t: 0.392,
  u: 0.634,
  v: 0.592,
  w: 0.818,
  x: 0.592,
  y: 0.592,
  z: 0.525,
  A: 0.684,
  B: 0.686,
  C: 0.698,
  D: 0.77,
  E: 0.632,
  F: 0.575,
  G: 0.775,
  H: 0.752,
  I: 0.295,
  J: 0.295,
  K: 0.656,
  L: 0.557,
  M: 0.863,
  N: 0.748,
  O: 0.787,
  P: 0.603,
  Q: 0.787,
  R: 0.695,
  S: 0.635,
  T: 0.611,
  U: 0.732,
  V: 0.684,
  W: 0.989,
  X: 0.685,
  Y: 0.611,
  Z: 0.685,
};
/** DejaVu Sans Bold runs about this much wider than Book. */
const BOLD = 1.12;

/** The width of a line of text, in units, as DejaVu Sans would set it (digits 0.636 em; others 0.7 em). */
export function textWidth(text: string, { size = TEXT_SIZE, bold = false } = {}): number {
  let em = 0;
  for (const ch of text) em += EM[ch] ?? (/\d/.test(ch) ? 0.636 : 0.7);
  return em * size * (bold ? BOLD : 1);
}

/** The box a line of text covers: from its ascenders (0.8 em over the baseline) to its descenders (0.25 em under). */
export function textBox(t: Pick<TextShape, 'text' | 'x' | 'y' | 'anchor' | 'bold'>, size = TEXT_SIZE): Box {
  const w = textWidth(t.text, { size, bold: t.bold ?? false });
  const x = t.anchor === 'middle' ? t.x - w / 2 : t.anchor === 'end' ? t.x - w : t.x;
  return { x, y: t.y - 0.8 * size, w, h: 1.05 * size };
}

/**
 * Breaks a label into lines no wider than `max`: at spaces, and after a slash ("Conflicts/Regressions"
 * becomes "Conflicts/" and "Regressions", as the talk's slides set it). A word wider than `max` keeps its line.
 */
export function wrap(text: string, max: number, { bold = false } = {}): string[] {
  // Words, each with what joins it to the next: a space, or nothing after a slash.
  const words = text.split(/(?<=\/)|\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const joined = line === '' ? word : line.endsWith('/') ? line + word : `${line} ${word}`;
    if (line !== '' && textWidth(joined, { bold }) > max) {
      lines.push(line);
      line = word;
    } else line = joined;
  }
  if (line) lines.push(line);
  return lines;
}

/** Lines of text centred on (x, y): `y` is the middle of the block, so one line and three sit alike. */
export function centredLines(
  lines: readonly string[],
  x: number,
  y: number,
  extra: Partial<Pick<TextShape, 'bold' | 'cls' | 'of' | 'anchor'>> = {},
): TextShape[] {
  const first = y - ((lines.length - 1) * LINE_HEIGHT) / 2 + 4;
  return lines.map((text, i) => ({
    kind: 'text',
    text,
    x: r1(x),
    y: r1(first + i * LINE_HEIGHT),
    anchor: 'middle',
    ...extra,
  }));
}

/** Do two boxes overlap (touching edges do not), each grown by `pad` on every side? */
export function overlaps(a: Box, b: Box, pad = 0): boolean {
  return (
    a.x - pad < b.x + b.w + pad &&
    b.x - pad < a.x + a.w + pad &&
    a.y - pad < b.y + b.h + pad &&
    b.y - pad < a.y + a.h + pad
  );
}

/** Is a box inside the drawing's view box? */
export function insideView(b: Box, d: Pick<Drawing, 'width' | 'height'>): boolean {
  return b.x >= 0 && b.y >= 0 && b.x + b.w <= d.width && b.y + b.h <= d.height;
}

/** Is a point inside a box (edges count as inside)? */
export function pointIn(p: Pt, b: Box): boolean {
  return p.x >= b.x && p.x <= b.x + b.w && p.y >= b.y && p.y <= b.y + b.h;
}

/** Does the segment from p to q pass through the inside of a box? (Sampled: the figures' boxes are larger than a step.) */
export function segmentHits(p: Pt, q: Pt, b: Box): boolean {
  const steps = Math.max(2, Math.ceil(Math.hypot(q.x - p.x, q.y - p.y)));
  for (let i = 0; i <= steps; i++) {
    const t = i / steps;
    const x = p.x + (q.x - p.x) * t;
    const y = p.y + (q.y - p.y) * t;
    if (x > b.x && x < b.x + b.w && y > b.y && y < b.y + b.h) return true;
  }
  return false;
}

/** A polyline through points, as path data. */
export function polyline(points: readonly Pt[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${r1(p.x)} ${r1(p.y)}`).join('');
}

/** An arrowhead, a filled triangle whose tip is at `tip`, pointing along the direction from `from` to `tip`. */
export function arrowHead(from: Pt, tip: Pt, size = 9): string {
  const a = Math.atan2(tip.y - from.y, tip.x - from.x);
  const half = size * 0.45;
  const bx = tip.x - size * Math.cos(a);
  const by = tip.y - size * Math.sin(a);
  const l = { x: bx + half * Math.sin(a), y: by - half * Math.cos(a) };
  const r = { x: bx - half * Math.sin(a), y: by + half * Math.cos(a) };
  return `M${r1(tip.x)} ${r1(tip.y)}L${r1(l.x)} ${r1(l.y)}L${r1(r.x)} ${r1(r.y)}z`;
}

/** An arrow along points: its path stops short of the tip, so a thick line does not blunt the head. */
export function arrow(
  points: readonly Pt[],
  cls: string,
  extra: Partial<Pick<PathShape, 'of' | 'order' | 'dash'>> & { size?: number } = {},
): PathShape {
  const { size = 9, ...rest } = extra;
  const tip = points.at(-1)!;
  const prev = points.at(-2)!;
  const len = Math.hypot(tip.x - prev.x, tip.y - prev.y) || 1;
  const back = Math.min((size * 2) / 3, len);
  const end = { x: tip.x - ((tip.x - prev.x) / len) * back, y: tip.y - ((tip.y - prev.y) / len) * back };
  return {
    kind: 'path',
    d: polyline([...points.slice(0, -1), end]),
    cls,
    points: [...points],
    head: arrowHead(prev, tip, size),
    ...rest,
  };
}

/** The text shapes of a drawing. */
export const texts = (d: Drawing): TextShape[] => d.shapes.filter((s): s is TextShape => s.kind === 'text');
/** The boxes of a drawing. */
export const rects = (d: Drawing): RectShape[] => d.shapes.filter((s): s is RectShape => s.kind === 'rect');
/** The arrows of a drawing, in their order. */
export const arrows = (d: Drawing): PathShape[] =>
  d.shapes
    .filter((s): s is PathShape => s.kind === 'path' && s.order !== undefined)
    .sort((a, b) => a.order! - b.order!);

/** A label drawn in a diagram: short enough to set at 12 px in a 288-unit drawing. */
export const labelField = z.string().trim().min(1).max(60);
