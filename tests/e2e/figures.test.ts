import { describe, expect, it } from 'vitest';
import { browserTestsEnabled } from '../support/browser';
import { useSiteInBrowser, builtPagePaths } from '../support/site-in-browser';
import { SITE_BASE_DIR } from '../support/astro';
import { builtPages } from '../support/pages';

/** Pages of the build that show a figure (not the one-page edition, which is for print). */
const FIGURE_PAGES = builtPages(SITE_BASE_DIR)
  .filter((p) => p.$('main figure.fig svg').length > 0 && p.path !== '/all/')
  .map((p) => p.path);

/** The smallest chart text a reader must be able to read, in CSS pixels. */
const MIN_TEXT_PX = 12;

describe.runIf(browserTestsEnabled('figures on a phone'))('every chart on a 375 px wide phone', () => {
  const site = useSiteInBrowser({ viewport: { width: 375, height: 740 }, isMobile: true, deviceScaleFactor: 2 });

  it('is shown on the pages that have figures', () => {
    expect(FIGURE_PAGES.length).toBeGreaterThanOrEqual(5);
    expect(builtPagePaths()).toEqual(expect.arrayContaining(FIGURE_PAGES));
  });

  it.each(FIGURE_PAGES)('%s: each chart fits the screen, and no chart text is smaller than 12 px', async (path) => {
    const page = await site.context.newPage();
    await page.goto(site.url + path.slice(1));
    const problems = await page.evaluate((min) => {
      const width = document.documentElement.clientWidth;
      const out: string[] = [];
      for (const svg of document.querySelectorAll<SVGSVGElement>('main figure.fig svg[role=img]')) {
        if (svg.getClientRects().length === 0) continue; // not rendered (e.g. the other layout of a chart)
        const name = svg.closest('figure')?.id ?? '?';
        const box = svg.getBoundingClientRect();
        if (box.left < -0.5 || box.right > width + 0.5)
          out.push(`${name}: chart spans ${Math.round(box.left)}–${Math.round(box.right)} px of ${width}`);
        const scale = svg.getScreenCTM()?.a ?? 1;
        for (const text of svg.querySelectorAll<SVGTextElement>('text')) {
          if (!text.textContent?.trim()) continue;
          const px = parseFloat(getComputedStyle(text).fontSize) * scale;
          const r = text.getBoundingClientRect();
          if (px < min - 0.05) out.push(`${name}: "${text.textContent.trim()}" is ${px.toFixed(1)} px`);
          if (r.left < -0.5 || r.right > width + 0.5)
            out.push(
              `${name}: "${text.textContent.trim()}" is cut off (${Math.round(r.left)}–${Math.round(r.right)} px)`,
            );
        }
      }
      return out;
    }, MIN_TEXT_PX);
    expect(problems.slice(0, 12), problems.join('\n')).toEqual([]);
    await page.close();
  });
});
