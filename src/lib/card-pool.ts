import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CardText } from './social-card';

/**
 * A small pool of worker threads that draw social cards (src/lib/card-worker.ts) while the build's own thread
 * renders the HTML pages. Every card goes to a thread as soon as it is asked for; each thread draws the cards
 * it holds one at a time, in order. The worker loads the TypeScript module itself (Node strips the types), so it is found
 * from the project's folder, like the content (src/lib/content-dir.ts): the card route runs from Vite's bundle,
 * whose own location says nothing about the sources.
 */
export const WORKER_FILE = path.resolve('src/lib/card-worker.ts');

/** Threads to draw with: all cores but the one that renders the pages, at least one, at most four. */
export function poolSize(): number {
  const fromEnv = Number(process.env['GUIDE_CARD_WORKERS']);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  return Math.max(1, Math.min(4, os.availableParallelism() - 1));
}

interface Task {
  id: number;
  text: CardText;
  /** Look in the card cache first (src/lib/card-cache-dir.ts), and draw only a card that is not there. */
  reuse: boolean;
  resolve: (card: { png: Uint8Array; reused: boolean }) => void;
  reject: (error: Error) => void;
}

export class CardPool {
  readonly #running = new Map<number, Task>();
  readonly #workers: Worker[] = [];
  /** Cards sent to each thread and not yet answered. */
  readonly #load = new Map<Worker, number>();
  #next = 0;
  #closed = false;

  constructor(size = poolSize()) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(WORKER_FILE);
      worker.on('message', (message: { id: number; png?: Uint8Array; reused?: boolean; error?: string }) => {
        const task = this.#running.get(message.id);
        if (!task) return;
        this.#running.delete(message.id);
        this.#load.set(worker, (this.#load.get(worker) ?? 1) - 1);
        if (message.png) task.resolve({ png: message.png, reused: message.reused === true });
        else task.reject(new Error(`a social card could not be drawn: ${message.error}`));
        // Nothing left to draw: let the build's process end without waiting for idle threads.
        if (this.#running.size === 0) this.close();
      });
      worker.on('error', (error: Error) => {
        for (const task of this.#running.values()) task.reject(error);
        this.#running.clear();
      });
      this.#workers.push(worker);
      this.#load.set(worker, 0);
    }
  }

  /** Whether workers can run here: the worker's module must be on disk (it is not when the project moved). */
  static available(): boolean {
    return fs.existsSync(WORKER_FILE);
  }

  /** Draws a card on a thread of the pool. The pool closes once it has nothing left to draw. */
  async draw(text: CardText): Promise<Uint8Array> {
    return (await this.#submit(text, false)).png;
  }

  /** The card from the card cache if it is there (`reused`), else drawn on a thread of the pool. */
  drawOrReuse(text: CardText): Promise<{ png: Uint8Array; reused: boolean }> {
    return this.#submit(text, true);
  }

  #submit(text: CardText, reuse: boolean): Promise<{ png: Uint8Array; reused: boolean }> {
    if (this.#closed)
      return Promise.reject(new Error('the card pool is closed: submit every card before the first is done'));
    return new Promise((resolve, reject) => {
      const task: Task = { id: this.#next++, text, reuse, resolve, reject };
      // Sent at once, to the thread with the fewest cards in hand, which draws its cards one after another:
      // a thread never waits for the build's own thread, busy rendering, to hand it the next card.
      const worker = this.#workers.reduce((a, b) => (this.#load.get(b)! < this.#load.get(a)! ? b : a));
      this.#load.set(worker, this.#load.get(worker)! + 1);
      this.#running.set(task.id, task);
      worker.postMessage({ id: task.id, text: task.text, reuse: task.reuse });
    });
  }

  close(): void {
    this.#closed = true;
    for (const worker of this.#workers.splice(0)) void worker.terminate();
  }
}
