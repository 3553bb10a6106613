import { describe, expect, it } from 'vitest';
import { browserTestsEnabled } from '../support/browser';
import { useSiteInBrowser, builtPagePaths } from '../support/site-in-browser';

const pages = builtPagePaths();

describe.runIf(browserTestsEnabled('pages'))(
  'every page in Chromium: no console error, no failed or foreign request',
  () => {
    const site = useSiteInBrowser({ viewport: { width: 1280, height: 800 } });

    it.each(pages)('%s', async (sitePath) => {
      const page = await site.context.newPage();
      const problems: string[] = [];
      const origin = new URL(site.url).origin;
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(`console error: ${m.text()} (${m.location().url})`);
      });
      page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
      page.on('request', (r) => {
        if (!r.url().startsWith('data:') && new URL(r.url()).origin !== origin)
          problems.push(`request to another origin: ${r.url()}`);
      });
      page.on('requestfailed', (r) => problems.push(`failed request: ${r.url()} (${r.failure()?.errorText})`));
      page.on('response', (r) => {
        // The 404 page is served as itself, with 200; any other 4xx/5xx is a broken reference.
        if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
      });
      const response = await page.goto(site.url + sitePath.slice(1), { waitUntil: 'load' });
      expect(response?.status()).toBe(200);
      // Give late work (module scripts, the search index, lazy images) a moment to fail if it would.
      await page.waitForLoadState('networkidle');
      expect(problems).toEqual([]);
      await page.close();
    });
  },
);
