import fs from 'node:fs';
import path from 'node:path';
import { unified } from 'unified';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chapterFiles, chapterTree } from '../../../src/lib/anchors';

/** A fresh folder under .tmp/ (so that messages show project-relative paths), with these files. */
function folder(name: string, files: Record<string, string> = {}): string {
  const dir = path.resolve('.tmp/chapter-files', name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}
const shown = (file: string) => path.relative(process.cwd(), file);

describe('the chapter files', () => {
  it('are the .md and .mdx files, sorted by path, sub-folders among the files', () => {
    const dir = folder('listing', {
      'chapters/b.mdx': '',
      'chapters/a/z.md': '',
      'chapters/a/index.mdx': '',
      'chapters/c.md': '',
    });
    expect(chapterFiles(dir)).toEqual(['a/index.mdx', 'a/z.md', 'b.mdx', 'c.md']);
  });

  it('leave out editors’ backups and other files that only start like a chapter', () => {
    const dir = folder('backups', {
      'chapters/a.mdx': '',
      'chapters/a.mdx~': '',
      'chapters/a.mdx.orig': '',
      'chapters/notes.md.txt': '',
    });
    expect(chapterFiles(dir)).toEqual(['a.mdx']);
  });
});

describe('a chapter that does not parse', () => {
  const dir = folder('parse', { 'chapters/a.mdx': 'Text.\n' });
  const file = shown(path.join(dir, 'chapters/a.mdx'));

  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** The message of chapterTree's error when the parser throws this. */
  function failWith(thrown: object): string {
    vi.spyOn(Object.getPrototypeOf(unified()) as { parse: () => unknown }, 'parse').mockImplementation(() => {
      throw thrown;
    });
    try {
      chapterTree('a.mdx', dir);
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error('chapterTree did not fail');
  }

  it('names the line, wherever the parser’s error keeps it', () => {
    expect(failWith({ line: 12, message: 'Unexpected end of file' })).toBe(
      `${file}:12: this MDX does not parse: Unexpected end of file`,
    );
    expect(failWith({ line: 12, place: { line: 12, column: 3 }, reason: 'Unexpected end of file', message: 'x' })).toBe(
      `${file}:12: this MDX does not parse: Unexpected end of file`,
    );
    expect(failWith({ place: { line: 13, column: 1 }, message: 'Unexpected end of file' })).toBe(
      `${file}:13: this MDX does not parse: Unexpected end of file`,
    );
    expect(
      failWith({ place: { start: { line: 14, column: 1 }, end: { line: 15, column: 2 } }, message: 'Unexpected tag' }),
    ).toBe(`${file}:14: this MDX does not parse: Unexpected tag`);
    expect(failWith({ place: {}, message: 'Could not parse expression with acorn (16:20)' })).toBe(
      `${file}:16: this MDX does not parse: Could not parse expression with acorn`,
    );
  });

  it('names no line when the error gives none', () => {
    expect(failWith({ message: 'Cannot read the file' })).toBe(
      `${file}: this MDX does not parse: Cannot read the file`,
    );
  });

  it('gives the parser’s reason without the position it appends, point or range', () => {
    expect(failWith({ line: 12, reason: 'Unexpected end of file (12:34)', message: 'other words' })).toBe(
      `${file}:12: this MDX does not parse: Unexpected end of file`,
    );
    expect(failWith({ line: 12, reason: 'Expected a closing tag for `<div>` (12:34-14:25)', message: '' })).toBe(
      `${file}:12: this MDX does not parse: Expected a closing tag for \`<div>\``,
    );
    expect(failWith({ line: 12, reason: 'Unexpected end of file(12:34)', message: '' })).toBe(
      `${file}:12: this MDX does not parse: Unexpected end of file`,
    );
  });

  it('keeps a position that is part of the parser’s sentence', () => {
    expect(
      failWith({
        line: 1,
        reason: 'Expected a closing tag for `<div>` (1:1-1:6) before the end of `paragraph`',
        message: '',
      }),
    ).toBe(
      `${file}:1: this MDX does not parse: Expected a closing tag for \`<div>\` (1:1-1:6) before the end of \`paragraph\``,
    );
  });
});
