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

/** Pages that are not chapters but that authors may link to (the glossary and sources also have an anchor per entry). */
export const STATIC_PAGES = ['/glossary/', '/sources/', '/search/', '/all/', '/talk/'] as const;

/** Anchors that the base layout gives every page. */
export const PAGE_ANCHORS = ['main', 'top'] as const;

/** Anchors that the chapter layout adds to every chapter page. */
export const LAYOUT_ANCHORS = [...PAGE_ANCHORS, 'references'] as const;

/** Joins the configured base path and a site path, keeping exactly one slash between them. */
export function withBase(base: string, sitePath: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return b + sitePath.replace(/^\//, '');
}
