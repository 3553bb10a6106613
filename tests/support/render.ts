import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { markdownPipeline } from '../../src/markdown/index';

export const FIXTURES = path.resolve('tests/fixtures');

/**
 * Renders Markdown through the real Astro (unified) processor with the guide's plugin pipeline, as if it
 * were the chapter file `file` (relative to the fixture's chapters folder) of the fixture content `fixture`.
 */
export async function renderMarkdown(
  markdown: string,
  { fixture = 'good', file = 'parent/index.mdx', base = '/' } = {},
) {
  const dir = path.join(FIXTURES, fixture);
  // The build's own definition (smartypants and GFM included), never a test-only variant of it.
  const processor = await createMarkdownProcessor(markdownPipeline({ base, dir }));
  const fileURL = pathToFileURL(path.join(dir, 'chapters', file));
  return processor.render(markdown, { fileURL });
}
