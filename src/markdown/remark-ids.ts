import type { Root, Heading, Nodes } from 'mdast';
import type { VFile } from 'vfile';
import GithubSlugger from 'github-slugger';
import { visit } from 'unist-util-visit';
import { ContentError } from '../lib/errors';
import { reservedIdProblem } from '../lib/layout-ids';

type JsxElement = {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  attributes: { type: string; name?: string; value?: unknown }[];
  position?: Heading['position'];
};

/**
 * Ids that authors make: each heading takes the id that Astro gives it (GitHub's slugs of its words, numbered
 * when repeated, as @astrojs/markdown-remark's rehypeHeadingIds computes them; Sätteri's heading pass keeps an
 * id that is set), and neither a heading's id nor an `id` written on an element in MDX may be one of the
 * layout's (src/lib/layout-ids.ts) or start with a citation's prefix. Headings are given their ids here, on
 * the Markdown tree, where every node still has its line; the page's references heading is the layout's own
 * and comes from no line of the file.
 *
 * Takes: `## Why encrypt in the kernel`
 * Makes: `<h2 id="why-encrypt-in-the-kernel">` (linked by src/markdown/heading-links.ts)
 * Fails: `content/chapters/x.mdx:12: heading "References" would take the id "references": the layout already
 *   uses the id "references" (…); reword the heading or give it another id`
 */
export function remarkIds() {
  return (tree: Root, file: VFile) => {
    const slugger = new GithubSlugger();
    visit(tree, (node) => {
      if (node.type === 'heading') {
        const heading = node as Heading;
        const id = slugger.slug(slugText(heading));
        const problem = reservedIdProblem(id);
        if (problem)
          throw new ContentError(
            file.path,
            heading.position?.start.line,
            `heading "${wordsOf(heading)}" would take the id "${id}": ${problem}; reword the heading or give it another id`,
          );
        heading.data = { ...heading.data, hProperties: { ...heading.data?.hProperties, id } };
        return;
      }
      if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
      const jsx = node as unknown as JsxElement;
      for (const attr of jsx.attributes) {
        if (attr.type !== 'mdxJsxAttribute' || attr.name !== 'id' || typeof attr.value !== 'string') continue;
        const problem = reservedIdProblem(attr.value);
        if (problem)
          throw new ContentError(file.path, jsx.position?.start.line, `id "${attr.value}": ${problem}; choose another`);
      }
    });
  };
}

/** What Astro slugs: the heading's text, code and MDX expressions, in order. */
function slugText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'mdxTextExpression') return node.value;
  return 'children' in node ? node.children.map(slugText).join('') : '';
}

/** The heading's words as a reader sees them, for the message. */
function wordsOf(node: Nodes): string {
  let text = '';
  visit(node, (n) => {
    if (n.type === 'text' || n.type === 'inlineCode') text += n.value;
  });
  return text.trim();
}
