import { describe, expect, it } from 'vitest';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { browserTestsEnabled } from '../support/browser';
import { useSiteInBrowser, builtPagePaths, chapterPagePaths, PHONE } from '../support/site-in-browser';

const pages = builtPagePaths();
const chapters = chapterPagePaths();
/** Pages known to hold a table, code block or figure wider than a phone: the check below must find them. */
const WIDE_ON_A_PHONE = ['/open-connect/', '/kernel-features/tcp-algorithms/', '/timeline/'];

/** The two toggles of the phone's navigation bar and the lists they open. */
const TOGGLES = [
  { name: 'the chapter list', summary: '.chapter-nav > details > summary', list: '.chapter-nav > ol' },
  { name: '“On this page”', summary: '.toc > details > summary', list: '.toc oc-toc' },
] as const;

/** Whether the element's box lies wholly inside the viewport. */
function onScreen(page: Page, selector: string): Promise<boolean> {
  return page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
    });
}

/** Text rendered smaller than 12 CSS px, SVG text scaled with its drawing; `figures` whether to count drawings that shrink to fit. */
function smallText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || !node.textContent?.trim() || !el.checkVisibility({ visibilityProperty: true })) continue;
      // A drawing that shrinks to fit the screen (not one in a scrolling .fig-scroll box) is its figure's
      // business (src/components/figures/); the boxes that scroll must keep their text legible.
      if (el instanceof SVGElement && !el.closest('.fig-scroll')) continue;
      let size = parseFloat(getComputedStyle(el).fontSize);
      if (el instanceof SVGGraphicsElement) {
        const m = el.getScreenCTM()!;
        size *= Math.hypot(m.a, m.b);
      }
      if (size < 11.95)
        found.push(`${size.toFixed(1)} px: <${el.tagName.toLowerCase()}> “${node.textContent.trim().slice(0, 30)}”`);
    }
    return found.slice(0, 10);
  });
}

