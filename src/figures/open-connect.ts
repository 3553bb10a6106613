import { z } from '../schemas/zod';
import { ContentError } from '../lib/errors';
import { contentDir } from '../lib/content-dir';
import { dataFile, defineFigure, idField } from './define';

/**
 * Open Connect at a glance (OpenConnectMap.astro): the words of each labelled part of the diagram, with
 * their evidence, from content/figures/open-connect.yaml. The drawing itself is fixed in the component.
 */

/** The parts the diagram draws, by id; the data file must have each. */
export const OPEN_CONNECT_PARTS = ['control', 'embedded', 'peered', 'fill', 'routes', 'steer', 'stream'] as const;
export type OpenConnectPart = (typeof OPEN_CONNECT_PARTS)[number];

export const openConnectData = dataFile(
  'open-connect',
  ({ cite }) =>
    z.strictObject({
      id: idField,
      label: z.string().min(1).max(40),
      detail: z.string().min(1).max(120),
      cite,
    }),
  (parts, file) => {
    const ids = new Set(parts.map((p) => p.id));
    for (const id of OPEN_CONNECT_PARTS)
      if (!ids.has(id))
        throw new ContentError(
          file,
          undefined,
          `no entry with id "${id}"; the diagram needs entries ${OPEN_CONNECT_PARTS.map((i) => `"${i}"`).join(', ')}`,
        );
    for (const p of parts)
      if (!(OPEN_CONNECT_PARTS as readonly string[]).includes(p.id))
        throw new ContentError(
          file,
          undefined,
          `entry "${p.id}" is not a part the diagram draws; it draws ${OPEN_CONNECT_PARTS.join(', ')}`,
        );
  },
);

export type DiagramPart = ReturnType<typeof openConnectData.load>[number];

/** The labelled parts, by id, in the order the data file gives them. */
export function loadOpenConnect(dir = contentDir()): Record<OpenConnectPart, DiagramPart> {
  return Object.fromEntries(openConnectData.load(dir).map((p) => [p.id, p])) as Record<OpenConnectPart, DiagramPart>;
}

export default defineFigure({
  component: 'OpenConnectMap',
  load: openConnectData.load,
  cites: (_view, dir) => openConnectData.load(dir).map((r) => r.cite),
});
