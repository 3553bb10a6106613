import { displayPath } from './content-dir';

/**
 * An error in the guide's content. The message always names the file, the line (or field) and the bad value,
 * and says how to fix it, because it is what an author sees when `npm run build` fails.
 *
 * `line` and `column` are also set as properties, which Astro's MDX plugin reads to print the error's
 * location (it would print ":0:0" otherwise) — but only when the error is about the file being compiled:
 * pass `{ elsewhere: true }` for a problem found in another file while compiling this one.
 */
export class ContentError extends Error {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  constructor(file: string, line: number | undefined, problem: string, { elsewhere = false } = {}) {
    super(`${displayPath(file)}${line === undefined ? '' : `:${line}`}: ${problem}`);
    this.name = 'ContentError';
    this.file = file;
    if (line !== undefined && !elsewhere) {
      this.line = line;
      this.column = 1;
    }
  }
}
