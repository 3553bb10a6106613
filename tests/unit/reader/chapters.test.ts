import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Chapter } from '../../../src/lib/chapters';

// The chapters collection as astro:content would give it (in no particular order); each test sets its own.
const collection = vi.hoisted(() => ({ entries: [] as unknown[] }));
vi.mock('astro:content', () => ({ getCollection: async () => collection.entries }));

const { checkedOrder, navigation, neighbours, parentId, readingOrder } = await import('../../../src/lib/chapters');
const { cards } = await import('../../../src/lib/cards');

function chapter(id: string, order: number, { navTitle, filePath }: { navTitle?: string; filePath?: string } = {}) {
  const title = `Title of ${id}`;
  return {
    id,
    collection: 'chapters',
    ...(filePath ? { filePath } : {}),
    data: { title, description: `About ${id}.`, order, navTitle: navTitle ?? title },
  } as unknown as Chapter;
}

/** The guide's layout, shuffled: chapters and sub-pages come out of the collection in any order. */
const GUIDE = [
  chapter('kernel-features/numa', 20, { navTitle: 'NUMA' }),
  chapter('workload', 20, { navTitle: 'Workload' }),
  chapter('kernel-features', 10, { navTitle: 'Kernel features' }),
  chapter('index', 0, { navTitle: 'Home' }),
  chapter('kernel-features/kernel-tls', 10, { navTitle: 'Kernel TLS' }),
  chapter('workload/fill', 10, { navTitle: 'Fill' }),
];

beforeEach(() => {
  collection.entries = GUIDE;
});

describe('parentId', () => {
  it('names the chapter a sub-page belongs to, and nothing for a chapter', () => {
    expect(parentId('kernel-features/numa')).toBe('kernel-features');
    expect(parentId('kernel-features')).toBeUndefined();
    expect(parentId('index')).toBeUndefined();
  });
});

describe('reading order', () => {
  it('puts chapters by order, each followed by its own sub-pages by order', async () => {
    expect((await readingOrder()).map((c) => c.id)).toEqual([
      'index',
      'kernel-features',
      'kernel-features/kernel-tls',
      'kernel-features/numa',
      'workload',
      'workload/fill',
    ]);
  });

  it('lets a sub-page share its order with a chapter or with a sub-page of another chapter', () => {
    const ids = checkedOrder([chapter('a', 10), chapter('b', 20), chapter('a/x', 10), chapter('b/y', 10)]).map(
      (c) => c.id,
    );
    expect(ids).toEqual(['a', 'a/x', 'b', 'b/y']);
  });

  it('fails on a file nested deeper than a chapter and its sub-pages, naming the file', () => {
    expect(() =>
      checkedOrder([chapter('a', 10), chapter('a/b/c', 10, { filePath: 'content/chapters/a/b/c.mdx' })]),
    ).toThrow(
      'content/chapters/a/b/c.mdx: chapters go two levels deep at most (a chapter and its sub-pages), but this file would be /a/b/c/; move it up a folder',
    );
  });

  it('fails on a sub-page whose chapter does not exist', () => {
    expect(() => checkedOrder([chapter('a', 10), chapter('b/x', 10)])).toThrow(
      'content/chapters/b/x.mdx: this sub-page belongs to a chapter "b" that does not exist; add content/chapters/b/index.mdx',
    );
  });

  it('fails on two chapters, or two sub-pages of one chapter, with the same order', () => {
    expect(() => checkedOrder([chapter('a', 10), chapter('b', 10, { filePath: 'content/chapters/b.md' })])).toThrow(
      'content/chapters/b.md: field "order": 10 is also the order of content/chapters/a.mdx; give each chapter its own position',
    );
    expect(() => checkedOrder([chapter('a', 10), chapter('a/x', 30), chapter('a/y', 30)])).toThrow(
      'content/chapters/a/y.mdx: field "order": 30 is also the order of content/chapters/a/x.mdx; give each sub-page of a chapter its own position',
    );
  });
});

describe('navigation', () => {
  it('is the chapters in order, each with its sub-pages, by their navigation titles', async () => {
    expect(await navigation()).toEqual([
      { id: 'index', href: '/', title: 'Home', children: [] },
      {
        id: 'kernel-features',
        href: '/kernel-features/',
        title: 'Kernel features',
        children: [
          { id: 'kernel-features/kernel-tls', href: '/kernel-features/kernel-tls/', title: 'Kernel TLS', children: [] },
          { id: 'kernel-features/numa', href: '/kernel-features/numa/', title: 'NUMA', children: [] },
        ],
      },
      {
        id: 'workload',
        href: '/workload/',
        title: 'Workload',
        children: [{ id: 'workload/fill', href: '/workload/fill/', title: 'Fill', children: [] }],
      },
    ]);
  });

  it('gives each page its neighbours in reading order, and none past either end', async () => {
    const ids = async (id: string) => {
      const { prev, next } = await neighbours(id);
      return { prev: prev?.id, next: next?.id };
    };
    expect(await ids('kernel-features/numa')).toEqual({ prev: 'kernel-features/kernel-tls', next: 'workload' });
    expect(await neighbours('index')).not.toHaveProperty('prev');
    expect((await neighbours('index')).next?.id).toBe('kernel-features');
    expect(await neighbours('workload/fill')).not.toHaveProperty('next');
    expect((await neighbours('workload/fill')).prev?.id).toBe('workload');
  });
});

describe('social cards', () => {
  it('numbers the chapters, names a sub-page’s chapter, and gives the other pages their own words', async () => {
    const all = await cards();
    const kicker = (path: string) => all.get(path)?.kicker;
    expect(kicker('/')).toBe('A sourced guide');
    expect(kicker('/kernel-features/')).toBe('Chapter 1');
    expect(kicker('/workload/')).toBe('Chapter 2');
    expect(kicker('/kernel-features/numa/')).toBe('Kernel features');
    expect(kicker('/workload/fill/')).toBe('Workload');
    expect(all.get('/kernel-features/kernel-tls/')).toEqual({
      title: 'Title of kernel-features/kernel-tls',
      kicker: 'Kernel features',
      siteName: 'Open Connect & FreeBSD',
      tagline: 'After Jonathan Looney’s FOSDEM 2019 talk · every fact sourced',
    });
    expect(all.get('/glossary/')).toMatchObject({ title: 'Glossary', siteName: 'Open Connect & FreeBSD' });
    expect(all.has('/404.html')).toBe(false);
    expect(await cards()).toBe(all);
  });
});
