import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { woffCodePoints } from '../../../src/lib/card-fonts';

// Small WOFF files built by hand, to check the cmap reader against the OpenType spec rather than against
// whichever subtables the bundled fonts happen to use.

const u16 = (...values: number[]) => {
  const b = Buffer.alloc(values.length * 2);
  values.forEach((v, i) => b.writeUInt16BE(v & 0xffff, i * 2));
  return b;
};
const u32 = (...values: number[]) => {
  const b = Buffer.alloc(values.length * 4);
  values.forEach((v, i) => b.writeUInt32BE(v >>> 0, i * 4));
  return b;
};

interface Segment {
  start: number;
  end: number;
  delta: number;
  /** Glyph ids through idRangeOffset (one per code point), instead of start + delta. */
  glyphs?: number[];
}

/** A format 4 subtable (BMP), closed by the 0xFFFF segment the spec requires (mapped with `lastDelta`). */
function format4(segments: Segment[], lastDelta = 1): Buffer {
  const all: Segment[] = [...segments, { start: 0xffff, end: 0xffff, delta: lastDelta }];
  const n = all.length;
  const arrays: number[] = [];
  const rangeOffsets = all.map((s, i) => {
    if (!s.glyphs) return 0;
    // From this segment's idRangeOffset entry to its first glyph id in the array that follows them all.
    const offset = (n - i) * 2 + arrays.length * 2;
    arrays.push(...s.glyphs);
    return offset;
  });
  const body = Buffer.concat([
    u16(n * 2, 0, 0, 0),
    u16(...all.map((s) => s.end)),
    u16(0),
    u16(...all.map((s) => s.start)),
    u16(...all.map((s) => s.delta)),
    u16(...rangeOffsets),
    u16(...arrays),
  ]);
  return Buffer.concat([u16(4, 6 + body.length, 0), body]);
}

/** A format 12 subtable: groups of [first, last, glyph id of first]. */
function format12(groups: [number, number, number][]): Buffer {
  return Buffer.concat([u16(12, 0), u32(16 + groups.length * 12, 0, groups.length), u32(...groups.flat())]);
}

/** A cmap table with one encoding record per subtable, keyed "platform/encoding". */
function cmap(subtables: Record<string, Buffer>): Buffer {
  const entries = Object.entries(subtables);
  let offset = 4 + entries.length * 8;
  const records = entries.map(([key, data]) => {
    const [platform = 0, encoding = 0] = key.split('/').map(Number);
    const record = Buffer.concat([u16(platform, encoding), u32(offset)]);
    offset += data.length;
    return record;
  });
  return Buffer.concat([u16(0, entries.length), ...records, ...entries.map(([, data]) => data)]);
}

/** A WOFF file of the given tables, each stored deflated or as it is. */
function woff(tables: { tag: string; data: Buffer; deflate?: boolean }[]): Buffer {
  const stored = tables.map((t) => ({ ...t, bytes: t.deflate ? zlib.deflateSync(t.data) : t.data }));
  let offset = 44 + tables.length * 20;
  const directory = stored.map((t) => {
    const entry = Buffer.concat([Buffer.from(t.tag, 'latin1'), u32(offset, t.bytes.length, t.data.length, 0)]);
    offset += t.bytes.length;
    return entry;
  });
  const header = Buffer.concat([
    Buffer.from('wOFF', 'latin1'),
    u32(0x00010000, offset),
    u16(tables.length, 0),
    u32(0),
    u16(1, 0),
    u32(0, 0, 0, 0, 0),
  ]);
  return Buffer.concat([header, ...directory, ...stored.map((t) => t.bytes)]);
}

const withCmap = (subtables: Record<string, Buffer>, deflate = false) =>
  woff([
    { tag: 'head', data: Buffer.alloc(54, 1) },
    { tag: 'cmap', data: cmap(subtables), deflate },
  ]);

const sorted = (points: Set<number>) => [...points].sort((a, b) => a - b);
const A = 0x41;
const EMOJI = 0x1f600;

