import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserTestsEnabled } from '../support/browser';
import { useSiteInBrowser } from '../support/site-in-browser';
import { ROOT } from '../support/astro';

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
  const site = useSiteInBrowser();

  it.each(WIDTHS)('$name ($width px), light and dark', async ({ name: device, width, height }) => {
    const context = await site.browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
    const page = await site.context.newPage();
    for (const shot of SHOTS) {
      await page.goto(site.url + shot.path);
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
