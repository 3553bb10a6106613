import path from 'node:path';
import { contentDir, displayPath } from './content-dir';
import { listFiles, readRecords } from './data-files';
import { ContentError } from './errors';
import { sourceSchema, type Source } from '../schemas/source';

const cache = new Map<string, { files: string[]; sources: Source[] }>();

/** Loads and checks content/sources/*.json (CSL-JSON). Ids must be unique across files. */
export function loadSources(dir = contentDir()): { files: string[]; sources: Source[] } {
  const hit = cache.get(dir);
  if (hit) return hit;
  const files = listFiles(path.join(dir, 'sources'), ['.json']);
  const seen = new Map<string, string>();
  const sources: Source[] = [];
  for (const file of files) {
    for (const source of readRecords(
      file,
      sourceSchema,
      (raw) => `source ${JSON.stringify((raw as { id?: unknown })?.id ?? '?')}`,
    )) {
      const other = seen.get(source.id);
      if (other)
        throw new ContentError(
          file,
          undefined,
          `source "${source.id}" is defined twice (also in ${displayPath(other)}); ids must be unique`,
        );
      seen.set(source.id, file);
      sources.push(source);
    }
  }
  sources.sort((a, b) => a.id.localeCompare(b.id));
  const result = { files, sources };
  cache.set(dir, result);
  return result;
}

export function sourceIds(dir = contentDir()): Set<string> {
  return new Set(loadSources(dir).sources.map((s) => s.id));
}
