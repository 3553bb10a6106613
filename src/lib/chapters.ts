import { getCollection, type CollectionEntry } from 'astro:content';
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
  return checkedOrder(await getCollection('chapters'));
}

const fileOf = (c: Chapter) => c.filePath ?? `content/chapters/${c.id}.mdx`;

/**
 * Chapters in reading order, or a ContentError for a layout the guide cannot show: a file nested deeper than
 * a chapter and its sub-pages (it would have no place in the navigation and would not be built), a sub-page
 * without its chapter, or two siblings with the same `order` (their order would depend on their names).
 */
export function checkedOrder(all: readonly Chapter[]): Chapter[] {
  for (const c of all) {
    if (c.id.split('/').length > 2)
      throw new ContentError(
        fileOf(c),
        undefined,
        `chapters go two levels deep at most (a chapter and its sub-pages), but this file would be /${c.id}/; move it up a folder`,
      );
    const parent = parentId(c.id);
    if (parent && !all.some((p) => p.id === parent))
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
  return tops.flatMap((top) => [top, ...all.filter((c) => parentId(c.id) === top.id).sort(byOrder)]);
}

/** The navigation tree: top-level chapters with their sub-pages. */
export async function navigation(): Promise<NavItem[]> {
  const ordered = await readingOrder();
  const item = (c: Chapter): NavItem => ({
    id: c.id,
    href: chapterPath(c.id),
    title: c.data.navTitle,
    children: [],
  });
  const tops = ordered.filter((c) => parentId(c.id) === undefined).map(item);
  for (const c of ordered) {
    const parent = parentId(c.id);
    if (parent) tops.find((t) => t.id === parent)?.children.push(item(c));
  }
  return tops;
}

/** Previous and next page in reading order. */
export async function neighbours(id: string): Promise<{ prev?: Chapter; next?: Chapter }> {
  const ordered = await readingOrder();
  const i = ordered.findIndex((c) => c.id === id);
  const prev = ordered[i - 1];
  const next = ordered[i + 1];
  return { ...(prev ? { prev } : {}), ...(next ? { next } : {}) };
}
