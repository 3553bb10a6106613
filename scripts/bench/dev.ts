/**
 * `astro dev` for the benchmark and the tests: started on 127.0.0.1 on a free port, in its own process
 * group so that stopping it stops everything it started, with the content folder of the caller's choice.
 * `rerenderTime` measures what an author waits for: save a chapter, and the next fetch shows the change.
 *
 * Plain Node runs this file (type stripping): it imports nothing but Node.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const ASTRO = path.join(ROOT, 'node_modules/astro/bin/astro.mjs');

export interface DevServer {
  /** "http://127.0.0.1:PORT" */
  origin: string;
  /** What the server printed so far. */
  output(): string;
  /** GET a path, with the status and body. */
  get(sitePath: string): Promise<{ status: number; body: string }>;
  stop(): Promise<void>;
}

/** A port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function stopGroup(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      resolve();
    }
    setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }, 5000).unref();
  });
}

/**
 * Starts `astro dev` for the project and waits until it answers. `env` is added to a copy of this process's
 * environment (without Vite's and Vitest's own variables, which a child Vite would take for its own); `root`
 * is Astro's project folder (--root) when it is not this one, the working directory stays this project's.
 */
export async function startDevServer(
  env: Record<string, string>,
  { timeoutMs = 180_000, root }: { timeoutMs?: number; root?: string } = {},
): Promise<DevServer> {
  const port = await freePort();
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !/^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|VITE_.*|VITEST.*)$/.test(key),
    ),
  );
  const args = [ASTRO, 'dev', '--host', '127.0.0.1', '--port', String(port), ...(root ? ['--root', root] : [])];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...inherited, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const origin = `http://127.0.0.1:${port}`;
  const server: DevServer = {
    origin,
    output: () => output,
    async get(sitePath) {
      const response = await fetch(new URL(sitePath, origin), { signal: AbortSignal.timeout(60_000) });
      return { status: response.status, body: await response.text() };
    },
    stop: () => stopGroup(child),
  };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`astro dev exited with ${child.exitCode}:\n${output.slice(-3000)}`);
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`astro dev did not answer within ${timeoutMs / 1000} s:\n${output.slice(-3000)}`);
    }
    try {
      if (output.includes(origin) || output.includes(`:${port}`)) {
        await fetch(`${origin}/`, { signal: AbortSignal.timeout(60_000) });
        return server;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Seconds from saving a change to a chapter until the dev server's page shows it: fetches the page once (so
 * that it is compiled), then, `times` times, appends a marker sentence to the chapter and fetches until the
 * marker shows. The chapter file is put back as it was.
 */
export async function rerenderTimes(
  server: DevServer,
  chapterFile: string,
  sitePath: string,
  times = 3,
): Promise<{ first: number; saves: number[] }> {
  const original = fs.readFileSync(chapterFile, 'utf8');
  const started = performance.now();
  const page = await server.get(sitePath);
  if (page.status !== 200) throw new Error(`${sitePath} answered ${page.status}:\n${page.body.slice(0, 2000)}`);
  const first = (performance.now() - started) / 1000;
  const saves: number[] = [];
  try {
    for (let i = 1; i <= times; i++) {
      const marker = `Benchmark marker ${i} ${Date.now().toString(36)}.`;
      fs.writeFileSync(chapterFile, `${original.trimEnd()}\n\n${marker}\n`);
      const saved = performance.now();
      for (;;) {
        const { body } = await server.get(sitePath);
        if (body.includes(marker)) break;
        if (performance.now() - saved > 60_000) throw new Error(`${sitePath} did not show the change within 60 s`);
        await new Promise((r) => setTimeout(r, 20));
      }
      saves.push((performance.now() - saved) / 1000);
    }
  } finally {
    fs.writeFileSync(chapterFile, original);
  }
  return { first, saves };
}
