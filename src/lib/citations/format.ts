import { Cite } from '@citation-js/core';
import '@citation-js/plugin-csl';
import { fresh } from '../content-cache';
import { contentDir } from '../content-dir';
import { loadSources, sourceFiles, type Sources } from '../sources';
import type { Source } from '../../schemas/source';

/**
 * How sources read: one bibliography entry per source, formatted by a CSL processor (citation-js with the
 * Vancouver style, as the numbered references of the guide's pages use), once per build for all sources and
 * again only when the sources change — not once per page. Every page and /sources/ use the same entries.
 */

/** An entry as HTML (escaped text and links only), without its number: pages number their own lists. */
export type EntryHtml = string;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ESCAPES[c]!);

/** The host of a URL, as a reader recognises it: "fliphtml5.com". */
export const hostOf = (url: string): string => new URL(url).hostname.replace(/^www\./, '');

function entryHtml(source: Source, formatted: string): EntryHtml {
  // The Vancouver style's "[Internet]" and "Available from:" say what the link already says.
  const text = formatted
    .replace(/ \[Internet\]/g, '')
    .replace(/Available from: /g, '')
    .replace(/\.\.(\s|$)/g, '.$1')
    .trim();
  // The processor writes the URL as plain text; link exactly the source's URL (which may end in ")", as
  // man.freebsd.org/ktls(4) does, where a pattern for URLs in text would stop short).
  const url = escape(source.URL);
  let html = escape(text).replace(url, `<a href="${url}">${url}</a>`);
  if (source.copy)
    html += ` Read via a copy on ${escape(hostOf(source.copy))}: <a href="${escape(source.copy)}">${escape(source.copy)}</a>.`;
  return html;
}

function formatAll(sources: Sources): Map<string, EntryHtml> {
  // citation-js takes CSL-JSON; our own fields (copy, text) mean nothing to it and are left out.
  const csl = sources.sources.map(({ copy: _copy, text: _text, ...rest }) => rest);
  const entries = new Cite(csl).format('bibliography', {
    format: 'text',
    template: 'vancouver',
    lang: 'en-US',
    asEntryArray: true,
  }) as unknown as [string, string][];
  const byId = new Map<string, EntryHtml>();
  for (const [id, text] of entries) {
    const source = sources.byId.get(id)!;
    byId.set(id, entryHtml(source, text.replace(/^\d+\.\s*/, '')));
  }
  return byId;
}

/** The bibliography entry of every source, by id. */
export function bibliography(dir = contentDir()): ReadonlyMap<string, EntryHtml> {
  return fresh(
    `bibliography:${dir}`,
    () => sourceFiles(dir),
    () => formatAll(loadSources(dir)),
  );
}

/** "Looney J", "Netflix": authors as the numbered style writes them. */
export function shortAuthors(source: Source): string {
  const names = (source.author ?? []).map((a) =>
    'literal' in a
      ? a.literal
      : `${a.family}${
          a.given
            ? ` ${a.given
                .split(/[\s-]+/)
                .map((g) => g[0])
                .join('')}`
            : ''
        }`,
  );
  return names.length > 3 ? `${names.slice(0, 3).join(', ')}, et al` : names.join(', ');
}

/** The year a source appeared, or "n.d.". */
export function year(source: Source): string {
  const issued = source.issued;
  if ('literal' in issued) return issued.literal;
  const y = issued['date-parts'][0]?.[0];
  return y === undefined ? 'n.d.' : String(y);
}

/** What a citation's tooltip names: "Looney J. Netflix and FreeBSD (slides). 2019." */
export function shortReference(source: Source): string {
  const authors = shortAuthors(source);
  const title = source.title.replace(/[.]$/, '');
  return `${authors ? `${authors}. ` : ''}${title}. ${year(source)}.`.replace(/\.\.+/g, '.');
}
