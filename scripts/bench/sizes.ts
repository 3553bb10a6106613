/**
 * Bytes a page costs a reader: its HTML, the CSS it links, the JavaScript it runs (inline scripts, module
 * scripts and the modules they import statically), raw and gzipped. The budget test (tests/site/budgets.test.ts)
 * and the benchmark (scripts/bench.ts) both measure with this module, so that their figures agree.
 *
 * Plain Node can run this file (type stripping), so it imports nothing but Node and cheerio.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import * as cheerio from 'cheerio';

export interface Bytes {
  raw: number;
  gzip: number;
}

export interface PageSizes {
  /** Site path without the base, e.g. "/workload/". */
  path: string;
  html: Bytes;
  /** CSS in the page's <style> elements: already part of `html`, shown apart for information. */
  inlineCss: Bytes;
  /** CSS files the page links for the screen (not its print stylesheet). */
  css: Bytes;
  js: Bytes;
  /** Script files the page loads (relative to the build folder), for messages. */
  scripts: string[];
}

/** gzip at zlib's default level (6), which is what common static hosts and CDNs use. */
export function gzipSize(data: string | Buffer): number {
  return zlib.gzipSync(data).length;
}

const bytes = (data: string | Buffer): Bytes => ({ raw: Buffer.byteLength(data), gzip: gzipSize(data) });
const add = (a: Bytes, b: Bytes): Bytes => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip });
const ZERO: Bytes = { raw: 0, gzip: 0 };

