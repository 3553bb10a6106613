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
/** A phone (the width of an iPhone's CSS viewport, as a phone renders it) and a laptop. */
const DEVICES = [
  { name: 'mobile', width: 375, height: 812, isMobile: true, hasTouch: true },
  { name: 'desktop', width: 1280, height: 800, isMobile: false, hasTouch: false },
];

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(file: string): [number, number] {
  const png = fs.readFileSync(file);
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

describe.runIf(browserTestsEnabled('screenshots'))(`screenshots for review, in ${path.relative(ROOT, OUT)}/`, () => {
  const site = useSiteInBrowser();

  it.each(DEVICES)('$name ($width px wide), light and dark', async ({ name: device, width, height, ...kind }) => {
    const context = await site.browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1, ...kind });
    const page = await context.newPage();
    for (const shot of SHOTS) {
      await page.goto(site.url + shot.path);
      const colours = new Set<string>();
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        colours.add(
          await page.evaluate(() =>
            [document.documentElement, document.body].map((el) => getComputedStyle(el).backgroundColor).join(' '),
          ),
        );
        const file = path.join(OUT, `${shot.name}-${device}-${scheme}.png`);
        await page.screenshot({ path: file, fullPage: true });
        // As wide as the device, and at least a screen tall (the whole page).
        const [w, h] = pngSize(file);
        expect(w, file).toBe(width);
        expect(h, file).toBeGreaterThanOrEqual(height);
      }
      expect(colours.size, `${shot.name}: the light and dark backgrounds differ`).toBe(2);
    }
    await context.close();
  });
});
