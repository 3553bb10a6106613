import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cardCacheDir, cardPng, prepareCards } from '../../../src/lib/card-cache';
import { cardStats } from '../../../src/lib/card-stats';
import { cardKey, renderCard } from '../../../src/lib/social-card';
import { temporaryCardCache } from '../../support/card-cache-dir';

const card = (title: string) => ({
  title,
  kicker: 'Kernel features',
  siteName: 'Open Connect & FreeBSD',
  tagline: 'After the FOSDEM 2019 talk',
});

describe('the card cache', () => {
  const cacheDir = temporaryCardCache('guide-cards-');

  it('lives where GUIDE_CARD_CACHE says, or in node_modules/.cache/guide-cards', () => {
    expect(cardCacheDir()).toBe(cacheDir());
    expect(cardCacheDir({})).toBe(path.resolve('node_modules/.cache/guide-cards'));
  });

  it('draws a card once, keeps it under its key, and gives the kept bytes afterwards', async () => {
    const text = card('Cached once');
    const file = path.join(cacheDir(), `${cardKey(text)}.png`);
    const drawnBefore = cardStats().drawn;
    const first = await cardPng(text);
    expect(fs.existsSync(file)).toBe(true);
    expect(cardStats().drawn).toBe(drawnBefore + 1);
    // A kept card is what is served, byte for byte: prove it by changing the kept file.
    fs.writeFileSync(file, Buffer.concat([Buffer.from(first), Buffer.from('marker')]));
    const reusedBefore = cardStats().reused;
    const second = Buffer.from(await cardPng(text));
    expect(second.subarray(-6).toString()).toBe('marker');
    expect(cardStats().reused).toBe(reusedBefore + 1);
    expect(cardStats().drawn).toBe(drawnBefore + 1);
  });

  it('draws the missing cards on worker threads, the same bytes as drawn here', async () => {
    const texts = [card('Drawn by a worker'), card('Drawn by another worker')];
    const drawnBefore = cardStats().drawn;
    prepareCards(texts);
    expect(cardStats().workers).toBeGreaterThan(0);
    for (const text of texts) {
      expect(Buffer.from(await cardPng(text)).equals(Buffer.from(await renderCard(text)))).toBe(true);
      expect(fs.existsSync(path.join(cacheDir(), `${cardKey(text)}.png`))).toBe(true);
    }
    expect(cardStats().drawn).toBe(drawnBefore + 2);
  });
});
