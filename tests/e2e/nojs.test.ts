import { describe, expect, it } from 'vitest';
import { browserTestsEnabled } from '../support/browser';
import { useSiteInBrowser, builtPagePaths } from '../support/site-in-browser';
import { EXPLORABLE_PAGES, SEARCH_PAGE } from '../support/budgets';

const pages = builtPagePaths();

describe.runIf(browserTestsEnabled('JavaScript off'))('with JavaScript off', () => {
  const site = useSiteInBrowser({ viewport: { width: 1280, height: 800 }, javaScriptEnabled: false });

  it.each(pages)('%s is complete and navigable', async (sitePath) => {
    const page = await site.context.newPage();
    await page.goto(site.url + sitePath.slice(1));
    expect(await page.locator('h1').isVisible()).toBe(true);
    const words = (await page.locator('main').innerText()).split(/\s+/).filter((w) => /\w/.test(w)).length;
    // The 404 page and the search page (its results need the script) are short; the others are text.
    expect(words, 'words in <main>').toBeGreaterThan([SEARCH_PAGE, '/404.html'].includes(sitePath) ? 20 : 40);
    // Every chapter is one visible link away.
    const navLinks = page.locator('.chapter-nav a');
    expect(await navLinks.count()).toBeGreaterThan(8);
    expect(await navLinks.first().isVisible()).toBe(true);
    // Following a link works (it is a plain link, not a scripted one).
    const target = await page.locator('.chapter-nav a:not([aria-current])').last().getAttribute('href');
    await page.locator(`.chapter-nav a[href="${target}"]`).click();
    expect(new URL(page.url()).pathname).toBe(target);
    expect(await page.locator('h1').isVisible()).toBe(true);
    await page.close();
  });

  it.each(EXPLORABLE_PAGES.filter((p) => pages.includes(p)))(
    '%s shows its explorable’s default figure and results',
    async (sitePath) => {
      const page = await site.context.newPage();
      await page.goto(site.url + sitePath.slice(1));
      // The figure is server-rendered HTML/SVG: a drawn chart with its numbers as text, not an empty box.
      const figures = page.locator('main figure:has(svg)');
      expect(await figures.count(), 'a figure with an SVG chart').toBeGreaterThan(0);
      for (const figure of await figures.all()) {
        expect(await figure.isVisible()).toBe(true);
        const box = await figure.locator('svg').first().boundingBox();
        expect(box?.height ?? 0).toBeGreaterThan(50);
        expect(
          await figure.locator('svg').first().locator('path, rect, line, circle, polyline').count(),
          'marks drawn in the chart',
        ).toBeGreaterThan(0);
        expect((await figure.innerText()).replace(/\s+/g, ' ').trim(), 'the figure states its results in text').toMatch(
          /\d/,
        );
      }
      await page.close();
    },
  );
});
