import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkGfm from 'remark-gfm';
import remarkDirective from 'remark-directive';
import type { Root } from 'mdast';
import remarkSmartypantsReference from 'remark-smartypants';
import { remarkSmartypants } from '../../../src/markdown/remark-smartypants';
import { renderMarkdown } from '../../support/render';

// Our plugin replaces Astro's `smartypants` option (remark-smartypants) for speed; it must give the same text.
const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkDirective);
const tree = (mdx: string) => parser.runSync(parser.parse(mdx)) as Root;

function both(mdx: string): { ours: Root; reference: Root } {
  const ours = tree(mdx);
  remarkSmartypants()(ours);
  const reference = tree(mdx);
  (remarkSmartypantsReference as unknown as () => (tree: Root) => void)()(reference);
  return { ours, reference };
}

const CASES: Record<string, string> = {
  'quotes paired across emphasis and links': 'He said "it is [the *real* thing](/x/)" and left.',
  'a quote that opens a paragraph or a heading': '"Open" it.\n\n## "Quoted" heading\n\n\'Single\' too.',
  'apostrophes and decades': "Netflix's appliances of the '90s don't 'wait'.",
  'nested quotes': `She wrote, "'Quoted' words in a larger quote."`,
  dashes: 'Fill -- then pull.',
  'ellipses, with and without spaces': 'Fill... then pull . . . or wait.',
  'double backticks': "An ``old style'' quote.",
  'inline code keeps its quotes but holds its place': 'Run `echo "hi" -- now` and "then" stop.',
  'table cells start fresh': '| a | b |\n| - | - |\n| "x" | it\'s -- fine |',
  'text inside an inline script or fragment is left alone': 'A <script>{"\'x\' -- y"}</script> and <>"q" -- r</> "s".',
  'directive labels': 'See :term[the "fill" window]{id=fill} -- and more...',
  'nothing to do': 'Plain text without any quotes or dashes.',
};

describe('typographic punctuation (remark-smartypants)', () => {
  for (const [name, mdx] of Object.entries(CASES)) {
    it(`gives the same text as Astro's smartypants: ${name}`, () => {
      const { ours, reference } = both(mdx);
      expect(ours).toEqual(reference);
    });
  }

  it('turns quotes, dashes and ellipses in the build pipeline', async () => {
    const { code } = await renderMarkdown('"Fill" -- don\'t pull... ever.');
    expect(code).toBe('<p>“Fill” — don’t pull… ever.</p>');
  });

  it('leaves code and text with nothing to turn as they were', () => {
    const { ours } = both('Keep `"as is"` here');
    expect(JSON.stringify(ours)).toContain('"value":"\\"as is\\""');
    expect(JSON.stringify(ours)).toContain('"value":"Keep "');
  });

  it("gives the same text as Astro's smartypants for every chapter of the guide", () => {
    const dir = path.resolve('content/chapters');
    const files = (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.mdx'));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const body = fs.readFileSync(path.join(dir, file), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
      const { ours, reference } = both(body);
      // As strings: a deep comparison of whole chapters' trees is slow.
      expect(JSON.stringify(ours) === JSON.stringify(reference), file).toBe(true);
    }
  }, 120_000);
});
