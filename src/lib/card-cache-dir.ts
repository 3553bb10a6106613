import path from 'node:path';

/** The cache folder: GUIDE_CARD_CACHE, or node_modules/.cache/guide-cards (where build tools keep theirs). */
export function cardCacheDir(env: Record<string, string | undefined> = process.env): string {
  return path.resolve(env['GUIDE_CARD_CACHE'] || 'node_modules/.cache/guide-cards');
}

/** The cached PNG of the card with this key. */
export const cardFile = (key: string): string => path.join(cardCacheDir(), `${key}.png`);
