import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AstroIntegration } from 'astro';
import { pagefindIntegration } from '../../../src/integrations/pagefind';

// Pagefind itself, replaced: each test makes one of its steps report errors, as it does on a bad output folder.
const pagefind = vi.hoisted(() => ({
  createIndex: vi.fn(),
  close: vi.fn(async () => {}),
}));
vi.mock('pagefind', () => pagefind);

type BuildDone = NonNullable<AstroIntegration['hooks']['astro:build:done']>;

/** Runs the integration's build:done hook on an output folder, as Astro does after a build. */
function buildDone(): Promise<void> {
  const hook = pagefindIntegration().hooks['astro:build:done'] as BuildDone;
  const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  return hook({ dir: new URL('file:///site/dist/'), logger } as unknown as Parameters<BuildDone>[0]) as Promise<void>;
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

  it('indexes the output folder and writes the index into its pagefind/ folder', async () => {
    const made = index();
    pagefind.createIndex.mockResolvedValue({ index: made, errors: [] });
    await buildDone();
    expect(made.addDirectory).toHaveBeenCalledWith({ path: '/site/dist/' });
    expect(made.writeFiles).toHaveBeenCalledWith({ outputPath: '/site/dist/pagefind' });
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
    await expect(buildDone()).rejects.toThrow('Pagefind could not index /site/dist/: a; b');
    expect(made.writeFiles).not.toHaveBeenCalled();
  });

  it('fails the build when it cannot write the index', async () => {
    const made = index({ writeFiles: vi.fn(async () => ({ outputPath: '', errors: ['disk full'] })) });
    pagefind.createIndex.mockResolvedValue({ index: made, errors: [] });
    await expect(buildDone()).rejects.toThrow('Pagefind could not write its index: disk full');
    expect(pagefind.close).toHaveBeenCalled();
  });
});
