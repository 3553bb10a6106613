import { describe, expect, it } from 'vitest';
import type { BrowserContextOptions, Locator, Page } from 'playwright-core';
import { browserTestsEnabled } from '../support/browser';
import { useSiteInBrowser, PHONE } from '../support/site-in-browser';
import { emulateScheme } from '../support/axe';

/** A chapter with glossary terms in its text and in a table. */
const CHAPTER = '/open-connect/';
const DESKTOP = { viewport: { width: 1280, height: 800 } };

/** The tooltip of a host: its box, whether it is shown, and the text it holds. */
async function tip(host: Locator) {
  // As painted: after the frames in which the browser runs the scroll events (a focused term may have
  // scrolled into view) and the script places the tooltip again. (Not requestAnimationFrame: it never
  // fires with JavaScript off.)
  await host.page().waitForTimeout(60);
  return host.locator(':scope > .tip').evaluate((t) => {
    const r = t.getBoundingClientRect();
    return {
      shown: t.checkVisibility(),
      box: { left: r.left, right: r.right, top: r.top, bottom: r.bottom },
      // The tooltip itself is what a point at its centre hits: nothing covers it, no scrolling box cuts it.
      onTop: t.contains(document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2)),
    };
  });
}

/** Adds a citation marker as the citations will make it (same classes as the terms, no .term). */
function addCitation(page: Page): Promise<void> {
  return page.evaluate(() => {
    const p = document.querySelector('.prose > p')!;
    p.insertAdjacentHTML(
      'beforeend',
      ' <span class="cite tip-host" id="test-cite"><a href="#note-test" aria-describedby="tip-test">[9]</a><span class="tip" role="tooltip" id="tip-test">A source, slide 3: “a passage”.</span></span>',
    );
    document.querySelector('.prose')!.insertAdjacentHTML('beforeend', '<p id="note-test">The reference.</p>');
  });
}

