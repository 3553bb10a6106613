import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { satteri } from '@astrojs/markdown-satteri';
import { markdownPipeline } from '../../src/markdown/index';

export const FIXTURES = path.resolve('tests/fixtures');

interface RenderOptions {
  /** Fixture content folder under tests/fixtures. */
  fixture?: string;
  /** Chapter file the text stands for, relative to the fixture's chapters folder. */
  file?: string;
  base?: string;
}

/**
 * Renders Markdown through the real Astro (Sätteri) processor with the guide's plugin pipeline, as if it
 * were the chapter file `file` (relative to the fixture's chapters folder) of the fixture content `fixture`.
 */
export async function renderMarkdown(
  markdown: string,
  { fixture = 'good', file = 'parent/index.mdx', base = '/' }: RenderOptions = {},
) {
  const dir = path.join(FIXTURES, fixture);
  // The build's own definition (punctuation and GFM included), never a test-only variant of it.
  const renderer = await satteri(markdownPipeline({ base, dir })).createRenderer({ syntaxHighlight: false });
  const fileURL = pathToFileURL(path.join(dir, 'chapters', file));
  return renderer.render(markdown, { fileURL });
}

/**
 * Compiles MDX (JSX elements, imports) the way the build's MDX integration does, from the same processor
 * definition, and returns the compiled module's code: what plugins do to JSX shows in its props.
 */
export async function compileMdx(
  mdx: string,
  { fixture = 'good', file = 'parent/index.mdx', base = '/' }: RenderOptions = {},
) {
  const dir = path.join(FIXTURES, fixture);
  const processor = satteri(markdownPipeline({ base, dir }));
  const renderer = await processor.createMdxRenderer!({ syntaxHighlight: false }, { optimize: false });
  return renderer.process(mdx, path.join(dir, 'chapters', file), {});
}
