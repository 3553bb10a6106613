import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import zlib from 'node:zlib';

/**
 * The fonts of a social card: Inter (latin) always, and for any character that Inter's latin subset lacks, the
 * subset of a fallback font that covers it — Inter's other subsets, then Noto fonts for Hebrew, Arabic,
 * Devanagari, Thai, symbols, emoji, Japanese, Chinese and Korean, all bundled from @fontsource packages. Only
 * the subsets a card's own text needs are read (a CJK font is some hundred files of a few hundred
 * characters each), so a card in plain English loads what it always did and comes out byte for byte the same.
 *
 * The fonts are chosen here from the text, not by satori's `loadAdditionalAsset`: satori adds what that hook
 * returns to a font set it caches across renders, so a card's glyphs would depend on which cards were drawn
 * before it in the same process (a Han character is in the Japanese and the Chinese font alike). Chosen from
 * the text alone, the same text always gets the same fonts, in the same order, wherever it is drawn.
 */

const require = createRequire(import.meta.url);

/** The weights a card uses: 400 for the kicker and tagline, 700 for the title and the site's name. */
const WEIGHTS = [400, 700] as const;
type Weight = (typeof WEIGHTS)[number];

interface Family {
  /** The family name satori knows the font by. */
  name: string;
  /** The @fontsource package, whose files/, unicode.json and metadata.json are read. */
  pkg: string;
  /** Named subsets to use, in order; undefined: every subset (the CJK and emoji fonts' numbered slices). */
  subsets?: readonly string[];
}

/** Inter's latin subset: what every card loads. */
const BASE: Family = { name: 'Inter', pkg: '@fontsource/inter', subsets: ['latin'] };

/** Where a character that Inter's latin subset lacks is looked for, in this order. */
const FALLBACKS: readonly Family[] = [
  {
    name: 'Inter',
    pkg: '@fontsource/inter',
    subsets: ['latin-ext', 'cyrillic', 'cyrillic-ext', 'greek', 'greek-ext', 'vietnamese'],
  },
  { name: 'Noto Sans Hebrew', pkg: '@fontsource/noto-sans-hebrew', subsets: ['hebrew'] },
  { name: 'Noto Sans Arabic', pkg: '@fontsource/noto-sans-arabic', subsets: ['arabic'] },
  { name: 'Noto Sans Devanagari', pkg: '@fontsource/noto-sans-devanagari', subsets: ['devanagari'] },
  { name: 'Noto Sans Thai', pkg: '@fontsource/noto-sans-thai', subsets: ['thai'] },
  // Before the CJK fonts, which carry some pictographs of their own: an emoji is drawn from the emoji font.
  { name: 'Noto Emoji', pkg: '@fontsource/noto-emoji' },
  { name: 'Noto Sans Symbols 2', pkg: '@fontsource/noto-sans-symbols-2', subsets: ['symbols', 'math', 'braille'] },
  { name: 'Noto Sans JP', pkg: '@fontsource/noto-sans-jp' },
  { name: 'Noto Sans SC', pkg: '@fontsource/noto-sans-sc' },
  { name: 'Noto Sans KR', pkg: '@fontsource/noto-sans-kr' },
];

/** One file of a font: a subset at one weight. */
export interface FontFile {
  name: string;
  weight: Weight;
  file: string;
}

/** A subset of a family: the code points it covers, as sorted [first, last] ranges, and its files by weight. */
interface Subset {
  family: Family;
  ranges: [number, number][];
  files: FontFile[];
}

function packageDir(pkg: string): string {
  return require.resolve(`${pkg}/unicode.json`).replace(/[/\\]unicode\.json$/, '');
}

/** "U+0590-05FF,U+20AA" as ranges. */
export function parseRanges(spec: string): [number, number][] {
  return spec
    .split(',')
    .map((part) => part.trim().replace(/^U\+/i, ''))
    .filter(Boolean)
    .map((part) => {
      const [a = '', b] = part.split('-');
      return [parseInt(a, 16), parseInt(b ?? a, 16)] as [number, number];
    })
    .sort((x, y) => x[0] - y[0]);
}

const covers = (ranges: readonly [number, number][], cp: number) => ranges.some(([a, b]) => cp >= a && cp <= b);

/**
 * The code points a WOFF file has a glyph for, from its `cmap` table (format 4 or 12). A subset's unicode-range
 * says what it may hold, not what it holds: Google's CJK slices share their ranges across fonts, so Noto Sans
 * SC's slice "[105]" names Hangul that only the Korean font draws.
 */
