/**
 * schema.org data for a page, as JSON-LD: a TechArticle (the page) and a BreadcrumbList (where it sits in the
 * guide). Kept to the properties that search engines read, since it ships in every page's HTML.
 */

export interface Crumb {
  name: string;
  /** Absolute URL. */
  url: string;
}

export interface TalkFacts {
  name: string;
  url: string;
}

export interface PageFacts {
  /** Absolute, canonical URL of the page. */
  url: string;
  title: string;
  description: string;
  /** Absolute URL of the page's social card. */
  image: string;
  /** Name and absolute URL of the guide (its home page). */
  siteName: string;
  siteUrl: string;
  /** From the guide's home down to this page (the page itself last). */
  breadcrumbs: Crumb[];
  /** ISO 8601 date of the last change, when history knows it. */
  dateModified?: string | undefined;
  /** The talk that the guide renders. */
  about: TalkFacts;
}

export function structuredData(page: PageFacts): Record<string, unknown> {
  const guide = { '@type': 'Organization', name: page.siteName, url: page.siteUrl };
  return {
    '@context': 'https://schema.org',
    '@graph': [
      {
        '@type': 'TechArticle',
        headline: page.title,
        description: page.description,
        url: page.url,
        image: page.image,
        inLanguage: 'en',
        ...(page.dateModified ? { dateModified: page.dateModified } : {}),
        isPartOf: { '@type': 'WebSite', name: page.siteName, url: page.siteUrl },
        author: guide,
        publisher: guide,
        about: { '@type': 'CreativeWork', name: page.about.name, url: page.about.url },
      },
      {
        '@type': 'BreadcrumbList',
        itemListElement: page.breadcrumbs.map((c, i) => ({
          '@type': 'ListItem',
          position: i + 1,
          name: c.name,
          item: c.url,
        })),
      },
    ],
  };
}

/**
 * The JSON for a <script type="application/ld+json">: "<" is escaped so that no string in the data can close
 * the script element early.
 */
export function jsonLdText(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
