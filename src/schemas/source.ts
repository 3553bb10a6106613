import { z } from './zod';

const person = z.union([
  z.object({ family: z.string(), given: z.string().optional() }),
  z.object({ literal: z.string() }),
]);

/**
 * One bibliography entry (content/sources/*.json), in CSL-JSON so that rehype-citation can format it.
 * We require the fields a reader needs to find the source again.
 */
export const sourceSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lower-case kebab-case, e.g. "looney-fosdem-2019"'),
    type: z.string().min(1),
    title: z.string().min(1),
    author: z.array(person).optional(),
    issued: z.union([
      z.object({ 'date-parts': z.array(z.array(z.number().int()).min(1).max(3)).length(1) }),
      z.object({ literal: z.string() }),
    ]),
    URL: z.url(),
    'container-title': z.string().optional(),
    publisher: z.string().optional(),
    'event-title': z.string().optional(),
    note: z.string().optional(),
  })
  .loose();

export type Source = z.infer<typeof sourceSchema>;
