/**
 * Synthetic guides for the benchmark: a copy of the real content/ folder grown to a given number of pages by
 * cloning the real chapters as sub-pages of the existing chapters (content/chapters/<chapter>/copy-<k>.mdx),
 * each with its own title and description. A sub-page is listed only in the navigation of its own chapter,
 * so a guide that grows this way shows whether every page grows with it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { TITLE_MAX } from '../../src/schemas/limits.ts';

export interface Chapter {
  /** Path relative to the chapters folder, e.g. "workload.mdx" or "kernel-features/numa.mdx". */
  file: string;
  frontmatter: string;
  body: string;
}

/** Splits an MDX file into its YAML frontmatter (without the fences) and its body. */
export function splitFrontmatter(text: string): { frontmatter: string; body: string } {
  const match = text.match(/^---\r?\n([\s\S]*?)\r?\n---\r?\n?/);
  return match ? { frontmatter: match[1]!, body: text.slice(match[0].length) } : { frontmatter: '', body: text };
}

/** A top-level YAML string field of a frontmatter block ("title: x" or "title: \"x\""). */
export function field(frontmatter: string, name: string): string | undefined {
  const line = frontmatter.match(new RegExp(`^${name}:\\s*(.*)$`, 'm'))?.[1]?.trim();
  if (line === undefined) return undefined;
  if (/^["']/.test(line)) {
    try {
      return line.startsWith('"') ? (JSON.parse(line) as string) : line.slice(1, -1).replace(/''/g, "'");
    } catch {
      return line.slice(1, -1);
    }
  }
  return line;
}

/** Every chapter file under a chapters folder, sorted. */
export function readChapters(chaptersDir: string): Chapter[] {
  return (fs.readdirSync(chaptersDir, { recursive: true }) as string[])
    .filter((f) => /\.mdx?$/.test(f))
    .sort()
    .map((f) => ({
      file: f.split(path.sep).join('/'),
      ...splitFrontmatter(fs.readFileSync(path.join(chaptersDir, f), 'utf8')),
    }));
}

/** The same MDX, with relative imports made absolute so that it still compiles from another folder. */
function absoluteImports(body: string, originalFile: string): string {
  return body.replace(
    /^(import\s[^'"]*?from\s*|import\s*)(['"])(\.{1,2}\/[^'"]+)\2/gm,
    (_, head: string, quote: string, spec: string) => {
      return `${head}${quote}${path.resolve(path.dirname(originalFile), spec)}${quote}`;
    },
  );
}

/** Top-level chapter ids that can take sub-pages: every chapter but the home page. */
function parentIds(chapters: Chapter[]): string[] {
  return [
    ...new Set(
      chapters.map(
        (c) =>
          c.file
            .replace(/\.mdx?$/, '')
            .replace(/\/index$/, '')
            .split('/')[0]!,
      ),
    ),
  ]
    .filter((id) => id !== 'index')
    .sort();
}

/**
 * Copies `contentDir` to `outDir` and adds `clones` sub-pages. Clone k copies chapter k mod n (every real
 * chapter in turn, sub-pages included) and goes under parent chapter k mod m.
 */
export function makeSyntheticContent(contentDir: string, outDir: string, clones: number): void {
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.cpSync(contentDir, outDir, { recursive: true });
  const chaptersDir = path.join(contentDir, 'chapters');
  const chapters = readChapters(chaptersDir).filter((c) => c.file !== 'index.mdx' && c.file !== 'index.md');
  const parents = parentIds(readChapters(chaptersDir));
  for (let k = 1; k <= clones; k++) {
    const source = chapters[(k - 1) % chapters.length]!;
    const parent = parents[(k - 1) % parents.length]!;
    const title = field(source.frontmatter, 'title') ?? source.file;
    const description = field(source.frontmatter, 'description') ?? title;
    const short = field(source.frontmatter, 'navTitle') ?? title;
    const suffix = ` (copy ${k})`;
    const frontmatter = [
      `title: ${JSON.stringify(title.slice(0, TITLE_MAX - suffix.length) + suffix)}`,
      `description: ${JSON.stringify(`Copy ${k}: ${description}`.slice(0, 200))}`,
      `order: ${1000 + k}`,
      `navTitle: ${JSON.stringify(`${short.slice(0, 26)} (copy ${k})`)}`,
    ].join('\n');
    const body = absoluteImports(source.body, path.join(chaptersDir, source.file));
    const ext = path.extname(source.file);
    const target = path.join(outDir, 'chapters', parent, `copy-${k}${ext}`);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, `---\n${frontmatter}\n---\n${body}`);
  }
  // The originals, too, may import with relative paths.
  for (const c of readChapters(path.join(outDir, 'chapters')).filter((c) => !/copy-\d+\.mdx?$/.test(c.file))) {
    const file = path.join(outDir, 'chapters', c.file);
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, absoluteImports(text, path.join(chaptersDir, c.file)));
  }
}
