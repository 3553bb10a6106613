import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { browserTestsEnabled, launchBrowser } from '../support/browser';
import { serveStatic, type StaticServer } from '../support/server';
import { BASE_PATH, SITE_BASE_DIR } from '../support/astro';

describe.runIf(browserTestsEnabled('smoke'))('the built site in Chromium, under a project-site base path', () => {
  let browser: Browser;
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveStatic(SITE_BASE_DIR, BASE_PATH);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the chapter list beside the text on a wide screen', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(server.url);
    expect(await page.locator('.chapter-nav a', { hasText: 'Open Connect' }).first().isVisible()).toBe(true);
    expect(await page.locator('.chapter-nav summary').isVisible()).toBe(false);
    await page.close();
  });

  it('keeps the chapter list behind a disclosure on a small screen, and follows it', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
    await page.goto(server.url);
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.locator('.chapter-nav a').first().isVisible()).toBe(false);
    await page.locator('summary', { hasText: 'Chapters' }).click();
    await page.locator('.chapter-nav a', { hasText: 'Open Connect' }).first().click();
    expect(page.url()).toBe(`${server.url}open-connect/`);
    await page.close();
  });
});
