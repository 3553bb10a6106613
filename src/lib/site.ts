import { withBase } from './routes';

/** Name of the guide, as the header and every <title> show it. */
export const SITE_NAME = 'Open Connect & FreeBSD';
/** The source entry of the talk that the guide renders (content/sources), which every page is about. */
export const TALK_SOURCE_ID = 'looney-fosdem-2019-slides';

/** A site path under the configured base path: href('/glossary/') → '/guide/glossary/'. */
export function href(sitePath: string): string {
  return withBase(import.meta.env.BASE_URL, sitePath);
}

/** Where the reader's colour scheme ("light" or "dark"; absent: follow the system) is kept, in localStorage. */
export const SCHEME_KEY = 'oc-scheme';

/**
 * The one inline script of every page, in the <head> before the stylesheet: it applies a stored colour scheme
 * before the first paint (a module runs after it, so the page would flash the system's scheme first). It sets
 * `<html data-scheme>`, which global.css reads; without JavaScript, or with no choice stored, the page follows
 * the system. The policy allows exactly this text by its hash (Head.astro), and it must stay within 300 bytes.
 */
export const SCHEME_SCRIPT = `try{var s=localStorage.getItem("${SCHEME_KEY}");if(s=="dark"||s=="light")document.documentElement.dataset.scheme=s}catch(e){}`;

/**
 * Content-Security-Policy for every page, as a <meta> since GitHub Pages sets no headers. Everything comes
 * from this origin; scripts only from files and from the inline scripts whose hashes are given (the colour
 * scheme script above, hashed where the page is rendered: this module also runs in the browser, which has no
 * synchronous hash); no other inline script and no inline handlers. Inline styles are allowed because the
 * page's own stylesheet is inlined (so a page arrives in one round trip) and Shiki colours code with style
 * attributes.
 *
 * `extraScriptSrc` widens script-src for the one page that needs it: /search/ runs Pagefind, whose
 * search core is WebAssembly. Pagefind runs it in a web worker (which this page's policy does not govern),
 * but falls back to the page itself where a worker cannot start (a page opened from disk, a browser that
 * blocks workers), and compiling WebAssembly there needs 'wasm-unsafe-eval'. It allows WebAssembly only, not
 * JavaScript's eval, and only on /search/.
 */
export function contentSecurityPolicy(
  inlineScriptHashes: readonly string[],
  extraScriptSrc: readonly string[] = [],
): string {
  return [
    "default-src 'self'",
    ["script-src 'self'", ...inlineScriptHashes.map((h) => `'${h}'`), ...extraScriptSrc].join(' '),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}
