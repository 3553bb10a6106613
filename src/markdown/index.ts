import path from 'node:path';
import remarkDirective from 'remark-directive';
import rehypeCitation from 'rehype-citation';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import { rehypeHeadingIds } from '@astrojs/markdown-remark';
import type { RemarkPlugins, RehypePlugins } from '@astrojs/markdown-remark';
import { contentDir } from '../lib/content-dir';
import { loadGlossary } from '../lib/glossary';
import { loadSources } from '../lib/sources';
import { siteMap } from '../lib/anchors';
import { remarkGlossary } from './remark-glossary';
import { remarkCitations } from './remark-citations';
import { remarkLinks } from './remark-links';
import { rehypeReferences } from './rehype-references';

export interface PipelineOptions {
  /** Base path the site is served under, e.g. "/" or "/open-connect-guide/". */
  base: string;
  /** Content folder; defaults to ./content (tests pass fixtures). */
  dir?: string;
}

/**
 * The one place that fixes the order of our Markdown plugins, for .md and .mdx alike.
 * remark: directives are parsed, glossary terms marked, citations checked, links checked and rebased.
 * rehype: citations formatted (numbered, linked) with the bibliography appended, that bibliography given a
 * heading, heading ids made (before Astro's own pass, so that the autolinks can use them), headings linked.
 */
export function markdownPipeline({ base, dir = contentDir() }: PipelineOptions): {
  remarkPlugins: RemarkPlugins;
  rehypePlugins: RehypePlugins;
  gfm: true;
  smartypants: true;
} {
  const { files, sources } = loadSources(dir);
  const glossary = loadGlossary(dir);
  return {
    remarkPlugins: [
      remarkDirective,
      [remarkGlossary, { glossary, base }],
      [remarkCitations, { keys: new Set(sources.map((s) => s.id)) }],
      [remarkLinks, { base, chaptersDir: path.join(dir, 'chapters'), pages: siteMap(dir) }],
    ],
    rehypePlugins: [
      // rehype-citation joins `path` with each file (and does so in place on every page): absolute files under "/" stay put.
      [rehypeCitation, { bibliography: files, path: '/', csl: 'vancouver', linkCitations: true, lang: 'en-US' }],
      rehypeReferences,
      rehypeHeadingIds,
      [rehypeAutolinkHeadings, { behavior: 'wrap', properties: { className: ['heading-link'] } }],
    ],
    // Part of the one definition, so that tests render with exactly what the build uses.
    gfm: true,
    smartypants: true,
  };
}
