import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CitationSyntaxError, findCitations, parseCite } from '../../../src/lib/citations/syntax';
import {
  comparable,
  evidenceProblem,
  passageIn,
  readSourceText,
  type SourceText,
} from '../../../src/lib/citations/evidence';
import type { Source } from '../../../src/schemas/source';

const X: Source = {
  id: 'x',
  type: 'webpage',
  title: 'X',
  issued: { 'date-parts': [[2019]] },
  URL: 'https://example.org/x',
};

const thrown = (run: () => unknown): Error => {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
};

describe('citations that wrap over lines of a paragraph', () => {
  it('are read as if the line break were a space, before, in and after the source', () => {
    const [group] = findCitations('A claim [our reading\nof @a, slide\n  2: "two\nwords"] here.');
    expect(group!.raw).toBe('[our reading of @a, slide 2: "two words"]');
    expect(group!.items).toMatchObject([{ key: 'a', stance: 'reading' }]);
    expect(findCitations('[@a,\nunchecked]')[0]!.items).toMatchObject([{ key: 'a', unchecked: true }]);
  });

  it('still fail as unclosed when their bracket closes in another node, even after a wrapped prefix', () => {
    expect(thrown(() => findCitations('A claim [our reading\nof @a, slide 2: "see ')).message).toMatch(
      /is not closed within its text/,
    );
  });
});

describe('brackets around citations that are not closed', () => {
  it('do not hide a citation on the next line of the paragraph', () => {
    const groups = findCitations('An interval [0, 1\nand a claim [@a, unchecked].');
    expect(groups.map((g) => g.raw)).toEqual(['[@a, unchecked]']);
  });

  it('are no citation when they hold an e-mail address', () => {
    expect(findCitations('Write to [me@example.org')).toEqual([]);
  });

  it('are passed over at the end of the text, after a citation', () => {
    expect(findCitations('A claim [@a, unchecked] in a range [1, 2').map((g) => g.raw)).toEqual(['[@a, unchecked]']);
  });

  it('are quoted in the error from where they open, without the line break that cut them short', () => {
    const error = thrown(() => findCitations('See [@a, slide 2\n'));
    expect(error.message).toBe(
      'citation "[@a, slide 2…" is not closed within its text; a citation may not hold markup (emphasis, code, links): write the passage as plain text',
    );
    expect(error).toBeInstanceOf(CitationSyntaxError);
    expect(error.name).toBe(CitationSyntaxError.name);
  });
});

describe('citations next to other punctuation', () => {
  it('are read right after a closing quotation mark', () => {
    const [group] = findCitations('The talk calls it “the backbone”[@a, slide 4: "backbone"].');
    expect(group!.raw).toBe('[@a, slide 4: "backbone"]');
    expect(group!.items[0]!.passage).toBe('backbone');
  });

  it('are read from a cite field as if written in brackets, without the field’s surrounding spaces', () => {
    expect(parseCite('  @a, unchecked  ').raw).toBe('[@a, unchecked]');
  });
});

describe('the unchecked mark', () => {
  it('may follow a passage with a space before its comma', () => {
    const [group] = findCitations('[@a, slide 3: "the words" , unchecked]');
    expect(group!.items).toEqual([
      { key: 'a', stance: 'quoted', unchecked: true, locator: { label: 'slide', value: '3' }, passage: 'the words' },
    ]);
  });
});

describe('a source’s text and the passages looked for in it', () => {
  const dir = path.resolve('.tmp/citation-syntax-edges');
  const write = (name: string, text: string) => {
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };

  it('reads a text without page marks as one page, and one with them page by page', () => {
    const whole = readSourceText(write('whole.txt', 'All of it\non two lines.'));
    expect(whole.paged).toBe(false);
    expect([...whole.pages]).toEqual([[1, 'allofitontwolines.']]);
    const paged = readSourceText(
      write('paged.txt', 'Title\n--- page 1 ---\nFirst slide\n--- page 2 ---\nSecond slide\n'),
    );
    expect(paged.paged).toBe(true);
    expect([...paged.pages]).toEqual([
      [1, 'firstslide'],
      [2, 'secondslide'],
    ]);
  });

  it('finds a passage quoted without the quotation marks the source has', () => {
    expect(passageIn('calls it the backbone', comparable('calls it “the backbone”'))).toBe(true);
    expect(passageIn('it’s the backbone', comparable('its the backbone'))).toBe(true);
  });

  it('takes the pieces around a gap only one after the other, never overlapping', () => {
    expect(passageIn('one two … two three', comparable('one two three'))).toBe(false);
    expect(passageIn('one two … two three', comparable('one two, then two three'))).toBe(true);
  });
});

describe('where the evidence was looked for', () => {
  it('finds a passage that runs on from one page of a range to the next', () => {
    const text: SourceText = {
      file: path.resolve('content/sources/text/x.txt'),
      pages: new Map([
        [1, comparable('Alpha beta')],
        [2, comparable('gamma delta')],
      ]),
      paged: true,
    };
    const problem = evidenceProblem(
      {
        key: 'x',
        stance: 'quoted',
        unchecked: false,
        locator: { label: 'slides', value: '1-2' },
        passage: 'beta gamma',
      },
      '[c]',
      { byId: new Map([['x', X]]), textOf: () => text },
    );
    expect(problem).toBeUndefined();
  });

  it('names a source text outside the project by its full path', () => {
    const file = path.resolve('..', 'shared-texts', 'x.txt');
    const text: SourceText = { file, pages: new Map([[1, comparable('Alpha beta')]]), paged: false };
    const problem = evidenceProblem(
      { key: 'x', stance: 'quoted', unchecked: false, locator: { label: 'slide', value: '1' }, passage: 'gamma' },
      '[c]',
      { byId: new Map([['x', X]]), textOf: () => text },
    );
    expect(problem).toContain(`is not on any page of ${file};`);
  });
});
