import { describe, expect, it } from 'vitest';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { browserTestsEnabled } from '../support/browser';
import { useSiteInBrowser, PHONE, sharedModuleUrlPattern } from '../support/site-in-browser';
import { emulateScheme } from '../support/axe';

const DESKTOP = { viewport: { width: 1280, height: 800 } };
/** A sub-page with a code block, a table and a figure-free text. */
const CODE_PAGE = '/kernel-features/tcp-algorithms/';

/** Sums the page's layout shifts (the Layout Instability API), from its start. */
const RECORD_SHIFTS = `
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts.push(e.value);
  }).observe({ type: 'layout-shift', buffered: true });
`;

/** Where the page's landmarks are, to compare a page with and without its script. */
function geometry(page: Page) {
  return page.evaluate(() =>
    Object.fromEntries(
      [
        '.site-name',
        'oc-scheme',
        '.site-search',
        '.chapter-nav',
        '.toc',
        'h1',
        '.prose > p',
        'pre',
        'table',
        '.pagination',
      ]
        .map((s) => [s, document.querySelector(s)?.getBoundingClientRect()] as const)
        .filter(([, r]) => r)
        .map(([s, r]) => [s, [r!.x, r!.y, r!.width, r!.height].map((n) => Math.round(n))]),
    ),
  );
}

