import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Parser } from 'htmlparser2';

/**
 * Puts several pages' HTML on one page (/all/) without clashing ids: every id inside a page gets the page's
 * prefix ("references" → "kernel-features-kernel-tls--references"), and so does every reference to an id
 * (same-page "#…" links, aria-describedby, aria-labelledby, for, …). Links to other pages of the guide are
 * turned into links within the merged page by `rewriteHref`.
 */

/** The anchor of a page on the merged page: "kernel-features/kernel-tls" → "kernel-features-kernel-tls". */
export function pageAnchor(id: string): string {
  return id === 'index' ? 'home' : id.replace(/\//g, '-');
}

/** An id of a page, made unique on the merged page. */
export function prefixedId(prefix: string, id: string): string {
  return `${prefix}--${id}`;
}

export interface MergeOptions {
  /** Prefix for this page's ids; see pageAnchor. */
  prefix: string;
  /** New href for a link that does not start with "#", or undefined to keep it as it is. */
  rewriteHref?: (href: string) => string | undefined;
  /** Levels to move headings down by (1: h2 → h3), so that the merged page keeps one outline. */
  demote?: number;
  /**
   * Id of the element that names the page on the merged page (its heading), put first in the
   * aria-labelledby of each labelled region inside: every chapter has a "References" region, and
   * landmarks on one page need distinct names ("Kernel TLS References").
   */
  label?: string | undefined;
}

/** Attributes whose value is one id or a list of ids (lower case, as the parser reports them). */
const IDREFS = new Set([
  'for',
  'aria-describedby',
  'aria-labelledby',
  'aria-controls',
  'aria-owns',
  'aria-details',
  'aria-errormessage',
  'aria-activedescendant',
  'headers',
  'list',
  'popovertarget',
  'form',
]);

/** Script types that hold data, not code. */
const DATA_SCRIPT = /^application\/(ld\+)?json$/i;

const ATTRIBUTE_ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;' };
const escapeAttribute = (value: string) => value.replace(/[&"]/g, (c) => ATTRIBUTE_ESCAPES[c]!);

const idList = (value: string) => value.split(/\s+/).filter((v) => v !== '');

/**
 * Rewrites the HTML as text: a streaming parser (htmlparser2) finds each tag, and only the tags that change
 * (an id, a reference to one, a link, a heading moved down, a script dropped) are written anew; all else,
 * text included, is copied as it was. Parsing the pages into trees and serialising them again took most of the
 * merged page's time.
 */
export function mergeHtml(html: string, { prefix, rewriteHref, demote = 0, label }: MergeOptions): string {
  const out: string[] = [];
  /** How much of `html` is in `out` already. */
  let copied = 0;
  const replace = (from: number, to: number, text: string) => {
    out.push(html.slice(copied, from), text);
    copied = to;
  };
  /** Where the script being dropped starts. */
  let dropFrom: number | undefined;

  const heading = (name: string) => {
    const level = /^h([1-6])$/i.exec(name)?.[1];
    return level && demote ? `h${Math.min(6, Number(level) + demote)}` : undefined;
  };

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const start = parser.startIndex;
        const end = parser.endIndex + 1;
        if (dropFrom !== undefined) return;
        // The merged page is for print and offline reading, and ships no JavaScript: interactive figures lose
        // their script and keep the HTML and SVG that they are made of, which is complete without it.
        if (name.toLowerCase() === 'script' && !DATA_SCRIPT.test(attributes['type'] ?? '')) {
          dropFrom = start;
          return;
        }
        let changed = false;
        const written: string[] = [];
        for (const [key, value] of Object.entries(attributes)) {
          const lower = key.toLowerCase();
          let next = value;
          if (lower === 'id') {
            if (value !== '') next = prefixedId(prefix, value);
          } else if (IDREFS.has(lower)) {
            const refs = idList(value).map((v) => prefixedId(prefix, v));
            if (label && lower === 'aria-labelledby') next = [label, ...refs].join(' ');
            else if (refs.length > 0) next = refs.join(' ');
          } else if (lower === 'href' || lower === 'xlink:href') {
            if (value.startsWith('#')) {
              if (value.length > 1) next = `#${prefixedId(prefix, value.slice(1))}`;
            } else next = rewriteHref?.(value) ?? value;
          }
          if (next !== value) changed = true;
          written.push(` ${key}="${escapeAttribute(next)}"`);
        }
        const renamed = heading(name);
        if (!changed && !renamed) return;
        const selfClosing = html.slice(start, end).endsWith('/>') ? '/>' : '>';
        replace(start, end, `<${renamed ?? name}${written.join('')}${selfClosing}`);
      },
      onclosetag(name, implied) {
        if (dropFrom !== undefined) {
          if (name.toLowerCase() !== 'script') return;
          replace(dropFrom, implied ? parser.startIndex : parser.endIndex + 1, '');
          dropFrom = undefined;
          return;
        }
        const renamed = heading(name);
        if (renamed && !implied) replace(parser.startIndex, parser.endIndex + 1, `</${renamed}>`);
      },
    },
    { lowerCaseTags: false, lowerCaseAttributeNames: false, recognizeSelfClosing: true },
  );
  parser.end(html);
  if (dropFrom !== undefined) replace(dropFrom, html.length, '');
  out.push(html.slice(copied));
  return out.join('');
}

