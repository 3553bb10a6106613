import { parentId, readingOrder } from './chapters';
import { chapterPath } from './routes';
import { SITE_NAME } from './site';
import { GUIDE_PAGES } from './pages';
import type { CardText } from './social-card';

const TAGLINE = 'After Jonathan Looney’s FOSDEM 2019 talk · every fact sourced';

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
        ? parent.data.navTitle
        : c.id === 'index'
          ? 'A sourced guide'
          : `Chapter ${tops.indexOf(c)}`;
      map.set(chapterPath(c.id), { title: c.data.title, kicker, siteName: SITE_NAME, tagline: TAGLINE });
    }
    // Pages that are not chapters say what src/lib/pages.ts gives them; one without a card shares the home page's.
    for (const page of GUIDE_PAGES)
      if (page.card) map.set(page.path, { ...page.card, siteName: SITE_NAME, tagline: TAGLINE });
    return map;
  })();
  return cache;
}
