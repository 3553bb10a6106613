import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { browserTestsEnabled, launchBrowser } from '../support/browser';
import { serveStatic, type StaticServer } from '../support/server';
import { BASE_PATH, ROOT, SITE_BASE_DIR } from '../support/astro';

/** Where the screenshots go, for people to review; the folder is ignored by git. */
const OUT = path.join(ROOT, 'screenshots');
const SHOTS = [
  { name: 'home', path: '' },
  { name: 'workload', path: 'workload/' },
];
const WIDTHS = [
  { name: 'mobile', width: 375, height: 812 },
  { name: 'desktop', width: 1280, height: 800 },
];

describe.runIf(browserTestsEnabled('screenshots'))(`screenshots for review, in ${path.relative(ROOT, OUT)}/`, () => {
  let browser: Browser;
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveStatic(SITE_BASE_DIR, BASE_PATH);
    browser = await launchBrowser();
    fs.mkdirSync(OUT, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each(WIDTHS)('$name ($width px), light and dark', async ({ name: device, width, height }) => {
    const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    for (const shot of SHOTS) {
      await page.goto(server.url + shot.path);
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        const file = path.join(OUT, `${shot.name}-${device}-${scheme}.png`);
        await page.screenshot({ path: file, fullPage: true });
        expect(fs.statSync(file).size).toBeGreaterThan(5_000);
      }
    }
    await context.close();
  });
});
