import { r1 } from '../../lib/charts/svg';
import {
  arrow,
  arrowHead,
  centredLines,
  LINE_HEIGHT,
  pointIn,
  wrap,
  type Box,
  type Drawing,
  type PathShape,
  type Pt,
  type Shape,
  type TextShape,
} from './drawing';
import type { LayoutName, Part } from './parts';

/**
 * The layouts of the guide's redrawn diagrams: pure geometry from a diagram's parts (./parts.ts) to drawings
 * (./drawing.ts) that src/components/figures/Diagram.astro renders, with the words a screen reader gets.
 * Every drawing is 288 units wide, the column of a 320 px phone, so its 12-unit text is never under 12 px;
 * on a wider screen it grows to at most 26rem (src/styles/figures.css).
 *
 *   grid   boxes in the cells of a grid, groups drawn around them, straight arrows and lines between them
 *   lanes  branches of code as lines, top to bottom, with repeated arrows from one to the next
 *   span   stages as bars on a time axis, grouped in phases
 *   ring   steps around a circle, joined clockwise by arrows; one drawing per ring
 */

export const WIDTH = 288;

/** One drawing, and what a screen reader is told of it. */
export interface LaidOut {
  drawing: Drawing;
  /** The drawing's title: the ring's for a ring, else undefined (the figure's). */
  title?: string;
  desc: string;
}

/** A row of the figure's data table: what the part is in the drawing, its words, its evidence. */
export interface PartRow {
  part: Part;
  role: string;
  words: string;
}

const bottom = (b: Box) => b.y + b.h;
const right = (b: Box) => b.x + b.w;
const centre = (b: Box): Pt => ({ x: b.x + b.w / 2, y: b.y + b.h / 2 });
const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s);
const sentence = (s: string) => (/[.!?]$/.test(s) ? s : `${s}.`);

/** Where a line from a box's centre towards `to` leaves the box (or the ellipse inside it, for a cloud). */
function exitPoint(b: Box, to: Pt, ellipse: boolean): Pt {
  const c = centre(b);
  const dx = to.x - c.x;
  const dy = to.y - c.y;
  if (dx === 0 && dy === 0) return c;
  let t: number;
  if (ellipse) t = 1 / Math.sqrt((dx / (b.w / 2)) ** 2 + (dy / (b.h / 2)) ** 2);
  else t = Math.min(dx === 0 ? Infinity : b.w / 2 / Math.abs(dx), dy === 0 ? Infinity : b.h / 2 / Math.abs(dy));
  return { x: c.x + dx * t, y: c.y + dy * t };
}

// ---------------------------------------------------------------------------------------------------- grid

const GRID = { margin: 16, gapX: 16, gapY: 44, groupPad: 12, groupHead: 24, stackStep: 5, badge: 10 };

