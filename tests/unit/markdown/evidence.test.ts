import { describe, expect, it } from 'vitest';
import { comparable, passageIn } from '../../../src/lib/citations/evidence';
import { findCitations, formatLocator, locatorPages, parseLocator } from '../../../src/lib/citations/syntax';

const fail = (why: string): never => {
  throw new Error(why);
};

describe('the citation syntax', () => {
  it('reads groups with locators, passages, stances and the unchecked mark, in straight or curly quotes', () => {
    const [group] = findCitations(
      'x [@a, slide 13: “Five Weeks”; our reading of @b, section "Fill windows"; @c, unchecked; @d, at 12:34: "ok"] y',
    );
    expect(group!.items).toEqual([
      { key: 'a', stance: 'quoted', unchecked: false, locator: { label: 'slide', value: '13' }, passage: 'Five Weeks' },
      {
        key: 'b',
        stance: 'reading',
        unchecked: false,
        locator: { label: 'section', value: 'Fill windows', quoted: true },
      },
      { key: 'c', stance: 'quoted', unchecked: true },
      { key: 'd', stance: 'quoted', unchecked: false, locator: { label: 'at', value: '12:34' }, passage: 'ok' },
    ]);
    expect(group!.raw.startsWith('[@a')).toBe(true);
  });

  it('keeps a semicolon or bracket inside a passage', () => {
    const [group] = findCitations('[@a, p. 2: "one; two] three"]');
    expect(group!.items[0]!.passage).toBe('one; two] three');
  });

  it('leaves brackets alone that are not citations', () => {
    expect(findCitations('[sic] and [a@b.org] and [1] and [x](y)')).toEqual([]);
  });

  it('formats and pages locators', () => {
    const locator = parseLocator('pp. 84-94', fail);
    expect(formatLocator(locator)).toBe('pages 84–94');
    expect(locatorPages(locator)).toHaveLength(11);
    expect(locatorPages(parseLocator('section "x"', fail))).toBeUndefined();
    expect(() => parseLocator('slide thirteen', fail)).toThrow('needs a page or slide number');
    expect(() => parseLocator('abstract 2', fail)).toThrow('locator "abstract" takes no value');
  });
});

describe('matching a passage against a source text', () => {
  it('ignores case, whitespace, line breaks and the kind of quotation marks and dashes', () => {
    const text = comparable('The OCA is the “backbone”\nof the Open   Connect network — in 2019.');
    expect(passageIn("the OCA is the 'backbone' of the open connect network - in 2019", text)).toBe(true);
  });

  it('takes "…" for a gap, with the pieces in order', () => {
    const text = comparable('Five Weeks of Development | Five Weeks of Testing/Deployment');
    expect(passageIn('Five Weeks of Development … Testing/Deployment', text)).toBe(true);
    expect(passageIn('Testing/Deployment … Five Weeks of Development', text)).toBe(false);
  });

  it('refuses words that are not there', () => {
    expect(passageIn('Six Weeks', comparable('Five Weeks of Development'))).toBe(false);
  });
});

describe('quotation marks that smart punctuation curled the wrong way', () => {
  it('still reads a passage that opens with a closing quote', () => {
    const [group] = findCitations('[@a, slide 2: ”(~2016) Netflix box”]');
    expect(group!.items[0]!.passage).toBe('(~2016) Netflix box');
  });
});
