import type { AstroIntegration } from 'astro';
import { displayPath } from '../lib/content-dir';

/** "Expected a closing tag for `<div>` (9:1-9:16)": the MDX parser puts the place at the end of its message. */
const PLACE = /\s*\((\d+):(\d+)(?:-\d+:\d+)?\)$/;

type BuildError = Error & {
  name: string;
  id?: string;
  loc?: { file?: string; line?: number; column?: number };
  errors?: BuildError[];
};

/**
 * An MDX syntax error names its file and its own line, as every content error does: the MDX parser writes the
 * place at the end of its message ("(9:1-9:16)"), where Astro's location reader does not look, so Astro prints
 * "file:0:0". A Vite plugin rewrites such errors as they leave the build: `content/chapters/x.mdx:9: this MDX
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
                    const place = PLACE.exec(e.message);
                    if (e.name !== 'MDXError' || !file || !place || !/\.mdx?$/.test(file)) continue;
                    const [line, column] = [Number(place[1]), Number(place[2])];
                    e.message = `${displayPath(file)}:${line}: this MDX does not parse: ${e.message.replace(PLACE, '')}`;
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
