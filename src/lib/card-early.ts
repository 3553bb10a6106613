import { CardPool, poolSize } from './card-pool';
import { cardStats } from './card-stats';
import type { CardText } from './social-card';

type Early = Promise<{ png: Uint8Array; reused: boolean }>;

/**
 * Cards started before the card route asks for them (src/integrations/early-cards.ts), by their text. On
 * globalThis: the config's copy of this module starts them, the copy in Vite's bundle takes them. A text names
 * its card within a build (the key adds only the fonts and the renderer, fixed for the build); the worker
 * looks for the card in the cache first, as the key says, and draws only what is not there.
 */
const early = ((globalThis as Record<symbol, unknown>)[Symbol.for('open-connect-guide.cards-early')] ??=
  new Map()) as Map<string, Early>;

const idOf = (text: CardText) => JSON.stringify([text.title, text.kicker, text.siteName, text.tagline]);

/** Starts every card of `texts` on the card workers; returns how many it started. */
export function drawEarly(texts: readonly CardText[]): number {
  const fresh = [...new Map(texts.map((t) => [idOf(t), t])).entries()].filter(([id]) => !early.has(id));
  if (fresh.length === 0 || !CardPool.available()) return 0;
  const size = Math.min(fresh.length, poolSize());
  const pool = new CardPool(size);
  const stats = cardStats();
  stats.workers = size;
  stats.started ??= performance.now();
  for (const [id, text] of fresh)
    early.set(
      id,
      // The timing log's card phase ends when the last card is drawn, not when its page is rendered.
      pool.drawOrReuse(text).then((card) => {
        if (!card.reused) stats.finished = performance.now();
        return card;
      }),
    );
  return fresh.length;
}

/** Whether this card was started early (and the route should not start it again). */
export function startedEarly(text: CardText): boolean {
  return early.has(idOf(text));
}

/** The early card for this text, once: a card is asked for once per build. */
export function takeEarly(text: CardText): Early | undefined {
  const id = idOf(text);
  const found = early.get(id);
  early.delete(id);
  return found;
}
