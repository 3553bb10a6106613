import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';
import type { AxeResults } from 'axe-core';

/** WCAG 2.0, 2.1 and 2.2, levels A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Makes every page of the context carry axe-core. It is injected as an inline script, which the site's own
 * Content-Security-Policy (rightly) refuses: a context for axe must be made with `bypassCSP: true`. The
 * policy is tested in tests/site/csp.test.ts and enforced in every other browser test.
 */
export async function addAxe(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: AXE_SOURCE });
}

/** The three ways a reader sees the site: the light and dark schemes, and forced colours (e.g. Windows' high contrast). */
export type Scheme = 'light' | 'dark' | 'forced';
export const SCHEMES: readonly Scheme[] = ['light', 'dark', 'forced'];

/** Emulates a system colour scheme, or forced colours, without reloading the page. */
export function emulateScheme(page: Page, scheme: Scheme): Promise<void> {
  return page.emulateMedia({
    colorScheme: scheme === 'dark' ? 'dark' : 'light',
    forcedColors: scheme === 'forced' ? 'active' : 'none',
  });
}

/** Which of axe's rules to run: all of WCAG 2.x A and AA (`rules` left out), or only these, or all but these. */
export interface AxeOptions {
  rules?: string[];
  except?: string[];
  /** Parts of the page to leave out (selectors). */
  exclude?: string[];
}

/**
 * Runs axe on the page as it is and describes each violation with the elements that fail it, each line
 * starting with `label`.
 */
export async function axeViolations(page: Page, label: string, options: AxeOptions = {}): Promise<string[]> {
  const results = await page.evaluate(
    ({ tags, rules, except, exclude }) =>
      (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<AxeResults> } }).axe.run(
        exclude.length ? { include: [document], exclude: exclude.map((s) => [s]) } : document,
        {
          runOnly: rules ? { type: 'rule', values: rules } : { type: 'tag', values: tags },
          rules: Object.fromEntries(except.map((r) => [r, { enabled: false }])),
          resultTypes: ['violations'],
        },
      ),
    { tags: WCAG_TAGS, rules: options.rules, except: options.except ?? [], exclude: options.exclude ?? [] },
  );
  return results.violations.map(
    (v) =>
      `[${label}] ${v.id} (${v.impact}): ${v.help}\n${v.nodes
        .slice(0, 5)
        .map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1).join(' ')}`)
        .join('\n')}`,
  );
}
