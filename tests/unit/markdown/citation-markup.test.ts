import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { visitParents } from 'unist-util-visit-parents';
import type { Element, Root } from 'hast';
import { renderMarkdown } from '../../support/render';
import { PageCitations } from '../../../src/lib/citations/page';
import type { CitationItem } from '../../../src/lib/citations/syntax';
import type { Source } from '../../../src/schemas/source';

const source = (id: string): Source => ({
  id,
  type: 'webpage',
  title: `Title of ${id}`,
  issued: { 'date-parts': [[2019, 2, 2]] },
  URL: `https://example.org/${id}`,
});
const item = (more: Partial<CitationItem>): CitationItem => ({ key: 'x', stance: 'quoted', unchecked: false, ...more });

/** A page that uses every kind of citation: quoted twice, the guide's own reading, unchecked. */
const EVERY_KIND =
  'A [@talk-2019, slide 2: "Kernel TLS moves"]. B [@talk-2019, slide 2: "Kernel TLS moves"]. ' +
  'C [our reading of @paper-2021, p. 1]. D [@paper-2021, unchecked].';

const elements = (tree: Root) => {
  const found: { el: Element; parent: Element | Root }[] = [];
  visitParents(tree, 'element', (el, ancestors) => {
    found.push({ el, parent: ancestors.at(-1) as Element | Root });
  });
  return found;
};
const classesOf = (el: Element) => (el.properties['className'] as string[] | undefined) ?? [];

describe('the markup of a page’s citations', () => {
  it('carries every class that citations.css styles', async () => {
    const { code } = await renderMarkdown(EVERY_KIND);
    const used = new Set(elements(fromHtml(code, { fragment: true })).flatMap(({ el }) => classesOf(el)));
    const css = fs.readFileSync('src/styles/citations.css', 'utf8').replace(/\/\*[^]*?\*\//g, '');
    const styled = new Set([...css.matchAll(/\.([a-z][a-z-]*)/g)].map((m) => m[1]!));
    expect(styled.size).toBeGreaterThan(5);
    expect([...styled].filter((c) => !used.has(c))).toEqual([]);
  });

  it('lists each note under its source’s entry, every list item inside a list', async () => {
    const { code } = await renderMarkdown(EVERY_KIND);
    const tree = fromHtml(code, { fragment: true });
    const items = elements(tree).filter(({ el }) => el.tagName === 'li');
    expect(items.length).toBeGreaterThanOrEqual(5);
    for (const { parent } of items)
      expect(parent.type === 'element' && ['ul', 'ol'].includes(parent.tagName)).toBe(true);
    const notes: string[] = [];
    visitParents(tree, 'element', (el, ancestors) => {
      const id = String(el.properties['id'] ?? '');
      if (!id.startsWith('note-')) return;
      const entry = ancestors.find((a) => a.type === 'element' && a.tagName === 'li' && a !== el) as
        Element | undefined;
      notes.push(`${id} in ${String(entry?.properties['id'])}`);
    });
    expect(notes).toEqual(['note-1-1 in ref-talk-2019', 'note-2-1 in ref-paper-2021', 'note-2-2 in ref-paper-2021']);
  });

  it('labels the references section by its own heading', () => {
    const page = new PageCitations();
    page.cite(item({ unchecked: true }), source('x'));
    const section = page.references(new Map([['x', 'Entry.']]))!;
    const [label] = section.properties['ariaLabelledBy'] as string[];
    const heading = section.children.find((c): c is Element => c.type === 'element' && /^h[1-6]$/.test(c.tagName));
    expect(label).toBeTruthy();
    expect(heading?.properties['id']).toBe(label);
  });

  it('keeps apart two passages quoted from the same slide, each with its own note', () => {
    const page = new PageCitations();
    const x = source('x');
    page.cite(item({ locator: { label: 'slide', value: '2' }, passage: 'first words' }), x);
    page.cite(item({ locator: { label: 'slide', value: '2' }, passage: 'other words' }), x);
    expect(page.uses[0]!.notes.map((n) => n.item.passage)).toEqual(['first words', 'other words']);
    const refs = toHtml(page.references(new Map([['x', 'Entry.']]))!);
    expect(refs).toContain('<li id="note-1-1"><span class="locator">Slide 2</span>: <q>first words</q>');
    expect(refs).toContain('<li id="note-1-2"><span class="locator">Slide 2</span>: <q>other words</q>');
  });
});
