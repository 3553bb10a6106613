import type { Root, Element } from 'hast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { ContentError } from '../lib/errors';
import { reservedIdProblem } from '../lib/layout-ids';

type JsxElement = {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  attributes: { type: string; name?: string; value?: unknown }[];
  position?: Element['position'];
};

/**
 * Keeps authors' ids off the layout's (src/lib/layout-ids.ts): a heading whose id would be one the layout
 * sets (`## References` → "references", `## Cite this page`) or that starts with a citation's prefix, and an
 * element written in MDX with such an `id`, fail the build. Runs after heading ids are made. The layout's own
 * headings that plugins add (the references heading) come from no line of the file and are not checked.
 *
 * Fails: `content/chapters/x.mdx:12: heading "References" would take the id "references": the layout already
 *   uses the id "references" (…); reword the heading or give it another id`
 */
export function rehypeReservedIds() {
  return (tree: Root, file: VFile) => {
    visit(tree, (node) => {
      if (node.type === 'element' && /^h[1-6]$/.test(node.tagName) && node.position) {
        const id = String(node.properties?.['id'] ?? '');
        const problem = id ? reservedIdProblem(id) : undefined;
        if (problem) {
          const text = textOf(node);
          throw new ContentError(
            file.path,
            node.position.start.line,
            `heading "${text}" would take the id "${id}": ${problem}; reword the heading or give it another id`,
          );
        }
      }
      const jsx = node as unknown as JsxElement;
      if ((jsx.type === 'mdxJsxFlowElement' || jsx.type === 'mdxJsxTextElement') && jsx.position) {
        for (const attr of jsx.attributes) {
          if (attr.type !== 'mdxJsxAttribute' || attr.name !== 'id' || typeof attr.value !== 'string') continue;
          const problem = reservedIdProblem(attr.value);
          if (problem)
            throw new ContentError(
              file.path,
              jsx.position.start.line,
              `id "${attr.value}": ${problem}; choose another`,
            );
        }
      }
    });
  };
}

function textOf(node: Element): string {
  let text = '';
  visit(node, 'text', (t) => {
    text += t.value;
  });
  return text.trim();
}
