import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { SITE_BASE_DIR } from '../support/astro';
import { FIRST_ROUND_TRIP, firstRoundTrip, htmlFiles, kb, sitePathOf, table } from '../../scripts/bench/sizes';

// The first round trip carries what the first screen needs; a page may be as long as its content needs after
// that. Measured on the project-site build, gzipped at level 6 as a static host serves it.
describe(`the first round trip (the first ${FIRST_ROUND_TRIP} bytes of gzip) of every page`, () => {
  const pages = htmlFiles(SITE_BASE_DIR).map((rel) => {
    const html = fs.readFileSync(path.join(SITE_BASE_DIR, rel), 'utf8');
    return { path: sitePathOf(rel), html, trip: firstRoundTrip(html) };
  });

  it('prints how much of each page the first round trip carries', () => {
    console.log(
      `\nFirst round trip (${kb(FIRST_ROUND_TRIP)} of gzip, level 6): how much HTML it decompresses to, of the whole page\n` +
        table(
          ['page', 'HTML in first trip', 'whole HTML', 'head', 'header', 'first section'],
          pages.map((p) => [
            p.path,
            kb(p.trip.prefix.length),
            kb(p.html.length),
            p.trip.head ? 'yes' : 'NO',
            p.trip.header ? 'yes' : 'NO',
            p.trip.firstSection ? 'yes' : 'NO',
          ]),
        ),
    );
    expect(pages.length).toBeGreaterThan(10);
  });

  it('holds the whole <head>, the site header and the main content through its first section heading', () => {
    const short = pages
      .filter((p) => !(p.trip.head && p.trip.header && p.trip.firstSection))
      .map((p) => `${p.path}: head ${p.trip.head}, header ${p.trip.header}, first section ${p.trip.firstSection}`);
    expect(short).toEqual([]);
  });

  it('leaves no render-blocking stylesheet or script beyond those bytes', () => {
    const late = pages
      .filter((p) => p.trip.lateBlocking.length > 0)
      .map((p) => `${p.path}: ${p.trip.lateBlocking.join(' ')}`);
    expect(late).toEqual([]);
  });
});
