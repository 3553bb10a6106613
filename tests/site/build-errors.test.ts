import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSiteAsync, isolatedRoot, ROOT } from '../support/astro';

const GOOD = path.join(ROOT, 'tests/fixtures/good');

interface Spoiled {
  status: number | null;
  output: string;
  /** The spoiled file as the build names it, relative to the project. */
  shown: string;
}

type Spoiler = [file: string, spoil: (text: string) => string];

/**
 * Copies the good fixture, spoils it (each spoiler changes one file of the copy), builds it, and returns the
 * build's exit status and output. Each case has its own folders and project root (isolatedRoot), so that the
 * builds run side by side.
 */
async function buildSpoiledAll(name: string, spoilers: Spoiler[], env = {}): Promise<Spoiled[]> {
  const dir = path.join(ROOT, '.tmp/bad-content', name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(GOOD, dir, { recursive: true });
  const shown = spoilers.map(([file, spoil]) => {
    const target = path.join(dir, file);
    const before = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
    const after = spoil(before);
    if (after === before) throw new Error(`the spoiler for ${name} changed nothing in ${file}`);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, after);
    return path.relative(ROOT, target);
  });
  const result = await buildSiteAsync({
    outDir: path.join(ROOT, '.tmp/bad-out', name),
    contentDir: dir,
    env,
    root: isolatedRoot(`bad-${name}`),
  });
  return shown.map((s) => ({ ...result, shown: s }));
}

async function buildSpoiled(name: string, file: string, spoil: (text: string) => string, env = {}): Promise<Spoiled> {
  return (await buildSpoiledAll(name, [[file, spoil]], env))[0]!;
}

// Links to anchors are checked once the whole site is built, and the check reports every broken one: one
// build spoils a chapter's link and a talk point's, and each test reads its own message from it.
let anchors: Promise<Spoiled[]> | undefined;
const brokenAnchors = () =>
  (anchors ??= buildSpoiledAll('broken-anchors', [
    ['chapters/index.mdx', (t) => t.replace('#first-section', '#fifth-section')],
    ['talk.yaml', (t) => t.replace('/parent/#first-section', '/parent/#third-section')],
  ]));

/** Expects a failed build whose output says `message`. */
function fails({ status, output }: Spoiled, message: string) {
  expect(output).toContain(message);
  expect(status).not.toBe(0);
}

const CHILD = 'chapters/parent/child.mdx';
const front = (title: string, order: number) =>
  `---\ntitle: ${title}\ndescription: A page made by a test, to show that the guide refuses how it is placed.\norder: ${order}\n---\n\nText.\n`;