describe.runIf(browserTestsEnabled('reading controls'))('reading controls', () => {
  const site = useSiteInBrowser();

  async function open(path: string, options: BrowserContextOptions = DESKTOP): Promise<Page> {
    const context = await site.browser.newContext(options);
    await context.addInitScript({ content: RECORD_SHIFTS });
    const page = await context.newPage();
    await page.goto(site.url + path.slice(1));
    return page;
  }

  describe('nothing moves when the script arrives', () => {
    it.each([
      ['/', 'phone'],
      [CODE_PAGE, 'phone'],
      ['/workload/', 'phone'],
      ['/', 'desktop'],
      [CODE_PAGE, 'desktop'],
      ['/open-connect/', 'desktop'],
      ['/glossary/', 'desktop'],
    ] as const)('%s on a %s: no layout shift, and the same layout as without JavaScript', async (path, device) => {
      const options = device === 'phone' ? PHONE : DESKTOP;
      const page = await open(path, options);
      await page.waitForLoadState('networkidle');
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      // The elements are defined: the script did run.
      expect(await page.evaluate(() => !!customElements.get('oc-bar') && !!customElements.get('oc-code'))).toBe(true);
      expect(await page.evaluate(() => (window as unknown as { __shifts: number[] }).__shifts)).toEqual([]);
      // The page as it is before the shared module arrives (it never does here): the same layout.
      const before = await site.browser.newContext(options);
      await before.route(sharedModuleUrlPattern(), (route) => route.abort());
      const plain = await before.newPage();
      await plain.goto(site.url + path.slice(1));
      expect(await plain.evaluate(() => customElements.get('oc-bar'))).toBeUndefined();
      expect(await geometry(page)).toEqual(await geometry(plain));
      await page.context().close();
      await plain.context().close();
    });
  });

  describe('search from anywhere', () => {
    it('focuses the header’s search field on “/”, and on Ctrl+K or ⌘K from anywhere, even a field', async () => {
      const page = await open(CODE_PAGE);
      const field = page.locator('header input[name="q"]');
      const inField = () => field.evaluate((f) => f === document.activeElement);
      await page.locator('#main').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('/');
      expect(await inField(), '/').toBe(true);
      expect(await field.inputValue(), 'the “/” is not typed').toBe('');
      expect(await field.getAttribute('aria-keyshortcuts')).toContain('Control+K');

      await page.locator('.prose a').first().focus();
      await page.keyboard.press('Control+k');
      expect(await inField(), 'Ctrl+K').toBe(true);
      await page.locator('.prose a').first().focus();
      await page.keyboard.press('Meta+k');
      expect(await inField(), '⌘K').toBe(true);

      // Typing a “/” into a field types it.
      await field.fill('');
      await page.keyboard.type('a/b');
      expect(await field.inputValue()).toBe('a/b');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/search\/\?q=a%2Fb$/);
      await page.context().close();
    });
  });

  describe('headings', () => {
    it('show their anchor link on hover and on keyboard focus', async () => {
      const page = await open(CODE_PAGE);
      const link = page.locator('.prose h2 > a.heading-link').first();
      const sign = () => link.evaluate((a) => getComputedStyle(a, '::after').opacity);
      const id = await page.locator('.prose h2').first().getAttribute('id');
      expect(await link.getAttribute('href')).toBe(`#${id}`);
      expect(await sign()).toBe('0');
      await link.hover();
      expect(await sign(), 'on hover').toBe('1');
      await page.mouse.move(0, 0);
      expect(await sign()).toBe('0');
      // By keyboard: Tab from the element before the heading.
      await page
        .locator('.prose h2')
        .first()
        .evaluate((h) => {
          const before = h.previousElementSibling?.querySelector('a:last-of-type') as HTMLElement | null;
          (before ?? document.body).focus();
        });
      for (let i = 0; i < 20 && !(await link.evaluate((a) => a === document.activeElement)); i++)
        await page.keyboard.press('Tab');
      expect(await sign(), 'on keyboard focus').toBe('1');
      // The sign is not part of the link's name.
      const name = await page
        .locator('.prose h2')
        .first()
        .evaluate((h) => h.textContent);
      expect(await page.getByRole('link', { name: name!, exact: true }).count()).toBeGreaterThan(0);
      await page.context().close();
    });
  });

  describe('code blocks', () => {
    it.each(['light', 'dark'] as const)(
      'stand apart from the page in a frame, in a readable monospace size (%s)',
      async (scheme) => {
        const page = await open(CODE_PAGE);
        await emulateScheme(page, scheme);
        const frame = await page
          .locator('pre.astro-code')
          .first()
          .evaluate((pre) => {
            const s = getComputedStyle(pre);
            const page = getComputedStyle(document.documentElement).backgroundColor;
            return {
              border: parseFloat(s.borderTopWidth),
              borderColor: s.borderTopColor,
              band: s.boxShadow,
              page,
              font: parseFloat(getComputedStyle(pre.querySelector('code')!).fontSize),
              family: getComputedStyle(pre.querySelector('code')!).fontFamily,
            };
          });
        expect(frame.border).toBeGreaterThanOrEqual(1);
        expect(frame.borderColor).not.toBe(frame.page);
        expect(frame.band, 'the band at the top').toContain('inset');
        expect(frame.font).toBeGreaterThanOrEqual(13.5);
        expect(frame.family).toMatch(/mono/i);
        await page.context().close();
      },
    );

    it('carry a button that copies the code exactly, and say so', async () => {
      const page = await open(CODE_PAGE, { ...DESKTOP, permissions: ['clipboard-read', 'clipboard-write'] });
      const block = page.locator('.code').first();
      expect(await block.getByRole('button').textContent()).toBe('Copy');
      // Not by its name, which the click changes.
      const button = block.locator('button');
      await button.click();
      await expect.poll(() => button.textContent()).toBe('Copied');
      expect(await block.getAttribute('aria-live')).toBe('polite');
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toBe(await block.locator('pre code').textContent());
      expect(copied).toContain('\n');
      // The button sits in the frame's band, not over the code.
      const b = (await button.boundingBox())!;
      const code = (await block.locator('pre code').boundingBox())!;
      expect(b.y + b.height).toBeLessThanOrEqual(code.y);
      await page.context().close();
    });

    it('keep their code selectable without JavaScript, with no button that would do nothing', async () => {
      const page = await open(CODE_PAGE, { ...DESKTOP, javaScriptEnabled: false });
      expect(await page.locator('main button').count()).toBe(0);
      expect(
        await page
          .locator('pre code')
          .first()
          .evaluate((c) => getComputedStyle(c).userSelect),
      ).not.toBe('none');
      await page.context().close();
    });
  });
});
