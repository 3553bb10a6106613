import { describe, expect, it } from 'vitest';
import { clampToRange, toBoolean, toNumber, valueText, type NumberRange } from '../../../src/lib/models/controls';

/**
 * The coercion helpers every explorable's sanitize() uses (src/lib/models/controls.ts): values come from a form,
 * a URL query or a test, as strings or anything else, and none may turn into NaN or the wrong choice.
 */

const RANGE: NumberRange = { kind: 'number', label: 'A slider', min: 1, max: 10, step: 1, unit: 'things' };

describe('controls: numbers from form fields', () => {
  it('reads a number written with spaces around it', () => {
    expect(toNumber(' 12 ')).toBe(12);
    expect(toNumber('\t2.5\n')).toBe(2.5);
    expect(clampToRange(' 4 ', RANGE, 7)).toBe(4);
  });

  it('takes an empty or blank field as no number, not as 0', () => {
    for (const blank of ['', ' ', '   ', '\t\n']) {
      expect(toNumber(blank), JSON.stringify(blank)).toBeNaN();
      expect(clampToRange(blank, RANGE, 7), JSON.stringify(blank)).toBe(7);
    }
  });
});

describe('controls: yes and no from form fields', () => {
  it.each(['true', 'on', 'yes', '1', 'TRUE', 'Yes', ' on ', ' 1\n'])('reads %j as yes', (value) => {
    expect(toBoolean(value, false)).toBe(true);
  });

  it.each(['false', 'off', 'no', '0', 'FALSE', 'No', ' off ', '\t0'])('reads %j as no', (value) => {
    expect(toBoolean(value, true)).toBe(false);
  });

  it.each(['', ' ', 'maybe', 'y', 'n', '2', 'null'])('keeps the fallback for %j', (value) => {
    expect(toBoolean(value, true)).toBe(true);
    expect(toBoolean(value, false)).toBe(false);
  });
});

describe('controls: a value as the reader sees it', () => {
  it('shows a value with no unit as the bare number, with nothing after it', () => {
    expect(valueText(1.1, '')).toBe('1.1');
    expect(valueText(1, '')).toBe('1');
  });
});
