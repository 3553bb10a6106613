import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import { VFile } from 'vfile';
import type { Root } from 'mdast';
import { compileMdx, renderMarkdown } from '../../support/render';
import { remarkFigures } from '../../../src/markdown/remark-figures';
import { remarkKnownDirectives } from '../../../src/markdown/remark-known-directives';
import { remarkGlossary, firstSentence } from '../../../src/markdown/remark-glossary';
import { pageRecord, type FigureUse } from '../../../src/lib/page-record';
import { resetTally, totals } from '../../../src/lib/citations/tally';

const FILE = 'tests/fixtures/good/chapters/parent/index.mdx';
const GOOD = path.resolve('tests/fixtures/good');

describe('ids written on MDX elements (remark-ids)', () => {
  it('fails on an element whose id the layout or a citation would take, at its line', async () => {
    await expect(compileMdx('Intro.\n\n<div id="references">x</div>\n')).rejects.toThrow(
      `${FILE}:3: id "references": the layout already uses the id "references" (main, top, toc-title, references, cite-this-page); choose another`,
    );
    await expect(compileMdx('Text <span id="tip-ktls">x</span> here.')).rejects.toThrow(
      `${FILE}:1: id "tip-ktls": ids starting with "tip-" belong to citations and tooltips; choose another`,
    );
  });

  it('accepts ids of the author’s own, and reserved words in attributes that are not ids', async () => {
    const { code } = await compileMdx(
      '<div id="my-table" title="references" className="note-1">x</div>\n\n<figure id={"main"}>y</figure>\n',
    );
    expect(code).toContain('id: "my-table"');
    expect(code).toContain('title: "references"');
  });
});

describe('components used in MDX (remark-mdx-components)', () => {
  it('accepts a component the file declares itself, and the parts of an imported one', async () => {
    const { code } = await compileMdx(
      "import Chart from '../x.astro';\n\nexport const Note = () => null;\n\n<Note />\n\n<Chart.Legend />\n",
    );
    expect(code).toContain('Note');
    expect(code).toContain('Chart.Legend');
  });

  it('names the part’s component, and says when the file imports nothing', async () => {
    await expect(compileMdx('\n<Missing.Part />\n')).rejects.toThrow(
      `${FILE}:2: component <Missing.Part> is not imported in this file; add import Missing from '…' at the top, or fix its name (imported here: none)`,
    );
  });

  it('checks components inside a paragraph, and lists every name the file imports', async () => {
    await expect(
      compileMdx("import A from '../a.astro';\nimport { B, C as D } from '../b';\n\nText <Badge /> more.\n"),
    ).rejects.toThrow(
      `${FILE}:4: component <Badge> is not imported in this file; add import Badge from '…' at the top, or fix its name (imported here: A, B, D)`,
    );
  });

  it('leaves HTML and SVG elements alone, camel-cased ones too', async () => {
    const { code } = await compileMdx('<svg><linearGradient id="g" /><clipPath id="c" /></svg>\n');
    expect(code).toContain('"linearGradient"');
    expect(code).toContain('"clipPath"');
  });
});

describe('directives without a place in the file (remark-known-directives)', () => {
  const run = (tree: Root) => remarkKnownDirectives()(tree, new VFile({ path: path.resolve(FILE) }));

  it('gives back a bare text directive, and fails on any other without a line', () => {
    const tree: Root = {
      type: 'root',
      children: [
        {
          type: 'paragraph',
          children: [
            { type: 'text', value: 'TCP' },
            { type: 'textDirective', name: 'RACK', children: [] },
            { type: 'text', value: ' here' },
          ],
        },
      ],
    };
    run(tree);
    expect(tree.children[0]).toMatchObject({
      children: [
        { type: 'text', value: 'TCP' },
        { type: 'text', value: ':RACK' },
        { type: 'text', value: ' here' },
      ],
    });
    expect(() => run({ type: 'root', children: [{ type: 'leafDirective', name: 'note', children: [] }] })).toThrow(
      `${FILE}: unknown directive "::note"; the guide knows only :term[…] (a glossary term)`,
    );
  });

  it('knows :term only as a text directive', async () => {
    await expect(renderMarkdown('::term[kTLS]')).rejects.toThrow(`${FILE}:1: unknown directive "::term"`);
    await expect(renderMarkdown(':::term\nkTLS\n:::')).rejects.toThrow(`${FILE}:1: unknown directive ":::term"`);
  });
});

