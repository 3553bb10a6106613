import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve('.');
/** The real site, built under "/" and under a GitHub Pages project-site base path. */
export const BASE_PATH = '/open-connect-guide/';
/** The origin the test builds are made for, as a GitHub Pages project site. */
export const TEST_SITE_URL = 'https://example.github.io';
/**
 * Where the test builds go: .tmp/, or GUIDE_TEST_TMP (e.g. .tmp/mine) so that a test run is not disturbed by
 * another run in the same folder rebuilding the shared site under it.
 */
export const TEST_TMP = path.resolve(ROOT, process.env['GUIDE_TEST_TMP'] ?? '.tmp');
export const SITE_ROOT_DIR = path.join(TEST_TMP, 'site-root');
export const SITE_BASE_DIR = path.join(TEST_TMP, 'site-base');

export interface BuildOptions {
  outDir: string;
  base?: string;
  /** Content folder; the real ./content when left out. */
  contentDir?: string;
  /** Environment variables to set (a string) or to remove (undefined) for this build. */
  env?: Record<string, string | undefined>;
  /**
   * A cache folder to keep between builds (Astro's content and incremental caches, the compiled MDX), for tests
   * of rebuilds. Without it every build starts from an empty cache of its own.
   */
  cacheDir?: string;
  /**
   * The project folder Astro builds in (--root), from isolatedRoot(): builds of other content than the real one
   * each need their own, since Astro writes the content's module list into <root>/.astro/, which two builds side
   * by side would otherwise share. The working directory stays this project's, so messages name files as an
   * author sees them. Leave it out for the real content: chapters' last-changed dates are looked up from it.
   */
  root?: string;
}

function buildEnv({ outDir, base = '/', contentDir, env: extra = {}, cacheDir }: BuildOptions): NodeJS.ProcessEnv {
  // Vitest puts Vite's own variables (BASE_URL, MODE, NODE_ENV=test, …) into process.env; a child build
  // would inherit them and Vite would take BASE_URL over the configured base. Start it from a clean slate.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !/^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|VITE_.*|VITEST.*)$/.test(key),
    ),
  );
  const env: NodeJS.ProcessEnv = {
    ...inherited,
    BASE_PATH: base,
    // A CI build must name its origin (src/lib/site-config.ts); the tests build as the published site would.
    SITE_URL: TEST_SITE_URL,
    ASTRO_TELEMETRY_DISABLED: '1',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    GUIDE_CACHE_DIR: cacheDir ?? `${outDir}-cache`,
  };
  // A fresh content cache for every build: Astro keeps validated entries in it and does not check them again
  // when only the schema changed, so a cache left by an earlier build could let bad content through.
  if (!cacheDir) fs.rmSync(env['GUIDE_CACHE_DIR']!, { recursive: true, force: true });
  if (contentDir) env['GUIDE_CONTENT_DIR'] = contentDir;
  else delete env['GUIDE_CONTENT_DIR'];
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

const astroArgs = ({ outDir, root }: BuildOptions) => [
  path.join(ROOT, 'node_modules/astro/bin/astro.mjs'),
  'build',
  '--outDir',
  outDir,
  ...(root ? ['--root', root] : []),
];

/**
 * A project folder of its own for builds of other content (see BuildOptions.root): this project's config, code
 * and packages, linked, and a .astro/ of its own. Directories are linked as junctions, which Windows allows
 * without privileges; the small files are copied.
 */
export function isolatedRoot(name: string): string {
  const dir = path.join(TEST_TMP, 'roots', name);
  fs.mkdirSync(dir, { recursive: true });
  for (const entry of ['src', 'public', 'node_modules'])
    if (!fs.existsSync(path.join(dir, entry)))
      fs.symlinkSync(path.join(ROOT, entry), path.join(dir, entry), 'junction');
  // Copied again each time: a root left by an earlier run must not build with an earlier config.
  for (const file of ['astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'])
    fs.copyFileSync(path.join(ROOT, file), path.join(dir, file));
  return dir;
}

/** Runs `astro build` in a child process, with the Node that runs the tests, and returns its exit and output. */
export function buildSite(options: BuildOptions): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, astroArgs(options), {
    cwd: ROOT,
    env: buildEnv(options),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/** Builds that may run at once in one test process: as many as the machine has cores, and at least two. */
const SIDE_BY_SIDE = Math.max(2, os.availableParallelism());
let running = 0;
const waiting: (() => void)[] = [];

/**
 * The same build without blocking, so that tests of small fixtures can build side by side (each in its own
 * root, see isolatedRoot); at most SIDE_BY_SIDE run at once, the others wait their turn.
 */
export async function buildSiteAsync(options: BuildOptions): Promise<{ status: number | null; output: string }> {
  if (running >= SIDE_BY_SIDE) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await new Promise((resolve, reject) => {
      const child = spawn(process.execPath, astroArgs(options), { cwd: ROOT, env: buildEnv(options) });
      let output = '';
      child.stdout.on('data', (d) => (output += d));
      child.stderr.on('data', (d) => (output += d));
      child.on('error', reject);
      child.on('close', (status) => resolve({ status, output }));
    });
  } finally {
    running--;
    waiting.shift()?.();
  }
}
