import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
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
/** The parts of MDX's nodes read here (remark-mdx's ESM nodes carry their estree). */
type EsmNode = { data?: { estree?: { body: Statement[] } } };
type Statement = {
  type: string;
  source?: { value: unknown };
  specifiers?: { type: string; local: { name: string }; imported?: { type: string; name?: string; value?: string } }[];
};
type JsxNode = {
  name: string | null;
  attributes: { type: string; name?: string; value?: unknown }[];
  position?: { start: { line: number } };
};

export function remarkFigures() {
  return (tree: Root, file: VFile) => {
    const from = file.path ? path.dirname(file.path) : process.cwd();
    const components = new Map<string, string>();
    visit(tree, 'mdxjsEsm', (node) => {
      for (const statement of (node as EsmNode).data?.estree?.body ?? []) {
        const source = statement.source?.value;
        if (statement.type !== 'ImportDeclaration' || typeof source !== 'string') continue;
        const target = path.resolve(from, source);
        if (path.dirname(target) + path.sep !== FIGURE_COMPONENTS || !target.endsWith('.astro')) continue;
        for (const spec of statement.specifiers ?? []) {
          const isDefault =
            spec.type === 'ImportDefaultSpecifier' ||
            (spec.type === 'ImportSpecifier' && (spec.imported?.name ?? spec.imported?.value) === 'default');
          if (isDefault) components.set(spec.local.name, path.basename(target, '.astro'));
        }
      }
    });
    if (components.size === 0) return;
    const uses: FigureUse[] = [];
    const onElement = (node: JsxNode) => {
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
      if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') onElement(node as unknown as JsxNode);
    });
    setPageRecord(file, { figures: uses });
  };
}
