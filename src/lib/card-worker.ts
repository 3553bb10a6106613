import fs from 'node:fs';
import { parentPort } from 'node:worker_threads';
// With their extensions: this module runs on Node's own loader (type stripping), not in Vite's bundle.
import { cardKey, renderCard, type CardText } from './social-card.ts';
import { cardFile } from './card-cache-dir.ts';

/**
 * A worker of the card pool (src/lib/card-pool.ts): draws the cards it is sent, one at a time, and sends each
 * PNG back. It runs the same renderCard as the build's own process, so a card is the same wherever it is drawn.
 * Asked to `reuse`, it first looks for the card in the card cache, under its key, and sends that back instead.
 */
parentPort?.on('message', async ({ id, text, reuse }: { id: number; text: CardText; reuse?: boolean }) => {
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
});

function readKept(key: string): Uint8Array | undefined {
  try {
    return new Uint8Array(fs.readFileSync(cardFile(key)));
  } catch {
    return undefined;
  }
}
