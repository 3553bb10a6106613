import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserTestsEnabled } from '../support/browser';
import { useSiteInBrowser } from '../support/site-in-browser';
import { SITE_BASE_DIR } from '../support/astro';
import { EXPLORABLE_PAGES, SEARCH_PAGE } from '../support/budgets';
import { builtPages } from '../support/pages';

/** Home, a chapter with a table of contents, the glossary, search (its form), and the explorables (their controls). */
const SAMPLE = [...new Set(['/', '/open-connect/', '/glossary/', SEARCH_PAGE, ...EXPLORABLE_PAGES])].filter((p) =>
  builtPages(SITE_BASE_DIR).some((b) => b.path === p),
);

interface Focused {
  /** A selector-like description of the element, for messages. */
  what: string;
  /** Index of the element in the document's list of focusable elements (see FOCUSABLE). */
  index: number;
  visibleIndicator: boolean;
  inViewport: boolean;
}

/** Elements a keyboard user should be able to reach, when rendered. */
const FOCUSABLE = 'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';

/** Describes document.activeElement: which focusable it is and whether its focus can be seen. */
function describeFocus(page: Page): Promise<Focused | null> {
  return page.evaluate((selector) => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow !== 'none';
    const rect = el.getBoundingClientRect();
    const id = el.id ? `#${el.id}` : '';
    const cls = el.classList.length ? `.${[...el.classList].join('.')}` : '';
    const label = (el.textContent ?? '').trim().slice(0, 30);
    return {
      what: `${el.tagName.toLowerCase()}${id}${cls} "${label}"`,
      index: [...document.querySelectorAll(selector)].indexOf(el),
      visibleIndicator: outline || shadow,
      inViewport: rect.bottom > 0 && rect.top < innerHeight && rect.width > 0 && rect.height > 0,
    };
  }, FOCUSABLE);
}

/** The focusables that are rendered (not display:none, not inside a closed <details>), by index. */
function reachable(
  page: Page,
): Promise<{ index: number; what: string; kind: 'nav' | 'toc' | 'control' | 'link'; radioGroup?: string }[]> {
  return page.evaluate((selector) => {
    return [...document.querySelectorAll<HTMLElement>(selector)]
      .map((el, index) => ({ el, index }))
      .filter(({ el }) => el.checkVisibility({ visibilityProperty: true }) && !(el as HTMLInputElement).disabled)
      .map(({ el, index }) => {
        const kind = el.closest('.chapter-nav')
          ? 'nav'
          : el.closest('.toc')
            ? 'toc'
            : el.matches('a')
              ? 'link'
              : 'control';
        const radio = el instanceof HTMLInputElement && el.type === 'radio' ? el.name : undefined;
        return {
          index,
          what: `${el.tagName.toLowerCase()} "${(el.textContent ?? el.getAttribute('aria-label') ?? '').trim().slice(0, 30)}"`,
          kind,
          ...(radio ? { radioGroup: radio } : {}),
        } as const;
      });
  }, FOCUSABLE);
}

describe.runIf(browserTestsEnabled('keyboard'))('keyboard use', () => {
  const site = useSiteInBrowser({ viewport: { width: 1280, height: 800 } });

  it.each(SAMPLE)('%s: the skip link moves focus to the main content', async (sitePath) => {
    const page = await site.context.newPage();
    await page.goto(site.url + sitePath.slice(1));
    await page.keyboard.press('Tab');
    const first = await describeFocus(page);
    expect(first?.what).toMatch(/^a\.skip-link/);
    expect(first?.inViewport, 'the skip link is shown when focused').toBe(true);
    expect(first?.visibleIndicator).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.matches('main#main'))).toBe(true);
    // The next Tab continues from the main content, not from the top of the page.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);
    await page.close();
  });

  it.each(SAMPLE)(
    '%s: Tab reaches the navigation, the table of contents and every control, each with a visible focus',
    async (sitePath) => {
      const page = await site.context.newPage();
      await page.goto(site.url + sitePath.slice(1));
      const expected = await reachable(page);
      const seen = new Map<number, Focused>();
      // Tab through the whole page once: until focus comes back to an element already seen, or leaves the page.
      for (let i = 0; i < expected.length + 5; i++) {
        await page.keyboard.press('Tab');
        const focused = await describeFocus(page);
        if (!focused || seen.has(focused.index)) break;
        seen.set(focused.index, focused);
      }
      const noIndicator = [...seen.values()].filter((f) => !f.visibleIndicator).map((f) => f.what);
      expect(noIndicator, 'focused without a visible focus indicator').toEqual([]);

      const kinds = new Set(expected.filter((e) => seen.has(e.index)).map((e) => e.kind));
      expect(kinds.has('nav'), 'a link of the chapter navigation is reached').toBe(true);
      if (expected.some((e) => e.kind === 'toc'))
        expect(kinds.has('toc'), 'the table of contents is reached').toBe(true);
      // Every navigation link, TOC link and control; of a group of radio buttons, Tab stops on one.
      const groupsSeen = new Set(expected.filter((e) => e.radioGroup && seen.has(e.index)).map((e) => e.radioGroup));
      const missed = expected
        .filter((e) => e.kind !== 'link' && !seen.has(e.index) && !(e.radioGroup && groupsSeen.has(e.radioGroup)))
        .map((e) => `${e.kind}: ${e.what}`);
      expect(missed, 'not reached with Tab').toEqual([]);
      await page.close();
    },
  );
});
