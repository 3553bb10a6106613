import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASE_PATH, SITE_BASE_DIR } from '../support/astro';
import {
  EXPLORABLE_JS_BUDGET,
  EXPLORABLE_PAGES,
  INLINE_SCRIPT_BUDGET,
  JS_PAGES,
  ONE_PAGE_EDITION,
  SHARED_JS_BUDGET,
} from '../support/budgets';
import { builtPages } from '../support/pages';
import { gzipSize, kb, siteSizes, table } from '../../scripts/bench/sizes';

/** Script types that hold data, not code (JSON-LD). */
const isCode = (type: string | undefined) =>
  !type || ['module', 'text/javascript', 'application/javascript'].includes(type.toLowerCase());

// Bytes are deterministic, so budgets on them are tests. Measured on the project-site build, as published.
describe('size budgets of every page', () => {
  const sizes = siteSizes(SITE_BASE_DIR, BASE_PATH);
  const pages = builtPages(SITE_BASE_DIR).map((p) => {
    const scripts = p.$('script').filter((_, el) => isCode(p.$(el).attr('type')));
    return {
      ...p,
      files: scripts
        .filter((_, el) => p.$(el).attr('src') !== undefined)
        .map((_, el) => p.$(el).attr('src')!)
        .get(),
      inline: scripts
        .filter((_, el) => p.$(el).attr('src') === undefined)
        .map((_, el) => ({ text: p.$(el).text(), inHead: p.$(el).parents('head').length === 1 }))
        .get(),
    };
  });
  const home = pages.find((p) => p.path === '/')!;
  const shared = home.files[0]!;
  const sharedFile = path.join(SITE_BASE_DIR, shared.slice(BASE_PATH.length));

  it('prints every page’s sizes', () => {
    console.log(
      `\nPage sizes (project-site build; gzip at level 6; CSS is inlined in the HTML; JS = inline script + files, shared module included; the first round trip is tests/site/first-round-trip.test.ts)\n` +
        table(
          ['page', 'HTML', 'HTML gz', 'of it CSS', 'CSS gz', 'JS', 'JS gz'],
          sizes.map((s) => [
            s.path,
            kb(s.html.raw),
            kb(s.html.gzip),
            kb(s.inlineCss.raw),
            kb(s.inlineCss.gzip),
            kb(s.js.raw),
            kb(s.js.gzip),
          ]),
        ) +
        `\nShared module: ${path.basename(sharedFile)}, ${kb(fs.statSync(sharedFile).size)}, ${kb(gzipSize(fs.readFileSync(sharedFile)))} gzip`,
    );
    expect(sizes.length).toBeGreaterThan(10);
  });

  it(`loads one shared module on every page but the one-page edition: the same file, as a module in the head, within ${SHARED_JS_BUDGET} bytes gzip`, () => {
    for (const p of pages.filter((p) => p.path !== ONE_PAGE_EDITION)) {
      expect(p.files, p.path).toContain(shared);
      const tag = p.$(`script[src="${shared}"]`);
      expect(tag.attr('type'), `${p.path}: a module never blocks rendering`).toBe('module');
      expect(tag.parents('head').length, `${p.path}: in the head, fetched early`).toBe(1);
    }
    // One file: it imports nothing (a shared chunk would be a second request on every page).
    const source = fs.readFileSync(sharedFile, 'utf8');
    expect(source).not.toMatch(/(?:^|[;\s}])import\s*(?:[\w*{}\s,$]+from\s*)?["']/);
    expect(source).not.toMatch(/import\(/);
    expect(gzipSize(source)).toBeLessThanOrEqual(SHARED_JS_BUDGET);
  });

  it(`carries one inline script, in the head, the same on every page and within ${INLINE_SCRIPT_BUDGET} bytes`, () => {
    const texts = new Set<string>();
    for (const p of pages) {
      expect(p.inline, p.path).toHaveLength(1);
      expect(p.inline[0]!.inHead, p.path).toBe(true);
      texts.add(p.inline[0]!.text);
    }
    expect(texts.size).toBe(1);
    expect(Buffer.byteLength([...texts][0]!)).toBeLessThanOrEqual(INLINE_SCRIPT_BUDGET);
  });

  it('gives a prose page exactly the shared module and the inline script, and the one-page edition only the latter', () => {
    const extra = pages
      .filter((p) => !JS_PAGES.has(p.path))
      .filter((p) => p.files.join() !== (p.path === ONE_PAGE_EDITION ? '' : shared))
      .map((p) => `${p.path}: ${p.files.join(', ')}`);
    expect(extra).toEqual([]);
    const imported = sizes.filter((s) => !JS_PAGES.has(s.path) && s.scripts.length > 1).map((s) => s.path);
    expect(imported, 'pages whose scripts import more files').toEqual([]);
  });

  it(`keeps each explorable’s own JavaScript within ${EXPLORABLE_JS_BUDGET} bytes gzip`, () => {
    const sharedGzip = gzipSize(fs.readFileSync(sharedFile));
    const inlineGzip = gzipSize(home.inline[0]!.text);
    for (const s of sizes.filter((p) => EXPLORABLE_PAGES.includes(p.path))) {
      expect(s.scripts.length, `${s.path} has a script of its own`).toBeGreaterThan(1);
      expect(s.js.gzip - sharedGzip - inlineGzip, `${s.path}: ${s.scripts.join(', ')}`).toBeLessThanOrEqual(
        EXPLORABLE_JS_BUDGET,
      );
    }
  });
});
