import { getCollection, type CollectionEntry } from 'astro:content';
import { chapterPath } from './routes';
import { checkedOrder, parentId } from './chapter-order';

export { checkedOrder, parentId };

export type Chapter = CollectionEntry<'chapters'>;

export interface NavItem {
  id: string;
  href: string;
  title: string;
  children: NavItem[];
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
