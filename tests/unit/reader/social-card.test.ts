import { describe, expect, it } from 'vitest';
import { cardPath, renderCard } from '../../../src/lib/social-card';

describe('cardPath', () => {
  it('gives each page its card', () => {
    expect(cardPath('/')).toBe('/og/index.png');
    expect(cardPath('/glossary/')).toBe('/og/glossary.png');
    expect(cardPath('/kernel-features/kernel-tls/')).toBe('/og/kernel-features/kernel-tls.png');
    expect(cardPath('/404.html')).toBe('/og/index.png');
  });
});

describe('renderCard', () => {
  const text = {
    title: 'Kernel TLS',
    kicker: 'Kernel features',
    siteName: 'Open Connect & FreeBSD',
    tagline: 'After the FOSDEM 2019 talk',
  };

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
