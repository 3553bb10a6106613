import { z } from '../../schemas/zod';
import { ContentError } from '../../lib/errors';
import { idField, type Cite, type RecordContext } from '../define';
import { labelField } from './drawing';

/**
 * The records of a redrawn diagram (content/figures/talk-*.yaml): one list of parts, each with its words and
 * its evidence, and where the drawing puts it. The same schema serves every layout (./layouts.ts); which
 * fields a part needs depends on its `kind` and on the layout, and `checkParts` says what is missing.
 *
 *   - id: cpu            # a box, at column 0 of row 1, two columns wide
 *     kind: box
 *     label: CPU
 *     col: 0
 *     row: 1
 *     cols: 2
 *     cite: '@looney-fosdem-2019-slides, slide 6: "CPU"'
 *   - id: to-cpu         # an arrow between two parts, numbered in the order of the list
 *     kind: arrow
 *     from: plain
 *     to: cpu
 *     label: Read by the CPU, which encrypts it
 *     cite: 'our reading of @looney-fosdem-2019-slides, slide 6'
 */

export const PART_KINDS = [
  /** A box; `stack` draws it as the front of a pile, as the slides draw many disks or many devices. */
  'box',
  /** A cloud (an ellipse): a network seen from outside. */
  'cloud',
  /** A box drawn around the parts that name it in `in`, with its label at its top left. */
  'group',
  /** An arrow from `from` to `to` (grid and ring layouts). */
  'arrow',
  /** A line without a head: the slide joins two parts and says nothing of direction. */
  'line',
  /** A horizontal line across the drawing with its label above it: a branch of code (lanes layout). */
  'lane',
  /** `repeat` arrows from lane `from` down to lane `to`, spread along them (lanes layout). */
  'flow',
  /** A stretch of the time axis, from `start` to `end`, under which its stages are drawn (span layout). */
  'phase',
  /** A stage of a phase (`in`), a bar from `start` to `end` (span layout). */
  'stage',
  /** A ring of steps, with its title (ring layout); its steps and arrows name it in `in`. */
  'ring',
  /** A label on a ring (ring layout), clockwise in the order of the list. */
  'step',
] as const;
export type PartKind = (typeof PART_KINDS)[number];

export const partSchema = ({ cite }: RecordContext) =>
  z.strictObject({
    id: idField,
    kind: z.enum(PART_KINDS),
    /** The words the drawing shows: the slide's own where it has them. */
    label: labelField,
    /** What the part stands for, in our words, for the data table and the description (optional). */
    detail: z.string().trim().min(1).max(200).optional(),
    /** Grid layout: the cell of the part's top left, and how many columns and rows it covers. */
    col: z.number().int().min(0).max(5).optional(),
    row: z.number().int().min(0).max(9).optional(),
    cols: z.number().int().min(1).max(6).optional(),
    /** A box drawn as a pile of this many (2 to 4). */
    stack: z.number().int().min(2).max(4).optional(),
    /** The group, phase or ring the part belongs to. */
    in: idField.optional(),
    /** The ends of an arrow, a line or a flow. */
    from: idField.optional(),
    to: idField.optional(),
    /** Where a vertical arrow runs across the columns its two ends share, from 0 (left) to 1 (right). */
    lane: z.number().min(0).max(1).optional(),
    /** Draws the part in the second colour, dashed (e.g. encrypted data). */
    alt: z.boolean().optional(),
    /** Arrows of a grid layout: number them, in the order of the list. */
    numbered: z.boolean().optional(),
    /** A flow: how many arrows; and whether each ends in a short branch of its own (a release branch). */
    repeat: z.number().int().min(1).max(8).optional(),
    branches: z.boolean().optional(),
    /** Phases and stages: where on the time axis they start and end, in the axis' unit (weeks). */
    start: z.number().min(0).optional(),
    end: z.number().positive().optional(),
    cite,
  });

export type Part = z.infer<ReturnType<typeof partSchema>>;