/** A grid layout's boxes, by id: where each box, cloud and group is drawn. */
export function gridBoxes(parts: readonly Part[]): Map<string, Box> {
  const nodes = parts.filter((p) => p.kind === 'box' || p.kind === 'cloud');
  const groups = parts.filter((p) => p.kind === 'group');
  const hasGroups = groups.length > 0;
  const margin = hasGroups ? GRID.margin : 4;
  const cols = Math.max(...nodes.map((n) => n.col! + (n.cols ?? 1)));
  const rows = Math.max(...nodes.map((n) => n.row!)) + 1;
  const colW = (WIDTH - 2 * margin - (cols - 1) * GRID.gapX) / cols;
  const widthOf = (n: Part) => (n.cols ?? 1) * colW + ((n.cols ?? 1) - 1) * GRID.gapX;
  const heightOf = (n: Part) => {
    const lines = wrap(n.label, widthOf(n) - 16 - (n.stack ? (n.stack - 1) * GRID.stackStep : 0), {
      bold: true,
    }).length;
    return (
      Math.max(40, lines * LINE_HEIGHT + 22) +
      (n.kind === 'cloud' ? 12 : 0) +
      (n.stack ? (n.stack - 1) * GRID.stackStep : 0)
    );
  };
  const memberRows = (g: Part) => nodes.filter((n) => n.in === g.id).map((n) => n.row!);
  const y: number[] = [];
  const rowH: number[] = [];
  let cursor = 4;
  for (let r = 0; r < rows; r++) {
    const opens = groups.some((g) => Math.min(...memberRows(g)) === r);
    const closes = groups.some((g) => Math.max(...memberRows(g)) === r);
    y[r] = cursor + (opens ? GRID.groupHead + GRID.groupPad : 0);
    rowH[r] = Math.max(0, ...nodes.filter((n) => n.row === r).map(heightOf));
    cursor = y[r]! + rowH[r]! + (closes ? GRID.groupPad : 0) + (r < rows - 1 ? GRID.gapY : 4);
  }
  const out = new Map<string, Box>();
  for (const n of nodes) {
    const h = heightOf(n);
    out.set(n.id, {
      x: margin + n.col! * (colW + GRID.gapX),
      y: y[n.row!]! + (rowH[n.row!]! - h) / 2,
      w: widthOf(n),
      h,
    });
  }
  for (const g of groups) {
    const inside = nodes.filter((n) => n.in === g.id).map((n) => out.get(n.id)!);
    const x0 = Math.min(...inside.map((b) => b.x)) - GRID.groupPad;
    const y0 = Math.min(...inside.map((b) => b.y)) - GRID.groupPad - GRID.groupHead;
    out.set(g.id, {
      x: x0,
      y: y0,
      w: Math.max(...inside.map(right)) + GRID.groupPad - x0,
      h: Math.max(...inside.map(bottom)) + GRID.groupPad - y0,
    });
  }
  return out;
}

/** The front box of a pile (the box itself when it is no pile), where its label and its arrows go. */
function front(p: Part, b: Box): Box {
  const k = (p.stack ?? 1) - 1;
  return { x: b.x, y: b.y + k * GRID.stackStep, w: b.w - k * GRID.stackStep, h: b.h - k * GRID.stackStep };
}

/** The free stretches of a vertical line at x between y0 and y1, outside every box. */
function freeGaps(x: number, y0: number, y1: number, boxes: readonly Box[]): [number, number][] {
  const blocked = boxes
    .filter((b) => x > b.x && x < right(b))
    .map((b) => [Math.max(y0, b.y), Math.min(y1, bottom(b))] as [number, number])
    .filter(([a, z]) => z > a)
    .sort((a, b) => a[0] - b[0]);
  const gaps: [number, number][] = [];
  let at = y0;
  for (const [a, z] of blocked) {
    if (a > at) gaps.push([at, a]);
    at = Math.max(at, z);
  }
  if (y1 > at) gaps.push([at, y1]);
  return gaps;
}

