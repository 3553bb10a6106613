/**
 * Benchmark: `npm run bench` (add `-- --peers` for Astro Starlight side by side).
 *
 * Builds the real guide and synthetic guides of 100 and 500 pages made from its chapters, and prints for each
 * the build time, peak memory, output size and the bytes of an average page (HTML, CSS, JS; raw and gzip).
 * With --peers it builds the same content with Astro Starlight in the same run and prints the ratios. It
 * asserts nothing: time depends on the machine; the byte budgets are tests (tests/site/budgets.test.ts).
 *
 * Options: --peers, --sizes=100,500 (page counts of the synthetic guides), --keep (leave .tmp/bench/).
 *
 * Before the builds it times the fill-versus-pull explorable's redraw: the simulation and the chart's geometry
 * and words, as the browser runs them on every change of an input (the DOM updates are a few hundred
 * attributes on top).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { astroBuild, MEMORY_METHOD, ROOT, type BuildRun } from './bench/build.ts';
import { folderBytes, htmlFiles, kb, siteSizes, table, type Bytes, type PageSizes } from './bench/sizes.ts';
import { makeSyntheticContent } from './bench/synthetic.ts';
import { makeStarlightProject } from './bench/starlight.ts';
import { parse as parseYaml } from 'yaml';
import {
  INPUT_NAMES,
  PARAM_NAMES,
  PRESETS,
  RANGES,
  presetInputs,
  run,
  type FillInputs,
  type FillParams,
  type PresetName,
} from '../src/lib/models/fill.ts';
import { describeFill, fillGeometry, hourRows, resultRows } from '../src/lib/charts/fill-chart.ts';

const args = process.argv.slice(2);
// `npm run bench --peers` (without `--`) reaches the script as npm's config variable npm_config_peers.
const PEERS = args.includes('--peers') || process.env['npm_config_peers'] === 'true';
const KEEP = args.includes('--keep') || process.env['npm_config_keep'] === 'true';
const SIZES = (
  args.find((a) => a.startsWith('--sizes='))?.slice('--sizes='.length) ??
  process.env['npm_config_sizes'] ??
  '100,500'
)
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const WORK = path.join(ROOT, '.tmp/bench');
const CONTENT = path.join(ROOT, 'content');

interface Result {
  site: string;
  framework: 'ours' | 'Starlight';
  pages: number;
  run: BuildRun;
  output: number;
  /** Mean bytes per page, over every HTML page but the one-page edition (/all/) and the 404 page. */
  perPage: { html: Bytes; inlineCss: Bytes; css: Bytes; js: Bytes };
  /** The home page's first render (HTML + CSS, gzip): it should not grow with the guide. */
  home: number;
}

function mean(sizes: PageSizes[], pick: (s: PageSizes) => Bytes): Bytes {
  const n = Math.max(1, sizes.length);
  return { raw: sizes.reduce((t, s) => t + pick(s).raw, 0) / n, gzip: sizes.reduce((t, s) => t + pick(s).gzip, 0) / n };
}

function measure(site: string, framework: Result['framework'], outDir: string, run: BuildRun): Result {
  const all = siteSizes(outDir, '/');
  const pages = all.filter((s) => s.path !== '/all/' && !/\/404(\.html|\/)$/.test(s.path));
  const home = all.find((s) => s.path === '/');
  return {
    site,
    framework,
    pages: htmlFiles(outDir).length,
    run,
    output: folderBytes(outDir),
    perPage: {
      html: mean(pages, (s) => s.html),
      inlineCss: mean(pages, (s) => s.inlineCss),
      css: mean(pages, (s) => s.css),
      js: mean(pages, (s) => s.js),
    },
    home: home ? home.html.gzip + home.css.gzip : 0,
  };
}

const slug = (site: string) => site.replace(/\W+/g, '-');

function log(message: string) {
  process.stderr.write(`${message}\n`);
}

function buildOurs(site: string, contentDir: string): Result {
  const outDir = path.join(WORK, 'out', `ours-${slug(site)}`);
  const cache = path.join(WORK, 'cache', `ours-${slug(site)}`);
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.rmSync(cache, { recursive: true, force: true });
  log(`building ${site} with our site …`);
  const run = astroBuild(ROOT, outDir, {
    GUIDE_CONTENT_DIR: contentDir,
    GUIDE_CACHE_DIR: cache,
    BASE_PATH: '/',
    SITE_URL: 'https://example.github.io',
  });
  return measure(site, 'ours', outDir, run);
}

