import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CardText } from '../../../src/lib/social-card';

// The fonts' digests as a stand-in can change them: as a new version of a font package would.
const fonts = vi.hoisted(() => ({ version: '' }));
vi.mock('../../../src/lib/card-fonts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../src/lib/card-fonts')>();
  return { ...actual, fontDigest: (file: string) => actual.fontDigest(file) + fonts.version };
});
const { cardKey } = await import('../../../src/lib/social-card');

const text: CardText = {
  title: 'Kernel TLS',
  kicker: 'Kernel features',
  siteName: 'Open Connect & FreeBSD',
  tagline: 'After the FOSDEM 2019 talk',
};

describe('the card cache’s key', () => {
  afterEach(() => {
    fonts.version = '';
  });

  it('changes when a font file the card is drawn with changes, though its text does not', () => {
    const before = cardKey(text);
    fonts.version = '-new-release';
    expect(cardKey(text)).not.toBe(before);
    fonts.version = '';
    expect(cardKey(text)).toBe(before);
  });

  it('is a SHA-256 in hex, fit for a file name', () => {
    expect(cardKey(text)).toMatch(/^[0-9a-f]{64}$/);
  });
});