function layoutGrid(parts: readonly Part[]): LaidOut[] {
  const boxes = gridBoxes(parts);
  const byId = new Map(parts.map((p) => [p.id, p]));
  const shapes: Shape[] = [];
  const edge = (p: Part) => p.kind === 'arrow' || p.kind === 'line';
  // Groups first, then the boxes on them, then the arrows over everything (a line may cross a box, as on the slide).
  for (const g of parts.filter((p) => p.kind === 'group')) {
    const b = boxes.get(g.id)!;
    shapes.push({ kind: 'rect', ...b, cls: 'bx', rx: 6, of: g.id });
    shapes.push({ kind: 'text', text: g.label, x: b.x + 10, y: b.y + 18, anchor: 'start', bold: true, of: g.id });
  }
  for (const n of parts.filter((p) => p.kind === 'box' || p.kind === 'cloud')) {
    const b = boxes.get(n.id)!;
    const f = front(n, b);
    const cls = n.alt ? 'bo2' : n.in ? 'bo' : 'bn';
    if (n.kind === 'cloud') {
      shapes.push({
        kind: 'ellipse',
        cx: r1(b.x + b.w / 2),
        cy: r1(b.y + b.h / 2),
        rx: r1(b.w / 2 + GRID.gapX / 2),
        ry: r1(b.h / 2),
        cls: 'bo',
        of: n.id,
      });
    } else {
      for (let i = (n.stack ?? 1) - 1; i >= 1; i--)
        shapes.push({
          kind: 'rect',
          x: r1(f.x + i * GRID.stackStep),
          y: r1(f.y - i * GRID.stackStep),
          w: r1(f.w),
          h: r1(f.h),
          cls: 'bp',
          rx: 3,
        });
      shapes.push({ kind: 'rect', x: r1(f.x), y: r1(f.y), w: r1(f.w), h: r1(f.h), cls, rx: 4, of: n.id });
    }
    shapes.push(
      ...centredLines(wrap(n.label, f.w - 16, { bold: true }), f.x + f.w / 2, f.y + f.h / 2, { bold: true, of: n.id }),
    );
  }
  const numbered = parts.filter((p) => edge(p) && p.numbered);
  const badges: { n: number; at: Pt; alt: boolean }[] = [];
  for (const e of parts.filter(edge)) {
    const from = front(byId.get(e.from!)!, boxes.get(e.from!)!);
    const to = front(byId.get(e.to!)!, boxes.get(e.to!)!);
    const x0 = Math.max(from.x, to.x);
    const x1 = Math.min(right(from), right(to));
    let points: Pt[];
    if (x1 - x0 >= 20) {
      // Vertical, where the two boxes share columns.
      const x = r1(x0 + (x1 - x0) * (e.lane ?? 0.5));
      points =
        from.y < to.y
          ? [
              { x, y: bottom(from) },
              { x, y: to.y },
            ]
          : [
              { x, y: from.y },
              { x, y: bottom(to) },
            ];
    } else {
      const cloud = (id: string) => byId.get(id)!.kind === 'cloud';
      const cf = centre(from);
      const ct = centre(to);
      const widen = (b: Box, id: string) => (cloud(id) ? { ...b, x: b.x - GRID.gapX / 2, w: b.w + GRID.gapX } : b);
      points = [exitPoint(widen(from, e.from!), ct, cloud(e.from!)), exitPoint(widen(to, e.to!), cf, cloud(e.to!))];
    }
    const order = numbered.indexOf(e) + 1 || undefined;
    const cls = e.alt ? 'a2' : e.kind === 'line' ? 'ak' : 'a1';
    if (e.kind === 'arrow')
      shapes.push(arrow(points, cls, { of: e.id, ...(order ? { order } : {}), ...(e.alt ? { dash: '6 3' } : {}) }));
    else
      shapes.push({
        kind: 'path',
        d: `M${r1(points[0]!.x)} ${r1(points[0]!.y)}L${r1(points[1]!.x)} ${r1(points[1]!.y)}`,
        cls,
        points,
        of: e.id,
        ...(order ? { order } : {}),
      });
    if (order) {
      const [p, q] = points as [Pt, Pt];
      let at: Pt = { x: (p.x + q.x) / 2, y: (p.y + q.y) / 2 };
      if (p.x === q.x) {
        // In the first free stretch from the top, clear of every box and group.
        const gap = freeGaps(p.x, Math.min(p.y, q.y), Math.max(p.y, q.y), [...boxes.values()]).find(
          ([a, z]) => z - a >= 2 * GRID.badge + 4,
        );
        if (gap) at = { x: p.x, y: (gap[0] + gap[1]) / 2 };
      }
      badges.push({ n: order, at, alt: e.alt ?? false });
    }
  }
  for (const b of badges) {
    shapes.push({ kind: 'circle', cx: r1(b.at.x), cy: r1(b.at.y), r: GRID.badge, cls: b.alt ? 'n2' : 'n1' });
    shapes.push({
      kind: 'text',
      text: String(b.n),
      x: r1(b.at.x),
      y: r1(b.at.y + 4),
      anchor: 'middle',
      bold: true,
      cls: 'i',
    });
  }
  let height = Math.max(...[...boxes.values()].map(bottom)) + 8;
  // The numbered arrows' words, as a legend under the drawing.
  for (const [i, e] of numbered.entries()) {
    const lines = wrap(e.label, WIDTH - 36);
    const y = height + 14;
    shapes.push({ kind: 'circle', cx: 14, cy: y - 4, r: GRID.badge, cls: e.alt ? 'n2' : 'n1' });
    shapes.push({ kind: 'text', text: String(i + 1), x: 14, y, anchor: 'middle', bold: true, cls: 'i' });
    lines.forEach((text, j) =>
      shapes.push({ kind: 'text', text, x: 32, y: y + j * LINE_HEIGHT, anchor: 'start', of: e.id }),
    );
    height = y + (lines.length - 1) * LINE_HEIGHT + 10;
  }
  return [{ drawing: { width: WIDTH, height: r1(height), shapes }, desc: describeGrid(parts) }];
}

