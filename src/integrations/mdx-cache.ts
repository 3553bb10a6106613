import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { satteri } from '@astrojs/markdown-satteri';
import { fresh } from '../lib/content-cache';
import { anchorLinksOf, recordAnchorLinks, type AnchorLink } from '../lib/link-check';
import { recordPage } from '../lib/citations/tally';
import { pageRecord } from '../lib/page-record';

type Processor = ReturnType<typeof satteri>;
type MdxRenderer = Awaited<ReturnType<NonNullable<Processor['createMdxRenderer']>>>;
type MdxResult = Awaited<ReturnType<MdxRenderer['process']>>;

/**
 * MDX compiled once per state of its inputs: the compiled module of each chapter is kept on disk, under a hash
 * of everything the compile reads, and a later build (or `astro dev` after a restart) whose inputs are the same
 * takes it from there instead of running the Markdown pipeline again. That makes a rebuild with one chapter
 * changed compile one chapter; Astro's incremental build (experimental.incrementalBuild) then renders only the
 * pages whose keys changed.
 *
 * The key holds: the file's path, text and frontmatter; the pipeline's options; the code of the pipeline (every
 * file of src/markdown, src/lib, src/schemas and src/figures, and the lockfile for the packages'); the guide's data that the
 * plugins check against (every content file but the chapters, and the list of chapter files and of public/).
 * The plugins' effects beyond the compiled module are kept with it and replayed on a hit: the links to
 * anchors that the end of the build checks (src/lib/link-check.ts) and the page's citation counts.
 *
 * Errors are never kept: a file that fails compiles (and fails) again next time.
 */
export interface MdxCacheOptions {
  /** Folder for the compiled modules, e.g. <cacheDir>/mdx. */
  dir: string;
  /** The pipeline's own options (markdownPipeline's), part of the key. */
  options: Record<string, unknown>;
  /** The content folder whose data the plugins read. */
  content: string;
  /** The project's folder, whose code and public/ files are part of the key. */
  root: string;
}

interface Entry {
  result: MdxResult;
  links: AnchorLink[];
  frontmatter: Record<string, unknown>;
}

/** Statistics for the build's timing log: files compiled and reused, and when compiling began and ended. */
export const mdxStats: { compiled: number; reused: number; first?: number; last?: number } = { compiled: 0, reused: 0 };

const CODE_DIRS = ['src/markdown', 'src/lib', 'src/schemas', 'src/figures'];

/** Every file under `dir`, sorted; the directory entries say which are files, so no file is stat'ed here. */
function allFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

function hashFiles(files: readonly string[], base: string): string {
  const hash = crypto.createHash('sha256');
  for (const file of files) hash.update(`\n${path.relative(base, file)}\n`).update(fs.readFileSync(file));
  return hash.digest('hex');
}

/** The hash of the pipeline's code and of the guide's data, recomputed only when one of those files changes. */
function inputsDigest({ content, root }: MdxCacheOptions): string {
  const code = () =>
    [...CODE_DIRS.flatMap((d) => allFiles(path.join(root, d))), path.join(root, 'package-lock.json')].filter((f) =>
      fs.existsSync(f),
    );
  const data = () => allFiles(content).filter((f) => !f.startsWith(path.join(content, 'chapters') + path.sep));
  const listing = () =>
    JSON.stringify([
      allFiles(path.join(content, 'chapters')).map((f) => path.relative(content, f)),
      allFiles(path.join(root, 'public')).map((f) => path.relative(root, f)),
    ]);
  return fresh(
    `mdx-cache:${content}`,
    () => [...code(), ...data()],
    () =>
      crypto
        .createHash('sha256')
        .update(hashFiles(code(), root))
        .update(hashFiles(data(), content))
        .update(listing())
        .digest('hex'),
    // A new or removed chapter or public file changes what links may name: the listing is part of the key.
    listing,
  );
}

/** The processor with its MDX renderer wrapped in the cache; Markdown (.md) renders as before. */
export function cachedMdx(processor: Processor, cache: MdxCacheOptions): Processor {
  const createMdxRenderer = processor.createMdxRenderer!.bind(processor);
  return {
    ...processor,
    async createMdxRenderer(shared, mdx) {
      const inner = await createMdxRenderer(shared, mdx);
      const settings = JSON.stringify([shared, mdx, cache.options]);
      return {
        async process(content, filePath, frontmatter) {
          const key = crypto
            .createHash('sha256')
            .update(inputsDigest(cache))
            .update(settings)
            .update(filePath)
            .update('\0')
            .update(JSON.stringify(frontmatter))
            .update('\0')
            .update(content)
            .digest('hex');
          const file = path.join(cache.dir, `${key}.json`);
          const hit = read(file);
          if (hit) {
            mdxStats.reused++;
            Object.assign(frontmatter, hit.frontmatter);
            recordAnchorLinks(filePath, hit.links);
            recordPage(filePath, pageRecord(hit.frontmatter).counts);
            return hit.result;
          }
          mdxStats.first ??= performance.now();
          const result = await inner.process(content, filePath, frontmatter);
          mdxStats.last = performance.now();
          mdxStats.compiled++;
          // The plugins write what they record for the page into the frontmatter they are given.
          write(file, { result, links: anchorLinksOf(filePath), frontmatter: { ...frontmatter } });
          return result;
        },
      };
    },
  };
}

function read(file: string): Entry | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Entry;
  } catch {
    return undefined;
  }
}

function write(file: string, entry: Entry): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, JSON.stringify(entry));
  fs.renameSync(temporary, file);
}
