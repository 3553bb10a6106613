import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CardText } from './social-card';

/**
 * A small pool of worker threads that draw social cards (src/lib/card-worker.ts) while the build's own thread
 * renders the HTML pages. The worker loads the TypeScript module itself (Node strips the types), so it is found
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
  readonly #queue: Task[] = [];
  readonly #running = new Map<number, Task>();
  readonly #idle: Worker[] = [];
  readonly #workers: Worker[] = [];
  #next = 0;
  #closed = false;

  constructor(size = poolSize()) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(WORKER_FILE);
      worker.on('message', (message: { id: number; png?: Uint8Array; reused?: boolean; error?: string }) => {
        const task = this.#running.get(message.id);
        this.#running.delete(message.id);
        if (message.png) task?.resolve({ png: message.png, reused: message.reused === true });
        else task?.reject(new Error(`a social card could not be drawn: ${message.error}`));
        this.#idle.push(worker);
        this.#pump();
      });
      worker.on('error', (error: Error) => {
        for (const task of [...this.#running.values(), ...this.#queue.splice(0)]) task.reject(error);
        this.#running.clear();
      });
      this.#workers.push(worker);
      this.#idle.push(worker);
    }
  }

  /** Whether workers can run here: the worker's module must be on disk (it is not when the project moved). */
  static available(): boolean {
    return fs.existsSync(WORKER_FILE);
  }

  /** Draws a card on the next free worker. The pool closes once it has nothing left to draw. */
  async draw(text: CardText): Promise<Uint8Array> {
    return (await this.#submit(text, false)).png;
  }

  /** The card from the card cache if it is there (`reused`), else drawn on the next free worker. */
  drawOrReuse(text: CardText): Promise<{ png: Uint8Array; reused: boolean }> {
    return this.#submit(text, true);
  }

  #submit(text: CardText, reuse: boolean): Promise<{ png: Uint8Array; reused: boolean }> {
    if (this.#closed)
      return Promise.reject(new Error('the card pool is closed: submit every card before the first is done'));
    return new Promise((resolve, reject) => {
      this.#queue.push({ id: this.#next++, text, reuse, resolve, reject });
      this.#pump();
    });
  }

  #pump() {
    while (this.#idle.length > 0 && this.#queue.length > 0) {
      const task = this.#queue.shift()!;
      const worker = this.#idle.pop()!;
      this.#running.set(task.id, task);
      worker.postMessage({ id: task.id, text: task.text, reuse: task.reuse });
    }
    // Nothing left to draw: let the build's process end without waiting for idle threads.
    if (this.#queue.length === 0 && this.#running.size === 0) this.close();
  }

  close(): void {
    this.#closed = true;
    for (const worker of this.#workers.splice(0)) void worker.terminate();
  }
}