describe('the cmap of a WOFF file', () => {
  it('reads a cmap table stored as it is and one stored deflated alike', () => {
    const subtable = { '3/1': format4([{ start: A, end: A + 2, delta: 10 }]) };
    expect(sorted(woffCodePoints(withCmap(subtable)))).toEqual([A, A + 1, A + 2]);
    expect(sorted(woffCodePoints(withCmap(subtable, true)))).toEqual([A, A + 1, A + 2]);
  });

  it('finds no code points in a font without a cmap, with an empty one or with none it can read', () => {
    expect(woffCodePoints(woff([{ tag: 'head', data: Buffer.alloc(54) }])).size).toBe(0);
    expect(woffCodePoints(withCmap({})).size).toBe(0);
    // A Macintosh subtable only: not one of the Unicode encodings.
    expect(woffCodePoints(withCmap({ '1/0': format4([{ start: A, end: A + 2, delta: 10 }]) })).size).toBe(0);
    // Format 6 (a trimmed table), which the reader does not parse: nothing rather than garbage.
    const format6 = Buffer.concat([u16(6, 16, 0, A, 3), u16(1, 2, 3)]);
    expect(woffCodePoints(withCmap({ '3/1': format6 })).size).toBe(0);
  });

  describe('format 4', () => {
    it('maps code points through each segment’s delta, modulo 65536, and skips those that land on glyph 0', () => {
      const points = woffCodePoints(
        withCmap({
          '3/1': format4([
            // A + 2 + delta = 0: that code point has no glyph.
            { start: A, end: A + 4, delta: -(A + 2) },
            { start: 0x3b1, end: 0x3b1, delta: -0x3b1 },
            { start: 0x5d0, end: 0x5d2, delta: 7 },
          ]),
        }),
      );
      expect(sorted(points)).toEqual([A, A + 1, A + 3, A + 4, 0x5d0, 0x5d1, 0x5d2]);
    });

    it('reads glyph ids from the glyph array where a segment has a range offset, adding the delta to those not 0', () => {
      const a = 0x61;
      const points = woffCodePoints(
        withCmap({
          '3/1': format4([
            { start: A, end: A, delta: 1 },
            // Glyph ids 7, 0, 9 and 3, with a delta of -3: 4, none, 6 and 0 (none).
            { start: a, end: a + 3, delta: -3, glyphs: [7, 0, 9, 3] },
            { start: 0x5d0, end: 0x5d1, delta: 0, glyphs: [0, 12] },
          ]),
        }),
      );
      expect(sorted(points)).toEqual([A, a, a + 2, 0x5d1]);
    });

    it('never reports U+FFFF, the segment that ends the table, whatever glyph it names', () => {
      const points = woffCodePoints(withCmap({ '3/1': format4([{ start: A, end: A, delta: 1 }], 0) }));
      expect(sorted(points)).toEqual([A]);
    });
  });

  describe('format 12', () => {
    it('maps each group to consecutive glyph ids, skipping a code point that lands on glyph 0', () => {
      const points = woffCodePoints(
        withCmap({
          '3/10': format12([
            [A, A + 3, 2],
            [EMOJI, EMOJI + 2, 0],
          ]),
        }),
      );
      expect(sorted(points)).toEqual([A, A + 1, A + 2, A + 3, EMOJI + 1, EMOJI + 2]);
    });
  });

  describe('which subtable it reads', () => {
    const bmp = format4([{ start: A, end: A + 1, delta: 5 }]);
    const full = format12([
      [A, A + 1, 5],
      [EMOJI, EMOJI, 9],
    ]);

    it('prefers a full-repertoire subtable to a BMP one, so that emoji beyond U+FFFF are found', () => {
      expect(sorted(woffCodePoints(withCmap({ '3/1': bmp, '3/10': full })))).toEqual([A, A + 1, EMOJI]);
      expect(sorted(woffCodePoints(withCmap({ '3/1': bmp, '0/4': full })))).toEqual([A, A + 1, EMOJI]);
      expect(sorted(woffCodePoints(withCmap({ '3/10': full })))).toEqual([A, A + 1, EMOJI]);
    });

    it('reads a Windows or a Unicode BMP subtable when it is the only one', () => {
      expect(sorted(woffCodePoints(withCmap({ '3/1': bmp })))).toEqual([A, A + 1]);
      expect(sorted(woffCodePoints(withCmap({ '0/3': bmp })))).toEqual([A, A + 1]);
    });
  });
});
