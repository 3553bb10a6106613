import { describe, expect, it } from 'vitest';
import { bibtex, bibtexEscape, bibtexKey, citationText } from '../../../src/lib/cite';

const page = {
  id: 'kernel-features/kernel-tls',
  title: 'Kernel TLS',
  url: 'https://example.github.io/guide/kernel-features/kernel-tls/',
  siteName: 'Open Connect & FreeBSD',
  day: '2026-11-20',
};

describe('cite this page', () => {
  it('gives a plain-text citation with the canonical URL and the day of the last change', () => {
    expect(citationText(page)).toBe(
      'Open Connect & FreeBSD. Kernel TLS. Last changed 2026-11-20. https://example.github.io/guide/kernel-features/kernel-tls/',
    );
    expect(citationText({ ...page, day: undefined })).toBe(
      'Open Connect & FreeBSD. Kernel TLS. https://example.github.io/guide/kernel-features/kernel-tls/',
    );
  });

  it('gives a BibTeX @misc entry, the guide as a corporate author', () => {
    expect(bibtex(page)).toBe(
      [
        '@misc{open-connect-freebsd:kernel-features/kernel-tls,',
        '  title = {{Kernel TLS}},',
        '  author = {{Open Connect \\& FreeBSD}},',
        '  howpublished = {\\url{https://example.github.io/guide/kernel-features/kernel-tls/}},',
        '  url = {https://example.github.io/guide/kernel-features/kernel-tls/},',
        '  year = {2026},',
        '  note = {Last changed 2026-11-20}',
        '}',
      ].join('\n'),
    );
  });

  it('leaves out year and note when the date is unknown', () => {
    expect(bibtex({ ...page, day: undefined })).not.toMatch(/year|note/);
  });

  it('escapes what BibTeX would read as markup, and makes keys of safe characters', () => {
    expect(bibtexEscape('50% of $5 & #1_a {b} ~c ^d \\e')).toBe(
      '50\\% of \\$5 \\& \\#1\\_a \\{b\\} \\textasciitilde{}c \\textasciicircum{}d \\textbackslash{}e',
    );
    expect(bibtexKey('Open Connect & FreeBSD', 'index')).toBe('open-connect-freebsd:index');
  });
});