export function woffCodePoints(woff: Buffer): Set<number> {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error('not a WOFF file');
  const numTables = woff.readUInt16BE(12);
  let cmap: Buffer | undefined;
  for (let i = 0; i < numTables; i++) {
    const entry = 44 + i * 20;
    if (woff.toString('latin1', entry, entry + 4) !== 'cmap') continue;
    const offset = woff.readUInt32BE(entry + 4);
    const compLength = woff.readUInt32BE(entry + 8);
    const origLength = woff.readUInt32BE(entry + 12);
    const raw = woff.subarray(offset, offset + compLength);
    cmap = compLength < origLength ? zlib.inflateSync(raw) : raw;
  }
  const points = new Set<number>();
  if (!cmap) return points;
  const subtables = new Map<string, number>();
  for (let i = 0; i < cmap.readUInt16BE(2); i++) {
    const record = 4 + i * 8;
    subtables.set(`${cmap.readUInt16BE(record)}/${cmap.readUInt16BE(record + 2)}`, cmap.readUInt32BE(record + 4));
  }
  const at = subtables.get('3/10') ?? subtables.get('0/4') ?? subtables.get('3/1') ?? subtables.get('0/3');
  if (at === undefined) return points;
  const format = cmap.readUInt16BE(at);
  if (format === 12) {
    const groups = cmap.readUInt32BE(at + 12);
    for (let g = 0; g < groups; g++) {
      const group = at + 16 + g * 12;
      const [start, end, glyph] = [
        cmap.readUInt32BE(group),
        cmap.readUInt32BE(group + 4),
        cmap.readUInt32BE(group + 8),
      ];
      for (let c = start; c <= end; c++) if (glyph + (c - start) !== 0) points.add(c);
    }
  } else if (format === 4) {
    const segments = cmap.readUInt16BE(at + 6) / 2;
    const ends = at + 14;
    const starts = ends + segments * 2 + 2;
    const deltas = starts + segments * 2;
    const rangeOffsets = deltas + segments * 2;
    for (let s = 0; s < segments; s++) {
      const [end, start] = [cmap.readUInt16BE(ends + s * 2), cmap.readUInt16BE(starts + s * 2)];
      const delta = cmap.readInt16BE(deltas + s * 2);
      const rangeOffset = cmap.readUInt16BE(rangeOffsets + s * 2);
      for (let c = start; c <= end && c !== 0xffff; c++) {
        let glyph: number;
        if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
        else {
          const index = cmap.readUInt16BE(rangeOffsets + s * 2 + rangeOffset + (c - start) * 2);
          glyph = index === 0 ? 0 : (index + delta) & 0xffff;
        }
        if (glyph !== 0) points.add(c);
      }
    }
  }
  return points;
}

const glyphs = new Map<string, Set<number>>();

/** Whether a subset's font has a glyph for a code point (its regular face is read for that). */
function hasGlyph(subset: Subset, cp: number): boolean {
  if (!covers(subset.ranges, cp)) return false;
  const file = subset.files[0]!.file;
  let points = glyphs.get(file);
  if (!points) {
    points = woffCodePoints(fontData(file));
    glyphs.set(file, points);
  }
  return points.has(cp);
}

const subsetCache = new Map<Family, Subset[]>();

/** The subsets of a family, in the order the family lists them (numbered slices in their numeric order). */
function subsetsOf(family: Family): Subset[] {
  const hit = subsetCache.get(family);
  if (hit) return hit;
  const dir = packageDir(family.pkg);
  const unicode = JSON.parse(fs.readFileSync(`${dir}/unicode.json`, 'utf8')) as Record<string, string>;
  const meta = JSON.parse(fs.readFileSync(`${dir}/metadata.json`, 'utf8')) as { id: string; weights: number[] };
  const names =
    family.subsets ??
    Object.keys(unicode)
      .filter((k) => /^\[\d+\]$/.test(k))
      .sort((a, b) => Number(a.slice(1, -1)) - Number(b.slice(1, -1)));
  const weights = WEIGHTS.filter((w) => meta.weights.includes(w));
  // A family without a bold face (Noto Sans Symbols 2) is drawn at its regular weight everywhere.
  const faces: { weight: Weight; file: number }[] =
    weights.length > 0 ? weights.map((w) => ({ weight: w, file: w })) : WEIGHTS.map((w) => ({ weight: w, file: 400 }));
  const subsets = names.map((name) => {
    const spec = unicode[name];
    if (spec === undefined) throw new Error(`${family.pkg} has no subset "${name}" (see its unicode.json)`);
    const slug = name.replace(/^\[(\d+)\]$/, '$1');
    return {
      family,
      ranges: parseRanges(spec),
      // One name per subset: satori keeps one font per name and weight, and would not look in a second file of
      // the same family for a character that the first lacks.
      files: faces.map(({ weight, file }) => ({
        name: family === BASE ? family.name : `${family.name} ${slug}`,
        weight,
        file: `${dir}/files/${meta.id}-${slug}-${file}-normal.woff`,
      })),
    };
  });
  subsetCache.set(family, subsets);
  return subsets;
}

/**
 * The font files a card's text needs, in the order satori should try them: Inter's latin subset, then, in the
 * order of FALLBACKS, each subset that covers a character of the text that an earlier one does not.
 */
export function fontFilesFor(text: string, { fallback = true } = {}): FontFile[] {
  const base = subsetsOf(BASE)[0]!;
  const chosen = new Set<Subset>();
  if (fallback) {
    const all = FALLBACKS.flatMap(subsetsOf);
    for (const char of new Set(text)) {
      const cp = char.codePointAt(0)!;
      if (covers(base.ranges, cp)) continue;
      const subset = all.find((s) => hasGlyph(s, cp));
      if (subset) chosen.add(subset);
    }
  }
  const order = FALLBACKS.flatMap(subsetsOf);
  return [base, ...order.filter((s) => chosen.has(s))].flatMap((s) => s.files);
}

const data = new Map<string, Buffer>();
const digests = new Map<string, string>();

/** A font file's bytes, read once per process. */
export function fontData(file: string): Buffer {
  let bytes = data.get(file);
  if (!bytes) {
    bytes = fs.readFileSync(file);
    data.set(file, bytes);
  }
  return bytes;
}

/** A font file's SHA-256, for the card cache's key: a new version of a font draws the cards again. */
export function fontDigest(file: string): string {
  let digest = digests.get(file);
  if (!digest) {
    digest = crypto.createHash('sha256').update(fontData(file)).digest('hex');
    digests.set(file, digest);
  }
  return digest;
}
