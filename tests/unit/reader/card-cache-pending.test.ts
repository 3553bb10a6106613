import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CardText } from '../../../src/lib/social-card';
import { temporaryCardCache } from '../../support/card-cache-dir';

// Which cards the cache sends to the worker threads, and where each PNG then comes from. The pool and the
// renderer are stand-ins that give recognisable bytes: a card from a thread is "thread:<title>", one drawn in
// this thread "here:<title>" (card-cache.test.ts checks real cards).
interface FakePool {
  size: number;
  draws: { text: CardText; resolve: (png: Uint8Array) => void }[];
}
const state = vi.hoisted(() => ({ pools: [] as FakePool[], available: true }));
vi.mock('../../../src/lib/card-pool', () => ({
  poolSize: () => 3,
  CardPool: class {
    static available = () => state.available;
    draws: FakePool['draws'] = [];
    constructor(readonly size: number) {
      state.pools.push(this);
    }
    draw(text: CardText) {
      return new Promise<Uint8Array>((resolve) => this.draws.push({ text, resolve }));
    }
  },
}));
const bytes = (s: string) => new Uint8Array(Buffer.from(s));
vi.mock('../../../src/lib/social-card', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../src/lib/social-card')>()),
  renderCard: async (text: CardText) => bytes(`here:${text.title}`),
}));

const { cardPng, prepareCards } = await import('../../../src/lib/card-cache');
const { cardStats } = await import('../../../src/lib/card-stats');
const { cardKey } = await import('../../../src/lib/social-card');

const card = (title: string): CardText => ({ title, kicker: 'Kernel features', siteName: 'Guide', tagline: '' });
const text = async (png: Promise<Uint8Array>) => Buffer.from(await png).toString();

describe('cards drawn ahead on worker threads', () => {
  const cacheDir = temporaryCardCache('guide-cards-pending-');
  const kept = (c: CardText) => path.join(cacheDir(), `${cardKey(c)}.png`);
  beforeEach(() => {
    state.pools.length = 0;
    state.available = true;
  });

  it('are those not kept and not already under way, each once, on no more threads than cards', async () => {
    const keptCard = card('Kept');
    await cardPng(keptCard);
    expect(fs.existsSync(kept(keptCard))).toBe(true);
    prepareCards([keptCard, card('New'), card('New'), card('Other')]);
    expect(state.pools.map((p) => p.size)).toEqual([2]);
    expect(state.pools[0]!.draws.map((d) => d.text.title)).toEqual(['New', 'Other']);
    expect(cardStats().workers).toBe(2);
    // Asked again while they are drawn: nothing new is started.
    prepareCards([card('New'), card('Other')]);
    expect(state.pools).toHaveLength(1);
    for (const d of state.pools[0]!.draws) d.resolve(bytes(`thread:${d.text.title}`));
    expect([await text(cardPng(card('New'))), await text(cardPng(card('Other')))]).toEqual([
      'thread:New',
      'thread:Other',
    ]);
  });

  it('start no threads when every card is kept already', async () => {
    const c = card('Kept before the build');
    await cardPng(c);
    prepareCards([c]);
    prepareCards([]);
    expect(state.pools).toEqual([]);
  });

  it('start no threads when the worker module is missing: each card is then drawn when it is asked for', async () => {
    state.available = false;
    prepareCards([card('No threads')]);
    expect(state.pools).toEqual([]);
    expect(await text(cardPng(card('No threads')))).toBe('here:No threads');
  });

  it('give the thread’s PNG to the page that asks, keep it, and serve the kept file from then on', async () => {
    const c = card('From a thread');
    prepareCards([c]);
    state.pools[0]!.draws[0]!.resolve(bytes('thread:From a thread'));
    expect(await text(cardPng(c))).toBe('thread:From a thread');
    expect(fs.readFileSync(kept(c), 'utf8')).toBe('thread:From a thread');
    // Asked for again (a second build in the same process): the kept file, not the bytes held from the thread.
    fs.writeFileSync(kept(c), 'kept:From a thread');
    const reused = cardStats().reused;
    expect(await text(cardPng(c))).toBe('kept:From a thread');
    expect(cardStats().reused).toBe(reused + 1);
  });

  it('time the drawing from the first card started to the last one done', async () => {
    const stats = cardStats();
    delete stats.started;
    delete stats.finished;
    await cardPng(card('Timed first'));
    const { started, finished } = stats;
    expect(typeof started).toBe('number');
    expect(finished).toBeGreaterThanOrEqual(started!);
    await cardPng(card('Timed second'));
    expect(stats.started).toBe(started);
    expect(stats.finished).toBeGreaterThanOrEqual(finished!);
  });
});
