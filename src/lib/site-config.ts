/**
 * Where the site is published. GitHub Pages serves a project site at https://OWNER.github.io/REPO/, so the
 * deploy workflow passes SITE_URL (the origin) and BASE_PATH (/REPO/). A build in CI must be told SITE_URL:
 * canonical links, social cards, the sitemap and the structured data are absolute, and a default would point
 * them all at 127.0.0.1. Only a build needs it: `astro check`, `astro dev` and the tests' own builds (which
 * pass a SITE_URL of their own) run in CI too. Locally both default to the address `npm start` serves on.
 */
export const LOCAL_SITE = 'http://127.0.0.1:4321';

export class SiteConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SiteConfigError';
  }
}

/** `command` is Astro's (build, dev, preview, sync); SITE_URL is required in CI for a build only. */
export function siteConfig(env: Record<string, string | undefined>, command?: string): { site: string; base: string } {
  const ci = Boolean(env['CI']) && env['CI'] !== 'false';
  const siteEnv = env['SITE_URL']?.trim();
  if (!siteEnv && ci && command === 'build')
    throw new SiteConfigError(
      'SITE_URL is not set, and this is a CI build: set it to the origin the site is published at (e.g. SITE_URL=https://owner.github.io), or every absolute link of the site points to 127.0.0.1',
    );
  let url: URL;
  try {
    url = new URL(siteEnv || LOCAL_SITE);
  } catch {
    throw new SiteConfigError(`SITE_URL "${siteEnv}" is not a URL such as "https://owner.github.io"`);
  }
  if (!/^https?:$/.test(url.protocol)) throw new SiteConfigError(`SITE_URL "${siteEnv}" must be an http or https URL`);
  const basePathEnv = env['BASE_PATH']?.trim();
  const sitePath = url.pathname.replace(/\/+$/, '');
  if (sitePath && !basePathEnv)
    throw new SiteConfigError(
      `SITE_URL "${siteEnv}" has a path ("${sitePath}/") but BASE_PATH is not set: give the origin in SITE_URL and the path in BASE_PATH (SITE_URL=${url.origin} BASE_PATH=${sitePath}/)`,
    );
  let base = basePathEnv || '/';
  if (!base.startsWith('/')) base = `/${base}`;
  if (!base.endsWith('/')) base = `${base}/`;
  const segments = base.split('/').filter(Boolean);
  if (!/^\/([A-Za-z0-9._~-]+\/)*$/.test(base) || segments.some((s) => s === '.' || s === '..'))
    throw new SiteConfigError(`BASE_PATH "${basePathEnv}" is not a URL path such as "/open-connect-guide/"`);
  return { site: url.origin, base };
}
