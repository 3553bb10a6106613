import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BASE_PATH, SITE_BASE_DIR } from '../support/astro';
import {
  EXPLORABLE_JS_BUDGET,
  EXPLORABLE_PAGES,
  FIRST_RENDER_BUDGET,
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

/** The part of a page that the first `budget` bytes of its gzip stream (level 6, as served) decompress to. */
function firstRoundTrip(html: string, budget: number): Buffer {
  const stream = zlib.gzipSync(html, { level: 6 });
  return zlib.gunzipSync(stream.subarray(0, budget), { finishFlush: zlib.constants.Z_SYNC_FLUSH });
}

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
      `\nPage sizes (project-site build; gzip at level 6; CSS is inlined in the HTML; JS = inline script + files, shared module included)\n` +
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

  it.each(pages.map((p) => [p.path, p] as const))(
    `%s: the first ${FIRST_RENDER_BUDGET} bytes of gzip hold the head with its CSS, the header and the text through the first heading`,
    (_path, { html, $ }) => {
      const arrived = firstRoundTrip(html, FIRST_RENDER_BUDGET);
      const bytes = Buffer.from(html);
      const mainAt = bytes.indexOf('<main');
      const h2 = bytes.indexOf('</h2>', mainAt);
      const needed = {
        head: bytes.indexOf('</head>') + '</head>'.length,
        header: bytes.indexOf('</header>') + '</header>'.length,
        text: h2 >= 0 ? h2 + '</h2>'.length : bytes.indexOf('</main>') + '</main>'.length,
      };
      expect(Object.values(needed).every((n) => n > 10)).toBe(true);
      for (const [part, end] of Object.entries(needed))
        expect(arrived.length, `${part} ends at byte ${end} of the page`).toBeGreaterThanOrEqual(end);
      // Nothing that blocks rendering comes from another file: a linked stylesheet (other than for print) or a
      // classic script would need more round trips.
      expect($('link[rel~="stylesheet"]:not([media="print"])').length, 'render-blocking stylesheets').toBe(0);
      expect(
        $('script[src]:not([type="module"]):not([defer]):not([async])').length,
        'render-blocking script files',
      ).toBe(0);
    },
  );

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
