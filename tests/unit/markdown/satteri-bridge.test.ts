import { describe, expect, it } from 'vitest';
import { mdxToJs, markdownToHtml } from 'satteri';
import type { Root as MdastRoot } from 'mdast';
import { visit } from 'unist-util-visit';
import { unifiedOnSatteri } from '../../../src/markdown/satteri-bridge';

/** A remark plugin that records what it was given, and changes it. */
function recording(seen: { tree?: MdastRoot; path?: string; frontmatter?: unknown }) {
  return () => (tree: MdastRoot, file: { path: string; data: { astro?: { frontmatter?: unknown } } }) => {
    seen.tree = structuredClone(tree);
    seen.path = file.path;
    seen.frontmatter = file.data.astro?.frontmatter;
    visit(tree, 'text', (node) => {
      node.value = node.value.toUpperCase();
    });
  };
}

describe('unified plugins inside Sätteri (satteri-bridge)', () => {
  it('gives the plugins a plain tree with positions, the file and its page data, and compiles what they change', async () => {
    const seen: Parameters<typeof recording>[0] = {};
    const frontmatter = { title: 'T' };
    const { html } = await markdownToHtml('# Head\n\nSome *text*.\n', {
      mdastPlugins: [unifiedOnSatteri([recording(seen)])],
      fileURL: new URL('file:///guide/content/chapters/a.md'),
      data: { astro: { frontmatter, headings: [], localImagePaths: new Set(), remoteImagePaths: new Set() } },
    });
    expect(html.trim()).toBe('<h1>HEAD</h1>\n<p>SOME <em>TEXT</em>.</p>');
    expect(seen.path).toBe('/guide/content/chapters/a.md');
    expect(seen.frontmatter).toBe(frontmatter);
    const paragraph = seen.tree!.children[1]!;
    expect(paragraph.type).toBe('paragraph');
    expect(paragraph.position?.start).toMatchObject({ line: 3, column: 1 });
    expect(JSON.stringify(seen.tree)).not.toMatch(/_resolver|"_id"/);
  });

  it('parses the ESTree of each ESM block for the plugins, and drops it on the way back', async () => {
    let body: { type: string }[] = [];
    const reader = () => (tree: MdastRoot) => {
      visit(tree, 'mdxjsEsm', (node) => {
        body = (node.data as { estree: { body: { type: string }[] } }).estree.body;
      });
    };
    const { code } = await mdxToJs("import A from './a.js';\nexport const b = 1;\n\n<A />\n", {
      mdastPlugins: [unifiedOnSatteri([reader])],
      jsxImportSource: 'astro',
    });
    expect(body.map((s) => s.type)).toEqual(['ImportDeclaration', 'ExportNamedDeclaration']);
    expect(code).toContain('import A from "./a.js"');
  });
});
