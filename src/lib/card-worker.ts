import fs from 'node:fs';
import { parentPort } from 'node:worker_threads';
// With their extensions: this module runs on Node's own loader (type stripping), not in Vite's bundle.
import { cardKey, renderCard, type CardText } from './social-card.ts';
import { cardFile } from './card-cache-dir.ts';

/**
 * A worker of the card pool (src/lib/card-pool.ts): draws the cards it is sent, one at a time in the order they
 * came, and sends each PNG back. It runs the same renderCard as the build's own process, so a card is the same wherever it is drawn.
 * Asked to `reuse`, it first looks for the card in the card cache, under its key, and sends that back instead.
 */
type Request = { id: number; text: CardText; reuse?: boolean };

// The pool sends every card at once; they are drawn one after another, in the order they came, with a turn of
// the event loop after each. resvg keeps each picture's pixels in native memory until the JavaScript object that
// holds them is collected, and Node runs the native side's finalizers only from the event loop: drawn back to back
// in one chain of promises, 500 cards held 1.5 GB until the last was done.
let queue = Promise.resolve();
parentPort?.on('message', (request: Request) => {
  queue = queue.then(() => answer(request)).then(nextTurn);
});

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

async function answer({ id, text, reuse }: Request): Promise<void> {
  try {
    if (reuse) {
      const kept = readKept(cardKey(text));
      if (kept) {
        parentPort?.postMessage({ id, png: kept, reused: true }, [kept.buffer as ArrayBuffer]);
        return;
      }
    }
    const png = await renderCard(text);
    parentPort?.postMessage({ id, png }, [png.buffer as ArrayBuffer]);
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
}

function readKept(key: string): Uint8Array | undefined {
  try {
    return new Uint8Array(fs.readFileSync(cardFile(key)));
  } catch {
    return undefined;
  }
}