/** Where a page of the guide is on the merged page. `has` says which of its anchors made it there. */
export interface MergedTarget {
  prefix: string;
  has?: (anchor: string) => boolean;
}

/**
 * A link to another page of the guide ("/guide/kernel-features/kernel-tls/#why", with the base path) as a
 * link within the merged page ("#kernel-features-kernel-tls--why"), or undefined when that page or anchor
 * is not on it (the link then stays as it was).
 */
export function mergedHref(href: string, base: string, targets: Map<string, MergedTarget>): string | undefined {
  if (!href.startsWith(base)) return undefined;
  const hashAt = href.indexOf('#');
  const pathPart = hashAt === -1 ? href : href.slice(0, hashAt);
  const anchor = hashAt === -1 ? '' : decodeURIComponent(href.slice(hashAt + 1));
  const sitePath = `/${pathPart.slice(base.length)}`;
  const target = targets.get(sitePath.endsWith('/') ? sitePath : `${sitePath}/`);
  if (!target) return undefined;
  if (!anchor || anchor === 'top') return `#${target.prefix}`;
  if (target.has && !target.has(anchor)) return undefined;
  return `#${prefixedId(target.prefix, anchor)}`;
}

const CACHE_DIR = path.join(path.resolve(process.env['GUIDE_CACHE_DIR'] || 'node_modules/.astro'), 'guide-merge');
let code: string | undefined;

/**
 * A merged page's HTML, kept on disk under a hash of everything it is made from, so that a rebuild merges only
 * the chapters whose HTML changed. `context` must name all that `merge` reads besides `html` (the options, the
 * targets of its links); this module's own source and the lockfile (the HTML parser's version) join the key.
 * In the cache folder Astro uses (GUIDE_CACHE_DIR, or node_modules/.astro).
 */
export function cachedMerge(html: string, context: string, merge: () => string): string {
  code ??= ['src/lib/merge-html.ts', 'package-lock.json']
    .map((f) => {
      try {
        return fs.readFileSync(f, 'utf8');
      } catch {
        return `${f}: missing`;
      }
    })
    .join('\0');
  const key = crypto
    .createHash('sha256')
    .update(code)
    .update('\0')
    .update(context)
    .update('\0')
    .update(html)
    .digest('hex');
  const file = path.join(CACHE_DIR, `${key}.html`);
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    const merged = merge();
    fs.mkdirSync(CACHE_DIR, { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, merged);
    fs.renameSync(temporary, file);
    return merged;
  }
}