function describeGrid(parts: readonly Part[]): string {
  const byId = new Map(parts.map((p) => [p.id, p]));
  const name = (id: string) => byId.get(id)!.label;
  const boxes = parts.filter((p) => p.kind === 'box' || p.kind === 'cloud');
  const out: string[] = [];
  for (const g of parts.filter((p) => p.kind === 'group'))
    out.push(
      `${g.label} holds ${boxes
        .filter((b) => b.in === g.id)
        .map((b) => b.label)
        .join(' and ')}.`,
    );
  const outside = boxes.filter((b) => !b.in);
  const counts = new Map<string, number>();
  for (const b of outside) counts.set(b.label, (counts.get(b.label) ?? 0) + 1);
  out.push(
    `${[...counts].map(([label, n]) => (n > 1 ? `${n} boxes of ${label}` : label)).join(', ')}${
      outside.some((b) => b.stack) ? ', each box of many drawn as a pile' : ''
    }${
      boxes.some((b) => b.kind === 'cloud')
        ? `; ${boxes
            .filter((b) => b.kind === 'cloud')
            .map((b) => b.label)
            .join(', ')} drawn as a cloud`
        : ''
    }.`,
  );
  const edges = parts.filter((p) => p.kind === 'arrow' || p.kind === 'line');
  const numbered = edges.filter((e) => e.numbered);
  if (numbered.length)
    out.push(
      `The arrows, in order: ${numbered.map((e, i) => `${i + 1}, ${name(e.from!)} to ${name(e.to!)}: ${lowerFirst(e.label)}`).join('; ')}.`,
    );
  // Arrows and lines without numbers, those with the same words together: "4 lines, each from … to …".
  const alike = new Map<string, Part[]>();
  for (const e of edges.filter((x) => !x.numbered))
    alike.set(`${e.kind}:${e.label}`, [...(alike.get(`${e.kind}:${e.label}`) ?? []), e]);
  for (const group of alike.values()) {
    const [e] = group as [Part];
    const words = e.detail ? `${e.label}: ${e.detail}` : e.label;
    out.push(group.length > 1 ? `${group.length} ${e.kind}s, each ${lowerFirst(sentence(words))}` : sentence(words));
  }
  return out.join(' ');
}

// --------------------------------------------------------------------------------------------------- lanes

const LANES = { top: 22, pitch: 64, left: 8, label: 104, dx: 20, branch: 20, right: WIDTH - 6 };

