import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  figureSources,
  figuresByPage,
  loadBranches,
  loadCycle,
  loadReleases,
  loadServingCalibration,
  loadThroughput,
  sourcesOf,
} from '../../../src/lib/figures';
import { sourceIds } from '../../../src/lib/sources';

describe('figuresByPage', () => {
  it('finds the figures each chapter of the guide shows, in order of appearance', () => {
    const pages = figuresByPage();
    expect(pages.get('/workload/')).toEqual([{ name: 'ServingBudget' }, { name: 'ThroughputChart' }]);
    expect(pages.get('/upstreaming/')).toEqual([{ name: 'MergeCycles' }]);
    expect(pages.get('/freebsd/')).toEqual([{ name: 'BsdTree' }, { name: 'ReleaseCycles', view: 'freebsd' }]);
    expect(pages.get('/tracking-head/')).toEqual([{ name: 'ReleaseCycles', view: 'netflix' }]);
    expect(pages.get('/open-connect/')).toEqual([{ name: 'OpenConnectMap' }]);
    // Pages without a figure are left out.
    expect(pages.has('/')).toBe(false);
    expect(pages.has('/kernel-features/numa/')).toBe(false);
  });

  it('counts only tags of components imported from src/components/figures/, once per view', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'figures-by-page-'));
    fs.mkdirSync(path.join(dir, 'chapters', 'part'), { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'chapters', 'part', 'index.mdx'),
      [
        '---',
        'title: A chapter',
        '---',
        "import Chart from '../../src/components/figures/ThroughputChart.astro';",
        "import Aside from '../../src/components/mdx/Aside.astro';",
        '',
        '<Aside>Not a figure.</Aside>',
        '',
        '```mdx',
        '<Chart />',
        '```',
        '',
        '<Chart view="a" />',
        '',
        '<Chart view="a" />',
        '',
        '<Chart />',
        '',
      ].join('\n'),
    );
    fs.writeFileSync(path.join(dir, 'chapters', 'plain.mdx'), '---\ntitle: No figures\n---\n\n<ServingBudget />\n');
    expect([...figuresByPage(dir)]).toEqual([['/part/', [{ name: 'Chart', view: 'a' }, { name: 'Chart' }]]]);
    fs.rmSync(dir, { recursive: true });
  });
});

describe('figureSources', () => {
  it('gives the sources of each figure’s data, from its loader', () => {
    expect(figureSources({ name: 'ServingBudget' })).toEqual(sourcesOf(loadServingCalibration()));
    expect(figureSources({ name: 'ThroughputChart' })).toEqual(sourcesOf(loadThroughput()));
    expect(figureSources({ name: 'ReleaseCycles', view: 'netflix' })).toEqual(sourcesOf(loadCycle()));
    expect(figureSources({ name: 'ReleaseCycles' })).toEqual(sourcesOf([...loadBranches(), ...loadReleases()]));
  });

  it('knows every figure a chapter shows, each with known sources', () => {
    const known = sourceIds();
    for (const [page, uses] of figuresByPage())
      for (const use of uses) {
        const keys = figureSources(use);
        expect(keys.length, `${page} ${use.name}`).toBeGreaterThan(0);
        for (const key of keys) expect(known.has(key), `${page} ${use.name}: ${key}`).toBe(true);
      }
  });

  it('names the table to extend for a figure it does not know', () => {
    expect(() => figureSources({ name: 'NewChart' })).toThrow(
      'figure component "NewChart" has no entry in FIGURE_SOURCES; add one that returns the keys of its data\'s sources',
    );
  });
});
