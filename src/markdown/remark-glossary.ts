import type { Root, Parent } from 'mdast';
import type { ElementContent } from 'hast';
import type { VFile } from 'vfile';
import type { TextDirective } from 'mdast-util-directive';
// Brings in the hName/hProperties/hChildren fields that mdast-util-to-hast reads from node data.
import type {} from 'mdast-util-to-hast';
import { toString } from 'mdast-util-to-string';
import { visitParents, SKIP } from 'unist-util-visit-parents';
import { loadGlossary } from '../lib/glossary';
import { ContentError } from '../lib/errors';
import { withBase } from '../lib/routes';
import { setPageRecord } from '../lib/page-record';

export interface GlossaryOptions {
  /** Content folder, whose glossary is read (again whenever it changes). */
  dir: string;
  base: string;
}

/**
 * Marks up glossary terms. Authors write `:term[kTLS]` (looked up by term, alias or id, ignoring case) or
 * `:term[TLS in the kernel]{id=ktls}`. The first use on a page becomes a link to /glossary/#id holding a
 * <dfn> (an <abbr title> for abbreviations) and a tooltip with the definition, which CSS shows on hover
 * and on keyboard focus, with no JavaScript. Later uses on the same page stay plain text, and so does a
 * term inside a heading or a link, where the markup would get in the way.
 *
 * Takes: `:term[kTLS] moves encryption into the kernel.`
 * Makes: `<span class="term tip-host"><a href="/glossary/#ktls" aria-describedby="tip-ktls"><dfn><abbr title="kernel
 *   Transport Layer Security">kTLS</abbr></dfn></a><span class="tip" role="tooltip" id="tip-ktls">…</span></span>`
 * Fails: `content/chapters/x.mdx:8: unknown glossary term "kTSL" in :term[kTSL] ...`
 */
export function remarkGlossary({ dir, base }: GlossaryOptions) {
  return (tree: Root, file: VFile) => {
    const glossary = loadGlossary(dir);
    const seen = new Set<string>();
    const used: string[] = [];
    visitParents(tree, (node, ancestors) => {
      const parent = ancestors.at(-1) as Parent | undefined;
      if (node.type !== 'textDirective' || parent === undefined) return;
      const index = parent.children.indexOf(node as Parent['children'][number]);
      const directive = node as TextDirective;
      const line = directive.position?.start.line;
      // remark-known-directives has already failed on or given back every other directive.
      if (directive.name !== 'term') return;
      const text = toString(directive);
      const lookup = directive.attributes?.['id'] ?? text;
      const term = glossary.find(lookup);
      if (!term) {
        throw new ContentError(
          file.path,
          line,
          `unknown glossary term "${lookup}" in :term[${text}]; add it to content/glossary/*.yaml or give an existing id with {id=...}`,
        );
      }
      const plain = ancestors.some((a) => a.type === 'heading' || a.type === 'link') || seen.has(term.id);
      if (plain) {
        parent.children.splice(index, 1, ...(directive.children as typeof parent.children));
        return [SKIP, index + directive.children.length];
      }
      seen.add(term.id);
      used.push(term.id);
      const tipId = `tip-${term.id}`;
      const label: ElementContent = term.expansion
        ? {
            type: 'element',
            tagName: 'abbr',
            properties: { title: term.expansion },
            children: [{ type: 'text', value: text }],
          }
        : { type: 'text', value: text };
      // The tooltip gives the definition's first sentence; the glossary has the rest. Every byte here is
      // repeated on each page that uses the term, and pages must fit in one round trip.
      const gist = firstSentence(term.definition);
      const tip = term.expansion ? `${term.term} (${term.expansion}): ${gist}` : `${term.term}: ${gist}`;
      directive.data = {
        hName: 'span',
        hProperties: { className: ['term', 'tip-host'] },
        hChildren: [
          {
            type: 'element',
            tagName: 'a',
            properties: { href: withBase(base, `/glossary/#${term.id}`), ariaDescribedBy: [tipId] },
            children: [{ type: 'element', tagName: 'dfn', properties: {}, children: [label] }],
          },
          {
            type: 'element',
            tagName: 'span',
            properties: { className: ['tip'], role: 'tooltip', id: tipId },
            children: [{ type: 'text', value: tip }],
          },
        ],
      };
      return SKIP;
    });
    setPageRecord(file, { terms: used });
  };
}

/** The first sentence of a definition: up to the first full stop that ends a sentence. */
export function firstSentence(text: string): string {
  const match = /^.+?[.!?](?=\s+[A-Z(])/s.exec(text);
  return (match ? match[0] : text).trim();
}
