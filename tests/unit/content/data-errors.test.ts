import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { glossaryLinks, loadGlossary } from '../../../src/lib/glossary';
import { loadSources } from '../../../src/lib/sources';
import { loadTalk } from '../../../src/lib/talk';

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

const TERM = (fields: string) =>
  `- id: ktls\n  term: kTLS\n  definition: TLS record encryption done in the kernel.\n${fields}`;

describe('the glossary', () => {
  it('refuses a spelling that another term already uses', () => {
    const { dir, shown } = content('glossary-duplicate', {
      'glossary/zz-more.yaml':
        '- id: tls-offload\n  term: TLS offload\n  aliases: [kTLS]\n  definition: Encryption done by the NIC.\n',
    });
    expect(() => loadGlossary(dir)).toThrow(
      `${shown('glossary/zz-more.yaml')}: term "tls-offload": "ktls" is already used by term "ktls"; each id, term and alias must be unique`,
    );
  });

  it('refuses an id that the layout gives every page', () => {
    const { dir, shown } = content('glossary-layout-id', {
      'glossary/terms.yaml': TERM('').replace('id: ktls', 'id: main'),
    });
    expect(() => loadGlossary(dir)).toThrow(
      `${shown('glossary/terms.yaml')}:1: term "main": field "id": the layout already uses the id "main" (main, top, toc-title, references, cite-this-page); choose another, e.g. "main-branch"`,
    );
  });

  it('refuses an id that is not kebab-case', () => {
    const { dir, shown } = content('glossary-id', {
      'glossary/terms.yaml': TERM('').replace('id: ktls', 'id: Kernel_TLS'),
    });
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
    JSON.stringify([
      { id, type: 'webpage', title: 'A page', issued: { literal: 'n.d.' }, URL: 'https://example.org/' },
    ]);

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
    const { dir, shown } = content('sources-json', {
      'sources/zz-more.json': '[\n  { "id": "a", }\n  { "id": "b" }\n]\n',
    });
    expect(() => loadSources(dir)).toThrow(
      `${shown('sources/zz-more.json')}:3: not valid JSON: Missing , or : between flow sequence items`,
    );
  });
});

describe('the talk', () => {
  const point = (page: string) =>
    `- slide: A point of the talk\n  summary: What the point says, in the fixture's own words.\n  page: ${page}\n  evidence: [kTLS]\n`;

  it('refuses a point whose page does not exist', () => {
    const { dir, shown } = content('talk-page', { 'talk.yaml': point('/parents/') });
    expect(() => loadTalk(dir)).toThrow(
      `${shown('talk.yaml')}: point "A point of the talk": field "page" names "/parents/", which is no page of the guide`,
    );
  });

  it('refuses a page that is not a site path', () => {
    const { dir, shown } = content('talk-path', { 'talk.yaml': point('parent/child') });
    expect(() => loadTalk(dir)).toThrow(
      `${shown('talk.yaml')}:3: point "A point of the talk": field "page": use a site path such as "/workload/#the-data-path"`,
    );
  });
});

