import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chaptersFromFiles } from '../../../src/integrations/early-cards';
import { cardTexts } from '../../../src/lib/card-texts';
import { drawEarly, startedEarly } from '../../../src/lib/card-early';
import { cardPng, prepareCards } from '../../../src/lib/card-cache';
import { cardStats } from '../../../src/lib/card-stats';
import { cardKey, type CardText } from '../../../src/lib/social-card';
import { temporaryCardCache } from '../../support/card-cache-dir';

const GOOD = path.resolve('tests/fixtures/good');

describe('the chapters read from their files, for the cards drawn early (chaptersFromFiles)', () => {
  it('are the collection’s: in reading order, with the schema’s defaults', () => {
    const chapters = chaptersFromFiles(GOOD)!;
    expect(chapters.map((c) => c.id)).toEqual(['index', 'parent', 'parent/child']);
    const parent = chapters.find((c) => c.id === 'parent')!;
    expect(parent.data).toMatchObject({ title: 'Parent chapter', navTitle: 'Parent chapter' });
    expect(cardTexts(chapters).get('/parent/child/')).toMatchObject({ kicker: 'Parent chapter' });
  });

  it('are nothing when a file does not pass the schema: the content sync reports it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guide-early-'));
    fs.cpSync(GOOD, dir, { recursive: true });
    const file = path.join(dir, 'chapters/parent/child.mdx');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^title: .*$/m, 'titel: Typo'));
    expect(chaptersFromFiles(dir)).toBeUndefined();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('cards started early on the workers (drawEarly)', () => {
  const cacheDir = temporaryCardCache('guide-cards-early-');

  it('are taken by the card route: a kept card from the cache, a new one drawn and kept, none started twice', async () => {
    const kept: CardText = { title: 'Kept early', kicker: 'K', siteName: 'Guide', tagline: '' };
    const fresh: CardText = { ...kept, title: 'Drawn early' };
    fs.writeFileSync(path.join(cacheDir(), `${cardKey(kept)}.png`), 'kept bytes');
    const stats = { ...cardStats() };
    expect(drawEarly([kept, fresh, fresh])).toBe(2);
    expect(drawEarly([kept])).toBe(0);
    expect(startedEarly(fresh)).toBe(true);
    // The route's own start leaves them alone (no pool of its own: nothing is missing).
    const workers = cardStats().workers;
    prepareCards([kept, fresh]);
    expect(cardStats().workers).toBe(workers);
    expect(Buffer.from(await cardPng(kept)).toString()).toBe('kept bytes');
    const png = await cardPng(fresh);
    expect(Buffer.from(png).subarray(0, 4).toString('hex')).toBe('89504e47');
    expect(fs.readFileSync(path.join(cacheDir(), `${cardKey(fresh)}.png`))).toEqual(Buffer.from(png));
    expect(cardStats().reused - stats.reused).toBe(1);
    expect(cardStats().drawn - stats.drawn).toBe(1);
    expect(startedEarly(fresh)).toBe(false);
  });
});
