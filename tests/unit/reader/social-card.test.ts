import path from 'node:path';
import satori from 'satori';
import { describe, expect, it } from 'vitest';
import { fontData, fontFilesFor } from '../../../src/lib/card-fonts';
import { cardKey, cardPath, cardSvg, renderCard } from '../../../src/lib/social-card';

const text = {
  title: 'Kernel TLS',
  kicker: 'Kernel features',
  siteName: 'Open Connect & FreeBSD',
  tagline: 'After the FOSDEM 2019 talk',
};

describe('cardPath', () => {
  it('gives each page its card', () => {
    expect(cardPath('/')).toBe('/og/index.png');
    expect(cardPath('/glossary/')).toBe('/og/glossary.png');
    expect(cardPath('/kernel-features/kernel-tls/')).toBe('/og/kernel-features/kernel-tls.png');
    expect(cardPath('/404.html')).toBe('/og/index.png');
  });
});

describe('renderCard', () => {
  // 1200×630 is the size Open Graph and Twitter cards are shown at; the card must be that, whatever the code says.
  it('makes a 1200×630 PNG', async () => {
    const png = Buffer.from(await renderCard(text));
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    expect(png.length).toBeGreaterThan(5000);
  });

  it('makes the same bytes every time, so that builds are reproducible', async () => {
    const long = {
      ...text,
      title: 'A very long title that has to wrap over several lines of the card to fit its width',
    };
    expect(Buffer.from(await renderCard(long)).equals(Buffer.from(await renderCard(long)))).toBe(true);
  });
});

describe('fallback fonts', () => {
  /** The outline satori draws for one character at 100 px, with the fonts a card with that text would get. */
  async function glyph(char: string, fallback: boolean): Promise<string> {
    const fonts = fontFilesFor(char, { fallback }).map((f) => ({
      name: f.name,
      data: fontData(f.file),
      weight: f.weight,
      style: 'normal' as const,
    }));
    const svg = await satori(
      { type: 'div', props: { style: { display: 'flex', fontSize: 100, fontFamily: 'Inter' }, children: char } },
      { width: 200, height: 200, fonts },
    );
    return [...svg.matchAll(/<path[^>]* d="([^"]*)"/g)].map((m) => m[1]).join(' ');
  }

  // U+E000 is private use: no font has it, so it is drawn as the "no glyph" box.
  const tofu = () => glyph('\uE000', true);

  it.each([
    ['Japanese', '日'],
    ['Japanese kana', 'の'],
    ['Chinese', '简'],
    ['Korean', '한'],
    ['Hebrew', 'ש'],
    ['Arabic', 'م'],
    ['Cyrillic', 'Ж'],
    ['an emoji', '🎬'],
  ])('draws %s (%s) as a glyph, where Inter alone draws the no-glyph box', async (_, char) => {
    const box = await tofu();
    expect(await glyph(char, false)).toBe(box);
    const drawn = await glyph(char, true);
    expect(drawn).not.toBe(box);
    expect(drawn.length).toBeGreaterThan(20);
  });

  it('loads only the subsets the text needs: Inter alone for English', () => {
    const names = (text: string) => [...new Set(fontFilesFor(text).map((f) => path.basename(f.file)))];
    expect(names('Kernel TLS · After the FOSDEM 2019 talk')).toEqual([
      'inter-latin-400-normal.woff',
      'inter-latin-700-normal.woff',
    ]);
    const mixed = names('Kernel TLS 日本語 שלום 🎬');
    expect(mixed.slice(0, 2)).toEqual(['inter-latin-400-normal.woff', 'inter-latin-700-normal.woff']);
    expect(mixed.some((n) => n.startsWith('noto-sans-hebrew-hebrew-'))).toBe(true);
    expect(mixed.some((n) => n.startsWith('noto-sans-jp-'))).toBe(true);
    expect(mixed.some((n) => n.startsWith('noto-emoji-'))).toBe(true);
    // A few slices of the Japanese font, not its hundred files.
    expect(mixed.filter((n) => n.startsWith('noto-sans-jp-')).length).toBeLessThanOrEqual(6);
  });

  it('draws a card in Japanese, Hebrew and with an emoji differently from one without fallback fonts', async () => {
    const card = { ...text, title: 'ネットフリックス と FreeBSD', kicker: 'שלום 🎬' };
    expect(await cardSvg(card)).not.toBe(await cardSvg(card, { fallback: false }));
    // An English card does not change: the fallback fonts are not even loaded for it.
    expect(await cardSvg(text)).toBe(await cardSvg(text, { fallback: false }));
  });
});

describe('cardKey', () => {
  it('is the same for the same card and changes with its text or the fonts it needs', () => {
    expect(cardKey(text)).toBe(cardKey({ ...text }));
    expect(cardKey({ ...text, title: 'Kernel TLS!' })).not.toBe(cardKey(text));
    expect(cardKey({ ...text, kicker: 'Kernel features 🎬' })).not.toBe(cardKey(text));
  });
});