/** A copy of the good fixture with one file spoiled; returns the copy's folder and the spoiled file as shown. */
function spoiled(name: string, file: string, spoil: (text: string) => string) {
  const dir = path.resolve('.tmp/content-errors', `spoiled-${name}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(GOOD, dir, { recursive: true });
  const target = path.join(dir, file);
  const before = fs.readFileSync(target, 'utf8');
  const after = spoil(before);
  if (after === before) throw new Error(`the spoiler for ${name} changed nothing`);
  fs.writeFileSync(target, after);
  return { dir, shown: path.relative(process.cwd(), target) };
}

describe('bad sources fail with the file, the line, the entry and the value', () => {
  const sources = (name: string, spoil: (t: string) => string) => spoiled(name, 'sources/refs.json', spoil);

  it('a malformed URL', () => {
    const { dir, shown } = sources('url', (t) => t.replace('"https://example.org/paper"', '"example.org/paper"'));
    expect(() => loadSources(dir)).toThrow(
      `${shown}:41: source "paper-2021": field "URL": expected an http or https URL (got "example.org/paper")`,
    );
  });

  it('a URL that is not http or https', () => {
    const { dir, shown } = sources('scheme', (t) => t.replace('"https://example.org/paper"', '"javascript:alert(1)"'));
    expect(() => loadSources(dir)).toThrow(
      `${shown}:41: source "paper-2021": field "URL": expected an http or https URL (got "javascript:alert(1)")`,
    );
  });

  it('a blank title', () => {
    const { dir, shown } = sources('title', (t) => t.replace('"A paper about memory bandwidth"', '"  "'));
    expect(() => loadSources(dir)).toThrow(
      `${shown}:28: source "paper-2021": field "title": write a title, or a description in [brackets] if the source has none (got "  ")`,
    );
  });

  it('a field that CSL-JSON and the guide do not know', () => {
    const { dir, shown } = sources('field', (t) =>
      t.replace('"URL": "https://example.org/paper"', '"URL": "https://example.org/paper", "acessed": "2024"'),
    );
    expect(() => loadSources(dir)).toThrow(
      `${shown}:41: source "paper-2021": field "acessed" is not a field of this kind of entry (a typo?)`,
    );
  });

  it('a trailing comma, which JSON does not allow', () => {
    const { dir, shown } = sources('comma', (t) => t.replace(/\}\s*\]\s*$/, '},\n]\n'));
    expect(() => loadSources(dir)).toThrow(
      `${shown}:42: not valid JSON: a comma before a closing bracket or brace; remove it`,
    );
  });

  it('a text file that is not there', () => {
    const { dir, shown } = sources('text', (t) => t.replace('"text": "talk-2019.txt"', '"text": "talk-2020.txt"'));
    expect(() => loadSources(dir)).toThrow(
      `${shown}: source "talk-2019": field "text" names "talk-2020.txt", which is not a .txt file in`,
    );
  });
});

describe('bad glossary entries fail with the file, the term and the value', () => {
  const terms = (name: string, spoil: (t: string) => string) => spoiled(name, 'glossary/terms.yaml', spoil);

  it('a definition that is missing', () => {
    const { dir, shown } = terms('definition', (t) => t.replace(/^ {2}definition: The kernel.*\n/m, ''));
    expect(() => loadGlossary(dir)).toThrow(
      `${shown}:8: term "mbuf": field "definition": Invalid input: expected string, received undefined (it is missing)`,
    );
  });

  it('a cite whose passage is not in the source’s text', () => {
    const { dir, shown } = terms('passage', (t) => t.replace('Kernel TLS moves encryption', 'Kernel TLS moves video'));
    expect(() => loadGlossary(dir)).toThrow(
      `${shown}: term "ktls": field "cite": citation [@talk-2019, slide 2: "Kernel TLS moves video"]: @talk-2019: the passage "Kernel TLS moves video" is not on slide 2`,
    );
  });

  it('a field that a term does not have', () => {
    const { dir, shown } = terms('unknown', (t) => t.replace('  see: /parent/', '  sea: /parent/'));
    expect(() => loadGlossary(dir)).toThrow(
      `${shown}:7: term "ktls": field "sea" is not a field of this kind of entry (a typo?)`,
    );
  });

  it('a see: link to a page that does not exist', () => {
    const { dir, shown } = terms('see', (t) => t.replace('see: /parent/', 'see: /parents/'));
    expect(() => glossaryLinks('/', dir)).toThrow(
      `${shown}: term "ktls": field "see": link to "/parents/" points to no page of the guide`,
    );
  });
});

describe('the sources, once more', () => {
  it('refuse two entries for one URL', () => {
    const { dir, shown } = spoiled('same-url', 'sources/refs.json', (t) =>
      t.replace('"https://example.org/paper"', '"https://example.org/talk"'),
    );
    expect(() => loadSources(dir)).toThrow(
      `${shown}: source "paper-2021" has the URL of source "talk-2019" (https://example.org/talk); a source is one entry: cite "talk-2019" and remove this one`,
    );
  });
});
