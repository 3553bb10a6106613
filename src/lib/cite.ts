/** What "cite this page" needs to know about a page. */
export interface CitablePage {
  /** Id of the page ("kernel-features/kernel-tls", "index"), used for the BibTeX key. */
  id: string;
  title: string;
  /** Canonical, absolute URL of the page. */
  url: string;
  /** Name of the guide, which stands as the author. */
  siteName: string;
  /** Day of the last change ("2026-11-20"), when history knows it. */
  day?: string | undefined;
}

/** Plain-text citation: `Open Connect & FreeBSD. Kernel TLS. 2026-11-20. https://…/kernel-features/kernel-tls/` */
export function citationText({ title, url, siteName, day }: CitablePage): string {
  return `${siteName}. ${title}. ${day ? `Last changed ${day}. ` : ''}${url}`;
}

/** Escapes the characters that BibTeX or LaTeX would read as markup. */
export function bibtexEscape(text: string): string {
  return text.replace(/[\\{}&%$#_~^]/g, (c) =>
    c === '\\' ? '\\textbackslash{}' : c === '~' ? '\\textasciitilde{}' : c === '^' ? '\\textasciicircum{}' : `\\${c}`,
  );
}

/** A BibTeX key from the site name and page id: "open-connect-freebsd:kernel-features/kernel-tls". */
export function bibtexKey(siteName: string, id: string): string {
  const slug = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
  return `${slug(siteName)}:${id.split('/').map(slug).join('/')}`;
}

/**
 * A @misc entry (biblatex reads it as @online). The author is the guide itself, in braces so that BibTeX
 * does not split it into given and family names, and so is the title, so that styles keep its capitals (TLS).
 */
export function bibtex(page: CitablePage): string {
  const fields: [string, string][] = [
    ['title', `{${bibtexEscape(page.title)}}`],
    ['author', `{${bibtexEscape(page.siteName)}}`],
    ['howpublished', `\\url{${page.url}}`],
    ['url', page.url],
  ];
  if (page.day) {
    fields.push(['year', page.day.slice(0, 4)], ['note', `Last changed ${page.day}`]);
  }
  const body = fields.map(([k, v]) => `  ${k} = {${v}}`).join(',\n');
  return `@misc{${bibtexKey(page.siteName, page.id)},\n${body}\n}`;
}
