import { describe, expect, it } from 'vitest';
import { SITE_BASE_DIR } from '../support/astro';
import { builtPages } from '../support/pages';

// Every citation on every built page, read as a reader's browser gets it: each marker leads to its note in the
// page's references, each note leads back to every marker that cites it, and each tooltip carries the evidence.
describe('citations on the built pages', () => {
  const pages = builtPages(SITE_BASE_DIR).filter((p) => p.path !== '/all/');
  const markers = pages.flatMap((page) =>
    page
      .$('.cite > a')
      .toArray()
      .map((a) => ({ page, a: page.$(a) })),
  );

  it('are there to check', () => {
    expect(markers.length).toBeGreaterThan(500);
  });

  it('lead from each marker to its note, and from each note back to that marker', () => {
    const broken = markers.flatMap(({ page, a }) => {
      const id = a.attr('id');
      const note = page.$(a.attr('href') ?? '');
      if (!note.length || !note.closest('.references').length) return [`${page.path}: ${id} leads to no note`];
      if (!note.find(`a.backlink[href="#${id}"]`).length)
        return [`${page.path}: ${note.attr('id')} has no way back to ${id}`];
      return [];
    });
    expect(broken).toEqual([]);
  });

  it('are described by their tooltip: the source, then the locator and passage or the guide’s own reading', () => {
    const bare = markers.flatMap(({ page, a }) => {
      const tip = page.$(`#${a.attr('aria-describedby')}`);
      const source = tip.find('.tip-source').text().trim();
      const evidence = tip.find('.locator').length > 0 && tip.find('q').text().trim().length > 0;
      const own = /^Our (reading of|calculation from|summary of) /.test(tip.find('.stance').text());
      const ok = tip.attr('role') === 'tooltip' && source.length > 5 && (evidence || own);
      return ok ? [] : [`${page.path} ${a.attr('id')}: "${tip.text().trim().slice(0, 80)}"`];
    });
    expect(bare).toEqual([]);
  });

  it('say in the marker itself when the statement is the guide’s own', () => {
    const unmarked = markers.flatMap(({ page, a }) => {
      const own = page.$(`#${a.attr('aria-describedby')}`).find('.stance').length > 0;
      return own && !/: our (reading of|calculation from|summary of) /.test(a.text())
        ? [`${page.path}: ${a.text()}`]
        : [];
    });
    expect(unmarked).toEqual([]);
  });

  it('leave nothing marked as not yet checked', () => {
    const unchecked = markers.filter(({ a }) => a.parent().hasClass('cite-unchecked'));
    expect(unchecked.map(({ page, a }) => `${page.path}: ${a.attr('id')}`)).toEqual([]);
  });

  it('number each page’s sources in the order of its references list', () => {
    const misnumbered = pages.flatMap((page) => {
      const listed = page
        .$('.reference-list > li')
        .toArray()
        .map((li) => page.$(li).attr('id'));
      return page
        .$('.cite > a')
        .toArray()
        .flatMap((a) => {
          const number = Number(page.$(a).text().split(':')[0]);
          const ref = page
            .$(page.$(a).attr('href') ?? '')
            .closest('.reference-list > li')
            .attr('id');
          return listed.indexOf(ref) + 1 === number ? [] : [`${page.path}: marker ${number} leads to reference ${ref}`];
        });
    });
    expect(misnumbered).toEqual([]);
  });
});
