import { describe, expect, it } from 'vitest';
import { structuredData, type PageFacts } from '../../../src/lib/structured-data';

const page: PageFacts = {
  url: 'https://example.github.io/guide/numa/',
  title: 'NUMA',
  description: 'How the appliance keeps each connection on one memory domain.',
  image: 'https://example.github.io/guide/og/numa.png',
  siteName: 'The guide',
  siteUrl: 'https://example.github.io/guide/',
  breadcrumbs: [{ name: 'The guide', url: 'https://example.github.io/guide/' }],
  dateModified: '2026-11-20T09:14:03+01:00',
  about: { name: 'The talk', url: 'https://example.org/talk' },
};

describe('what the structured data says of a page', () => {
  it('carries the page’s own facts, the guide as author, publisher and site, and the talk it is about', () => {
    const [article] = structuredData(page)['@graph'] as Record<string, unknown>[];
    const guide = { '@type': 'Organization', name: 'The guide', url: 'https://example.github.io/guide/' };
    expect(structuredData(page)['@context']).toBe('https://schema.org');
    expect(article).toEqual({
      '@type': 'TechArticle',
      headline: 'NUMA',
      description: 'How the appliance keeps each connection on one memory domain.',
      url: 'https://example.github.io/guide/numa/',
      image: 'https://example.github.io/guide/og/numa.png',
      inLanguage: 'en',
      dateModified: '2026-11-20T09:14:03+01:00',
      isPartOf: { '@type': 'WebSite', name: 'The guide', url: 'https://example.github.io/guide/' },
      author: guide,
      publisher: guide,
      about: { '@type': 'CreativeWork', name: 'The talk', url: 'https://example.org/talk' },
    });
  });
});