function buildStarlight(site: string, contentDir: string): Result {
  const project = path.join(WORK, `starlight-${slug(site)}`);
  const outDir = path.join(WORK, 'out', `starlight-${slug(site)}`);
  makeStarlightProject(contentDir, project, 'Open Connect & FreeBSD');
  fs.rmSync(outDir, { recursive: true, force: true });
  log(`building ${site} with Starlight …`);
  const run = astroBuild(project, outDir);
  return measure(site, 'Starlight', outDir, run);
}

function version(pkg: string): string {
  try {
    return (
      JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }
    ).version;
  } catch {
    return 'not installed';
  }
}

/**
 * Times of one redraw of the fill-versus-pull explorable, in ms: each input swept across its range in ten steps
 * with the others at the figure's starting point, and each preset, after a warm-up (the browser's JIT warms up
 * as the reader drags a slider). The numbers come from content/figures/fill-vs-pull.yaml; the build checks that
 * file, so here it is only read.
 */
function fillRedraw(): { first: number; times: number[]; cpu: number[]; slowest: string } {
  const entries = parseYaml(fs.readFileSync(path.join(CONTENT, 'figures', 'fill-vs-pull.yaml'), 'utf8')) as {
    set: string[];
    value: number;
  }[];
  const value = new Map(entries.flatMap((e) => e.set.map((name) => [name, e.value] as const)));
  const pick = <K extends string>(names: readonly K[]) =>
    Object.fromEntries(names.map((n) => [n, value.get(n)!])) as Record<K, number>;
  const params = pick(PARAM_NAMES) as FillParams;
  const defaults = pick(INPUT_NAMES) as FillInputs;
  // Wall time is what a reader waits; CPU time is the work itself, which a loaded machine does not inflate.
  const cpu: number[] = [];
  const redraw = (input: FillInputs) => {
    const start = performance.now();
    const used = process.cpuUsage();
    const r = run(input, params);
    fillGeometry(input, r);
    resultRows(r);
    hourRows(r);
    describeFill(input, r, '19:00–23:00');
    const { user, system } = process.cpuUsage(used);
    cpu.push((user + system) / 1000);
    return performance.now() - start;
  };
  const first = redraw(defaults);
  const cases: [string, FillInputs][] = [];
  for (const name of INPUT_NAMES)
    for (let k = 0; k <= 10; k++) {
      const { min, max, step } = RANGES[name];
      // Rounded to the step, then to 10 digits: 23 × 0.05 is 1.1500000000000001 in floating point.
      const v = Number((Math.round((min + ((max - min) * k) / 10) / step) * step).toPrecision(10));
      cases.push([`${name} = ${v}`, { ...defaults, [name]: v }]);
    }
  for (const name of Object.keys(PRESETS) as PresetName[])
    cases.push([`preset ${name}`, presetInputs(name, defaults, params)]);
  for (const [, input] of cases.slice(0, 20)) redraw(input);
  cpu.length = 0;
  const timed = cases.map(([label, input]) => [label, redraw(input)] as const);
  const slowest = timed.reduce((a, b) => (b[1] > a[1] ? b : a));
  return {
    first,
    times: timed.map(([, t]) => t).sort((a, b) => a - b),
    cpu: cpu.sort((a, b) => a - b),
    slowest: `${slowest[0]}, ${slowest[1].toFixed(1)} ms`,
  };
}