// Side by side (buildSiteAsync runs as many builds at once as there are cores), each in its own project root.
// Errors of the data files (sources, glossary), which their loaders raise alike in a build and in a test, are
// pinned in tests/unit/content/.
describe.concurrent(
  'bad content fails the build with a message naming file, place and value',
  { timeout: 900_000 },
  () => {
    it('builds the good fixture, and prints its citation totals', async () => {
      const { status, output } = await buildSiteAsync({
        outDir: path.join(ROOT, '.tmp/bad-out/good'),
        contentDir: GOOD,
        root: isolatedRoot('good'),
      });
      expect(status, output).toBe(0);
      expect(output).toContain(
        "4 citations on 3 pages: 4 with a locator, 3 with a passage, 1 marked as the guide's own reading, 0 not yet checked",
      );
      expect(output).not.toMatch(/\[WARN\]|\bwarn(ing)?\b/i);
    });

    it('a chapter without a required field', async () => {
      const r = await buildSpoiled('missing-field', CHILD, (t) => t.replace(/^description:.*\n/m, ''));
      fails(r, 'description: Invalid input: expected string, received undefined (it is missing)');
      expect(r.output).toContain(path.join(ROOT, r.shown));
    });

    it('a chapter field of the wrong type', async () => {
      fails(
        await buildSpoiled('wrong-type', CHILD, (t) => t.replace(/^order: 1$/m, 'order: first')),
        'order: Invalid input: expected number, received string (got "first")',
      );
    });

    it('a chapter field that the schema does not know (a typo)', async () => {
      const r = await buildSpoiled('unknown-field', CHILD, (t) =>
        t.replace(/^order: 1$/m, 'order: 1\nnavTitel: Child'),
      );
      fails(r, 'Unrecognized key: "navTitel"');
      expect(r.output).toContain(path.join(ROOT, r.shown));
    });

    it('two chapters with the same order', async () => {
      const r = await buildSpoiled('same-order', 'chapters/other.mdx', () => front('Other chapter', 1));
      fails(r, 'field "order": 1 is also the order of');
      expect(r.output).toMatch(
        /same-order\/chapters\/(other|parent\/index)\.mdx: field "order": 1 is also the order of .*same-order\/chapters\/(other|parent\/index)\.mdx/,
      );
    });

    it('a chapter nested a third level deep', async () => {
      const r = await buildSpoiled('too-deep', 'chapters/parent/deeper/page.mdx', () => front('Too deep', 3));
      fails(
        r,
        `${r.shown}: chapters go two levels deep at most (a chapter and its sub-pages), but this file would be /parent/deeper/page/; move it up a folder`,
      );
    });

    it('a sub-page without its chapter', async () => {
      const r = await buildSpoiled('orphan', 'chapters/lonely/page.mdx', () => front('A lonely page', 1));
      fails(
        r,
        `${r.shown}: this sub-page belongs to a chapter "lonely" that does not exist; add content/chapters/lonely/index.mdx`,
      );
    });

    it('an unknown citation key', async () => {
      const r = await buildSpoiled('unknown-citation', CHILD, (t) => t.replace('[@talk-2019,', '[@talk-2091,'));
      fails(
        r,
        `${r.shown}:9: unknown source "talk-2091" in citation [@talk-2091, slide 1: “A talk about serving video”]`,
      );
    });

    it('a link to an anchor that is not on the page built', async () => {
      const r = (await brokenAnchors())[0]!;
      fails(
        r,
        `${r.shown}:7: link to "/parent/#fifth-section" names anchor "#fifth-section", which is not on /parent/`,
      );
    });

    it('MDX that does not parse, on its own line', async () => {
      const r = await buildSpoiled('mdx-syntax', CHILD, (t) =>
        t.replace('## Details', '## Details\n\n<div class="x">\n\nUnclosed.'),
      );
      fails(r, `${r.shown}:9: this MDX does not parse: Expected a closing tag for \`<div>\``);
    });

    it('a glossary term that cites an unknown source', async () => {
      const r = await buildSpoiled('term-source', 'glossary/terms.yaml', (t) =>
        t.replace("cite: '@talk-2019", "cite: '@talk-1999"),
      );
      fails(
        r,
        `${r.shown}: term "ktls": field "cite": unknown source "talk-1999" in citation [@talk-1999, slide 2: "Kernel TLS moves encryption"]`,
      );
    });

    it('a glossary `see:` link to nothing', async () => {
      const r = await buildSpoiled('term-see', 'glossary/terms.yaml', (t) =>
        t.replace('see: /parent/', 'see: /parents/'),
      );
      fails(r, `${r.shown}: term "ktls": field "see": link to "/parents/" points to no page of the guide`);
    });

    it('a talk point on a section that does not exist', async () => {
      const r = (await brokenAnchors())[1]!;
      fails(
        r,
        `${r.shown}: point "A point of the talk": field "page" names anchor "#third-section", which is not on /parent/`,
      );
    });

    it('a CI build without SITE_URL', async () => {
      const r = await buildSpoiled('no-site', CHILD, (t) => `${t}\nMore.\n`, { CI: 'true', SITE_URL: undefined });
      fails(r, 'SITE_URL is not set, and this is a CI build');
    });

    it('a chapter field out of bounds', async () => {
      const r = await buildSpoiled('short-description', CHILD, (t) =>
        t.replace(/^description:.*$/m, 'description: Too short.'),
      );
      fails(r, 'description: Too small: expected string to have >=50 characters (got "Too short.")');
      expect(r.output).toContain(path.join(ROOT, r.shown));
    });

    it('a BASE_PATH that is not a URL path', async () => {
      const r = await buildSpoiled('base-path', CHILD, (t) => `${t}\nMore.\n`, { BASE_PATH: '/my guide/' });
      fails(r, 'BASE_PATH "/my guide/" is not a URL path such as "/open-connect-guide/"');
    });
  },
);
