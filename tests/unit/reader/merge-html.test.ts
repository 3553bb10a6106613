import { describe, expect, it } from 'vitest';
import { mergeHtml, mergedHref, pageAnchor, prefixedId, type MergedTarget } from '../../../src/lib/merge-html';

const BASE = '/guide/';
const targets = new Map<string, MergedTarget>([
  ['/kernel-features/kernel-tls/', { prefix: 'kernel-features-kernel-tls', has: (a) => a !== 'cite-this-page' }],
  ['/', { prefix: 'home' }],
  ['/glossary/', { prefix: 'glossary' }],
  ['/sources/', { prefix: 'sources', has: (a) => a === 'ktls-4' }],
]);
const merge = (html: string, demote = 0) =>
  mergeHtml(html, { prefix: 'workload', demote, rewriteHref: (h) => mergedHref(h, BASE, targets) });

describe('pageAnchor', () => {
  it('names each page’s place on the merged page', () => {
    expect(pageAnchor('kernel-features/kernel-tls')).toBe('kernel-features-kernel-tls');
    expect(pageAnchor('index')).toBe('home');
    expect(prefixedId('workload', 'references')).toBe('workload--references');
  });
});

describe('mergeHtml', () => {
  it('prefixes every id and every same-page link to one', () => {
    expect(
      merge(
        '<h2 id="why"><a class="heading-link" href="#why">Why</a></h2><p>See <a href="#bib-ktls-4" id="citation--ktls-4--1">1</a>.</p>',
      ),
    ).toBe(
      '<h2 id="workload--why"><a class="heading-link" href="#workload--why">Why</a></h2><p>See <a href="#workload--bib-ktls-4" id="workload--citation--ktls-4--1">1</a>.</p>',
    );
  });

  it('prefixes ids that other attributes refer to (tooltips, labels)', () => {
    expect(
      merge(
        '<span class="term"><a href="#x" aria-describedby="tip-ktls">kTLS</a><span role="tooltip" id="tip-ktls">…</span></span><section aria-labelledby="references"><h2 id="references">References</h2></section><label for="f">F</label><input id="f">',
      ),
    ).toBe(
      '<span class="term"><a href="#workload--x" aria-describedby="workload--tip-ktls">kTLS</a><span role="tooltip" id="workload--tip-ktls">…</span></span><section aria-labelledby="workload--references"><h2 id="workload--references">References</h2></section><label for="workload--f">F</label><input id="workload--f">',
    );
  });

  it('turns links to other pages of the guide into links within the merged page', () => {
    const html = [
      '<a href="/guide/kernel-features/kernel-tls/#how-ktls-works">a</a>',
      '<a href="/guide/kernel-features/kernel-tls/">b</a>',
      '<a href="/guide/">c</a>',
      '<a href="/guide/glossary/#ktls">d</a>',
      '<a href="/guide/sources/#ktls-4">e</a>',
    ].join('');
    expect(merge(html)).toBe(
      '<a href="#kernel-features-kernel-tls--how-ktls-works">a</a><a href="#kernel-features-kernel-tls">b</a><a href="#home">c</a><a href="#glossary--ktls">d</a><a href="#sources--ktls-4">e</a>',
    );
  });

  it('keeps links to what the merged page does not hold', () => {
    const html =
      '<a href="/guide/sources/#not-cited">a</a><a href="/guide/kernel-features/kernel-tls/#cite-this-page">b</a><a href="/guide/search/">c</a><a href="https://www.freebsd.org/">d</a><a href="#">e</a>';
    expect(merge(html)).toBe(html);
  });

  it('names labelled regions after the page too, so that landmarks stay distinct on the merged page', () => {
    const html =
      '<section class="references" aria-labelledby="references"><h2 id="references">References</h2></section>';
    expect(mergeHtml(html, { prefix: 'numa', label: 'numa' })).toBe(
      '<section class="references" aria-labelledby="numa numa--references"><h2 id="numa--references">References</h2></section>',
    );
  });

  it('drops scripts (the merged page ships none) but keeps data', () => {
    expect(
      merge(
        '<figure id="f"><svg></svg></figure><script type="module" src="/guide/_astro/fig.js"></script><script>x()</script><script type="application/ld+json">{}</script>',
      ),
    ).toBe('<figure id="workload--f"><svg></svg></figure><script type="application/ld+json">{}</script>');
  });

  it('moves headings down a level when asked, so the merged page keeps one outline', () => {
    expect(merge('<h2 id="a">A</h2><h3 id="b">B</h3><h6>F</h6>', 1)).toBe(
      '<h3 id="workload--a">A</h3><h4 id="workload--b">B</h4><h6>F</h6>',
    );
  });
});

describe('mergedHref', () => {
  it('needs the base path and decodes the anchor', () => {
    expect(mergedHref('/kernel-features/kernel-tls/', BASE, targets)).toBeUndefined();
    expect(mergedHref('/guide/kernel-features/kernel-tls/#top', BASE, targets)).toBe('#kernel-features-kernel-tls');
    expect(mergedHref('/guide/kernel-features/kernel-tls#caf%C3%A9', BASE, targets)).toBe(
      '#kernel-features-kernel-tls--café',
    );
  });
});
