import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bsdTreeData } from '../../../src/figures/bsd-tree';
import { branchesData, releasesData } from '../../../src/figures/release-cycles';

// The messages an author gets for a bad figure data file that tests/unit/figures/loaders.test.ts leaves out.
// Each file is checked against the sources of the figure fixture (tests/fixtures/figures/sources/).
const SOURCES = path.resolve('tests/fixtures/figures');
const DIR = '.tmp/figure-errors';

/** Writes a data file under .tmp/ (so that messages show it relative to the project) and gives its path. */
function dataFile(name: string, text: string): string {
  const file = path.join(DIR, name);
  fs.mkdirSync(DIR, { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

const CITE = "cite: 'our reading of @tree-file, line 12'";
const node = (id: string, date: string, from = '[]') =>
  `- id: ${id}\n  label: ${id}\n  line: Lane ${id}\n  date: ${date}\n  from: ${from}\n  ${CITE}\n`;

describe('figure data files', () => {
  it('name a data file that is missing', () => {
    expect(() => bsdTreeData.read(path.join(DIR, 'no-such-file.yaml'), SOURCES)).toThrow(
      `${DIR}/no-such-file.yaml: figure data file is missing; the figure that reads it cannot be drawn`,
    );
  });

  it('refuse a family-tree entry defined twice', () => {
    const file = dataFile('twice.yaml', node('v6', '1975') + node('v6', '1979'));
    expect(() => bsdTreeData.read(file, SOURCES)).toThrow(`${file}: entry "v6" is defined twice; ids must be unique`);
  });

  it('refuse a family-tree entry dated before its parent', () => {
    const file = dataFile('before-parent.yaml', node('v6', '1975-05') + node('bsd-1', '1974', '[v6]'));
    expect(() => bsdTreeData.read(file, SOURCES)).toThrow(
      `${file}: entry "bsd-1" (1974) is dated before its parent "v6" (1975-05)`,
    );
  });

  it('refuse an id that is not kebab-case, at its line', () => {
    const file = dataFile('id.yaml', node('v6', '1975') + node('BSD_1', '1978'));
    expect(() => bsdTreeData.read(file, SOURCES)).toThrow(
      `${file}:7: entry "BSD_1": field "id": use lower-case kebab-case, e.g. "freebsd-1-0"`,
    );
  });

  it('refuse a release version or a branch name of the wrong form', () => {
    const release = dataFile('version.yaml', `- version: "13.0.1"\n  date: 2021-04-13\n  ${CITE}\n`);
    expect(() => releasesData.read(release, SOURCES)).toThrow(
      `${release}:1: entry "13.0.1": field "version": write the version as N.M, e.g. "13.0"`,
    );
    const branch = dataFile('branch.yaml', `- name: stable-13\n  start: 2021-01-22\n  end: 2026-04-30\n  ${CITE}\n`);
    expect(() => branchesData.read(branch, SOURCES)).toThrow(
      `${branch}:1: entry "stable-13": field "name": write the branch as stable/N, e.g. "stable/13"`,
    );
  });

  it('refuse a field the record does not have, at its line', () => {
    const file = dataFile('typo.yaml', `- version: "13.0"\n  date: 2021-04-13\n  planed: true\n  ${CITE}\n`);
    expect(() => releasesData.read(file, SOURCES)).toThrow(
      `${file}:3: entry "13.0": field "planed" is not a field of this kind of entry (a typo?)`,
    );
  });
});
