import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Chapter } from '../../../src/lib/chapters';
import type { LastChange } from '../../../src/lib/git-dates';

// The last change of each chapter file as the stand-in for git says (git-dates.test.ts reads real history).
const history = vi.hoisted(() => ({ changes: new Map<string, LastChange>(), asked: [] as string[] }));
vi.mock('../../../src/lib/git-dates', () => ({
  lastChange: (file: string): LastChange => {
    history.asked.push(file);
    return history.changes.get(file) ?? { known: false, reason: 'not yet committed' };
  },
}));
const { chapterCacheKeys } = await import('../../../src/lib/cache-keys');

const chapter = (id: string, body: string, more: Record<string, unknown> = {}) =>
  ({ id, body, digest: body.length, data: { title: `Title of ${id}`, order: 1 }, ...more }) as unknown as Chapter;

const ENV = ['GITHUB_REPOSITORY', 'GITHUB_SERVER_URL', 'GITHUB_REF_NAME', 'GITHUB_REF_TYPE'];
const saved = Object.fromEntries(ENV.map((k) => [k, process.env[k]]));
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'guide-cache-keys-'));
let dir: string;
let count = 0;

/** The key of chapter "a" with the given content folder. */
const keyOf = (chapters = [chapter('a', 'A')]) => chapterCacheKeys(chapters, dir).get('a');

describe('the cache key of a chapter page', () => {
  beforeEach(() => {
    dir = path.join(root, String(++count));
    fs.mkdirSync(path.join(dir, 'chapters'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'glossary'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'figures'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'chapters/a.mdx'), 'A');
    fs.writeFileSync(path.join(dir, 'glossary/terms.yaml'), '- id: x\n');
    fs.writeFileSync(path.join(dir, 'figures/one.json'), '{"a":1}');
    fs.writeFileSync(path.join(dir, 'figures/two.json'), '{"b":2}');
    for (const k of ENV) delete process.env[k];
    history.changes.clear();
    history.asked.length = 0;
  });
  afterEach(() => {
    vi.restoreAllMocks();
    for (const k of ENV) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('changes when a data file is renamed, though no file’s bytes change', () => {
    const before = keyOf();
    fs.renameSync(path.join(dir, 'glossary/terms.yaml'), path.join(dir, 'glossary/words.yaml'));
    expect(keyOf()).not.toBe(before);
  });

  it('does not depend on the order the file system lists the data files in', () => {
    const before = keyOf();
    const list = fs.readdirSync;
    vi.spyOn(fs, 'readdirSync').mockImplementation(((folder: fs.PathLike, options: { recursive: true }) =>
      (list(folder, options) as string[]).reverse()) as unknown as typeof list);
    expect(keyOf()).toBe(before);
  });

  it.each(ENV)('changes with %s, which the change-history link is made from', (name) => {
    process.env[name] = 'first';
    const first = keyOf();
    process.env[name] = 'second';
    expect(keyOf()).not.toBe(first);
  });

  it('treats an empty variable as one not set, as the change-history link does', () => {
    const unset = keyOf();
    for (const k of ENV) process.env[k] = '';
    expect(keyOf()).toBe(unset);
  });

  describe('with package.json', () => {
    const read = fs.readFileSync;
    const withPackage = (contents: string | undefined) => {
      vi.spyOn(fs, 'readFileSync').mockImplementation(((file: fs.PathOrFileDescriptor, options?: never) => {
        if (file !== 'package.json') return read(file, options);
        if (contents === undefined) throw Object.assign(new Error('ENOENT: package.json'), { code: 'ENOENT' });
        return contents;
      }) as typeof fs.readFileSync);
    };

    it('changes with its "repository" field, which names the repository when Actions does not', () => {
      withPackage(JSON.stringify({ name: 'guide', repository: 'github:owner/guide' }));
      const first = keyOf();
      withPackage(JSON.stringify({ name: 'guide', repository: 'github:owner/fork' }));
      expect(keyOf()).not.toBe(first);
    });

    it('keeps other fields out of the key, and still gives keys without one', () => {
      withPackage(JSON.stringify({ name: 'guide', version: '1.0.0' }));
      const first = keyOf();
      withPackage(JSON.stringify({ name: 'guide', version: '2.0.0' }));
      expect(keyOf()).toBe(first);
      withPackage(undefined);
      expect(keyOf()).toMatch(/^[0-9a-f]{64}$/);
    });
  });

  it('changes when the collection’s digest of the chapter changes, though its body does not', () => {
    const before = keyOf([chapter('a', 'A', { digest: 'one' })]);
    expect(keyOf([chapter('a', 'A', { digest: 'two' })])).not.toBe(before);
  });

  it('follows the last change that the page shows, looked up by the chapter’s file', () => {
    const a = chapter('a', 'A', { filePath: 'content/chapters/a.mdx' });
    const draft = keyOf([a]);
    expect(history.asked).toEqual(['content/chapters/a.mdx']);
    history.changes.set('content/chapters/a.mdx', { known: true, date: '2025-06-15T23:30:00-07:00', commit: 'c1' });
    const committed = keyOf([a]);
    expect(committed).not.toBe(draft);
    history.changes.set('content/chapters/a.mdx', { known: true, date: '2025-07-01T08:00:00+02:00', commit: 'c2' });
    expect(keyOf([a])).not.toBe(committed);
  });
});
