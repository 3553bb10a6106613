import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve('.');
/** The real site, built under "/" and under a GitHub Pages project-site base path. */
export const BASE_PATH = '/open-connect-guide/';
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
}

/** Runs `astro build` in a child process, with the Node that runs the tests, and returns its exit and output. */
export function buildSite({ outDir, base = '/', contentDir }: BuildOptions): { status: number | null; output: string } {
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
    ASTRO_TELEMETRY_DISABLED: '1',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
  };
  // A fresh content cache for every build: Astro keeps validated entries in it and does not check them again
  // when only the schema changed, so a cache left by an earlier build could let bad content through.
  env['GUIDE_CACHE_DIR'] = `${outDir}-cache`;
  fs.rmSync(env['GUIDE_CACHE_DIR'], { recursive: true, force: true });
  if (contentDir) env['GUIDE_CONTENT_DIR'] = contentDir;
  else delete env['GUIDE_CONTENT_DIR'];
  const result = spawnSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir],
    {
      cwd: ROOT,
      env,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}
