import { describe, expect, it } from 'vitest';
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { browserTestsEnabled } from '../support/browser';
import { useSiteInBrowser, sharedModuleUrlPattern } from '../support/site-in-browser';
import { addAxe, axeViolations } from '../support/axe';

const DARK_BG = 'rgb(21, 20, 19)';
const LIGHT_BG = 'rgb(253, 252, 250)';

/**
 * Records, at the moment the <body> element is created (before anything in it can be painted), the page's
 * scheme attribute and background: if they are already the stored scheme's, no page can flash another.
 */
const RECORD_AT_BODY = `
  new MutationObserver((_, observer) => {
    if (!document.body) return;
    observer.disconnect();
    window.__atBody = {
      scheme: document.documentElement.dataset.scheme ?? null,
      background: getComputedStyle(document.documentElement).backgroundColor,
    };
  }).observe(document, { childList: true, subtree: true });
`;

interface AtBody {
  scheme: string | null;
  background: string;
}

const background = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
const atBody = (page: Page) => page.evaluate(() => (window as unknown as { __atBody: AtBody }).__atBody);

describe.runIf(browserTestsEnabled('colour scheme'))('the colour-scheme control', () => {
  const site = useSiteInBrowser();

  async function context(options: BrowserContextOptions = {}): Promise<BrowserContext> {
    const c = await site.browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
    await c.addInitScript({ content: RECORD_AT_BODY });
    return c;
  }

  it('is not shown without JavaScript, and the site follows the system', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const c = await context({ javaScriptEnabled: false, colorScheme });
      const page = await c.newPage();
      await page.goto(site.url);
      expect(await page.locator('oc-scheme').isVisible()).toBe(false);
      expect(await page.locator('oc-scheme').boundingBox(), 'it takes no room either').toBeNull();
      expect(await background(page)).toBe(colorScheme === 'dark' ? DARK_BG : LIGHT_BG);
      await c.close();
    }
  });

  it('follows the system until the reader chooses, then keeps the choice across pages and reloads, without a flash', async () => {
    const c = await context({ colorScheme: 'light' });
    const page = await c.newPage();
    const problems: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(site.url);
    const select = page.getByRole('combobox', { name: 'Colour scheme' });
    expect(await select.isVisible()).toBe(true);
    expect(await select.inputValue()).toBe('');
    expect(await background(page)).toBe(LIGHT_BG);

    await select.selectOption('dark');
    expect(await background(page)).toBe(DARK_BG);
    expect(await page.evaluate(() => localStorage.getItem('oc-scheme'))).toBe('dark');

    for (const next of ['workload/', 'kernel-features/kernel-tls/', 'glossary/']) {
      await page.goto(site.url + next);
      expect(await atBody(page), `${next} when its <body> began`).toEqual({ scheme: 'dark', background: DARK_BG });
      expect(await page.getByRole('combobox', { name: 'Colour scheme' }).inputValue()).toBe('dark');
    }
    await page.reload();
    expect(await atBody(page), 'after a reload').toEqual({ scheme: 'dark', background: DARK_BG });

    // Back to the system's scheme: nothing stored, the page follows the system again.
    await page.getByRole('combobox', { name: 'Colour scheme' }).selectOption('');
    expect(await page.evaluate(() => localStorage.getItem('oc-scheme'))).toBeNull();
    await page.reload();
    expect(await atBody(page)).toEqual({ scheme: null, background: LIGHT_BG });
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await background(page)).toBe(DARK_BG);
    expect(problems, 'no CSP violation, no error').toEqual([]);
    await c.close();
  });

  it('applies the stored scheme before the first paint by the inline script alone, without the module', async () => {
    const c = await context({ colorScheme: 'dark' });
    await c.addInitScript({ content: `localStorage.setItem('oc-scheme', 'light')` });
    // The shared module never arrives: the colours must not depend on it.
    await c.route(sharedModuleUrlPattern(), (route) => route.abort());
    const page = await c.newPage();
    await page.goto(`${site.url}workload/`);
    expect(await atBody(page)).toEqual({ scheme: 'light', background: LIGHT_BG });
    expect(await background(page)).toBe(LIGHT_BG);
    await c.close();
  });

  it('takes a choice made on another page when a page comes back from the back-forward cache', async () => {
    const c = await context({ colorScheme: 'light' });
    const page = await c.newPage();
    await page.goto(site.url);
    await page.evaluate(() => {
      localStorage.setItem('oc-scheme', 'dark');
      dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    });
    expect(await background(page)).toBe(DARK_BG);
    expect(await page.getByRole('combobox', { name: 'Colour scheme' }).inputValue()).toBe('dark');
    await c.close();
  });

  it.each([
    ['dark', 'light'],
    ['light', 'dark'],
  ] as const)(
    'passes axe’s colour rules with %s chosen on a %s system (code, figures, tables, tooltips)',
    async (chosen, system) => {
      const c = await site.browser.newContext({
        viewport: { width: 1280, height: 800 },
        bypassCSP: true,
        colorScheme: system,
      });
      await addAxe(c);
      await c.addInitScript({ content: `localStorage.setItem('oc-scheme', '${chosen}')` });
      const found: string[] = [];
      for (const path of ['kernel-features/tcp-algorithms/', 'workload/', 'open-connect/']) {
        const page = await c.newPage();
        await page.goto(site.url + path);
        await page.locator('#main .term > a').first().focus();
        found.push(
          ...(await axeViolations(page, `${path} ${chosen} on ${system}`, {
            rules: ['color-contrast', 'link-in-text-block'],
          })),
        );
        // The figures take the chosen scheme too: their first series is drawn in its own colour for it.
        const fig = await page.evaluate(() => {
          const f = document.querySelector('.fig');
          return f && getComputedStyle(f).getPropertyValue('--f1').trim();
        });
        if (fig) expect(fig, `${path} figure colours`).toBe(chosen === 'dark' ? '#56b4e9' : '#0072b2');
        await page.close();
      }
      expect(found.join('\n')).toBe('');
      await c.close();
    },
  );
});
