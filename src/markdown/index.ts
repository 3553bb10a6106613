import path from 'node:path';
import remarkDirective from 'remark-directive';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import { rehypeHeadingIds } from '@astrojs/markdown-remark';
import type { RemarkPlugins, RehypePlugins } from '@astrojs/markdown-remark';
import { contentDir } from '../lib/content-dir';
import { remarkKnownDirectives } from './remark-known-directives';
import { remarkMdxComponents } from './remark-mdx-components';
import { remarkGlossary } from './remark-glossary';
import { remarkCitations } from './remark-citations';
import { remarkLinks } from './remark-links';
import { rehypeReservedIds } from './rehype-reserved-ids';
import { remarkFigures } from './remark-figures';
import { remarkSmartypants } from './remark-smartypants';

export interface PipelineOptions {
  /** Base path the site is served under, e.g. "/" or "/open-connect-guide/". */
  base: string;
  /** Content folder; defaults to ./content (tests pass fixtures). */
  dir?: string;
}

/**
 * The one place that fixes the order of our Markdown plugins, for .md and .mdx alike.
 * remark: directives are parsed, quotes, dashes and ellipses made typographic (as Astro's smartypants option
 * would, faster), any directive but :term[…] refused, MDX components checked against the file's imports,
 * glossary terms marked, citations checked and turned into markers with the page's references appended, links
 * checked and rebased.
 * rehype: heading ids made (before Astro's own pass, so that the autolinks can use them) and kept off the
 * layout's ids, headings linked.
 * Each plugin takes the content folder and reads what it needs at each file, through loaders that read their
 * files again only when they change: `astro dev` sees a new term, source or heading without a restart.
 */
export function markdownPipeline({ base, dir = contentDir() }: PipelineOptions): {
  remarkPlugins: RemarkPlugins;
  rehypePlugins: RehypePlugins;
  gfm: true;
  smartypants: false;
} {
  return {
    remarkPlugins: [
      remarkDirective,
      remarkSmartypants,
      remarkKnownDirectives,
      remarkMdxComponents,
      [remarkGlossary, { dir, base }],
      [remarkCitations, { dir }],
      [remarkLinks, { base, dir, publicDir: path.resolve('public') }],
      remarkFigures,
    ],
    rehypePlugins: [
      rehypeHeadingIds,
      rehypeReservedIds,
      [rehypeAutolinkHeadings, { behavior: 'wrap', properties: { className: ['heading-link'] } }],
    ],
    // Part of the one definition, so that tests render with exactly what the build uses. Astro's smartypants is
    // off: remarkSmartypants gives the same punctuation in a fraction of the time.
    gfm: true,
    smartypants: false,
  };
}
