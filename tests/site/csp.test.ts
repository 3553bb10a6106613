import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { builtPages } from '../support/pages';
import { SITE_BASE_DIR } from '../support/astro';

/** "default-src 'self'; script-src 'self' 'sha256-…'" → { 'default-src': ["'self'"], 'script-src': [...] } */
function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (!name) continue;
    if (directives.has(name.toLowerCase()))
      throw new Error(`directive ${name} appears twice (browsers ignore the second)`);
    directives.set(name.toLowerCase(), values);
  }
  return directives;
}

/** Types of <script> that hold data, not code: CSP does not apply to them. */
const isData = (type: string | undefined) =>
  !!type && !['module', 'text/javascript', 'application/javascript'].includes(type.toLowerCase());

// GitHub Pages sets no headers, so each page carries its policy as a <meta>; these are its rules.
describe('Content-Security-Policy of every page', () => {
  const pages = builtPages(SITE_BASE_DIR);

  it.each(pages.map((p) => [p.path, p] as const))('%s', (_path, { $, html }) => {
    const metas = $('meta[http-equiv="Content-Security-Policy" i]');
    expect(metas, 'one CSP <meta>').toHaveLength(1);
    // A <meta> policy applies only to what follows it: it must come before any script or stylesheet.
    const first = $('head')
      .children('script, style, link[rel~="stylesheet"], meta[http-equiv="Content-Security-Policy" i]')
      .first();
    expect(first.is('meta'), 'the CSP <meta> comes before any script or style').toBe(true);

    const policy = parsePolicy(metas.attr('content') ?? '');
    expect(policy.get('default-src')).toEqual(["'self'"]);
    const scriptSrc = policy.get('script-src') ?? policy.get('default-src')!;
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(policy.get('script-src-elem') ?? [], 'script-src-elem').not.toContain("'unsafe-inline'");
    expect(policy.get('object-src')).toEqual(["'none'"]);

    const handlers: string[] = [];
    $('*').each((_, el) => {
      for (const name of Object.keys((el as { attribs?: Record<string, string> }).attribs ?? {})) {
        if (/^on/i.test(name)) handlers.push(`<${(el as { tagName: string }).tagName} ${name}>`);
      }
    });
    expect(handlers, 'inline event handlers').toEqual([]);
    expect(html, 'javascript: URLs').not.toMatch(/(href|src|action)\s*=\s*["']?\s*javascript:/i);

    // Inline scripts run only by the hash of their exact text, and the policy allows no other: one hash for
    // each inline script (the colour-scheme script of the head), none left over.
    const hashes: string[] = [];
    $('script:not([src])').each((_, el) => {
      const $el = $(el);
      if (isData($el.attr('type'))) return;
      const hash = `'sha256-${crypto.createHash('sha256').update($el.text(), 'utf8').digest('base64')}'`;
      expect(scriptSrc, `inline script "${$el.text().slice(0, 60)}…" needs its hash in script-src`).toContain(hash);
      hashes.push(hash);
    });
    expect(hashes, 'the inline colour-scheme script').toHaveLength(1);
    expect(scriptSrc.filter((s) => /^'sha(256|384|512)-/.test(s))).toEqual(hashes);
  });
});
