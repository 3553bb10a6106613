import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import path from 'node:path';
import { chapterSchema } from './schemas/chapter';
import { contentDir } from './lib/content-dir';
import { chapterIdFromFile } from './lib/routes';

const chapters = defineCollection({
  loader: glob({
    pattern: '**/*.{md,mdx}',
    base: path.join(contentDir(), 'chapters'),
    generateId: ({ entry }) => chapterIdFromFile(entry),
  }),
  schema: chapterSchema,
});

export const collections = { chapters };
