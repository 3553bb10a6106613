import fs from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { AxeResults } from 'axe-core';
import { browserTestsEnabled, launchBrowser } from '../support/browser';
import { serveStatic, type StaticServer } from '../support/server';
import { BASE_PATH, SITE_BASE_DIR } from '../support/astro';
import { builtPages } from '../support/pages';

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** WCAG 2.0, 2.1 and 2.2, levels A and AA. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const pages = builtPages(SITE_BASE_DIR).map((p) => p.path);

/** Runs axe on the page as it is and describes each violation with the elements that fail it. */
async function violations(page: Page, scheme: 'light' | 'dark'): Promise<string[]> {
  await page.emulateMedia({ colorScheme: scheme });
  const results = await page.evaluate(
    (tags) => (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<AxeResults> } }).axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    WCAG_TAGS,
  );
  return results.violations.map(
    (v) => `[${scheme}] ${v.id} (${v.impact}): ${v.help}\n${v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1).join(' ')}`).join('\n')}`,
  );
}

describe.runIf(browserTestsEnabled('accessibility (axe-core)'))('every page passes axe-core’s WCAG 2.x A and AA rules, light and dark', () => {
  let browser: Browser;
  let context: BrowserContext;
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveStatic(SITE_BASE_DIR, BASE_PATH);
    browser = await launchBrowser();
    // axe is injected as an inline script, which the site's own Content-Security-Policy (rightly) refuses;
    // this test context alone bypasses the policy so that the checker can run. The policy is tested in
    // tests/site/csp.test.ts and enforced in every other browser test.
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
    await context.addInitScript({ content: AXE_SOURCE });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each(pages)('%s', async (sitePath) => {
    const page = await context.newPage();
    await page.goto(server.url + sitePath.slice(1));
    const found = [...(await violations(page, 'light')), ...(await violations(page, 'dark'))];
    expect(found.join('\n'), `${found.length} violations`).toBe('');
    await page.close();
  });
});
