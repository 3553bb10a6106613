import { describe, expect, it } from 'vitest';
import { mdxErrorPlace } from '../../../src/integrations/mdx-errors';

describe('the place and reason of an MDX compiler error (mdxErrorPlace)', () => {
  it("reads Sätteri's message: place first, then again with the rule", () => {
    expect(mdxErrorPlace('9:1: Expected a closing tag for `<div>` (9:1) (mdx-jsx:unexpected-character)')).toEqual({
      line: 9,
      column: 1,
      reason: 'Expected a closing tag for `<div>`',
    });
    expect(mdxErrorPlace('4:1: Could not parse esm with oxc: Expected `}` but found `EOF` (mdxjs-rs:oxc)')).toEqual({
      line: 4,
      column: 1,
      reason: 'Could not parse esm with oxc: Expected `}` but found `EOF`',
    });
  });

  it("reads unified MDX's message, with the place at the end", () => {
    expect(mdxErrorPlace('Expected a closing tag for `<div>` (9:1-9:16)')).toEqual({
      line: 9,
      column: 1,
      reason: 'Expected a closing tag for `<div>`',
    });
  });

  it('gives nothing for a message without a place, and keeps parentheses that are words', () => {
    expect(mdxErrorPlace('Something failed')).toBeUndefined();
    expect(mdxErrorPlace('3:2: Unexpected character (a letter)')?.reason).toBe('Unexpected character (a letter)');
  });
});
