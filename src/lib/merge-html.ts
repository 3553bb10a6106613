import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { htmlToHast } from 'satteri';
import { toHtml } from 'hast-util-to-html';
import { SKIP, visit } from 'unist-util-visit';
import type { Element, Properties } from 'hast';

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

/** Properties (in hast's names) whose value is one id or a list of ids. */
const IDREFS = [
  'htmlFor',
  'ariaDescribedBy',
  'ariaLabelledBy',
  'ariaControls',
  'ariaOwns',
  'ariaDetails',
  'ariaErrorMessage',
  'ariaActiveDescendant',
  'headers',
  'list',
  'popoverTarget',
  'form',
];

function prefixRefs(properties: Properties, key: string, prefix: string) {
  const value = properties[key];
  if (Array.isArray(value)) properties[key] = value.map((v) => prefixedId(prefix, String(v)));
  else if (typeof value === 'string' && value !== '')
    properties[key] = value
      .split(/\s+/)
      .map((v) => prefixedId(prefix, v))
      .join(' ');
}

/** Script types that hold data, not code. */
const DATA_SCRIPT = /^application\/(ld\+)?json$/i;

export function mergeHtml(html: string, { prefix, rewriteHref, demote = 0, label }: MergeOptions): string {
  // Parsed by Sätteri's HTML parser (html5ever, native): the same hast as parse5's, in a fraction of the time.
  const tree = htmlToHast(html, { fragment: true });
  // The merged page is for print and offline reading, and ships no JavaScript: interactive figures lose their
  // script and keep the HTML and SVG that they are made of, which is complete without it.
  visit(tree, 'element', (node: Element, index, parent) => {
    if (
      node.tagName !== 'script' ||
      DATA_SCRIPT.test(String(node.properties['type'] ?? '')) ||
      !parent ||
      index === undefined
    )
      return;
    parent.children.splice(index, 1);
    return [SKIP, index];
  });
  visit(tree, 'element', (node: Element) => {
    const p = node.properties;
    if (typeof p['id'] === 'string' && p['id'] !== '') p['id'] = prefixedId(prefix, p['id']);
    for (const key of IDREFS) prefixRefs(p, key, prefix);
    if (label && p['ariaLabelledBy'] !== undefined) {
      const refs = Array.isArray(p['ariaLabelledBy'])
        ? p['ariaLabelledBy'].map(String)
        : String(p['ariaLabelledBy']).split(/\s+/);
      p['ariaLabelledBy'] = [label, ...refs];
    }
    for (const key of ['href', 'xLinkHref'] as const) {
      const href = p[key];
      if (typeof href !== 'string') continue;
      if (href.startsWith('#') && href.length > 1) p[key] = `#${prefixedId(prefix, href.slice(1))}`;
      else if (!href.startsWith('#')) p[key] = rewriteHref?.(href) ?? href;
    }
    const level = /^h([1-6])$/.exec(node.tagName)?.[1];
    if (level && demote) node.tagName = `h${Math.min(6, Number(level) + demote)}`;
  });
  return toHtml(tree);
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
