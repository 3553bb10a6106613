import type { Root, Text } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { ContentError } from '../lib/errors';

/** A Pandoc-style citation group: `[@key]`, `[@a; @b]`, optionally with a locator `[@key, p. 5]`. */
const CITATION = /\[(@[^\]\n]+)\]/g;
const KEY = /@([a-z0-9]+(?:-[a-z0-9]+)*)/g;

export interface CitationOptions {
  /** Every key in the bibliography. */
  keys: Set<string>;
}

/**
 * Checks every citation against the bibliography before rehype-citation formats it, because
 * rehype-citation leaves an unknown key as plain text without a word. Records the keys a page cites,
 * in order, as `citations` in the page's remark frontmatter (used by /sources/ for back-links).
 *
 * Takes: `Netflix launched Open Connect in 2012 [@netflix-isps-2016].`
 * Makes: the same text (formatting is rehype-citation's job); `frontmatter.citations = ['netflix-isps-2016']`.
 * Fails: `content/chapters/x.mdx:12: unknown source "netflx-isps" in citation [@netflx-isps] ...`
 */
export function remarkCitations({ keys }: CitationOptions) {
  return (tree: Root, file: VFile) => {
    const cited: string[] = [];
    visit(tree, 'text', (node: Text) => {
      for (const group of node.value.matchAll(CITATION)) {
        for (const [, key] of group[1]!.matchAll(KEY)) {
          if (!keys.has(key!)) {
            throw new ContentError(
              file.path,
              node.position?.start.line,
              `unknown source "${key}" in citation ${group[0]}; add it to content/sources/*.json or use an existing key`,
            );
          }
          if (!cited.includes(key!)) cited.push(key!);
        }
      }
    });
    const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
    data.astro ??= {};
    data.astro.frontmatter ??= {};
    data.astro.frontmatter['citations'] = cited;
  };
}
