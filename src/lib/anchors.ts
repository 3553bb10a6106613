import fs from 'node:fs';
import path from 'node:path';
import GithubSlugger from 'github-slugger';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkGfm from 'remark-gfm';
import remarkDirective from 'remark-directive';
import { visit } from 'unist-util-visit';
import { toString } from 'mdast-util-to-string';
import type { Root } from 'mdast';
import { contentDir } from './content-dir';
import { chapterIdFromFile, chapterPath, LAYOUT_ANCHORS, PAGE_ANCHORS, STATIC_PAGES } from './routes';
import { glossaryFiles, loadGlossary } from './glossary';
import { loadSources, sourceFiles } from './sources';
import { fresh } from './content-cache';

/** Every page an author may link to, with the anchors on it. */
export type SiteMap = Map<string, Set<string>>;

/** All chapter files under content/chapters, relative to it, sorted. */
export function chapterFiles(dir = contentDir()): string[] {
  const root = path.join(dir, 'chapters');
  if (!fs.existsSync(root)) return [];
  return (fs.readdirSync(root, { recursive: true }) as string[])
    .filter((f) => /\.mdx?$/.test(f))
    .map((f) => f.split(path.sep).join('/'))
    .sort();
}

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkDirective);

/** The syntax tree of one chapter file (relative to content/chapters), without its frontmatter. */
export function chapterTree(rel: string, dir = contentDir()): Root {
  const text = fs.readFileSync(path.join(dir, 'chapters', rel), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
  try {
    return parser.parse(text) as Root;
  } catch {
    // The MDX compiler reports syntax errors with a better message when the page itself is built.
    return { type: 'root', children: [] };
  }
}

/**
 * Builds the map of pages and anchors before any page renders, so that a link in one chapter can be checked
 * against a heading in another. Heading ids are made the way Astro makes them (github-slugger over the
 * heading's text, one slugger per page), plus explicit `id` attributes on elements written in MDX.
 */
export function siteMap(dir = contentDir()): SiteMap {
  return fresh(
    `sitemap:${dir}`,
    () => [...chapterFiles(dir).map((f) => path.join(dir, 'chapters', f)), ...glossaryFiles(dir), ...sourceFiles(dir)],
    () => buildSiteMap(dir),
  );
}

function buildSiteMap(dir: string): SiteMap {
  const map: SiteMap = new Map();
  for (const rel of chapterFiles(dir)) {
    const tree = chapterTree(rel, dir);
    const anchors = new Set<string>(LAYOUT_ANCHORS);
    const slugger = new GithubSlugger();
    visit(tree, (node) => {
      if (node.type === 'heading') anchors.add(slugger.slug(toString(node)));
      if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
        for (const attr of node.attributes) {
          if (attr.type === 'mdxJsxAttribute' && attr.name === 'id' && typeof attr.value === 'string')
            anchors.add(attr.value);
        }
      }
    });
    map.set(chapterPath(chapterIdFromFile(rel)), anchors);
  }
  for (const page of STATIC_PAGES) map.set(page, new Set<string>(PAGE_ANCHORS));
  for (const term of loadGlossary(dir).terms) map.get('/glossary/')!.add(term.id);
  for (const source of loadSources(dir).sources) map.get('/sources/')!.add(source.id);
  return map;
}
