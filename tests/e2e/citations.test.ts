import { describe, expect, it } from 'vitest';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { browserTestsEnabled } from '../support/browser';
import { useSiteInBrowser, PHONE } from '../support/site-in-browser';

/**
 * The citation markers as a reader meets them (issue #8): the evidence on hover and keyboard focus, within a
 * 320 px screen, gone on Escape, read as the marker's description; on a phone a tap goes to the note, which is
 * highlighted and leads back. Real markers of a built chapter, not markup made up for the test.
 */
const CHAPTER = '/open-connect/';
const NARROW = {
  viewport: { width: 320, height: 640 },
  hasTouch: true,
  isMobile: true,
} satisfies BrowserContextOptions;

describe.runIf(browserTestsEnabled('citations'))('citation markers in the browser', () => {
  const site = useSiteInBrowser();

  async function open(options: BrowserContextOptions = { viewport: { width: 1280, height: 800 } }): Promise<Page> {
    const context = await site.browser.newContext(options);
    const page = await context.newPage();
    await page.goto(site.url + CHAPTER.slice(1));
    return page;
  }

  /** The marker's tooltip as painted: shown or not, its box, and its text. */
  function tipOf(page: Page, n: number) {
    return page.locator(`#cite-${n}-tip`).evaluate((t) => {
      const r = t.getBoundingClientRect();
      return { shown: t.checkVisibility(), left: r.left, right: r.right, text: t.textContent ?? '' };
    });
  }

  it('shows the source, the locator and the quoted passage on keyboard focus, and Escape hides it without moving focus', async () => {
    const page = await open();
    const marker = page.locator('#cite-1');
    expect((await tipOf(page, 1)).shown, 'hidden before focus').toBe(false);
    await marker.focus();
    await page.waitForTimeout(60);
    const shown = await tipOf(page, 1);
    expect(shown.shown).toBe(true);
    expect(shown.text).toMatch(/Looney/);
    expect(shown.text).toMatch(/Slide 3/);
    // The passage is a quotation, marked as one.
    expect(await page.locator('#cite-1-tip q').count()).toBe(1);
    await page.keyboard.press('Escape');
    expect((await tipOf(page, 1)).shown).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('cite-1');
    await page.context().close();
  });

  it('shows the evidence on hover', async () => {
    const page = await open();
    await page.locator('#cite-1').hover();
    await page.waitForTimeout(60);
    expect((await tipOf(page, 1)).shown).toBe(true);
    await page.context().close();
  });

  it('gives each marker its evidence as its accessible description', async () => {
    const page = await open();
    const described = await page.locator('a[id^="cite-"][aria-describedby]').evaluateAll((links) =>
      links.map((a) => {
        const tip = document.getElementById(a.getAttribute('aria-describedby') ?? '');
        return { id: a.id, role: tip?.getAttribute('role'), text: tip?.textContent?.trim() ?? '' };
      }),
    );
    expect(described.length).toBeGreaterThan(20);
    expect(described.filter((d) => d.role !== 'tooltip' || d.text.length < 10)).toEqual([]);
    await page.context().close();
  });

  it.each([true, false])(
    'keeps every citation tooltip within a 320 px screen when its marker is focused (JavaScript %s)',
    async (javaScriptEnabled) => {
      const page = await open({ ...NARROW, javaScriptEnabled });
      const ids = await page.locator('#main a[id^="cite-"][aria-describedby]').evaluateAll((l) => l.map((a) => a.id));
      expect(ids.length).toBeGreaterThan(20);
      const outside: string[] = [];
      for (const id of ids) {
        await page.locator(`#${id}`).focus();
        await page.waitForTimeout(30);
        const t = await tipOf(page, Number(id.slice('cite-'.length)));
        if (!t.shown || t.left < 0 || t.right > 320) outside.push(`${id}: ${JSON.stringify(t)}`);
      }
      expect(outside).toEqual([]);
      await page.context().close();
    },
  );

  it('goes to the note on a tap, highlights the note, and its ↩ leads back to the marker', async () => {
    const page = await open(PHONE);
    const href = await page.locator('#cite-3').getAttribute('href');
    expect(href).toMatch(/^#note-\d+-\d+$/);
    await page.locator('#cite-3').tap();
    await page.waitForURL((u) => u.hash === href);
    const note = page.locator(href!);
    // Highlighted as the target: its outline differs from a note the reader did not arrive at.
    const style = (sel: string) => page.locator(sel).evaluate((e) => getComputedStyle(e).outlineStyle);
    expect(await style(href!)).toBe('solid');
    const other = await page.locator('.cited-for li:not(:target)').first().getAttribute('id');
    expect(await style(`#${other}`)).toBe('none');
    const back = note.locator('a.backlink');
    expect(await back.textContent()).toBe('↩');
    expect(await back.getAttribute('href')).toBe('#cite-3');
    await back.tap();
    await page.waitForURL((u) => u.hash === '#cite-3');
    await page.context().close();
  });

  it('lists, for each source in the references, each locator and passage it is cited for, linked back', async () => {
    const page = await open();
    const notes = await page.locator('#main .cited-for > li').evaluateAll((lis) =>
      lis.map((li) => ({
        id: li.id,
        locator: li.querySelector('.locator, .stance')?.textContent ?? '',
        back: li.querySelector('a.backlink')?.getAttribute('href') ?? '',
      })),
    );
    expect(notes.length).toBeGreaterThan(20);
    const markers = new Set(await page.locator('a[id^="cite-"]').evaluateAll((l) => l.map((a) => `#${a.id}`)));
    expect(notes.filter((n) => !n.locator || !markers.has(n.back))).toEqual([]);
    await page.context().close();
  });
});
