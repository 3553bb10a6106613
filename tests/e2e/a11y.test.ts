import fs from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { AxeResults } from 'axe-core';
import { browserTestsEnabled } from '../support/browser';
import { useSiteInBrowser, builtPagePaths } from '../support/site-in-browser';
import { EXPLORABLE_PAGES } from '../support/budgets';

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** WCAG 2.0, 2.1 and 2.2, levels A and AA. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const pages = builtPagePaths();

/** Runs axe on the page as it is and describes each violation with the elements that fail it. */
async function violations(page: Page, scheme: 'light' | 'dark'): Promise<string[]> {
  await page.emulateMedia({ colorScheme: scheme });
  const results = await page.evaluate(
    (tags) =>
      (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<AxeResults> } }).axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      }),
    WCAG_TAGS,
  );
  return results.violations.map(
    (v) =>
      `[${scheme}] ${v.id} (${v.impact}): ${v.help}\n${v.nodes
        .slice(0, 5)
        .map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1).join(' ')}`)
        .join('\n')}`,
  );
}

describe.runIf(browserTestsEnabled('accessibility (axe-core)'))(
  'every page passes axe-core’s WCAG 2.x A and AA rules, light and dark',
  () => {
    // axe is injected as an inline script, which the site's own Content-Security-Policy (rightly) refuses;
    // this test context alone bypasses the policy so that the checker can run. The policy is tested in
    // tests/site/csp.test.ts and enforced in every other browser test.
    const site = useSiteInBrowser({ viewport: { width: 1280, height: 800 }, bypassCSP: true }, (context) =>
      context.addInitScript({ content: AXE_SOURCE }),
    );

    it.each(pages)('%s', async (sitePath) => {
      const page = await site.context.newPage();
      await page.goto(site.url + sitePath.slice(1));
      const found = [...(await violations(page, 'light')), ...(await violations(page, 'dark'))];
      expect(found.join('\n'), `${found.length} violations`).toBe('');
      await page.close();
    });

    // Forced colours (Windows' contrast themes) replace the page's colours with the system's, but not an SVG's:
    // the explorables, whose charts and presets carry meaning in colour, are checked in both of its palettes.
    it.each(EXPLORABLE_PAGES.filter((p) => pages.includes(p)))('%s in forced colours', async (sitePath) => {
      const page = await site.context.newPage();
      await page.emulateMedia({ forcedColors: 'active' });
      await page.goto(site.url + sitePath.slice(1));
      const found = [...(await violations(page, 'light')), ...(await violations(page, 'dark'))];
      expect(found.join('\n'), `${found.length} violations`).toBe('');
      await page.close();
    });
  },
);
