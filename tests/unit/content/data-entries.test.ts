import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { glossaryLinks, loadGlossary } from '../../../src/lib/glossary';
import { loadSources } from '../../../src/lib/sources';
import { loadTalk } from '../../../src/lib/talk';
import { anchorLinksOf, resetAnchorLinks } from '../../../src/lib/link-check';

const GOOD = path.resolve('tests/fixtures/good');

/**
 * A copy of the good fixture content with some files replaced, under .tmp/ so that messages show the path
 * relative to the project. Each case has its own folder: the loaders cache by folder.
 */
function content(name: string, files: Record<string, string> = {}): { dir: string; shown: (file: string) => string } {
  const dir = path.resolve('.tmp/data-entries', name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(GOOD, dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return { dir, shown: (file) => path.relative(process.cwd(), path.join(dir, file)) };
}

const TERMS = fs.readFileSync(path.join(GOOD, 'glossary/terms.yaml'), 'utf8');

afterEach(() => resetAnchorLinks());

describe('an entry that is not a record at all', () => {
  it('is named "?" and pointed at, in a glossary file', () => {
    const { dir, shown } = content('glossary-scalar', { 'glossary/terms.yaml': `${TERMS}- just a word\n` });
    expect(() => loadGlossary(dir)).toThrow(
      new RegExp(`^${shown('glossary/terms.yaml')}:11: term "\\?": field "\\(entry\\)": `),
    );
  });

  it('is named "?" when it is empty, in a glossary file', () => {
    const { dir, shown } = content('glossary-null', { 'glossary/terms.yaml': `-\n${TERMS}` });
    expect(() => loadGlossary(dir)).toThrow(new RegExp(`^${shown('glossary/terms.yaml')}(:\\d+)?: term "\\?": `));
  });

  it('is named "?" in a sources file and in the talk', () => {
    const sources = content('sources-null', { 'sources/zz-more.json': '[null]\n' });
    expect(() => loadSources(sources.dir)).toThrow(
      new RegExp(`^${sources.shown('sources/zz-more.json')}(:\\d+)?: source "\\?": field "\\(entry\\)": `),
    );
    const talk = content('talk-null', { 'talk.yaml': '-\n' });
    expect(() => loadTalk(talk.dir)).toThrow(new RegExp(`^${talk.shown('talk.yaml')}(:\\d+)?: point "\\?": `));
  });
});

describe('a sources file that YAML reads but JSON does not', () => {
  it('fails with what JSON.parse says, without a line of its own', () => {
    const text = "[{'id': 'a'}]\n";
    const parser = (() => {
      try {
        JSON.parse(text);
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error('JSON.parse took it');
    })();
    const { dir, shown } = content('sources-quotes', { 'sources/zz-more.json': text });
    expect(() => loadSources(dir)).toThrow(`${shown('sources/zz-more.json')}: not valid JSON: ${parser}`);
  });
});

describe('a glossary term’s cite', () => {
  it('that is not a citation fails with the term, the field and how to write one', () => {
    const { dir, shown } = content('glossary-cite', {
      'glossary/terms.yaml': TERMS.replace(
        `cite: '@talk-2019, slide 2: "Kernel TLS moves encryption"'`,
        'cite: talk-2019, slide 2',
      ),
    });
    expect(() => loadGlossary(dir)).toThrow(
      `${shown('glossary/terms.yaml')}: term "ktls": field "cite": "talk-2019, slide 2" is not a citation; write @key, slide 13: "…"`,
    );
  });
});

describe('the order of the glossary and the sources', () => {
  it('puts the terms in alphabetical order whatever their case or file order, and the sources by id', () => {
    const { dir } = content('order', {
      'glossary/terms.yaml': `- id: zero-copy\n  term: Zero-copy\n  definition: Sending without copying.\n${TERMS}- id: ack\n  term: ACK\n  definition: An acknowledgement.\n`,
    });
    expect(loadGlossary(dir).terms.map((t) => t.term)).toEqual(['ACK', 'kTLS', 'mbuf', 'Zero-copy']);
    const ids = loadSources(dir).sources.map((s) => s.id);
    expect(ids).toEqual([...ids].sort());
    expect(ids).toEqual(['paper-2021', 'talk-2019']);
  });
});

describe('looking a term up', () => {
  it('finds it by id, term or alias, in any case and with spaces around', () => {
    const { dir } = content('glossary-find');
    const glossary = loadGlossary(dir);
    for (const text of ['ktls', 'KTLS', '  kernel tls ', 'Kernel TLS\n'])
      expect(glossary.find(text)?.id, text).toBe('ktls');
    expect(glossary.find('tls')).toBeUndefined();
  });
});

describe('the glossary’s see: links', () => {
  it('are the terms that have one, put under the base path', () => {
    const { dir } = content('see-good');
    expect(glossaryLinks('/guide/', dir)).toEqual(new Map([['ktls', '/guide/parent/']]));
    // A page without an anchor needs no check after the build.
    expect(anchorLinksOf(`${dir}:glossary-see`)).toEqual([]);
  });

  it('leave a link to an anchor of a chapter to be checked against the built page, with the term', () => {
    const { dir, shown } = content('see-anchor', {
      'glossary/terms.yaml': TERMS.replace('see: /parent/', 'see: /parent/#first-section'),
    });
    expect(glossaryLinks('/', dir).get('ktls')).toBe('/parent/#first-section');
    const [link, ...more] = anchorLinksOf(`${dir}:glossary-see`);
    expect(more).toEqual([]);
    expect({ ...link, file: path.relative(process.cwd(), link!.file) }).toEqual({
      file: shown('glossary/terms.yaml'),
      url: '/parent/#first-section',
      what: 'term "ktls": field "see": link to "/parent/#first-section"',
      page: '/parent/',
      anchor: 'first-section',
    });
  });
});

describe('the talk’s points', () => {
  it('load, and leave their links to anchors of chapters to be checked against the built pages', () => {
    const { dir, shown } = content('talk-good');
    expect(loadTalk(dir).map((p) => p.slide)).toEqual(['A point of the talk']);
    const links = anchorLinksOf(path.join(dir, 'talk.yaml'));
    expect(links.map((l) => ({ ...l, file: path.relative(process.cwd(), l.file) }))).toEqual([
      {
        file: shown('talk.yaml'),
        url: '/parent/#first-section',
        what: 'point "A point of the talk": field "page"',
        page: '/parent/',
        anchor: 'first-section',
      },
    ]);
  });
});
