import path from 'node:path';
import type { SatteriProcessorOptions } from '@astrojs/markdown-satteri';
import { contentDir } from '../lib/content-dir';
import { remarkKnownDirectives } from './remark-known-directives';
import { remarkMdxComponents } from './remark-mdx-components';
import { remarkGlossary } from './remark-glossary';
import { remarkCitations } from './remark-citations';
import { remarkLinks } from './remark-links';
import { remarkFigures } from './remark-figures';
import { remarkIds } from './remark-ids';
import { headingLinks } from './heading-links';
import { unifiedOnSatteri } from './satteri-bridge';

export interface PipelineOptions {
  /** Base path the site is served under, e.g. "/" or "/open-connect-guide/". */
  base: string;
  /** Content folder; defaults to ./content (tests pass fixtures). */
  dir?: string;
}

/**
 * The one place that fixes how chapters are compiled, for .md and .mdx alike: Sätteri (Astro 7's native
 * compiler) parses GFM and directives and makes quotes, dashes and ellipses typographic; then the guide's
 * remark plugins run in this order (inside Sätteri, src/markdown/satteri-bridge.ts): any directive but
 * :term[…] refused, MDX components checked against the file's imports, glossary terms marked, citations
 * checked and turned into markers with the page's references appended, links checked and rebased, figures
 * recorded, heading ids made and kept off the layout's ids. After the conversion to HTML (and Shiki's
 * highlighting), headings are linked to themselves; Sätteri's own heading pass lists them with their ids.
 * Each plugin takes the content folder and reads what it needs at each file, through loaders that read their
 * files again only when they change: `astro dev` sees a new term, source or heading without a restart.
 */
export function markdownPipeline({ base, dir = contentDir() }: PipelineOptions): Required<SatteriProcessorOptions> {
  return {
    mdastPlugins: [
      unifiedOnSatteri([
        remarkKnownDirectives,
        remarkMdxComponents,
        [remarkGlossary, { dir, base }],
        [remarkCitations, { dir }],
        [remarkLinks, { base, dir, publicDir: path.resolve('public') }],
        remarkFigures,
        remarkIds,
      ]),
    ],
    hastPlugins: [headingLinks],
    // Part of the one definition, so that tests compile with exactly what the build uses.
    features: { gfm: true, directive: true, smartPunctuation: true },
  };
}
