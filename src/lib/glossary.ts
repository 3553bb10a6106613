import path from 'node:path';
import { contentDir } from './content-dir';
import { listFiles, readRecords } from './data-files';
import { ContentError } from './errors';
import { termSchema, type Term } from '../schemas/glossary';
import { sourceIds } from './sources';

export interface Glossary {
  terms: Term[];
  /** Looks a term up by id, term or alias, ignoring case. */
  find(text: string): Term | undefined;
}

const cache = new Map<string, Glossary>();

/** Loads and checks content/glossary/*.yaml: unique ids and spellings, known sources. */
export function loadGlossary(dir = contentDir()): Glossary {
  const hit = cache.get(dir);
  if (hit) return hit;
  const known = sourceIds(dir);
  const terms: Term[] = [];
  const byKey = new Map<string, Term>();
  for (const file of listFiles(path.join(dir, 'glossary'), ['.yaml', '.yml'])) {
    const records = readRecords(
      file,
      termSchema,
      (raw) => `term ${JSON.stringify((raw as { id?: unknown })?.id ?? '?')}`,
    );
    for (const term of records) {
      if (term.source && !known.has(term.source)) {
        throw new ContentError(
          file,
          undefined,
          `term "${term.id}": field "source" names unknown source "${term.source}"; add it to content/sources/ or fix the key`,
        );
      }
      for (const key of new Set([term.id, term.term, ...term.aliases].map((k) => k.toLowerCase()))) {
        const other = byKey.get(key);
        if (other) {
          throw new ContentError(
            file,
            undefined,
            `term "${term.id}": "${key}" is already used by term "${other.id}"; each id, term and alias must be unique`,
          );
        }
        byKey.set(key, term);
      }
      terms.push(term);
    }
  }
  terms.sort((a, b) => a.term.localeCompare(b.term, 'en', { sensitivity: 'base' }));
  const glossary: Glossary = { terms, find: (text) => byKey.get(text.trim().toLowerCase()) };
  cache.set(dir, glossary);
  return glossary;
}
