import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fontData, fontDigest, fontFilesFor, woffCodePoints } from '../../../src/lib/card-fonts';
import { cardTree } from '../../../src/lib/social-card';

const card = { title: 'Kernel TLS', kicker: 'Kernel features', siteName: 'Open Connect & FreeBSD', tagline: '' };

// Japanese, Chinese and Korean from several of their numbered slices, an emoji, symbols without a bold face,
// Hebrew, Thai, Devanagari and Cyrillic.
const MIXED = 'Kernel TLS 日本の简体한국 🎬 ★⌘ שלום ไทย नमस्ते Ж';

describe('the fonts chosen for a card’s text', () => {
  // One test for the fonts of one text: card-fonts reads each package once per process, so this is where
  // the packages are read (in this file), and where what is read is checked.
  it('are files on disk that have a glyph for every character, each subset under a name of its own', () => {
    const files = fontFilesFor(MIXED);
    expect(files.filter((f) => !fs.existsSync(f.file))).toEqual([]);

    const drawn = new Set(files.flatMap((f) => [...woffCodePoints(fontData(f.file))]));
    expect([...MIXED].filter((c) => c !== ' ' && !drawn.has(c.codePointAt(0)!))).toEqual([]);

    // satori keeps one font per name and weight: two subsets under one name would hide the second.
    const keys = files.map((f) => `${f.name} ${f.weight}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(files.every((f) => f.name.trim() !== '')).toBe(true);
    // The first is the family the card is set in; no fallback shares its name.
    expect(files[0]!.name).toBe(cardTree(card).props.style?.['fontFamily']);
    expect(files.slice(2).every((f) => f.name !== files[0]!.name)).toBe(true);

    // A regular and a bold face, from files of their own, where the family has a bold face.
    const byName = new Map<string, typeof files>();
    for (const f of files) byName.set(f.name, [...(byName.get(f.name) ?? []), f]);
    expect(byName.size).toBeGreaterThan(10);
    for (const [name, faces] of byName) {
      expect(faces.map((f) => f.weight).sort(), name).toEqual(faces.length === 1 ? [400] : [400, 700]);
      expect(new Set(faces.map((f) => f.file)).size, name).toBe(faces.length);
    }
    expect(byName.get(files[0]!.name)).toHaveLength(2);
    // The symbols font has a regular face only.
    expect([...byName.values()].some((faces) => faces.length === 1)).toBe(true);
  });

  it('come in the same order whatever the order of the text', () => {
    const forwards = fontFilesFor('한 日 ש 🎬');
    expect(fontFilesFor('🎬 ש 日 한')).toEqual(forwards);
    expect(forwards.length).toBeGreaterThan(2);
  });
});

describe('a font file’s digest', () => {
  it('is the SHA-256 of its bytes in hex: the same for the same bytes, another for others', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guide-card-fonts-'));
    try {
      const [a, b, c] = ['a.woff', 'b.woff', 'c.woff'].map((name) => path.join(dir, name)) as [string, string, string];
      fs.writeFileSync(a, 'version 1');
      fs.writeFileSync(b, 'version 1');
      fs.writeFileSync(c, 'version 2');
      expect(fontDigest(a)).toBe(fontDigest(a));
      expect(fontDigest(b)).toBe(fontDigest(a));
      expect(fontDigest(c)).not.toBe(fontDigest(a));
      // printf 'version 1' | sha256sum
      expect(fontDigest(a)).toBe('b19f8edae2ee6c225b7278b289c2823ab9accfa225c5d67c4bef270b88ea55f0');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
