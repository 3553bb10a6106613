import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import { VFile } from 'vfile';
import { remarkFigures } from '../../../src/markdown/remark-figures';
import { pageRecord, type FigureUse } from '../../../src/lib/page-record';
import { FIGURES, figureByComponent, figureCites, figureSources } from '../../../src/figures';
import { chapterFiles, chapterTree } from '../../../src/lib/anchors';
import { chapterIdFromFile, chapterPath } from '../../../src/lib/routes';
import { sourceIds } from '../../../src/lib/sources';

const processor = unified().use(remarkParse).use(remarkMdx).use(remarkFigures);

/** The figures remark-figures records for a syntax tree, as if it were the chapter file `file`. */
function recorded(tree: ReturnType<typeof processor.parse>, file: string): FigureUse[] {
  const vfile = new VFile({ path: file });
  processor.runSync(tree, vfile);
  const frontmatter = (vfile.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro?.frontmatter ?? {};
  return pageRecord(frontmatter).figures;
}

/** The figures remark-figures records for an MDX text, as if it were the chapter file `file`. */
const figuresOf = (mdx: string, file = path.resolve('content/chapters/test.mdx')): FigureUse[] =>
  recorded(processor.parse(mdx), file);

describe('remark-figures', () => {
  it('records the figures each chapter of the guide shows, in order of appearance', () => {
    const pages = new Map<string, FigureUse[]>();
    // Each chapter as the build parses it (src/lib/anchors.ts), run through the plugin.
    for (const rel of chapterFiles())
      pages.set(chapterPath(chapterIdFromFile(rel)), recorded(chapterTree(rel), path.resolve('content/chapters', rel)));
    expect(pages.get('/workload/')).toEqual([
      { name: 'TalkDiagram', view: 'workload' },
      { name: 'ServingBudget' },
      { name: 'ThroughputChart' },
    ]);
    expect(pages.get('/upstreaming/')).toEqual([{ name: 'TalkDiagram', view: 'cycles' }, { name: 'MergeCycles' }]);
    expect(pages.get('/freebsd/')).toEqual([{ name: 'BsdTree' }, { name: 'ReleaseCycles', view: 'freebsd' }]);
    expect(pages.get('/tracking-head/')).toEqual([
      { name: 'TalkDiagram', view: 'branches' },
      { name: 'TalkDiagram', view: 'release' },
      { name: 'ReleaseCycles', view: 'netflix' },
    ]);
    expect(pages.get('/open-connect/')).toEqual([{ name: 'OpenConnectMap' }, { name: 'TalkDiagram', view: 'traffic' }]);
    expect(pages.get('/fill/')).toEqual([{ name: 'FillHierarchy' }, { name: 'FillVsPull' }]);
    expect(pages.get('/')).toEqual([]);
    expect(pages.get('/kernel-features/numa/')).toEqual([]);
  });

  it('counts a figure component by its file whatever its local name, once per view, and only where it is shown', () => {
    const mdx = [
      "import Chart from '../../src/components/figures/ThroughputChart.astro';",
      "import { default as Cycles } from '../../src/components/figures/ReleaseCycles.astro';",
      "import Unused from '../../src/components/figures/BsdTree.astro';",
      "import Aside from '../../src/components/mdx/Aside.astro';",
      '',
      '<Aside>Not a figure.</Aside>',
      '',
      '```mdx',
      '<Unused />',
      '```',
      '',
      '{/* <Unused /> */}',
      '',
      '<Cycles view="netflix" />',
      '',
      '<Chart />',
      '',
      '<Cycles view="netflix" />',
      '',
      '<Cycles />',
      '',
    ].join('\n');
    expect(figuresOf(mdx)).toEqual([
      { name: 'ReleaseCycles', view: 'netflix' },
      { name: 'ThroughputChart' },
      { name: 'ReleaseCycles' },
    ]);
  });

  it('ignores components of the same name that are not the guide’s figures', () => {
    const mdx = "import ThroughputChart from './ThroughputChart.astro';\n\n<ThroughputChart />\n\n<BsdTree />\n";
    expect(figuresOf(mdx)).toEqual([]);
  });

  it('fails on a view that is not a string, at its line', () => {
    const mdx = "import R from '../../src/components/figures/ReleaseCycles.astro';\n\n<R view={v} />\n";
    expect(() => figuresOf(mdx)).toThrow(
      'content/chapters/test.mdx:3: <R view={…}>: write the figure\'s view as a string, view="netflix"',
    );
  });
});

describe('the figure registry', () => {
  it('finds each module in src/figures/, one per component of src/components/figures/ that draws a figure', () => {
    // A component draws a figure when it wraps its drawing in Figure.astro; adding one must need no edit here.
    const drawing = fs
      .readdirSync('src/components/figures')
      .filter(
        (f) =>
          f.endsWith('.astro') &&
          fs.readFileSync(`src/components/figures/${f}`, 'utf8').includes("from './Figure.astro'"),
      )
      .map((f) => f.replace(/\.astro$/, ''))
      .sort();
    expect(drawing.length).toBeGreaterThan(5);
    expect([...FIGURES.keys()].sort()).toEqual(drawing);
  });

  it('gives every figure and view evidence from known sources', () => {
    const known = sourceIds();
    for (const [name, figure] of FIGURES)
      for (const view of figure.views ?? [undefined]) {
        const use: FigureUse = view ? { name, view } : { name };
        const cites = figureCites(use);
        expect(cites.length, `${name} ${view ?? ''}`).toBeGreaterThan(0);
        for (const key of figureSources(use)) expect(known.has(key), `${name}: ${key}`).toBe(true);
      }
    expect(figureSources({ name: 'ReleaseCycles', view: 'netflix' })).not.toEqual(
      figureSources({ name: 'ReleaseCycles', view: 'freebsd' }),
    );
  });

  it('names the module to write for a component it does not know, and the views of a figure', () => {
    expect(() => figureByComponent('NewChart')).toThrow(
      'src/components/figures/NewChart.astro: figure component "NewChart" is declared by no module in src/figures/; add one that does `export default defineFigure({ component: \'NewChart\', … })`',
    );
    expect(() => figureCites({ name: 'ReleaseCycles', view: 'linux' })).toThrow(
      'src/components/figures/ReleaseCycles.astro: view "linux" is not a view of this figure; use "freebsd", "netflix"',
    );
    expect(() => figureCites({ name: 'BsdTree', view: 'x' })).toThrow('use no view attribute');
  });
});
