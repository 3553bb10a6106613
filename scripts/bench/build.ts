/**
 * Runs one `astro build` in a child process and measures it: wall-clock time, CPU time and peak resident
 * memory, and keeps its output (scripts/bench/phases.ts reads where the time went from it). Peak memory and CPU
 * come from GNU time (`/usr/bin/time -f "%M %U %S"`, which counts the build's own child processes such as
 * Pagefind's indexer); without it, from the Node process's own `resourceUsage()`, reported by a small
 * preloaded module (those figures leave out child processes, and the table says so).
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
  /** User + system CPU time, seconds: on a busy machine a steadier figure than wall-clock time. */
  cpu: number;
  /** Peak resident set size, bytes. */
  peakRss: number;
  /** What the build printed (stdout and stderr). */
  output: string;
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
    `import fs from 'node:fs';\nprocess.on('exit', () => { const u = process.resourceUsage(); fs.writeFileSync(${JSON.stringify(rssFile)}, \`\${u.maxRSS * 1024} \${(u.userCPUTime + u.systemCPUTime) / 1e6}\`); });\n`,
  );
  fs.rmSync(rssFile, { force: true });
  const node = [process.execPath, '--import', reporter, ASTRO, 'build', '--root', root, '--outDir', outDir];
  const command = fs.existsSync(GNU_TIME) ? [GNU_TIME, '-f', '%M %U %S', '-o', path.join(work, 'time'), ...node] : node;
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
  let peakRss: number;
  let cpu: number;
  if (fs.existsSync(GNU_TIME)) {
    const [kb = 0, user = 0, system = 0] = fs
      .readFileSync(path.join(work, 'time'), 'utf8')
      .trim()
      .split('\n')
      .pop()!
      .split(' ')
      .map(Number);
    [peakRss, cpu] = [kb * 1024, user + system];
  } else {
    const [rss = 0, seconds = 0] = fs.readFileSync(rssFile, 'utf8').split(' ').map(Number);
    [peakRss, cpu] = [rss, seconds];
  }
  fs.rmSync(work, { recursive: true, force: true });
  return { seconds, cpu, peakRss, output: `${result.stdout}\n${result.stderr}` };
}
