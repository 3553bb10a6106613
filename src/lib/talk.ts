import path from 'node:path';
import { contentDir } from './content-dir';
import { readRecords } from './data-files';
import { ContentError } from './errors';
import { knownPages } from './anchors';
import { checkLink } from './links';
import { recordAnchorLinks, type AnchorLink } from './link-check';
import { talkPointSchema, type TalkPoint } from '../schemas/talk';

/**
 * The talk's points in the order of its slides, each checked to point at a page and section that exist.
 * A point that names a missing page or heading fails the build with the file and the bad path.
 */
export function loadTalk(dir = contentDir()): TalkPoint[] {
  const file = path.join(dir, 'talk.yaml');
  const points = readRecords(
    file,
    talkPointSchema,
    (raw) => `point ${JSON.stringify((raw as { slide?: unknown })?.slide ?? '?')}`,
  );
  const pages = knownPages(dir);
  const pending: AnchorLink[] = [];
  for (const point of points) {
    for (const [field, url] of [
      ['page', point.page],
      ...point.further.map((f) => ['further', f] as const),
      ...point.figures.map((f) => ['figures', f] as const),
    ] as const) {
      const result = checkLink(url, { base: '/', pages });
      const what = `point "${point.slide}": field "${field}"`;
      if ('problem' in result)
        throw new ContentError(
          file,
          undefined,
          `${what} names "${url}", which ${result.problem.replace(/^points to/, 'is')}`,
        );
      if (result.pending) pending.push({ file, url, what, ...result.pending });
    }
  }
  recordAnchorLinks(file, pending);
  return points;
}
