import { withBase } from './routes';

/** Name of the guide, as the header and every <title> show it. */
export const SITE_NAME = 'Open Connect & FreeBSD';
/** The source entry of the talk that the guide renders (content/sources), which every page is about. */
export const TALK_SOURCE_ID = 'looney-fosdem-2019-slides';

/** A site path under the configured base path: href('/glossary/') → '/guide/glossary/'. */
export function href(sitePath: string): string {
  return withBase(import.meta.env.BASE_URL, sitePath);
}

/**
 * Content-Security-Policy for every page, as a <meta> since GitHub Pages sets no headers. Everything comes
 * from this origin; scripts only from files (no inline script, no inline handlers). Inline styles are
 * allowed because the page's own stylesheet is inlined (so a page arrives in one round trip) and Shiki
 * colours code with style attributes.
 *
 * `extraScriptSrc` widens script-src for the one page that needs it: /search/ runs Pagefind, whose
 * search core is WebAssembly. Pagefind runs it in a web worker (which this page's policy does not govern),
 * but falls back to the page itself where a worker cannot start (a page opened from disk, a browser that
 * blocks workers), and compiling WebAssembly there needs 'wasm-unsafe-eval'. It allows WebAssembly only, not
 * JavaScript's eval, and only on /search/.
 */
export function contentSecurityPolicy(extraScriptSrc: readonly string[] = []): string {
  return [
    "default-src 'self'",
    ["script-src 'self'", ...extraScriptSrc].join(' '),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}
