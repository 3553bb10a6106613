import { parentPort } from 'node:worker_threads';
// With its extension: this module runs on Node's own loader (type stripping), not in Vite's bundle.
import { renderCard, type CardText } from './social-card.ts';

/**
 * A worker of the card pool (src/lib/card-pool.ts): draws the cards it is sent, one at a time, and sends each
 * PNG back. It runs the same renderCard as the build's own process, so a card is the same wherever it is drawn.
 */
parentPort?.on('message', async ({ id, text }: { id: number; text: CardText }) => {
  try {
    const png = await renderCard(text);
    parentPort?.postMessage({ id, png }, [png.buffer as ArrayBuffer]);
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
