import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, ROOT } from '../support/astro';

const GOOD = path.join(ROOT, 'tests/fixtures/good');

/** Copies the good fixture, spoils one file, builds it, and returns the build's exit status and output. */
function buildSpoiled(name: string, file: string, spoil: (text: string) => string) {
  const dir = path.join(ROOT, '.tmp/bad-content', name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(GOOD, dir, { recursive: true });
  const target = path.join(dir, file);
  const before = fs.readFileSync(target, 'utf8');
  const after = spoil(before);
  if (after === before) throw new Error(`the spoiler for ${name} changed nothing`);
  fs.writeFileSync(target, after);
  return {
    ...buildSite({ outDir: path.join(ROOT, '.tmp/bad-out', name), contentDir: dir }),
    shown: path.relative(ROOT, target),
  };
}

describe('bad content fails the build with a message naming file, place and value', () => {
  it('builds the good fixture, and prints its citation totals', () => {
    const { status, output } = buildSite({ outDir: path.join(ROOT, '.tmp/bad-out/good'), contentDir: GOOD });
    expect(status, output).toBe(0);
    expect(output).toContain(
      "4 citations on 3 pages: 4 with a locator, 3 with a passage, 1 marked as the guide's own reading, 0 not yet checked",
    );
  });

  it('a chapter without a required field', () => {
    const { status, output, shown } = buildSpoiled('missing-field', 'chapters/parent/child.mdx', (t) =>
      t.replace(/^description:.*\n/m, ''),
    );
    expect(status).not.toBe(0);
    expect(output).toContain(path.join(ROOT, shown));
    expect(output).toContain('description: Invalid input: expected string, received undefined (it is missing)');
  });

  it('a chapter field of the wrong type', () => {
    const { status, output } = buildSpoiled('wrong-type', 'chapters/parent/child.mdx', (t) =>
      t.replace(/^order: 1$/m, 'order: first'),
    );
    expect(status).not.toBe(0);
    expect(output).toContain('child.mdx');
    expect(output).toContain('order: Invalid input: expected number, received string (got "first")');
  });

  it('an unknown citation key', () => {
    const { status, output, shown } = buildSpoiled('unknown-citation', 'chapters/parent/child.mdx', (t) =>
      t.replace('[@talk-2019,', '[@talk-2091,'),
    );
    expect(status).not.toBe(0);
    expect(output).toContain(
      `${shown}:9: unknown source "talk-2091" in citation [@talk-2091, slide 1: “A talk about serving video”]`,
    );
  });

  it('an unknown glossary term', () => {
    const { status, output, shown } = buildSpoiled('unknown-term', 'chapters/parent/index.mdx', (t) =>
      t.replace(':term[mbuf]{id=mbuf}', ':term[mbuf]{id=mbufs}'),
    );
    expect(status).not.toBe(0);
    expect(output).toContain(`${shown}:14: unknown glossary term "mbufs" in :term[mbuf]`);
  });

  it('a link to a page that does not exist', () => {
    const { status, output, shown } = buildSpoiled('broken-link', 'chapters/index.mdx', (t) =>
      t.replace('(/parent/#first-section)', '(/parents/#first-section)'),
    );
    expect(status).not.toBe(0);
    expect(output).toContain(`${shown}:7: link to "/parents/#first-section" points to no page of the guide`);
  });

  it('a link to an anchor that does not exist', () => {
    const { status, output, shown } = buildSpoiled('broken-anchor', 'chapters/index.mdx', (t) =>
      t.replace('#first-section', '#fifth-section'),
    );
    expect(status).not.toBe(0);
    expect(output).toContain(
      `${shown}:7: link to "/parent/#fifth-section" names anchor "#fifth-section", which is not on /parent/`,
    );
  });

  it('a glossary term that cites an unknown source', () => {
    const { status, output, shown } = buildSpoiled('term-source', 'glossary/terms.yaml', (t) =>
      t.replace("cite: '@talk-2019", "cite: '@talk-1999"),
    );
    expect(status).not.toBe(0);
    expect(output).toContain(
      `${shown}: term "ktls": field "cite": unknown source "talk-1999" in citation [@talk-1999, slide 2: "Kernel TLS moves encryption"]`,
    );
  });

  it('a glossary term without a definition', () => {
    const { status, output, shown } = buildSpoiled('term-definition', 'glossary/terms.yaml', (t) =>
      t.replace(/^ {2}definition: The kernel.*\n/m, ''),
    );
    expect(status).not.toBe(0);
    expect(output).toContain(
      `${shown}:8: term "mbuf": field "definition": Invalid input: expected string, received undefined (it is missing)`,
    );
  });

  it('a source with a malformed URL', () => {
    const { status, output, shown } = buildSpoiled('source-url', 'sources/refs.json', (t) =>
      t.replace('"https://example.org/paper"', '"example.org/paper"'),
    );
    expect(status).not.toBe(0);
    expect(output).toContain(
      `${shown}:41: source "paper-2021": field "URL": expected an http or https URL (got "example.org/paper")`,
    );
  });

  it('a source whose URL is not http or https', () => {
    const { status, output, shown } = buildSpoiled('source-url-scheme', 'sources/refs.json', (t) =>
      t.replace('"https://example.org/paper"', '"javascript:alert(1)"'),
    );
    expect(status).not.toBe(0);
    expect(output).toContain(
      `${shown}:41: source "paper-2021": field "URL": expected an http or https URL (got "javascript:alert(1)")`,
    );
  });

  it('a source with a blank title', () => {
    const { status, output, shown } = buildSpoiled('source-title', 'sources/refs.json', (t) =>
      t.replace('"A paper about memory bandwidth"', '"  "'),
    );
    expect(status).not.toBe(0);
    expect(output).toContain(
      `${shown}:28: source "paper-2021": field "title": write a title, or a description in [brackets] if the source has none (got "  ")`,
    );
  });

  it('a source with a field that CSL-JSON and the guide do not know', () => {
    const { status, output, shown } = buildSpoiled('source-field', 'sources/refs.json', (t) =>
      t.replace('"URL": "https://example.org/paper"', '"URL": "https://example.org/paper", "acessed": "2024"'),
    );
    expect(status).not.toBe(0);
    expect(output).toContain(
      `${shown}:41: source "paper-2021": field "acessed" is not a field of this kind of entry (a typo?)`,
    );
  });

  it('a passage that is not in the source’s text', () => {
    const { status, output, shown } = buildSpoiled('passage', 'chapters/parent/child.mdx', (t) =>
      t.replace('"A talk about serving video"', '"A talk about serving audio"'),
    );
    expect(status).not.toBe(0);
    expect(output).toContain(
      `${shown}:9: citation [@talk-2019, slide 1: “A talk about serving audio”]: @talk-2019: the passage "A talk about serving audio" is not on slide 1 of`,
    );
  });

  it('a chapter field out of bounds', () => {
    const { status, output, shown } = buildSpoiled('short-description', 'chapters/parent/child.mdx', (t) =>
      t.replace(/^description:.*$/m, 'description: Too short.'),
    );
    expect(status).not.toBe(0);
    expect(output).toContain(path.join(ROOT, shown));
    expect(output).toContain('description: Too small: expected string to have >=50 characters (got "Too short.")');
  });

  it('a glossary alias that another term already uses (read when the build starts)', () => {
    const { status, output, shown } = buildSpoiled('term-duplicate', 'glossary/terms.yaml', (t) =>
      t.replace('aliases: [kernel TLS]', 'aliases: [kernel TLS, mbuf]'),
    );
    expect(status).not.toBe(0);
    expect(output).toContain(
      `${shown}: term "mbuf": "mbuf" is already used by term "ktls"; each id, term and alias must be unique`,
    );
  });

  it('a talk point whose section does not exist (read when /talk/ is built)', () => {
    const { status, output, shown } = buildSpoiled('talk-section', 'talk.yaml', (t) =>
      t.replace('/parent/#first-section', '/parent/#third-section'),
    );
    expect(status).not.toBe(0);
    expect(output).toContain(
      `${shown}: point "A point of the talk": field "page" names "/parent/#third-section", which is not a page or heading of the guide`,
    );
  });

  it('a BASE_PATH that is not a URL path', () => {
    const { status, output } = buildSite({
      outDir: path.join(ROOT, '.tmp/bad-out/base-path'),
      contentDir: GOOD,
      base: '/my guide/',
    });
    expect(status).not.toBe(0);
    expect(output).toContain('BASE_PATH "/my guide/" is not a URL path such as "/open-connect-guide/"');
  });
});
