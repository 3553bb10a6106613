import type { Root, Nodes, Parents } from 'mdast';
import { retext } from 'retext';
import retextSmartypants from 'retext-smartypants';
import { visit } from 'unist-util-visit';

/**
 * Typographic punctuation: “curly” quotes, em dashes for `--`, ellipses for `...`, as Astro's own `smartypants`
 * option gives (remark-smartypants, over retext-smartypants), with the same output byte for byte but a fraction
 * of its time. That plugin was half of the time of compiling a chapter: for its second pass it parses every
 * text node of a page into a natural-language tree, although few of them hold anything that pass changes.
 *
 * Quotes are paired across the whole page at once (a quote may open in one node and close after a link or an
 * emphasis): all the page's text is joined, block by block, and turned once; quotes keep the text's length, so
 * each text node takes back its own slice. Dashes, ellipses and double backticks change the length, so they are
 * turned node by node afterwards — only in the nodes whose text can hold one (`--`, two dots, ``` `` ```, `''`),
 * which for any other text changes nothing.
 *
 * Inline code is not turned, but stands in the joined text for its length; a paragraph, heading or table cell
 * starts with a space, so that a quote at its start opens. Text directly inside an inline `<script>`, `<style>`
 * or fragment in MDX is left alone.
 */
const quotes = retext().use(retextSmartypants, { ellipses: false, dashes: false, backticks: false });
const lengthChanging = retext().use(retextSmartypants, { quotes: false });

/** Text in which the length-changing pass could change something: two dashes, two dots, `` `` `` or `''`. */
const MAY_CHANGE = /--|\.\s*\.|``|''/;

const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);
const SKIPPED_INLINE = new Set(['script', 'style']);

type Literal = Extract<Nodes, { value: string }>;

const isLiteral = (node: Nodes): node is Literal => 'value' in node && typeof node.value === 'string';

/** remark-smartypants' choice of nodes, unchanged: a literal or a block, not directly inside a skipped inline element. */
function turned(node: Nodes, parent: Parents | undefined): boolean {
  if (!parent) return false;
  if (parent.type === 'mdxJsxTextElement' && (typeof parent.name !== 'string' || SKIPPED_INLINE.has(parent.name)))
    return false;
  if (node.type === 'text' || node.type === 'inlineCode') return true;
  return BLOCKS.has(node.type);
}

export function remarkSmartypants() {
  return (tree: Root) => {
    const nodes: Nodes[] = [];
    const parts: string[] = [];
    visit(tree, (node, _index, parent) => {
      if (!turned(node, parent)) return;
      if (node.type === 'text') parts.push(node.value);
      else if (isLiteral(node)) parts.push('A'.repeat(node.value.length));
      else parts.push(' ');
      nodes.push(node);
    });
    if (nodes.length === 0) return;
    const text = quotes.processSync(parts.join('')).toString();
    let at = 0;
    for (const node of nodes) {
      if (!isLiteral(node)) {
        at += 1;
        continue;
      }
      const end = at + node.value.length;
      if (node.type === 'text') {
        const slice = text.slice(at, end);
        node.value = MAY_CHANGE.test(slice) ? lengthChanging.processSync(slice).toString() : slice;
      }
      at = end;
    }
  };
}
