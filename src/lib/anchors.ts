import fs from 'node:fs';
import path from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkGfm from 'remark-gfm';
import remarkDirective from 'remark-directive';
import type { Root } from 'mdast';
import { contentDir } from './content-dir';
import { chapterIdFromFile, chapterPath } from './routes';
import { glossaryFiles, loadGlossary } from './glossary';
import { loadSources, sourceFiles } from './sources';
import { GUIDE_PAGES } from './pages';
import { fresh } from './content-cache';
import { ContentError } from './errors';

/**
 * The pages an author may link to. Chapter pages are known from their files; their anchors (headings, the
 * figures' ids, the layout's ids) only once the site is built, so links to them are checked against the
 * built HTML (src/lib/link-check.ts). The anchors of the glossary and the sources are their entries' ids,
 * known from the data before anything renders, and are checked at once.
 */
export interface KnownPages {
  /** Site paths (without the base) of every page a link may name. */
  paths: Set<string>;
  /** Anchors of the pages whose anchors are known before the build; a page not here is checked after it. */
  anchors: Map<string, Set<string>>;
}

/** All chapter files under content/chapters, relative to it, sorted. */
export function chapterFiles(dir = contentDir()): string[] {
  const root = path.join(dir, 'chapters');
  if (!fs.existsSync(root)) return [];
  return (fs.readdirSync(root, { recursive: true }) as string[])
    .filter((f) => /\.mdx?$/.test(f))
    .map((f) => f.split(path.sep).join('/'))
    .sort();
}

/** Every page of the guide and the anchors known before the build. Read again when its files change. */
export function knownPages(dir = contentDir()): KnownPages {
  return fresh(
    `pages:${dir}`,
    () => [path.join(dir, 'chapters'), ...glossaryFiles(dir), ...sourceFiles(dir)],
    () => {
      const paths = new Set<string>(chapterFiles(dir).map((rel) => chapterPath(chapterIdFromFile(rel))));
      for (const page of GUIDE_PAGES) if (page.linkable) paths.add(page.path);
      const anchors = new Map<string, Set<string>>([
        ['/glossary/', new Set(loadGlossary(dir).terms.map((t) => t.id))],
        ['/sources/', new Set(loadSources(dir).sources.map((s) => s.id))],
      ]);
      return { paths, anchors };
    },
    // A new chapter file changes the folder listing, not the files listed: sign the listing too.
    () => chapterFiles(dir).join('\n'),
  );
}

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkDirective);

/**
 * The syntax tree of one chapter file (relative to content/chapters). Its frontmatter is blanked out line for
 * line, so that positions are the file's own; a file that does not parse fails with the parser's message and
 * the file's own line.
 */
export function chapterTree(rel: string, dir = contentDir()): Root {
  const file = path.join(dir, 'chapters', rel);
  const text = fs.readFileSync(file, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, (front) => front.replace(/[^\n]/g, ''));
  try {
    return parser.parse(text) as Root;
  } catch (error) {
    const e = error as {
      line?: number;
      place?: { line?: number; start?: { line?: number } };
      reason?: string;
      message: string;
    };
    const line = e.line ?? e.place?.line ?? e.place?.start?.line ?? Number(/\((\d+):\d+/.exec(e.message)?.[1] ?? NaN);
    const reason = (e.reason ?? e.message).replace(/\s*\(\d+:\d+(-\d+:\d+)?\)$/, '');
    throw new ContentError(file, Number.isNaN(line) ? undefined : line, `this MDX does not parse: ${reason}`, {
      elsewhere: true,
    });
  }
}
