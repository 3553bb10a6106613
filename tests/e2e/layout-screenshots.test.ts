import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserTestsEnabled } from '../support/browser';
import { useSiteInBrowser } from '../support/site-in-browser';
import { ROOT } from '../support/astro';

/** Where the screenshots go, for people to review; the folder is ignored by git. */
const OUT = path.join(ROOT, 'screenshots');

const DEVICES = [
  { name: 'phone', viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true },
  { name: 'tablet', viewport: { width: 768, height: 1024 }, isMobile: false, hasTouch: false },
  { name: 'desktop', viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false },
  { name: 'wide', viewport: { width: 1920, height: 1080 }, isMobile: false, hasTouch: false },
] as const;

/** Scrolls the page so that the element is in the middle of the window. */
const scrollTo = (selector: string) => (page: Page) =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => el.scrollIntoView({ block: 'center' }));

/** What each screenshot shows: a page, and what the reader has opened on it. */
const SHOTS: { name: string; path: string; devices?: string[]; act?: (page: Page) => Promise<unknown> }[] = [
  { name: 'home', path: '' },
  { name: 'chapter', path: 'kernel-features/kernel-tls/' },
  {
    name: 'code',
    path: 'kernel-features/tcp-algorithms/',
    act: scrollTo('pre'),
  },
  {
    name: 'table',
    path: 'open-connect/',
    devices: ['phone'],
    act: scrollTo('.prose > table'),
  },
  {
    name: 'chapters-open',
    path: 'kernel-features/kernel-tls/',
    devices: ['phone'],
    act: (p) => p.locator('.chapter-nav summary').tap(),
  },
  {
    name: 'contents-open',
    path: 'kernel-features/kernel-tls/',
    devices: ['phone', 'tablet'],
    act: (p) => p.locator('.toc summary').click(),
  },
  {
    name: 'tooltip',
    path: 'kernel-features/kernel-tls/',
    act: async (p) => {
      const term = p.locator('#main .term > a').nth(2);
      await term.scrollIntoViewIfNeeded();
      await term.focus();
    },
  },
];

describe.runIf(browserTestsEnabled('layout screenshots'))(
  `screenshots of the layouts for review, phone to wide, light and dark, in ${path.relative(ROOT, OUT)}/`,
  () => {
    const site = useSiteInBrowser();

    it.each(DEVICES)('$name ($viewport.width × $viewport.height)', async ({ name: device, ...options }) => {
      fs.mkdirSync(OUT, { recursive: true });
      for (const scheme of ['light', 'dark'] as const) {
        const context = await site.browser.newContext({ ...options, colorScheme: scheme, deviceScaleFactor: 1 });
        const page = await context.newPage();
        for (const shot of SHOTS.filter((s) => !s.devices || s.devices.includes(device))) {
          await page.goto(site.url + shot.path);
          await shot.act?.(page);
          const file = path.join(OUT, `layout-${shot.name}-${device}-${scheme}.png`);
          await page.screenshot({ path: file });
          expect(fs.statSync(file).size, file).toBeGreaterThan(5_000);
        }
        await context.close();
      }
    });
  },
);
