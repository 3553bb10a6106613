import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCitations, locatorPages, parseCite } from '../../src/lib/citations/syntax';
import { passageIn } from '../../src/lib/citations/evidence';
import { loadSources } from '../../src/lib/sources';

// Passages cannot be invented: every passage that the guide quotes from a source whose text is in the
// repository (content/sources/text/) occurs in that text, on the page its locator names. The build checks
// each citation as it renders it; this test reads the content files again on its own, so that a citation the
// build would not see (a broken plugin, a file it skips) cannot pass unchecked.
const CONTENT = path.resolve('content');
const { byId, textOf } = loadSources(CONTENT);

/** Every text in which authors cite: chapters (code blocks and inline code left out) and data files' `cite:` fields. */
function citationTexts(): { file: string; raw: string; items: ReturnType<typeof findCitations>[number]['items'] }[] {
  const found: { file: string; raw: string; items: ReturnType<typeof findCitations>[number]['items'] }[] = [];
  const walk = (dir: string): string[] =>
    fs
      .readdirSync(dir, { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  for (const file of walk(CONTENT)) {
    const text = fs.readFileSync(file, 'utf8');
    if (file.endsWith('.mdx')) {
      const prose = text.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
      for (const group of findCitations(prose)) found.push({ file, raw: group.raw, items: group.items });
    } else if (/\.ya?ml$/.test(file)) {
      for (const m of text.matchAll(/^\s*-?\s*cite:\s*'((?:[^']|'')*)'\s*$/gm)) {
        const group = parseCite(m[1]!.replace(/''/g, "'"));
        found.push({ file, raw: group.raw, items: group.items });
      }
    }
  }
  return found;
}

describe('every passage quoted from a source whose text the repository holds', () => {
  const checked = citationTexts().flatMap(({ file, raw, items }) =>
    items.flatMap((item) => {
      const source = byId.get(item.key);
      const text = source ? textOf(source) : undefined;
      if (!text || !item.passage) return [];
      const pages = text.paged ? locatorPages(item.locator) : undefined;
      const haystack = (pages ?? [...text.pages.keys()]).map((p) => text.pages.get(p) ?? '').join('');
      return [{ where: `${path.relative(process.cwd(), file)}: ${raw}`, found: passageIn(item.passage, haystack) }];
    }),
  );

  it('is checked (there are such passages)', () => {
    console.log(`\n${checked.length} passages quoted from slide decks and abstracts, each found in its text`);
    expect(checked.length).toBeGreaterThan(100);
  });

  it('occurs in that text, on the page its locator names', () => {
    expect(checked.filter((c) => !c.found).map((c) => c.where)).toEqual([]);
  });
});
