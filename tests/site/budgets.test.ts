import { describe, expect, it } from 'vitest';
import { BASE_PATH, SITE_BASE_DIR } from '../support/astro';
import { EXPLORABLE_JS_BUDGET, EXPLORABLE_PAGES, JS_PAGES } from '../support/budgets';
import { kb, siteSizes, table } from '../../scripts/bench/sizes';

// Bytes are deterministic, so budgets on them are tests. Measured on the project-site build, as published.
describe('size budgets of every page', () => {
  const sizes = siteSizes(SITE_BASE_DIR, BASE_PATH);

  it('prints every page’s sizes', () => {
    const total = (s: (typeof sizes)[number]) => s.html.gzip + s.css.gzip;
    console.log(
      `\nPage sizes (project-site build; gzip at level 6; HTML + linked CSS, gzip; the first round trip is tests/site/first-round-trip.test.ts)\n` +
        table(
          ['page', 'HTML', 'HTML gz', 'CSS', 'CSS gz', 'JS', 'JS gz', 'HTML + CSS gz'],
          sizes.map((s) => [
            s.path,
            kb(s.html.raw),
            kb(s.html.gzip),
            kb(s.css.raw),
            kb(s.css.gzip),
            kb(s.js.raw),
            kb(s.js.gzip),
            kb(total(s)),
          ]),
        ),
    );
    expect(sizes.length).toBeGreaterThan(10);
  });

  it('ships zero JavaScript on every page but the explorables and search', () => {
    const withJs = sizes
      .filter((s) => !JS_PAGES.has(s.path) && s.js.raw > 0)
      .map((s) => `${s.path}: ${s.js.raw} bytes ${s.scripts.join(', ')}`);
    expect(withJs).toEqual([]);
  });

  it(`keeps each explorable’s JavaScript within ${EXPLORABLE_JS_BUDGET} bytes gzip`, () => {
    for (const s of sizes.filter((p) => EXPLORABLE_PAGES.includes(p.path))) {
      expect(s.js.gzip, `${s.path}: ${s.scripts.join(', ')}`).toBeLessThanOrEqual(EXPLORABLE_JS_BUDGET);
    }
  });
});
