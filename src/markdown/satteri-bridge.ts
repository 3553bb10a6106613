import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Parser } from 'acorn';
import { unified, type PluggableList } from 'unified';
import { VFile } from 'vfile';
import type { MdastPluginDefinition } from 'satteri';

/**
 * Runs unified (remark) transformers inside Sätteri, Astro 7's native Markdown and MDX compiler.
 *
 * Sätteri parses, converts and generates code in Rust, many times faster than unified's JavaScript pipeline;
 * its own plugins are visitors that queue edits to a tree that stays on the Rust side. The guide's checks read
 * a whole page (the first use of a term, a page's citations in order, the imports before the components that
 * use them), so they stay plain unified transformers over a plain tree, tested as such: this adapter copies
 * Sätteri's tree out once per page (with positions, for the messages), runs them in order on it with a VFile
 * whose `data` is the page's (Astro's `astro.frontmatter`, where the plugins write the page record), and hands
 * the whole changed tree back in one replacement, before Sätteri converts it to HTML.
 *
 * One thing differs from a tree of remark-parse/remark-mdx and is mended on the way: Sätteri gives an ESM
 * block its code but no ESTree, so `data.estree` is parsed here with acorn (the plugins read imports from it),
 * and dropped again on the way back, where Sätteri compiles the code itself.
 */
export function unifiedOnSatteri(plugins: PluggableList): MdastPluginDefinition {
  const processor = unified().use(plugins).freeze();
  return {
    name: 'guide:remark',
    options: { position: true },
    async before(root, ctx) {
      const tree = copy(root);
      await processor.run(tree as Parameters<typeof processor.run>[0], fileFor(ctx));
      ctx.replaceNode(root, stripEstree(tree) as unknown as typeof root);
    },
  };
}

interface Context {
  readonly fileURL: URL | undefined;
  readonly data: Record<string, unknown>;
}

function fileFor(ctx: Context): VFile {
  return new VFile({ path: ctx.fileURL ? path.resolve(fileURLToPath(ctx.fileURL)) : undefined, data: ctx.data });
}

type Point = { line: number; column: number; offset?: number };
type Node = {
  type: string;
  value?: unknown;
  children?: Node[];
  position?: { start: Point; end: Point };
  data?: Record<string, unknown>;
} & Record<string, unknown>;

/**
 * A plain, writable copy of a Sätteri tree (whose nodes are frozen views onto the Rust side), with ESTree
 * for ESM blocks. Positions are copied field by field, other values (attributes, data) cloned.
 */
function copy(node: unknown): Node {
  const source = node as Node;
  const out: Node = { type: source.type };
  for (const key of Object.keys(source)) {
    if (key === 'type' || key === '_resolver' || key === '_id') continue;
    const value = source[key];
    if (key === 'children') out.children = (value as unknown[]).map(copy);
    else if (key === 'position') {
      const { start, end } = value as { start: Point; end: Point };
      out.position = { start: { ...start }, end: { ...end } };
    } else out[key] = value !== null && typeof value === 'object' ? structuredClone(value) : value;
  }
  if (out.type === 'mdxjsEsm' && typeof out.value === 'string')
    out.data = { ...out.data, estree: Parser.parse(out.value, { ecmaVersion: 'latest', sourceType: 'module' }) };
  return out;
}

function stripEstree(node: Node): Node {
  if (node.data && 'estree' in node.data) {
    const { estree: _estree, ...rest } = node.data;
    if (Object.keys(rest).length > 0) node.data = rest;
    else delete node.data;
  }
  node.children?.forEach(stripEstree);
  return node;
}
