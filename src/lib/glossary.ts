import path from 'node:path';
import { contentDir } from './content-dir';
import { listFiles, readRecords } from './data-files';
import { ContentError } from './errors';
import { termSchema, type Term } from '../schemas/glossary';
import { loadSources, sourceFiles } from './sources';
import { CitationSyntaxError, parseCite, type CitationGroup, type CitationItem } from './citations/syntax';
import { evidenceProblem } from './citations/evidence';
import { fresh } from './content-cache';
import { knownPages } from './anchors';
import { recordAnchorLinks, type AnchorLink } from './link-check';
import { checkLink } from './links';

export interface Glossary {
  terms: Term[];
  /** The cited items behind each term's definition, by term id. */
  cites: ReadonlyMap<string, CitationItem[]>;
  /** The file that defines each term, by term id, for messages. */
  fileOf: ReadonlyMap<string, string>;
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
  const fileOf = new Map<string, string>();
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
      fileOf.set(term.id, file);
    }
  }
  terms.sort((a, b) => a.term.localeCompare(b.term, 'en', { sensitivity: 'base' }));
  return { terms, cites, fileOf, find: (text) => byKey.get(text.trim().toLowerCase()) };
}

/**
 * The glossary's `see:` links, checked like a chapter's links (src/lib/links.ts) and rewritten under the base
 * path, by term id. Apart from loadGlossary because the site map it checks against holds the glossary's ids.
 */
export function glossaryLinks(base: string, dir = contentDir()): ReadonlyMap<string, string> {
  const glossary = loadGlossary(dir);
  const pages = knownPages(dir);
  const links = new Map<string, string>();
  const pending: AnchorLink[] = [];
  for (const term of glossary.terms) {
    if (!term.see) continue;
    const result = checkLink(term.see, { base, pages });
    if ('problem' in result)
      throw new ContentError(
        glossary.fileOf.get(term.id)!,
        undefined,
        `term "${term.id}": field "see": link to "${term.see}" ${result.problem}`,
      );
    if (result.pending)
      pending.push({
        file: glossary.fileOf.get(term.id)!,
        url: term.see,
        what: `term "${term.id}": field "see": link to "${term.see}"`,
        ...result.pending,
      });
    links.set(term.id, result.url);
  }
  recordAnchorLinks(`${dir}:glossary-see`, pending);
  return links;
}