/** Every HTML file of a build, relative to it, sorted. */
export function htmlFiles(outDir: string): string[] {
  return (fs.readdirSync(outDir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.html'))
    .map((f) => f.split(path.sep).join('/'))
    .sort();
}

/** "workload/index.html" → "/workload/"; "404.html" → "/404.html". */
export function sitePathOf(relFile: string): string {
  return `/${relFile}`.replace(/index\.html$/, '');
}

/** The file of a build that a URL on `pagePath` refers to, or undefined for another origin or a data: URL. */
function localFile(outDir: string, base: string, pagePath: string, url: string): string | undefined {
  if (/^(data:|blob:)/.test(url)) return undefined;
  const resolved = new URL(url, `http://site.test${base}${pagePath.replace(/^\//, '')}`);
  if (resolved.origin !== 'http://site.test' || !resolved.pathname.startsWith(base)) return undefined;
  const file = path.join(outDir, decodeURIComponent(resolved.pathname.slice(base.length)));
  return fs.existsSync(file) && fs.statSync(file).isFile() ? file : undefined;
}

/** A module and the modules it imports statically ("./chunk.js"), each once. Dynamic import() is not followed. */
function moduleGraph(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const source = fs.readFileSync(entry, 'utf8');
  for (const [, spec] of source.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g)) {
    if (!spec || !/^\.{0,2}\//.test(spec)) continue;
    const target = path.resolve(path.dirname(entry), spec);
    if (fs.existsSync(target)) moduleGraph(target, seen);
  }
  return seen;
}

/** Sizes of one built page. `base` is the base path the build was made for ("/" or "/open-connect-guide/"). */
export function pageSizes(outDir: string, base: string, relFile: string): PageSizes {
  const sitePath = sitePathOf(relFile);
  const html = fs.readFileSync(path.join(outDir, relFile), 'utf8');
  const $ = cheerio.load(html);
  let css = ZERO;
  const cssFiles = new Set<string>();
  // A print stylesheet does not block rendering on screen, so it is no part of the first render.
  $('link[rel~="stylesheet"][href]:not([media="print"])').each((_, el) => {
    const file = localFile(outDir, base, sitePath, $(el).attr('href')!);
    if (file && !cssFiles.has(file)) {
      cssFiles.add(file);
      css = add(css, bytes(fs.readFileSync(file)));
    }
  });
  let js = ZERO;
  const jsFiles = new Set<string>();
  $('script').each((_, el) => {
    const $el = $(el);
    const type = ($el.attr('type') ?? '').toLowerCase();
    // JSON-LD and other data blocks are not JavaScript.
    if (type && !['module', 'text/javascript', 'application/javascript'].includes(type)) return;
    const src = $el.attr('src');
    if (!src) return void (js = add(js, bytes($el.text())));
    const file = localFile(outDir, base, sitePath, src);
    if (file) for (const f of moduleGraph(file)) jsFiles.add(f);
  });
  for (const f of jsFiles) js = add(js, bytes(fs.readFileSync(f)));
  const inlineCss = bytes(
    $('style')
      .map((_, el) => $(el).text())
      .get()
      .join('\n'),
  );
  return {
    path: sitePath,
    html: bytes(html),
    inlineCss,
    css,
    js,
    scripts: [...jsFiles].map((f) => path.relative(outDir, f)).sort(),
  };
}

/**
 * The bytes a reader gets in the first round trip of a new connection: an initial congestion window of 10
 * segments (RFC 6928) of about 1460 bytes is 14 600 bytes; 14 KB leaves room for the response headers.
 */
export const FIRST_ROUND_TRIP = 14 * 1024;

export interface FirstRoundTrip {
  /** The HTML that the first FIRST_ROUND_TRIP bytes of the gzip stream decompress to. */
  prefix: string;
  /**
   * Whether the prefix holds the whole <head> (and so every inlined stylesheet), the site header, and the
   * main content through its first section heading (the first </h2> of a chapter's prose; of <main> on other
   * pages; </main> on a page without one).
   */
  head: boolean;
  header: boolean;
  firstSection: boolean;
  /** Render-blocking stylesheets and classic scripts whose tags come after the prefix. */
  lateBlocking: string[];
}

/**
 * What the first round trip carries of a page served gzipped at level 6: the prefix of the HTML that the
 * first `budget` bytes of the gzip stream decompress to (zlib flushes as it goes, so a browser can render
 * that much before the second round trip), and whether it holds what the first screen needs.
 */
export function firstRoundTrip(html: string, budget = FIRST_ROUND_TRIP): FirstRoundTrip {
  const gz = zlib.gzipSync(html, { level: 6 });
  const prefix = zlib.gunzipSync(gz.subarray(0, budget), { finishFlush: zlib.constants.Z_SYNC_FLUSH }).toString('utf8');
  const main = prefix.indexOf('<main');
  // The text's first section heading: in a chapter's prose (the table of contents has a heading of its own).
  const prose = html.indexOf('class="prose"');
  const firstH2 = html.indexOf('</h2>', prose === -1 ? html.indexOf('<main') : prose);
  const sectionEnd = firstH2 === -1 ? html.indexOf('</main>') : firstH2;
  const rest = html.slice(prefix.length);
  const lateBlocking = [
    ...[...rest.matchAll(/<link\b[^>]*rel="?stylesheet"?[^>]*>/g)]
      .map((m) => m[0])
      .filter((tag) => !/media="?print/.test(tag)),
    ...[...rest.matchAll(/<script\b[^>]*>/g)]
      .map((m) => m[0])
      .filter((tag) => !/\b(async|defer)\b|type="?(module|application\/ld\+json)/.test(tag)),
  ];
  return {
    prefix,
    head: prefix.includes('</head>'),
    header: prefix.includes('</header>') && prefix.indexOf('</header>') < (main === -1 ? Infinity : main),
    firstSection: main !== -1 && sectionEnd !== -1 && prefix.length >= sectionEnd,
    lateBlocking,
  };
}

/** Sizes of every page of a build. */
export function siteSizes(outDir: string, base: string): PageSizes[] {
  return htmlFiles(outDir).map((f) => pageSizes(outDir, base, f));
}

/** Total bytes of every file under a folder. */
export function folderBytes(dir: string): number {
  let total = 0;
  for (const f of fs.readdirSync(dir, { recursive: true }) as string[]) {
    const full = path.join(dir, f);
    const stat = fs.statSync(full);
    if (stat.isFile()) total += stat.size;
  }
  return total;
}

/** 12345 → "12.1 KB" (KiB, one decimal), so tables stay narrow. */
export function kb(n: number): string {
  return `${(n / 1024).toFixed(1)} KB`;
}

/** A plain-text table with right-aligned numeric columns, as both the test run and the benchmark print it. */
export function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    `| ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? `${'-'.repeat(w + 1)}-` : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [line(cells[0]!), rule, ...cells.slice(1).map(line)].join('\n');
}