function layoutLanes(parts: readonly Part[]): LaidOut[] {
  const lanes = parts.filter((p) => p.kind === 'lane');
  const flows = parts.filter((p) => p.kind === 'flow');
  const laneY = new Map(lanes.map((l, i) => [l.id, LANES.top + i * LANES.pitch]));
  const branchLanes = new Set(flows.filter((f) => f.branches).map((f) => f.to!));
  const shapes: Shape[] = [];
  // Each lane's label at its left, in a column of its own, so that no arrow crosses it; the line to its right.
  const x0 = LANES.left + LANES.label + 4;
  for (const l of lanes) {
    const y = laneY.get(l.id)!;
    shapes.push(
      ...centredLines(wrap(l.label, LANES.label, { bold: true }), 0, y, { anchor: 'start', bold: true, of: l.id }).map(
        (t) => ({ ...t, x: LANES.left }),
      ),
    );
    if (!branchLanes.has(l.id))
      shapes.push({
        kind: 'path',
        d: `M${x0} ${y}H${LANES.right}`,
        cls: 'ln',
        points: [
          { x: x0, y },
          { x: LANES.right, y },
        ],
        of: l.id,
      });
  }
  // Flow k's arrows start half a step after flow k-1's, so that each leaves its lane after the one that fed it;
  // the step is the widest at which every flow's last arrow (and its branch) still ends inside the drawing.
  const first = x0 + 8;
  const step = Math.min(
    ...flows.map(
      (f, k) =>
        (LANES.right - first - (k + 1) * LANES.dx - (f.branches ? LANES.branch : 0)) / (f.repeat! - 1 + k / 2 || 1),
    ),
  );
  let order = 0;
  flows.forEach((f, k) => {
    const ya = laneY.get(f.from!)!;
    const yb = laneY.get(f.to!)!;
    for (let i = 0; i < f.repeat!; i++) {
      const x = r1(first + k * (LANES.dx + step / 2) + i * step);
      const tip = { x: x + LANES.dx, y: yb - (f.branches ? 0 : 2) };
      order += 1;
      shapes.push(arrow([{ x, y: ya + 2 }, tip], f.alt ? 'a2' : 'a1', { of: f.id, order, size: 8 }));
      if (f.branches)
        shapes.push({
          kind: 'path',
          d: `M${r1(tip.x)} ${yb}h${LANES.branch}`,
          cls: 'lb',
          points: [tip, { x: tip.x + LANES.branch, y: yb }],
          of: f.id,
        });
    }
  });
  const height = LANES.top + (lanes.length - 1) * LANES.pitch + 20;
  const name = (id: string) => parts.find((p) => p.id === id)!.label;
  const desc = [
    `${lanes.length} lines, top to bottom: ${lanes.map((l) => l.label).join(', ')}.`,
    ...flows.map(
      (f) =>
        `${f.repeat} arrows run down from ${name(f.from!)} to ${name(f.to!)}, spread along the line${
          f.branches ? ', each ending in a short line of its own' : ''
        }: ${lowerFirst(sentence(f.label))}`,
    ),
  ].join(' ');
  return [{ drawing: { width: WIDTH, height, shapes }, desc }];
}

// ---------------------------------------------------------------------------------------------------- span

const SPAN = { label: 112, x0: 124, x1: WIDTH - 10, axis: 16, bar: 14, rowGap: 8, phaseHead: 24 };

/** The axis' unit, as its last tick says it. */
const UNIT = 'weeks';

