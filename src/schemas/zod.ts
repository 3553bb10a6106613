import { z } from 'zod';

/**
 * Every schema of the guide imports z from here, so that each validation message also shows the value an
 * author wrote (or says it is missing). Astro prints the file and the field; this adds the bad value.
 */
const english = z.locales.en().localeError;
z.config({
  customError: (issue) => {
    const base = english(issue);
    const message = typeof base === 'string' ? base : (base?.message ?? 'Invalid value');
    const shown = issue.input === undefined ? 'it is missing' : `got ${JSON.stringify(issue.input)}`;
    return `${message} (${shown})`;
  },
});

export { z };

/**
 * Wraps a schema so that its messages survive the error formatting of whoever parses it (Astro's content
 * layer formats plain issues as "Required" or "Expected type `number`" and drops the value). The schema is
 * parsed with our messages, and each issue is passed on as a custom issue carrying that message.
 */
export function reportingValues<T extends z.ZodType>(schema: T) {
  return z.unknown().transform((input, ctx): z.output<T> => {
    const result = schema.safeParse(input);
    if (result.success) return result.data;
    for (const issue of result.error.issues)
      ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path, input });
    return z.NEVER;
  });
}
