import { describe, expect, it } from 'vitest';
import { builtPages } from '../support/pages';
import { SITE_ROOT_DIR } from '../support/astro';
import { loadTalk } from '../../src/lib/talk';

/**
 * Every point of the talk's slides must be on the site. content/talk.yaml lists the points, the section
 * that covers each and the words that section must keep; the prose is our own, so those words are what a
 * rewrite may not drop. A dropped point fails here, naming the slide and the missing words.
 */
describe('the talk is covered, point by point', () => {
  const pages = builtPages(SITE_ROOT_DIR);
  // Typography turns quotes curly: compare with straight ones.
  const text = new Map(
    pages.map((p) => [p.path, p.$('main').text().replace(/\s+/g, ' ').replace(/[“”]/g, '"').replace(/[‘’]/g, "'")]),
  );
  const points = loadTalk();

  it('lists the slide text in full, from the title slide to the closing message', () => {
    expect(points.length).toBeGreaterThanOrEqual(21);
  });

  it.each(points.map((p) => [p.slide, p] as const))('%s', (_slide, point) => {
    const page = point.page.split('#')[0]!;
    const main = text.get(page);
    expect(main, `no page ${page}`).toBeDefined();
    expect(
      point.evidence.filter((words) => !main!.includes(words)),
      `${page} lacks these words`,
    ).toEqual([]);
  });

  it('points each slide with a diagram to the guide’s drawing of it, which is on that page', () => {
    for (const slide of [
      'Open Connect Traffic',
      'Netflix OCA Workload',
      'We Track FreeBSD "Head"',
      'Typical Release Cycle',
    ])
      expect(points.find((p) => p.slide === slide)?.figures, slide).toHaveLength(1);
    expect(points.find((p) => p.slide.includes('"vicious" or "virtuous" cycles'))?.figures).toHaveLength(1);
    for (const p of points)
      for (const f of p.figures) {
        const [page, id] = f.split('#') as [string, string];
        const built = pages.find((x) => x.path === page)!;
        expect(built.$(`figure#${id} svg[role="img"]`).length, f).toBeGreaterThan(0);
      }
  });

  it('renders /talk/ with every point linked to its section, and to the sections that go beyond it', () => {
    const talk = pages.find((p) => p.path === '/talk/')!;
    const items = talk.$('.talk-points > li').toArray();
    const hrefs = (selector: string) =>
      items.map((li) =>
        talk
          .$(li)
          .find(selector)
          .map((_, a) => talk.$(a).attr('href'))
          .get(),
      );
    expect(hrefs('a:not(.talk-further a, .talk-figure a)')).toEqual(points.map((p) => [p.page]));
    expect(hrefs('.talk-figure a')).toEqual(points.map((p) => p.figures));
    expect(hrefs('.talk-further a')).toEqual(points.map((p) => p.further));
  });
});
