import { describe, expect, it } from 'vitest';
import { builtPages } from '../support/pages';
import { SITE_ROOT_DIR } from '../support/astro';
import { TALK_DIAGRAMS, TALK_DIAGRAM_VIEWS, talkDiagramData } from '../../src/figures/talk-diagrams';

/**
 * The talk's five diagrams, redrawn (src/figures/talk-diagrams.ts), each on the page where the talk's point
 * is discussed, as build-time SVG with its text alternative: a title and a description for each drawing, a
 * caption, and a table with every part, its words and its source. No slide image is on any page.
 */
const WHERE: Record<(typeof TALK_DIAGRAM_VIEWS)[number], string> = {
  workload: '/workload/',
  traffic: '/open-connect/',
  branches: '/tracking-head/',
  release: '/tracking-head/',
  cycles: '/upstreaming/',
};

describe('the talk’s diagrams, redrawn', () => {
  const pages = builtPages(SITE_ROOT_DIR);

  it('are all placed', () => {
    expect(Object.keys(WHERE).sort()).toEqual([...TALK_DIAGRAM_VIEWS].sort());
  });

  it.each(TALK_DIAGRAM_VIEWS)(
    '%s: drawn on its page, with a title, a description, a caption and its parts in a table',
    (view) => {
      const spec = TALK_DIAGRAMS[view];
      const page = pages.find((p) => p.path === WHERE[view])!;
      const { $ } = page;
      const fig = $(`figure.fig#${spec.id}`);
      expect(fig.length, `${WHERE[view]} has figure #${spec.id}`).toBe(1);

      const svgs = fig.find('svg[role="img"]');
      expect(svgs.length).toBe(view === 'cycles' ? 2 : 1);
      svgs.each((_, svg) => {
        const ids = ($(svg).attr('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
        expect(ids).toHaveLength(2);
        const [title, desc] = ids.map((id) => $(svg).find(`#${id}`));
        expect(title!.is('title') && title!.text().trim().length > 5, 'its title').toBe(true);
        expect(desc!.is('desc') && desc!.text().trim().length > 40, 'its description').toBe(true);
      });

      const caption = fig.children('figcaption');
      expect(caption.find('strong').text()).toContain(spec.title.replace(/’/g, '’'));
      expect(caption.text()).toMatch(/our reading/);
      expect(caption.find('a[href*="/sources/#looney-fosdem-2019-slides"]').length).toBeGreaterThan(0);

      // Every part: a row of the table with its words and a link to its source; and its words in the drawing.
      const parts = talkDiagramData(view).load();
      const rows = caption.find('details.fig-data tbody tr');
      expect(rows.length).toBe(parts.length);
      rows.each((i, tr) => {
        expect($(tr).find('td').eq(1).text()).toContain(parts[i]!.label);
        expect($(tr).find('a[href*="/sources/#"]').length, parts[i]!.id).toBeGreaterThan(0);
      });
      const drawn = svgs.find('text').text().replace(/\s+/g, '');
      for (const p of parts.filter((x) =>
        ['box', 'cloud', 'group', 'lane', 'phase', 'stage', 'ring', 'step'].includes(x.kind),
      ))
        expect(drawn, p.id).toContain(p.label.replace(/\s+/g, ''));

      // Drawn by the guide: no image, no script.
      expect(fig.find('img, image, script, foreignObject').length).toBe(0);
    },
  );

  it('say in words what the workload diagram shows, step by step', () => {
    const $ = pages.find((p) => p.path === '/workload/')!.$;
    const desc = $('#oca-workload desc').text();
    expect(desc).toContain('RAM holds Plain-text Data and Encrypted Data');
    expect(desc).toMatch(
      /1, Disks to Plain-text Data.*2, Plain-text Data to CPU.*3, CPU to Encrypted Data.*4, Encrypted Data to NICs/,
    );
  });

  it('name the canary stage of the release cycle, between dev testing and the phased rollout', () => {
    const $ = pages.find((p) => p.path === '/tracking-head/')!.$;
    expect($('#release-cycle desc').text()).toMatch(
      /Dev Testing \(weeks 5 to 6\.5\), Canary Testing \(weeks 6\.5 to 8\), Phased Rollout \(weeks 8 to 10\)/,
    );
  });
});
