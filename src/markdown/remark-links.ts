import type { Root, Link, Definition } from 'mdast';
import type { VFile } from 'vfile';
import path from 'node:path';
import { visit } from 'unist-util-visit';
import { ContentError } from '../lib/errors';
import { chapterIdFromFile, chapterPath, withBase } from '../lib/routes';
import { siteMap } from '../lib/anchors';

export interface LinkOptions {
  base: string;
  /** Content folder: its chapters (which page a file becomes, and their anchors), glossary and sources. */
  dir: string;
}

/**
 * Checks and rewrites links that authors write. A root-relative link (`/kernel-features/#kernel-tls`) must
 * name a page of the guide and, if it has one, an anchor on that page; it is then rewritten under the base
 * path so that it works on a GitHub Pages project site. A same-page `#anchor` must exist on this page.
 * Relative paths (`../x/`) are refused because they break when a page moves.
 *
 * Takes: `[kernel TLS](/kernel-features/#kernel-tls)` with base `/guide/`.
 * Makes: `<a href="/guide/kernel-features/#kernel-tls">kernel TLS</a>`.
 * Fails: `content/chapters/x.mdx:4: link to "/kernel-feature/" points to no page of the guide ...`
 */
export function remarkLinks({ base, dir }: LinkOptions) {
  const chaptersDir = path.join(dir, 'chapters');
  return (tree: Root, file: VFile) => {
    const pages = siteMap(dir);
    const rel = path.relative(chaptersDir, file.path).split(path.sep).join('/');
    const self = rel.startsWith('..') ? undefined : chapterPath(chapterIdFromFile(rel));
    visit(tree, (node) => {
      if (node.type !== 'link' && node.type !== 'definition') return;
      const link = node as Link | Definition;
      const line = link.position?.start.line;
      const url = link.url;
      if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) return; // another site, mailto:, …
      const fail = (why: string): never => {
        throw new ContentError(file.path, line, `link to "${url}" ${why}`);
      };
      if (url.startsWith('#')) {
        const anchors = self ? pages.get(self) : undefined;
        if (anchors && !anchors.has(decodeURIComponent(url.slice(1))))
          fail(`names no heading or anchor on this page; headings here are: ${[...anchors].join(', ')}`);
        return;
      }
      if (!url.startsWith('/')) fail('is relative; write a root-relative path such as "/kernel-features/kernel-tls/"');
      const [rawPath = '/', hash] = url.split('#', 2);
      const sitePath = rawPath.endsWith('/') ? rawPath : `${rawPath}/`;
      const anchors = pages.get(sitePath);
      if (!anchors) fail(`points to no page of the guide; pages are: ${[...pages.keys()].join(', ')}`);
      if (hash !== undefined && !anchors!.has(decodeURIComponent(hash)))
        fail(`names anchor "#${hash}", which is not on ${sitePath}`);
      link.url = withBase(base, sitePath) + (hash === undefined ? '' : `#${hash}`);
    });
  };
}
