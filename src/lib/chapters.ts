import { getCollection, type CollectionEntry } from 'astro:content';
import { chapterPath } from './routes';

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
  const byOrder = (a: Chapter, b: Chapter) => a.data.order - b.data.order || a.id.localeCompare(b.id);
  const tops = all.filter((c) => parentId(c.id) === undefined).sort(byOrder);
  return tops.flatMap((top) => [top, ...all.filter((c) => parentId(c.id) === top.id).sort(byOrder)]);
}

/** The navigation tree: top-level chapters with their sub-pages. */
export async function navigation(): Promise<NavItem[]> {
  const ordered = await readingOrder();
  const item = (c: Chapter): NavItem => ({
    id: c.id,
    href: chapterPath(c.id),
    title: c.data.navTitle ?? c.data.title,
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
