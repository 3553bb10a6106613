import { z } from '../schemas/zod';
import { ContentError } from '../lib/errors';
import { contentDir } from '../lib/content-dir';
import { dataFile, defineFigure, idField } from './define';

/**
 * The fill hierarchy (FillHierarchy.astro): S3, a fill cluster with its fill masters and manifest clusters,
 * peer, tier and cache fill in their usual order, and the fill window. The words of each part and their
 * evidence come from content/figures/fill-hierarchy.yaml; the drawing itself is fixed in the component.
 */

/** The parts the diagram draws, by id; the data file must have each, and no other. */
const FILL_PARTS = [
  'origin',
  'fill-cluster',
  'fill-master',
  'manifest-cluster',
  'peer-fill',
  'tier-fill',
  'cache-fill',
  'fill-window',
] as const;
type FillPart = (typeof FILL_PARTS)[number];

const fillHierarchyData = dataFile(
  'fill-hierarchy',
  ({ cite }) =>
    z.strictObject({
      id: idField,
      // Labels are drawn at 12 px in a 340-unit drawing: short enough to fit their boxes.
      label: z.string().min(1).max(18),
      detail: z.string().min(1).max(160),
      cite,
    }),
  (parts, file) => {
    const ids = new Set(parts.map((p) => p.id));
    for (const id of FILL_PARTS)
      if (!ids.has(id))
        throw new ContentError(
          file,
          undefined,
          `no entry with id "${id}"; the diagram needs entries ${FILL_PARTS.map((i) => `"${i}"`).join(', ')}`,
        );
    for (const p of parts)
      if (!(FILL_PARTS as readonly string[]).includes(p.id))
        throw new ContentError(
          file,
          undefined,
          `entry "${p.id}" is not a part the diagram draws; it draws ${FILL_PARTS.join(', ')}`,
        );
  },
);

type FillHierarchyPart = ReturnType<typeof fillHierarchyData.load>[number];

/** The labelled parts, by id. */
export function loadFillHierarchy(dir = contentDir()): Record<FillPart, FillHierarchyPart> {
  return Object.fromEntries(fillHierarchyData.load(dir).map((p) => [p.id, p])) as Record<FillPart, FillHierarchyPart>;
}

/** Hours of a day on the fill-window bar: x of an hour (0–24) on a bar from x0 to x1. */
export function hourX(hour: number, x0: number, x1: number): number {
  return x0 + ((x1 - x0) * hour) / 24;
}

export default defineFigure({
  component: 'FillHierarchy',
  load: fillHierarchyData.load,
  cites: (_view, dir) => fillHierarchyData.load(dir).map((r) => r.cite),
});
