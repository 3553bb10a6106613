/**
 * Turns what Pagefind returns for a page into what the search page shows: the page, and the sections of it
 * that matched, each with a short excerpt and the matched words marked. Pure, so that it is tested without a
 * browser; src/scripts/search.ts only puts the result on the page.
 *
 * Pagefind's own sub-results come from headings only. The glossary's entries (<dt id>) and the sources' (<li
 * id>) are not headings, yet each is what a reader looks for; so the sections here come from every anchor
 * that starts a section: headings, glossary terms and bibliography entries.
 */

/** An element with an id, at a word position of the page's text (Pagefind's `anchors`). */
export interface PagefindAnchor {
  element: string;
  id: string;
  text?: string;
  location: number;
}

/** The fields of Pagefind's `result.data()` that we use. */
export interface PagefindPage {
  url: string;
  /** The page's indexed text. */
  content: string;
  /** Word positions (in `content` split at white space) of the words that matched. */
  locations: number[];
  anchors: PagefindAnchor[];
  meta: { title?: string };
}

/** A run of excerpt text; `mark` for a word that matched. */
export interface Segment {
  text: string;
  mark: boolean;
}

export interface SectionHit {
  title: string;
  url: string;
  excerpt: Segment[];
}

export interface PageHit {
  title: string;
  url: string;
  /** Excerpt around the page's first match. */
  excerpt: Segment[];
  /** The sections with matches, in page order: the best `maxSections` of them. */
  sections: SectionHit[];
}

/** Elements that start a section a reader can land on. */
const SECTION_ELEMENT = /^(h[2-6]|dt|li)$/i;

/** Pagefind splits its content into words at white space, and counts locations in those words. */
export function words(content: string): string[] {
  return content.split(/[\r\n\s]+/g);
}

/**
 * `length` words from `start`, the words at `marked` positions marked, joined into as few segments as can be,
 * with an ellipsis where the text goes on before or after.
 */
export function excerpt(all: string[], start: number, length: number, marked: ReadonlySet<number>): Segment[] {
  const from = Math.max(0, Math.min(start, all.length - 1));
  const to = Math.min(all.length, from + length);
  const segments: Segment[] = [];
  const push = (text: string, mark: boolean) => {
    const last = segments.at(-1);
    if (last && last.mark === mark && !mark) last.text += text;
    else segments.push({ text, mark });
  };
  if (from > 0) push('… ', false);
  for (let i = from; i < to; i++) {
    if (i > from) push(' ', false);
    const word = all[i]!;
    if (!marked.has(i)) {
      push(word, false);
      continue;
    }
    // Pagefind matches whole words with their punctuation ("kernel,"); mark the word, not the comma.
    const [, before = '', core = '', after = ''] = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/u.exec(word) ?? [];
    if (before) push(before, false);
    push(core || word, true);
    if (after) push(after, false);
  }
  if (to < all.length) push(' …', false);
  return segments;
}

/** Where an excerpt around these matches starts: a few words before the first, so that it has context. */
function windowStart(locations: number[], floor: number): number {
  return Math.max(floor, (locations[0] ?? floor) - 6);
}

/**
 * A section's title: a heading's text; for a glossary term or a bibliography entry, whose element holds the
 * whole entry, its first sentence (the term and its expansion, the source's title), at most 90 characters.
 */
export function sectionTitle(anchor: PagefindAnchor): string {
  const text = (anchor.text ?? '').replace(/\s+/g, ' ').trim();
  if (!text) return anchor.id;
  if (/^h\d$/i.test(anchor.element)) return text;
  const first = text.split(/(?<=[\].!?])\s/)[0]!.replace(/\.$/, '');
  return first.length > 90 ? `${first.slice(0, 89).trimEnd()}…` : first;
}

export function pageHit(page: PagefindPage, { maxSections = 3, excerptWords = 26 } = {}): PageHit {
  const all = words(page.content);
  const marked = new Set(page.locations);
  const locations = [...page.locations].sort((a, b) => a - b);
  const anchors = page.anchors
    .filter((a) => SECTION_ELEMENT.test(a.element) && a.id)
    .sort((a, b) => a.location - b.location);
  const groups = new Map<PagefindAnchor, number[]>();
  for (const location of locations) {
    let anchor: PagefindAnchor | undefined;
    for (const a of anchors) {
      if (a.location > location) break;
      anchor = a;
    }
    if (!anchor) continue;
    const list = groups.get(anchor) ?? [];
    list.push(location);
    groups.set(anchor, list);
  }
  // A section named for what was searched (a term's own entry, a heading with the words) comes first; then the
  // sections with the most matches.
  const namedFor = (anchor: PagefindAnchor, hits: number[]) => {
    const end = anchor.location + words(sectionTitle(anchor)).length;
    return hits.some((h) => h >= anchor.location && h < end) ? 1 : 0;
  };
  const best = [...groups.entries()]
    .sort(([a, la], [b, lb]) => namedFor(b, lb) - namedFor(a, la) || lb.length - la.length || a.location - b.location)
    .slice(0, maxSections)
    .sort(([a], [b]) => a.location - b.location);
  const sections = best.map(([anchor, hits]) => {
    const title = sectionTitle(anchor);
    // Skip the heading's (or term's) own words: the title already shows them.
    const body = anchor.location + words(title).length;
    return {
      title,
      url: `${page.url}#${anchor.id}`,
      excerpt: excerpt(
        all,
        windowStart(
          hits.filter((h) => h >= body),
          body,
        ),
        excerptWords,
        marked,
      ),
    };
  });
  const titleWords = page.meta.title ? words(page.meta.title).length : 0;
  const pastTitle = locations.filter((l) => l >= titleWords);
  return {
    title: page.meta.title ?? page.url,
    url: page.url,
    // The indexed text starts with the title, which the result already shows: prefer a match after it.
    excerpt: excerpt(all, windowStart(pastTitle.length > 0 ? pastTitle : locations, 0), excerptWords, marked),
    sections,
  };
}
