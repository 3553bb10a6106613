import type { Source } from '../../schemas/source';

/** The name a source is filed under: its first author's family name, or its title when it has no author. */
export function fileUnder(source: Source): string {
  const first = source.author?.[0];
  const name = first ? ('literal' in first ? first.literal : first.family) : source.title;
  // "[Commit …]", "“other”": brackets and quotation marks do not count in alphabetical order.
  return name.replace(/^[\s["“'‘(]+/, '');
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Bibliography order: by author (or title), then title, then year, then id. */
export function bySourceOrder(a: Source, b: Source): number {
  return (
    collator.compare(fileUnder(a), fileUnder(b)) ||
    collator.compare(a.title.replace(/^[\s["“'‘(]+/, ''), b.title.replace(/^[\s["“'‘(]+/, '')) ||
    a.id.localeCompare(b.id)
  );
}
