import { z } from './zod';
import { reservedIdProblem } from '../lib/layout-ids';

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lower-case kebab-case, e.g. "kernel-tls"');

/** One glossary term (content/glossary/*.yaml). Each term is defined once for the whole site. */
export const termSchema = z.strictObject({
  /** Anchor on /glossary/ and the key authors may use: :term[text]{id=...}. Not an id the layout uses. */
  id: id.superRefine((v, ctx) => {
    const problem = reservedIdProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: `${problem}; choose another, e.g. "main-branch"` });
  }),
  /** Display form, e.g. "kTLS". */
  term: z.string().min(1),
  /** Spelled-out form of an abbreviation; rendered as <abbr title>. */
  expansion: z.string().optional(),
  /** Other spellings that resolve to this term (case-insensitive). */
  aliases: z.array(z.string().min(1)).default([]),
  /** Plain-text definition in our own words. */
  definition: z.string().min(10).max(400),
  /**
   * The evidence behind the definition, in the citation syntax without brackets (see README, "Cite a
   * source"): `@ktls-4, section DESCRIPTION: "…"`, or `@key, unchecked`.
   */
  cite: z.string().optional(),
  /** Site path with more on the term. */
  see: z.string().startsWith('/').optional(),
});

export type Term = z.infer<typeof termSchema>;
