/**
 * Runs one `astro build` in a child process and measures it: wall-clock time and peak resident memory.
 * Peak memory comes from GNU time (`/usr/bin/time -f %M`, which counts the build's own child processes such
 * as Pagefind's indexer); without it, from the Node process's own `resourceUsage().maxRSS`, reported by a
 * small preloaded module (that figure leaves out child processes, and the table says so).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const ASTRO = path.join(ROOT, 'node_modules/astro/bin/astro.mjs');
const GNU_TIME = '/usr/bin/time';
export const MEMORY_METHOD = fs.existsSync(GNU_TIME)
  ? 'peak RSS of the build and its children (GNU time)'
  : 'peak RSS of the Node build process';

export interface BuildRun {
  seconds: number;
  /** Peak resident set size, bytes. */
  peakRss: number;
}

/**
 * Builds the Astro project in `root` into `outDir`. `env` is added to a clean copy of this process's
 * environment (telemetry off, no colours). Throws with the tail of the output if the build fails.
 */
export function astroBuild(root: string, outDir: string, env: Record<string, string> = {}): BuildRun {
  const work = path.join(path.dirname(outDir), `.${path.basename(outDir)}-measure`);
  fs.mkdirSync(work, { recursive: true });
  const rssFile = path.join(work, 'rss');
  const reporter = path.join(work, 'report-rss.mjs');
  fs.writeFileSync(
    reporter,
    `import fs from 'node:fs';\nprocess.on('exit', () => fs.writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS * 1024)));\n`,
  );
  fs.rmSync(rssFile, { force: true });
  const node = [process.execPath, '--import', reporter, ASTRO, 'build', '--root', root, '--outDir', outDir];
  const command = fs.existsSync(GNU_TIME) ? [GNU_TIME, '-f', '%M', '-o', path.join(work, 'time'), ...node] : node;
  const started = process.hrtime.bigint();
  const result = spawnSync(command[0]!, command.slice(1), {
    cwd: root,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0)
    throw new Error(`astro build failed in ${root}:\n${`${result.stdout}\n${result.stderr}`.slice(-4000)}`);
  const peakRss = fs.existsSync(GNU_TIME)
    ? Number(fs.readFileSync(path.join(work, 'time'), 'utf8').trim().split('\n').pop()) * 1024
    : Number(fs.readFileSync(rssFile, 'utf8'));
  fs.rmSync(work, { recursive: true, force: true });
  return { seconds, peakRss };
}