describe.runIf(browserTestsEnabled('tooltips'))('tooltips (WCAG 1.4.13: dismissable, hoverable, persistent)', () => {
  const site = useSiteInBrowser();

  async function open(path: string, options: BrowserContextOptions = DESKTOP): Promise<Page> {
    const context = await site.browser.newContext(options);
    const page = await context.newPage();
    await page.goto(site.url + path.slice(1));
    return page;
  }

  describe('by keyboard', () => {
    it('shows a term’s tooltip on focus, keeps it, and hides it on Escape without moving focus', async () => {
      const page = await open(CHAPTER);
      const host = page.locator('#main .term').first();
      const link = host.locator(':scope > a');
      // Reach the term with Tab, as a keyboard user does.
      await page.locator('#main').focus();
      await page.keyboard.press('Tab');
      while (!(await link.evaluate((a) => a === document.activeElement))) await page.keyboard.press('Tab');
      expect((await tip(host)).shown).toBe(true);
      // The link is described by it.
      const described = await link.getAttribute('aria-describedby');
      expect(await page.locator(`#${described}`).getAttribute('role')).toBe('tooltip');
      // Persistent: still there a while later.
      await page.waitForTimeout(1500);
      expect((await tip(host)).shown).toBe(true);
      await page.keyboard.press('Escape');
      expect((await tip(host)).shown, 'hidden by Escape').toBe(false);
      expect(await link.evaluate((a) => a === document.activeElement), 'focus stays on the term').toBe(true);
      // Focus leaves and comes back: shown again.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Shift+Tab');
      expect((await tip(host)).shown).toBe(true);
      await page.context().close();
    });

    it('behaves the same for a citation marker (any .tip-host)', async () => {
      const page = await open(CHAPTER);
      await addCitation(page);
      await page.locator('#test-cite > a').focus();
      expect((await tip(page.locator('#test-cite'))).shown).toBe(true);
      await page.keyboard.press('Escape');
      expect((await tip(page.locator('#test-cite'))).shown).toBe(false);
      expect(await page.evaluate(() => document.activeElement?.closest('#test-cite') !== null)).toBe(true);
      await page.context().close();
    });
  });

  describe('by pointer', () => {
    it('keeps the tooltip while the pointer moves from the term onto it, and hides it on Escape without moving the pointer', async () => {
      const page = await open(CHAPTER);
      const host = page.locator('#main .term').first();
      const a = (await host.locator(':scope > a').boundingBox())!;
      await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
      const shown = await tip(host);
      expect(shown.shown).toBe(true);
      // Hoverable: down onto the tooltip in small steps, and across it.
      const target = { x: a.x + a.width / 2, y: (shown.box.top + shown.box.bottom) / 2 };
      await page.mouse.move(target.x, target.y, { steps: 12 });
      expect((await tip(host)).shown, 'still shown with the pointer on it').toBe(true);
      await page.mouse.move(shown.box.right - 4, target.y, { steps: 8 });
      expect((await tip(host)).shown).toBe(true);
      await page.waitForTimeout(1000);
      expect((await tip(host)).shown, 'persistent').toBe(true);
      await page.keyboard.press('Escape');
      expect((await tip(host)).shown, 'hidden by Escape, pointer unmoved').toBe(false);
      // Leaving and hovering again shows it again.
      await page.mouse.move(5, 5, { steps: 4 });
      await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2, { steps: 4 });
      expect((await tip(host)).shown).toBe(true);
      await page.context().close();
    });

    it('follows a term’s link on a click (the pointer already showed the definition)', async () => {
      const page = await open(CHAPTER);
      const href = await page.locator('#main .term > a').first().getAttribute('href');
      await page.locator('#main .term > a').first().click();
      await page.waitForURL((u) => u.pathname.endsWith('/glossary/'));
      expect(new URL(page.url()).pathname + new URL(page.url()).hash).toBe(href);
      await page.context().close();
    });

    it('shows a tooltip whole, uncovered and within the window, even for a term inside a table', async () => {
      const page = await open(CHAPTER);
      const inTable = page.locator('#main td .term').first();
      await inTable.locator(':scope > a').hover();
      const t = await tip(inTable);
      expect(t.shown).toBe(true);
      expect(t.onTop, 'not cut off by the table').toBe(true);
      expect(t.box.right).toBeLessThanOrEqual(1280);
      await page.context().close();
    });
  });

  describe('on a 375 px touch screen', () => {
    it.each([true, false])(
      'keeps every tooltip of the page within the screen when its term is focused (JavaScript %s)',
      async (javaScriptEnabled) => {
        const page = await open(CHAPTER, { ...PHONE, javaScriptEnabled });
        const hosts = await page.locator('#main .tip-host').count();
        expect(hosts).toBeGreaterThan(5);
        const outside: string[] = [];
        for (let i = 0; i < hosts; i++) {
          const host = page.locator('#main .tip-host').nth(i);
          await host.locator(':scope > a').focus();
          const t = await tip(host);
          const vertical = !javaScriptEnabled || (t.box.top >= 0 && t.box.bottom <= 740);
          if (!t.shown || t.box.left < 0 || t.box.right > 375 || !vertical)
            outside.push(`${i}: ${JSON.stringify(t.box)} shown ${t.shown}`);
        }
        expect(outside).toEqual([]);
        await page.context().close();
      },
    );

    it('shows a term’s definition on the first tap and goes to the glossary on the second', async () => {
      const page = await open(CHAPTER, PHONE);
      const host = page.locator('#main .term').nth(1);
      const before = page.url();
      await host.locator(':scope > a').tap();
      expect(page.url(), 'the first tap stays on the page').toBe(before);
      expect((await tip(host)).shown, 'and shows the definition').toBe(true);
      const t = await tip(host);
      expect(t.box.left).toBeGreaterThanOrEqual(0);
      expect(t.box.right).toBeLessThanOrEqual(375);
      // A tap elsewhere hides it; the next tap on the term shows it again.
      await page.locator('h1').tap();
      expect((await tip(host)).shown).toBe(false);
      await host.locator(':scope > a').tap();
      expect((await tip(host)).shown).toBe(true);
      expect(page.url()).toBe(before);
      // Escape hides it too (a touch screen may have a keyboard).
      await page.keyboard.press('Escape');
      expect((await tip(host)).shown).toBe(false);
      await host.locator(':scope > a').tap();
      const href = await host.locator(':scope > a').getAttribute('href');
      await Promise.all([page.waitForURL((u) => u.pathname.endsWith('/glossary/')), host.locator(':scope > a').tap()]);
      expect(new URL(page.url()).pathname + new URL(page.url()).hash).toBe(href);
      await page.context().close();
    });

    it('follows a citation marker on the first tap: only glossary terms show their tooltip first', async () => {
      const page = await open(CHAPTER, PHONE);
      await addCitation(page);
      await page.locator('#test-cite > a').tap();
      await page.waitForURL(/#note-test$/);
      await page.context().close();
    });

    it('goes straight to the glossary without JavaScript: a term is a plain link', async () => {
      const page = await open(CHAPTER, { ...PHONE, javaScriptEnabled: false });
      await Promise.all([
        page.waitForURL((u) => u.pathname.endsWith('/glossary/')),
        page.locator('#main .term > a').first().tap(),
      ]);
      await page.context().close();
    });
  });

  it('draws the tooltip’s edge in forced colours', async () => {
    const page = await open(CHAPTER);
    await emulateScheme(page, 'forced');
    await page.locator('#main .term > a').first().focus();
    const border = await page
      .locator('#main .term > .tip')
      .first()
      .evaluate((t) => {
        const s = getComputedStyle(t);
        return {
          width: parseFloat(s.borderTopWidth),
          style: s.borderTopStyle,
          color: s.borderTopColor,
          bg: s.backgroundColor,
        };
      });
    expect(border.width).toBeGreaterThanOrEqual(1);
    expect(border.style).toBe('solid');
    expect(border.color, 'an edge of its own colour').not.toBe(border.bg);
    expect(border.color).not.toBe('rgba(0, 0, 0, 0)');
    await page.context().close();
  });
});
