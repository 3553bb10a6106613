import { describe, expect, it } from 'vitest';
import { mdxToJs, markdownToHtml } from 'satteri';
import type { Root as MdastRoot } from 'mdast';
import type { Root as HastRoot, Element } from 'hast';
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
      ...unifiedOnSatteri({ remark: [recording(seen)], rehype: [] }),
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
      ...unifiedOnSatteri({ remark: [reader], rehype: [] }),
      jsxImportSource: 'astro',
    });
    expect(body.map((s) => s.type)).toEqual(['ImportDeclaration', 'ExportNamedDeclaration']);
    expect(code).toContain('import A from "./a.js"');
  });

  it('carries the line of headings and MDX elements to the hast plugins, and removes the carrier', async () => {
    const lines: Record<string, number | undefined> = {};
    const reader = () => (tree: HastRoot) => {
      visit(tree, (node) => {
        const n = node as Element & { name?: string };
        if (n.type === 'element' && n.tagName === 'h2') lines['h2'] = n.position?.start.line;
        if ((n.type as string) === 'mdxJsxFlowElement') lines[n.name!] = n.position?.start.line;
      });
    };
    const { code } = await mdxToJs('Intro\n\n## Second\n\n<Box id="x" />\n', {
      ...unifiedOnSatteri({ remark: [], rehype: [reader] }),
      jsxImportSource: 'astro',
    });
    expect(lines).toEqual({ h2: 3, Box: 5 });
    expect(code).not.toContain('data-guide-line');
  });
});
