import type { Root, Text, Parent, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import type { Element } from 'hast';
// Brings in the hName/hProperties/hChildren fields that mdast-util-to-hast reads from node data.
import type {} from 'mdast-util-to-hast';
import { visitParents, SKIP } from 'unist-util-visit-parents';
import { ContentError } from '../lib/errors';
import { findCitations, CitationSyntaxError } from '../lib/citations/syntax';
import { evidenceProblem } from '../lib/citations/evidence';
import { PageCitations } from '../lib/citations/page';
import { bibliography } from '../lib/citations/format';
import { loadSources } from '../lib/sources';
import { recordPage } from '../lib/citations/tally';
import { setPageRecord } from '../lib/page-record';

export interface CitationOptions {
  /** Content folder, whose sources and source texts are read (again whenever they change). */
  dir: string;
}

/**
 * Citations with their evidence (the syntax is in src/lib/citations/syntax.ts). Each citation is checked —
 * a known source, a locator, a passage (or the guide's own reading marked as such), a passage that occurs in
 * the source's text where the repository has it — then replaced by a numbered marker with a tooltip, and the
 * page gets a References section listing, per source, what the page cites it for, linked both ways.
 * Text in code (inline or fenced) is never read as a citation.
 *
 * Takes: `Five weeks of development [@talk, slide 13: "Five Weeks of Development"].`
 * Makes: `Five weeks of development [<span class="cite tip-host"><a href="#note-1-1" id="cite-1"
 *   aria-describedby="cite-1-tip">1</a><span class="tip" role="tooltip" id="cite-1-tip">…</span></span>].`
 *   and, at the end, `<section class="references" aria-labelledby="references"><h2 id="references">…`
 * Fails: `content/chapters/x.mdx:12: unknown source "talk-2091" in citation [@talk-2091, slide 2: "…"]; …`
 */
/**
 * Joins the text nodes that follow `node` into it: earlier plugins split text where something only looked
 * like markup (remark-glossary gives back ":p5" of "[@x:p5]" as a text node of its own).
 */
function joinFollowingText(parent: Parent, node: Text) {
  const index = parent.children.indexOf(node as Parent['children'][number]);
  let next = parent.children[index + 1];
  while (next?.type === 'text') {
    node.value += next.value;
    if (node.position && next.position) node.position.end = next.position.end;
    parent.children.splice(index + 1, 1);
    next = parent.children[index + 1];
  }
}

export function remarkCitations({ dir }: CitationOptions) {
  return (tree: Root, file: VFile) => {
    const sources = loadSources(dir);
    const page = new PageCitations();
    visitParents(tree, 'text', (node: Text, ancestors) => {
      const parent = ancestors.at(-1) as Parent | undefined;
      if (!parent) return;
      joinFollowingText(parent, node);
      const lineOf = (offset: number) =>
        node.position ? node.position.start.line + (node.value.slice(0, offset).match(/\n/g)?.length ?? 0) : undefined;
      let groups;
      try {
        groups = findCitations(node.value);
      } catch (error) {
        if (error instanceof CitationSyntaxError)
          throw new ContentError(file.path, lineOf(error.offset), error.message);
        throw error;
      }
      if (groups.length === 0) return;
      const replaced: RootContent[] = [];
      let at = 0;
      for (const group of groups) {
        if (group.start > at) replaced.push({ type: 'text', value: node.value.slice(at, group.start) });
        const markers: Element[] = [];
        for (const item of group.items) {
          const problem = evidenceProblem(item, group.raw, sources);
          if (problem) throw new ContentError(file.path, lineOf(group.start), problem);
          markers.push(page.cite(item, sources.byId.get(item.key)!));
        }
        // A node of its own type, with no children: both compilers turn it into the element its data names.
        replaced.push({
          type: 'citeGroup',
          children: [],
          data: {
            hName: 'span',
            hProperties: { className: ['cite-group'] },
            hChildren: [
              { type: 'text', value: '[' },
              ...markers.flatMap((m, i) => (i === 0 ? [m] : [{ type: 'text' as const, value: ', ' }, m])),
              { type: 'text', value: ']' },
            ],
          },
        } as unknown as RootContent);
        at = group.end;
      }
      if (at < node.value.length) replaced.push({ type: 'text', value: node.value.slice(at) });
      const index = parent.children.indexOf(node as Parent['children'][number]);
      parent.children.splice(index, 1, ...(replaced as Parent['children']));
      return [SKIP, index + replaced.length];
    });
    const references = page.references(bibliography(dir));
    if (references)
      tree.children.push({
        type: 'paragraph',
        children: [],
        data: { hName: references.tagName, hProperties: references.properties, hChildren: references.children },
      });
    recordPage(file.path ?? '', page.counts);
    setPageRecord(file, { citations: page.uses.map((u) => u.source.id), claims: page.claims(), counts: page.counts });
  };
}
