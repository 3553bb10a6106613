import fs from 'node:fs';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import { parse as parseYaml } from 'yaml';
import { chapterSchema } from '../schemas/chapter';
import { chapterFiles } from '../lib/anchors';
import { checkedOrder } from '../lib/chapter-order';
import { cardTexts, type CardChapter } from '../lib/card-texts';
import { contentDir } from '../lib/content-dir';
import { drawEarly } from '../lib/card-early';
import { chapterIdFromFile } from '../lib/routes';

/**
 * The chapters as the collection will hold them, read from their files: each one's frontmatter through the
 * collection's own schema, in the pages' own order. Undefined if any file does not parse or any check fails:
 * the content sync then reports it, with its message.
 */
export function chaptersFromFiles(dir = contentDir()): CardChapter[] | undefined {
  try {
    const entries = chapterFiles(dir).map((rel) => {
      const file = path.join(dir, 'chapters', rel);
      const front = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(fs.readFileSync(file, 'utf8'))?.[1] ?? '';
      return { id: chapterIdFromFile(rel), filePath: file, data: chapterSchema.parse(parseYaml(front) ?? {}) };
    });
    return checkedOrder(entries);
  } catch {
    return undefined;
  }
}

/**
 * Starts the social cards at the start of `astro build`, on the card workers (src/lib/card-early.ts), while
 * Astro syncs the content and Vite compiles the chapters on the build's own thread: the card route finds them
 * drawn, or being drawn, instead of starting them only when the pages render. A worker takes a card from the
 * card cache when it is there and draws it otherwise. The texts are those the route asks for
 * (src/lib/card-texts.ts), so nothing is drawn twice; a card the route asks for that is not among them is
 * drawn then, as before. The config loads no font or image code: the workers do. Not in `astro dev`, which
 * draws a card when it is asked for.
 */
export function earlyCardsIntegration(): AstroIntegration {
  let building = false;
  return {
    name: 'guide:early-cards',
    hooks: {
      'astro:config:setup': ({ command }) => {
        building = command === 'build';
      },
      'astro:config:done': () => {
        if (!building) return;
        const chapters = chaptersFromFiles();
        if (!chapters) return;
        drawEarly([...cardTexts(chapters).values()]);
      },
    },
  };
}
