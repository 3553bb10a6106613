import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserTestsEnabled } from '../support/browser';
import { useSiteInBrowser } from '../support/site-in-browser';
import { BASE_PATH } from '../support/astro';

describe.runIf(browserTestsEnabled('search'))('search in Chromium, under a project-site base path', () => {
  const site = useSiteInBrowser();

  /** A new page that records script errors and CSP violations, which must stay empty. */
  async function open(url: string): Promise<{ page: Page; problems: string[] }> {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    await page.goto(url);
    return { page, problems };
  }

  it('finds “kernel TLS” from the header of the home page and opens the first result by keyboard', async () => {
    const { page, problems } = await open(site.url);
    await page.getByRole('search').getByRole('searchbox').fill('kernel TLS');
    await Promise.all([page.waitForURL(/\/search\/\?q=kernel\+TLS$/), page.keyboard.press('Enter')]);
    expect(page.url()).toBe(`${site.url}search/?q=kernel+TLS`);

    // The field holds the query; results come from the URL's query.
    const field = page.getByRole('main').getByRole('searchbox');
    expect(await field.inputValue()).toBe('kernel TLS');
    const first = page.locator('.search-results a').first();
    await first.waitFor({ timeout: 15_000 });
    expect(await page.getByRole('status').textContent()).toMatch(/\d+ pages? match/);
    expect(await page.locator('.search-results mark').count()).toBeGreaterThan(0);
    const target = await first.getAttribute('href');
    expect(target).toMatch(new RegExp(`^${BASE_PATH}`));
    expect(await first.textContent()).toMatch(/TLS/i);

    // As on every page: the first Tab reaches the skip link, which leads to the field, then arrows to a result.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.matches('a.skip-link'))).toBe(true);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await field.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(target);
    await Promise.all([page.waitForURL((u) => u.pathname !== `${BASE_PATH}search/`), page.keyboard.press('Enter')]);
    expect(new URL(page.url()).pathname + new URL(page.url()).hash).toBe(target);
    expect(await page.locator('h1').textContent()).toMatch(/TLS/i);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('searches again as the reader types, moves through results with the arrow keys, and links to sections', async () => {
    const { page, problems } = await open(`${site.url}search/`);
    const field = page.getByRole('searchbox');
    await field.focus();
    await page.keyboard.type('sendfile');
    await page.waitForURL(/\?q=sendfile$/);
    const sections = page.locator('.search-results a.search-section');
    await sections.first().waitFor({ timeout: 15_000 });
    expect(await sections.first().getAttribute('href')).toMatch(/#[a-z0-9-]+$/);

    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const links = await page.locator('.search-results a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(links[1]);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await field.evaluate((el) => el === document.activeElement)).toBe(true);

    await field.fill('');
    // A word no page holds, whose first letter is none either: Pagefind also matches words the query starts with.
    await page.keyboard.type('þþþþ');
    await page.locator('.search-status', { hasText: 'No page matches' }).waitFor({ timeout: 15_000 });
    expect(await page.locator('.search-results li').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('finds a glossary term and a source title, each at its own anchor', async () => {
    const { page } = await open(`${site.url}search/?q=${encodeURIComponent('NUMA Siloing')}`);
    await page
      .locator(`.search-results a[href="${BASE_PATH}sources/#gallatin-eurobsdcon-2019-slides"]`)
      .waitFor({ timeout: 15_000 });
    await page.goto(`${site.url}search/?q=BBLog`);
    await page.locator(`.search-results a[href="${BASE_PATH}glossary/#bblog"]`).waitFor({ timeout: 15_000 });
    await page.close();
  });

  it('still offers every chapter and term without JavaScript', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}search/`);
    // JavaScript is really off: the <noscript> note is parsed and shown (with it on, it is inert text).
    expect(await page.locator('main noscript p').isVisible()).toBe(true);
    // The form is a plain GET form, and the page it leads to lists the whole guide.
    await page.getByRole('searchbox').fill('kernel TLS');
    await Promise.all([page.waitForURL(/\/search\/\?q=kernel\+TLS$/), page.keyboard.press('Enter')]);
    expect(await page.locator('.search-results li').count()).toBe(0);
    expect(await page.locator('.search-index a', { hasText: 'Kernel TLS' }).count()).toBeGreaterThan(0);
    expect(await page.locator('.search-index a[href$="/glossary/#ktls"]').count()).toBe(1);
    await context.close();
  });
});
