import { describe, expect, it } from 'vitest';
import { builtPages } from '../support/pages';
import { SITE_ROOT_DIR } from '../support/astro';
import { loadFillData } from '../../src/figures/fill-vs-pull';

// The fill-versus-pull explorable as the build publishes it: where it is, and that every number it starts from
// and every published figure it is set beside reach the reader with their evidence, without JavaScript.
describe('the fill-versus-pull explorable in the built guide', () => {
  const pages = new Map(builtPages(SITE_ROOT_DIR).map((p) => [p.path, p]));
  const fill = pages.get('/fill/')!;
  const { values, checks } = loadFillData();
  const norm = (text: string) => text.replace(/\s+/g, ' ').trim();

  it('is on the fill chapter, in its own subsection of "Why fill instead of pull", and only there', () => {
    const { $ } = fill;
    expect($('figure#fill-vs-pull')).toHaveLength(1);
    // In document order: the last heading before the figure is the subsection's, under the section that asks
    // why Netflix fills.
    const order = $('main h2[id], main h3[id], main figure#fill-vs-pull').toArray();
    const before = order.slice(
      0,
      order.findIndex((el) => el.attribs['id'] === 'fill-vs-pull'),
    );
    expect(before.at(-1)!.attribs['id']).toBe('fill-and-pull-side-by-side');
    expect(before.filter((h) => h.tagName === 'h2').at(-1)!.attribs['id']).toBe('why-fill-instead-of-pull');
    const elsewhere = [...pages.values()]
      .filter((p) => p.path !== '/fill/' && p.path !== '/all/')
      .filter((p) => p.$('oc-fill-vs-pull, figure[id$="fill-vs-pull"]').length > 0)
      .map((p) => p.path);
    expect(elsewhere).toEqual([]);
  });

  it('leaves /open-connect/ one sentence that links to it', () => {
    const { $ } = pages.get('/open-connect/')!;
    const links = $('main a[href="/fill/#fill-and-pull-side-by-side"]');
    expect(links).toHaveLength(1);
    const sentences = norm(links.closest('p').text()).split(/(?<=\.) /);
    expect(sentences.filter((s) => /simulation/i.test(s))).toHaveLength(1);
    expect(norm($('main').text())).not.toMatch(/Two contrasting cases|Start from a case/);
  });

  it('lists every number the model starts from, each with its source or labelled illustrative with its reason', () => {
    const { $ } = fill;
    const items = $('#fill-vs-pull .fig-data .fill-list')
      .first()
      .children('li')
      .toArray()
      .map((li) => ({ text: norm($(li).text()), sources: $(li).find('a[href^="/sources/#"]').length }));
    expect(items).toHaveLength(values.length);
    values.forEach((v, i) => {
      const item = items[i]!;
      expect(item.text, v.label).toMatch(new RegExp(`^${v.label.replace(/[()]/g, '\\$&')}: `));
      if (v.basis === 'illustrative') {
        expect(item.text, v.label).toContain(', illustrative: ');
        expect(item.text, v.label).toContain(norm(v.note!));
      } else {
        expect(item.text, v.label).toContain(
          v.basis === 'published' ? ', published' : ', fitted to a published figure',
        );
        expect(item.sources, `${v.label}: a link to its source`).toBeGreaterThan(0);
      }
    });
  });

  it('sets every published figure beside what the model gives, each with its source', () => {
    const { $ } = fill;
    const items = $('#fill-vs-pull .fig-data .fill-list')
      .eq(1)
      .children('li')
      .toArray()
      .map((li) => ({ text: norm($(li).text()), sources: $(li).find('a[href^="/sources/#"]').length }));
    expect(items).toHaveLength(checks.length);
    checks.forEach((c, i) => {
      const item = items[i]!;
      expect(item.text).toContain(`${c.label}: ${c.published}.`);
      if (c.measure === 'none') expect(item.text).toContain('Context: not modelled.');
      else expect(item.text, c.label).toMatch(/The model: [^.]*\d/);
      expect(item.sources, `${c.label}: a link to its source`).toBeGreaterThan(0);
    });
  });

  it('draws the starting point and two contrasting cases at build time, each with its results table', () => {
    const { $ } = fill;
    expect($('#fill-vs-pull svg[role=img]')).toHaveLength(3);
    expect($('#fill-vs-pull table.fill-results')).toHaveLength(3);
    expect(
      $('#fill-vs-pull .fill-case figcaption')
        .toArray()
        .map((c) => norm($(c).text())),
    ).toEqual([
      expect.stringMatching(/^With a forecast no better than chance\. .*Proactive fill serves \d+% of the demand/),
      expect.stringMatching(/^At a small ISP, 1 Gb\/s at the evening peak\. .*Published: /),
    ]);
    expect($('#fill-vs-pull oc-fill-vs-pull output').text()).toMatch(/^Proactive fill serves \d+% of the demand/);
  });

  it('stays static on the one-page edition: no form, no script', () => {
    const { $ } = pages.get('/all/')!;
    const figure = $('figure[id$="fill-vs-pull"]');
    expect(figure).toHaveLength(1);
    expect(figure.find('svg[role=img]')).toHaveLength(3);
    expect(figure.find('form, input, button')).toHaveLength(0);
    expect($('script[src]')).toHaveLength(0);
  });
});
