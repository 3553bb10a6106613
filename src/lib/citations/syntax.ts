/**
 * The citation syntax of the guide: Pandoc's `[@key, locator]`, with the passage that carries the claim
 * after a colon, and a prefix for what is the guide's own reading rather than the source's words.
 *
 *   [@key, slide 13: "Five Weeks of Development"]           the source says it; here are its words
 *   [@a, p. 4: "…"; @b, section "Fill windows": "…"]        several sources in one group
 *   [our reading of @key, slide 13]                          the guide reads a diagram, counts, paraphrases
 *   [our calculation from @key, slide 8: "400Gb/s"]          arithmetic of the guide's on a source's figure
 *   [our summary of @key, section "Fill patterns"]           a summary in the guide's words
 *   [@key, unchecked]                                        not yet checked: shown to readers as unverified
 *
 * This module only reads the syntax (pure, no I/O); ./evidence.ts checks what it reads against the sources.
 * Smart punctuation runs before our plugins, so quotes arrive curly (“ ”) as often as straight (").
 */

/** What a citation claims of its source. */
export type Stance = 'quoted' | 'reading' | 'calculation' | 'summary';

/** Prefix an author writes before `@key`, and the stance it marks. */
export const STANCE_PREFIXES: Readonly<Record<string, Exclude<Stance, 'quoted'>>> = {
  'our reading of': 'reading',
  'our calculation from': 'calculation',
  'our summary of': 'summary',
};

/** Words the marker shows for a stance that is the guide's own. */
export const STANCE_WORDS: Readonly<Record<Exclude<Stance, 'quoted'>, string>> = {
  reading: 'our reading of',
  calculation: 'our calculation from',
  summary: 'our summary of',
};

/**
 * Locator labels and whether they take a value. Pages of a slide deck are `slide N` (the PDF page);
 * `at 12:34` is a time in a recording; `commit 756a541` a commit of a repository or review.
 */
export const LOCATOR_LABELS: Readonly<Record<string, { value: boolean; pages?: true }>> = {
  slide: { value: true, pages: true },
  slides: { value: true, pages: true },
  'p.': { value: true, pages: true },
  'pp.': { value: true, pages: true },
  section: { value: true },
  'para.': { value: true },
  line: { value: true },
  lines: { value: true },
  table: { value: true },
  'fig.': { value: true },
  item: { value: true },
  entry: { value: true },
  commit: { value: true },
  at: { value: true },
  chapter: { value: true },
  abstract: { value: false },
  title: { value: false },
  message: { value: false },
};

export interface Locator {
  label: string;
  /** The value as written, without quotes: "13", "84–94", "Fill windows", "HISTORY". */
  value?: string;
  /** Whether the value was quoted (a name such as a section title). */
  quoted?: boolean;
}

export interface CitationItem {
  key: string;
  locator?: Locator;
  /** The source's own words, without the quotation marks. */
  passage?: string;
  stance: Stance;
  /** Marked "not yet checked": rendered as unverified, counted by the build. */
  unchecked: boolean;
}

export interface CitationGroup {
  /** The group exactly as written, brackets included. */
  raw: string;
  /** Offsets of the group in the text it was found in: [start, end). */
  start: number;
  end: number;
  items: CitationItem[];
}

/** A citation that cannot be read. `offset` is where in the text the group starts. */
export class CitationSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = 'CitationSyntaxError';
  }
}

/**
 * Double quotation marks of any kind open and close a quotation alike: smart punctuation curls a quote that
 * opens before "(" or "~" the wrong way (”(~…”), and a passage holds no double quotes of its own.
 */
const QUOTES = new Set(['"', '“', '”']);
const OPEN_QUOTES = QUOTES;

/** Index of the next `stop` character at or after `from`, outside quotation marks, or -1. */
function scan(text: string, from: number, stops: string): number {
  let inQuote = false;
  for (let i = from; i < text.length; i++) {
    const c = text[i]!;
    if (QUOTES.has(c)) inQuote = !inQuote;
    else if (!inQuote && stops.includes(c)) return i;
  }
  return -1;
}

