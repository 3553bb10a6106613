/**
 * Long reference lists (the glossary, the sources) in groups by initial letter, each under its own heading:
 * a reader scans to a letter, and the first screen of the page ends with the first group's heading instead of
 * a list that runs past the first round trip.
 */
export interface LetterGroup<T> {
  /** "A" … "Z", or "0–9" for what starts with a digit, "#" for anything else. */
  letter: string;
  /** Anchor of the group's heading: "letter-a", "letter-0-9". */
  id: string;
  items: T[];
}

export function letterOf(name: string): string {
  const first = name
    .normalize('NFD')
    .replace(/^[\s["“'‘(]+/, '')
    .charAt(0)
    .toUpperCase();
  if (/[A-Z]/.test(first)) return first;
  return /[0-9]/.test(first) ? '0–9' : '#';
}

/** Groups items, already in order, by the initial letter of `name(item)`; groups keep the items' order. */
export function byLetter<T>(items: readonly T[], name: (item: T) => string): LetterGroup<T>[] {
  const groups: LetterGroup<T>[] = [];
  for (const item of items) {
    const letter = letterOf(name(item));
    let group = groups.find((g) => g.letter === letter);
    if (!group) {
      group = {
        letter,
        id: `letter-${letter === '0–9' ? '0-9' : letter === '#' ? 'other' : letter.toLowerCase()}`,
        items: [],
      };
      groups.push(group);
    }
    group.items.push(item);
  }
  return groups;
}
