import type { Root, Parent, PhrasingContent } from 'mdast';
import type { VFile } from 'vfile';
import type { TextDirective, LeafDirective, ContainerDirective } from 'mdast-util-directive';
import { visitParents, SKIP } from 'unist-util-visit-parents';
import { ContentError } from '../lib/errors';

/** The directives the guide's plugins handle. */
export const KNOWN_DIRECTIVES = ['term'] as const;

type Directive = TextDirective | LeafDirective | ContainerDirective;

/**
 * Right after remark-directive: a directive that no plugin of the guide handles fails the build, where it
 * would otherwise come out as a bare <div> (`:::note`) or as text (`:tip[…]`). Only a bare `:word` with
 * neither label nor attributes is text that merely looks like a directive ("TCP:RACK", "label:thing"): it is
 * given back as it was written.
 *
 * Fails: `content/chapters/x.mdx:7: unknown directive ":::note"; the guide knows only :term[…] (a glossary term)`
 */
export function remarkKnownDirectives() {
  return (tree: Root, file: VFile) => {
    visitParents(tree, (node, ancestors) => {
      if (node.type !== 'textDirective' && node.type !== 'leafDirective' && node.type !== 'containerDirective') return;
      const directive = node as Directive;
      if ((KNOWN_DIRECTIVES as readonly string[]).includes(directive.name) && directive.type === 'textDirective')
        return;
      const written = writtenLength(directive);
      const bare = directive.type === 'textDirective' && written === directive.name.length + 1;
      const parent = ancestors.at(-1) as Parent | undefined;
      if (bare && parent) {
        const index = parent.children.indexOf(directive as Parent['children'][number]);
        const restored: PhrasingContent = { type: 'text', value: `:${directive.name}` };
        parent.children.splice(index, 1, restored as Parent['children'][number]);
        return [SKIP, index + 1];
      }
      const marker = directive.type === 'containerDirective' ? ':::' : directive.type === 'leafDirective' ? '::' : ':';
      throw new ContentError(
        file.path,
        directive.position?.start.line,
        `unknown directive "${marker}${directive.name}"; the guide knows only :term[…] (a glossary term). For a note or an aside, write a plain paragraph or a blockquote`,
      );
    });
  };
}

/** How many characters of the file the directive took, or the bare length when positions are missing. */
function writtenLength(directive: Directive): number {
  const start = directive.position?.start.offset;
  const end = directive.position?.end.offset;
  return start === undefined || end === undefined ? directive.name.length + 1 : end - start;
}