describe('glossary terms without a place in the file (remark-glossary)', () => {
  const run = (tree: Root) => remarkGlossary({ dir: GOOD, base: '/' })(tree, new VFile({ path: path.resolve(FILE) }));
  const directive = (name: string, text: string) => ({
    type: 'root' as const,
    children: [
      {
        type: 'paragraph' as const,
        children: [{ type: 'textDirective' as const, name, children: [{ type: 'text' as const, value: text }] }],
      },
    ],
  });

  it('looks up a term written without attributes, and names no line for an unknown one', () => {
    const tree: Root = directive('term', 'mbuf');
    run(tree);
    expect(JSON.stringify(tree)).toContain('"href":"/glossary/#mbuf"');
    expect(() => run(directive('term', 'mbfu'))).toThrow(`${FILE}: unknown glossary term "mbfu" in :term[mbfu]`);
  });

  it('leaves directives other than :term to other plugins', () => {
    const tree: Root = directive('tip', 'nope');
    run(tree);
    expect(tree).toEqual(directive('tip', 'nope'));
  });

  it('gives a term without an expansion a tooltip of its name and definition', async () => {
    const { code } = await renderMarkdown(':term[mbuf] first.');
    expect(code).toContain(
      `<span class="tip" role="tooltip" id="tip-mbuf">mbuf: The kernel's buffer for network data.</span>`,
    );
    expect(code).toContain('<dfn>mbuf</dfn>');
  });

  it('ends the first sentence at the first full stop followed by a capital, however many spaces follow', () => {
    expect(firstSentence('One thing.  Two things. Three.')).toBe('One thing.');
    expect(firstSentence('  Space before. Then more.')).toBe('Space before.');
  });
});

describe('citations in the flow of the text (remark-citations)', () => {
  afterEach(() => resetTally());

  it('keeps the text around each citation group, and brackets each group', async () => {
    const { code } = await renderMarkdown(
      'Before [@talk-2019, unchecked] middle [@paper-2021, unchecked; @talk-2019, unchecked] after.',
    );
    // The tooltips (tested elsewhere) left out: what stays is the text and the markers.
    const paragraph = code.slice(0, code.indexOf('</p>') + 4).replace(/<span class="tip"[^]*?<\/span><\/span>/g, '');
    expect(paragraph).toBe(
      [
        '<p>Before <span class="cite-group">[<span class="cite tip-host cite-unchecked"><a href="#note-1-1" id="cite-1" aria-describedby="cite-1-tip">1: not yet checked</a></span>]</span>',
        ' middle <span class="cite-group">[<span class="cite tip-host cite-unchecked"><a href="#note-2-1" id="cite-2" aria-describedby="cite-2-tip">2: not yet checked</a></span>, ',
        '<span class="cite tip-host cite-unchecked"><a href="#note-1-1" id="cite-3" aria-describedby="cite-3-tip">1: not yet checked</a></span>]</span> after.</p>',
      ].join(''),
    );
  });

  it('names the line of a bad citation on the first line of a paragraph of several', async () => {
    await expect(renderMarkdown('Bad [@nope, unchecked] here.\nSecond line.\nThird line.')).rejects.toThrow(
      `${FILE}:1: unknown source "nope"`,
    );
  });

  it('counts each rendered page once in the build’s totals', async () => {
    await renderMarkdown('A [@talk-2019, unchecked].', { file: 'parent/index.mdx' });
    await renderMarkdown('B [@talk-2019, unchecked] [@paper-2021, unchecked].', { file: 'parent/child.mdx' });
    await renderMarkdown('B again [@talk-2019, unchecked].', { file: 'parent/child.mdx' });
    expect(totals()).toMatchObject({ pages: 2, citations: 2, unchecked: 2 });
  });
});

const figures = unified().use(remarkParse).use(remarkMdx).use(remarkFigures);
const figuresOf = (mdx: string): FigureUse[] => {
  const file = new VFile({ path: path.resolve('content/chapters/test.mdx') });
  figures.runSync(figures.parse(mdx), file);
  return pageRecord((file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro?.frontmatter ?? {})
    .figures;
};
const FIGS = '../../src/components/figures';

describe('which figures a chapter shows (remark-figures)', () => {
  it('counts default imports of a figure’s component only, however they are written', () => {
    const mdx = [
      `import { ThroughputChart, default as Tree } from '${FIGS}/BsdTree.astro';`,
      `import { "default" as Map } from '${FIGS}/OpenConnectMap.astro';`,
      `import * as All from '${FIGS}/MergeCycles.astro';`,
      `import helper from '${FIGS}/helpers.ts';`,
      'export const note = 1;',
      '',
      '<ThroughputChart />',
      '',
      '<All />',
      '',
      '<helper />',
      '',
      'Inline <Map /> and a block:',
      '',
      '<Tree />',
    ].join('\n');
    expect(figuresOf(mdx)).toEqual([{ name: 'OpenConnectMap' }, { name: 'BsdTree' }]);
  });

  it('reads the view from the `view` attribute only', () => {
    const mdx = [
      `import R from '${FIGS}/ReleaseCycles.astro';`,
      '',
      '<R caption="A caption" {...props} view="freebsd" />',
      '',
      '<R caption="Another" />',
    ].join('\n');
    expect(figuresOf(mdx)).toEqual([{ name: 'ReleaseCycles', view: 'freebsd' }, { name: 'ReleaseCycles' }]);
  });
});
