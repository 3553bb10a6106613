import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserTestsEnabled } from '../support/browser';
import { useSiteInBrowser } from '../support/site-in-browser';

const FIG = '#fill-vs-pull';
const OUTPUT = `${FIG} oc-fill-vs-pull output`;

/** Sets a slider as a user would leave it, and fires the `input` event the element listens to. */
async function setValue(page: Page, name: string, value: string): Promise<void> {
  await page.locator(`${FIG} input[name=${name}]`).evaluate((el, v) => {
    (el as HTMLInputElement).value = v;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, value);
}

/** The smallest text on the figure as drawn, in CSS pixels: SVG text scaled by its viewBox, and HTML text. */
function smallestText(page: Page): Promise<{ px: number; what: string }> {
  return page.locator(FIG).evaluate((fig) => {
    let smallest = { px: Infinity, what: '' };
    for (const el of fig.querySelectorAll<HTMLElement | SVGTextElement>(
      'text, li, td, th, output, label, legend, button, figcaption, caption, summary',
    )) {
      if (!el.textContent?.trim() || el.getClientRects().length === 0) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      const px = el instanceof SVGTextElement ? size * el.getScreenCTM()!.a : size;
      if (px < smallest.px) smallest = { px, what: `${el.tagName} "${el.textContent.trim().slice(0, 30)}"` };
    }
    return smallest;
  });
}

describe.runIf(browserTestsEnabled('fill versus pull'))('the fill-versus-pull explorable in Chromium', () => {
  const site = useSiteInBrowser();

  async function open(
    options: {
      javaScriptEnabled?: boolean;
      width?: number;
      forcedColors?: 'active' | 'none';
      reducedMotion?: 'reduce' | 'no-preference';
    } = {},
  ): Promise<Page> {
    const { width = 1280, ...rest } = options;
    const context = await site.browser.newContext({ viewport: { width, height: 900 }, ...rest });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${site.url}fill/`);
    (page as Page & { errors: string[] }).errors = errors;
    return page;
  }
  const errorsOf = (page: Page) => (page as Page & { errors: string[] }).errors;

  it('is complete without JavaScript: three charts, their results and words, no controls that do nothing', async () => {
    const page = await open({ javaScriptEnabled: false });
    expect(await page.locator(`${FIG} svg[role=img]`).count()).toBe(3);
    for (const svg of await page.locator(`${FIG} svg[role=img]`).all()) {
      const labelled = (await svg.getAttribute('aria-labelledby'))!.split(' ');
      for (const id of labelled) expect(await page.locator(`[id="${id}"]`).count()).toBe(1);
    }
    expect(await page.locator(OUTPUT).textContent()).toMatch(/^Proactive fill serves \d+% of the demand/);
    expect(await page.locator(`${FIG} form`).isVisible()).toBe(false);
    // Each chart has its results table; the data tables hold the day hour by hour and every number's source.
    expect(await page.locator(`${FIG} table.fill-results`).count()).toBe(3);
    expect(await page.locator(`${FIG} .fill-hours tbody tr`).count()).toBe(24);
    expect(await page.locator(`${FIG} .fig-data table`).count()).toBe(1);
    // Every number of the model and every published figure it is set beside, each with its source.
    expect(await page.locator(`${FIG} .fig-data .fill-list li`).count()).toBeGreaterThan(25);
    expect(await page.locator(`${FIG} .fig-data .fill-list li a[href*="/sources/#"]`).count()).toBeGreaterThan(20);
    expect(await page.locator(`${FIG} .fill-case`).count()).toBe(2);
    await page.context().close();
  });

  it('has its controls from the build, hidden until the script binds to them, with ids of their own', async () => {
    const page = await open({ javaScriptEnabled: false });
    const form = await page.locator(`${FIG} form`).evaluate((f: HTMLFormElement) => ({
      hidden: f.hidden,
      legends: [...f.querySelectorAll('legend')].map((l) => l.textContent!.trim()),
      sliders: [...f.querySelectorAll<HTMLInputElement>('input[type=range]')].map((i) => i.name),
      labelled: [...f.querySelectorAll<HTMLInputElement>('input[type=range]')].every(
        (i) => document.querySelectorAll(`label[for="${i.id}"]`).length === 1,
      ),
      buttons: [...f.querySelectorAll('button')].map((b) => b.textContent!.trim()),
    }));
    expect(form.hidden).toBe(true);
    expect(form.legends).toEqual([
      'The site',
      'The catalogue (illustrative)',
      'The day (illustrative)',
      'The fill window',
      'Start from a case',
    ]);
    expect(form.sliders).toEqual([
      'storageTB',
      'peakDemandGbps',
      'catalogueTB',
      'skew',
      'forecastPct',
      'peakToTrough',
      'fillStartHour',
      'fillHours',
      'fillRateGbps',
    ]);
    expect(form.labelled).toBe(true);
    expect(form.buttons).toHaveLength(6);
    const ids = await page.evaluate(() => [...document.querySelectorAll('[id]')].map((e) => e.id));
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    await page.context().close();
  });

  it('re-runs the simulation on every change: chart, results, words, data table and presets follow', async () => {
    const page = await open();
    await page.locator(`${FIG} form:not([hidden])`).waitFor();
    const state = () =>
      page.locator(FIG).evaluate((fig) => ({
        output: fig.querySelector('oc-fill-vs-pull output')!.textContent,
        line: fig.querySelector('oc-fill-vs-pull [data-l=fill]')!.getAttribute('d'),
        hit: fig.querySelector('oc-fill-vs-pull [data-r="0f"]')!.textContent,
        hour: fig.querySelector('.fill-hours [data-h="20f"]')!.textContent,
        pressed: [...fig.querySelectorAll('button[aria-pressed=true]')].map((b) => b.textContent!.trim()),
      }));
    const before = await state();
    expect(before.pressed).toEqual(['One Storage appliance']);
    // The build's drawing and the browser's redraw of the same inputs agree.
    await setValue(page, 'storageTB', '248');
    expect(await state()).toEqual(before);

    await setValue(page, 'storageTB', '1000');
    const more = await state();
    expect(more.output).toContain('from the site’s 1,000 TB');
    expect(more.line).not.toBe(before.line);
    expect(Number.parseInt(more.hit!)).toBeGreaterThan(Number.parseInt(before.hit!));
    expect(more.hour).not.toBe(before.hour);
    expect(more.pressed).toEqual([]);

    await page.getByRole('button', { name: 'A forecast no better than chance' }).click();
    const chance = await state();
    expect(chance.pressed).toEqual(['A forecast no better than chance']);
    expect(await page.locator(`${FIG} input[name=forecastPct]`).inputValue()).toBe('0');
    expect(await page.locator(`${FIG} input[name=storageTB]`).inputValue()).toBe('248');
    expect(chance.output).toMatch(/Proactive fill serves \d% of the demand/);

    await page.getByRole('button', { name: 'Fill window opening at the evening peak' }).click();
    expect(await page.locator(`${FIG} oc-fill-vs-pull [data-t=window]`).textContent()).toBe('19:00–07:00');
    expect(await page.locator(`${FIG} label`, { hasText: 'Fill window opens at' }).textContent()).toContain('19:00');
    expect(errorsOf(page)).toEqual([]);
    await page.context().close();
  });

  it('works by keyboard, and says a time of day for the window', async () => {
    const page = await open();
    await page.locator(`${FIG} form:not([hidden])`).waitFor();
    const storage = page.locator(`${FIG} input[name=storageTB]`);
    await storage.focus();
    await page.keyboard.press('ArrowRight');
    expect(await storage.getAttribute('aria-valuetext')).toBe('250 TB');
    expect(await page.locator(OUTPUT).textContent()).toContain('from the site’s 250 TB');
    const start = page.locator(`${FIG} input[name=fillStartHour]`);
    await start.focus();
    await page.keyboard.press('ArrowRight');
    expect(await start.getAttribute('aria-valuetext')).toBe('03:00');
    await page.getByRole('button', { name: 'One Storage appliance' }).focus();
    await page.keyboard.press('Enter');
    expect(await start.getAttribute('aria-valuetext')).toBe('02:00');
    await page.context().close();
  });

  it('is readable on a 375 px phone: nothing wider than the screen, no text under 12 px', async () => {
    const page = await open({ width: 375 });
    await page.locator(`${FIG} form:not([hidden])`).waitFor();
    const width = await page.evaluate(() => document.documentElement.clientWidth);
    for (const svg of await page.locator(`${FIG} svg`).all()) {
      const box = (await svg.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(width);
    }
    const tables = await page
      .locator(`${FIG} table.fill-results`)
      .evaluateAll((ts) => ts.map((t) => t.scrollWidth <= t.clientWidth + 1));
    expect(tables).toEqual([true, true, true]);
    const smallest = await smallestText(page);
    expect(smallest.px, smallest.what).toBeGreaterThanOrEqual(12);
    await page.context().close();
  });

  it('in forced colours, shows which preset is pressed and keeps the key’s swatches matching the chart', async () => {
    const page = await open({ forcedColors: 'active' });
    await page.locator(`${FIG} form:not([hidden])`).waitFor();
    const look = () =>
      page.locator(`${FIG} .fill-presets`).evaluate((set) =>
        [...set.querySelectorAll('button')].map((b) => {
          const style = getComputedStyle(b);
          return { pressed: b.getAttribute('aria-pressed'), look: `${style.backgroundColor} ${style.color}` };
        }),
      );
    const pressedStandsOut = async () => {
      const buttons = await look();
      const pressed = buttons.filter((b) => b.pressed === 'true');
      expect(pressed).toHaveLength(1);
      for (const other of buttons.filter((b) => b.pressed === 'false'))
        expect(other.look, 'an unpressed preset looks like the pressed one').not.toBe(pressed[0]!.look);
    };
    await pressedStandsOut();
    await page.getByRole('button', { name: 'Three appliances clustered' }).click();
    await pressedStandsOut();
    // Each shaded band of the chart and its swatch in the key have one colour, and it is not the page's background.
    const swatches = await page.locator(FIG).evaluate((fig) => {
      const chart = fig.querySelector('oc-fill-vs-pull svg')!;
      return ['fw', 'pk'].map((c) => ({
        band: getComputedStyle(chart.querySelector(`path.${c}`)!).fill,
        swatch: getComputedStyle(fig.querySelector(`oc-fill-vs-pull .fill-key .${c}`)!).backgroundColor,
      }));
    });
    for (const { band, swatch } of swatches) {
      expect(swatch).toBe(band);
      expect(swatch).not.toBe('rgba(0, 0, 0, 0)');
    }
    await page.context().close();
  });

  it('moves nothing when the reader asks for reduced motion: no transition or animation in the figure', async () => {
    const page = await open({ reducedMotion: 'reduce' });
    await page.locator(`${FIG} form:not([hidden])`).waitFor();
    await setValue(page, 'storageTB', '1000');
    const moving = await page.locator(FIG).evaluate((fig) =>
      [fig, ...fig.querySelectorAll('*')]
        .map((el) => ({ el, style: getComputedStyle(el) }))
        .filter(
          ({ style }) =>
            style.transitionDuration.split(',').some((d) => parseFloat(d) > 0) || style.animationName !== 'none',
        )
        .map(({ el }) => `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''}`),
    );
    expect(moving).toEqual([]);
    expect(await page.locator(OUTPUT).textContent()).toContain('from the site’s 1,000 TB');
    await page.context().close();
  });
});
