import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fontFilesFor } from '../../../src/lib/card-fonts';

// Alone in its file: card-fonts reads each font package once per process, and this must be the first read.
describe('a font package that changed', () => {
  afterEach(() => vi.restoreAllMocks());

  it('is named, with the subset it no longer has, when a fallback font lacks a subset it is expected to have', () => {
    const read = fs.readFileSync;
    vi.spyOn(fs, 'readFileSync').mockImplementation(((file: fs.PathOrFileDescriptor, options?: never) => {
      const bytes = read(file, options);
      if (!String(file).endsWith(path.join('noto-sans-hebrew', 'unicode.json'))) return bytes;
      const subsets = JSON.parse(String(bytes)) as Record<string, string>;
      delete subsets['hebrew'];
      return JSON.stringify(subsets);
    }) as typeof fs.readFileSync);
    expect(() => fontFilesFor('ש')).toThrow(
      '@fontsource/noto-sans-hebrew has no subset "hebrew" (see its unicode.json)',
    );
  });
});