describe.runIf(browserTestsEnabled('small screens'))('on a phone', () => {
  const site = useSiteInBrowser();

  async function open(path: string, options: BrowserContextOptions = PHONE): Promise<Page> {
    const context = await site.browser.newContext(options);
    const page = await context.newPage();
    await page.goto(site.url + path.slice(1));
    return page;
  }

  describe('320 px wide', () => {
    it.each(pages)('%s does not scroll sideways, and no text is smaller than 12 px', async (sitePath) => {
      const page = await open(sitePath, { ...PHONE, viewport: { width: 320, height: 640 } });
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
      expect(await smallText(page)).toEqual([]);
      await page.context().close();
    });

    it.each(pages)(
      '%s: each table, code block and figure wider than the screen scrolls in its own box, with a shadow at the edge that hides more',
      async (sitePath) => {
        const page = await open(sitePath, { ...PHONE, viewport: { width: 320, height: 640 } });
        const boxes = await page.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>('main table, main pre, main .fig-scroll, main svg')]
            .filter((el) => el.checkVisibility() && el.getBoundingClientRect().width > 0)
            .map((el) => {
              // The box that holds the element's overflow: itself, or the nearest one around it.
              let box: HTMLElement | null = el;
              while (box && !/(auto|scroll)/.test(getComputedStyle(box).overflowX)) box = box.parentElement;
              const style = box ? getComputedStyle(box) : undefined;
              return {
                what: `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}> in ${box ? `<${box.tagName.toLowerCase()}.${box.className}>` : 'nothing'}`,
                wider: el.scrollWidth > el.clientWidth + 1 || el.getBoundingClientRect().width > innerWidth,
                scrolls: !!box && box !== document.documentElement && box.scrollWidth > box.clientWidth,
                // Two covers that scroll with the content (local) over two shadows that stay at the edges.
                cue:
                  !!style &&
                  (style.backgroundImage.match(/gradient\(/g) ?? []).length === 4 &&
                  style.backgroundAttachment.replace(/\s/g, '') === 'local,local,scroll,scroll',
              };
            })
            .filter((b) => b.wider),
        );
        if (WIDE_ON_A_PHONE.includes(sitePath)) expect(boxes.length, 'wide boxes found').toBeGreaterThan(0);
        expect(
          boxes.filter((b) => !b.scrolls || !b.cue).map((b) => `${b.what}: scrolls ${b.scrolls}, cue ${b.cue}`),
        ).toEqual([]);
        await page.context().close();
      },
    );
  });

  describe('375 × 740', () => {
    it.each(chapters)(
      '%s: the text starts on the first screen, and the chapter list and “On this page” are one tap away',
      async (sitePath) => {
        const page = await open(sitePath);
        const first = await page.locator('.prose > p').first().boundingBox();
        // The first line of the first paragraph is wholly on the first screen.
        expect(first!.y + 26, 'bottom of the first line of text').toBeLessThanOrEqual(740);
        for (const toggle of TOGGLES) {
          if ((await page.locator(toggle.summary).count()) === 0) continue;
          expect(await page.locator(toggle.list).isVisible(), `${toggle.name} is collapsed`).toBe(false);
          expect(await onScreen(page, toggle.summary), `the toggle of ${toggle.name} is on screen`).toBe(true);
          await page.locator(toggle.summary).tap();
          expect(await page.locator(toggle.list).isVisible(), `one tap opens ${toggle.name}`).toBe(true);
          expect(await onScreen(page, `${toggle.list} a`)).toBe(true);
          await page.locator(toggle.summary).tap();
          expect(await page.locator(toggle.list).isVisible()).toBe(false);
        }
        await page.context().close();
      },
    );

    it('keeps both toggles at hand while reading: the bar stays on screen at the end of a long page', async () => {
      const page = await open('/kernel-features/kernel-tls/');
      await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
      for (const toggle of TOGGLES) {
        expect(await onScreen(page, toggle.summary), toggle.name).toBe(true);
        await page.locator(toggle.summary).tap();
        expect(await onScreen(page, `${toggle.list} a`), `${toggle.name}, opened at the end`).toBe(true);
        await page.locator(toggle.summary).tap();
      }
      await page.context().close();
    });

    it('closes an open list when a link in it is followed, on Escape (focus back on its toggle), and on a tap elsewhere', async () => {
      const page = await open('/kernel-features/kernel-tls/');
      const toc = TOGGLES[1];
      await page.locator(toc.summary).tap();
      await page.locator(`${toc.list} a[href="#history"]`).tap();
      await page.waitForURL(/#history$/);
      expect(await page.locator(toc.list).isVisible(), 'closed after following a link').toBe(false);
      // The heading followed is not under the bar.
      const bar = await page.locator('.page-nav').boundingBox();
      const heading = await page.locator('#history').boundingBox();
      expect(heading!.y).toBeGreaterThanOrEqual(bar!.y + bar!.height - 1);
      expect(heading!.y).toBeLessThan(740 / 2);

      await page.locator(toc.summary).tap();
      await page.locator(`${toc.list} a`).first().focus();
      await page.keyboard.press('Escape');
      expect(await page.locator(toc.list).isVisible(), 'closed by Escape').toBe(false);
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('On this page');

      await page.locator(TOGGLES[0].summary).tap();
      // The list covers the page below the bar; the header beside the site's name is elsewhere.
      await page.touchscreen.tap(360, 16);
      expect(await page.locator(TOGGLES[0].list).isVisible(), 'closed by a tap elsewhere').toBe(false);
      await page.context().close();
    });

    it('opens the lists in the flow of the page without JavaScript, where nothing could close them over the text', async () => {
      const page = await open('/kernel-features/kernel-tls/', { ...PHONE, javaScriptEnabled: false });
      for (const toggle of TOGGLES) {
        expect(await page.locator(toggle.list).isVisible()).toBe(false);
        await page.locator(toggle.summary).tap();
        expect(await page.locator(toggle.list).isVisible(), `one tap opens ${toggle.name}`).toBe(true);
      }
      // The table of contents is open (opening it closed the chapter list): following a link leaves the
      // section in view, with nothing over it.
      await page.locator(`${TOGGLES[1].list} a[href="#history"]`).tap();
      const covered = await page.locator('#history').evaluate((h) => {
        const r = h.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + 5, r.top + r.height / 2);
        return !h.contains(hit);
      });
      expect(covered).toBe(false);
      await page.context().close();
    });
  });
});
