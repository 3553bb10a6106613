/**
 * Benchmark: `npm run bench` (add `-- --peers` for Astro Starlight side by side).
 *
 * Builds the real guide and synthetic guides of 100 and 500 pages made from its chapters (each from a copy of
 * its content under .tmp/bench/), and prints for each the build time, CPU time, peak memory, output size and
 * the bytes of an average page (HTML, CSS, JS; raw and gzip); where the time of each build went (content
 * loading, Markdown and bundling, pages, cards, Pagefind); a rebuild with one chapter's text changed, with the
 * caches of the clean build kept, and its ratio to the clean build; and `npm run dev`: the time from saving a
 * chapter to the page showing the change. With --peers it builds the same content with Astro Starlight in the
 * same run and prints the ratios. It asserts nothing: time depends on the machine; the byte budgets are tests
 * (tests/site/budgets.test.ts).
 *
 * Options: --peers, --sizes=100,500 (page counts of the synthetic guides), --no-rebuild, --no-dev, --keep
 * (leave .tmp/bench/).
 *
 * Before the builds it times the fill-versus-pull explorable's redraw: the simulation and the chart's geometry
 * and words, as the browser runs them on every change of an input (the DOM updates are a few hundred
 * attributes on top).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { astroBuild, MEMORY_METHOD, ROOT, type BuildRun } from './bench/build.ts';
import { rerenderTimes, startDevServer } from './bench/dev.ts';
import { parsePhases, type Phases } from './bench/phases.ts';
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
const REBUILD = !args.includes('--no-rebuild');
const DEV = !args.includes('--no-dev');
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
  phases: Phases;
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
    phases: parsePhases(run.output),
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

/** Where a site's build puts its output and keeps its caches (Astro's, the MDX cache, the card cache). */
const oursDirs = (site: string) => ({
  outDir: path.join(WORK, 'out', `ours-${slug(site)}`),
  cache: path.join(WORK, 'cache', `ours-${slug(site)}`),
  cards: path.join(WORK, 'cache', `cards-${slug(site)}`),
});

const oursEnv = (site: string, contentDir: string) => ({
  GUIDE_CONTENT_DIR: contentDir,
  GUIDE_CACHE_DIR: oursDirs(site).cache,
  GUIDE_CARD_CACHE: oursDirs(site).cards,
  BASE_PATH: '/',
  SITE_URL: 'https://example.github.io',
});

/** A clean build: no output, no cache of any kind (so the cards are drawn and every MDX file compiled). */
function buildOurs(site: string, contentDir: string): Result {
  const { outDir, cache, cards } = oursDirs(site);
  for (const dir of [outDir, cache, cards]) fs.rmSync(dir, { recursive: true, force: true });
  log(`building ${site} with our site …`);
  return measure(site, 'ours', outDir, astroBuild(ROOT, outDir, oursEnv(site, contentDir)));
}

/** The chapter whose text the rebuild and the dev server change: a top-level chapter that every guide has. */
const EDITED = { file: 'chapters/timeline.mdx', path: '/timeline/' };

function appendParagraph(file: string, text: string) {
  fs.writeFileSync(file, `${fs.readFileSync(file, 'utf8').trimEnd()}\n\n${text}\n`);
}

/** The same build again after one chapter's text changed, with the clean build's output and caches kept. */
function rebuildOurs(site: string, contentDir: string): BuildRun {
  const file = path.join(contentDir, EDITED.file);
  const original = fs.readFileSync(file, 'utf8');
  appendParagraph(file, 'A sentence added by the benchmark, to time a rebuild.');
  log(`rebuilding ${site} with one chapter changed …`);
  try {
    return astroBuild(ROOT, oursDirs(site).outDir, oursEnv(site, contentDir));
  } finally {
    fs.writeFileSync(file, original);
  }
}

interface DevRun {
  first: number;
  saves: number[];
}

