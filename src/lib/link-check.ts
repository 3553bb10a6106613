import fs from 'node:fs';
import path from 'node:path';
import { ContentError } from './errors';
import { displayPath } from './content-dir';

/**
 * Links to anchors of chapter pages, checked once the site is built: each page's ids are then exactly what
 * readers get (headings, figures, the layout's ids), with no second parse of the chapters to guess them.
 * Plugins and pages record the links they check as they compile or render (recordAnchorLinks), each with its
 * file and line; the guide's link-check integration checks them against the built HTML at the end of the
 * build and fails it with every broken link. `astro dev` records but does not check.
 *
 * The records live on globalThis: the Markdown plugins run in the config's module graph, pages in the
 * bundle's, and both in one process.
 */
export interface AnchorLink {
  file: string;
  line?: number | undefined;
  /** What the author wrote, for the message. */
  url: string;
  /** Site path of the page the anchor must be on. */
  page: string;
  anchor: string;
  /** How the message begins after "file:line: ": `link to "…"`, or `term "x": field "see": link to "…"`. */
  what?: string;
}

const KEY = Symbol.for('open-connect-guide.anchor-links');
type Store = Map<string, AnchorLink[]>;
const store = (): Store => ((globalThis as Record<symbol, unknown>)[KEY] ??= new Map()) as Store;

/** Replaces the links that `source` (a file, or a file and a part of it) recorded before: a re-render replaces them. */
export function recordAnchorLinks(source: string, links: AnchorLink[]): void {
  store().set(source, links);
}

/** The links that `source` recorded, for the MDX cache (src/integrations/mdx-cache.ts), which replays them. */
export function anchorLinksOf(source: string): AnchorLink[] {
  return store().get(source) ?? [];
}

export function resetAnchorLinks(): void {
  store().clear();
}

/** Every id of each built HTML page, by site path ("/workload/"). */
export function builtIds(outDir: string): Map<string, Set<string>> {
  const pages = new Map<string, Set<string>>();
  for (const rel of fs.readdirSync(outDir, { recursive: true }) as string[]) {
    if (!rel.endsWith('.html')) continue;
    const html = fs.readFileSync(path.join(outDir, rel), 'utf8');
    const ids = new Set<string>();
    for (const m of html.matchAll(/\sid="([^"]*)"/g)) ids.add(decodeEntities(m[1]!));
    pages.set(`/${rel.split(path.sep).join('/')}`.replace(/index\.html$/, ''), ids);
  }
  return pages;
}

const decodeEntities = (s: string) =>
  s.replace(/&(amp|quot|#39|lt|gt);/g, (_, e: string) => ({ amp: '&', quot: '"', '#39': "'", lt: '<', gt: '>' })[e]!);

/** The recorded links whose anchor is not on their page, as one error listing each, or undefined. */
export function brokenAnchorLinks(ids: ReadonlyMap<string, ReadonlySet<string>>): ContentError | undefined {
  const broken = [...store().values()]
    .flat()
    .filter((l) => !ids.get(l.page)?.has(l.anchor))
    .sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  if (broken.length === 0) return undefined;
  const problem = (l: AnchorLink) =>
    `${l.what ?? `link to "${l.url}"`} names anchor "#${l.anchor}", which is not on ${l.page}`;
  const [first, ...rest] = broken;
  const error = new ContentError(first!.file, first!.line, problem(first!), { elsewhere: true });
  for (const l of rest)
    error.message += `\n${displayPath(l.file)}${l.line === undefined ? '' : `:${l.line}`}: ${problem(l)}`;
  return error;
}
