import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Chapter } from './chapters';
import { contentDir } from './content-dir';
import { lastChange } from './git-dates';

/**
 * The cacheKey of each chapter page for Astro's incremental build (experimental.incrementalBuild): a page is
 * copied from the last build only when its key and the hash of its code are both unchanged. Astro hashes the
 * route's module graph (layouts, components, src/lib) and the chapter's compiled MDX itself; the key adds all
 * else a chapter page shows that is read at render rather than imported:
 *
 * - the chapter's own file and its last change in git (the "Last changed" line);
 * - every chapter's frontmatter and place: the navigation, the breadcrumbs, the previous and next links and the
 *   home page's list show other chapters' titles, so a new title renders every chapter page again;
 * - every data file of the guide: sources and their texts, glossary, figures' data, talk (the JSON-LD names the
 *   talk's source; figures read their data at render);
 * - the environment and package.json fields that the change-history link is made from.
 *
 * Pages that list every chapter (/all/, /sources/, /talk/, /search/) have no getStaticPaths and always render.
 */
export function chapterCacheKeys(chapters: readonly Chapter[], dir = contentDir()): Map<string, string> {
  const shared = crypto.createHash('sha256');
  shared.update(JSON.stringify(chapters.map((c) => [c.id, c.filePath, c.data])));
  for (const file of dataFiles(dir)) shared.update(`\n${path.relative(dir, file)}\n`).update(fs.readFileSync(file));
  const env = ['GITHUB_REPOSITORY', 'GITHUB_SERVER_URL', 'GITHUB_REF_NAME', 'GITHUB_REF_TYPE'].map(
    (k) => process.env[k] ?? '',
  );
  shared.update(JSON.stringify(env));
  try {
    shared.update(
      JSON.stringify(
        (JSON.parse(fs.readFileSync('package.json', 'utf8')) as { repository?: unknown }).repository ?? null,
      ),
    );
  } catch {
    shared.update('no package.json');
  }
  const common = shared.digest('hex');
  const keys = new Map<string, string>();
  for (const c of chapters) {
    const own = crypto.createHash('sha256').update(common);
    // The text as the collection holds it (filePath is relative to Astro's root, which need not be the cwd),
    // and the last change exactly as the layout looks it up.
    own.update(c.body ?? '').update(String(c.digest ?? ''));
    if (c.filePath) own.update(JSON.stringify(lastChange(c.filePath)));
    keys.set(c.id, own.digest('hex'));
  }
  return keys;
}

/** Every file of the content folder but the chapters, sorted. */
function dataFiles(dir: string): string[] {
  const chapters = path.join(dir, 'chapters');
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .map((rel) => path.join(dir, rel))
    .filter((file) => !file.startsWith(chapters + path.sep) && file !== chapters && fs.statSync(file).isFile())
    .sort();
}
