import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { MdxjsEsm } from 'mdast-util-mdxjs-esm';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';
import { ContentError } from '../lib/errors';
import { setPageRecord, type FigureUse } from '../lib/page-record';

/** The folder of the figures' components: a chapter shows a figure by importing one of them. */
const FIGURE_COMPONENTS = fileURLToPath(new URL('../components/figures/', import.meta.url));

/**
 * Records which figures a chapter shows, in order of first appearance, in the page record (`figures`), for
 * /sources/ to count each figure's evidence as claims of the page. It reads the chapter's imports from their
 * syntax tree (not their text), so a component counts whatever its local name, and only where it is used as
 * an element: not in code, not in a comment, not when imported and never shown.
 *
 * Takes: `import Chart from '../../src/components/figures/ThroughputChart.astro';` … `<Chart />` …
 *        `<ReleaseCycles view="netflix" />`
 * Makes: pageRecord(…).figures = [{ name: 'ThroughputChart' }, { name: 'ReleaseCycles', view: 'netflix' }]
 *        (each component's file name; the registry in src/figures/ maps it to its figure). No HTML changes.
 * Fails: `content/chapters/x.mdx:12: <ReleaseCycles view={v}>: write the figure's view as a string, view="netflix"`
 */
export function remarkFigures() {
  return (tree: Root, file: VFile) => {
    const from = file.path ? path.dirname(file.path) : process.cwd();
    const components = new Map<string, string>();
    visit(tree, 'mdxjsEsm', (node: MdxjsEsm) => {
      for (const statement of node.data?.estree?.body ?? []) {
        if (statement.type !== 'ImportDeclaration' || typeof statement.source.value !== 'string') continue;
        const target = path.resolve(from, statement.source.value);
        if (path.dirname(target) + path.sep !== FIGURE_COMPONENTS || !target.endsWith('.astro')) continue;
        for (const spec of statement.specifiers) {
          const isDefault =
            spec.type === 'ImportDefaultSpecifier' ||
            (spec.type === 'ImportSpecifier' &&
              (spec.imported.type === 'Identifier' ? spec.imported.name : spec.imported.value) === 'default');
          if (isDefault) components.set(spec.local.name, path.basename(target, '.astro'));
        }
      }
    });
    if (components.size === 0) return;
    const uses: FigureUse[] = [];
    const onElement = (node: MdxJsxFlowElement | MdxJsxTextElement) => {
      const name = node.name ? components.get(node.name) : undefined;
      if (!name) return;
      const attr = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'view');
      if (attr && typeof attr.value !== 'string')
        throw new ContentError(
          file.path,
          node.position?.start.line,
          `<${node.name} view={…}>: write the figure's view as a string, view="netflix"`,
        );
      const use: FigureUse = attr ? { name, view: attr.value as string } : { name };
      if (!uses.some((u) => u.name === use.name && u.view === use.view)) uses.push(use);
    };
    visit(tree, (node) => {
      if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') onElement(node);
    });
    setPageRecord(file, { figures: uses });
  };
}
