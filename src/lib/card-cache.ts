import fs from 'node:fs';
import path from 'node:path';
import { CardPool, poolSize } from './card-pool';
import { cardKey, renderCard, type CardText } from './social-card';
import { cardStats } from './card-stats';

/**
 * Social cards drawn once: each PNG is kept in a folder outside dist/, named by its cardKey (a hash of the
 * text, the fonts and the renderer, see src/lib/social-card.ts), and never drawn again while that key holds.
 * The deploy workflow keeps the folder between runs (actions/cache). The cards a build needs that are not
 * there are drawn in parallel, on a pool of worker threads started by the card route's getStaticPaths, while
 * the build renders the HTML pages; each card's route then takes its PNG when it is done.
 */

/** The cache folder: GUIDE_CARD_CACHE, or node_modules/.cache/guide-cards (where build tools keep theirs). */
export function cardCacheDir(env: Record<string, string | undefined> = process.env): string {
  return path.resolve(env['GUIDE_CARD_CACHE'] || 'node_modules/.cache/guide-cards');
}

const fileOf = (key: string) => path.join(cardCacheDir(), `${key}.png`);

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

const pending = new Map<string, Promise<Uint8Array>>();

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
    if (!pending.has(key) && !missing.has(key) && !fs.existsSync(fileOf(key))) missing.set(key, text);
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
