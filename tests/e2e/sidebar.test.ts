import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserTestsEnabled } from '../support/browser';
import { useSiteInBrowser, builtPagePaths } from '../support/site-in-browser';
import { addAxe, axeViolations, emulateScheme } from '../support/axe';

/** The chapter whose sidebar is the longest: it lists the chapter's sub-pages. */
const FEATURE_PAGES = builtPagePaths().filter((p) => p.startsWith('/kernel-features/'));
const SHORT_SCREENS = [
  { width: 1280, height: 720 },
  { width: 1280, height: 600 },
];

/**
 * Removes every style rule that uses ::details-content, as a browser without that selector would never apply
 * it (Firefox before 143, Safari before 18.4), and returns how many it removed.
 */
function dropDetailsContentRules(page: Page): Promise<number> {
  return page.evaluate(() => {
    let removed = 0;
    const walk = (list: CSSRuleList, owner: CSSStyleSheet | CSSGroupingRule) => {
      for (let i = list.length - 1; i >= 0; i--) {
        const rule = list[i]!;
        if (rule instanceof CSSStyleRule && rule.selectorText.includes('::details-content')) {
          owner.deleteRule(i);
          removed++;
        } else if ('cssRules' in rule) walk((rule as CSSGroupingRule).cssRules, rule as CSSGroupingRule);
      }
    };
    for (const sheet of document.styleSheets) walk(sheet.cssRules, sheet);
    return removed;
  });
}

