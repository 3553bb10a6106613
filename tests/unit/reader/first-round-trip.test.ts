import { describe, expect, it } from 'vitest';
import { firstRoundTrip } from '../../../scripts/bench/sizes';

// Text that gzip cannot shrink much, so that a page of it is longer than one round trip.
const noise = (n: number) => Array.from({ length: n }, (_, i) => ((i * 2654435761) >>> 0).toString(36)).join(' ');
const page = (before: string, after = '') =>
  `<!doctype html><html><head><style>p{color:red}</style></head><body><header class="site-header">Site</header><main><div class="prose"><p>${before}</p><h2>First</h2><p>${after}</p></div></main></body></html>`;

describe('the first round trip of a page', () => {
  it('holds a short page whole', () => {
    const trip = firstRoundTrip(page('intro', 'rest'));
    expect(trip).toMatchObject({ head: true, header: true, firstSection: true, lateBlocking: [] });
  });

  it('holds the first section of a long page, whatever follows it', () => {
    const trip = firstRoundTrip(page('intro', noise(20_000)));
    expect(trip.firstSection).toBe(true);
    expect(trip.prefix.length).toBeLessThan(page('intro', noise(20_000)).length);
  });

  it('misses the first section when the text before it is longer than a round trip', () => {
    expect(firstRoundTrip(page(noise(20_000))).firstSection).toBe(false);
  });

  it('finds a render-blocking stylesheet or classic script after the first round trip, but not a module or JSON-LD', () => {
    const late = firstRoundTrip(
      page(
        'intro',
        `${noise(20_000)}<link rel="stylesheet" href="/x.css"><link rel="stylesheet" href="/p.css" media="print"><script src="/a.js"></script><script type="module" src="/m.js"></script><script type="application/ld+json">{}</script>`,
      ),
    ).lateBlocking;
    expect(late).toEqual(['<link rel="stylesheet" href="/x.css">', '<script src="/a.js">']);
  });
});
