/**
 * Where each chapter file lives on the site. content/chapters/open-connect.mdx is /open-connect/,
 * content/chapters/kernel-features/numa.mdx is /kernel-features/numa/, an index.mdx stands for its folder,
 * and content/chapters/index.mdx is the home page. One module so that the collection, the pages and the
 * link checker agree.
 */
export function chapterIdFromFile(relativeFile: string): string {
  const id = relativeFile
    .replace(/\\/g, '/')
    .replace(/\.mdx?$/, '')
    .replace(/\/index$/, '');
  return id === '' ? 'index' : id;
}

/** Site path (without the base) of a chapter id: always with a trailing slash. */
export function chapterPath(id: string): string {
  return id === 'index' ? '/' : `/${id}/`;
}

/** Joins the configured base path and a site path, keeping exactly one slash between them. */
export function withBase(base: string, sitePath: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return b + sitePath.replace(/^\//, '');
}
