import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASE_PATH, TEST_TMP, buildSite } from '../support/astro';

/** sha256 of every file of a folder, by path relative to it. */
function digests(dir: string): Map<string, string> {
  const files = (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => fs.statSync(path.join(dir, f)).isFile())
    .sort();
  return new Map(
    files.map((f) => [
      f.split(path.sep).join('/'),
      crypto
        .createHash('sha256')
        .update(fs.readFileSync(path.join(dir, f)))
        .digest('hex'),
    ]),
  );
}

/** First differing line of two versions of a text file, to show in the failure message. */
function firstDifference(a: string, b: string): string {
  const [la, lb] = [fs.readFileSync(a, 'utf8'), fs.readFileSync(b, 'utf8')];
  let i = 0;
  while (i < la.length && la[i] === lb[i]) i++;
  return `at byte ${i}: "${la.slice(Math.max(0, i - 40), i + 60)}" vs "${lb.slice(Math.max(0, i - 40), i + 60)}"`;
}

describe('reproducible builds', () => {
  it('two clean builds of the same sources are byte for byte identical', () => {
    const outs = ['a', 'b'].map((n) => path.join(TEST_TMP, 'repro', n));
    for (const out of outs) {
      // buildSite gives each build its own cache folder (`${outDir}-cache`); remove both so each build is clean.
      fs.rmSync(out, { recursive: true, force: true });
      fs.rmSync(`${out}-cache`, { recursive: true, force: true });
      const { status, output } = buildSite({ outDir: out, base: BASE_PATH });
      expect(status, output.slice(-3000)).toBe(0);
    }
    const [a, b] = outs.map(digests) as [Map<string, string>, Map<string, string>];
    const files = [...new Set([...a.keys(), ...b.keys()])].sort();
    const problems = files.flatMap((f) => {
      if (!b.has(f)) return [`${f}: only in the first build`];
      if (!a.has(f)) return [`${f}: only in the second build`];
      if (a.get(f) === b.get(f)) return [];
      const text = /\.(html|xml|txt|json|css|js|svg)$/.test(f);
      return [`${f}: differs${text ? ` ${firstDifference(path.join(outs[0]!, f), path.join(outs[1]!, f))}` : ''}`];
    });
    expect(problems, `the two builds differ in ${problems.length} files`).toEqual([]);
    for (const out of outs) {
      fs.rmSync(out, { recursive: true, force: true });
      fs.rmSync(`${out}-cache`, { recursive: true, force: true });
    }
  });
});
