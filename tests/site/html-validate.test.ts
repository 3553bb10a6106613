import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { builtPages } from '../support/pages';
import { ROOT, SITE_BASE_DIR } from '../support/astro';

// html-validate's recommended rules (.htmlvalidate.json), with three changes: "valid-id" is relaxed to what
// HTML allows, since heading ids come from the text and a heading may begin with a year ("2013–2016");
// "no-inline-style" also lets through overflow-x, which Shiki sets on every code block (beside the colour
// custom properties, which the rule already allows); and "wcag/h32" (every form has a submit button) is off:
// an explorable's form applies each change as it is made and never submits, so a button would do nothing.
const validator = new HtmlValidate(new FileSystemConfigLoader());

describe('html-validate on every page', () => {
  it.each(builtPages(SITE_BASE_DIR).map((p) => [p.path, p] as const))('%s has no errors', async (_path, page) => {
    const report = await validator.validateString(page.html, path.join(ROOT, '.htmlvalidate-page.html'));
    const errors = report.results.flatMap((r) =>
      r.messages
        .filter((m) => m.severity === 2)
        .map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message} [${m.selector ?? ''}]`),
    );
    expect(errors).toEqual([]);
  });
});
