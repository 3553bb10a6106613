import { withBase } from './routes';

/** Name of the guide, as the header and every <title> show it. */
export const SITE_NAME = 'Open Connect & FreeBSD';
export const SITE_TAGLINE = 'How Netflix delivers video with FreeBSD, after the FOSDEM 2019 talk, with every fact sourced.';

/** A site path under the configured base path: href('/glossary/') → '/guide/glossary/'. */
export function href(sitePath: string): string {
  return withBase(import.meta.env.BASE_URL, sitePath);
}

/**
 * Content-Security-Policy for every page, as a <meta> since GitHub Pages sets no headers. Everything comes
 * from this origin; scripts only from files (no inline script, no inline handlers). Inline styles are
 * allowed because the page's own stylesheet is inlined (so a page arrives in one round trip) and Shiki
 * colours code with style attributes.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');
