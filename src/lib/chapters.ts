import fs from 'node:fs';
import path from 'node:path';
import { getCollection, type CollectionEntry } from 'astro:content';
import { contentDir } from './content-dir';
import { chapterPath } from './routes';
import { ContentError } from './errors';

export type Chapter = CollectionEntry<'chapters'>;

export interface NavItem {
  id: string;
  href: string;
  title: string;
  children: NavItem[];
}

/** Parent chapter id of a sub-page ("kernel-features/numa" → "kernel-features"), or undefined. */
export function parentId(id: string): string | undefined {
  const i = id.lastIndexOf('/');
  return i === -1 ? undefined : id.slice(0, i);
}

/**
 * Every chapter in reading order: top-level chapters by `order`, each followed by its sub-pages by `order`.
 * The one query that pages and components use, so that no page sorts or filters on its own.
 */
export async function readingOrder(): Promise<Chapter[]> {
  const all = await getCollection('chapters');
  // Every page asks for the order (its navigation, breadcrumbs, previous and next): sort once per state of the
  // collection, which each entry's digest stands for (in `astro dev` a saved chapter changes it).
  const signature = all.map((c) => `${c.id}\0${c.digest ?? JSON.stringify(c.data)}`).join('\n');
  if (ordered?.signature !== signature) ordered = { signature, chapters: checkedOrder(all) };
  return ordered.chapters;
}

let ordered: { signature: string; chapters: Chapter[] } | undefined;

/**
 * A chapter's file for messages, found in the content folder: `filePath` is relative to Astro's root, which is
 * not the working directory when a test builds in a project folder of its own (tests/support/astro.ts).
 */
function fileOf(c: Chapter): string {
  const dir = path.join(contentDir(), 'chapters');
  const ext = path.extname(c.filePath ?? '') || '.mdx';
  const found = [`${c.id}${ext}`, `${c.id}/index${ext}`]
    .map((rel) => path.join(dir, rel))
    .find((f) => fs.existsSync(f));
  return found ?? c.filePath ?? `content/chapters/${c.id}.mdx`;
}

/**
 * Chapters in reading order, or a ContentError for a layout the guide cannot show: a file nested deeper than
 * a chapter and its sub-pages (it would have no place in the navigation and would not be built), a sub-page
 * without its chapter, or two siblings with the same `order` (their order would depend on their names).
 */
export function checkedOrder(all: readonly Chapter[]): Chapter[] {
  const ids = new Set(all.map((c) => c.id));
  for (const c of all) {
    if (c.id.split('/').length > 2)
      throw new ContentError(
        fileOf(c),
        undefined,
        `chapters go two levels deep at most (a chapter and its sub-pages), but this file would be /${c.id}/; move it up a folder`,
      );
    const parent = parentId(c.id);
    if (parent && !ids.has(parent))
      throw new ContentError(
        fileOf(c),
        undefined,
        `this sub-page belongs to a chapter "${parent}" that does not exist; add content/chapters/${parent}/index.mdx`,
      );
  }
  const seen = new Map<string, Chapter>();
  for (const c of all) {
    const key = `${parentId(c.id) ?? ''}:${c.data.order}`;
    const other = seen.get(key);
    if (other)
      throw new ContentError(
        fileOf(c),
        undefined,
        `field "order": ${c.data.order} is also the order of ${fileOf(other)}; give each ${parentId(c.id) ? 'sub-page of a chapter' : 'chapter'} its own position`,
      );
    seen.set(key, c);
  }
  const byOrder = (a: Chapter, b: Chapter) => a.data.order - b.data.order;
  const tops = all.filter((c) => parentId(c.id) === undefined).sort(byOrder);
  const children = new Map<string, Chapter[]>();
  for (const c of all) {
    const parent = parentId(c.id);
    if (parent !== undefined) children.set(parent, [...(children.get(parent) ?? []), c]);
  }
  return tops.flatMap((top) => [top, ...(children.get(top.id) ?? []).sort(byOrder)]);
}

/** The navigation tree: top-level chapters with their sub-pages. */
export async function navigation(): Promise<NavItem[]> {
  const ordered = await readingOrder();
  if (tree?.of === ordered) return tree.items;
  const item = (c: Chapter): NavItem => ({
    id: c.id,
    href: chapterPath(c.id),
    title: c.data.navTitle,
    children: [],
  });
  const tops = ordered.filter((c) => parentId(c.id) === undefined).map(item);
  const byId = new Map(tops.map((t) => [t.id, t]));
  for (const c of ordered) {
    const parent = parentId(c.id);
    if (parent) byId.get(parent)?.children.push(item(c));
  }
  tree = { of: ordered, items: tops };
  return tops;
}

let tree: { of: Chapter[]; items: NavItem[] } | undefined;

/** Previous and next page in reading order. */
export async function neighbours(id: string): Promise<{ prev?: Chapter; next?: Chapter }> {
  const ordered = await readingOrder();
  const i = ordered.findIndex((c) => c.id === id);
  const prev = ordered[i - 1];
  const next = ordered[i + 1];
  return { ...(prev ? { prev } : {}), ...(next ? { next } : {}) };
}