function layoutSpan(parts: readonly Part[]): LaidOut[] {
  const phases = parts.filter((p) => p.kind === 'phase');
  const stages = parts.filter((p) => p.kind === 'stage');
  const total = Math.max(...phases.map((p) => p.end!), ...stages.map((s) => s.end!));
  const sx = (v: number) => r1(SPAN.x0 + ((SPAN.x1 - SPAN.x0) * v) / total);
  const shapes: Shape[] = [];
  const ticks: Shape[] = [];
  const bounds = new Set([0, total, ...phases.flatMap((p) => [p.start!, p.end!])]);
  let y = SPAN.axis + 14;
  const body: Shape[] = [];
  /** Where the stage rows of each phase run: the week lines are drawn there only, clear of the headings. */
  const bands: [number, number][] = [];
  phases.forEach((ph, k) => {
    body.push({ kind: 'text', text: ph.label, x: 8, y: y + 14, anchor: 'start', bold: true, of: ph.id });
    // The phase's extent on the axis: a bracket under its heading.
    const by = y + 22;
    body.push({
      kind: 'path',
      d: `M${sx(ph.start!)} ${by - 4}V${by}H${sx(ph.end!)}V${by - 4}`,
      cls: 'k',
      points: [],
      of: ph.id,
    });
    y += SPAN.phaseHead + 8;
    const rowsTop = y - 4;
    for (const s of stages.filter((x) => x.in === ph.id)) {
      const lines = wrap(s.label, SPAN.label - 8);
      const h = Math.max(SPAN.bar + 6, lines.length * LINE_HEIGHT);
      body.push(...centredLines(lines, 8, y + h / 2, { anchor: 'start', of: s.id }));
      body.push({
        kind: 'rect',
        x: sx(s.start!),
        y: r1(y + (h - SPAN.bar) / 2),
        w: r1(sx(s.end!) - sx(s.start!)),
        h: SPAN.bar,
        cls: k % 2 ? 'sb2' : 'sb1',
        rx: 2,
        of: s.id,
      });
      y += h + SPAN.rowGap;
    }
    bands.push([rowsTop, y - SPAN.rowGap + 4]);
    y += 4;
  });
  const height = r1(y);
  for (let v = 0; v <= total; v++) {
    const x = sx(v);
    const cls = bounds.has(v) && v > 0 && v < total ? 'dv' : 'g';
    // A short tick under the axis' numbers, then the week's line through each phase's rows.
    for (const [a, z] of [[SPAN.axis + 4, SPAN.axis + 10] as [number, number], ...bands])
      ticks.push({
        kind: 'path',
        d: `M${x} ${r1(a)}V${r1(z)}`,
        cls,
        points: [
          { x, y: a },
          { x, y: z },
        ],
      });
  }
  for (const v of [...bounds].sort((a, b) => a - b))
    ticks.push({
      kind: 'text',
      text: v === total ? `${v} ${UNIT}` : String(v),
      x: sx(v),
      y: SPAN.axis,
      anchor: v === total ? 'end' : 'middle',
      cls: 'm',
    });
  shapes.push(...ticks, ...body);
  const weeks = (p: Part) => `weeks ${p.start} to ${p.end}`;
  const desc = [
    `A time axis of ${total} ${UNIT}.`,
    ...phases.map(
      (ph) =>
        `${ph.label}, ${weeks(ph)}: ${stages
          .filter((s) => s.in === ph.id)
          .map((s) => `${s.label} (${weeks(s)})`)
          .join(', ')}.`,
    ),
  ].join(' ');
  return [{ drawing: { width: WIDTH, height, shapes }, desc }];
}

// ---------------------------------------------------------------------------------------------------- ring

const RING = { cx: WIDTH / 2, r: 84, box: 122, pad: 5 };

function layoutRing(parts: readonly Part[]): LaidOut[] {
  return parts
    .filter((p) => p.kind === 'ring')
    .map((ring) => {
      const steps = parts.filter((p) => p.kind === 'step' && p.in === ring.id);
      const arrows = parts.filter((p) => p.kind === 'arrow' && steps.some((s) => s.id === p.from));
      const labels = steps.map((s) => wrap(s.label, RING.box - 12, { bold: true }));
      const tallest = Math.max(...labels.map((l) => l.length)) * LINE_HEIGHT + 14;
      const cy = 4 + tallest / 2 + RING.r;
      const angleOf = (i: number) => -Math.PI / 2 + (2 * Math.PI * i) / steps.length;
      const at = (a: number): Pt => ({ x: RING.cx + RING.r * Math.cos(a), y: cy + RING.r * Math.sin(a) });
      const boxes = steps.map((_s, i) => {
        const c = at(angleOf(i));
        const h = labels[i]!.length * LINE_HEIGHT + 14;
        return { x: c.x - RING.box / 2, y: c.y - h / 2, w: RING.box, h };
      });
      const grown = boxes.map((b) => ({
        x: b.x - RING.pad,
        y: b.y - RING.pad,
        w: b.w + 2 * RING.pad,
        h: b.h + 2 * RING.pad,
      }));
      const shapes: Shape[] = [];
      // The arcs first, under the boxes: each from where it leaves one box to where it meets the next, clockwise.
      let order = 0;
      for (const a of arrows) {
        const i = steps.findIndex((s) => s.id === a.from);
        const j = steps.findIndex((s) => s.id === a.to);
        let a0 = angleOf(i);
        let a1 = angleOf(j);
        if (a1 <= a0) a1 += 2 * Math.PI;
        const dt = 0.01;
        while (a0 < a1 && pointIn(at(a0), grown[i]!)) a0 += dt;
        while (a1 > a0 && pointIn(at(a1), grown[j]!)) a1 -= dt;
        const p = at(a0);
        const q = at(a1);
        const back = at(a1 - 0.08);
        const large = a1 - a0 > Math.PI ? 1 : 0;
        order += 1;
        const path: PathShape = {
          kind: 'path',
          d: `M${r1(p.x)} ${r1(p.y)}A${RING.r} ${RING.r} 0 ${large} 1 ${r1(at(a1 - 0.06).x)} ${r1(at(a1 - 0.06).y)}`,
          cls: ring.alt ? 'a2 ring' : 'a1 ring',
          points: [p, back, q],
          head: arrowHead(back, q, 14),
          of: a.id,
          order,
        };
        shapes.push(path);
      }
      steps.forEach((s, i) => {
        const b = boxes[i]!;
        shapes.push({ kind: 'rect', x: r1(b.x), y: r1(b.y), w: r1(b.w), h: r1(b.h), cls: 'bn', rx: 4, of: s.id });
        shapes.push(...centredLines(labels[i]!, b.x + b.w / 2, b.y + b.h / 2, { bold: true, of: s.id }));
      });
      const title: TextShape[] = centredLines(wrap(ring.label, RING.r * 1.3, { bold: true }), RING.cx, cy, {
        bold: true,
        of: ring.id,
      });
      shapes.push(...title.map((t) => ({ ...t, cls: 'm' })));
      const height = r1(Math.max(...boxes.map(bottom)) + 6);
      const name = (id: string) => steps.find((s) => s.id === id)!.label;
      const desc = `A ring of ${steps.length} labels joined by arrows that run clockwise: ${arrows
        .map((a) => `${name(a.from!)} leads to ${name(a.to!)}`)
        .join('; ')}.`;
      return { drawing: { width: WIDTH, height, shapes }, title: ring.label, desc };
    });
}

