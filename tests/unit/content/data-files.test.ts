import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSources } from '../../../src/lib/sources';
import { glossaryLinks, loadGlossary } from '../../../src/lib/glossary';

const GOOD = path.resolve('tests/fixtures/good');

/** A copy of the good fixture with one file spoiled; returns the copy's folder and the spoiled file as shown. */
function spoiled(name: string, file: string, spoil: (text: string) => string) {
  const dir = path.resolve('.tmp/bad-data', name);
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
    expect(() => loadSources(dir)).toThrow(`${shown}:42: not valid JSON: a comma before a closing bracket or brace; remove it`);
  });

  it('an id used twice', () => {
    const { dir, shown } = sources('twice', (t) => t.replace('"id": "paper-2021"', '"id": "talk-2019"'));
    expect(() => loadSources(dir)).toThrow(`${shown}: source "talk-2019" is defined twice (also in ${shown}); ids must be unique`);
  });

  it('a text file that is not there', () => {
    const { dir, shown } = sources('text', (t) => t.replace('"text": "talk-2019.txt"', '"text": "talk-2020.txt"'));
    expect(() => loadSources(dir)).toThrow(`${shown}: source "talk-2019": field "text" names "talk-2020.txt", which is not a .txt file in`);
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

  it('an alias that another term already has', () => {
    const { dir, shown } = terms('alias', (t) => t.replace('aliases: [kernel TLS]', 'aliases: [kernel TLS, mbuf]'));
    expect(() => loadGlossary(dir)).toThrow(
      `${shown}: term "mbuf": "mbuf" is already used by term "ktls"; each id, term and alias must be unique`,
    );
  });

  it('an id that the layout uses', () => {
    const { dir, shown } = terms('reserved', (t) => t.replace('id: mbuf', 'id: references'));
    expect(() => loadGlossary(dir)).toThrow(`${shown}:8: term "references": field "id": the layout already uses the id "references"`);
  });

  it('a field that a term does not have', () => {
    const { dir, shown } = terms('unknown', (t) => t.replace('  see: /parent/', '  sea: /parent/'));
    expect(() => loadGlossary(dir)).toThrow(`${shown}:7: term "ktls": field "sea" is not a field of this kind of entry (a typo?)`);
  });

  it('a see: link to a page that does not exist', () => {
    const { dir, shown } = terms('see', (t) => t.replace('see: /parent/', 'see: /parents/'));
    expect(() => glossaryLinks('/', dir)).toThrow(`${shown}: term "ktls": field "see": link to "/parents/" points to no page of the guide`);
  });
});
