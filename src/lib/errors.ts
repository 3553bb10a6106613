import { displayPath } from './content-dir';

/**
 * An error in the guide's content. The message always names the file, the line (or field) and the bad value,
 * and says how to fix it, because it is what an author sees when `npm run build` fails.
 */
export class ContentError extends Error {
  constructor(file: string, line: number | undefined, problem: string) {
    super(`${displayPath(file)}${line === undefined ? '' : `:${line}`}: ${problem}`);
    this.name = 'ContentError';
  }
}
