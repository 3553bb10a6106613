import path from 'node:path';
import { contentDir, displayPath } from './content-dir';
import { fresh } from './content-cache';
import { listFiles, readRecords } from './data-files';
import { ContentError } from './errors';
import { sourceSchema, type Source } from '../schemas/source';
import { readSourceText, SOURCE_TEXT_DIR, type SourceText } from './citations/evidence';

export interface Sources {
  files: string[];
  /** Sorted by id. */
  sources: Source[];
  byId: ReadonlyMap<string, Source>;
  /** The text of a source whose `text` field names a file under content/sources/text/. */
  textOf(source: Source): SourceText | undefined;
}

export const sourceFiles = (dir = contentDir()): string[] => listFiles(path.join(dir, 'sources'), ['.json']);

/** The source texts' files, so that a changed text layer is read again. */
const textFiles = (dir: string): string[] => listFiles(path.join(dir, SOURCE_TEXT_DIR), ['.txt']);

/**
 * Loads and checks content/sources/*.json (CSL-JSON). Ids must be unique across files, and a `text` must name
 * a file in content/sources/text/. Read again whenever one of those files changes.
 */
export function loadSources(dir = contentDir()): Sources {
  return fresh(
    `sources:${dir}`,
    () => [...sourceFiles(dir), ...textFiles(dir)],
    () => readSources(dir),
  );
}

function readSources(dir: string): Sources {
  const files = sourceFiles(dir);
  const seen = new Map<string, string>();
  const sources: Source[] = [];
  const texts = new Map<string, SourceText>();
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
      const same = sources.find((s) => s.URL === source.URL);
      if (same)
        throw new ContentError(
          file,
          undefined,
          `source "${source.id}" has the URL of source "${same.id}" (${source.URL}); a source is one entry: cite "${same.id}" and remove this one`,
        );
      if (source.text) {
        const textFile = path.join(dir, SOURCE_TEXT_DIR, source.text);
        if (!textFiles(dir).includes(textFile))
          throw new ContentError(
            file,
            undefined,
            `source "${source.id}": field "text" names "${source.text}", which is not a .txt file in ${path.join(dir, SOURCE_TEXT_DIR)}`,
          );
        texts.set(source.id, readSourceText(textFile));
      }
      sources.push(source);
    }
  }
  sources.sort((a, b) => a.id.localeCompare(b.id));
  return {
    files,
    sources,
    byId: new Map(sources.map((s) => [s.id, s])),
    textOf: (source) => texts.get(source.id),
  };
}

export function sourceIds(dir = contentDir()): Set<string> {
  return new Set(loadSources(dir).byId.keys());
}
