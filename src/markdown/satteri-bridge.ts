import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Parser } from 'acorn';
import { unified, type PluggableList } from 'unified';
import { VFile } from 'vfile';
import type { HastPluginDefinition, MdastPluginDefinition } from 'satteri';

/**
 * Runs unified (remark or rehype) transformers inside Sätteri, Astro 7's native Markdown and MDX compiler.
 *
 * Sätteri parses, converts and generates code in Rust, forty to a hundred times faster than unified's
 * JavaScript pipeline; its own plugins are visitors that queue edits to a tree that stays on the Rust side.
 * The guide's checks read a whole page (the first use of a term, a page's citations in order, the imports
 * before the components that use them), so they stay plain unified transformers over a plain tree, tested
 * as such: this adapter copies Sätteri's tree out once per page (with positions, for the messages), runs
 * them in order on it with a VFile whose `data.astro` is the page's (frontmatter, headings), and hands the
 * whole changed tree back in one replacement.
 *
 * Two things differ from a tree of remark-parse/remark-mdx and are mended on the way: Sätteri gives an ESM
 * block its code but no ESTree, so `data.estree` is parsed here with acorn (the plugins read imports from
 * it); and the ESTree is dropped again on the way back, where Sätteri compiles the code itself. A tree handed
 * back has no positions, so the line of each heading and of each element written in MDX is carried over to
 * the hast phase in an attribute (`data-guide-line`) that the hast adapter turns back into a position and
 * removes: rehype-reserved-ids names the author's line, and a heading with no line is the layout's own.
 */
export interface UnifiedPlugins {
  /** Remark plugins, run in order on the mdast tree. */
  remark: PluggableList;
  /** Rehype plugins, run in order on the hast tree, after Sätteri's conversion and highlighting. */
  rehype: PluggableList;
}

/** Sätteri's plugin lists that run the given unified plugins: one mdast and one hast plugin, used together. */
export function unifiedOnSatteri({ remark, rehype }: UnifiedPlugins): {
  mdastPlugins: MdastPluginDefinition[];
  hastPlugins: HastPluginDefinition[];
} {
  const remarkProcessor = unified().use(remark).freeze();
  const rehypeProcessor = unified().use(rehype).freeze();
  const mdast: MdastPluginDefinition = {
    name: 'guide:remark',
    options: { position: true },
    async before(root, ctx) {
      const tree = copy(root) as Parameters<typeof remarkProcessor.run>[0];
      await remarkProcessor.run(tree, fileFor(ctx));
      ctx.replaceNode(root, carryLines(stripEstree(tree as Node)) as typeof root);
    },
  };
  const hast = {
    name: 'guide:rehype',
    async before(root, ctx) {
      const tree = restoreLines(copy(root)) as Parameters<typeof rehypeProcessor.run>[0];
      await rehypeProcessor.run(tree, fileFor(ctx));
      ctx.replaceNode(root, stripEstree(tree as Node) as typeof root);
    },
  } satisfies HastPluginDefinition;
  return { mdastPlugins: [mdast], hastPlugins: [hast] };
}

interface Context {
  readonly fileURL: URL | undefined;
  readonly data: Record<string, unknown>;
}

function fileFor(ctx: Context): VFile {
  return new VFile({
    path: ctx.fileURL ? path.resolve(fileURLToPath(ctx.fileURL)) : undefined,
    // Sätteri's data bag carries Astro's page data (`astro.frontmatter`, `astro.headings`); the plugins write
    // the page record into that frontmatter, as they do under unified.
    data: ctx.data,
  });
}

type Node = { type: string; value?: unknown; children?: Node[]; data?: Record<string, unknown> } & Record<
  string,
  unknown
>;

/** A plain copy of a Sätteri tree (whose nodes are views onto the Rust side), with ESTree for ESM blocks. */
function copy(node: unknown): Node {
  const source = node as Node;
  const out: Node = { type: source.type };
  for (const key of Object.keys(source)) {
    if (key === '_resolver' || key === '_id' || key === 'type') continue;
    const value = source[key];
    if (key === 'children') out.children = (value as unknown[]).map(copy);
    else out[key] = value !== null && typeof value === 'object' ? structuredClone(value) : value;
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

/** The attribute that carries a line from the mdast tree to the hast tree; it never reaches a page. */
const LINE = 'data-guide-line';

type Attribute = { type: string; name?: string; value?: unknown };
type Position = { start: { line: number; column: number }; end: { line: number; column: number } };

function carryLines(node: Node): Node {
  const line = (node.position as Position | undefined)?.start.line;
  if (line !== undefined && node.type === 'heading') {
    const data = node.data ?? {};
    node.data = { ...data, hProperties: { ...(data['hProperties'] as object | undefined), [LINE]: line } };
  } else if (line !== undefined && (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement')) {
    (node['attributes'] as Attribute[]).push({ type: 'mdxJsxAttribute', name: LINE, value: String(line) });
  }
  node.children?.forEach(carryLines);
  return node;
}

function restoreLines(node: Node): Node {
  let line: number | undefined;
  const properties = node['properties'] as Record<string, unknown> | undefined;
  if (node.type === 'element' && properties && LINE in properties) {
    line = Number(properties[LINE]);
    delete properties[LINE];
  } else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
    const attributes = node['attributes'] as Attribute[];
    const at = attributes.findIndex((a) => a.type === 'mdxJsxAttribute' && a.name === LINE);
    if (at >= 0) {
      line = Number(attributes[at]!.value);
      attributes.splice(at, 1);
    }
  }
  if (line !== undefined) node.position = { start: { line, column: 1 }, end: { line, column: 1 } } satisfies Position;
  node.children?.forEach(restoreLines);
  return node;
}
