import fs from 'node:fs';
import path from 'node:path';
import type { KnownPages } from './anchors';
import { withBase } from './routes';

/**
 * The one check of a URL an author writes — in a chapter's Markdown or MDX, a glossary `see:`, the talk's
 * points — and its rewriting under the base path. Root-relative links must name a page of the guide and, if
 * they have one, an anchor on it; links to other sites must be http, https or mailto (never javascript:,
 * data:, file:); images must be files of the site (the site loads nothing from another origin).
 */

/**
 * A checked link: its URL under the base path, and, for an anchor on a chapter page (known only once the site
 * is built), the page and anchor that the build checks at its end; or why the link is wrong.
 */
export type LinkResult = { url: string; pending?: { page: string; anchor: string } } | { problem: string };

/** Schemes a link to somewhere else may use. */
const OTHER_SITE = /^(https?:\/\/|mailto:)/i;
const ANY_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

export interface LinkContext {
  base: string;
  pages: KnownPages;
  /** Site path of the page the link is on, for same-page "#anchor" links (undefined: not a page of the guide). */
  self?: string | undefined;
}

/** Checks a link and returns it rewritten under the base path, or why it is wrong (a phrase after `link to "…"`). */
export function checkLink(url: string, { base, pages, self }: LinkContext): LinkResult {
  if (OTHER_SITE.test(url)) return { url };
  if (ANY_SCHEME.test(url))
    return {
      problem: `uses the scheme "${url.split(':')[0]}:"; a link goes to a page of the guide or to an http, https or mailto URL`,
    };
  if (url.startsWith('//')) return { problem: 'leaves out its scheme; write https://…' };
  if (url.startsWith('#')) {
    const anchor = decodeURIComponent(url.slice(1));
    if (!self) return { url };
    const anchors = pages.anchors.get(self);
    if (anchors && !anchors.has(anchor)) return { problem: `names no anchor on this page` };
    return anchors ? { url } : { url, pending: { page: self, anchor } };
  }
  if (!url.startsWith('/'))
    return { problem: 'is relative; write a root-relative path such as "/kernel-features/kernel-tls/"' };
  const [beforeHash = '/', hash] = url.split('#', 2);
  const [rawPath = '/', query] = beforeHash.split('?', 2);
  const sitePath = rawPath.endsWith('/') ? rawPath : `${rawPath}/`;
  if (!pages.paths.has(sitePath))
    return { problem: `points to no page of the guide; pages are: ${[...pages.paths].sort().join(', ')}` };
  const rebased =
    withBase(base, sitePath) + (query === undefined ? '' : `?${query}`) + (hash === undefined ? '' : `#${hash}`);
  if (hash === undefined) return { url: rebased };
  const anchor = decodeURIComponent(hash);
  const anchors = pages.anchors.get(sitePath);
  if (anchors && !anchors.has(anchor)) return { problem: `names anchor "#${hash}", which is not on ${sitePath}` };
  return anchors ? { url: rebased } : { url: rebased, pending: { page: sitePath, anchor } };
}

export interface ImageContext {
  base: string;
  /** The project's public/ folder, whose files the site serves from its root. */
  publicDir: string;
  /** The file the image is written in, for relative paths. */
  file: string;
}

/** Checks an image's source and returns it rewritten under the base path, or why it is wrong. */
export function checkImage(src: string, { base, publicDir, file }: ImageContext): LinkResult {
  if (ANY_SCHEME.test(src) || src.startsWith('//'))
    return {
      problem:
        'is on another site or inline; put the image in public/ (the site loads nothing from another origin) and write its path, e.g. "/images/oca.svg"',
    };
  if (src.startsWith('/')) {
    const target = path.join(publicDir, decodeURIComponent(src.split(/[?#]/)[0]!));
    if (!fs.existsSync(target) || !fs.statSync(target).isFile())
      return { problem: `names no file of the site; there is no ${path.relative(process.cwd(), target)}` };
    return { url: withBase(base, src) };
  }
  const target = path.resolve(path.dirname(file), decodeURIComponent(src.split(/[?#]/)[0]!));
  if (!fs.existsSync(target)) return { problem: `names no file; there is no ${path.relative(process.cwd(), target)}` };
  return { url: src };
}
