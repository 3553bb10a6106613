import path from 'node:path';

/**
 * Folder that holds the guide's content. Tests point GUIDE_CONTENT_DIR at small fixture folders to prove
 * that bad content fails the build with a clear message; everyone else uses ./content.
 */
export function contentDir(): string {
  return path.resolve(process.env['GUIDE_CONTENT_DIR'] ?? 'content');
}

/** A path as an author sees it in an error message: relative to the project. */
export function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel.split(path.sep).join('/');
}
