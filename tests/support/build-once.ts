import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite, SITE_ROOT_DIR, SITE_BASE_DIR, BASE_PATH, ROOT, TEST_TMP } from './astro';
import { startBrowserServer } from './browser';

/** Everything a build depends on; a change to any of these makes the next test run build again. */
const INPUTS = ['src', 'content', 'public', 'astro.config.mjs', 'package-lock.json'];

function inputsHash(): string {
  const hash = crypto.createHash('sha256');
  const walk = (p: string) => {
    const full = path.join(ROOT, p);
    if (!fs.existsSync(full)) return;
    if (fs.statSync(full).isDirectory()) {
      for (const name of fs.readdirSync(full).sort()) walk(path.join(p, name));
    } else {
      hash.update(p).update(fs.readFileSync(full));
    }
  };
  INPUTS.forEach(walk);
  return hash.digest('hex');
}

/**
 * Builds the real site once for the site and browser tests: under "/" and under a project-site base path.
 * Both projects name this setup; a stamp of the inputs' hash lets the second one (and a re-run with nothing
 * changed) reuse the same real build instead of making it again. For the browser tests it also starts the one
 * Chromium that their suites share (tests/support/browser.ts), and stops it when they are done.
 */
export default async function setup(project?: TestProject) {
  buildOnce();
  if (project?.name !== 'e2e') return undefined;
  const server = await startBrowserServer();
  if (!server) return undefined;
  project.provide('chromiumEndpoint', server.wsEndpoint());
  return () => server.close();
}

function buildOnce() {
  const stamp = path.join(TEST_TMP, 'site-build.stamp');
  const hash = inputsHash();
  const fresh =
    fs.existsSync(stamp) &&
    fs.readFileSync(stamp, 'utf8') === hash &&
    fs.existsSync(SITE_ROOT_DIR) &&
    fs.existsSync(SITE_BASE_DIR);
  if (fresh) return;
  fs.rmSync(stamp, { force: true });
  for (const [outDir, base] of [
    [SITE_ROOT_DIR, '/'],
    [SITE_BASE_DIR, BASE_PATH],
  ] as const) {
    fs.rmSync(outDir, { recursive: true, force: true });
    const { status, output } = buildSite({ outDir, base });
    if (status !== 0) throw new Error(`The site failed to build under base ${base}:\n${output.slice(-4000)}`);
  }
  fs.mkdirSync(path.dirname(stamp), { recursive: true });
  fs.writeFileSync(stamp, hash);
}
