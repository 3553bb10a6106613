import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';

/**
 * A card cache of its own for the tests of one `describe`: a fresh folder named in GUIDE_CARD_CACHE before its
 * tests, removed after them, with the variable given back as it was. Returns the folder (once the tests run).
 */
export function temporaryCardCache(prefix: string): () => string {
  const before = process.env['GUIDE_CARD_CACHE'];
  let dir = '';
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    process.env['GUIDE_CARD_CACHE'] = dir;
  });
  afterAll(() => {
    if (before === undefined) delete process.env['GUIDE_CARD_CACHE'];
    else process.env['GUIDE_CARD_CACHE'] = before;
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return () => dir;
}
