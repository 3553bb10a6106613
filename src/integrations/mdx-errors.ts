import type { AstroIntegration } from 'astro';
import { displayPath } from '../lib/content-dir';

/**
 * Where an MDX compiler puts the place in its message. Sätteri (the build's): "9:1: Expected a closing tag for
 * `<div>` (9:1) (mdx-jsx:unexpected-character)", place first, then again with the rule's name; unified's MDX:
 * "Expected a closing tag for `<div>` (9:1-9:16)", at the end, where Astro's location reader does not look.
 */
const LEADING = /^(\d+):(\d+):\s*/;
const TRAILING = /\s*\((\d+):(\d+)(?:-\d+:\d+)?\)$/;
const RULE = /\s*\([\w-]+:[\w-]+\)$/;

/** The line, column and bare reason of an MDX compiler's message, or undefined if it names no place. */
export function mdxErrorPlace(message: string): { line: number; column: number; reason: string } | undefined {
  const bare = message.replace(RULE, '');
  const place = LEADING.exec(bare) ?? TRAILING.exec(bare);
  if (!place) return undefined;
  const reason = bare.replace(LEADING, '').replace(TRAILING, '');
  return { line: Number(place[1]), column: Number(place[2]), reason };
}

type BuildError = Error & {
  name: string;
  id?: string;
  loc?: { file?: string; line?: number; column?: number };
  errors?: BuildError[];
};

/**
 * An MDX syntax error names its file and its own line, as every content error does, and says what is wrong in
 * words, without the compiler's own notation of the place and rule. A Vite plugin rewrites such errors as they
 * leave the build: `content/chapters/x.mdx:9: this MDX
 * does not parse: Expected a closing tag for <div>`.
 */
export function mdxErrorsIntegration(): AstroIntegration {
  return {
    name: 'guide:mdx-errors',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'guide:mdx-error-places',
                buildEnd(error?: Error) {
                  for (const e of (error as BuildError | undefined)?.errors ?? (error ? [error as BuildError] : [])) {
                    const file = e.loc?.file ?? e.id;
                    const place = mdxErrorPlace(e.message);
                    if (e.name !== 'MDXError' || !file || !place || !/\.mdx?$/.test(file)) continue;
                    const { line, column } = place;
                    e.message = `${displayPath(file)}:${line}: this MDX does not parse: ${place.reason}`;
                    e.loc = { file, line, column };
                  }
                },
              },
            ],
          },
        });
      },
    },
  };
}
