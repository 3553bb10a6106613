import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'content-cache-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('content read once per lifetime of its files (content-cache)', () => {
  it('is computed once per process, even by two copies of the module (the plugins and the pages)', async () => {
    const file = path.join(dir, 'a.json');
    fs.writeFileSync(file, '1');
    const compute = vi.fn(() => fs.readFileSync(file, 'utf8'));
    const first = await import('../../../src/lib/content-cache');
    vi.resetModules();
    const second = await import('../../../src/lib/content-cache');
    expect(second).not.toBe(first);
    expect(first.fresh('shared-test', () => [file], compute)).toBe('1');
    expect(second.fresh('shared-test', () => [file], compute)).toBe('1');
    expect(compute).toHaveBeenCalledTimes(1);
  });

  it('computes again in any copy once a file changes', async () => {
    const file = path.join(dir, 'b.json');
    fs.writeFileSync(file, '1');
    const compute = vi.fn(() => fs.readFileSync(file, 'utf8'));
    const first = await import('../../../src/lib/content-cache');
    vi.resetModules();
    const second = await import('../../../src/lib/content-cache');
    expect(first.fresh('changing-test', () => [file], compute)).toBe('1');
    fs.writeFileSync(file, '22');
    expect(second.fresh('changing-test', () => [file], compute)).toBe('22');
    expect(first.fresh('changing-test', () => [file], compute)).toBe('22');
    expect(compute).toHaveBeenCalledTimes(2);
  });
});
