import { describe, expect, it } from 'vitest';
import { browserTestsEnabled } from '../support/browser';
import { useSiteInBrowser } from '../support/site-in-browser';

describe.runIf(browserTestsEnabled('smoke'))('the built site in Chromium, under a project-site base path', () => {
  const site = useSiteInBrowser();

  it('shows the chapter list beside the text on a wide screen', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(site.url);
    expect(await page.locator('.chapter-nav a', { hasText: 'Open Connect' }).first().isVisible()).toBe(true);
    expect(await page.locator('.chapter-nav summary').isVisible()).toBe(false);
    expect(await page.locator('.toc summary').isVisible()).toBe(false);
    expect(await page.locator('.toc a').first().isVisible()).toBe(true);
    await page.close();
  });

  it('keeps the chapter list behind a disclosure on a small screen, and follows it', async () => {
    const page = await site.browser.newPage({ viewport: { width: 375, height: 800 } });
    await page.goto(site.url);
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.locator('.chapter-nav a').first().isVisible()).toBe(false);
    await page.locator('summary', { hasText: 'Chapters' }).click();
    await page.locator('.chapter-nav a', { hasText: 'Open Connect' }).first().click();
    expect(page.url()).toBe(`${site.url}open-connect/`);
    await page.close();
  });

  it('prints a chapter without navigation, with link URLs and the figures’ data shown', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${site.url}workload/`);
    await page.emulateMedia({ media: 'print' });
    for (const chrome of ['.page-nav', '.chapter-nav', '.site-header', '.toc', '.pagination']) {
      expect(await page.locator(chrome).first().isVisible(), chrome).toBe(false);
    }
    const link = page.locator('.prose p > a[href*="/open-connect/"]').first();
    const shown = await link.evaluate((a) => getComputedStyle(a, '::after').content);
    expect(shown).toContain('/open-connect-guide/open-connect/');
    expect(await page.locator('.fig-data table').first().isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    expect(await page.locator('.site-header').isVisible()).toBe(true);
    await page.close();
  });
});
