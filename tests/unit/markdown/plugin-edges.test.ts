import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import type { Root, RootContent } from 'mdast';
import { compileMdx, renderMarkdown } from '../../support/render';
import { remarkFigures } from '../../../src/markdown/remark-figures';
import { remarkKnownDirectives } from '../../../src/markdown/remark-known-directives';
import { remarkLinks } from '../../../src/markdown/remark-links';
import { remarkMdxComponents } from '../../../src/markdown/remark-mdx-components';
import { pageRecord } from '../../../src/lib/page-record';
import { resetAnchorLinks } from '../../../src/lib/link-check';

const FILE = 'tests/fixtures/good/chapters/parent/index.mdx';
const GOOD = path.resolve('tests/fixtures/good');
const FIGS = '../../../../../src/components/figures';

/** MDX parsed as the build parses it, then stripped of positions, as a tree made by another plugin would be. */
const withoutPositions = (mdx: string): Root => {
  const tree = unified().use(remarkParse).use(remarkMdx).parse(mdx);
  visit(tree, (node) => {
    delete node.position;
  });
  return tree;
};
/** ESM nodes that carry no syntax tree, as a plugin that writes only `value` may add them. */
const bareEsm = (): RootContent[] => [
  { type: 'mdxjsEsm', value: 'export const a = 1;' } as unknown as RootContent,
  { type: 'mdxjsEsm', value: 'export const b = 2;', data: {} } as unknown as RootContent,
];
const chapterFile = () => new VFile({ path: path.resolve(FILE) });

describe('the pipeline as the build uses it (markdownPipeline)', () => {
  it('reads GitHub-flavoured Markdown: tables and strikethrough', async () => {
    const { code } = await renderMarkdown('| Year | Talks |\n| --- | --- |\n| 2019 | 2 |\n\n~~gone~~');
    expect(code).toContain('<td>2019</td>');
    expect(code).toContain('<del>gone</del>');
  });
});

describe('citations around other markup (remark-citations)', () => {
  it('reads the citations on both sides of emphasis in one paragraph', async () => {
    const { code, metadata } = await renderMarkdown(
      'A [@talk-2019, unchecked] *and* B [@paper-2021, unchecked], then C [@talk-2019, unchecked].',
    );
    expect(code).not.toContain('[@');
    expect(code.match(/class="cite-group"/g)).toHaveLength(3);
    expect(metadata.frontmatter['guide']).toMatchObject({ citations: ['talk-2019', 'paper-2021'] });
  });
});

describe('glossary terms in a heading (remark-glossary)', () => {
  it('leaves every term of the heading as its plain text', async () => {
    const { code } = await renderMarkdown('## :term[kTLS] and :term[mbuf]\n\nText.');
    expect(code).toContain(
      '<h2 id="ktls-and-mbuf"><a class="heading-link" href="#ktls-and-mbuf">kTLS and mbuf</a></h2>',
    );
  });
});

describe('directives (remark-known-directives)', () => {
  it('fails on an unknown directive after text that only looked like one at the start of a paragraph', async () => {
    await expect(renderMarkdown(':RACK first, then :tip[hint]')).rejects.toThrow(`${FILE}:1: unknown directive ":tip"`);
  });

  it('takes a directive as bare when its position lacks either offset', () => {
    for (const position of [
      { start: { line: 1, column: 4, offset: 3 }, end: { line: 1, column: 9 } },
      { start: { line: 1, column: 4 }, end: { line: 1, column: 9, offset: 8 } },
    ]) {
      const tree: Root = {
        type: 'root',
        children: [
          {
            type: 'paragraph',
            children: [
              { type: 'text', value: 'TCP' },
              { type: 'textDirective', name: 'RACK', children: [], position },
            ],
          },
        ],
      };
      remarkKnownDirectives()(tree, chapterFile());
      expect(tree.children[0]).toMatchObject({ children: [{ value: 'TCP' }, { type: 'text', value: ':RACK' }] });
    }
  });
});

describe('components in MDX (remark-mdx-components)', () => {
  const check = (tree: Root) => remarkMdxComponents()(tree, chapterFile());

  it('accepts a component the file declares as an exported function', async () => {
    const { code } = await compileMdx('export function Note() {\n  return null;\n}\n\n<Note />\n');
    expect(code).toContain('Note');
  });

  it('accepts fragments, which have no name', async () => {
    const { code } = await compileMdx('<>A fragment</>\n');
    expect(code).toContain('A fragment');
  });

  it('names the file but no line when the element has no position', () => {
    expect(() => check(withoutPositions('<Missing />'))).toThrow(
      `${FILE}: component <Missing> is not imported in this file; add import Missing from '…' at the top, or fix its name (imported here: none)`,
    );
  });

  it('passes over ESM that carries no syntax tree', () => {
    const tree = withoutPositions("import Chart from '../x.astro';\n\n<Chart />");
    tree.children.unshift(...bareEsm());
    expect(() => check(tree)).not.toThrow();
  });
});

describe('figures in MDX (remark-figures)', () => {
  const figuresOf = (tree: Root) => {
    const file = chapterFile();
    remarkFigures()(tree, file);
    return pageRecord((file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro?.frontmatter ?? {})
      .figures;
  };

  it('names the file but no line for a view that is not a string, when the element has no position', () => {
    expect(() => figuresOf(withoutPositions(`import R from '${FIGS}/ReleaseCycles.astro';\n\n<R view={v} />`))).toThrow(
      `${FILE}: <R view={…}>: write the figure's view as a string, view="netflix"`,
    );
  });

  it('passes over ESM that carries no syntax tree', () => {
    const tree = withoutPositions(`import R from '${FIGS}/ReleaseCycles.astro';\n\n<R />`);
    tree.children.unshift(...bareEsm());
    expect(figuresOf(tree)).toEqual([{ name: 'ReleaseCycles' }]);
  });
});

describe('links in a tree without positions (remark-links)', () => {
  afterEach(() => resetAnchorLinks());
  const check = (mdx: string) =>
    remarkLinks({ base: '/', dir: GOOD, publicDir: path.resolve('public') })(withoutPositions(mdx), chapterFile());

  it('names the file but no line', () => {
    expect(() => check('[x](/no-such-page/)')).toThrow(`${FILE}: link to "/no-such-page/" points to no page`);
    expect(() => check('![](/images/missing.png)')).toThrow(`${FILE}: image "/images/missing.png" names no file`);
    expect(() => check('<a href="/no-such-page/">x</a>')).toThrow(`${FILE}: link to "/no-such-page/"`);
  });
});

describe('headings that would take a reserved id (remark-ids)', () => {
  it('quote the heading’s words without the space left by a comment in it', async () => {
    await expect(compileMdx('## Tip 2 {/* later */}\n')).rejects.toThrow(
      /index\.mdx:1: heading "Tip 2" would take the id "tip-2[^"]*": ids starting with "tip-" belong to citations/,
    );
  });
});
