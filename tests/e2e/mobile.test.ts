import { describe, expect, it } from 'vitest';
import { browserTestsEnabled } from '../support/browser';
import { useSiteInBrowser, builtPagePaths } from '../support/site-in-browser';

const pages = builtPagePaths();

describe.runIf(browserTestsEnabled('small screens'))('on a 320 px wide screen', () => {
  const site = useSiteInBrowser({
    viewport: { width: 320, height: 640 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
  });

  it.each(pages)('%s does not scroll sideways', async (sitePath) => {
    const page = await site.context.newPage();
    await page.goto(site.url + sitePath.slice(1));
    const wide = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      // The elements that stick out, for the message; those inside a scrolling box (a wide table, code) are fine.
      const scrolls = (el: Element | null): boolean => {
        for (let p = el?.parentElement; p; p = p.parentElement)
          if (/(auto|scroll|hidden|clip)/.test(getComputedStyle(p).overflowX)) return true;
        return false;
      };
      const culprits = [...document.querySelectorAll('body *')]
        .filter(
          (el) =>
            el.getBoundingClientRect().right > width + 1 &&
            !scrolls(el) &&
            getComputedStyle(el).visibility !== 'hidden',
        )
        .slice(0, 5)
        .map(
          (el) =>
            `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''} (right edge ${Math.round(el.getBoundingClientRect().right)})`,
        );
      return { scrollWidth: document.documentElement.scrollWidth, width, culprits };
    });
    expect(
      wide.scrollWidth,
      `page is ${wide.scrollWidth}px wide in ${wide.width}px: ${wide.culprits.join(', ')}`,
    ).toBeLessThanOrEqual(wide.width);
    await page.close();
  });

  it('opens and closes the chapter navigation', async () => {
    const page = await site.context.newPage();
    await page.goto(`${site.url}workload/`);
    const summary = page.locator('.chapter-nav > summary');
    const firstLink = page.locator('.chapter-nav nav a').first();
    expect(await summary.isVisible()).toBe(true);
    expect(await firstLink.isVisible()).toBe(false);
    await summary.tap();
    expect(await firstLink.isVisible()).toBe(true);
    // The page being read is marked in the list.
    expect(await page.locator('.chapter-nav a[aria-current="page"]').isVisible()).toBe(true);
    await summary.tap();
    expect(await firstLink.isVisible()).toBe(false);
    // And from the keyboard.
    await summary.focus();
    await page.keyboard.press('Enter');
    expect(await firstLink.isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await firstLink.isVisible()).toBe(false);
    await page.close();
  });
});
