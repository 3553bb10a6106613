import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { chapterIdFromFile, chapterPath, withBase } from '../../../src/lib/routes';
import {
  clearContentCache,
  contentIsSteady,
  filesSignature,
  fresh,
  holdContentSteady,
} from '../../../src/lib/content-cache';
import { listFiles, readRecords } from '../../../src/lib/data-files';
import { ContentError } from '../../../src/lib/errors';
import { brokenAnchorLinks, builtIds, recordAnchorLinks, resetAnchorLinks } from '../../../src/lib/link-check';
import { chapterFiles, chapterTree, knownPages } from '../../../src/lib/anchors';
import { checkImage, checkLink } from '../../../src/lib/links';

const GOOD = path.resolve('tests/fixtures/good');

/** A fresh folder under .tmp/ (so that messages show project-relative paths), with these files. */
function folder(name: string, files: Record<string, string> = {}): string {
  const dir = path.resolve('.tmp/loading', name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}
const shown = (file: string) => path.relative(process.cwd(), file);

describe('where chapter files live on the site', () => {
  it('makes a page id of a file, an index standing for its folder, on any platform', () => {
    expect(chapterIdFromFile('open-connect.mdx')).toBe('open-connect');
    expect(chapterIdFromFile('kernel-features\\numa.md')).toBe('kernel-features/numa');
    expect(chapterIdFromFile('kernel-features/index.mdx')).toBe('kernel-features');
    expect(chapterIdFromFile('index.mdx')).toBe('index');
    expect(chapterIdFromFile('kernel-features/indexing.mdx')).toBe('kernel-features/indexing');
    expect(chapterIdFromFile('mdx-notes.mdx.txt')).toBe('mdx-notes.mdx.txt');
  });

  it('gives each page a path with a trailing slash, and puts it under the base path with one slash between', () => {
    expect(chapterPath('index')).toBe('/');
    expect(chapterPath('kernel-features/numa')).toBe('/kernel-features/numa/');
    expect(withBase('/guide', '/glossary/')).toBe('/guide/glossary/');
    expect(withBase('/guide/', 'glossary/')).toBe('/guide/glossary/');
    expect(withBase('/', '/')).toBe('/');
  });
});

describe('content read once per change of its files', () => {
  it('computes again only when a file, the list of files or the extra signature changes', () => {
    const dir = folder('cache', { 'a.txt': 'one' });
    const a = path.join(dir, 'a.txt');
    const b = path.join(dir, 'b.txt');
    let files = [a];
    let runs = 0;
    const read = (extra?: string) =>
      fresh(
        `test:${dir}`,
        () => files,
        () => ++runs,
        extra === undefined ? undefined : () => extra,
      );
    expect(read()).toBe(1);
    expect(read()).toBe(1);
    fs.writeFileSync(a, 'one more');
    expect(read()).toBe(2);
    files = [a, b];
    expect(read()).toBe(3);
    expect(read()).toBe(3);
    expect(read('other')).toBe(4);
    expect(
      fresh(
        `other:${dir}`,
        () => files,
        () => 'own',
      ),
    ).toBe('own');
  });

  it('while the content is held steady (a build), computes a value once and never looks at its files again', () => {
    const dir = folder('steady', { 'a.txt': 'abc' });
    const a = path.join(dir, 'a.txt');
    let runs = 0;
    let listed = 0;
    const read = () =>
      fresh(
        `steady:${dir}`,
        () => (listed++, [a]),
        () => ++runs,
      );
    expect(contentIsSteady()).toBe(false);
    expect(read()).toBe(1);
    holdContentSteady();
    fs.writeFileSync(a, 'changed');
    expect(read()).toBe(1);
    expect(listed).toBe(1);
    clearContentCache();
    expect(contentIsSteady()).toBe(false);
    expect(read()).toBe(2);
  });

  it('signs a file that is not there as missing', () => {
    const dir = folder('signature', { 'a.txt': 'abc' });
    const [present, missing] = filesSignature([path.join(dir, 'a.txt'), path.join(dir, 'gone.txt')]).split('\n');
    expect(present).toMatch(new RegExp(`^${path.join(dir, 'a.txt')}:3:\\d`));
    expect(missing).toBe(`${path.join(dir, 'gone.txt')}:missing`);
  });
});

describe('data files', () => {
  const schema = z.strictObject({ id: z.string(), n: z.number().optional() });
  const label = (raw: unknown) => `entry ${JSON.stringify((raw as { id?: unknown })?.id ?? '?')}`;

  it('lists the files with the given endings, sorted by name, and none for a missing folder', () => {
    const dir = folder('list', { 'b.yaml': '', 'a.yml': '', 'c.json': '', 'notes.txt': '', 'yaml.bak': '' });
    expect(listFiles(dir, ['.yaml', '.yml'])).toEqual([path.join(dir, 'a.yml'), path.join(dir, 'b.yaml')]);
    expect(listFiles(path.join(dir, 'nothing'), ['.yaml'])).toEqual([]);
  });

  it('finds a trailing comma in JSON, but not a comma inside a string', () => {
    const dir = folder('json', {
      'ok.json': '[\n  { "id": "a, ]" },\n  { "id": "b \\", }" }\n]\n',
      'comma.json': '[\n  { "id": "a" },\n  { "id": "b", "n": 1 }\n  ,\n]\n',
      'quotes.json': "[{ 'id': 'a' }]\n",
    });
    expect(readRecords(path.join(dir, 'ok.json'), schema, label)).toEqual([{ id: 'a, ]' }, { id: 'b ", }' }]);
    expect(() => readRecords(path.join(dir, 'comma.json'), schema, label)).toThrow(
      `${shown(path.join(dir, 'comma.json'))}:4: not valid JSON: a comma before a closing bracket or brace; remove it`,
    );
    expect(() => readRecords(path.join(dir, 'quotes.json'), schema, label)).toThrow(
      new RegExp(`^${shown(path.join(dir, 'quotes.json'))}: not valid JSON: \\S`),
    );
  });

  it('points at the bad field of an entry, or at the entry that lacks one', () => {
    const dir = folder('fields', {
      'bad.yaml': '- id: a\n- id: b\n  n: many\n',
      'missing.yaml': '- id: a\n- n: 1\n',
      'nested.yaml': '- id: a\n  n: 2\n  extra: {deep: 1}\n',
    });
    expect(() => readRecords(path.join(dir, 'bad.yaml'), schema, label)).toThrow(
      `${shown(path.join(dir, 'bad.yaml'))}:3: entry "b": field "n": Invalid input: expected number, received string`,
    );
    expect(() => readRecords(path.join(dir, 'missing.yaml'), schema, label)).toThrow(
      `${shown(path.join(dir, 'missing.yaml'))}:2: entry "?": field "id": Invalid input: expected string, received undefined`,
    );
    expect(() => readRecords(path.join(dir, 'nested.yaml'), schema, label)).toThrow(
      `${shown(path.join(dir, 'nested.yaml'))}:3: entry "a": field "extra" is not a field of this kind of entry (a typo?)`,
    );
  });

  it('names the first line of a YAML error only', () => {
    const dir = folder('yaml', { 'bad.yaml': '- id: a\n  n: [1, 2\n' });
    const error = (() => {
      try {
        readRecords(path.join(dir, 'bad.yaml'), schema, label);
      } catch (e) {
        return e as Error;
      }
      return undefined;
    })();
    expect(error?.message).toMatch(new RegExp(`^${shown(path.join(dir, 'bad.yaml'))}:\\d+: not valid YAML: [^\\n]+$`));
  });
});

describe('content errors', () => {
  it('name the file relative to the project, and the line when there is one', () => {
    const error = new ContentError(path.resolve('content/chapters/x.mdx'), 7, 'bad');
    expect(error.message).toBe('content/chapters/x.mdx:7: bad');
    expect(error.name).toBe('ContentError');
    expect(error.file).toBe(path.resolve('content/chapters/x.mdx'));
    expect([error.line, error.column]).toEqual([7, 1]);
    expect(new ContentError('/elsewhere/x.mdx', undefined, 'bad').message).toBe('/elsewhere/x.mdx: bad');
  });

  it('leave the location to the file being compiled when the problem is in another file', () => {
    const error = new ContentError('content/glossary/terms.yaml', 3, 'bad', { elsewhere: true });
    expect(error.message).toBe('content/glossary/terms.yaml:3: bad');
    expect([error.line, error.column]).toEqual([undefined, undefined]);
  });
});

describe('anchors checked against the built pages', () => {
  afterEach(() => resetAnchorLinks());

  it('reads every id of every built page, entities decoded, by site path', () => {
    const dir = folder('dist', {
      'index.html': '<main id="main"><h2 id="a&amp;b">x</h2><p data-id="no" id="q&quot;&#39;&lt;&gt;"></p></main>',
      'kernel-features/numa/index.html': '<h2 class="x" id="why">Why</h2>',
      '404.html': '<p id="lost"></p>',
      'notes.txt': 'id="not-html"',
    });
    const ids = builtIds(dir);
    expect([...ids.keys()].sort()).toEqual(['/', '/404.html', '/kernel-features/numa/']);
    expect(ids.get('/')).toEqual(new Set(['main', 'a&b', `q"'<>`]));
    expect(ids.get('/kernel-features/numa/')).toEqual(new Set(['why']));
  });

  it('lists every broken link by file and line, each as its recorder worded it', () => {
    recordAnchorLinks('b', [
      { file: 'content/b.mdx', line: 9, url: '/x/#one', page: '/x/', anchor: 'one' },
      { file: 'content/b.mdx', line: 2, url: '/x/#two', page: '/x/', anchor: 'two' },
    ]);
    recordAnchorLinks('a', [
      { file: 'content/a.yaml', url: '/x/#three', page: '/x/', anchor: 'three', what: 'term "t": field "see": link' },
      { file: 'content/a.yaml', url: '/x/#fine', page: '/x/', anchor: 'fine' },
    ]);
    const error = brokenAnchorLinks(new Map([['/x/', new Set(['fine'])]]));
    expect(error?.message).toBe(
      [
        'content/a.yaml: term "t": field "see": link names anchor "#three", which is not on /x/',
        'content/b.mdx:2: link to "/x/#two" names anchor "#two", which is not on /x/',
        'content/b.mdx:9: link to "/x/#one" names anchor "#one", which is not on /x/',
      ].join('\n'),
    );
    expect(error?.line).toBeUndefined();
    recordAnchorLinks('b', []);
    recordAnchorLinks('a', []);
    expect(brokenAnchorLinks(new Map())).toBeUndefined();
  });
});

describe('chapter files', () => {
  it('lists .md and .mdx files under content/chapters, sorted, and none without the folder', () => {
    expect(chapterFiles(GOOD)).toEqual(['index.mdx', 'parent/child.mdx', 'parent/index.mdx']);
    expect(chapterFiles(folder('no-chapters'))).toEqual([]);
  });

  it('parses a chapter with its frontmatter blanked, so that lines are the file’s own', () => {
    const dir = folder('tree', { 'chapters/a.mdx': '---\ntitle: A\norder: 1\n---\n\n## Heading\n' });
    const tree = chapterTree('a.mdx', dir);
    expect(tree.children.map((n) => n.type)).toEqual(['heading']);
    expect(tree.children[0]?.position?.start.line).toBe(6);
  });

  it('blanks only the frontmatter at the top, not a block between rules further down', () => {
    const dir = folder('tree-rules', { 'chapters/a.mdx': 'Intro.\n\n---\nMiddle\n---\n' });
    expect(JSON.stringify(chapterTree('a.mdx', dir))).toContain('"value":"Middle"');
  });

  it('fails on MDX that does not parse, at the file’s line', () => {
    const dir = folder('tree-bad', { 'chapters/a.mdx': '---\ntitle: A\n---\n\nText.\n\n<div>\n' });
    const error = (() => {
      try {
        chapterTree('a.mdx', dir);
      } catch (e) {
        return e as ContentError;
      }
      return undefined;
    })();
    // The parser's own words, without the position it appends; the line is the file's, not the one compiling.
    expect(error?.message).toBe(
      `${shown(path.join(dir, 'chapters/a.mdx'))}:7: this MDX does not parse: Expected a closing tag for \`<div>\``,
    );
    expect(error?.line).toBeUndefined();
  });

  it('knows the pages a link may name, and the anchors of the glossary and the sources', () => {
    const pages = knownPages(GOOD);
    expect([...pages.paths].sort()).toEqual([
      '/',
      '/all/',
      '/glossary/',
      '/parent/',
      '/parent/child/',
      '/search/',
      '/sources/',
      '/talk/',
    ]);
    expect(pages.anchors.get('/glossary/')).toEqual(new Set(['ktls', 'mbuf']));
    expect(pages.anchors.get('/sources/')).toEqual(new Set(['paper-2021', 'talk-2019']));
  });
});

describe('the one check of a link or an image', () => {
  const pages = knownPages(GOOD);

  it('lets links to other sites through in any case of their scheme', () => {
    expect(checkLink('HTTPS://example.org/', { base: '/g/', pages })).toEqual({ url: 'HTTPS://example.org/' });
    expect(checkLink('MAILTO:a@b.org', { base: '/g/', pages })).toEqual({ url: 'MAILTO:a@b.org' });
    expect(checkLink('ftp://example.org/', { base: '/g/', pages })).toEqual({
      problem: 'uses the scheme "ftp:"; a link goes to a page of the guide or to an http, https or mailto URL',
    });
  });

  it('checks a same-page anchor where the page’s anchors are known, and leaves it to the build elsewhere', () => {
    expect(checkLink('#ktls', { base: '/g/', pages, self: '/glossary/' })).toEqual({ url: '#ktls' });
    expect(checkLink('#nope', { base: '/g/', pages, self: '/glossary/' })).toEqual({
      problem: 'names no anchor on this page',
    });
    expect(checkLink('#caf%C3%A9', { base: '/g/', pages, self: '/parent/' })).toEqual({
      url: '#caf%C3%A9',
      pending: { page: '/parent/', anchor: 'café' },
    });
    expect(checkLink('#x', { base: '/g/', pages })).toEqual({ url: '#x' });
  });

  it('keeps the query and the anchor of a page link, and decodes the anchor it checks', () => {
    expect(checkLink('/parent/child?x=1#caf%C3%A9', { base: '/g/', pages })).toEqual({
      url: '/g/parent/child/?x=1#caf%C3%A9',
      pending: { page: '/parent/child/', anchor: 'café' },
    });
    expect(checkLink('/sources/#talk-2019', { base: '/g/', pages })).toEqual({ url: '/g/sources/#talk-2019' });
    expect(checkLink('/search/?q=a', { base: '/g/', pages })).toEqual({ url: '/g/search/?q=a' });
  });

  it('wants an image to be a file of the site, its query and anchor aside, or a file next to the chapter', () => {
    const publicDir = path.resolve('public');
    const file = path.join(GOOD, 'chapters/parent/index.mdx');
    expect(checkImage('/favicon.svg?v=2#top', { base: '/g/', publicDir, file })).toEqual({
      url: '/g/favicon.svg?v=2#top',
    });
    expect(checkImage('/', { base: '/g/', publicDir, file })).toEqual({
      problem: 'names no file of the site; there is no public',
    });
    expect(checkImage('child.mdx', { base: '/g/', publicDir, file })).toEqual({ url: 'child.mdx' });
    expect(checkImage('gone.png', { base: '/g/', publicDir, file })).toEqual({
      problem: 'names no file; there is no tests/fixtures/good/chapters/parent/gone.png',
    });
    expect(checkImage('//cdn.example.org/x.png', { base: '/g/', publicDir, file })).toMatchObject({
      problem: expect.stringMatching(/^is on another site or inline; put the image in public\//),
    });
  });
});
