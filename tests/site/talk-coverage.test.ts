import { describe, expect, it } from 'vitest';
import { builtPages } from '../support/pages';
import { SITE_ROOT_DIR } from '../support/astro';

/**
 * Every point of the talk's slides (../shared/seed) must be on the site. The prose is our own, so each
 * point is pinned by the words that must survive any rewrite, on the page that covers it. A point that a
 * rewrite drops fails here, naming the slide.
 */
const COVERAGE: [slide: string, page: string, mustMatch: RegExp[]][] = [
  ['Netflix and FreeBSD, FOSDEM 2019', '/', [/Netflix and FreeBSD/, /FOSDEM 2019/, /Jonathan Looney/]],
  ["Open Connect is Netflix's CDN: global, efficient, purpose-built", '/open-connect/', [/Netflix's CDN/, /global/, /efficient/, /built for one purpose/]],
  ['Open Connect Traffic', '/open-connect/', [/Open Connect Traffic/, /100 Tb\/s/]],
  ['The OCA is the "backbone" of the Open Connect network', '/appliance/', [/backbone/]],
  ['The OCA almost exclusively runs open-source software', '/appliance/', [/almost (exclusively|entirely)/i, /open-source software/i]],
  ['40Gb/s Storage Appliance with 248TB storage (2RU form factor)', '/appliance/', [/40 Gb\/s/, /248 TB/, /2 RU/]],
  ['Netflix OCA Workload', '/workload/', [/Netflix OCA Workload/]],
  ['90 Gb/s of TLS with ~55% CPU on a 16-core 2.6-GHz CPU', '/workload/', [/90 Gb\/s/, /55\s?%/, /16.core/i, /2\.6 GHz/, /commodity/i]],
  ['System', '/workload/', [/"System"/, /NGINX/, /sendfile/]],
  ['(Abridged) BSD "Family Tree"', '/freebsd/', [/family tree/i, /4\.4BSD-Lite2/, /386BSD/, /DragonFly/]],
  ['FreeBSD Release Cycle', '/freebsd/', [/stable\//, /releng\//, /CURRENT/]],
  ['We Track FreeBSD "Head"', '/tracking-head/', [/We Track FreeBSD/]],
  ['Typical Release Cycle: five weeks of development, five of testing/deployment', '/tracking-head/', [/five weeks/i, /FreeBSD merge/i, /feature development and integration/i, /dev testing/i, /phased rollout/i]],
  ['Examples of Features', '/kernel-features/', [/NUMA/, /asynchronous sendfile/i, /kernel TLS/i, /pbuf/i, /unmapped/i, /I\/O schedul/i, /TCP algorithms/i, /TCP logging/i]],
  ['Tracking "head" lets us stay forward looking and focused on innovation', '/tracking-head/', [/forward looking/, /innovation/]],
  ['Downstream users can be stuck in "vicious" or "virtuous" cycles', '/upstreaming/', [/vicious/i, /virtuous/i, /downstream/i]],
  ['Reasons We Keep Local Diffs', '/upstreaming/', [/NDA/, /development or testing|in development/i, /generali[sz]/i]],
  ['It is our intention to upstream any code which we can', '/upstreaming/', [/upstream any code/i]],
  ['Benefits to Netflix of tracking head', '/tracking-head/', [/quicker feature iteration/i, /new FreeBSD features/i, /quicker bug fixes/i, /collaboration/i, /merge conflict/i, /amortiz/i]],
  ['Benefits to FreeBSD', '/tracking-head/', [/wide deployment/i, /narrow use case/i, /early intensive testing/i, /incentive/i]],
  ['Objections to running "development" code', '/tracking-head/', [/isn't stable/i, /bugs others will find/i, /security bugs/i, /no one runs development branches/i, /monthly/i, /new bugs each month/i]],
  ['Running FreeBSD "head" lets us deliver large amounts of data efficiently with high feature velocity', '/tracking-head/', [/closes/, /fast pace/]],
];

describe('the talk is covered, slide by slide', () => {
  const text = new Map(builtPages(SITE_ROOT_DIR).map((p) => [p.path, p.$('main').text().replace(/\s+/g, ' ')]));
  it.each(COVERAGE)('%s (on %s)', (_slide, page, patterns) => {
    const main = text.get(page);
    expect(main, `no page ${page}`).toBeDefined();
    // Typography turns quotes curly: compare with straight ones, and report only what is missing.
    const plain = main!.replace(/[“”]/g, '"').replace(/[‘’]/g, "'");
    const missing = patterns.filter((pattern) => !pattern.test(plain)).map(String);
    expect(missing, `${page} lacks these words`).toEqual([]);
  });
});
