/**
 * The pages of the guide that are not chapters, each declared once. The navigation, the social cards, the
 * list of pages authors may link to and the layout's flags all derive from this list; each page's own file
 * in src/pages/ takes its entry with `guidePage(id)`.
 */
export interface GuidePage {
  /** The navigation's id for the page (Base's `current`). */
  id: string;
  /** Site path without the base. */
  path: string;
  /** The h1 and the first part of the <title>. */
  title: string;
  /** Its label in the chapter navigation; pages without one are not listed there. */
  navTitle?: string;
  /** What its social card says; pages without one share the home page's card. */
  card?: { title: string; kicker: string };
  /** Whether Pagefind indexes its <main>: not for pages that repeat others (/all/) or are not content. */
  indexed: boolean;
  /** Whether the header shows the search form (the search page has its own). */
  headerSearch: boolean;
  /** Whether authors may link to it from a chapter. */
  linkable: boolean;
}

export const GUIDE_PAGES: readonly GuidePage[] = [
  {
    id: 'talk',
    path: '/talk/',
    title: 'The talk, point by point',
    navTitle: 'The talk, point by point',
    card: { title: 'The talk, point by point', kicker: 'FOSDEM 2019' },
    indexed: true,
    headerSearch: true,
    linkable: true,
  },
  {
    id: 'glossary',
    path: '/glossary/',
    title: 'Glossary',
    navTitle: 'Glossary',
    card: { title: 'Glossary', kicker: 'Every term, defined once' },
    indexed: true,
    headerSearch: true,
    linkable: true,
  },
  {
    id: 'sources',
    path: '/sources/',
    title: 'Sources',
    navTitle: 'Sources',
    card: { title: 'Sources', kicker: 'The bibliography' },
    indexed: true,
    headerSearch: true,
    linkable: true,
  },
  {
    id: 'all',
    path: '/all/',
    title: 'The whole guide',
    navTitle: 'The whole guide',
    card: { title: 'The whole guide on one page', kicker: 'For print, PDF and offline reading' },
    indexed: false,
    headerSearch: true,
    linkable: true,
  },
  {
    id: 'search',
    path: '/search/',
    title: 'Search',
    card: { title: 'Search the guide', kicker: 'Every chapter, term and source' },
    indexed: false,
    headerSearch: false,
    linkable: true,
  },
  {
    id: '404',
    path: '/404.html',
    title: 'Page not found',
    indexed: false,
    headerSearch: true,
    linkable: false,
  },
];

/** The entry of one page; an unknown id is a mistake in src/pages/, not in content. */
export function guidePage(id: string): GuidePage {
  const page = GUIDE_PAGES.find((p) => p.id === id);
  if (!page)
    throw new Error(`src/lib/pages.ts declares no page "${id}"; pages are ${GUIDE_PAGES.map((p) => p.id).join(', ')}`);
  return page;
}

/** What Base.astro takes from a page's entry. */
export function baseProps(id: string) {
  const { title, path, indexed, headerSearch } = guidePage(id);
  return { title, path, current: id, indexed, headerSearch };
}
