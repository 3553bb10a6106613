import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { ContentError } from '../lib/errors';

type EsmNode = { type: 'mdxjsEsm'; value: string; data?: { estree?: { body: EstreeNode[] } } };
type EstreeNode = {
  type: string;
  specifiers?: { local: { name: string } }[];
  declaration?: { declarations?: { id: { name?: string } }[]; id?: { name?: string } | null } | null;
};
type JsxElement = { type: string; name: string | null; position?: { start: { line: number } } };

/**
 * A component used in MDX (`<ThroughputChart />`) must be imported or declared in the same file. MDX itself
 * finds out only while rendering, and then blames the page that renders first (often /all/), not the file;
 * here the build stops on the chapter's own line. Lower-case names are HTML elements and are not checked.
 *
 * Fails: `content/chapters/x.mdx:14: component <ThroughputChrt> is not imported in this file; add
 *   import ThroughputChrt from '…' at the top, or fix its name (imported here: ThroughputChart)`
 */
export function remarkMdxComponents() {
  return (tree: Root, file: VFile) => {
    const known = new Set<string>();
    visit(tree, 'mdxjsEsm', (node) => {
      for (const statement of (node as unknown as EsmNode).data?.estree?.body ?? []) {
        for (const s of statement.specifiers ?? []) known.add(s.local.name);
        for (const d of statement.declaration?.declarations ?? []) if (d.id.name) known.add(d.id.name);
        // `export function Note() {…}`, `export class …`: a declaration with a name of its own.
        if (statement.declaration?.id?.name) known.add(statement.declaration.id.name);
      }
    });
    visit(tree, (node) => {
      if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
      const el = node as unknown as JsxElement;
      const root = el.name?.split('.')[0];
      if (!root || !/^[A-Z]/.test(root) || known.has(root)) return;
      throw new ContentError(
        file.path,
        el.position?.start.line,
        `component <${el.name}> is not imported in this file; add import ${root} from '…' at the top, or fix its name (imported here: ${[...known].join(', ') || 'none'})`,
      );
    });
  };
}
