import { parentId } from './chapter-order';
import { chapterPath } from './routes';
import { SITE_NAME } from './site';
import { GUIDE_PAGES } from './pages';
import type { CardText } from './social-card';

const TAGLINE = 'After Jonathan Looney’s FOSDEM 2019 talk · every fact sourced';

/** What a card needs of a chapter. */
export interface CardChapter {
  id: string;
  data: { title: string; navTitle: string };
}

/**
 * Every page's social card, by site path, from the chapters in reading order: the one definition, for the
 * card route and the pages' og:image (src/lib/cards.ts) and for the drawing that starts early in a build
 * (src/integrations/early-cards.ts), which must ask for the very same cards.
 */
export function cardTexts(chapters: readonly CardChapter[]): Map<string, CardText> {
  const tops = chapters.filter((c) => parentId(c.id) === undefined);
  const map = new Map<string, CardText>();
  for (const c of chapters) {
    const parent = chapters.find((p) => p.id === parentId(c.id));
    const kicker = parent ? parent.data.navTitle : c.id === 'index' ? 'A sourced guide' : `Chapter ${tops.indexOf(c)}`;
    map.set(chapterPath(c.id), { title: c.data.title, kicker, siteName: SITE_NAME, tagline: TAGLINE });
  }
  // Pages that are not chapters say what src/lib/pages.ts gives them; one without a card shares the home page's.
  for (const page of GUIDE_PAGES)
    if (page.card) map.set(page.path, { ...page.card, siteName: SITE_NAME, tagline: TAGLINE });
  return map;
}
