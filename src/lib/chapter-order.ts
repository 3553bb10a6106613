import fs from 'node:fs';
import path from 'node:path';
import { contentDir } from './content-dir';
import { ContentError } from './errors';

/**
 * The order of chapters, from what each entry says of itself: pure, without Astro's content collection, so that
 * code outside the bundle (src/integrations/early-cards.ts) orders chapters exactly as the pages do.
 */
export interface OrderedEntry {
  id: string;
  filePath?: string | undefined;
  data: { order: number };
}

/** Parent chapter id of a sub-page ("kernel-features/numa" → "kernel-features"), or undefined. */
export function parentId(id: string): string | undefined {
  const i = id.lastIndexOf('/');
  return i === -1 ? undefined : id.slice(0, i);
}

/**
 * A chapter's file for messages, found in the content folder: `filePath` is relative to Astro's root, which is
 * not the working directory when a test builds in a project folder of its own (tests/support/astro.ts).
 */
function fileOf(c: OrderedEntry): string {
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
export function checkedOrder<C extends OrderedEntry>(all: readonly C[]): C[] {
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
  const seen = new Map<string, C>();
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
  const byOrder = (a: C, b: C) => a.data.order - b.data.order;
  const tops = all.filter((c) => parentId(c.id) === undefined).sort(byOrder);
  const children = new Map<string, C[]>();
  for (const c of all) {
    const parent = parentId(c.id);
    if (parent !== undefined) children.set(parent, [...(children.get(parent) ?? []), c]);
  }
  return tops.flatMap((top) => [top, ...(children.get(top.id) ?? []).sort(byOrder)]);
}
