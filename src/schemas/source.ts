import { z } from './zod';

const person = z.union([
  z.object({ family: z.string().regex(/\S/, 'write a name'), given: z.string().optional() }),
  z.object({ literal: z.string().regex(/\S/, 'write a name') }),
]);

/** A link a reader follows: http or https only (never javascript:, data: or file:). */
const webUrl = z.url({
  protocol: /^https?$/,
  error: (issue) => `expected an http or https URL (got ${JSON.stringify(issue.input)})`,
});

/**
 * One bibliography entry (content/sources/*.json), in CSL-JSON so that a CSL processor can format it. We
 * require the fields a reader needs to find the source again, and add two of our own (`copy`, `text`).
 */
export const sourceSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lower-case kebab-case, e.g. "looney-fosdem-2019"'),
    type: z.string().min(1),
    /** The title; a description in [brackets] for a source without one (a commit, a forum thread). */
    title: z.string().regex(/\S/, {
      error: (issue) =>
        `write a title, or a description in [brackets] if the source has none (got ${JSON.stringify(issue.input)})`,
    }),
    author: z.array(person).optional(),
    issued: z.union([
      z.object({ 'date-parts': z.array(z.array(z.number().int()).min(1).max(3)).length(1) }),
      z.object({ literal: z.string() }),
    ]),
    /** Where the source is: the original, whenever it can still be read there. */
    URL: webUrl,
    'container-title': z.string().optional(),
    publisher: z.string().optional(),
    'event-title': z.string().optional(),
    'publisher-place': z.string().optional(),
    medium: z.string().optional(),
    note: z.string().optional(),
    /** A copy of the source that was read because the original could not be (an archive, a re-post, a mirror). */
    copy: webUrl.optional(),
    /**
     * The source's text, a file in content/sources/text/ (a slide deck's text layer, page by page): every
     * passage quoted from the source must occur in it.
     */
    text: z
      .string()
      .regex(/^[\w.-]+\.txt$/, 'name a .txt file in content/sources/text/')
      .optional(),
  })
  // A misspelt field ("URl", "autor") would be dropped without a word: every field must be one of these.
  .strict();

export type Source = z.infer<typeof sourceSchema>;
