import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Chapter } from '../../../src/lib/chapters';

const CACHE = path.resolve('.tmp/build-caches/merge');
fs.rmSync(CACHE, { recursive: true, force: true });
process.env['GUIDE_CACHE_DIR'] = CACHE;
const { cachedMerge } = await import('../../../src/lib/merge-html');
const { chapterCacheKeys } = await import('../../../src/lib/cache-keys');

const chapter = (id: string, body: string, title = `Title of ${id}`) =>
  ({ id, body, digest: body.length, data: { title, order: 1 } }) as unknown as Chapter;

/** A content folder of its own, with a chapter file and a data file. */
function content(name: string) {
  const dir = path.resolve('.tmp/build-caches', name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'chapters'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'glossary'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'chapters/a.mdx'), 'A');
  fs.writeFileSync(path.join(dir, 'glossary/terms.yaml'), '- id: x\n');
  return dir;
}

describe('the cache keys of chapter pages', () => {
  afterEach(() => {
    delete process.env['GITHUB_REF_NAME'];
  });

  it('stay the same while nothing a page shows changes', () => {
    const dir = content('same');
    const chapters = [chapter('a', 'A'), chapter('b', 'B')];
    expect(chapterCacheKeys(chapters, dir)).toEqual(chapterCacheKeys(chapters, dir));
    const keys = chapterCacheKeys(chapters, dir);
    expect([...keys.keys()]).toEqual(['a', 'b']);
    expect(keys.get('a')).toMatch(/^[0-9a-f]{64}$/);
    expect(keys.get('a')).not.toBe(keys.get('b'));
  });

  it('change for one page when its own text changes, and for every page when a title or a data file does', () => {
    const dir = content('changes');
    const before = chapterCacheKeys([chapter('a', 'A'), chapter('b', 'B')], dir);
    const body = chapterCacheKeys([chapter('a', 'A, edited'), chapter('b', 'B')], dir);
    expect([body.get('a') === before.get('a'), body.get('b') === before.get('b')]).toEqual([false, true]);
    const title = chapterCacheKeys([chapter('a', 'A'), chapter('b', 'B', 'New title')], dir);
    expect([title.get('a') === before.get('a'), title.get('b') === before.get('b')]).toEqual([false, false]);
    fs.writeFileSync(path.join(dir, 'glossary/terms.yaml'), '- id: y\n');
    expect(chapterCacheKeys([chapter('a', 'A'), chapter('b', 'B')], dir).get('b')).not.toBe(before.get('b'));
  });

  it('ignore the chapter files themselves, which the pages’ own hashes cover, and change with the branch built', () => {
    const dir = content('env');
    const before = chapterCacheKeys([chapter('a', 'A')], dir);
    fs.writeFileSync(path.join(dir, 'chapters/a.mdx'), 'A, edited on disk');
    expect(chapterCacheKeys([chapter('a', 'A')], dir)).toEqual(before);
    process.env['GITHUB_REF_NAME'] = 'other-branch';
    expect(chapterCacheKeys([chapter('a', 'A')], dir)).not.toEqual(before);
    expect(chapterCacheKeys([chapter('a', 'A')], path.join(dir, 'missing')).size).toBe(1);
  });
});

describe('merged pages kept on disk', () => {
  it('merges once for the same HTML and context, and again when either changes', () => {
    let merges = 0;
    const merge = () => `merged ${++merges}`;
    expect(cachedMerge('<p>x</p>', 'ctx', merge)).toBe('merged 1');
    expect(cachedMerge('<p>x</p>', 'ctx', merge)).toBe('merged 1');
    expect(cachedMerge('<p>y</p>', 'ctx', merge)).toBe('merged 2');
    expect(cachedMerge('<p>x</p>', 'other', merge)).toBe('merged 3');
    const files = fs.readdirSync(path.join(CACHE, 'guide-merge')).sort();
    expect(files).toHaveLength(3);
    expect(files.every((f) => /^[0-9a-f]{64}\.html$/.test(f))).toBe(true);
  });
});
