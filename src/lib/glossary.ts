import path from 'node:path';
import { contentDir } from './content-dir';
import { listFiles, readRecords } from './data-files';
import { ContentError } from './errors';
import { termSchema, type Term } from '../schemas/glossary';
import { loadSources, sourceFiles } from './sources';
import { CitationSyntaxError, parseCite, type CitationGroup, type CitationItem } from './citations/syntax';
import { evidenceProblem } from './citations/evidence';
import { fresh } from './content-cache';

export interface Glossary {
  terms: Term[];
  /** The cited items behind each term's definition, by term id. */
  cites: ReadonlyMap<string, CitationItem[]>;
  /** Looks a term up by id, term or alias, ignoring case. */
  find(text: string): Term | undefined;
}

export const glossaryFiles = (dir = contentDir()): string[] => listFiles(path.join(dir, 'glossary'), ['.yaml', '.yml']);

/**
 * Loads and checks content/glossary/*.yaml: unique ids and spellings, known sources. Read again whenever a
 * glossary or source file changes.
 */
export function loadGlossary(dir = contentDir()): Glossary {
  return fresh(
    `glossary:${dir}`,
    () => [...glossaryFiles(dir), ...sourceFiles(dir)],
    () => readGlossary(dir),
  );
}

function readGlossary(dir: string): Glossary {
  const sources = loadSources(dir);
  const cites = new Map<string, CitationItem[]>();
  const terms: Term[] = [];
  const byKey = new Map<string, Term>();
  for (const file of glossaryFiles(dir)) {
    const records = readRecords(
      file,
      termSchema,
      (raw) => `term ${JSON.stringify((raw as { id?: unknown })?.id ?? '?')}`,
    );
    for (const term of records) {
      if (term.cite) {
        const fail = (problem: string): never => {
          throw new ContentError(file, undefined, `term "${term.id}": field "cite": ${problem}`);
        };
        let group: CitationGroup | undefined;
        try {
          group = parseCite(term.cite);
        } catch (error) {
          if (error instanceof CitationSyntaxError) fail(error.message);
          throw error;
        }
        for (const item of group!.items) {
          const problem = evidenceProblem(item, group!.raw, sources);
          if (problem) fail(problem);
        }
        cites.set(term.id, group!.items);
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
  return { terms, cites, find: (text) => byKey.get(text.trim().toLowerCase()) };
}
