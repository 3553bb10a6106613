import { describe, expect, it } from 'vitest';
import { jsonLdText, structuredData, type PageFacts } from '../../../src/lib/structured-data';
import { schemaOrgProblems, topTypes } from '../../support/schema-org';

const page: PageFacts = {
  url: 'https://example.github.io/guide/kernel-features/kernel-tls/',
  title: 'Kernel TLS',
  description: 'Why Netflix moved TLS record encryption into the FreeBSD kernel.',
  image: 'https://example.github.io/guide/og/kernel-features/kernel-tls.png',
  siteName: 'Open Connect & FreeBSD',
  siteUrl: 'https://example.github.io/guide/',
  breadcrumbs: [
    { name: 'Open Connect & FreeBSD', url: 'https://example.github.io/guide/' },
    { name: 'Kernel features', url: 'https://example.github.io/guide/kernel-features/' },
    { name: 'Kernel TLS', url: 'https://example.github.io/guide/kernel-features/kernel-tls/' },
  ],
  dateModified: '2026-11-20T09:14:03+01:00',
  about: {
    name: 'Netflix and FreeBSD: Using Open Source to Deliver Streaming Video',
    url: 'https://papers.freebsd.org/2019/fosdem/looney-netflix_and_freebsd/',
  },
};

describe('structuredData', () => {
  it('is a TechArticle and a BreadcrumbList that schema.org’s definitions accept', () => {
    const data = structuredData(page);
    expect(topTypes(data)).toEqual(['TechArticle', 'BreadcrumbList']);
    expect(schemaOrgProblems(data)).toEqual([]);
  });

  it('numbers the breadcrumbs from 1 and ends with the page itself', () => {
    const list = (structuredData(page)['@graph'] as Record<string, unknown>[])[1]!;
    expect(list['itemListElement']).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Open Connect & FreeBSD', item: 'https://example.github.io/guide/' },
      {
        '@type': 'ListItem',
        position: 2,
        name: 'Kernel features',
        item: 'https://example.github.io/guide/kernel-features/',
      },
      { '@type': 'ListItem', position: 3, name: 'Kernel TLS', item: page.url },
    ]);
  });

  it('leaves dateModified out when history does not know it, and stays valid', () => {
    const data = structuredData({ ...page, dateModified: undefined });
    expect(JSON.stringify(data)).not.toContain('dateModified');
    expect(schemaOrgProblems(data)).toEqual([]);
  });

  it('is caught by the checks when it is wrong', () => {
    const bad = structuredData({
      ...page,
      url: '/guide/kernel-features/kernel-tls/',
      dateModified: 'last week',
      breadcrumbs: [{ name: 'Home', url: '/' }],
    });
    expect(schemaOrgProblems(bad)).toEqual([
      '@graph[0].url: "/guide/kernel-features/kernel-tls/" is none of URL',
      '@graph[0].dateModified: "last week" is none of Date, DateTime',
      '@graph[1].itemListElement[0].item: "/" is none of Thing, URL',
      '@graph[1].itemListElement[0]: item is not an absolute URL',
    ]);
    expect(
      schemaOrgProblems({
        '@context': 'https://schema.org',
        '@type': 'TechArticle',
        headline: 'x',
        itemListElement: [],
      }),
    ).toContain('@graph[0].itemListElement: not a property of TechArticle (it belongs to ItemList)');
  });
});

describe('jsonLdText', () => {
  it('cannot close its <script> early', () => {
    const text = jsonLdText({ name: '</script><script>alert(1)</script>' });
    expect(text).not.toContain('</script');
    expect(JSON.parse(text)).toEqual({ name: '</script><script>alert(1)</script>' });
  });
});
