import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Chapter } from '../../../src/lib/chapters';

// The collections as astro:content would give them; only "chapters" holds chapters.
const collection = vi.hoisted(() => ({ entries: [] as unknown[] }));
vi.mock('astro:content', () => ({
  getCollection: async (name: string) => (name === 'chapters' ? collection.entries : []),
}));

const { checkedOrder, navigation, readingOrder } = await import('../../../src/lib/chapters');

function chapter(id: string, order: number, extra: { filePath?: string; digest?: string } = {}) {
  return {
    id,
    collection: 'chapters',
    ...extra,
    data: { title: `Title of ${id}`, description: `About ${id}.`, order, navTitle: id },
  } as unknown as Chapter;
}

beforeEach(() => {
  collection.entries = [chapter('a', 10), chapter('b', 20), chapter('a/x', 10)];
});

describe('the reading order, kept between pages', () => {
  it('is sorted once while the collection stays the same', async () => {
    const first = await readingOrder();
    expect(first.map((c) => c.id)).toEqual(['a', 'a/x', 'b']);
    expect(await readingOrder()).toBe(first);
  });

  it('follows a chapter whose order changed, without a digest (its data stands for it)', async () => {
    await readingOrder();
    collection.entries = [chapter('a', 30), chapter('b', 20), chapter('a/x', 10)];
    expect((await readingOrder()).map((c) => c.id)).toEqual(['b', 'a', 'a/x']);
  });

  it('follows a chapter whose digest changed, as when `astro dev` sees a saved file', async () => {
    collection.entries = [chapter('a', 10, { digest: '1' }), chapter('b', 20, { digest: '1' })];
    expect((await readingOrder()).map((c) => c.id)).toEqual(['a', 'b']);
    collection.entries = [chapter('a', 30, { digest: '2' }), chapter('b', 20, { digest: '1' })];
    expect((await readingOrder()).map((c) => c.id)).toEqual(['b', 'a']);
  });
});

describe('the navigation, kept between pages', () => {
  it('is built once while the collection stays the same, and again when it changes', async () => {
    const first = await navigation();
    expect(first.map((i) => [i.id, i.children.map((c) => c.id)])).toEqual([
      ['a', ['a/x']],
      ['b', []],
    ]);
    expect(await navigation()).toBe(first);
    collection.entries = [chapter('a', 30), chapter('b', 20), chapter('a/x', 10)];
    expect((await navigation()).map((i) => i.id)).toEqual(['b', 'a']);
  });
});

describe('the file a chapter error names', () => {
  // A content folder of its own (GUIDE_CONTENT_DIR), as a test that builds in a project folder has.
  const dir = path.resolve('.tmp/chapters-cache-content');
  const shown = (file: string) =>
    path
      .relative(process.cwd(), path.join(dir, 'chapters', file))
      .split(path.sep)
      .join('/');
  const message = (all: Chapter[]) => {
    try {
      checkedOrder(all);
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error('checkedOrder accepted the chapters');
  };

  beforeAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(path.join(dir, 'chapters/lost'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'chapters/b'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'chapters/lost/page.mdx'), '');
    fs.writeFileSync(path.join(dir, 'chapters/lost/notes.md'), '');
    fs.writeFileSync(path.join(dir, 'chapters/b/index.mdx'), '');
    vi.stubEnv('GUIDE_CONTENT_DIR', dir);
  });
  afterAll(() => {
    vi.unstubAllEnvs();
  });

  it('is found in the content folder, as .mdx when Astro gives no file path', () => {
    expect(message([chapter('a', 10), chapter('lost/page', 10)])).toMatch(
      new RegExp(`^${shown('lost/page.mdx')}: this sub-page belongs to a chapter "lost"`),
    );
  });

  it('keeps the extension of the file Astro read, though its path is relative to another root', () => {
    const notes = chapter('lost/notes', 10, { filePath: 'elsewhere/content/chapters/lost/notes.md' });
    expect(message([chapter('a', 10), notes])).toMatch(new RegExp(`^${shown('lost/notes.md')}: `));
  });

  it('is a chapter’s index file when the chapter is a folder', () => {
    expect(message([chapter('a', 10), chapter('b', 10)])).toMatch(
      new RegExp(`^${shown('b/index.mdx')}: field "order": 10 is also the order of `),
    );
  });
});