describe.runIf(browserTestsEnabled('desktop sidebar'))('the desktop sidebar', () => {
  const site = useSiteInBrowser({ bypassCSP: true }, addAxe);

  async function open(path: string, size = SHORT_SCREENS[0]!): Promise<Page> {
    const page = await site.context.newPage();
    await page.setViewportSize(size);
    await page.goto(site.url + path.slice(1));
    return page;
  }

  it.each(FEATURE_PAGES)(
    '%s: no scrolling region that the keyboard cannot reach (axe scrollable-region-focusable), 1280×720 and 1280×600, light and dark',
    async (sitePath) => {
      const page = await open(sitePath);
      const found: string[] = [];
      for (const size of SHORT_SCREENS) {
        await page.setViewportSize(size);
        for (const scheme of ['light', 'dark'] as const) {
          await emulateScheme(page, scheme);
          found.push(
            ...(await axeViolations(page, `${size.height} ${scheme}`, { rules: ['scrollable-region-focusable'] })),
          );
        }
      }
      expect(found.join('\n')).toBe('');
      // The sidebar does scroll there: the check above is about a real scrolling region.
      expect(
        await page.locator('.chapter-nav').evaluate((n) => n.scrollHeight > n.clientHeight),
        'the sidebar scrolls at 1280×600',
      ).toBe(true);
      await page.close();
    },
  );

  it.each(SHORT_SCREENS)(
    'shows the whole focus ring of every link of the sidebar, reached with Tab, at $width×$height',
    async (size) => {
      const page = await open('/kernel-features/kernel-tls/', size);
      const seen: string[] = [];
      const clipped: string[] = [];
      for (let i = 0; i < 60; i++) {
        await page.keyboard.press('Tab');
        const focus = await page.evaluate(() => {
          const a = document.activeElement as HTMLElement;
          const scroller = a.closest('.chapter-nav, .toc');
          if (!scroller || !(a instanceof HTMLAnchorElement)) return null;
          const s = getComputedStyle(a);
          const out = Math.max(0, parseFloat(s.outlineWidth) + parseFloat(s.outlineOffset));
          const r = a.getBoundingClientRect();
          const box = scroller.getBoundingClientRect();
          const ring = { top: r.top - out, bottom: r.bottom + out, left: r.left - out, right: r.right + out };
          const inside =
            ring.top >= box.top - 0.5 &&
            ring.bottom <= box.top + scroller.clientHeight + 0.5 &&
            ring.left >= box.left - 0.5 &&
            ring.right <= box.left + scroller.clientWidth + 0.5 &&
            ring.bottom <= innerHeight + 0.5;
          return { text: a.textContent!.trim(), inside, outline: s.outlineStyle };
        });
        if (!focus) continue;
        if (seen.includes(focus.text)) break;
        seen.push(focus.text);
        if (!focus.inside || focus.outline === 'none') clipped.push(focus.text);
      }
      expect(seen, 'links of the sidebar reached').toContain('The whole guide');
      expect(clipped, 'links whose focus ring is cut off').toEqual([]);
      await page.close();
    },
  );

  it('lists every chapter on a wide screen without ::details-content, in the page and by keyboard', async () => {
    for (const [path, size] of [
      ['/kernel-features/kernel-tls/', { width: 1280, height: 720 }],
      ['/open-connect/', { width: 1024, height: 768 }],
    ] as const) {
      const page = await open(path, size);
      await dropDetailsContentRules(page);
      const links = page.locator('.chapter-nav a');
      expect(await links.count()).toBeGreaterThan(10);
      for (const link of await links.all()) expect(await link.isVisible(), (await link.textContent()) ?? '').toBe(true);
      // In such a browser a closed <details> hides its content whatever the CSS says: no link may be inside one.
      expect(await page.locator('.page-nav details:not([open]) a').count(), 'links inside a closed <details>').toBe(0);
      // And the keyboard reaches them.
      await page.locator('.site-search input').focus();
      let reached = false;
      for (let i = 0; i < 6 && !reached; i++) {
        await page.keyboard.press('Tab');
        reached = await page.evaluate(() => !!document.activeElement?.closest('.chapter-nav'));
      }
      expect(reached, 'Tab reaches the chapter list').toBe(true);
      await page.close();
    }
  });

  it('also lists the sections of the page without it, beside the text at 1280 px', async () => {
    const page = await open('/kernel-features/kernel-tls/');
    await dropDetailsContentRules(page);
    expect(await page.locator('.toc a').first().isVisible()).toBe(true);
    expect(await page.locator('.toc a').last().isVisible()).toBe(true);
    await page.close();
  });

  it('marks only the current page in forced colours, by its bar', async () => {
    const page = await open('/kernel-features/kernel-tls/');
    await emulateScheme(page, 'forced');
    const bars = await page
      .locator('.chapter-nav a')
      .evaluateAll((links) =>
        links
          .filter(
            (a) =>
              parseFloat(getComputedStyle(a).borderLeftWidth) > 0 && getComputedStyle(a).borderLeftStyle !== 'none',
          )
          .map((a) => a.textContent!.trim()),
      );
    expect(bars).toEqual(['Kernel TLS']);
    expect(await page.locator('.chapter-nav a[aria-current="page"]').textContent()).toContain('Kernel TLS');
    await page.close();
  });

  it('marks the section being read in the table of contents, as the reader scrolls', async () => {
    const page = await open('/kernel-features/kernel-tls/');
    const current = () =>
      page.locator('.toc a[aria-current="true"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    await page.locator('#history').evaluate((h) => scrollTo(0, scrollY + h.getBoundingClientRect().top - 20));
    await expect.poll(current).toEqual(['#history']);
    await page.locator('#how-ktls-works').evaluate((h) => scrollTo(0, scrollY + h.getBoundingClientRect().top - 20));
    await expect.poll(current).toEqual(['#how-ktls-works']);
    await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
    await expect.poll(current).toEqual(['#references']);
    await page.evaluate(() => scrollTo(0, 0));
    await expect.poll(current).toEqual([]);
    // In forced colours too, by its bar.
    await page.locator('#history').evaluate((h) => scrollTo(0, scrollY + h.getBoundingClientRect().top - 20));
    await emulateScheme(page, 'forced');
    const bars = await page
      .locator('.toc a')
      .evaluateAll((links) =>
        links.filter((a) => parseFloat(getComputedStyle(a).borderLeftWidth) > 0).map((a) => a.getAttribute('href')),
      );
    expect(bars).toEqual(['#history']);
    await page.close();
  });
});
