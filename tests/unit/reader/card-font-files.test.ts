import fs from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parseRanges, woffCodePoints } from '../../../src/lib/card-fonts';

const require = createRequire(import.meta.url);
const interLatin = () => fs.readFileSync(require.resolve('@fontsource/inter/files/inter-latin-400-normal.woff'));

describe('the code points of a font subset', () => {
  it('reads a unicode-range as sorted ranges, single code points and any case of U+ alike', () => {
    expect(parseRanges('U+0590-05FF, u+20AA,,U+0041')).toEqual([
      [0x41, 0x41],
      [0x590, 0x5ff],
      [0x20aa, 0x20aa],
    ]);
    expect(parseRanges('')).toEqual([]);
  });

  it('reads the glyphs a WOFF file has from its cmap table', () => {
    const points = woffCodePoints(interLatin());
    expect(points.has(0x41)).toBe(true);
    expect(points.has('é'.codePointAt(0)!)).toBe(true);
    expect(points.has('ש'.codePointAt(0)!)).toBe(false);
    expect(points.has('日'.codePointAt(0)!)).toBe(false);
    expect(points.size).toBeGreaterThan(150);
  });

  it('refuses a file that is not WOFF', () => {
    expect(() => woffCodePoints(Buffer.from('wOF2 and more bytes than a header'))).toThrow('not a WOFF file');
  });
});
