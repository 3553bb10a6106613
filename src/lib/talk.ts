import path from 'node:path';
import { contentDir } from './content-dir';
import { readRecords } from './data-files';
import { ContentError } from './errors';
import { siteMap } from './anchors';
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
  const pages = siteMap(dir);
  for (const point of points) {
    const [page = '/', anchor] = point.page.split('#');
    const anchors = pages.get(page);
    if (!anchors || (anchor !== undefined && !anchors.has(anchor))) {
      throw new ContentError(
        file,
        undefined,
        `point "${point.slide}": field "page" names "${point.page}", which is not a page or heading of the guide`,
      );
    }
  }
  return points;
}
