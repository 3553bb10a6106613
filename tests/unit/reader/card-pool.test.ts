import fs from 'node:fs';
import os from 'node:os';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CardText } from '../../../src/lib/social-card';

// The pool's threads are stand-ins that record what they are sent and answer when the test says: what is
// checked is how the pool hands out cards, not how a card is drawn (card-cache.test.ts draws real ones).
interface FakeWorker {
  file: string;
  posted: { id: number; text: CardText }[];
  terminated: boolean;
  emit(event: string, value: unknown): boolean;
}
const threads = vi.hoisted(() => [] as FakeWorker[]);
vi.mock('node:worker_threads', async () => {
  const { EventEmitter } = await import('node:events');
  class Worker extends EventEmitter {
    posted: unknown[] = [];
    terminated = false;
    constructor(readonly file: string) {
      super();
      threads.push(this as unknown as FakeWorker);
    }
    postMessage(message: unknown) {
      this.posted.push(message);
    }
    terminate() {
      this.terminated = true;
      return Promise.resolve(0);
    }
  }
  return { Worker };
});

const { CardPool, WORKER_FILE, poolSize } = await import('../../../src/lib/card-pool');

const card = (title: string): CardText => ({ title, kicker: 'Kernel features', siteName: 'Guide', tagline: '' });
const png = (...bytes: number[]) => new Uint8Array(bytes);
/** What a promise has come to once pending callbacks have run: its value, its error's message, or "pending". */
const settled = async (promise: Promise<unknown>) =>
  Promise.race([
    promise.then(
      (value) => value,
      (error: Error) => `rejected: ${error.message}`,
    ),
    new Promise((resolve) => setTimeout(() => resolve('pending'), 20)),
  ]);
/** The worker's answer to the oldest card it holds (a worker draws its cards in the order they came). */
const answered = new WeakMap<FakeWorker, number>();
const answer = (thread: FakeWorker, reply: { png?: Uint8Array; error?: string }) => {
  const n = answered.get(thread) ?? 0;
  answered.set(thread, n + 1);
  return thread.emit('message', { id: thread.posted[Math.min(n, thread.posted.length - 1)]!.id, ...reply });
};

beforeEach(() => {
  threads.length = 0;
});

describe('the number of card threads', () => {
  const before = process.env['GUIDE_CARD_WORKERS'];
  afterEach(() => {
    if (before === undefined) delete process.env['GUIDE_CARD_WORKERS'];
    else process.env['GUIDE_CARD_WORKERS'] = before;
    vi.restoreAllMocks();
  });

  it('is what GUIDE_CARD_WORKERS says, when that is a whole number above zero', () => {
    process.env['GUIDE_CARD_WORKERS'] = '3';
    expect(poolSize()).toBe(3);
    process.env['GUIDE_CARD_WORKERS'] = '12';
    expect(poolSize()).toBe(12);
  });

  it('is all cores but one, at least one and at most four, otherwise', () => {
    const cores = vi.spyOn(os, 'availableParallelism');
    const sizes = (env: string | undefined) =>
      [1, 2, 3, 5, 16].map((n) => {
        if (env === undefined) delete process.env['GUIDE_CARD_WORKERS'];
        else process.env['GUIDE_CARD_WORKERS'] = env;
        cores.mockReturnValue(n);
        return poolSize();
      });
    expect(sizes(undefined)).toEqual([1, 1, 2, 4, 4]);
    for (const env of ['', '0', '-2', '2.5', 'many']) expect(sizes(env), env).toEqual([1, 1, 2, 4, 4]);
  });
});

describe('the card pool', () => {
  it('starts as many threads as asked, each on the worker module, which is on disk', () => {
    const pool = new CardPool(3);
    expect(threads).toHaveLength(3);
    expect(threads.every((t) => t.file === WORKER_FILE)).toBe(true);
    expect(CardPool.available()).toBe(fs.existsSync(WORKER_FILE));
    expect(CardPool.available()).toBe(true);
    pool.close();
  });

  it('sends every card at once, to the thread holding fewest, and gives each card its own PNG', async () => {
    const pool = new CardPool(2);
    const [a, b, c] = [pool.draw(card('A')), pool.draw(card('B')), pool.draw(card('C'))];
    // No card waits for a thread to be free: a thread never waits for the build's own thread to hand it one.
    expect(threads.map((t) => t.posted.map((m) => m.text.title))).toEqual([['A', 'C'], ['B']]);
    answer(threads[0]!, { png: png(1) });
    // A thread that has answered holds fewer and takes the next card.
    const d = pool.draw(card('D'));
    expect(threads.map((t) => t.posted.length)).toEqual([3, 1]);
    answer(threads[0]!, { png: png(3) });
    answer(threads[1]!, { png: png(2) });
    answer(threads[0]!, { png: png(4) });
    expect([await a, await b, await c, await d]).toEqual([png(1), png(2), png(3), png(4)]);
    const ids = threads.flatMap((t) => t.posted.map((m) => m.id));
    expect(new Set(ids).size).toBe(4);
  });

  it('stays open while cards are being drawn, and closes its threads once the last card is done', async () => {
    const pool = new CardPool(2);
    const a = pool.draw(card('A'));
    expect(threads.some((t) => t.terminated)).toBe(false);
    const b = pool.draw(card('B'));
    answer(
      threads.find((t) => t.posted.length > 0 && t.posted[0]!.text.title === 'A')!,
      { png: png(1) },
    );
    expect(await a).toEqual(png(1));
    expect(threads.some((t) => t.terminated)).toBe(false);
    answer(
      threads.find((t) => t.posted[0]?.text.title === 'B')!,
      { png: png(2) },
    );
    expect(await b).toEqual(png(2));
    expect(threads.every((t) => t.terminated)).toBe(true);
    expect(await settled(pool.draw(card('Late')))).toMatch(/^rejected: the card pool is closed/);
  });

  it('rejects a card its thread could not draw, with the thread’s error, and draws the others', async () => {
    const pool = new CardPool(1);
    const [bad, good] = [pool.draw(card('Bad')), pool.draw(card('Good'))];
    answer(threads[0]!, { error: 'TypeError: no title\n    at cardTree' });
    expect(await settled(bad)).toBe('rejected: a social card could not be drawn: TypeError: no title\n    at cardTree');
    answer(threads[0]!, { png: png(7) });
    expect(await good).toEqual(png(7));
  });

  it('rejects every card running or waiting when a thread fails, and ignores a late answer', async () => {
    const pool = new CardPool(1);
    const [running, waiting] = [pool.draw(card('Running')), pool.draw(card('Waiting'))];
    threads[0]!.emit('error', new Error('the thread ran out of memory'));
    expect(await settled(running)).toBe('rejected: the thread ran out of memory');
    expect(await settled(waiting)).toBe('rejected: the thread ran out of memory');
    expect(() => answer(threads[0]!, { png: png(1) })).not.toThrow();
    expect(() => answer(threads[0]!, { error: 'late' })).not.toThrow();
  });

  it('ends its threads when closed, and takes no more cards', async () => {
    const pool = new CardPool(2);
    pool.close();
    expect(threads.map((t) => t.terminated)).toEqual([true, true]);
    expect(await settled(pool.draw(card('After')))).toMatch(/^rejected: the card pool is closed/);
    expect(threads.every((t) => t.posted.length === 0)).toBe(true);
  });
});
