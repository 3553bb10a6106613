import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGlossary } from '../../../src/lib/glossary';
import { loadSources } from '../../../src/lib/sources';
import { loadTalk } from '../../../src/lib/talk';
import { siteConfig } from '../../../src/lib/site-config';

const GOOD = path.resolve('tests/fixtures/good');

/**
 * A copy of the good fixture content with some files replaced, under .tmp/ so that messages show the path
 * relative to the project, as an author sees it. Each case has its own folder: the loaders cache by folder.
 */
function content(name: string, files: Record<string, string>): { dir: string; shown: (file: string) => string } {
  const dir = path.resolve('.tmp/content-errors', name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(GOOD, dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return { dir, shown: (file) => path.relative(process.cwd(), path.join(dir, file)) };
}

const TERM = (fields: string) => `- id: ktls\n  term: kTLS\n  definition: TLS record encryption done in the kernel.\n${fields}`;

describe('the glossary', () => {
  it('refuses a spelling that another term already uses', () => {
    const { dir, shown } = content('glossary-duplicate', {
      'glossary/zz-more.yaml': '- id: tls-offload\n  term: TLS offload\n  aliases: [kTLS]\n  definition: Encryption done by the NIC.\n',
    });
    expect(() => loadGlossary(dir)).toThrow(
      `${shown('glossary/zz-more.yaml')}: term "tls-offload": "ktls" is already used by term "ktls"; each id, term and alias must be unique`,
    );
  });

  it('refuses an id that the layout gives every page', () => {
    const { dir, shown } = content('glossary-layout-id', { 'glossary/terms.yaml': TERM('').replace('id: ktls', 'id: main') });
    expect(() => loadGlossary(dir)).toThrow(
      `${shown('glossary/terms.yaml')}:1: term "main": field "id": the layout already uses this id on every page (main, top, references); choose another, e.g. "main-branch"`,
    );
  });

  it('refuses an id that is not kebab-case', () => {
    const { dir, shown } = content('glossary-id', { 'glossary/terms.yaml': TERM('').replace('id: ktls', 'id: Kernel_TLS') });
    expect(() => loadGlossary(dir)).toThrow(
      `${shown('glossary/terms.yaml')}:1: term "Kernel_TLS": field "id": use lower-case kebab-case, e.g. "kernel-tls"`,
    );
  });

  it('names the line of a file that is not YAML', () => {
    const { dir, shown } = content('glossary-yaml', { 'glossary/terms.yaml': TERM('').replace('kTLS', 'kTLS: fast') });
    expect(() => loadGlossary(dir)).toThrow(
      `${shown('glossary/terms.yaml')}:2: not valid YAML: Nested mappings are not allowed in compact mappings`,
    );
  });

  it('wants a list of terms, not a single one', () => {
    const { dir, shown } = content('glossary-not-list', { 'glossary/terms.yaml': 'id: ktls\nterm: kTLS\n' });
    expect(() => loadGlossary(dir)).toThrow(
      `${shown('glossary/terms.yaml')}:1: expected a list of entries at the top level`,
    );
  });
});

describe('the sources', () => {
  const source = (id: string) =>
    JSON.stringify([{ id, type: 'webpage', title: 'A page', issued: { literal: 'n.d.' }, URL: 'https://example.org/' }]);

  it('refuses an id defined twice, naming both files', () => {
    const { dir, shown } = content('sources-duplicate', { 'sources/zz-more.json': source('talk-2019') });
    expect(() => loadSources(dir)).toThrow(
      `${shown('sources/zz-more.json')}: source "talk-2019" is defined twice (also in ${shown('sources/refs.json')}); ids must be unique`,
    );
  });

  it('refuses an id that is not kebab-case', () => {
    const { dir, shown } = content('sources-id', { 'sources/zz-more.json': source('Looney2019') });
    expect(() => loadSources(dir)).toThrow(
      `${shown('sources/zz-more.json')}:1: source "Looney2019": field "id": use lower-case kebab-case, e.g. "looney-fosdem-2019"`,
    );
  });

  it('names the line of a file that is not JSON', () => {
    const { dir, shown } = content('sources-json', { 'sources/zz-more.json': '[\n  { "id": "a", }\n  { "id": "b" }\n]\n' });
    expect(() => loadSources(dir)).toThrow(
      `${shown('sources/zz-more.json')}:3: not valid JSON: Missing , or : between flow sequence items`,
    );
  });
});

describe('the talk', () => {
  const point = (page: string) =>
    `- slide: A point of the talk\n  summary: What the point says, in the fixture's own words.\n  page: ${page}\n  evidence: [kTLS]\n`;

  it('refuses a point whose page or heading does not exist', () => {
    for (const [name, page] of [
      ['talk-page', '/parents/'],
      ['talk-heading', '/parent/#third-section'],
    ] as const) {
      const { dir, shown } = content(name, { 'talk.yaml': point(page) });
      expect(() => loadTalk(dir)).toThrow(
        `${shown('talk.yaml')}: point "A point of the talk": field "page" names "${page}", which is not a page or heading of the guide`,
      );
    }
  });

  it('refuses a page that is not a site path', () => {
    const { dir, shown } = content('talk-path', { 'talk.yaml': point('parent/child') });
    expect(() => loadTalk(dir)).toThrow(
      `${shown('talk.yaml')}:3: point "A point of the talk": field "page": use a site path such as "/workload/#the-data-path"`,
    );
  });
});

describe('where the site is published', () => {
  it('makes a base path of BASE_PATH, with the slashes it lacks', () => {
    expect(siteConfig({})).toEqual({ site: 'http://127.0.0.1:4321', base: '/' });
    expect(siteConfig({ SITE_URL: 'https://example.github.io/', BASE_PATH: 'guide' })).toEqual({
      site: 'https://example.github.io',
      base: '/guide/',
    });
  });

  it('refuses a BASE_PATH that is not a URL path', () => {
    expect(() => siteConfig({ BASE_PATH: '/my guide/' })).toThrow(
      'BASE_PATH "/my guide/" is not a URL path such as "/open-connect-guide/"',
    );
  });
});
