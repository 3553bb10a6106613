import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSiteAsync, isolatedRoot, ROOT, TEST_TMP } from '../support/astro';

const GOOD = path.join(ROOT, 'tests/fixtures/good');
const WORK = path.join(TEST_TMP, 'incremental');
const CHILD = 'chapters/parent/child.mdx';

/** Every HTML page of a build, by path, with its text. */
function pages(out: string): Map<string, string> {
  return new Map(
    (fs.readdirSync(out, { recursive: true }) as string[])
      .filter((f) => f.endsWith('.html'))
      .sort()
      .map((f) => [f.split(path.sep).join('/'), fs.readFileSync(path.join(out, f), 'utf8')]),
  );
}

function digests(out: string): Map<string, string> {
  return new Map(
    (fs.readdirSync(out, { recursive: true }) as string[])
      .filter((f) => fs.statSync(path.join(out, f)).isFile())
      .sort()
      .map((f) => [
        f.split(path.sep).join('/'),
        crypto
          .createHash('sha256')
          .update(fs.readFileSync(path.join(out, f)))
          .digest('hex'),
      ]),
  );
}

function edit(content: string, change: (text: string) => string) {
  const file = path.join(content, CHILD);
  const before = fs.readFileSync(file, 'utf8');
  const after = change(before);
  if (after === before) throw new Error('the edit changed nothing');
  fs.writeFileSync(file, after);
}

/** The routes a build rendered, and those it copied from the last build ("(cached)" / "(restored)" in its log). */
function routes(output: string): { rendered: string[]; reused: string[] } {
  const lines = output.split('\n').filter((l) => /[├└]─ \//.test(l));
  const route = (l: string) => /[├└]─ (\S+)/.exec(l)![1]!;
  return {
    rendered: lines.filter((l) => !/\((cached|restored)\)/.test(l)).map(route),
    reused: lines.filter((l) => /\((cached|restored)\)/.test(l)).map(route),
  };
}

// One sequence of builds of the good fixture, whose caches each build keeps for the next, as a rebuild on an
// author's machine or in the deploy workflow would.
describe('incremental builds', () => {
  it('render a changed chapter, reuse the rest, never leave a title stale, and equal a clean build', async () => {
    fs.rmSync(WORK, { recursive: true, force: true });
    const content = path.join(WORK, 'content');
    fs.cpSync(GOOD, content, { recursive: true });
    const build = (name: string, keep: boolean) =>
      buildSiteAsync({
        outDir: path.join(WORK, name),
        contentDir: content,
        env: { GUIDE_CARD_CACHE: path.join(WORK, `${name}-cards`) },
        root: isolatedRoot(`incremental-${name}`),
        ...(keep ? { cacheDir: path.join(WORK, `${name}-kept-cache`) } : {}),
      });
    const out = path.join(WORK, 'out');
    edit(content, (t) => t.replace(/^title: .*$/m, 'title: Quokka title one'));

    const first = await build('out', true);
    expect(first.status, first.output.slice(-3000)).toBe(0);
    const showing = [...pages(out)].filter(([, html]) => html.includes('Quokka title one')).map(([p]) => p);
    // Its own page, its chapter's (navigation, next link), and the pages that list every chapter.
    expect(showing).toEqual(
      expect.arrayContaining([
        'parent/child/index.html',
        'parent/index.html',
        'all/index.html',
        'search/index.html',
        'sources/index.html',
      ]),
    );

    // The text of one chapter: that page renders again, the other chapter pages are copied.
    edit(content, (t) => t.replace('## Details', '## Details\n\nA sentence the rebuild must show.'));
    const second = await build('out', true);
    expect(second.status, second.output.slice(-3000)).toBe(0);
    const { rendered, reused } = routes(second.output);
    expect(rendered).toContain('/parent/child/index.html');
    expect(reused).toEqual(expect.arrayContaining(['/index.html', '/parent/index.html', '/og/parent/child.png']));
    expect(pages(out).get('parent/child/index.html')).toContain('A sentence the rebuild must show.');

    // Its title, which other pages show: none of them may keep the old one.
    edit(content, (t) => t.replace('title: Quokka title one', 'title: Quokka title two'));
    const third = await build('out', true);
    expect(third.status, third.output.slice(-3000)).toBe(0);
    const after = pages(out);
    const stale = [...after].filter(([, html]) => html.includes('Quokka title one')).map(([p]) => p);
    expect(stale, 'pages that still show the old title').toEqual([]);
    for (const page of showing) expect(after.get(page), page).toContain('Quokka title two');

    // And the rebuilt site is, byte for byte, the site that a clean build of the same content makes.
    const clean = await build('clean', false);
    expect(clean.status, clean.output.slice(-3000)).toBe(0);
    expect(digests(out)).toEqual(digests(path.join(WORK, 'clean')));
  });
});