/** The fields each kind needs, whatever the layout. */
const NEEDS: Partial<Record<PartKind, (keyof Part)[]>> = {
  arrow: ['from', 'to'],
  line: ['from', 'to'],
  flow: ['from', 'to', 'repeat'],
  phase: ['start', 'end'],
  stage: ['in', 'start', 'end'],
  step: ['in'],
};

/** The kinds each layout draws. */
export const LAYOUT_KINDS = {
  grid: ['box', 'cloud', 'group', 'arrow', 'line'],
  lanes: ['lane', 'flow'],
  span: ['phase', 'stage'],
  ring: ['ring', 'step', 'arrow'],
} as const satisfies Record<string, readonly PartKind[]>;
export type LayoutName = keyof typeof LAYOUT_KINDS;

/**
 * The rules between parts, for a layout: ids unique, each kind with the fields it needs, every reference to
 * a part that exists and is of the right kind. A problem names the file and the part.
 */
export function checkParts(layout: LayoutName, parts: readonly Part[], file: string): void {
  const fail = (p: Part, message: string) => {
    throw new ContentError(file, undefined, `entry "${p.id}": ${message}`);
  };
  const byId = new Map<string, Part>();
  for (const p of parts) {
    if (byId.has(p.id)) fail(p, 'is defined twice; ids must be unique');
    byId.set(p.id, p);
  }
  const kinds: readonly PartKind[] = LAYOUT_KINDS[layout];
  const ref = (p: Part, field: 'in' | 'from' | 'to', allowed: readonly PartKind[]) => {
    const id = p[field];
    if (id === undefined) return;
    const other = byId.get(id);
    if (!other) fail(p, `field "${field}" names "${id}", which is no part of this diagram`);
    if (!allowed.includes(other!.kind))
      fail(p, `field "${field}" names "${id}", a ${other!.kind}; it must name a ${allowed.join(' or ')}`);
  };
  for (const p of parts) {
    if (!kinds.includes(p.kind))
      fail(p, `kind "${p.kind}" is not drawn by this diagram's layout (${layout}); it draws ${kinds.join(', ')}`);
    for (const field of NEEDS[p.kind] ?? [])
      if (p[field] === undefined) fail(p, `a ${p.kind} needs the field "${field}"`);
    if (layout === 'grid' && ['box', 'cloud', 'group'].includes(p.kind) && p.kind !== 'group')
      for (const field of ['col', 'row'] as const)
        if (p[field] === undefined) fail(p, `a ${p.kind} of this diagram needs "${field}", its place in the grid`);
    if (p.start !== undefined && p.end !== undefined && p.end <= p.start)
      fail(p, `ends (${p.end}) before it starts (${p.start})`);
    if (layout === 'grid') {
      ref(p, 'in', ['group']);
      ref(p, 'from', ['box', 'cloud']);
      ref(p, 'to', ['box', 'cloud']);
    } else if (layout === 'lanes') {
      ref(p, 'from', ['lane']);
      ref(p, 'to', ['lane']);
    } else if (layout === 'span') {
      ref(p, 'in', ['phase']);
      if (p.kind === 'stage') {
        const phase = byId.get(p.in!)!;
        if (p.start! < phase.start! || p.end! > phase.end!)
          fail(p, `runs ${p.start}–${p.end}, outside its phase "${phase.id}" (${phase.start}–${phase.end})`);
      }
    } else if (layout === 'ring') {
      ref(p, 'in', ['ring']);
      ref(p, 'from', ['step']);
      ref(p, 'to', ['step']);
      if (p.kind === 'arrow' && byId.get(p.from!)!.in !== byId.get(p.to!)!.in)
        fail(p, 'joins steps of two different rings');
    }
  }
  if (layout === 'grid')
    for (const g of parts.filter((p) => p.kind === 'group'))
      if (!parts.some((p) => p.in === g.id)) fail(g, 'is a group that no part names in "in"');
  if (layout === 'ring')
    for (const r of parts.filter((p) => p.kind === 'ring'))
      if (parts.filter((p) => p.kind === 'step' && p.in === r.id).length < 2) fail(r, 'needs at least two steps');
}

/** The citations of a diagram's parts, in the order of its data. */
export const partCites = (parts: readonly Part[]): Cite[] => parts.map((p) => p.cite);
