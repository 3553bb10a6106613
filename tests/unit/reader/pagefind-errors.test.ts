import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AstroIntegration } from 'astro';
import { globOf, indexedFiles, pagefindIntegration } from '../../../src/integrations/pagefind';

// Pagefind itself, replaced: each test makes one of its steps report errors, as it does on a bad output folder.
const pagefind = vi.hoisted(() => ({
  createIndex: vi.fn(),
  close: vi.fn(async () => {}),
}));
vi.mock('pagefind', () => pagefind);

type BuildDone = NonNullable<AstroIntegration['hooks']['astro:build:done']>;

/** An output folder as a build leaves it: pages Pagefind indexes, pages it does not (/all/, /search/, 404), a card. */
const DIST = `${fs.mkdtempSync(path.join(os.tmpdir(), 'guide-pagefind-'))}/`;
for (const file of [
  'index.html',
  'fill/index.html',
  'kernel-features/numa/index.html',
  'all/index.html',
  'search/index.html',
  '404.html',
  'og/fill.png',
]) {
  fs.mkdirSync(path.dirname(path.join(DIST, file)), { recursive: true });
  fs.writeFileSync(path.join(DIST, file), '<html></html>');
}
afterAll(() => fs.rmSync(DIST, { recursive: true, force: true }));

/** Runs the integration's build:done hook on the output folder, as Astro does after a build. */
function buildDone(): Promise<void> {
  const hook = pagefindIntegration().hooks['astro:build:done'] as BuildDone;
  const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  return hook({ dir: pathToFileURL(DIST), logger } as unknown as Parameters<BuildDone>[0]) as Promise<void>;
}

const index = (overrides: Record<string, unknown> = {}) => ({
  addDirectory: vi.fn(async () => ({ page_count: 3, errors: [] })),
  writeFiles: vi.fn(async () => ({ outputPath: '/site/dist/pagefind', errors: [] })),
  ...overrides,
});

describe('the Pagefind step of the build', () => {
  beforeEach(() => {
    pagefind.createIndex.mockReset();
    pagefind.close.mockClear();
  });

  it('indexes the pages of the output folder that are indexed, and writes the index into its pagefind/ folder', async () => {
    const made = index();
    pagefind.createIndex.mockResolvedValue({ index: made, errors: [] });
    await buildDone();
    expect(made.addDirectory).toHaveBeenCalledWith({
      path: DIST,
      glob: '{fill/index.html,index.html,kernel-features/numa/index.html}',
    });
    expect(made.writeFiles).toHaveBeenCalledWith({ outputPath: path.join(DIST, 'pagefind') });
    expect(pagefind.close).toHaveBeenCalled();
  });

  it('fails the build, with Pagefind’s reasons, when it cannot start', async () => {
    pagefind.createIndex.mockResolvedValue({ index: undefined, errors: ['no binary for this platform'] });
    await expect(buildDone()).rejects.toThrow('Pagefind could not start: no binary for this platform');
    expect(pagefind.close).toHaveBeenCalled();
  });

  it('fails the build when it cannot index the pages', async () => {
    const made = index({ addDirectory: vi.fn(async () => ({ page_count: 0, errors: ['a', 'b'] })) });
    pagefind.createIndex.mockResolvedValue({ index: made, errors: [] });
    await expect(buildDone()).rejects.toThrow(`Pagefind could not index ${DIST}: a; b`);
    expect(made.writeFiles).not.toHaveBeenCalled();
  });

  it('fails the build when it cannot write the index', async () => {
    const made = index({ writeFiles: vi.fn(async () => ({ outputPath: '', errors: ['disk full'] })) });
    pagefind.createIndex.mockResolvedValue({ index: made, errors: [] });
    await expect(buildDone()).rejects.toThrow('Pagefind could not write its index: disk full');
    expect(pagefind.close).toHaveBeenCalled();
  });
});

describe('the pages Pagefind is given', () => {
  it('are every HTML file of the output but the pages the registry does not index, in a stable order', () => {
    expect(indexedFiles(DIST)).toEqual(['fill/index.html', 'index.html', 'kernel-features/numa/index.html']);
  });

  it('are named in one glob, or in none (the whole folder) when a name holds a character globs give meaning to', () => {
    expect(globOf(['index.html', 'kernel-features/numa/index.html', 'a_b.v2/index.html'])).toBe(
      '{index.html,kernel-features/numa/index.html,a_b.v2/index.html}',
    );
    for (const name of [
      'a,b.html',
      'c{d}.html',
      'e[1].html',
      'f*.html',
      'g?.html',
      'h(1).html',
      'p<q>.html',
      'r:s.html',
      't u.html',
    ])
      expect(globOf(['index.html', name])).toBeUndefined();
    expect(globOf([])).toBeUndefined();
  });
});