// ------------------------------------------------------------------------------------------------ together

const LAYOUTS: Record<LayoutName, (parts: readonly Part[]) => LaidOut[]> = {
  grid: layoutGrid,
  lanes: layoutLanes,
  span: layoutSpan,
  ring: layoutRing,
};

/** A diagram's drawings (one, or one per ring) and what a screen reader is told of each. */
export function layoutDiagram(layout: LayoutName, parts: readonly Part[]): LaidOut[] {
  return LAYOUTS[layout](parts);
}

/** The rows of a diagram's data table, in the order of its data: what each part is, and its words. */
export function partRows(parts: readonly Part[]): PartRow[] {
  const byId = new Map(parts.map((p) => [p.id, p]));
  const name = (id: string | undefined) => (id ? byId.get(id)!.label : '?');
  let arrows = 0;
  return parts.map((p) => {
    const words = p.detail ? `${p.label}: ${p.detail}` : p.label;
    switch (p.kind) {
      case 'box':
        return {
          part: p,
          role: p.stack ? 'Box, drawn as a pile' : p.in ? `Box in ${name(p.in)}` : 'Box',
          words: p.label,
        };
      case 'cloud':
        return { part: p, role: 'Cloud', words: p.label };
      case 'group':
        return { part: p, role: 'Box around others', words: p.label };
      case 'arrow':
      case 'line': {
        const what = p.kind === 'arrow' ? 'Arrow' : 'Line';
        const n = p.kind === 'arrow' && p.numbered ? ` ${++arrows}` : '';
        return { part: p, role: `${what}${n}: ${name(p.from)} ${p.kind === 'arrow' ? '→' : '–'} ${name(p.to)}`, words };
      }
      case 'lane':
        return { part: p, role: 'Line', words: p.label };
      case 'flow':
        return { part: p, role: `${p.repeat} arrows: ${name(p.from)} → ${name(p.to)}`, words };
      case 'phase':
        return { part: p, role: `Phase, ${UNIT} ${p.start}–${p.end}`, words: p.label };
      case 'stage':
        return { part: p, role: `Stage of ${name(p.in)}, ${UNIT} ${p.start}–${p.end}`, words };
      case 'ring':
        return { part: p, role: 'Ring', words: p.label };
      case 'step':
        return { part: p, role: `Label on the ring ${name(p.in)}`, words: p.label };
    }
  });
}