/** Text with each line break, and the spaces around it, made one space. */
const unwrap = (text: string) => text.replace(/[ \t]*\r?\n[ \t]*/g, ' ');

/** Whether the text inside brackets is an attempt at a citation: an `@` that starts a word or the group. */
const ATTEMPT = /(^|[\s;])@/;

/**
 * Every citation group in a run of plain text, in order. Brackets that hold no `@` at the start of a word
 * are not citations (`[sic]`, `[a@b.org]`) and are left alone. Throws CitationSyntaxError for a group that
 * is a citation but cannot be read.
 */
export function findCitations(text: string): CitationGroup[] {
  const groups: CitationGroup[] = [];
  let i = text.indexOf('[');
  while (i !== -1) {
    // A paragraph's text may wrap over lines, and so may a citation in it: a line break inside the brackets
    // is a space, as it is when the paragraph is rendered. (A blank line ends the paragraph and its text.)
    const end = scan(text, i + 1, ']');
    if (end === -1) {
      // A citation whose closing bracket is in another node: it holds markup (emphasis, code, a link).
      if (/^\[\s*([a-z\s]*\s)?@/i.test(text.slice(i))) {
        throw new CitationSyntaxError(
          `citation "${text.slice(i, i + 40).trim()}…" is not closed within its text; a citation may not hold markup (emphasis, code, links): write the passage as plain text`,
          i,
        );
      }
      i = text.indexOf('[', i + 1);
      continue;
    }
    const inner = unwrap(text.slice(i + 1, end));
    if (ATTEMPT.test(inner)) {
      const raw = unwrap(text.slice(i, end + 1));
      groups.push({ raw, start: i, end: end + 1, items: parseGroup(inner, raw, i) });
      i = text.indexOf('[', end + 1);
    } else {
      i = text.indexOf('[', i + 1);
    }
  }
  return groups;
}

/**
 * A citation written in a data file's `cite` field, without brackets: `@key, slide 13: "…"`, or several
 * separated by `;`. Throws CitationSyntaxError like findCitations.
 */
export function parseCite(text: string): CitationGroup {
  const raw = `[${text.trim()}]`;
  const [group, ...more] = findCitations(raw);
  if (!group || more.length > 0 || group.raw !== raw)
    throw new CitationSyntaxError(`"${text}" is not a citation; write @key, slide 13: "…"`, 0);
  return group;
}

/** Splits a group's inner text on `;` outside quotes. */
function splitItems(inner: string): string[] {
  const parts: string[] = [];
  let from = 0;
  for (;;) {
    const at = scan(inner, from, ';');
    if (at === -1) break;
    parts.push(inner.slice(from, at));
    from = at + 1;
  }
  parts.push(inner.slice(from));
  return parts;
}

function parseGroup(inner: string, raw: string, offset: number): CitationItem[] {
  const fail = (why: string): never => {
    throw new CitationSyntaxError(`${why} in citation ${raw}`, offset);
  };
  return splitItems(inner).map((part) => {
    const item = part.trim();
    const at = item.indexOf('@');
    if (at === -1) return fail(`"${item}" names no source (a source is @key)`);
    const prefix = item.slice(0, at).trim().replace(/\s+/g, ' ');
    let stance: Stance = 'quoted';
    if (prefix) {
      const known = STANCE_PREFIXES[prefix.toLowerCase()];
      if (!known)
        fail(
          `unknown words "${prefix}" before @; write ${Object.keys(STANCE_PREFIXES)
            .map((p) => `"${p}"`)
            .join(', ')} or nothing`,
        );
      stance = known!;
    }
    const rest = item.slice(at + 1);
    const keyMatch = /^[^\s,;]*/.exec(rest)![0];
    const key = keyMatch.replace(/:$/, '');
    if (key === '') fail('empty source key after "@"');
    let tail = rest.slice(keyMatch.length).trim();
    if (keyMatch.endsWith(':') || tail.startsWith(':'))
      fail(`@${key} has a passage but no locator; write @${key}, slide 13: "…"`);
    const result: CitationItem = { key, stance, unchecked: false };
    if (tail === '') return result;
    if (!tail.startsWith(',')) return fail(`expected "," after @${key}, found "${tail}"`);
    tail = tail.slice(1).trim();
    const unchecked = /(^|,\s*)unchecked$/i.exec(tail);
    if (unchecked) {
      result.unchecked = true;
      tail = tail.slice(0, unchecked.index).trim();
      if (tail === '') return result;
    }
    const colon = scan(tail, 0, ':');
    let locatorText = tail;
    // A colon starts the passage only when a quotation follows: "at 12:34" keeps its colon.
    for (let c = colon; c !== -1; c = scan(tail, c + 1, ':')) {
      const after = tail.slice(c + 1).trimStart();
      if (OPEN_QUOTES.has(after[0] ?? '')) {
        locatorText = tail.slice(0, c).trim();
        result.passage = readQuoted(after, () =>
          fail(`the passage after @${key} must be one quotation, "like this", and end the item`),
        );
        break;
      }
    }
    if (locatorText === '') fail(`@${key} has a passage but no locator; write @${key}, slide 13: "…"`);
    result.locator = parseLocator(locatorText, (why) => fail(why));
    return result;
  });
}

/**
 * The text inside the one quotation that makes up the whole of `text`, or the result of `bad()`. A quotation
 * inside a passage takes single quotes ('backbone'): double ones would end it.
 */
function readQuoted(text: string, bad: () => never): string {
  if (text.length < 2 || !QUOTES.has(text[0]!) || !QUOTES.has(text.at(-1)!)) return bad();
  const body = text.slice(1, -1).trim();
  if (body === '' || /["“”]/.test(body)) return bad();
  return body;
}

/** Reads `slide 13`, `pp. 84–94`, `section "Fill windows"`, `at 12:34`, `abstract`. */
export function parseLocator(text: string, fail: (why: string) => never): Locator {
  const lower = text.toLowerCase();
  const label = Object.keys(LOCATOR_LABELS)
    .sort((a, b) => b.length - a.length)
    .find((l) => lower === l || lower.startsWith(`${l} `));
  if (!label) return fail(`unknown locator "${text}"; start it with one of: ${Object.keys(LOCATOR_LABELS).join(', ')}`);
  const spec = LOCATOR_LABELS[label]!;
  const valueText = text.slice(label.length).trim();
  if (!spec.value) {
    if (valueText) fail(`locator "${label}" takes no value, but "${valueText}" follows it`);
    return { label };
  }
  if (!valueText) return fail(`locator "${label}" needs a value, e.g. "${label} 13"`);
  if (OPEN_QUOTES.has(valueText[0]!)) {
    const value = readQuoted(valueText, () => fail(`locator "${text}" must be ${label} "One quotation"`));
    return { label, value, quoted: true };
  }
  if (/\s/.test(valueText)) fail(`quote a locator of several words: ${label} "${valueText}"`);
  if (spec.pages && !/^\d+([–-]\d+)?$/.test(valueText))
    fail(`locator "${text}" needs a page or slide number, or a range such as 84–94`);
  return { label, value: valueText };
}

/** Labels a reader sees in full where authors abbreviate. */
const SPELLED: Readonly<Record<string, string>> = {
  'p.': 'page',
  'pp.': 'pages',
  'para.': 'paragraph',
  'fig.': 'figure',
};

/** A locator as a reader sees it: `slide 13`, `page 4`, `section “Fill windows”`, `abstract`. */
export function formatLocator(locator: Locator): string {
  const label = SPELLED[locator.label] ?? locator.label;
  if (locator.value === undefined) return label;
  const value = locator.quoted ? `“${locator.value}”` : locator.value.replace(/-/g, '–');
  return `${label} ${value}`;
}

/** The pages a locator names in a paged source (slides, PDF pages), or undefined for any other locator. */
export function locatorPages(locator: Locator | undefined): number[] | undefined {
  if (!locator?.value || !LOCATOR_LABELS[locator.label]?.pages) return undefined;
  const [from, to = from] = locator.value.split(/[–-]/).map(Number) as [number, number?];
  const pages: number[] = [];
  for (let p = from; p <= (to ?? from); p++) pages.push(p);
  return pages;
}
