import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtPages } from '../support/pages';
import { SITE_BASE_DIR, TEST_TMP } from '../support/astro';
import { toolTestsEnabled } from '../support/tools';

/** The Nu checker's jar; the package's own launcher (and its postinstall) would download a JRE, so Java runs it. */
const require = createRequire(import.meta.url);
const VNU_JAR = require.resolve('vnu-jar/build/dist/vnu.jar');
const HAS_JAVA = spawnSync('java', ['-version'], { stdio: 'ignore' }).status === 0;
const HOW_TO =
  'The W3C Nu checker needs Java 11 or newer on PATH (Debian/Ubuntu: "sudo apt-get install -y default-jre-headless").';

/**
 * A page with one known error, checked in the same run as the site: if the checker stopped reporting errors
 * (or this test stopped reading them), the canary's error would go missing and the test would fail.
 */
const CANARY = { html: '<!doctype html>\n<html lang="en"><title>Canary</title>\n<p>text</span></p>\n', line: 3 };

interface NuMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: string;
  url?: string;
  firstLine?: number;
  lastLine?: number;
  firstColumn?: number;
  lastColumn?: number;
  message: string;
  extract?: string;
}

/** Runs the checker once over all files (one JVM); returns the files it checked and its errors by file. */
function nuCheck(files: string[]): { checked: Set<string>; errors: Map<string, NuMessage[]> } {
  // --errors-only: its warnings about the pages' Content-Security-Policy come from checking files (a file:
  // URL is not the 'self' the policy means); the policy has its own test (csp.test.ts).
  // --verbose: it names each file it checks on stdout (a file it cannot read it skips without an error).
  const run = spawnSync('java', ['-jar', VNU_JAR, '--format', 'json', '--errors-only', '--verbose', ...files], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  let report: { messages: NuMessage[] };
  try {
    report = JSON.parse(run.stderr);
  } catch {
    throw new Error(`the Nu checker gave no report (exit ${run.status}):\n${run.stderr}${run.stdout}`);
  }
  const byFile = new Map<string, NuMessage[]>(files.map((f) => [f, []]));
  for (const m of report.messages) {
    const file = m.url ? fileURLToPath(m.url) : '(no file)';
    byFile.set(file, [...(byFile.get(file) ?? []), m]);
  }
  const checked = new Set(
    run.stdout
      .split('\n')
      .filter(Boolean)
      .map((f) => path.resolve(f)),
  );
  return { checked, errors: byFile };
}

const describeError = (m: NuMessage) =>
  `line ${m.lastLine ?? '?'}${m.firstColumn ? `, column ${m.firstColumn}` : ''}: ${m.message}${m.extract ? ` [${m.extract.replace(/\s+/g, ' ')}]` : ''}`;

describe.runIf(toolTestsEnabled('The Nu HTML checker', HAS_JAVA, HOW_TO))('the W3C Nu checker on every page', () => {
  const pages = builtPages(SITE_BASE_DIR);
  const canary = path.join(TEST_TMP, 'nu-canary.html');
  let checked = new Set<string>();
  let errors = new Map<string, NuMessage[]>();

  beforeAll(() => {
    fs.mkdirSync(TEST_TMP, { recursive: true });
    fs.writeFileSync(canary, CANARY.html);
    ({ checked, errors } = nuCheck([canary, ...pages.map((p) => p.file)]));
    fs.rmSync(canary);
  });

  it('reports a known error, with its line (the checker ran and its report was read)', () => {
    expect((errors.get(canary) ?? []).map((m) => [m.type, m.lastLine, m.message])).toEqual([
      ['error', CANARY.line, 'Stray end tag “span”.'],
    ]);
  });

  it('checks every page it was given, and reports no error about any other file', () => {
    const given = new Set([canary, ...pages.map((p) => p.file)]);
    expect([...given].filter((f) => !checked.has(f))).toEqual([]);
    const outside = [...errors]
      .filter(([file]) => !given.has(file))
      .flatMap(([file, list]) => list.map((m) => `${file}: ${describeError(m)}`));
    expect(outside).toEqual([]);
  });

  it.each(pages.map((p) => [p.path, p.file] as const))('%s has no errors', (_path, file) => {
    expect((errors.get(file) ?? []).map(describeError)).toEqual([]);
  });
});
