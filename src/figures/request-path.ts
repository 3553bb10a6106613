import { z } from '../schemas/zod';
import { ContentError } from '../lib/errors';
import { contentDir } from '../lib/content-dir';
import { dataFile, defineFigure, idField } from './define';

/**
 * The request path of one play (RequestPath.astro): the services and the steps between pressing play and the
 * first byte, each with its words and evidence, from content/figures/request-path.yaml. The drawing itself is
 * fixed in the component; the data file must name exactly the parts it draws.
 */

/** The boxes the diagram draws, then its numbered steps (0 is the loop that runs before any play). */
const REQUEST_PATH_PARTS = [
  'device',
  'playback',
  'steering',
  'ccs',
  'ocas',
  'report',
  'play',
  'files',
  'urls',
  'connect',
] as const;
type RequestPathPart = (typeof REQUEST_PATH_PARTS)[number];

const requestPathData = dataFile(
  'request-path',
  ({ cite }) =>
    z.strictObject({
      id: idField,
      label: z.string().min(1).max(40),
      detail: z.string().min(1).max(160),
      cite,
    }),
  (parts, file) => {
    const ids = new Set(parts.map((p) => p.id));
    for (const id of REQUEST_PATH_PARTS)
      if (!ids.has(id))
        throw new ContentError(
          file,
          undefined,
          `no entry with id "${id}"; the diagram needs entries ${REQUEST_PATH_PARTS.map((i) => `"${i}"`).join(', ')}`,
        );
    for (const p of parts)
      if (!(REQUEST_PATH_PARTS as readonly string[]).includes(p.id))
        throw new ContentError(
          file,
          undefined,
          `entry "${p.id}" is not a part the diagram draws; it draws ${REQUEST_PATH_PARTS.join(', ')}`,
        );
  },
);

type PathPart = ReturnType<typeof requestPathData.load>[number];

/** The labelled parts by id, and the same parts in the diagram's reading order (boxes, then steps 0–5). */
export function loadRequestPath(dir = contentDir()): { byId: Record<RequestPathPart, PathPart>; ordered: PathPart[] } {
  const byId = Object.fromEntries(requestPathData.load(dir).map((p) => [p.id, p])) as Record<RequestPathPart, PathPart>;
  return { byId, ordered: REQUEST_PATH_PARTS.map((id) => byId[id]) };
}

export default defineFigure({
  component: 'RequestPath',
  load: requestPathData.load,
  cites: (_view, dir) => requestPathData.load(dir).map((r) => r.cite),
});
