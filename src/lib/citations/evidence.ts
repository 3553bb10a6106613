import fs from 'node:fs';
import path from 'node:path';
import type { Source } from '../../schemas/source';
import { formatLocator, locatorPages, type CitationItem } from './syntax';

/**
 * What makes a citation checkable: it names a known source, says where in it the claim is (a locator), and
 * quotes the words that carry the claim (a passage), unless it marks the sentence as the guide's own reading.
 * Where the source's text is in the repository (content/sources/text/, e.g. a slide deck's text layer), the
 * passage must occur in it, on the located page, so that no passage can be invented.
 */

/** Passages are short: about 30 words is right; more than this fails the build. */
export const MAX_PASSAGE_WORDS = 40;

/** Folder of the source texts, relative to the content folder. */
export const SOURCE_TEXT_DIR = path.join('sources', 'text');

/** A source's text as the checks compare it: each page normalized (see `comparable`). */
export interface SourceText {
  file: string;
  /** Page number → text; a text without page marks is one page, number 1. */
  pages: Map<number, string>;
  paged: boolean;
}

/**
 * Text reduced to what a quotation must match: no case, no whitespace or line breaks (text layers break
 * lines and words anywhere), no quotation marks or apostrophes of either kind, one kind of dash and ellipsis.
 */
export function comparable(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‐‑‒–—−]/g, '-')
    .replace(/…/g, '...')
    .replace(/["'“”‘’`´]/g, '')
    .replace(/\u00ad/g, '')
    .replace(/\s+/g, '');
}

/** Page marks as the slide text layers write them: `--- page 13 ---` on a line of its own. */
const PAGE_MARK = /^--- page (\d+) ---$/m;

/** Reads a source text; `--- page N ---` lines split it into pages. */
export function readSourceText(file: string): SourceText {
  const raw = fs.readFileSync(file, 'utf8');
  const pages = new Map<number, string>();
  const parts = raw.split(new RegExp(PAGE_MARK.source, 'gm'));
  if (parts.length === 1) {
    pages.set(1, comparable(raw));
    return { file, pages, paged: false };
  }
  for (let i = 1; i < parts.length; i += 2) pages.set(Number(parts[i]), comparable(parts[i + 1] ?? ''));
  return { file, pages, paged: true };
}

/** Whether the passage occurs in the text; "…" in a passage stands for a gap, and the pieces must come in order. */
export function passageIn(passage: string, text: string): boolean {
  const pieces = passage
    .split(/…|\.\.\.|\[…\]/)
    .map(comparable)
    .filter((p) => p !== '');
  let from = 0;
  for (const piece of pieces) {
    const at = text.indexOf(piece, from);
    if (at === -1) return false;
    from = at + piece.length;
  }
  return pieces.length > 0;
}

export function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

export interface EvidenceContext {
  byId: ReadonlyMap<string, Source>;
  /** The text of a source whose `text` field names a file, read on demand. */
  textOf(source: Source): SourceText | undefined;
}

/**
 * The first problem with one cited item, as the sentence an author reads after "file:line: ", or undefined.
 * `raw` is the citation as written, to show the author which one is meant.
 */
export function evidenceProblem(item: CitationItem, raw: string, ctx: EvidenceContext): string | undefined {
  const source = ctx.byId.get(item.key);
  if (!source)
    return `unknown source "${item.key}" in citation ${raw}; add it to content/sources/*.json or use an existing key`;
  if (item.unchecked) return undefined;
  const where = `citation ${raw}: @${item.key}`;
  if (!item.locator)
    return `${where} has no locator; say where in the source the claim is, e.g. [@${item.key}, slide 13: "…"], or mark it [@${item.key}, unchecked]`;
  const loc = formatLocator(item.locator);
  if (!item.passage && item.stance === 'quoted')
    return `${where}, ${loc} has no passage; quote the words that carry the claim, [@${item.key}, ${loc}: "…"], or mark the guide's own reading, [our reading of @${item.key}, ${loc}]`;
  if (item.passage) {
    const words = wordCount(item.passage);
    if (words > MAX_PASSAGE_WORDS)
      return `${where}: the passage has ${words} words; quote at most ${MAX_PASSAGE_WORDS} (about 30 is right)`;
  }
  const text = ctx.textOf(source);
  if (!text) return undefined;
  const pages = text.paged ? locatorPages(item.locator) : undefined;
  if (pages) {
    const missing = pages.find((p) => !text.pages.has(p));
    if (missing !== undefined)
      return `${where}: ${source.id} has ${text.pages.size} pages in ${shown(text.file)}; ${loc} is not one of them`;
  }
  if (!item.passage) return undefined;
  const haystack = (pages ?? [...text.pages.keys()]).map((p) => text.pages.get(p)!).join('');
  if (!passageIn(item.passage, haystack))
    return `${where}: the passage "${item.passage}" is not on ${pages ? loc : 'any page'} of ${shown(text.file)}; quote the source's text exactly (case, spacing and quotation marks aside), with "…" for a gap`;
  return undefined;
}

function shown(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel.split(path.sep).join('/');
}