const redraw = fillRedraw();
const at = (times: number[], q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(1);
const redrawLine =
  `Fill-versus-pull redraw (simulation + chart geometry and words), ${redraw.times.length} inputs across every control's range: ` +
  `median ${at(redraw.times, 0.5)} ms (CPU ${at(redraw.cpu, 0.5)} ms), 95th percentile ${at(redraw.times, 0.95)} ms ` +
  `(CPU ${at(redraw.cpu, 0.95)} ms), slowest ${redraw.slowest}; first draw, which also lays out the catalogue, ` +
  `${redraw.first.toFixed(1)} ms; load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores.`;
log(redrawLine);

fs.rmSync(WORK, { recursive: true, force: true });
fs.mkdirSync(WORK, { recursive: true });
const results: Result[] = [];
const peerNotes: string[] = [];

const real = buildOurs('real', CONTENT);
results.push(real);
const sites: [string, string][] = [['real', CONTENT]];
for (const size of SIZES) {
  const dir = path.join(WORK, `content-${size}`);
  makeSyntheticContent(CONTENT, dir, Math.max(0, size - real.pages));
  sites.push([`${size} pages`, dir]);
  results.push(buildOurs(`${size} pages`, dir));
}
if (PEERS) {
  if (version('@astrojs/starlight') === 'not installed') {
    peerNotes.push('Starlight: @astrojs/starlight is not installed (npm install), so no peer figures.');
  } else {
    for (const [site, dir] of sites) {
      try {
        results.push(buildStarlight(site, dir));
      } catch (error) {
        peerNotes.push(
          `Starlight ${version('@astrojs/starlight')} could not build the ${site} site with Astro ${version('astro')}: ${(error as Error).message.split('\n').slice(0, 8).join('\n')}`,
        );
      }
    }
  }
}

const s = (n: number) => `${n.toFixed(1)} s`;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
const both = (b: Bytes) => `${kb(b.raw)} / ${kb(b.gzip)}`;
const machine = `${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${Math.round(os.totalmem() / 1024 ** 3)} GB, Node ${process.version}, ${os.platform()} ${os.release()}`;

console.log(`\nBenchmark, ${new Date().toISOString().slice(0, 10)}, on ${machine}`);
console.log(
  `Astro ${version('astro')}${PEERS ? `, Starlight ${version('@astrojs/starlight')}` : ''}; clean builds (fresh cache); memory: ${MEMORY_METHOD}.`,
);
console.log(
  'Per page: the mean over every page but /all/ and 404, raw / gzip (level 6). HTML includes inline <style> and <script>;',
);
console.log(
  'CSS is the stylesheets a page links; JS its scripts and the modules they import. First render = HTML + CSS, gzip.',
);
const inlined = results
  .filter((r) => r.perPage.inlineCss.raw > 0)
  .map((r) => `${r.framework} (${r.site}) ${kb(r.perPage.inlineCss.raw)}`);
if (inlined.length > 0) console.log(`Inline CSS per page, within HTML: ${inlined.join(', ')}.`);
console.log('');
console.log(
  table(
    [
      'site',
      'framework',
      'pages',
      'build',
      'peak memory',
      'output',
      'HTML / page',
      'CSS / page',
      'JS / page',
      'home first render (gz)',
    ],
    results.map((r) => [
      r.site,
      r.framework,
      r.pages,
      s(r.run.seconds),
      mb(r.run.peakRss),
      `${(r.output / 1024 / 1024).toFixed(1)} MB`,
      both(r.perPage.html),
      both(r.perPage.css),
      both(r.perPage.js),
      kb(r.home),
    ]),
  ),
);

const ours = results.filter((r) => r.framework === 'ours');
const first = ours[0]!;
const last = ours[ours.length - 1]!;
const firstRender = (r: Result) => r.perPage.html.gzip + r.perPage.css.gzip;
console.log(
  `\nGrowth from ${first.pages} to ${last.pages} pages (ours): mean first render (HTML + CSS, gzip) ${kb(firstRender(first))} → ${kb(firstRender(last))} ` +
    `(×${(firstRender(last) / firstRender(first)).toFixed(2)}); home page ${kb(first.home)} → ${kb(last.home)} (×${(last.home / Math.max(1, first.home)).toFixed(2)}).`,
);

const peers = results.filter((r) => r.framework === 'Starlight');
if (peers.length > 0) {
  const total = (r: Result) => r.perPage.html.gzip + r.perPage.css.gzip + r.perPage.js.gzip;
  console.log(
    '\nOurs over Starlight (below 1 means ours is smaller or faster), same content, same machine, same run:\n',
  );
  console.log(
    table(
      [
        'site',
        'build time',
        'peak memory',
        'output',
        'first render / page (gz)',
        'HTML + CSS + JS / page (gz)',
        'JS / page (gz)',
      ],
      peers.flatMap((p) => {
        const o = ours.find((r) => r.site === p.site);
        if (!o) return [];
        const ratio = (a: number, b: number) => (b === 0 ? (a === 0 ? '—' : '∞') : `×${(a / b).toFixed(2)}`);
        return [
          [
            p.site,
            ratio(o.run.seconds, p.run.seconds),
            ratio(o.run.peakRss, p.run.peakRss),
            ratio(o.output, p.output),
            ratio(firstRender(o), firstRender(p)),
            ratio(total(o), total(p)),
            `${kb(o.perPage.js.gzip)} vs ${kb(p.perPage.js.gzip)}`,
          ],
        ];
      }),
    ),
  );
}
for (const note of peerNotes) console.log(`\n${note}`);
console.log(`\n${redrawLine}`);
if (!KEEP) fs.rmSync(WORK, { recursive: true, force: true });