/** `npm run dev` on the site: the first render of a chapter, then three saves of it, each until it shows. */
async function devOurs(site: string, contentDir: string): Promise<DevRun> {
  log(`timing npm run dev on ${site} …`);
  const server = await startDevServer({ ...oursEnv(site, contentDir), GUIDE_CACHE_DIR: `${oursDirs(site).cache}-dev` });
  try {
    return await rerenderTimes(server, path.join(contentDir, EDITED.file), EDITED.path);
  } finally {
    await server.stop();
  }
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

const rebuilds = new Map<string, BuildRun>();
const devRuns = new Map<string, DevRun | string>();
// Each site builds from a copy of its content, so that the rebuild and the dev server can change a chapter.
const realDir = path.join(WORK, 'content-real');
makeSyntheticContent(CONTENT, realDir, 0);
const real = buildOurs('real', realDir);
results.push(real);
const sites: [string, string][] = [['real', realDir]];
for (const size of SIZES) {
  const dir = path.join(WORK, `content-${size}`);
  makeSyntheticContent(CONTENT, dir, Math.max(0, size - real.pages));
  sites.push([`${size} pages`, dir]);
  results.push(buildOurs(`${size} pages`, dir));
}
for (const [site, dir] of sites) {
  if (REBUILD) rebuilds.set(site, rebuildOurs(site, dir));
  if (DEV) {
    try {
      devRuns.set(site, await devOurs(site, dir));
    } catch (error) {
      devRuns.set(site, (error as Error).message.split('\n')[0]!);
    }
  }
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
      'CPU',
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
      s(r.run.cpu),
      mb(r.run.peakRss),
      `${(r.output / 1024 / 1024).toFixed(1)} MB`,
      both(r.perPage.html),
      both(r.perPage.css),
      both(r.perPage.js),
      kb(r.home),
    ]),
  ),
);

const opt = (n: number | undefined) => (n === undefined ? '—' : s(n));
console.log(
  "\nWhere the time goes (each build's own log: content = content sync and types; markdown = Vite bundling, which compiles the MDX;",
);
console.log(
  'pages = rendering every route; cards = drawing the social cards, on worker threads while the pages render; Pagefind = the search index):\n',
);
console.log(
  table(
    ['site', 'framework', 'content', 'markdown', 'pages', 'cards', 'Pagefind', 'total', 'CPU'],
    results.map((r) => [
      r.site,
      r.framework,
      opt(r.phases.content),
      opt(r.phases.markdown),
      opt(r.phases.pages),
      opt(r.phases.cards),
      opt(r.phases.pagefind),
      s(r.run.seconds),
      s(r.run.cpu),
    ]),
  ),
);

const ours = results.filter((r) => r.framework === 'ours');
if (rebuilds.size > 0 || devRuns.size > 0) {
  console.log(
    `\nRebuild: ${EDITED.file} with a sentence added, built again with the clean build's output and caches kept.`,
  );
  console.log(
    `Dev: npm run dev, the first render of ${EDITED.path}, then three saves of its file, each timed until a fetch shows the change.\n`,
  );
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(
    table(
      [
        'site',
        'clean build',
        'rebuild',
        'rebuild / clean',
        'rebuild CPU / clean CPU',
        'dev: first render',
        'dev: saved → shown',
      ],
      ours.map((o) => {
        const re = rebuilds.get(o.site);
        const dev = devRuns.get(o.site);
        return [
          o.site,
          s(o.run.seconds),
          re ? s(re.seconds) : '—',
          re ? `×${(re.seconds / o.run.seconds).toFixed(2)}` : '—',
          re ? `×${(re.cpu / o.run.cpu).toFixed(2)}` : '—',
          dev === undefined ? '—' : typeof dev === 'string' ? 'failed' : s(dev.first),
          dev === undefined
            ? '—'
            : typeof dev === 'string'
              ? dev
              : `${s(median(dev.saves))} (max ${s(Math.max(...dev.saves))})`,
        ];
      }),
    ),
  );
}
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
        'CPU time',
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
            ratio(o.run.cpu, p.run.cpu),
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
