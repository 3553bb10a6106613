import type { Root, Link, Definition, Image } from 'mdast';
import type { VFile } from 'vfile';
import path from 'node:path';
import { visit } from 'unist-util-visit';
import { ContentError } from '../lib/errors';
import { chapterIdFromFile, chapterPath } from '../lib/routes';
import { knownPages } from '../lib/anchors';
import { recordAnchorLinks, type AnchorLink } from '../lib/link-check';
import { checkImage, checkLink } from '../lib/links';

export interface LinkOptions {
  base: string;
  /** Content folder: its chapters (which page a file becomes, and their anchors), glossary and sources. */
  dir: string;
  /** The project's public/ folder, for images. */
  publicDir: string;
}

type JsxElement = {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: { type: string; name?: string; value?: unknown }[];
  position?: Link['position'];
};

/**
 * Checks and rewrites what authors link to, in Markdown and in elements written in MDX (`<a href>`,
 * `<img src>`): a root-relative link (`/kernel-features/#kernel-tls`) must name a page of the guide and, if
 * it has one, an anchor on that page (a chapter's anchors are checked once the site is built, see
 * src/lib/link-check.ts), and is rewritten under the base path so that it works on a GitHub
 * Pages project site; a same-page `#anchor` must exist on this page; an image must be a file of the site;
 * other sites only over http, https or mailto. Relative paths (`../x/`) are refused because they break when
 * a page moves. The rules are src/lib/links.ts.
 *
 * Takes: `[kernel TLS](/kernel-features/#kernel-tls)` and `<a href="/glossary/">` with base `/guide/`.
 * Makes: `<a href="/guide/kernel-features/#kernel-tls">kernel TLS</a>`, `<a href="/guide/glossary/">`.
 * Fails: `content/chapters/x.mdx:4: link to "/kernel-feature/" points to no page of the guide ...`
 */
export function remarkLinks({ base, dir, publicDir }: LinkOptions) {
  const chaptersDir = path.join(dir, 'chapters');
  return (tree: Root, file: VFile) => {
    const pages = knownPages(dir);
    const pending: AnchorLink[] = [];
    const rel = path.relative(chaptersDir, file.path).split(path.sep).join('/');
    const self = rel.startsWith('..') ? undefined : chapterPath(chapterIdFromFile(rel));
    const link = (url: string, line: number | undefined): string => {
      const result = checkLink(url, { base, pages, self });
      if ('problem' in result) throw new ContentError(file.path, line, `link to "${url}" ${result.problem}`);
      if (result.pending) pending.push({ file: file.path, line, url, ...result.pending });
      return result.url;
    };
    const image = (src: string, line: number | undefined): string => {
      const result = checkImage(src, { base, publicDir, file: file.path });
      if ('problem' in result) throw new ContentError(file.path, line, `image "${src}" ${result.problem}`);
      return result.url;
    };
    visit(tree, (node) => {
      if (node.type === 'link' || node.type === 'definition') {
        const l = node as Link | Definition;
        l.url = link(l.url, l.position?.start.line);
      } else if (node.type === 'image') {
        const i = node as Image;
        i.url = image(i.url, i.position?.start.line);
      } else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
        const el = node as unknown as JsxElement;
        const target = el.name === 'a' ? 'href' : el.name === 'img' ? 'src' : undefined;
        if (!target) return;
        for (const attr of el.attributes) {
          if (attr.type !== 'mdxJsxAttribute' || attr.name !== target || typeof attr.value !== 'string') continue;
          const line = el.position?.start.line;
          attr.value = target === 'href' ? link(attr.value, line) : image(attr.value, line);
        }
      }
    });
    recordAnchorLinks(file.path, pending);
  };
}
