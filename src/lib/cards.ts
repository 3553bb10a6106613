import { parentId, readingOrder } from './chapters';
import { chapterPath } from './routes';
import { SITE_NAME } from './site';
import type { CardText } from './social-card';

const TAGLINE = 'After Jonathan Looney’s FOSDEM 2019 talk · every fact sourced';

/** Pages that are not chapters, with what their card says. A page missing here shows the home page's card. */
const OTHER_PAGES: Record<string, { title: string; kicker: string }> = {
  '/talk/': { title: 'The talk, point by point', kicker: 'FOSDEM 2019' },
  '/glossary/': { title: 'Glossary', kicker: 'Every term, defined once' },
  '/sources/': { title: 'Sources', kicker: 'The bibliography' },
  '/search/': { title: 'Search the guide', kicker: 'Every chapter, term and source' },
  '/all/': { title: 'The whole guide on one page', kicker: 'For print, PDF and offline reading' },
};

let cache: Promise<Map<string, CardText>> | undefined;

/** Every page's social card, by site path: one module for the card endpoint and for the pages' og:image. */
export function cards(): Promise<Map<string, CardText>> {
  cache ??= (async () => {
    const chapters = await readingOrder();
    const tops = chapters.filter((c) => parentId(c.id) === undefined);
    const map = new Map<string, CardText>();
    for (const c of chapters) {
      const parent = chapters.find((p) => p.id === parentId(c.id));
      const kicker = parent
        ? (parent.data.navTitle ?? parent.data.title)
        : c.id === 'index'
          ? 'A sourced guide'
          : `Chapter ${tops.indexOf(c)}`;
      map.set(chapterPath(c.id), { title: c.data.title, kicker, siteName: SITE_NAME, tagline: TAGLINE });
    }
    for (const [path, card] of Object.entries(OTHER_PAGES))
      map.set(path, { ...card, siteName: SITE_NAME, tagline: TAGLINE });
    return map;
  })();
  return cache;
}
