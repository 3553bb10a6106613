import type { Element, ElementContent, Root } from 'hast';
import { htmlToHast } from 'satteri';
import type { Source } from '../../schemas/source';
import { formatLocator, STANCE_WORDS, type CitationItem } from './syntax';
import { shortReference, type EntryHtml } from './format';
import { LAYOUT_IDS } from '../layout-ids';

/**
 * The citations of one page: numbers in order of first use, the markers in the text with their tooltips, and
 * the page's references, where each source lists what this page cites it for (locator and passage) with links
 * back to the markers. The ids it makes start with the prefixes in RESERVED_ID_PREFIXES (src/lib/layout-ids.ts),
 * which authors' ids may not take.
 *
 * A marker: `[<a href="#note-1-1" id="cite-1" aria-describedby="cite-1-tip">1</a>]` inside a `.cite.tip-host`,
 * followed by its `.tip` (source, locator, passage); a reference: `<li id="ref-key">entry <ul class="cited-for">
 * <li id="note-1-1">Slide 13: <q>…</q> <a href="#cite-1">↩</a></li></ul></li>`.
 */

export interface Note {
  id: string;
  item: CitationItem;
  /** Ids of the markers in the text that cite this note, in order. */
  markers: string[];
}

export interface SourceUse {
  source: Source;
  number: number;
  notes: Note[];
}

/** What a page's citations amount to: the build prints the totals, /sources/ the claims per source. */
export interface CitationCounts {
  citations: number;
  withLocator: number;
  withPassage: number;
  ownReading: number;
  unchecked: number;
}

const el = (tagName: string, properties: Element['properties'], children: ElementContent[]): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});
const text = (value: string): ElementContent => ({ type: 'text', value });

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** What a marker says beyond its number: nothing, "our reading of slide 13", or "not yet checked". */
export function markerWords(item: CitationItem): string | undefined {
  if (item.unchecked) return 'not yet checked';
  if (item.stance !== 'quoted')
    return `${STANCE_WORDS[item.stance]} ${item.locator ? formatLocator(item.locator) : 'it'}`;
  return undefined;
}

/** The evidence of a cited item as a reader sees it: "Slide 13: “…”", "Our reading of slide 13". */
function evidence(item: CitationItem): ElementContent[] {
  if (item.unchecked) return [el('span', { className: ['unchecked'] }, [text('Not yet checked against the source.')])];
  const parts: ElementContent[] = [];
  const loc = item.locator ? formatLocator(item.locator) : undefined;
  if (item.stance !== 'quoted') {
    parts.push(
      el('span', { className: ['stance'] }, [
        text(
          `${capitalised(`${STANCE_WORDS[item.stance]} ${loc ?? 'the source'}`)}: the guide’s own, not the source’s words.`,
        ),
      ]),
    );
    if (item.passage) parts.push(text(' It reads: '), el('q', {}, [text(item.passage)]));
    return parts;
  }
  if (loc) parts.push(el('span', { className: ['locator'] }, [text(capitalised(loc))]));
  if (item.passage) parts.push(text(loc ? ': ' : ''), el('q', {}, [text(item.passage)]));
  return parts;
}

const sameNote = (a: CitationItem, b: CitationItem) =>
  a.stance === b.stance &&
  a.unchecked === b.unchecked &&
  a.passage === b.passage &&
  (a.locator ? formatLocator(a.locator) : '') === (b.locator ? formatLocator(b.locator) : '');

export class PageCitations {
  readonly uses: SourceUse[] = [];
  readonly counts: CitationCounts = { citations: 0, withLocator: 0, withPassage: 0, ownReading: 0, unchecked: 0 };
  private markerCount = 0;

  /** Registers one cited item and returns its marker: a `.cite` host with the link and its tooltip. */
  cite(item: CitationItem, source: Source): Element {
    let use = this.uses.find((u) => u.source.id === source.id);
    if (!use) {
      use = { source, number: this.uses.length + 1, notes: [] };
      this.uses.push(use);
    }
    let note = use.notes.find((n) => sameNote(n.item, item));
    if (!note) {
      note = { id: `note-${use.number}-${use.notes.length + 1}`, item, markers: [] };
      use.notes.push(note);
    }
    const id = `cite-${++this.markerCount}`;
    note.markers.push(id);
    this.count(item);
    const words = markerWords(item);
    const tipId = `${id}-tip`;
    return el('span', { className: ['cite', 'tip-host', ...(item.unchecked ? ['cite-unchecked'] : [])] }, [
      el('a', { href: `#${note.id}`, id, ariaDescribedBy: [tipId] }, [
        text(words ? `${use.number}: ${words}` : String(use.number)),
      ]),
      el('span', { className: ['tip'], role: 'tooltip', id: tipId }, [
        el('span', { className: ['tip-source'] }, [text(shortReference(source))]),
        text(' '),
        ...evidence(item),
      ]),
    ]);
  }

  private count(item: CitationItem) {
    this.counts.citations++;
    if (item.unchecked) this.counts.unchecked++;
    if (item.locator) this.counts.withLocator++;
    if (item.passage) this.counts.withPassage++;
    if (item.stance !== 'quoted') this.counts.ownReading++;
  }

  /** Markers per source: how many of the page's claims rest on each. */
  claims(): Record<string, number> {
    return Object.fromEntries(
      this.uses.map((u) => [u.source.id, u.notes.reduce((n, note) => n + note.markers.length, 0)]),
    );
  }

  /** The page's References section, or undefined if it cites nothing. */
  references(entries: ReadonlyMap<string, EntryHtml>): Element | undefined {
    if (this.uses.length === 0) return undefined;
    const items = this.uses.map(({ source, notes }) => {
      const entry = (htmlToHast(entries.get(source.id) ?? '', { fragment: true }) as Root).children as ElementContent[];
      const cited = notes.map((note) =>
        el('li', { id: note.id }, [...evidence(note.item), text(' '), ...backLinks(note)]),
      );
      return el('li', { id: `ref-${source.id}` }, [
        el('span', { className: ['ref-entry'] }, entry),
        el('ul', { className: ['cited-for'] }, cited),
      ]);
    });
    return el('section', { className: ['references'], ariaLabelledBy: [LAYOUT_IDS.references] }, [
      el('h2', { id: LAYOUT_IDS.references }, [text('References')]),
      el('ol', { className: ['reference-list'] }, items),
    ]);
  }
}

/** "↩" back to the one marker, or "↩ a b c" to each of several. */
function backLinks(note: Note): ElementContent[] {
  if (note.markers.length === 1)
    return [
      el('a', { href: `#${note.markers[0]}`, className: ['backlink'], ariaLabel: 'Back to the text' }, [text('↩')]),
    ];
  return [
    el('span', { className: ['backlink'], ariaHidden: 'true' }, [text('↩')]),
    ...note.markers.flatMap((id, i) => [
      text(' '),
      el(
        'a',
        {
          href: `#${id}`,
          className: ['backlink'],
          ariaLabel: `Back to the text, citation ${i + 1} of ${note.markers.length}`,
        },
        [text(String.fromCharCode(97 + (i % 26)))],
      ),
    ]),
  ];
}
