import fs from 'node:fs';
import path from 'node:path';
import { CardPool, poolSize } from './card-pool';
import { cardKey, renderCard, type CardText } from './social-card';
import { cardStats } from './card-stats';
import { cardCacheDir, cardFile } from './card-cache-dir';
import { takeEarly, startedEarly } from './card-early';

/**
 * Social cards drawn once: each PNG is kept in a folder outside dist/, named by its cardKey (a hash of the
 * text, the fonts and the renderer, see src/lib/social-card.ts), and never drawn again while that key holds.
 * The deploy workflow keeps the folder between runs (actions/cache). The cards a build needs that are not
 * there are drawn in parallel, on a pool of worker threads started by the card route's getStaticPaths, while
 * the build renders the HTML pages; each card's route then takes its PNG when it is done.
 */

export { cardCacheDir };

const fileOf = cardFile;

function cached(key: string): Uint8Array | undefined {
  try {
    return new Uint8Array(fs.readFileSync(fileOf(key)));
  } catch {
    return undefined;
  }
}

/** Writes a card under a temporary name and renames it, so that builds side by side never read half a file. */
function store(key: string, png: Uint8Array): void {
  const file = fileOf(key);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  fs.writeFileSync(temporary, png);
  fs.renameSync(temporary, file);
}

/**
 * Cards being drawn, by key. On globalThis: the drawing may start in the config's own copy of this module
 * (src/integrations/early-cards.ts), before the card route's copy in Vite's bundle asks for the PNGs.
 */
const pending = ((globalThis as Record<symbol, unknown>)[Symbol.for('open-connect-guide.cards-pending')] ??=
  new Map()) as Map<string, Promise<Uint8Array>>;

async function drawn(key: string, png: Promise<Uint8Array>): Promise<Uint8Array> {
  const stats = cardStats();
  stats.started ??= performance.now();
  const bytes = await png;
  store(key, bytes);
  stats.drawn++;
  stats.finished = performance.now();
  return bytes;
}

/**
 * Starts drawing, on worker threads, every card of `texts` that is not in the cache; cardPng then waits for
 * it. Called once per build with every card, before any page renders.
 */
export function prepareCards(texts: readonly CardText[]): void {
  const missing = new Map<string, CardText>();
  for (const text of texts) {
    const key = cardKey(text);
    if (!pending.has(key) && !missing.has(key) && !startedEarly(text) && !fs.existsSync(fileOf(key)))
      missing.set(key, text);
  }
  if (missing.size === 0 || !CardPool.available()) return;
  const size = Math.min(missing.size, poolSize());
  const pool = new CardPool(size);
  cardStats().workers = size;
  for (const [key, text] of missing) pending.set(key, drawn(key, pool.draw(text)));
}

/** A card's PNG: from the cache, from the workers that are drawing it, or drawn here and now. */
export function cardPng(text: CardText): Promise<Uint8Array> {
  const key = cardKey(text);
  const early = takeEarly(text);
  if (early) return fromEarly(key, early);
  const inFlight = pending.get(key);
  if (inFlight) {
    // Each card is asked for once per build; its bytes need not stay in memory after that.
    pending.delete(key);
    return inFlight;
  }
  const hit = cached(key);
  if (hit) {
    cardStats().reused++;
    return Promise.resolve(hit);
  }
  return drawn(key, renderCard(text));
}

/** A card that src/integrations/early-cards.ts started: kept in the cache if it was drawn, counted either way. */
async function fromEarly(key: string, early: Promise<{ png: Uint8Array; reused: boolean }>): Promise<Uint8Array> {
  const stats = cardStats();
  const { png, reused } = await early;
  if (reused) stats.reused++;
  else {
    store(key, png);
    stats.drawn++;
  }
  return png;
}
